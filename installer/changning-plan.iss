; Inno Setup 6 script: a Windows installer for the folder that `python scripts\build.py` makes.
;
; Built on Windows only (Inno Setup does not run on Linux):
;   1. .venv\Scripts\python scripts\build.py          -> dist\changning-plan\changning-plan.exe
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\changning-plan.iss
;                                                    -> dist\changning-plan-setup-<version>.exe
;
; The installer needs no administrator rights: by default it installs for the current user into
; %LOCALAPPDATA%\Programs\changning-plan (an administrator may choose all users / Program Files). The
; program never writes into its install folder: park files go to Documents\长宁园规划监测, logs and
; caches to %LOCALAPPDATA%\Changning\changning-plan. Uninstalling leaves the park files alone.
; This file is UTF-8 with a byte-order mark, as Inno Setup needs for the Chinese names.

#define AppName "长宁园规划监测"
#define AppExeName "changning-plan.exe"
#define SourceDir "..\dist\changning-plan"
#define AppVersion GetVersionNumbersString(SourceDir + "\" + AppExeName)

[Setup]
AppId={{3C6F4E0A-7D52-4B8E-9A61-2F0D5C9B7E14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=长宁区规划评估
DefaultDirName={autopf}\changning-plan
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=changning-plan-setup-{#AppVersion}
SetupIconFile=..\resources\icons\changning-plan.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Simplified Chinese when the compiler has it (Languages\ChineseSimplified.isl; older Inno Setup 6
; releases ship it separately, from https://jrsoftware.org/files/istrans/), English otherwise.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
