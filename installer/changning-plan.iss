; Inno Setup 6.3 or later: a Windows installer for the folder that `python scripts\build.py` makes.
; (6.3 introduced the `x64compatible` architecture identifier used below; older compilers stop with a message.)
;
; Built on Windows only (Inno Setup does not run on Linux):
;   1. .venv\Scripts\python scripts\build.py          -> dist\changning-plan\changning-plan.exe (+ -cli.exe)
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\changning-plan.iss
;                                                    -> dist\changning-plan-setup-<version>.exe
;
; Windows 10 version 1809 (build 17763) 64-bit or later, or Windows 11: the oldest Windows Qt 6.11 supports
; (older ones fail at start: Qt needs the system's icuuc.dll, 1703 or later; Python 3.11 needs 8.1 or later).
; MinVersion below refuses older systems with a message in Chinese.
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

#if Ver < EncodeVer(6, 3, 0)
  #error 需要 Inno Setup 6.3 或更高版本（本脚本使用 x64compatible）。Inno Setup 6.3 or later is needed (x64compatible).
#endif

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
MinVersion=10.0.17763
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

[Messages]
; For every language: the office's PCs may have an English Windows.
WinVersionTooLowError=本软件需要 64 位 Windows 10 1809 版（内部版本 17763）或更高版本，或 Windows 11；这台电脑的 Windows 版本过旧，无法安装。%nThis program needs 64-bit Windows 10 version 1809 (build 17763) or later, or Windows 11.
OnlyOnTheseArchitectures=本软件只能安装在 64 位（x64）Windows 上。%nThis program can only be installed on 64-bit (x64) Windows.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
