<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>IndicatorsTab</name>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>2020 baseline</source>
        <translation>2020年基期值</translation>
    </message>
    <message>
        <source>2025 target</source>
        <translation>2025年目标值</translation>
    </message>
    <message>
        <source>Target kind</source>
        <translation>目标类型</translation>
    </message>
</context>
<context>
    <name>IndustriesTab</name>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>What the plan asks</source>
        <translation>规划要求</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Enterprise returns</source>
        <translation>企业报表</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <source>“%1” is open in another window or on another computer.
Open it read-only?</source>
        <translation>“%1”已在另一个窗口或另一台电脑上打开。
是否以只读方式打开？</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>The file used last time, “%1”, is no longer there. Use File ▸ New or File ▸ Open to continue.</source>
        <translation>上次使用的文件“%1”已不存在。请通过“文件 ▸ 新建”或“文件 ▸ 打开”继续。</translation>
    </message>
    <message>
        <source>Cannot create file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>New park file</source>
        <translation>新建园区数据文件</translation>
    </message>
    <message>
        <source>“%1” already exists; choose another name.</source>
        <translation>“%1”已存在，请换一个文件名。</translation>
    </message>
    <message>
        <source>Open park file</source>
        <translation>打开园区数据文件</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Cannot save copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Changning Park Plan Monitor</source>
        <translation>长宁园规划监测</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Changning Park Plan Monitor, version %1</source>
        <translation>长宁园规划监测，版本 %1</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Data version: %1</source>
        <translation>数据版本：%1</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>报表数</translation>
    </message>
</context>
<context>
    <name>TalentTab</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>2020</source>
        <translation>2020年</translation>
    </message>
</context>
<context>
    <name>ZonesTab</name>
    <message>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Featured park or platform</source>
        <translation>特色园区与平台</translation>
    </message>
    <message>
        <source>Role in the plan</source>
        <translation>规划定位</translation>
    </message>
</context>
</TS>