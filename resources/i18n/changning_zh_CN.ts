<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartCanvas</name>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为PNG图片…</translation>
    </message>
    <message>
        <source>Save as SVG…</source>
        <translation>另存为SVG矢量图…</translation>
    </message>
    <message>
        <source>Cannot save image</source>
        <translation>无法保存图片</translation>
    </message>
    <message>
        <source>“%1” could not be written: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG图片 (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>图表另存为</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>The program ran into an unexpected error and the last action was not completed.
Your saved data is safe: every change is either written completely or not at all.</source>
        <translation>程序遇到意外错误，刚才的操作没有完成。
已保存的数据是安全的：每次修改要么完整写入，要么完全不写入。</translation>
    </message>
    <message>
        <source>The details were written to:
%1</source>
        <translation>错误详情已记录在：
%1</translation>
    </message>
    <message>
        <source>If this happens again, click “Copy details” and send them to your support contact.</source>
        <translation>如果问题再次出现，请点击“复制详情”，并发送给技术支持人员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>FactsTab</name>
    <message>
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>%1 (plan)</source>
        <translation>%1年（规划）</translation>
    </message>
    <message>
        <source>Change %1 − %2</source>
        <translation>%1年较%2年变化</translation>
    </message>
    <message>
        <source>Change against %1</source>
        <translation>较%1年变化</translation>
    </message>
    <message>
        <source>%1 is the plan's figure. Grey: summed from the enterprises' returns (patents, high-tech enterprises); an official figure replaces it. Double-click an official figure or a note to enter it.</source>
        <translation>%1年为规划数。灰色：由企业报表汇总（专利、高新技术企业），录入官方数值后以官方数值为准。双击官方数值或备注即可录入。</translation>
    </message>
    <message>
        <source>Series %1–%2</source>
        <translation>%1—%2年序列</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>变化（%）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>From returns</source>
        <translation>报表汇总值</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官方数值</translation>
    </message>
    <message>
        <source>Value used</source>
        <translation>采用值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>From the plan: %1</source>
        <translation>规划原文：%1</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1未保存任何内容。</translation>
    </message>
    <message>
        <source>official figure</source>
        <translation>官方数值</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Finished</name>
    <message>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <source>“%1” has been written.</source>
        <translation>已写入“%1”。</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>所在文件夹：%1</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
        <source>Open containing &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
</context>
<context>
    <name>GroupTab</name>
    <message>
        <source>official figure</source>
        <translation>官方数据</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>The user guide “%1” was not found.</source>
        <translation>找不到使用说明文件“%1”。</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import returns</source>
        <translation>导入企业报表</translation>
    </message>
    <message>
        <source>The file is open read-only.</source>
        <translation>文件以只读方式打开，不能导入。</translation>
    </message>
    <message>
        <source>Reading and checking returns…</source>
        <translation>正在读取并检查企业报表…</translation>
    </message>
    <message>
        <source>Import returns (batch %1)</source>
        <translation>导入企业报表（第%1批）</translation>
    </message>
    <message>
        <source>Imported %1 rows (batch %2).</source>
        <translation>已导入%1行（第%2批）。</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <source>Set by the office; the plan's figure: %1</source>
        <translation>区定基期值；规划所列：%1</translation>
    </message>
    <message>
        <source>The plan's figure</source>
        <translation>规划所列基期值</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>%1 baseline</source>
        <translation>%1年基数</translation>
    </message>
    <message>
        <source>%1 target</source>
        <translation>%1年目标</translation>
    </message>
    <message>
        <source>Value %1</source>
        <translation>%1年值</translation>
    </message>
    <message>
        <source>Running total %1</source>
        <translation>%1年累计</translation>
    </message>
    <message>
        <source>Status %1</source>
        <translation>%1年状态</translation>
    </message>
    <message>
        <source>Projected %1</source>
        <translation>%1年预计</translation>
    </message>
    <message>
        <source>Gap to the target</source>
        <translation>差距</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Reference data</source>
        <translation>参考数据</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Assigned by the city</source>
        <translation>市下达值</translation>
    </message>
    <message>
        <source>Planned (running total)</source>
        <translation>计划累计</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划值</translation>
    </message>
    <message>
        <source>Running total</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Derived from returns</source>
        <translation>报表汇总值</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
    <message>
        <source>No figures yet. Import the enterprises' returns, or the official figures; figures can also be typed into the tables below.</source>
        <translation>还没有任何年度数据。请先导入企业报表或官方数据；也可以直接在下方表格中录入。</translation>
    </message>
    <message>
        <source>Import returns…</source>
        <translation>导入企业报表…</translation>
    </message>
    <message>
        <source>Import official figures…</source>
        <translation>导入官方数据…</translation>
    </message>
    <message>
        <source>Yearly figures</source>
        <translation>年度数据</translation>
    </message>
    <message>
        <source>Reference value from returns</source>
        <translation>报表口径参考值（不参与评估）</translation>
    </message>
    <message>
        <source>Derived from returns (yearly flow)</source>
        <translation>报表汇总值（当年新增）</translation>
    </message>
    <message>
        <source>Official (yearly flow)</source>
        <translation>官方值（当年新增）</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官方数据</translation>
    </message>
    <message>
        <source>Growth %</source>
        <translation>增速%</translation>
    </message>
    <message>
        <source>District growth %</source>
        <translation>全区增速%</translation>
    </message>
    <message>
        <source>Average annual growth %1 %</source>
        <translation>%1年年均增速%</translation>
    </message>
    <message>
        <source>District average annual growth %1 %</source>
        <translation>全区%1年年均增速%</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Gap to the target</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Assessment note</source>
        <translation>评估意见</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基期</translation>
    </message>
    <message>
        <source>Plan's figure</source>
        <translation>规划所列基期值</translation>
    </message>
    <message>
        <source>Office's figure</source>
        <translation>区定基期值</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>Source of the office's figure</source>
        <translation>区定基期值来源</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>口径说明</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>office's: %1</source>
        <translation>区定：%1</translation>
    </message>
    <message>
        <source>plan's: %1</source>
        <translation>规划：%1</translation>
    </message>
    <message>
        <source>%1 baseline</source>
        <translation>%1年基期值</translation>
    </message>
    <message>
        <source>Edit %1 %3 baseline (%2)</source>
        <translation>修改%1 %3年基期值（%2）</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目标：%1</translation>
    </message>
    <message>
        <source>assessed on official figures only</source>
        <translation>仅按官方统计数据评估</translation>
    </message>
    <message>
        <source>Needed per year from %1: %2</source>
        <translation>自%1年起每年需：%2</translation>
    </message>
    <message>
        <source>Edit %1 %2 %3</source>
        <translation>修改%1 %2年%3</translation>
    </message>
    <message>
        <source>Trace sources</source>
        <translation>追溯来源</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>数值（%1）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Edit %1 %2</source>
        <translation>修改%1 %2年</translation>
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
        <source>Enterprises</source>
        <translation>企业数</translation>
    </message>
    <message>
        <source>Revenue (100M yuan)</source>
        <translation>营业收入（亿元）</translation>
    </message>
    <message>
        <source>Revenue growth</source>
        <translation>营收同比增长</translation>
    </message>
    <message>
        <source>Tax (100M yuan)</source>
        <translation>纳税总额（亿元）</translation>
    </message>
    <message>
        <source>Share of park revenue</source>
        <translation>占园区营收比重</translation>
    </message>
    <message>
        <source>Plan group (chapter 4)</source>
        <translation>规划分组（第四章）</translation>
    </message>
    <message>
        <source>of which “3+3” key industries</source>
        <translation>其中：“3+3”重点产业</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>What the plan asks: %1</source>
        <translation>规划要求：%1</translation>
    </message>
    <message>
        <source>Selected industry</source>
        <translation>所选产业</translation>
    </message>
    <message>
        <source>Shares of park revenue</source>
        <translation>各产业营收占比</translation>
    </message>
    <message>
        <source>“3+3” against the rest</source>
        <translation>“3+3”重点产业与其他</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>Plan figures</source>
        <translation>规划基数</translation>
    </message>
    <message>
        <source>Key tasks</source>
        <translation>重点任务</translation>
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
        <source>New plan from a definition…</source>
        <translation>新建规划…</translation>
    </message>
    <message>
        <source>Plan se&amp;ttings…</source>
        <translation>规划设置(&amp;T)…</translation>
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
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
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
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出到Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo “%1”? Its rows are removed from the file and the rows it replaced are put back.</source>
        <translation>撤销“%1”？该批导入的数据将从文件中删除，被其替换的数据将恢复。</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>文件正在使用</translation>
    </message>
    <message>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>以只读方式打开(&amp;O)</translation>
    </message>
    <message>
        <source>Export a &amp;clean copy…</source>
        <translation>导出干净副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Export a clean copy</source>
        <translation>导出干净副本</translation>
    </message>
    <message>
        <source>Clean copy</source>
        <translation>干净副本</translation>
    </message>
    <message>
        <source>A backup copy is beside it: “%1”.
Restore the backup copy and open it? The file that cannot be opened is kept as “%2”.</source>
        <translation>旁边有一份备份副本：“%1”。
是否用该备份副本恢复并打开？无法打开的原文件将保留为“%2”。</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <source>Cannot create file</source>
        <translation>无法创建文件</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>最近打开的文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>导出PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;Word…</source>
        <translation>导出Word(&amp;W)…</translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation>以只读方式打开吗？</translation>
    </message>
    <message>
        <source>“%1”: %2 has been editing it on %3 since %4.</source>
        <translation>“%1”：%2 在 %3 上自 %4 起正在编辑。</translation>
    </message>
    <message>
        <source>The lock has not been renewed for %1 minutes: that computer may have crashed or lost the network.</source>
        <translation>该锁已有 %1 分钟没有续期：那台电脑可能已死机、断电或断网。</translation>
    </message>
    <message>
        <source>&amp;Take over</source>
        <translation>接管(&amp;T)</translation>
    </message>
    <message>
        <source>Take over “%1” from %2 on %3?
Do this only if nobody is working on the file there any more: from now on that computer can no longer save its changes.</source>
        <translation>要从 %3 上的 %2 手中接管“%1”吗？
请确认那边已无人在编辑此文件：接管后，那台电脑将不能再保存修改。</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <source>File taken over</source>
        <translation>文件已被接管</translation>
    </message>
    <message>
        <source>“%1” has been taken over by %2; it is now open read-only.</source>
        <translation>“%1”已被 %2 接管，现以只读方式打开。</translation>
    </message>
    <message>
        <source>The file used last time, “%1”, is no longer there (moved, renamed or deleted).
Create a new park file, or open another one?</source>
        <translation>上次使用的文件“%1”已不在原处（可能已被移动、改名或删除）。
要新建一个园区数据文件，还是打开其他文件？</translation>
    </message>
    <message>
        <source>No backup copy</source>
        <translation>未能备份</translation>
    </message>
    <message>
        <source>Today's backup copy of “%1” could not be written beside it: %2</source>
        <translation>未能在“%1”旁边写入今天的备份副本：%2</translation>
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
        <source>Created “%1” for the plan %2.</source>
        <translation>已为%2创建“%1”。</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建规划</translation>
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
    <name>NewPlanDialog</name>
    <message>
        <source>New plan from a definition</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <source>Creates a new park file for the plan a definition workbook describes (its period, indicators, industries, zones, talent, plan figures and tasks). `python main.py plan-template OUT.xlsx` writes the built-in plan's definition as an example to edit.</source>
        <translation>按规划定义工作簿（规划期、指标、产业、片区、人才、规划基数和重点任务）新建一个园区数据文件。可用 python main.py plan-template 输出.xlsx 导出内置规划的定义，作为修改的范例。</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Plan definition (.xlsx):</source>
        <translation>规划定义（.xlsx）：</translation>
    </message>
    <message>
        <source>New park file:</source>
        <translation>新园区数据文件：</translation>
    </message>
    <message>
        <source>Previous plan's file (baselines carried over):</source>
        <translation>上一规划文件（结转基期值）：</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Plan definition</source>
        <translation>规划定义</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>New park file</source>
        <translation>新园区数据文件</translation>
    </message>
    <message>
        <source>Park files (*.sqlite *.db)</source>
        <translation>园区数据文件 (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>Previous plan's file</source>
        <translation>上一规划文件</translation>
    </message>
    <message>
        <source>Not created: %1 problem(s).</source>
        <translation>未创建：共%1处问题。</translation>
    </message>
    <message>
        <source>Choose the plan definition workbook (.xlsx).</source>
        <translation>请选择规划定义工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The plan definition “%1” does not exist.</source>
        <translation>规划定义“%1”不存在。</translation>
    </message>
    <message>
        <source>Choose where the new park file goes.</source>
        <translation>请选择新园区数据文件的保存位置。</translation>
    </message>
    <message>
        <source>The previous plan's file “%1” does not exist.</source>
        <translation>上一规划文件“%1”不存在。</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建规划</translation>
    </message>
</context>
<context>
    <name>NumberInput</name>
    <message>
        <source>“%1” %2.</source>
        <translation>“%1”%2</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>is too large</source>
        <translation>数值过大</translation>
    </message>
    <message>
        <source>has a % sign, but the unit here is %1</source>
        <translation>带有百分号，但此处单位为%1</translation>
    </message>
    <message>
        <source>does not match the unit here (%1)</source>
        <translation>与此处单位（%1）不符</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is not a whole number (this is a count)</source>
        <translation>不是整数（此项为个数）</translation>
    </message>
    <message>
        <source>must be between %1 and %2</source>
        <translation>应在%1至%2之间</translation>
    </message>
    <message>
        <source>must be at least %1</source>
        <translation>不能小于%1</translation>
    </message>
    <message>
        <source>must be at most %1</source>
        <translation>不能大于%1</translation>
    </message>
</context>
<context>
    <name>OfficialActions</name>
    <message>
        <source>Export official figures table…</source>
        <translation>导出官方数据表…</translation>
    </message>
    <message>
        <source>Import official figures…</source>
        <translation>导入官方数据…</translation>
    </message>
    <message>
        <source>Export official figures table</source>
        <translation>导出官方数据表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>共%1行</translation>
    </message>
    <message>
        <source>Import official figures</source>
        <translation>导入官方数据</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Reading the official figures…</source>
        <translation>正在读取官方数据…</translation>
    </message>
    <message>
        <source>Store these figures?</source>
        <translation>是否保存以上数据？</translation>
    </message>
    <message>
        <source>Import official figures from %1</source>
        <translation>导入官方数据（%1）</translation>
    </message>
    <message>
        <source>%1 official figures stored, %2 unchanged, %3 rejected.</source>
        <translation>已保存%1个官方数据，%2个未变化，拒绝%3个。</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>End-of-period level</source>
        <translation>期末值</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计值</translation>
    </message>
    <message>
        <source>Keep pace</source>
        <translation>同步增长</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>下达指标</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>越大越好</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>越小越好</translation>
    </message>
    <message>
        <source>Traditional strengths</source>
        <translation>传统优势产业</translation>
    </message>
    <message>
        <source>Key featured industries</source>
        <translation>重点特色产业</translation>
    </message>
    <message>
        <source>Pioneer industries</source>
        <translation>先导产业</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>存量</translation>
    </message>
    <message>
        <source>Yearly flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Plan settings</source>
        <translation>规划设置</translation>
    </message>
    <message>
        <source>%1 indicators, %2 plan figures, %3 key tasks</source>
        <translation>指标%1项，规划基数%2项，重点任务%3项</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>规划名称：</translation>
    </message>
    <message>
        <source>Park:</source>
        <translation>园区：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>规划期：</translation>
    </message>
    <message>
        <source>%1–%2 (base year %3, target year %4)</source>
        <translation>%1—%2年（基期年%3年，目标年%4年）</translation>
    </message>
    <message>
        <source>Published:</source>
        <translation>发布日期：</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源文件：</translation>
    </message>
    <message>
        <source>Holds:</source>
        <translation>包含：</translation>
    </message>
    <message>
        <source>Read-only. Targets and the plan's other settings are changed through the plan definition workbook (python main.py plan-template, then File ▸ New plan from a definition…) or by an audited edit of a figure.</source>
        <translation>此处仅供查看。目标值等规划设置须通过规划定义工作簿修改（python main.py plan-template 导出后编辑，再用“文件 ▸ 新建规划…”创建），或对数据进行留痕修改。</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Baseline (%1)</source>
        <translation>基期值（%1年）</translation>
    </message>
    <message>
        <source>Target (%1)</source>
        <translation>目标值（%1年）</translation>
    </message>
    <message>
        <source>Target as the plan says it</source>
        <translation>目标说明</translation>
    </message>
    <message>
        <source>From the returns</source>
        <translation>报表口径</translation>
    </message>
    <message>
        <source>Reference series</source>
        <translation>参照序列</translation>
    </message>
    <message>
        <source>Reference series list</source>
        <translation>参考序列</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>“3+3”</source>
        <translation>是否“3+3”</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>功能定位</translation>
    </message>
    <message>
        <source>Featured parks</source>
        <translation>特色园区</translation>
    </message>
    <message>
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>(no zone)</source>
        <translation>（不属任何片区）</translation>
    </message>
    <message>
        <source>Talent</source>
        <translation>人才</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <source>Export report as PDF</source>
        <translation>导出报告为PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export report as Word</source>
        <translation>导出Word报告</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word文档 (*.docx)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <source>Writing the Word document…</source>
        <translation>正在生成Word文档…</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>正在写入Excel工作簿…</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>ReportOptionsDialog</name>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>%1 (final evaluation)</source>
        <translation>%1（总结评估）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>报告内容</translation>
    </message>
</context>
<context>
    <name>ReturnsActions</name>
    <message>
        <source>&amp;Import returns…</source>
        <translation>导入企业报表(&amp;I)…</translation>
    </message>
    <message>
        <source>Export return &amp;form…</source>
        <translation>导出报表模板(&amp;F)…</translation>
    </message>
    <message>
        <source>Undo i&amp;mport…</source>
        <translation>撤销导入(&amp;M)…</translation>
    </message>
    <message>
        <source>Import returns</source>
        <translation>导入企业报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm)</source>
        <translation>Excel工作簿 (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Export return form</source>
        <translation>导出报表模板</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Any year</source>
        <translation>不限年度</translation>
    </message>
    <message>
        <source>Report year the form is for:</source>
        <translation>报表所属年度：</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>No returns have been imported into this file.</source>
        <translation>此文件尚未导入任何企业报表。</translation>
    </message>
    <message>
        <source>Import %1 undone: %2 rows removed.</source>
        <translation>已撤销第%1批导入：删除%2行。</translation>
    </message>
</context>
<context>
    <name>ReturnsTab</name>
    <message>
        <source>Credit code or name</source>
        <translation>信用代码或企业名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Collection of returns</source>
        <translation>回收情况</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出名单…</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Last year's revenue (10k yuan)</source>
        <translation>上年营业收入（万元）</translation>
    </message>
    <message>
        <source>No enterprise returns yet. Send the return form to the enterprises, then import the workbooks they fill in (or drop them on this window).</source>
        <translation>还没有企业报表。请先导出企业报表表格发给企业，再导入企业填好的工作簿（也可直接拖到本窗口）。</translation>
    </message>
    <message>
        <source>Import returns…</source>
        <translation>导入企业报表…</translation>
    </message>
    <message>
        <source>Export return form…</source>
        <translation>导出企业报表表格…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 of %2 returns</source>
        <translation>显示%1份，共%2份报表</translation>
    </message>
    <message>
        <source>No returns stored yet.</source>
        <translation>尚无企业报表。</translation>
    </message>
    <message>
        <source>%1: no returns of %2 to compare with.</source>
        <translation>%1年：没有%2年的报表可供对比。</translation>
    </message>
    <message>
        <source>%1: of the %2 enterprises that returned a form for %3, %4 have returned one (%5%); %6 have not. %7 returned for the first time.</source>
        <translation>%1年：%3年报送报表的%2家企业中，已回收%4家（回收率%5%），未回收%6家；另有%7家为首次报送。</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>导出名单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 enterprises</source>
        <translation>共%1家企业</translation>
    </message>
</context>
<context>
    <name>ReturnsTableModel</name>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Revenue (10k yuan)</source>
        <translation>营业收入（万元）</translation>
    </message>
    <message>
        <source>Tax (10k yuan)</source>
        <translation>纳税总额（万元）</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>从业人员</translation>
    </message>
    <message>
        <source>High-tech</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review import</source>
        <translation>核对导入内容</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Accepted (%1)</source>
        <translation>可导入（%1）</translation>
    </message>
    <message>
        <source>Rejected (%1)</source>
        <translation>拒绝（%1）</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <source>Stored name</source>
        <translation>已存企业名称</translation>
    </message>
    <message>
        <source>Stored batch</source>
        <translation>已存批次</translation>
    </message>
    <message>
        <source>To check (%1)</source>
        <translation>需核对（%1）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Files and warnings (%1)</source>
        <translation>文件与提示（%1）</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Returns already stored for the same enterprise and year:</source>
        <translation>同一企业同一年度已有报表的行：</translation>
    </message>
    <message>
        <source>Skip them (keep the stored returns)</source>
        <translation>跳过（保留已有报表）</translation>
    </message>
    <message>
        <source>Replace the stored returns (undo of this import restores them)</source>
        <translation>替换已有报表（撤销本次导入可恢复）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存被拒行…</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒行</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Rejected rows written to %1</source>
        <translation>被拒行已保存到%1</translation>
    </message>
    <message>
        <source>%1 rows read: %2 will be imported, %3 rejected, %4 conflicts, %5 to check, %6 files rejected.</source>
        <translation>共读取%1行：将导入%2行，拒绝%3行，冲突%4行，需核对%5处，被拒文件%6个。</translation>
    </message>
    <message>
        <source>Nothing can be imported.</source>
        <translation>没有可导入的数据。</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <source>%1 %2, %3: “%4” was not saved: %5.</source>
        <translation>%1 %2年“%3”：“%4”%5，未保存。</translation>
    </message>
    <message>
        <source>%1, %2: %3 Nothing was saved.</source>
        <translation>%1，%2：%3，未保存。</translation>
    </message>
</context>
<context>
    <name>TalentTab</name>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Talent group</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1年合计</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>From returns</source>
        <translation>报表汇总</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官方数据</translation>
    </message>
    <message>
        <source>Value used</source>
        <translation>采用值</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Cumulative since %1</source>
        <translation>%1年以来累计</translation>
    </message>
    <message>
        <source>Grey: summed from the enterprises' returns. Double-click an official figure or a note to enter it. %1 high-level talent counts default to the plan's figures.</source>
        <translation>灰色数字由企业报表汇总得出。双击“官方数据”或“备注”单元格录入。%1年高层次人才数默认采用规划中的数字。</translation>
    </message>
    <message>
        <source>plan (%1)</source>
        <translation>规划基数</translation>
    </message>
    <message>
        <source>Work permits against the planned path</source>
        <translation>工作许可累计与规划路径</translation>
    </message>
    <message>
        <source>Planned cumulative</source>
        <translation>序时累计目标</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>official</source>
        <translation>官方</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>From the plan: %1</source>
        <translation>规划原文：%1</translation>
    </message>
    <message>
        <source>Returnee and foreign share</source>
        <translation>留学归国与外籍人员占比</translation>
    </message>
    <message>
        <source>High-level talent</source>
        <translation>高层次人才</translation>
    </message>
    <message>
        <source>Talent programmes</source>
        <translation>人才计划</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>涉及产业/片区</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Progress note</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>%1: %2 tasks — </source>
        <translation>%1年：共%2项任务 — </translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Task %1: %2. Nothing was saved.</source>
        <translation>任务%1：%2。未保存任何内容。</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>progress note</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>TraceDialog</name>
    <message>
        <source>Sources of a derived figure</source>
        <translation>推算数据的来源</translation>
    </message>
    <message>
        <source>%1 is not derived from enterprise returns.</source>
        <translation>“%1”不由企业报表推算。</translation>
    </message>
    <message>
        <source>%1, %2: derived from %3 returns (columns: %4).</source>
        <translation>%1，%2年：由%3份企业报表推算（栏目：%4）。</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Returns (%1)</source>
        <translation>企业报表（%1）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import batches (%1)</source>
        <translation>导入批次（%1）</translation>
    </message>
</context>
<context>
    <name>UndoImportDialog</name>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Choose the import to undo. Its rows are removed and the returns it replaced are restored.</source>
        <translation>选择要撤销的导入批次。该批导入的行将被删除，被它替换的报表将恢复。</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>撤销导入(&amp;U)</translation>
    </message>
</context>
<context>
    <name>YearGroupTab</name>
    <message>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Grey: summed from the enterprises' returns. Double-click an official figure or a note to enter it; the official figure is used when present.</source>
        <translation>灰色数字由企业报表汇总得出。双击“官方数据”或“备注”单元格录入；有官方数据时采用官方数据。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>From returns</source>
        <translation>报表汇总</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>官方数据</translation>
    </message>
    <message>
        <source>Value used</source>
        <translation>采用值</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>上年</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>同比增长</translation>
    </message>
    <message>
        <source>Like-for-like growth</source>
        <translation>同口径增长</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Returns of %1 collected: %2 (%3 of the %4 enterprises that returned a form for %5), so the change from %5 is partly missing returns. Like for like (enterprises that returned in both years), revenue grew %6.</source>
        <translation>%1年报表回收率%2（%5年报送的%4家企业中%3家已报送），与%5年相比的变化部分来自未报送的企业。按两年均报送的企业同口径比较，营业收入增长%6。</translation>
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
        <source>Park</source>
        <translation>园区</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集聚区</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>基地</translation>
    </message>
    <message>
        <source>Zone core</source>
        <translation>片区核心</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业数</translation>
    </message>
    <message>
        <source>Revenue (100M yuan)</source>
        <translation>营业收入（亿元）</translation>
    </message>
    <message>
        <source>Tax (100M yuan)</source>
        <translation>纳税总额（亿元）</translation>
    </message>
    <message>
        <source>High-tech enterprises</source>
        <translation>高新技术企业</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Role in the plan: %1</source>
        <translation>功能定位：%1</translation>
    </message>
    <message>
        <source>Featured parks and platforms: %1</source>
        <translation>特色园区与平台：%1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add park</source>
        <translation>添加园区</translation>
    </message>
    <message>
        <source>Remove park</source>
        <translation>删除园区</translation>
    </message>
    <message>
        <source>Featured parks and platforms (status kept by the office):</source>
        <translation>特色园区与平台（状态由本部门维护）：</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>相关产业</translation>
    </message>
    <message>
        <source>Parks the plan names in no zone:</source>
        <translation>规划提及、未划入片区的园区：</translation>
    </message>
    <message>
        <source>Revenue and tax by zone</source>
        <translation>各片区营收与税收</translation>
    </message>
    <message>
        <source>Enterprises by zone</source>
        <translation>各片区企业数</translation>
    </message>
    <message>
        <source>%1: a featured park needs a name. Nothing was saved.</source>
        <translation>%1：园区名称不能为空。未保存。</translation>
    </message>
    <message>
        <source>%1: unknown status. Nothing was saved.</source>
        <translation>%1：状态无效。未保存。</translation>
    </message>
    <message>
        <source>New park</source>
        <translation>新园区</translation>
    </message>
    <message>
        <source>Add featured park to %1</source>
        <translation>向%1添加特色园区</translation>
    </message>
    <message>
        <source>Remove featured park %1</source>
        <translation>删除特色园区%1</translation>
    </message>
</context>
</TS>