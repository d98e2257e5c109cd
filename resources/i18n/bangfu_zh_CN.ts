<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Bangfu Ledger</source>
        <translation>关于帮扶台账</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可协议</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>第三方软件许可</translation>
    </message>
    <message>
        <source>GNU LGPL 3.0</source>
        <translation>GNU LGPL 3.0</translation>
    </message>
    <message>
        <source>GNU GPL 3.0</source>
        <translation>GNU GPL 3.0</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bangfu Ledger&lt;/b&gt; (帮扶台账) {version}&lt;br&gt;Records of dispatched assistance staff, their services and outcomes, and the quarterly summary.</source>
        <translation>&lt;b&gt;帮扶台账&lt;/b&gt;（Bangfu Ledger）{version}&lt;br&gt;管理“组团式”帮扶人才名册、服务保障和工作成效，打印季度汇总。</translation>
    </message>
    <message>
        <source>Qt {qt}, PySide6 {pyside}, Python {python}</source>
        <translation>Qt {qt}，PySide6 {pyside}，Python {python}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>当前数据库</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建环境</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>{file} is missing from this installation.</source>
        <translation>本次安装缺少 {file}。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>{problem}

Restore the newest good backup, made {when} ({age})? The damaged file is kept beside it with the ending .corrupt.</source>
        <translation>{problem}

要用最新的完好备份（{when}，{age}）恢复吗？损坏的文件会以 .corrupt 结尾保留在原处。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>An automatic backup could not be made: {reason}

The ledger itself is intact and you can go on working; check the backup folder in Settings.</source>
        <translation>自动备份未能完成：{reason}

台账本身完好，您可以继续工作；请在“设置”中检查备份文件夹。</translation>
    </message>
    <message>
        <source>This ledger is already open here; this window is it.</source>
        <translation>此台账已在本窗口中打开。</translation>
    </message>
    <message>
        <source>{path} already exists; choose a new file name.</source>
        <translation>{path} 已存在，请换一个新文件名。</translation>
    </message>
    <message>
        <source>Only an administrator restores a backup.</source>
        <translation>只有管理员可以从备份恢复。</translation>
    </message>
    <message>
        <source>The backup on closing could not be made: {reason}</source>
        <translation>关闭时的备份未能完成：{reason}</translation>
    </message>
    <message>
        <source>{hours} hours ago</source>
        <translation>{hours} 小时前</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} 天前</translation>
    </message>
    <message>
        <source>{path} is already open in a Bangfu Ledger window; it was brought to the front.</source>
        <translation>{path} 已在一个帮扶台账窗口中打开，已将该窗口切换到前台。</translation>
    </message>
    <message>
        <source>New ledger</source>
        <translation>新建台账</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.

Create it and start a new, empty ledger {name} there?</source>
        <translation>文件夹 {folder} 不存在。

要创建该文件夹，并在其中新建一个空台账 {name} 吗？</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多需要一个参数值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个参数值</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须提供参数 %s 之一</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>Bangfu Ledger</source>
        <translation>帮扶台账</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Closed quarter</source>
        <translation>关账</translation>
    </message>
    <message>
        <source>Reopened quarter</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <source>Undid a batch</source>
        <translation>撤销批次</translation>
    </message>
    <message>
        <source>Removed by undo</source>
        <translation>撤销时移除</translation>
    </message>
    <message>
        <source>Restored by undo</source>
        <translation>撤销时还原</translation>
    </message>
    <message>
        <source>Brought back by undo</source>
        <translation>撤销时找回</translation>
    </message>
    <message>
        <source>Exported with full ID numbers</source>
        <translation>导出完整身份证号</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source> → </source>
        <translation> → </translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>AuditLogTab</name>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The entries as listed, with the filters applied (Ctrl+E)</source>
        <translation>按当前筛选导出所列记录（Ctrl+E）</translation>
    </message>
    <message>
        <source>Choose an entry to see every field it changed.</source>
        <translation>选中一条日志，可在此查看它改动的全部字段。</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>The database failed its check, so no backup was made: {problem}</source>
        <translation>数据库未通过检查，未进行备份：{problem}</translation>
    </message>
    <message>
        <source>{path} is not a usable backup: {problem}</source>
        <translation>{path} 不是可用的备份：{problem}</translation>
    </message>
</context>
<context>
    <name>Batches</name>
    <message>
        <source>Staff import</source>
        <translation>导入人才名册</translation>
    </message>
    <message>
        <source>Service records import</source>
        <translation>导入服务记录</translation>
    </message>
    <message>
        <source>Outcomes import</source>
        <translation>导入工作成效</translation>
    </message>
    <message>
        <source>Mentorships import</source>
        <translation>导入师徒结对</translation>
    </message>
    <message>
        <source>Entry for many</source>
        <translation>批量登记</translation>
    </message>
    <message>
        <source>Outcome grid</source>
        <translation>成效批量录入</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Undone at</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <source>No such batch (id {id}).</source>
        <translation>没有这个批次（编号 {id}）。</translation>
    </message>
    <message>
        <source>This batch was already undone on {when}.</source>
        <translation>此批次已于 {when} 撤销。</translation>
    </message>
    <message>
        <source>{kind} #{id} was changed after this batch (by {who} on {when}); undo is refused so that later work is not lost.</source>
        <translation>{kind} #{id} 在此批次之后又被修改过（{who}，{when}）；为免丢失后来的工作，不能撤销。</translation>
    </message>
    <message>
        <source>{name} was added by this batch and is used since: {uses}.</source>
        <translation>{name}由此批次新增，之后已被使用：{uses}。</translation>
    </message>
</context>
<context>
    <name>CatalogTab</name>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>CatalogTabs</name>
    <message>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>The services the office owes every dispatched person (十项服务). The rule says how often each person is owed a service; coverage and reminders follow it. A service no longer offered is retired on a day: the quarters that began before that day still count it.</source>
        <translation>本单位为每位帮扶人才提供的服务项目（十项服务）。周期规定每人应享受服务的频次，覆盖率和提醒据此计算。不再提供的服务项目应设置停用日期：在该日期之前开始的季度仍统计该项目。</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>The outcome figures recorded for each field. Choose a metric to give it a target per year; the quarterly summary shows the progress against it.</source>
        <translation>各帮扶领域登记的工作成效指标。选中一项指标可设置年度目标，季度汇总将显示完成进度。</translation>
    </message>
</context>
<context>
    <name>Catalogs</name>
    <message>
        <source>cannot change while closed quarters hold its entries ({quarters}); reopen them first, or add a new metric</source>
        <translation>已关账的季度（{quarters}）中有该指标的记录，不能修改；请先重新开放这些季度，或新增一个指标</translation>
    </message>
    <message>
        <source>its {count} entries will be counted as “{rule}” in every summary from now on</source>
        <translation>它的 {count} 条记录今后在所有汇总中将按“{rule}”计入</translation>
    </message>
    <message>
        <source>{count} outcome entries (deactivate it instead)</source>
        <translation>{count} 条成效记录（可改为停用）</translation>
    </message>
    <message>
        <source>{count} yearly targets</source>
        <translation>{count} 个年度目标</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>the closed quarters {quarters} were reported with this service; retire it after {day}, or reopen them first</source>
        <translation>已关账季度 {quarters} 上报时包含此服务项目；停用日期须晚于 {day}，或先重新开账</translation>
    </message>
    <message>
        <source>the closed quarters {quarters} were reported without this service; reopen them first</source>
        <translation>已关账季度 {quarters} 上报时不含此服务项目；请先重新开账</translation>
    </message>
    <message>
        <source>changes from {old} to {new}: the closed quarters {quarters} keep {old} as printed; {new} applies from {first} on</source>
        <translation>周期由“{old}”改为“{new}”：已关账季度 {quarters} 按上报时的“{old}”保持不变；自 {first} 起按“{new}”计算</translation>
    </message>
    <message>
        <source>changes from {old} to {new}: coverage, the matrix and the reminders of every quarter follow the new rule (no quarter is closed)</source>
        <translation>周期由“{old}”改为“{new}”：所有季度的覆盖率、覆盖矩阵和提醒都将按新周期计算（尚无关账季度）</translation>
    </message>
    <message>
        <source>{count} service records (retire it instead)</source>
        <translation>{count} 条服务记录（可改为设置停用日期）</translation>
    </message>
    <message>
        <source>the closed quarters {quarters} count it (retire it instead)</source>
        <translation>已关账季度 {quarters} 统计了此项目（可改为设置停用日期）</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>No Chinese font was found on this computer, so Chinese text in the charts cannot be shown. Install one of: {families}.</source>
        <translation>本机未找到中文字体，图表中的中文无法显示。请安装以下字体之一：{families}。</translation>
    </message>
    <message>
        <source>Outcomes over the last {count} quarters</source>
        <translation>近{count}个季度工作成效</translation>
    </message>
    <message>
        <source> (right scale)</source>
        <translation>（右轴）</translation>
    </message>
    <message>
        <source>no one eligible</source>
        <translation>无应保障人员</translation>
    </message>
    <message>
        <source>Service coverage, {quarter}</source>
        <translation>{quarter} 服务保障覆盖率</translation>
    </message>
    <message>
        <source>Staff on duty on {date}: {total}</source>
        <translation>{date} 在岗帮扶人才：{total} 人</translation>
    </message>
    <message>
        <source>No figures recorded</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Bangfu Ledger: records of dispatched assistance staff.</source>
        <translation>帮扶台账：组团式帮扶人才服务保障与工作成效管理。</translation>
    </message>
    <message>
        <source>language of messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <source>check that this installation works, then exit</source>
        <translation>检查本机安装是否完好，然后退出</translation>
    </message>
    <message>
        <source>database file (default: the one in your user data folder)</source>
        <translation>数据库文件（默认为用户数据目录中的文件）</translation>
    </message>
    <message>
        <source>create a demo database from the news reports&apos; facts</source>
        <translation>根据新闻报道中的事实创建演示数据库</translation>
    </message>
    <message>
        <source>random seed (same seed, same file)</source>
        <translation>随机种子（种子相同，文件相同）</translation>
    </message>
    <message>
        <source>overwrite an existing file</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>print or save the quarterly summary</source>
        <translation>打印或保存季度汇总</translation>
    </message>
    <message>
        <source>quarter, e.g. 2024Q3</source>
        <translation>季度，例如 2024Q3</translation>
    </message>
    <message>
        <source>save the printable summary as PDF</source>
        <translation>将季度汇总保存为 PDF</translation>
    </message>
    <message>
        <source>save the summary as an Excel workbook</source>
        <translation>将季度汇总保存为 Excel 工作簿</translation>
    </message>
    <message>
        <source>print the figures as JSON</source>
        <translation>以 JSON 格式输出各项数据</translation>
    </message>
    <message>
        <source>back up the database now</source>
        <translation>立即备份数据库</translation>
    </message>
    <message>
        <source>folder for the backup</source>
        <translation>备份存放的文件夹</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>用备份替换当前数据库</translation>
    </message>
    <message>
        <source>backup file</source>
        <translation>备份文件</translation>
    </message>
    <message>
        <source>check the database&apos;s integrity</source>
        <translation>检查数据库完整性</translation>
    </message>
    <message>
        <source>copy a whole ledger between a file and a server database</source>
        <translation>在文件与服务器数据库之间复制整个台账</translation>
    </message>
    <message>
        <source>Copy every record, the audit log and the batches from SOURCE into TARGET, which must be a new file or an empty server database; then compare the row counts and every quarter&apos;s summary.</source>
        <translation>把 SOURCE 中的全部记录、操作日志和批次复制到 TARGET（必须是新文件或空的服务器数据库），然后核对各表行数和每个季度的汇总。</translation>
    </message>
    <message>
        <source>file or postgresql://…</source>
        <translation>文件或 postgresql://…</translation>
    </message>
    <message>
        <source>set up a server ledger&apos;s roles, grants and row-level security (as its owner) and its first administrator</source>
        <translation>以所有者身份为服务器台账设置角色、授权和行级安全，并创建第一位管理员</translation>
    </message>
    <message>
        <source>first administrator&apos;s user name (password: BANGFU_PASSWORD)</source>
        <translation>第一位管理员的用户名（密码取自 BANGFU_PASSWORD）</translation>
    </message>
    <message>
        <source>import staff from an Excel roster</source>
        <translation>从 Excel 花名册导入帮扶人才</translation>
    </message>
    <message>
        <source>import service records from an Excel workbook</source>
        <translation>从 Excel 工作簿导入服务记录</translation>
    </message>
    <message>
        <source>import outcomes (one row per entry, or monthly team tables)</source>
        <translation>导入工作成效（每行一条记录，或各团队的月度统计表）</translation>
    </message>
    <message>
        <source>import mentorships from an Excel workbook</source>
        <translation>从 Excel 工作簿导入师徒结对</translation>
    </message>
    <message>
        <source>exit codes: 0 every row imported or an unchanged duplicate; 4 some rows refused (listed; the valid ones committed unless --strict or --dry-run); 1 an error that stopped the command (the file cannot be read, storage, a locked ledger); 2 wrong usage</source>
        <translation>退出码：0 所有行均已导入或为未变化的重复行；4 有行被拒绝（逐行列出；除非使用 --strict 或 --dry-run，其余有效行已导入）；1 出错而中止（文件无法读取、存储故障、台账被占用）；2 用法错误</translation>
    </message>
    <message>
        <source>the .xlsx or .xls workbook</source>
        <translation>.xlsx 或 .xls 工作簿</translation>
    </message>
    <message>
        <source>show what would be imported; write nothing</source>
        <translation>只预览将导入的内容，不写入</translation>
    </message>
    <message>
        <source>write nothing when any row is refused</source>
        <translation>只要有一行被拒绝，就什么都不写入</translation>
    </message>
    <message>
        <source>period of a monthly table, e.g. 2024-09 or 2024Q3</source>
        <translation>月度统计表所属期间，如 2024-09 或 2024Q3</translation>
    </message>
    <message>
        <source>the sheet to read (default: found)</source>
        <translation>要读取的工作表（默认自动识别）</translation>
    </message>
    <message>
        <source>export lists to an Excel workbook</source>
        <translation>将列表导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>the workbook</source>
        <translation>工作簿文件</translation>
    </message>
    <message>
        <source>which list (default: all)</source>
        <translation>导出哪个列表（默认全部）</translation>
    </message>
    <message>
        <source>quarter, e.g. 2024Q3: the dated lists keep that quarter&apos;s records; coverage (needed) is that quarter&apos;s matrix</source>
        <translation>季度，例如 2024Q3：按日期记录的台账只导出该季度的记录；覆盖矩阵（必须给出）为该季度的矩阵</translation>
    </message>
    <message>
        <source>ID numbers in full, not masked (recorded in the audit log)</source>
        <translation>导出完整身份证号，不打码（记入操作日志）</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Unexpected error: {error}. The details are in {log}; please send it to IT.</source>
        <translation>意外错误：{error}。详细信息已记录在 {log}，请发送给技术人员。</translation>
    </message>
    <message>
        <source>Demo database written to {path}</source>
        <translation>演示数据库已写入 {path}</translation>
    </message>
    <message>
        <source>Saving the summary as PDF needs the Qt libraries of the full program.</source>
        <translation>将季度汇总保存为 PDF 需要完整程序中的 Qt 组件。</translation>
    </message>
    <message>
        <source>Summary saved to {path}</source>
        <translation>季度汇总已保存到 {path}</translation>
    </message>
    <message>
        <source>{path}: ok</source>
        <translation>{path}：正常</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>{path} restored from {backup}; the previous file was kept as {safety}</source>
        <translation>已用 {backup} 恢复 {path}；原文件已另存为 {safety}</translation>
    </message>
    <message>
        <source>Imported in one batch; undo it in Settings → Import history.</source>
        <translation>已作为一个批次导入；可在“设置 → 导入记录”中撤销。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Rows were refused and --strict was given: nothing was written.</source>
        <translation>有行被拒绝且指定了 --strict：未写入任何内容。</translation>
    </message>
    <message>
        <source>export --what coverage needs --quarter (e.g. --quarter 2024Q3)</source>
        <translation>导出覆盖矩阵需要 --quarter（例如 --quarter 2024Q3）</translation>
    </message>
    <message>
        <source>{rows} rows exported to {path}</source>
        <translation>已导出 {rows} 行到 {path}</translation>
    </message>
    <message>
        <source>The self-test needs the Qt libraries of the full program.</source>
        <translation>自检需要完整程序中的 Qt 库。</translation>
    </message>
    <message>
        <source>[ok] {check}</source>
        <translation>[通过] {check}</translation>
    </message>
    <message>
        <source>Self-test passed: Bangfu Ledger {version}, data folder {folder}</source>
        <translation>自检通过：帮扶台账 {version}，数据文件夹 {folder}</translation>
    </message>
    <message>
        <source>Copied {rows} rows in {tables} tables; the summaries of {quarters} quarters are the same in both.</source>
        <translation>已复制 {tables} 张表共 {rows} 行；两边 {quarters} 个季度的汇总完全一致。</translation>
    </message>
    <message>
        <source>server-roles needs --db postgresql://…</source>
        <translation>server-roles 需要 --db postgresql://…</translation>
    </message>
    <message>
        <source>Roles, grants and row-level security are in place.</source>
        <translation>角色、授权和行级安全已设置完毕。</translation>
    </message>
</context>
<context>
    <name>Closing</name>
    <message>
        <source>{quarter} is closed (its summary was reported), so records dated {date} cannot change. Reopen the quarter with a reason first.</source>
        <translation>{quarter} 已关账（季度汇总已上报），日期为 {date} 的记录不能修改。请先说明原因并重新开账。</translation>
    </message>
    <message>
        <source>{quarter} is already closed.</source>
        <translation>{quarter} 已经关账。</translation>
    </message>
    <message>
        <source>say why the quarter is reopened</source>
        <translation>请说明重新开账的原因</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{quarter} is not closed.</source>
        <translation>{quarter} 尚未关账。</translation>
    </message>
</context>
<context>
    <name>CodeTables</name>
    <message>
        <source>「{value}」 is not in the standard list; it is kept as written</source>
        <translation>「{value}」不在标准列表中，已按原样保留</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <source>e.g. 10.1.2.3 or db.county.gov.cn</source>
        <translation>例如 10.1.2.3 或 db.county.gov.cn</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>How strictly the connection must be encrypted; ask IT (verify-full is safest).</source>
        <translation>连接加密的严格程度；请询问信息技术人员（verify-full 最安全）。</translation>
    </message>
    <message>
        <source>Encryption (sslmode)</source>
        <translation>加密方式（sslmode）</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>The system&apos;s credential store is not available on this computer.</source>
        <translation>此电脑上没有可用的系统凭据存储。</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>如 2024-07-01</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{path} already exists; choose another file name.</source>
        <translation>{path} 已存在，请换一个文件名。</translation>
    </message>
</context>
<context>
    <name>Editors</name>
    <message>
        <source>Not in the standard list; kept as written</source>
        <translation>不在标准列表中，按原样保留</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>帮扶团队</translation>
    </message>
    <message>
        <source>Service record</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Outcome entry</source>
        <translation>成效记录</translation>
    </message>
    <message>
        <source>Mentorship</source>
        <translation>师徒结对</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>Yearly target</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Quarter closing</source>
        <translation>季度关账</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
</context>
<context>
    <name>EntryForMany</name>
    <message>
        <source>tick at least one person</source>
        <translation>请至少勾选一人</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
</context>
<context>
    <name>EntryForManyDialog</name>
    <message>
        <source>Entry for many</source>
        <translation>批量登记</translation>
    </message>
    <message>
        <source>yuan, optional</source>
        <translation>元，可不填</translation>
    </message>
    <message>
        <source>e.g. 中秋慰问</source>
        <translation>如：中秋慰问</translation>
    </message>
    <message>
        <source>Propose:</source>
        <translation>建议勾选：</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>only those without it in this period</source>
        <translation>仅本周期内尚未享受的人员</translation>
    </message>
    <message>
        <source>Staff on duty that day</source>
        <translation>当日在岗人员</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Already has it in this period</source>
        <translation>本周期内已落实</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>{ticked} of {total} ticked</source>
        <translation>已勾选 {ticked} 人，共 {total} 人</translation>
    </message>
    <message>
        <source>Enter for {count}</source>
        <translation>为 {count} 人登记</translation>
    </message>
    <message>
        <source>Entering {count} service records…</source>
        <translation>正在登记 {count} 条服务记录…</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>未保存任何记录：</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍然保存吗？</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{row} {field}: {message}</source>
        <translation>{row} {field}：{message}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
</context>
<context>
    <name>ExceptionHandler</name>
    <message>
        <source>Something went wrong inside Bangfu Ledger: {error}

Your saved records are safe and the program keeps running. The details were written to {log}; please send that file to whoever looks after the program.</source>
        <translation>帮扶台账内部出现问题：{error}

已保存的记录安全无损，程序继续运行。详细信息已写入 {log}，请将该文件发给负责维护本软件的人员。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export ID numbers in full</source>
        <translation>导出完整身份证号</translation>
    </message>
    <message>
        <source>The workbook will hold complete ID numbers, which are personal data: keep it safe and delete it when no longer needed. This export is recorded in the audit log (who, when, which file, how many rows). Export in full?</source>
        <translation>工作簿将包含完整的身份证号，属于个人信息：请妥善保管，不再需要时及时删除。本次导出将记入操作日志（何人、何时、哪个文件、多少行）。确定导出完整号码吗？</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{rows} rows saved to {path}</source>
        <translation>已保存 {rows} 行到 {path}</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Could not write {path}. If the file is open in another program (Excel, a PDF reader), close it and try again. ({reason})</source>
        <translation>无法写入 {path}。如果该文件正在其他程序（Excel、PDF 阅读器）中打开，请先关闭后重试。（{reason}）</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>文件未能写入：{reason}</translation>
    </message>
    <message>
        <source>{label} ({unit})</source>
        <translation>{label}（{unit}）</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Mentorships</source>
        <translation>师徒结对</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入文件。</translation>
    </message>
    <message>
        <source>Page &amp;P of &amp;N</source>
        <translation>第 &amp;P 页 共 &amp;N 页</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the workbook</source>
        <translation>选择工作簿</translation>
    </message>
    <message>
        <source>An Excel or WPS workbook (.xlsx, or the older .xls).</source>
        <translation>Excel 或 WPS 工作簿（.xlsx，或旧版 .xls）。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xls)</source>
        <translation>Excel 工作簿 (*.xlsx *.xls)</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{path} is in use by another program (Excel, a PDF reader, antivirus). Close it there and try again.</source>
        <translation>{path} 正被其他程序占用（Excel、PDF 阅读器、杀毒软件等）。请先在那里关闭后再试。</translation>
    </message>
    <message>
        <source>There is no space left for {path}. Free some space or choose another place; nothing was written.</source>
        <translation>没有足够的空间保存 {path}。请清理空间或换个位置；未写入任何内容。</translation>
    </message>
    <message>
        <source>{path} cannot be written here ({reason}). Choose another folder.</source>
        <translation>无法在此写入 {path}（{reason}）。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>{path} or its folder is no longer there (a USB stick pulled out, a network drive disconnected?).</source>
        <translation>{path} 或其所在文件夹已不存在（U 盘被拔出、网络盘断开？）。</translation>
    </message>
    <message>
        <source>{path} could not be written: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} came out incomplete ({what}), so it was not saved. Is the disk full?</source>
        <translation>{path}（{what}）写入不完整，因此未保存。磁盘是否已满？</translation>
    </message>
</context>
<context>
    <name>GridTab</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Team or field</source>
        <translation>团队或领域</translation>
    </message>
    <message>
        <source>Highlight for this row…</source>
        <translation>为本行录入亮点…</translation>
    </message>
    <message>
        <source>A narrative highlight (亮点) of the chosen row&apos;s person or team</source>
        <translation>为所选行的人员或团队录入一条亮点</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Type, or paste a table copied from Excel or WPS (Ctrl+V). Enter moves down, Tab moves right, Delete clears, Ctrl+Z undoes. Yellow: changed, not saved; red: not a number Save accepts. Grey notes show what monthly tables or ledger entries already hold.</source>
        <translation>可直接输入，或粘贴从 Excel、WPS 复制的表格（Ctrl+V）。回车下移，Tab 右移，Delete 清空，Ctrl+Z 撤销。黄色：已修改未保存；红色：不是可保存的数字。灰色小字为月报或台账中已录入的数。</translation>
    </message>
    <message>
        <source>No staff on duty in this period for this choice.</source>
        <translation>所选团队或领域在该期间没有在岗人员。</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>All of {field}</source>
        <translation>{field}领域（全部）</translation>
    </message>
    <message>
        <source>{count} cells are marked red; correct them to save.</source>
        <translation>有 {count} 个单元格标红，改正后才能保存。</translation>
    </message>
    <message>
        <source>Save every changed cell (Ctrl+S)</source>
        <translation>保存所有修改过的单元格（Ctrl+S）</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved: {new} new, {changed} changed, {cleared} cleared.</source>
        <translation>已保存：新增 {new} 项，修改 {changed} 项，清空 {cleared} 项。</translation>
    </message>
    <message>
        <source>Nothing was saved; correct the red cells.</source>
        <translation>未保存任何数据；请改正标红的单元格。</translation>
    </message>
    <message>
        <source>Nothing was saved: {reason}</source>
        <translation>未保存任何数据：{reason}</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Throw away every changed cell?</source>
        <translation>放弃所有修改过的单元格吗？</translation>
    </message>
    <message>
        <source>Unsaved figures</source>
        <translation>数据未保存</translation>
    </message>
    <message>
        <source>{count} changed cells are not saved. Leave and throw them away?</source>
        <translation>有 {count} 个修改过的单元格尚未保存。离开并放弃这些修改吗？</translation>
    </message>
</context>
<context>
    <name>Guide</name>
    <message>
        <source>First run</source>
        <translation>第一次使用</translation>
    </message>
    <message>
        <source>Settings → General: enter the office&apos;s name, your name as the clerk and the names that sign the summary; click Save.</source>
        <translation>设置 → 常规：填写单位名称、您的经办人姓名，以及在季度汇总上签字的单位负责人和审核人，然后点击“保存”。</translation>
    </message>
    <message>
        <source>Settings → Units and teams: add the sending units, the receiving units and the assistance teams.</source>
        <translation>设置 → 单位与团队：添加派出单位、受援单位和帮扶团队。</translation>
    </message>
    <message>
        <source>To look around first, open File → Open the demo database: its records come from the news reports and never mix with yours.</source>
        <translation>想先看看效果，可打开“文件 → 打开演示数据库”：其中的记录取自新闻报道，不会与您的数据混在一起。</translation>
    </message>
    <message>
        <source>Entering the staff</source>
        <translation>录入帮扶人才</translation>
    </message>
    <message>
        <source>Staff → New (Ctrl+N) opens the form; fields marked ＊ are required, and a message under a field says what to correct.</source>
        <translation>帮扶人才 → 新增（Ctrl+N）打开表单；带＊的为必填项，字段下方的提示会说明需要改正什么。</translation>
    </message>
    <message>
        <source>A roster kept in Excel comes in with Import from Excel…: check the preview, then import; a bad row is named and nothing is half-written.</source>
        <translation>用 Excel 保存的花名册可通过“从 Excel 导入…”读入：先检查预览，再导入；有错的行会逐一指出，不会只导入一半。</translation>
    </message>
    <message>
        <source>The status follows the dates. When a planned end has passed, select the person and click Confirm departure.</source>
        <translation>状态随日期自动变化。计划期满日期已过的人员，选中后点击“确认离岗”。</translation>
    </message>
    <message>
        <source>Recording services</source>
        <translation>记录服务保障</translation>
    </message>
    <message>
        <source>Services → Service records: add what was provided (date, service, who received it); Batch entry… records one service for many people.</source>
        <translation>服务保障 → 服务记录：登记提供的服务（日期、服务项目、服务对象）；“批量登记…”可为多人一次登记同一项服务。</translation>
    </message>
    <message>
        <source>Services → Coverage matrix shows, quarter by quarter, who has received each of the ten services and who is still owed one.</source>
        <translation>服务保障 → 覆盖矩阵按季度显示：每项服务谁已享受、谁还没有享受。</translation>
    </message>
    <message>
        <source>Recording outcomes</source>
        <translation>记录工作成效</translation>
    </message>
    <message>
        <source>Outcomes → Batch entry: choose the month or quarter and type or paste the figures (surgeries, patient visits, trainings…) straight from Excel.</source>
        <translation>工作成效 → 批量录入：选择月份或季度，直接输入数字，或从 Excel 复制粘贴（手术台次、门诊人次、培训人次等）。</translation>
    </message>
    <message>
        <source>Outcomes → Outcome records lists every figure; add highlights there. Mentorships between staff and local colleagues have their own tab.</source>
        <translation>工作成效 → 成效台账列出每一条数据，亮点也在这里录入；帮扶人才与本地同事的师徒结对在“师徒结对”页。</translation>
    </message>
    <message>
        <source>The quarterly printout in five steps</source>
        <translation>五步完成季度汇总打印</translation>
    </message>
    <message>
        <source>Open Quarterly summary and choose the quarter.</source>
        <translation>打开“季度汇总”，选择季度。</translation>
    </message>
    <message>
        <source>Read the figures; a figure that looks wrong is corrected in its record.</source>
        <translation>核对各项数字；有误的数字到对应的记录中改正。</translation>
    </message>
    <message>
        <source>Print… shows the pages first; print them on A4, or Save as PDF….</source>
        <translation>“打印…”先预览页面，再用 A4 纸打印；也可“保存为 PDF…”。</translation>
    </message>
    <message>
        <source>Export to Excel… gives the same summary as a workbook with its charts.</source>
        <translation>“导出 Excel…”得到内容相同、附有图表的工作簿。</translation>
    </message>
    <message>
        <source>After the summary is handed in, Close quarter… keeps its figures from changing; an administrator can reopen it with a reason.</source>
        <translation>汇总上报后点击“季度关账…”，此后本季度的数字不再变化；管理员可以注明原因后重新开账。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The ledger backs itself up before the first change, every few minutes while you work and when you close the program, into the backups folder beside the database file.</source>
        <translation>台账会在第一次修改前、修改期间每隔几分钟、以及关闭程序时自动备份，备份保存在数据库文件旁的 backups 文件夹中。</translation>
    </message>
    <message>
        <source>Settings → General → Backups: Back up now, choose a second folder such as a USB stick, or Restore from backup….</source>
        <translation>设置 → 常规 → 备份：可“立即备份”、另选一个文件夹（如 U 盘）再存一份，或“从备份恢复…”。</translation>
    </message>
    <message>
        <source>Deleted records go to the recycle bin (Settings → Recycle bin) and can be restored; every change is kept in the audit log.</source>
        <translation>删除的记录进入回收站（设置 → 回收站），可以还原；每一次修改都记在操作日志中。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{value} is a number in the sheet and was read as January {year}; if October was meant, write {year}.10 as text</source>
        <translation>{value} 在表中是数字，已按 {year} 年 1 月读取；如指 10 月，请以文本形式填写 {year}.10</translation>
    </message>
    <message>
        <source>Excel stored this ID number as a number ({shown}) and lost its last digits; format the column as text and enter the number again</source>
        <translation>Excel 把身份证号存成了数字（{shown}），末尾几位已丢失；请将该列设置为文本格式后重新录入号码</translation>
    </message>
    <message>
        <source>column {column} ({header}): {message}</source>
        <translation>{column} 列（{header}）：{message}</translation>
    </message>
    <message>
        <source>{sheet} row {row}</source>
        <translation>{sheet} 第 {row} 行</translation>
    </message>
    <message>
        <source>Sheet {sheet} has no column for: {fields}.</source>
        <translation>工作表“{sheet}”缺少以下列：{fields}。</translation>
    </message>
    <message>
        <source>repeats row {row} ({name}); keep one of the two</source>
        <translation>与第 {row} 行（{name}）重复；请只保留一行</translation>
    </message>
    <message>
        <source>{count} rows were refused, so nothing was imported (strict).</source>
        <translation>有 {count} 行被拒绝，因此未导入任何内容（严格模式）。</translation>
    </message>
    <message>
        <source>Reason refused</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <source>{file}: {new} new, {updated} updated, {duplicate} unchanged duplicates, {warning} with warnings, {error} refused</source>
        <translation>{file}：新增 {new} 行，更新 {updated} 行，重复未变 {duplicate} 行，有警告 {warning} 行，拒绝 {error} 行</translation>
    </message>
    <message>
        <source>{count} lines skipped (totals, footer lines).</source>
        <translation>跳过 {count} 行（合计行、表尾落款等）。</translation>
    </message>
    <message>
        <source>New: {records}</source>
        <translation>将新建：{records}</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>No header row found in sheet {sheet}: none of its first {n} rows names the columns this import needs.</source>
        <translation>工作表“{sheet}”中找不到表头：前 {n} 行都没有本次导入所需的列名。</translation>
    </message>
    <message>
        <source>{file} has no sheets.</source>
        <translation>{file} 中没有工作表。</translation>
    </message>
    <message>
        <source>no service named {name} (see Settings → Services)</source>
        <translation>没有名为“{name}”的服务项目（见“设置 → 服务项目”）</translation>
    </message>
    <message>
        <source>{name} is in the recycle bin; restore it first</source>
        <translation>“{name}”在回收站中，请先恢复</translation>
    </message>
    <message>
        <source>name a person or a team</source>
        <translation>请填写人员或团队</translation>
    </message>
    <message>
        <source>no team named {name}</source>
        <translation>没有名为“{name}”的帮扶团队</translation>
    </message>
    <message>
        <source>{name} is a metric of several fields; add a 领域 column</source>
        <translation>“{name}”是多个领域共有的指标，请增加“领域”列</translation>
    </message>
    <message>
        <source>no metric named {name} (see Settings → Metrics)</source>
        <translation>没有名为“{name}”的成效指标（见“设置 → 成效指标”）</translation>
    </message>
    <message>
        <source>no one with ID number {number} is on the roster</source>
        <translation>名册中没有身份证号为 {number} 的人员</translation>
    </message>
    <message>
        <source>name or ID number needed</source>
        <translation>需要填写姓名或身份证号</translation>
    </message>
    <message>
        <source>several people named {name} are on the roster; add their ID numbers</source>
        <translation>名册中有多人名为“{name}”，请补充身份证号</translation>
    </message>
    <message>
        <source>{name} of {unit} is not on the roster</source>
        <translation>{unit}的{name}不在名册中</translation>
    </message>
    <message>
        <source>{name} is not on the roster</source>
        <translation>{name}不在名册中</translation>
    </message>
    <message>
        <source>{name} is in the recycle bin; restore them first (Settings → Recycle bin)</source>
        <translation>{name}在回收站中，请先恢复（设置 → 回收站）</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet}.</source>
        <translation>{file} 中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} could not be read as a workbook ({reason}). Is it damaged?</source>
        <translation>无法把 {file} 作为工作簿读取（{reason}）。文件是否已损坏？</translation>
    </message>
    <message>
        <source>{file} is not an Excel workbook (.xlsx or .xls). Open it in Excel or WPS and save it as an Excel workbook first.</source>
        <translation>{file} 不是 Excel 工作簿（.xlsx 或 .xls）。请先用 Excel 或 WPS 打开，另存为 Excel 工作簿。</translation>
    </message>
    <message>
        <source>{name} could not be created: {reason}</source>
        <translation>无法新建“{name}”：{reason}</translation>
    </message>
    <message>
        <source>{name} does not exist</source>
        <translation>“{name}”不存在</translation>
    </message>
    <message>
        <source>row {row} already names this team&apos;s leader</source>
        <translation>第 {row} 行已指定该团队的领队</translation>
    </message>
    <message>
        <source>a metric</source>
        <translation>指标列</translation>
    </message>
    <message>
        <source>{file} has no outcome table: no sheet has a 姓名 column and columns named after metrics, nor one row per entry (指标, 数值).</source>
        <translation>{file} 中没有成效表：没有哪个工作表既有“姓名”列又有以指标命名的列，也没有每行一条记录的表（指标、数值）。</translation>
    </message>
    <message>
        <source>sheet {sheet} does not say its month; give the period (--period 2024-09 or 2024Q3) or put 「2024年9月」 in its title</source>
        <translation>工作表“{sheet}”未写明月份；请指定期间（--period 2024-09 或 2024Q3），或在标题中写明「2024年9月」</translation>
    </message>
    <message>
        <source>{name} is a metric of several fields</source>
        <translation>“{name}”是多个领域共有的指标</translation>
    </message>
</context>
<context>
    <name>ImportHistoryTab</name>
    <message>
        <source>Each import, and each entry for many at once, is one batch. Undo takes a batch back as a whole: what it added goes, what it changed gets its earlier values.</source>
        <translation>每次导入、每次批量录入都是一个批次。撤销会整体撤回一个批次：新增的记录删除，修改的记录恢复原值。</translation>
    </message>
    <message>
        <source>Undo batch…</source>
        <translation>撤销批次…</translation>
    </message>
    <message>
        <source>Undo {what} of {when} ({file})? What it added is removed and what it changed gets its earlier values.</source>
        <translation>要撤销 {when} 的{what}（{file}）吗？新增的记录将删除，修改的记录将恢复原值。</translation>
    </message>
    <message>
        <source>Undo batch</source>
        <translation>撤销批次</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>重复未变</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {duplicate} unchanged, {warning} with warnings, {error} refused</source>
        <translation>新增 {new}，更新 {updated}，重复未变 {duplicate}，警告 {warning}，拒绝 {error}</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>Imported: {counts}. Undo it in Settings → Import history.</source>
        <translation>已导入：{counts}。可在“设置 → 导入记录”中撤销。</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>The database {path} is already open in another Bangfu Ledger window. Close that window first.</source>
        <translation>数据库 {path} 已在另一个帮扶台账窗口中打开，请先关闭那个窗口。</translation>
    </message>
    <message>
        <source>{address} is not an address this version can open: give a file or postgresql://user@host:5432/database.</source>
        <translation>{address} 不是本版本能打开的地址：请给出一个文件，或 postgresql://用户名@主机:5432/数据库名。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>The database {path} holds no ledger yet.</source>
        <translation>数据库 {path} 中还没有台账。</translation>
    </message>
    <message>
        <source>{path} was made by an earlier version and must be upgraded, but it is read-only. Copy it to a folder you can write to and open the copy.</source>
        <translation>{path} 由早期版本创建，需要升级，但该文件为只读。请将其复制到可写入的文件夹后打开副本。</translation>
    </message>
    <message>
        <source>The database {path} was made by a newer version of Bangfu Ledger (schema {revision}). Install the newer version to open it; the file was not changed.</source>
        <translation>数据库 {path} 由更新版本的帮扶台账创建（结构版本 {revision}）。请安装新版本后再打开；文件未做任何改动。</translation>
    </message>
    <message>
        <source>{table} row {rowid} refers to a missing {parent}</source>
        <translation>{table} 第 {rowid} 行引用的 {parent} 不存在</translation>
    </message>
    <message>
        <source>schema revision {revision} is not current</source>
        <translation>数据库结构版本 {revision} 不是最新</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a Bangfu Ledger database; it was not opened or changed.</source>
        <translation>{path} 不是帮扶台账数据库，未打开也未改动。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}). Restore a backup.</source>
        <translation>数据库 {path} 已损坏（{problem}），请从备份恢复。</translation>
    </message>
    <message>
        <source>The database {where} holds other tables and is not a Bangfu Ledger; it was not changed. Ask IT for an empty database.</source>
        <translation>数据库 {where} 中已有其他表，不是帮扶台账数据库；未作任何改动。请向信息技术人员要一个空数据库。</translation>
    </message>
    <message>
        <source>The ledger {where} must be upgraded for this version of the app, and only its owner {owner} may do that. Ask IT to open it once as {owner} (or with an older version of the app meanwhile); nothing was changed.</source>
        <translation>台账 {where} 需要升级后才能用于此版本的程序，只有其所有者 {owner} 可以升级。请信息技术人员以 {owner} 身份打开一次（在此之前可继续使用旧版程序）；未做任何更改。</translation>
    </message>
    <message>
        <source>A server ledger is backed up on the server (IT&apos;s pg_dump) or copied to a file with the copy command; the app&apos;s own file backups do not apply to it.</source>
        <translation>服务器上的台账由服务器备份（信息技术人员使用 pg_dump），或用 copy 命令复制到文件；本程序的文件备份不适用于服务器台账。</translation>
    </message>
    <message>
        <source>{target} already holds data; a ledger is copied only into a new file or an empty server database. Nothing was changed.</source>
        <translation>{target} 中已有数据；台账只能复制到新文件或空的服务器数据库中。未作任何改动。</translation>
    </message>
    <message>
        <source>The copy&apos;s row counts differ from the source&apos;s: {tables}</source>
        <translation>复制后的行数与源台账不一致：{tables}</translation>
    </message>
    <message>
        <source>The copy&apos;s summary of {quarter} differs from the source&apos;s.</source>
        <translation>复制后 {quarter} 的汇总与源台账不一致。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Search description, person, team or metric (Ctrl+F)</source>
        <translation>搜索说明、人员、团队或指标（Ctrl+F）</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All metrics</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <source>Highlights only</source>
        <translation>只看亮点</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>New highlight…</source>
        <translation>新增亮点…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The entries as listed, with the filters applied (Ctrl+E)</source>
        <translation>按当前筛选导出列表中的记录（Ctrl+E）</translation>
    </message>
    <message>
        <source>Totals of the entries shown</source>
        <translation>所列记录合计</translation>
    </message>
    <message>
        <source>Sum metrics are added up; levels such as yield per mu show their latest value.</source>
        <translation>累加类指标求和；亩产等水平类指标显示最新值。</translation>
    </message>
    <message>
        <source>Date range…</source>
        <translation>日期范围…</translation>
    </message>
    <message>
        <source>Totals of the entries shown (counting…)</source>
        <translation>所列记录合计（统计中…）</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Outcome ledger</source>
        <translation>成效台账</translation>
    </message>
    <message>
        <source>Search name, service, details, handled by or notes (Ctrl+F)</source>
        <translation>搜索姓名、服务项目、服务内容、经办人或备注（Ctrl+F）</translation>
    </message>
    <message>
        <source>All quarters</source>
        <translation>全部季度</translation>
    </message>
    <message>
        <source>or from</source>
        <translation>或自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>全部服务项目</translation>
    </message>
    <message>
        <source>Anyone handling</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <source>Entry for many…</source>
        <translation>批量登记…</translation>
    </message>
    <message>
        <source>The records as listed, with the filters applied (Ctrl+E)</source>
        <translation>按当前筛选导出列表中的记录（Ctrl+E）</translation>
    </message>
    <message>
        <source>Total amount: …</source>
        <translation>金额合计：…</translation>
    </message>
    <message>
        <source>Total amount: {total} yuan</source>
        <translation>金额合计：{total} 元</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
</context>
<context>
    <name>ListPrint</name>
    <message>
        <source>The list has {rows} rows, more than {limit} can be printed at once. Narrow it with the search or the filters, or export it to Excel (Ctrl+E).</source>
        <translation>此列表共 {rows} 行，超过一次可打印的 {limit} 行。请用搜索或筛选缩小范围，或导出到 Excel（Ctrl+E）。</translation>
    </message>
    <message>
        <source>{label} = {value}</source>
        <translation>{label}＝{value}</translation>
    </message>
    <message>
        <source>search “{text}”</source>
        <translation>搜索“{text}”</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Filters: {filters}</source>
        <translation>筛选：{filters}</translation>
    </message>
    <message>
        <source>Printed {date} · {rows} rows</source>
        <translation>打印日期：{date}&#x3000;共 {rows} 条</translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>Preparing the printout…</source>
        <translation>正在准备打印内容…</translation>
    </message>
    <message>
        <source>The printout could not be prepared: {reason}</source>
        <translation>无法准备打印内容：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Bangfu Ledger</source>
        <translation>帮扶台账</translation>
    </message>
    <message>
        <source>Read-only: {reason}</source>
        <translation>只读：{reason}</translation>
    </message>
    <message>
        <source>Opening the ledger…</source>
        <translation>正在打开台账…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;demo database</source>
        <translation>打开演示数据库(&amp;D)</translation>
    </message>
    <message>
        <source>Connect to &amp;server…</source>
        <translation>连接服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Sign out / switch &amp;user…</source>
        <translation>注销/切换用户(&amp;U)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新增(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Delete to recycle bin</source>
        <translation>删除到回收站(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>使用说明(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About Bangfu Ledger</source>
        <translation>关于帮扶台账(&amp;A)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Bangfu Ledger — {file}</source>
        <translation>帮扶台账 — {file}</translation>
    </message>
    <message>
        <source> (demo data)</source>
        <translation>（演示数据）</translation>
    </message>
    <message>
        <source>Signed in: {who}</source>
        <translation>已登录：{who}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Clerk: {name}</source>
        <translation>经办人：{name}</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Check which field each column fills; your choice is remembered.</source>
        <translation>请核对每一列对应的字段；您的选择会被记住。</translation>
    </message>
    <message>
        <source>Team sheet:</source>
        <translation>团队工作表：</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>首行数据</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}</source>
        <translation>请为以下字段选择列：{fields}</translation>
    </message>
</context>
<context>
    <name>Matrix</name>
    <message>
        <source>Service coverage {quarter} (as of {day})</source>
        <translation>服务保障覆盖情况 {quarter}（截至 {day}）</translation>
    </message>
    <message>
        <source>{symbol} {word}: {meaning}</source>
        <translation>{symbol} {word}：{meaning}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Coverage {quarter}</source>
        <translation>覆盖矩阵 {quarter}</translation>
    </message>
    <message>
        <source>received in the rule&apos;s period (the date of the provision)</source>
        <translation>本周期内已享受（显示落实日期）</translation>
    </message>
    <message>
        <source>not yet received; its period is still open</source>
        <translation>尚未享受，本周期尚未结束</translation>
    </message>
    <message>
        <source>not received and its period has passed (a once-service: 30 days after arrival)</source>
        <translation>未享受且本周期已过（一次性服务：到岗满 30 天）</translation>
    </message>
    <message>
        <source>a service on demand has no period</source>
        <translation>按需服务，无固定周期</translation>
    </message>
    <message>
        <source>{service} ({rule})</source>
        <translation>{service}（{rule}）</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>{service}: done on {day} (double-click to open)</source>
        <translation>{service}：已于 {day} 落实（双击打开）</translation>
    </message>
    <message>
        <source>{service}: {status} (click to record it)</source>
        <translation>{service}：{status}（单击登记）</translation>
    </message>
    <message>
        <source>{service}: not applicable</source>
        <translation>{service}：不适用</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
</context>
<context>
    <name>MatrixPrint</name>
    <message>
        <source>Done</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>Find a name or team (Ctrl+F)</source>
        <translation>查找姓名或团队（Ctrl+F）</translation>
    </message>
    <message>
        <source>Entry for many…</source>
        <translation>批量登记…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Click an open cell to record it; double-click a done cell to open it.</source>
        <translation>单击未落实的格子即可登记；双击已落实的格子可打开该记录。</translation>
    </message>
    <message>
        <source>Showing: {filters}</source>
        <translation>筛选：{filters}</translation>
    </message>
    <message>
        <source>Coverage {quarter}</source>
        <translation>覆盖矩阵{quarter}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>正在写入 {file}…</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Mentorship</name>
    <message>
        <source>Mentor</source>
        <translation>导师</translation>
    </message>
    <message>
        <source>Mentee</source>
        <translation>徒弟</translation>
    </message>
    <message>
        <source>Mentee unit</source>
        <translation>徒弟单位</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>培养目标</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>培养成效</translation>
    </message>
</context>
<context>
    <name>MentorshipForm</name>
    <message>
        <source>New mentorship</source>
        <translation>新增师徒结对</translation>
    </message>
    <message>
        <source>Edit mentorship</source>
        <translation>修改师徒结对</translation>
    </message>
    <message>
        <source>e.g. 扎赉特旗人民医院泌尿外科</source>
        <translation>如：扎赉特旗人民医院泌尿外科</translation>
    </message>
    <message>
        <source>Leave empty while it goes on.</source>
        <translation>仍在结对中的留空。</translation>
    </message>
</context>
<context>
    <name>Mentorships</name>
    <message>
        <source>{mentor} mentoring {mentee}</source>
        <translation>{mentor}带教{mentee}</translation>
    </message>
</context>
<context>
    <name>MentorshipsTab</name>
    <message>
        <source>Search mentor, mentee, unit or goal (Ctrl+F)</source>
        <translation>搜索师傅、徒弟、单位或目标（Ctrl+F）</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Active in {quarter}</source>
        <translation>{quarter}在结对</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The mentorships as listed (Ctrl+E)</source>
        <translation>导出列表中的师徒结对（Ctrl+E）</translation>
    </message>
    <message>
        <source>Mentorships</source>
        <translation>师徒结对</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>Name</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Aggregation</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>MetricForm</name>
    <message>
        <source>New metric</source>
        <translation>新增成效指标</translation>
    </message>
    <message>
        <source>Edit metric</source>
        <translation>修改成效指标</translation>
    </message>
    <message>
        <source>Sum adds the entries of a period up; Latest value suits levels and rates such as yield per mu.</source>
        <translation>“累加”把一段时间内的记录相加；“取最新值”适用于亩产、比率等水平类指标。</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>正在使用</translation>
    </message>
    <message>
        <source>A deactivated metric keeps its entries but is no longer offered.</source>
        <translation>停用后已有成效记录保留，但登记时不再提供该指标。</translation>
    </message>
</context>
<context>
    <name>MetricTarget</name>
    <message>
        <source>Metric</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
</context>
<context>
    <name>MetricTargetForm</name>
    <message>
        <source>Yearly target: {metric}</source>
        <translation>年度目标：{metric}</translation>
    </message>
    <message>
        <source>The quarterly summary shows the year&apos;s progress against it.</source>
        <translation>季度汇总将显示本年度累计完成进度。</translation>
    </message>
</context>
<context>
    <name>OfficeTab</name>
    <message>
        <source>Office and clerk</source>
        <translation>单位与经办人</translation>
    </message>
    <message>
        <source>Shown in the status bar and recorded with every change in the audit log.</source>
        <translation>显示在状态栏，并随每次修改记入操作日志。</translation>
    </message>
    <message>
        <source>Signs the quarterly summary (单位负责人).</source>
        <translation>在季度汇总上签字的单位负责人。</translation>
    </message>
    <message>
        <source>Checks the quarterly summary (审核人).</source>
        <translation>审核季度汇总的审核人。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>The window reopens in the chosen language when you save.</source>
        <translation>保存后窗口将以所选语言重新打开。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The newest ones are kept; besides them, one a day for two weeks and one a month for a year. Older backups are removed.</source>
        <translation>保留最新的这几份；另外两周内每天保留一份、一年内每月保留一份，更早的备份自动删除。</translation>
    </message>
    <message>
        <source>A backup is made before the first change of each session, at this interval while changes are made, and when the program closes.</source>
        <translation>每次打开后第一次修改前、修改期间每隔这些分钟、以及关闭程序时，都会自动备份。</translation>
    </message>
    <message>
        <source>e.g. a USB stick</source>
        <translation>例如 U 盘</translation>
    </message>
    <message>
        <source>Optional: each backup is copied here too whenever this folder is present.</source>
        <translation>可选：只要此文件夹存在（如插入 U 盘），每份备份都会再复制一份到这里。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Leave empty to keep backups beside the database file.</source>
        <translation>留空则备份保存在数据库文件所在文件夹中。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace every record in {database} with the backup {backup}?
The current file is kept as a backup first.</source>
        <translation>用备份 {backup} 替换 {database} 中的全部记录吗？
替换前会先把当前文件另存为一份备份。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
</context>
<context>
    <name>OutcomeEntry</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>帮扶团队</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>亮点</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>New highlight</source>
        <translation>新增亮点</translation>
    </message>
    <message>
        <source>New outcome entry</source>
        <translation>新增成效记录</translation>
    </message>
    <message>
        <source>Edit outcome entry</source>
        <translation>修改成效记录</translation>
    </message>
    <message>
        <source>The figure of {period}, dated its last day (entered in the grid).</source>
        <translation>这是 {period} 的数据，日期为该期间最后一天（在录入表中录入）。</translation>
    </message>
    <message>
        <source>Leave empty for a figure of the whole team.</source>
        <translation>团队整体的数据此处留空。</translation>
    </message>
    <message>
        <source>A highlight may have no figure.</source>
        <translation>亮点可以没有数值。</translation>
    </message>
    <message>
        <source>A highlight of the quarter (亮点)</source>
        <translation>本季度亮点</translation>
    </message>
    <message>
        <source>e.g. 填补扎赉特旗输尿管软镜下钬激光碎石取石术空白</source>
        <translation>如：填补扎赉特旗输尿管软镜下钬激光碎石取石术空白</translation>
    </message>
</context>
<context>
    <name>OutcomeGrid</name>
    <message>
        <source>The copied block has {rows} rows × {columns} columns, but from this cell the grid has room for {room_rows} × {room_columns}; nothing was pasted.</source>
        <translation>复制的区域有 {rows} 行 × {columns} 列，但从当前单元格起表格只容得下 {room_rows} 行 × {room_columns} 列；未粘贴任何内容。</translation>
    </message>
    <message>
        <source>A level: the latest value counts, not a sum.</source>
        <translation>水平类指标：取最新值，不累加。</translation>
    </message>
    <message>
        <source>Figures of the team as a whole</source>
        <translation>团队整体的数据</translation>
    </message>
    <message>
        <source>Not on duty in this period; shown for the figures it holds</source>
        <translation>该期间不在岗；因已有本期数据而列出</translation>
    </message>
    <message>
        <source>months {value}</source>
        <translation>月报 {value}</translation>
    </message>
    <message>
        <source>ledger {value}</source>
        <translation>台账 {value}</translation>
    </message>
    <message>
        <source>Changed, not saved yet</source>
        <translation>已修改，尚未保存</translation>
    </message>
    <message>
        <source>Already entered in this quarter&apos;s monthly tables: {value}</source>
        <translation>本季度月报中已录入：{value}</translation>
    </message>
    <message>
        <source>Already entered as dated ledger entries: {value}</source>
        <translation>台账中按日期已录入：{value}</translation>
    </message>
    <message>
        <source>This cell holds only the quarter&apos;s own figure, on top of those.</source>
        <translation>本单元格只填季度数据中上述之外的部分。</translation>
    </message>
    <message>
        <source>This cell holds only the month&apos;s own figure, on top of those.</source>
        <translation>本单元格只填本月数据中上述之外的部分。</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <source>choose a staff member or a team</source>
        <translation>请选择帮扶人才或帮扶团队</translation>
    </message>
    <message>
        <source>a value needs a metric</source>
        <translation>填写数值时须选择成效指标</translation>
    </message>
    <message>
        <source>a highlight needs a description</source>
        <translation>亮点须填写说明</translation>
    </message>
    <message>
        <source>{metric} of {period} is already recorded; correct that entry instead</source>
        <translation>{period}的{metric}已有记录，请修改那条记录</translation>
    </message>
    <message>
        <source>{metric} is retired; it takes no new entries</source>
        <translation>{metric}已停用，不能再录入新数据</translation>
    </message>
    <message>
        <source>{name} arrived only on {start}</source>
        <translation>{name}于 {start} 才到岗</translation>
    </message>
    <message>
        <source>{name} served until {end}</source>
        <translation>{name}已于 {end} 离岗</translation>
    </message>
    <message>
        <source>highlight</source>
        <translation>亮点</translation>
    </message>
    <message>
        <source>{what} of {owner} on {date}</source>
        <translation>{owner} {date} 的{what}</translation>
    </message>
    <message>
        <source>{metric} already has a target for {year}</source>
        <translation>{metric}已有 {year} 年度目标</translation>
    </message>
    <message>
        <source>no such metric</source>
        <translation>没有这个指标</translation>
    </message>
    <message>
        <source>is given twice</source>
        <translation>重复填写</translation>
    </message>
    <message>
        <source>give either a staff member or a team</source>
        <translation>人员和团队只能填其中之一</translation>
    </message>
    <message>
        <source>no such staff member</source>
        <translation>没有这个人员</translation>
    </message>
    <message>
        <source>no such team</source>
        <translation>没有这个团队</translation>
    </message>
    <message>
        <source>{team} (team)</source>
        <translation>{team}（团队）</translation>
    </message>
    <message>
        <source>{quarter} is closed (its summary was reported), so its figures cannot change; reopen it on the Quarterly summary page first.</source>
        <translation>{quarter}已关账（汇总已上报），其数据不能修改；请先在“季度汇总”页面重新开放该季度。</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>Outcomes</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>成效台账</translation>
    </message>
    <message>
        <source>Batch entry</source>
        <translation>批量录入</translation>
    </message>
    <message>
        <source>Mentorships</source>
        <translation>师徒结对</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Read outcomes (one row per entry, or the teams&apos; monthly tables) or, on the Mentorships tab, mentorships from an .xlsx or .xls workbook: preview first</source>
        <translation>从 .xlsx 或 .xls 工作簿读取工作成效（每行一条，或各团队的月度报表）；在“师徒结对”页读取师徒结对：先预览，再导入</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Dashboard</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务保障</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Quarterly summary</source>
        <translation>季度汇总</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>enter or change records</source>
        <translation>录入或修改记录</translation>
    </message>
    <message>
        <source>change the catalogs (units, teams, services, metrics, targets)</source>
        <translation>修改基础目录（单位、团队、服务项目、指标、目标）</translation>
    </message>
    <message>
        <source>close or reopen quarters</source>
        <translation>关账或重新开放季度</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>restore backups, purge the recycle bin or undo others&apos; batches</source>
        <translation>从备份恢复、彻底删除回收站记录或撤销他人的批次</translation>
    </message>
    <message>
        <source>export ID numbers in full</source>
        <translation>导出完整身份证号</translation>
    </message>
    <message>
        <source>{name} ({rights})</source>
        <translation>{name}（{rights}）</translation>
    </message>
    <message>
        <source>unnamed user</source>
        <translation>未命名用户</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{who} may not {what}; ask an administrator.</source>
        <translation>{who}无权{what}，请联系管理员。</translation>
    </message>
    <message>
        <source>{who} enters only {limit} records; {record} belongs to {field}.</source>
        <translation>{who}只能录入{limit}的记录；{record}属于{field}。</translation>
    </message>
    <message>
        <source>no field</source>
        <translation>无领域</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>按“导入”之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Period of the tables:</source>
        <translation>统计表所属期间：</translation>
    </message>
    <message>
        <source>2024-09 or 2024Q3 (else from the title)</source>
        <translation>2024-09 或 2024Q3（不填则按标题识别）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Save refused rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Period (not in the title of {sheets}):</source>
        <translation>统计期间（{sheets} 的标题中没有写明）：</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Created on the way: {records}</source>
        <translation>将同时新建：{records}</translation>
    </message>
    <message>
        <source>Changes: {fields}</source>
        <translation>变更：{fields}</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer or file could not be opened.</source>
        <translation>无法打开打印机或文件。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 共 {pages} 页</translation>
    </message>
    <message>
        <source>Print preview: {title}</source>
        <translation>打印预览：{title}</translation>
    </message>
</context>
<context>
    <name>ProvisionForm</name>
    <message>
        <source>New service record</source>
        <translation>新增服务记录</translation>
    </message>
    <message>
        <source>Edit service record</source>
        <translation>修改服务记录</translation>
    </message>
    <message>
        <source>Retired services are not offered.</source>
        <translation>已停用的服务项目不再列出。</translation>
    </message>
    <message>
        <source>the day it was delivered (not after today)</source>
        <translation>实际落实的日期（不能晚于今天）</translation>
    </message>
    <message>
        <source>yuan, optional, e.g. 500 or 1,200.50</source>
        <translation>单位：元，可不填，如 500 或 1,200.50</translation>
    </message>
    <message>
        <source>e.g. 中秋慰问 or 县人民医院体检</source>
        <translation>如：中秋慰问、县人民医院体检</translation>
    </message>
</context>
<context>
    <name>Provisions</name>
    <message>
        <source>must not be after today ({today})</source>
        <translation>不能晚于今天（{today}）</translation>
    </message>
    <message>
        <source>{service} was retired on {day}</source>
        <translation>{service} 已于 {day} 停用</translation>
    </message>
    <message>
        <source>is before {name} arrived ({start})</source>
        <translation>早于{name}的到岗日期（{start}）</translation>
    </message>
    <message>
        <source>is after {name}&apos;s last day served ({end})</source>
        <translation>晚于{name}的最后在岗日（{end}）</translation>
    </message>
    <message>
        <source>{name} already has {service} in this period ({rule}): {dates}</source>
        <translation>{name} 本周期（{rule}）内已落实{service}：{dates}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{service} for {name} on {date}</source>
        <translation>{name} {date} 的{service}</translation>
    </message>
    <message>
        <source>{name} ({field})</source>
        <translation>{name}（{field}）</translation>
    </message>
</context>
<context>
    <name>QuarterOverview</name>
    <message>
        <source>The quarter the overview shows</source>
        <translation>总览显示的季度</translation>
    </message>
    <message>
        <source>Quarter:</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>On duty at quarter end</source>
        <translation>季末在岗人数</translation>
    </message>
    <message>
        <source>Arrived / departed</source>
        <translation>本季度到岗 / 离岗</translation>
    </message>
    <message>
        <source>Lowest service coverage</source>
        <translation>覆盖率最低的服务</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>本季度亮点</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>{quarter} at a glance</source>
        <translation>{quarter}概况</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>The overview could not be computed: {reason}</source>
        <translation>概况未能计算：{reason}</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>{arrived} arrived and {departed} departed this quarter</source>
        <translation>本季度到岗 {arrived} 人，离岗 {departed} 人</translation>
    </message>
    <message>
        <source>No service with a coverage this quarter</source>
        <translation>本季度没有可计算覆盖率的服务</translation>
    </message>
    <message>
        <source>{service}: {covered} of {eligible} staff</source>
        <translation>{service}：{eligible} 人中 {covered} 人</translation>
    </message>
    <message>
        <source>Mentorships: {active} active, {new} new</source>
        <translation>师徒结对：进行中 {active} 对，新结对 {new} 对</translation>
    </message>
</context>
<context>
    <name>Quarters</name>
    <message>
        <source>write it as 2024Q3 (quarters 1–4)</source>
        <translation>请写成 2024Q3（第 1–4 季度）的形式</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>{short_year}Q{number}</source>
        <translation>{short_year}年Q{number}</translation>
    </message>
    <message>
        <source>write it as 2024-09 (a month) or 2024Q3 (quarters 1–4)</source>
        <translation>请写成 2024-09（月）或 2024Q3（第 1–4 季度）的形式</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>{year} Q{number}</source>
        <translation>{year}年第{number}季度</translation>
    </message>
</context>
<context>
    <name>RecordEditing</name>
    <message>
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Move {name} to the recycle bin? You can restore it from Settings → Recycle bin.</source>
        <translation>将“{name}”移入回收站吗？之后可在“设置 → 回收站”中恢复。</translation>
    </message>
    <message>
        <source>Delete {name}? This cannot be undone.</source>
        <translation>删除“{name}”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>Changed meanwhile</source>
        <translation>记录已被修改</translation>
    </message>
    <message>
        <source>Reload the record and apply your changes to it again?</source>
        <translation>重新载入此记录，并把您的修改再次应用到上面吗？</translation>
    </message>
    <message>
        <source>Reloaded with the other changes; yours are applied again. Check and save.</source>
        <translation>已载入他人的修改，您的修改已重新应用。请核对后保存。</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍要保存吗？</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Close the form and throw away your changes?</source>
        <translation>关闭表单并放弃所做的修改吗？</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the list as shown, with the filters applied (Ctrl+P)</source>
        <translation>按当前筛选、排序打印列表（Ctrl+P）</translation>
    </message>
    <message>
        <source>Rows: {count}</source>
        <translation>共 {count} 条</translation>
    </message>
</context>
<context>
    <name>Records</name>
    <message>
        <source>is not a field of this record</source>
        <translation>不是此类记录的字段</translation>
    </message>
    <message>
        <source>{name} is not in the recycle bin.</source>
        <translation>{name}不在回收站中。</translation>
    </message>
    <message>
        <source>{name} is not in the recycle bin; delete it first.</source>
        <translation>{name}不在回收站中，请先删除。</translation>
    </message>
    <message>
        <source>the new record</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>conflicts with a record saved meanwhile (another window or user): {reason}</source>
        <translation>与期间保存的另一条记录冲突（另一个窗口或用户）：{reason}</translation>
    </message>
    <message>
        <source>{name} is in the recycle bin; restore it first.</source>
        <translation>{name}在回收站中，请先恢复。</translation>
    </message>
    <message>
        <source>No such record (id {id}); it may have been purged.</source>
        <translation>记录不存在（编号 {id}），可能已被彻底删除。</translation>
    </message>
    <message>
        <source>{name} cannot be deleted: {blockers}.</source>
        <translation>{name}不能删除：{blockers}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>no such record (id {id})</source>
        <translation>记录不存在（编号 {id}）</translation>
    </message>
    <message>
        <source>{name} is in the recycle bin</source>
        <translation>{name}在回收站中</translation>
    </message>
    <message>
        <source>{name} already exists in the recycle bin; restore it</source>
        <translation>{name}已在回收站中，请恢复它</translation>
    </message>
    <message>
        <source>{name} already exists</source>
        <translation>{name}已存在</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <source>This record was changed by {who} at {time} while you were editing it.</source>
        <translation>此记录已被 {who} 于 {time} 修改（在您编辑期间）。</translation>
    </message>
    <message>
        <source>A record was changed by another user at the same moment, so nothing was saved. Try again.</source>
        <translation>另一位用户在同一时刻修改了记录，因此未保存任何内容。请重试。</translation>
    </message>
</context>
<context>
    <name>RecycleBin</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
</context>
<context>
    <name>RecycleBinTab</name>
    <message>
        <source>Kind of record:</source>
        <translation>记录类别：</translation>
    </message>
    <message>
        <source>Deleted records wait here. Restore puts one back where it was; Purge erases it for good.</source>
        <translation>删除的记录暂存在这里。“恢复”使其回到原处；“彻底删除”将永久清除。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind}（{count}）</translation>
    </message>
    <message>
        <source>Erase {name} for good? This cannot be undone.</source>
        <translation>要彻底删除“{name}”吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Recycle bin - {kind}</source>
        <translation>回收站-{kind}</translation>
    </message>
</context>
<context>
    <name>ReferenceCombo</name>
    <message>
        <source>Add new…</source>
        <translation>新增…</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>The reminders could not be computed: {reason}</source>
        <translation>无法生成提醒：{reason}</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Double-click an item to handle it.</source>
        <translation>双击条目即可办理。</translation>
    </message>
    <message>
        <source>Reminders for today, {day}</source>
        <translation>今日提醒（{day}）</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>{kind}: {count}</source>
        <translation>{kind}：{count}</translation>
    </message>
    <message>
        <source>{kind} ({count})</source>
        <translation>{kind}（{count}）</translation>
    </message>
    <message>
        <source>Nothing to do today.</source>
        <translation>今天没有待办事项。</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>服务已逾期</translation>
    </message>
    <message>
        <source>Due within 30 days</source>
        <translation>30 天内到期</translation>
    </message>
    <message>
        <source>Assignments ending within 60 days</source>
        <translation>60 天内期满</translation>
    </message>
    <message>
        <source>Planned end passed, departure not confirmed</source>
        <translation>已过期满，待确认离岗</translation>
    </message>
    <message>
        <source>{name}: {service}, due by {day}</source>
        <translation>{name}：{service}，应于 {day} 前落实</translation>
    </message>
    <message>
        <source>{name}: {service}, by {day}</source>
        <translation>{name}：{service}，{day} 前落实</translation>
    </message>
    <message>
        <source>{name}: last day {day}</source>
        <translation>{name}：{day} 期满</translation>
    </message>
    <message>
        <source>{name}: planned end {day}</source>
        <translation>{name}：计划期满 {day}</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>{county} “group-style” assistance work: quarterly summary, {year} Q{number}</source>
        <translation>{county}“组团式”帮扶工作季度汇总（{year}年第{number}季度）</translation>
    </message>
    <message>
        <source>Office: {office}    Made on: {date}    Clerk: {clerk}</source>
        <translation>填报单位：{office}&#x3000;&#x3000;制表日期：{date}&#x3000;&#x3000;制表人：{clerk}</translation>
    </message>
    <message>
        <source>Period: {start} to {end}</source>
        <translation>统计期间：{start}至{end}</translation>
    </message>
    <message>
        <source>{month}/{day}/{year}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>Total on duty</source>
        <translation>在岗合计</translation>
    </message>
    <message>
        <source>Arrived in the quarter</source>
        <translation>本季度到岗</translation>
    </message>
    <message>
        <source>Departed in the quarter</source>
        <translation>本季度离岗</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Provisions</source>
        <translation>落实次数</translation>
    </message>
    <message>
        <source>Eligible</source>
        <translation>应保障人数</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>已落实人数</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务保障</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>帮扶领域</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>Previous quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>环比增减</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>本年累计</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Target for the year</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>目标完成</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Staff or team</source>
        <translation>人才或团队</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>亮点内容</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>工作亮点</translation>
    </message>
    <message>
        <source>Pairs active in the quarter</source>
        <translation>本季度结对中</translation>
    </message>
    <message>
        <source>New pairs in the quarter</source>
        <translation>本季度新结对</translation>
    </message>
    <message>
        <source>Mentorships</source>
        <translation>师徒结对</translation>
    </message>
    <message>
        <source>{header} (%)</source>
        <translation>{header}（%）</translation>
    </message>
    <message>
        <source>{year}-{month:02d}-{day:02d}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>Head of office (单位负责人)</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <source>Reviewer (审核人)</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Prepared by (填报人)</source>
        <translation>填报人</translation>
    </message>
    <message>
        <source>(Office seal 盖章)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>签字确认</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Quarterly summary</source>
        <translation>季度汇总</translation>
    </message>
    <message>
        <source>&amp;Quarter:</source>
        <translation>季度(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print on A4 after a preview of the pages (Ctrl+P)</source>
        <translation>预览页面后用 A4 纸打印（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>A workbook with a sheet per section and the charts (Ctrl+E)</source>
        <translation>每部分一张工作表，并附图表（Ctrl+E）</translation>
    </message>
    <message>
        <source>&amp;Close quarter…</source>
        <translation>季度关账(&amp;C)…</translation>
    </message>
    <message>
        <source>Once the summary is handed in: records dated in the quarter can no longer change</source>
        <translation>汇总上报后关账：日期在本季度的记录将不能再修改</translation>
    </message>
    <message>
        <source>&amp;Reopen quarter…</source>
        <translation>重新开账(&amp;R)…</translation>
    </message>
    <message>
        <source>Computing the summary of {quarter}…</source>
        <translation>正在计算{quarter}汇总…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>The summary could not be computed: {reason}</source>
        <translation>季度汇总未能计算：{reason}</translation>
    </message>
    <message>
        <source>{quarter} is open: records dated in it can still change.</source>
        <translation>{quarter}未关账：日期在本季度的记录仍可修改。</translation>
    </message>
    <message>
        <source>{quarter} was closed on {when} by {who}: records dated in it cannot change until it is reopened.</source>
        <translation>{quarter}已于 {when} 由 {who} 关账：重新开账之前，日期在本季度的记录不能修改。</translation>
    </message>
    <message>
        <source>{quarter} is open: reopened on {when} by {who} ({reason}).</source>
        <translation>{quarter}未关账：已于 {when} 由 {who} 重新开账（{reason}）。</translation>
    </message>
    <message>
        <source>The quarters before it are closed with it, so that no year-to-date or cumulative figure of the printout can change: {quarters}.</source>
        <translation>此前的季度将一并关账，以免打印件中的年度累计和历年累计数字再发生变化：{quarters}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{quarter} has not ended yet: records of its remaining days will be refused too.</source>
        <translation>{quarter}尚未结束：关账后，本季度剩余日期的记录同样不能录入。</translation>
    </message>
    <message>
        <source>Close quarter</source>
        <translation>季度关账</translation>
    </message>
    <message>
        <source>Close {quarter}? Records dated in it can then no longer be created, changed or deleted, so the printed summary and the ledger stay the same. It can be reopened later, with a reason.</source>
        <translation>将{quarter}关账吗？关账后，日期在本季度的记录不能再新增、修改或删除，打印的汇总与台账保持一致。以后可说明原因重新开账。</translation>
    </message>
    <message>
        <source>Reopen quarter</source>
        <translation>重新开账</translation>
    </message>
    <message>
        <source>Why is {quarter} reopened? The reason is kept in the audit log.</source>
        <translation>为什么要将{quarter}重新开账？原因将记入操作日志。</translation>
    </message>
    <message>
        <source>The later closed quarters are reopened with it: {quarters}.</source>
        <translation>此后已关账的季度将一并重新开账：{quarters}。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Quarterly summary {quarter}</source>
        <translation>季度汇总-{quarter}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Team leader</source>
        <translation>领队</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>{team} (leader)</source>
        <translation>{team}（领队）</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>the application icon is missing</source>
        <translation>缺少程序图标</translation>
    </message>
    <message>
        <source>the dashboard drew no chart</source>
        <translation>总览页没有画出图表</translation>
    </message>
    <message>
        <source>Window: the {count} pages open ({titles}); the dashboard drew {charts} charts</source>
        <translation>窗口：{count} 个页面均能打开（{titles}），总览页画出 {charts} 张图表</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Self-test failed at {what}: {reason}</source>
        <translation>自检未通过（{what}）：{reason}</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>the demo data are missing</source>
        <translation>缺少演示数据</translation>
    </message>
    <message>
        <source>Database: a new ledger at schema revision {revision}, the demo loaded ({staff} staff, {entries} outcome entries), integrity check passed</source>
        <translation>数据库：新建台账（迁移版本 {revision}），已载入演示数据（{staff} 名人才、{entries} 条工作成效），完整性检查通过</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>no chart was drawn</source>
        <translation>没有画出图表</translation>
    </message>
    <message>
        <source>Charts: {count} charts with Chinese text drawn in the font {font}</source>
        <translation>图表：用字体 {font} 画出 {count} 张含中文的图表</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>its text lacks the title 「{title}」</source>
        <translation>文字中没有标题「{title}」</translation>
    </message>
    <message>
        <source>PDF: the summary of {quarter}, {pages} pages, its text has the title 「{title}」</source>
        <translation>PDF：{quarter} 季度汇总共 {pages} 页，文字中有标题「{title}」</translation>
    </message>
    <message>
        <source>Excel</source>
        <translation>Excel</translation>
    </message>
    <message>
        <source>the workbook does not hold the summary</source>
        <translation>工作簿中没有季度汇总</translation>
    </message>
    <message>
        <source>Excel: the workbook opens with openpyxl, {sheets} sheets under the title, {images} charts</source>
        <translation>Excel：工作簿能用 openpyxl 打开，{sheets} 个工作表均有标题，含 {images} 张图表</translation>
    </message>
</context>
<context>
    <name>ServiceProvision</name>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>落实日期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ServiceType</name>
    <message>
        <source>Name</source>
        <translation>服务名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>服务说明</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>停用日期</translation>
    </message>
</context>
<context>
    <name>ServiceTypeForm</name>
    <message>
        <source>New service</source>
        <translation>新增服务项目</translation>
    </message>
    <message>
        <source>Edit service</source>
        <translation>修改服务项目</translation>
    </message>
    <message>
        <source>How often each person is owed it; the coverage matrix follows this. Closed quarters keep the rule they were reported with.</source>
        <translation>每人应享受该服务的频次，覆盖矩阵据此计算。已关账季度保持上报时的周期。</translation>
    </message>
    <message>
        <source>Empty while the service is offered. From this day on it is no longer offered; it still counts in every quarter that began before it.</source>
        <translation>仍在提供时留空。自该日起不再提供；在该日之前开始的季度仍统计此项目。</translation>
    </message>
    <message>
        <source>Lists and reports follow this order.</source>
        <translation>列表和报表按此顺序排列。</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services</source>
        <translation>服务保障</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Coverage matrix</source>
        <translation>覆盖矩阵</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Read service records from an .xlsx or .xls workbook: preview first</source>
        <translation>从 .xlsx 或 .xls 工作簿读取服务记录：先预览，再导入</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Office name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>County</source>
        <translation>旗县</translation>
    </message>
    <message>
        <source>Clerk name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <source>Head of office</source>
        <translation>单位负责人</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <source>Second copy to</source>
        <translation>另存一份到</translation>
    </message>
    <message>
        <source>Back up while working every</source>
        <translation>工作期间自动备份间隔（分钟）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>unknown setting</source>
        <translation>未知设置项</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 999</source>
        <translation>须为 1 至 999 的整数</translation>
    </message>
    <message>
        <source>must be a whole number of minutes from 5 to 480</source>
        <translation>须为 5 至 480 之间的整数（分钟）</translation>
    </message>
    <message>
        <source>must be zh_CN or en</source>
        <translation>须为 zh_CN 或 en</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>Units and teams</source>
        <translation>单位与团队</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and header row</source>
        <translation>工作表与表头行</translation>
    </message>
    <message>
        <source>The highlighted row names the columns; data start below it.</source>
        <translation>高亮的一行是表头，数据从其下一行开始。</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Ledger: {location}</source>
        <translation>台账：{location}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>帮扶领域</translation>
    </message>
    <message>
        <source>Sending unit</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>受援单位</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>挂任职务</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>帮扶团队</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>领队</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>到岗日期</translation>
    </message>
    <message>
        <source>Planned end</source>
        <translation>计划期满</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>离岗日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{name} is a {kind}</source>
        <translation>{name}是{kind}</translation>
    </message>
    <message>
        <source>already belongs to {name} (in the recycle bin)</source>
        <translation>已属于{name}（在回收站中）</translation>
    </message>
    <message>
        <source>already belongs to {name}</source>
        <translation>已属于{name}</translation>
    </message>
    <message>
        <source>a team leader must belong to a team</source>
        <translation>领队必须属于某个帮扶团队</translation>
    </message>
    <message>
        <source>{team} already has a leader: {name}</source>
        <translation>{team}已有领队：{name}</translation>
    </message>
    <message>
        <source>{count} service records</source>
        <translation>{count} 条服务记录</translation>
    </message>
    <message>
        <source>{count} outcome entries</source>
        <translation>{count} 条成效记录</translation>
    </message>
    <message>
        <source>{count} mentorships</source>
        <translation>{count} 对师徒结对</translation>
    </message>
</context>
<context>
    <name>StaffDetail</name>
    <message>
        <source>Choose a person in the list to see their file.</source>
        <translation>在左侧列表中选择一人，查看其档案。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务保障</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>工作成效</translation>
    </message>
    <message>
        <source>Mentee</source>
        <translation>徒弟</translation>
    </message>
    <message>
        <source>Services {count}</source>
        <translation>服务 {count}</translation>
    </message>
    <message>
        <source>Outcomes {count}</source>
        <translation>成效 {count}</translation>
    </message>
    <message>
        <source>Mentees {count}</source>
        <translation>徒弟 {count}</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Mentees</source>
        <translation>结对徒弟</translation>
    </message>
    <message>
        <source>Services ({count})</source>
        <translation>服务保障（{count}）</translation>
    </message>
    <message>
        <source>Outcomes ({count})</source>
        <translation>工作成效（{count}）</translation>
    </message>
    <message>
        <source>Mentees ({count})</source>
        <translation>结对徒弟（{count}）</translation>
    </message>
</context>
<context>
    <name>StaffFilePrint</name>
    <message>
        <source>Staff files</source>
        <translation>帮扶人才个人档案</translation>
    </message>
    <message>
        <source>Staff file: {name}</source>
        <translation>个人档案：{name}</translation>
    </message>
    <message>
        <source>Staff file (as of {date})</source>
        <translation>个人档案（截至 {date}）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Services received</source>
        <translation>服务保障记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Outcomes by metric</source>
        <translation>工作成效汇总（按指标）</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <source>Mentees</source>
        <translation>结对徒弟</translation>
    </message>
    <message>
        <source>Mentee</source>
        <translation>徒弟</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
</context>
<context>
    <name>StaffForm</name>
    <message>
        <source>New staff member</source>
        <translation>新增帮扶人才</translation>
    </message>
    <message>
        <source>Edit staff member</source>
        <translation>修改帮扶人才</translation>
    </message>
    <message>
        <source>18 characters; fills in the birth date and gender</source>
        <translation>18 位；自动填写出生日期和性别</translation>
    </message>
    <message>
        <source>mobile or landline, e.g. 0482-6112233</source>
        <translation>手机或座机，如 0482-6112233</translation>
    </message>
    <message>
        <source>Leads the team (领队)</source>
        <translation>担任团队领队</translation>
    </message>
    <message>
        <source>the last day of the planned assignment</source>
        <translation>计划帮扶的最后一天</translation>
    </message>
    <message>
        <source>only when the assignment ended early or late</source>
        <translation>仅在提前或延期结束时填写</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>帮扶人才</translation>
    </message>
    <message>
        <source>Search name, unit, post or phone (Ctrl+F)</source>
        <translation>搜索姓名、单位、职务或电话（Ctrl+F）</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>All receiving units</source>
        <translation>全部受援单位</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Confirm departure</source>
        <translation>确认离岗</translation>
    </message>
    <message>
        <source>Record the planned end as the actual end for the selected staff whose planned end has passed (期满离岗)</source>
        <translation>为所选已过计划期满日期的人员，按计划期满日期登记实际离岗（期满离岗）</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>The staff as listed, with the filters applied (Ctrl+E)</source>
        <translation>按当前筛选导出列表中的人员（Ctrl+E）</translation>
    </message>
    <message>
        <source>Full ID numbers</source>
        <translation>完整身份证号</translation>
    </message>
    <message>
        <source>Export ID numbers unmasked (personal data; recorded in the audit log)</source>
        <translation>导出不打码的身份证号（个人信息；记入操作日志）</translation>
    </message>
    <message>
        <source>Print the roster as shown…</source>
        <translation>按当前筛选打印花名册…</translation>
    </message>
    <message>
        <source>Print files of the selected staff…</source>
        <translation>打印所选人员的个人档案…</translation>
    </message>
    <message>
        <source>Each selected person&apos;s file on a page of its own</source>
        <translation>每人的档案另起一页</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <source>Read a roster from an .xlsx or .xls workbook: preview first, then import</source>
        <translation>从 .xlsx 或 .xls 工作簿读取花名册：先预览，再导入</translation>
    </message>
    <message>
        <source>None of the selected staff has a planned end that has passed.</source>
        <translation>所选人员中没有已过计划期满日期、待确认离岗的人员。</translation>
    </message>
    <message>
        <source>Staff roster</source>
        <translation>帮扶人才花名册</translation>
    </message>
</context>
<context>
    <name>StaffTotals</name>
    <message>
        <source>own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>team: {team}</source>
        <translation>团队：{team}</translation>
    </message>
    <message>
        <source>{metric} (latest)</source>
        <translation>{metric}（最新值）</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The disk holding {path} is full, so the change was not saved. Free some space and try again; nothing was lost.</source>
        <translation>{path} 所在磁盘已满，本次修改未保存。请清理空间后重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>The database {path} is no longer there (a USB stick pulled out, a network drive disconnected?). Put it back and open it again; the change was not saved.</source>
        <translation>数据库 {path} 已不在原处（U 盘被拔出、网络盘断开？）。请恢复后重新打开；本次修改未保存。</translation>
    </message>
    <message>
        <source>The database {path} could not be read or written ({reason}).</source>
        <translation>无法读取或写入数据库 {path}（{reason}）。</translation>
    </message>
    <message>
        <source>The database {path} is in use by another program right now (a backup tool, a second copy of the app, a command). Try again in a moment; the data are fine.</source>
        <translation>数据库 {path} 正被其他程序使用（备份工具、另一个本程序窗口或命令）。请稍后再试；数据完好。</translation>
    </message>
    <message>
        <source>The database {path} is read-only (a write-protected file or folder, a CD, a shared drive without write access): records can be looked at but not changed.</source>
        <translation>数据库 {path} 为只读（文件或文件夹写保护、光盘、无写入权限的共享盘）：只能查看，不能修改。</translation>
    </message>
    <message>
        <source>The backup {path} did not pass its check: {problem}</source>
        <translation>备份 {path} 未通过检查：{problem}</translation>
    </message>
    <message>
        <source>Another user was saving the same records at the same moment, so the change was not saved. Try again.</source>
        <translation>另一位用户正在同时保存相同的记录，因此本次修改未保存。请重试。</translation>
    </message>
    <message>
        <source>The database {where} is busy with another user&apos;s long change. Try again in a moment; the data are fine.</source>
        <translation>数据库 {where} 正忙于另一位用户的大批量修改。请稍后重试；数据完好无损。</translation>
    </message>
    <message>
        <source>The database {where} is read-only: records can be looked at only.</source>
        <translation>数据库 {where} 为只读：只能查看记录。</translation>
    </message>
    <message>
        <source>The database server {where} has no room left, so the change was not saved. Ask IT to free space on the server; nothing was lost.</source>
        <translation>数据库服务器 {where} 已没有剩余空间，因此本次修改未保存。请让信息技术人员清理服务器空间；没有丢失任何数据。</translation>
    </message>
    <message>
        <source>The server {where} refused the user name or password. Check them, or ask IT whether the user may sign in ({reason}).</source>
        <translation>服务器 {where} 拒绝了用户名或密码。请检查，或询问信息技术人员该用户能否登录（{reason}）。</translation>
    </message>
    <message>
        <source>The server has no database {where}. Check the database name, or ask IT to create it ({reason}).</source>
        <translation>服务器上没有数据库 {where}。请检查数据库名，或请信息技术人员创建它（{reason}）。</translation>
    </message>
    <message>
        <source>The database server {where} cannot be reached ({reason}). Check the network and the address, or tell IT; the change was not saved.</source>
        <translation>无法连接数据库服务器 {where}（{reason}）。请检查网络和地址，或告知信息技术人员；本次修改未保存。</translation>
    </message>
    <message>
        <source>this data</source>
        <translation>这些数据</translation>
    </message>
    <message>
        <source>your user</source>
        <translation>您的用户</translation>
    </message>
    <message>
        <source>The server refused the change: {user} may write {what} records of their own field only, and this one belongs to another field. Nothing was saved (server: {reason}).</source>
        <translation>服务器拒绝了这次修改：{user} 只能写入本领域的{what}记录，这条记录属于其他领域。未保存任何内容（服务器：{reason}）。</translation>
    </message>
    <message>
        <source>The server refused the change: {user} may not change {what}. Nothing was saved; ask an administrator for the rights (server: {reason}).</source>
        <translation>服务器拒绝了这次修改：{user} 无权修改{what}。未保存任何内容；请向管理员申请权限（服务器：{reason}）。</translation>
    </message>
    <message>
        <source>The server does not allow {user} to do this. Nothing was saved; ask an administrator (server: {reason}).</source>
        <translation>服务器不允许 {user} 执行此操作。未保存任何内容；请联系管理员（服务器：{reason}）。</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <source>Yearly targets</source>
        <translation>年度目标</translation>
    </message>
    <message>
        <source>Choose a metric to see and set its yearly targets.</source>
        <translation>选中左侧的一项指标，即可查看和设置它的年度目标。</translation>
    </message>
    <message>
        <source>Yearly targets: {metric}</source>
        <translation>年度目标：{metric}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Stopped: the ledger is closing.</source>
        <translation>已停止：台账正在关闭。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Name</source>
        <translation>团队名称</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>帮扶领域</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>受援单位</translation>
    </message>
</context>
<context>
    <name>TeamForm</name>
    <message>
        <source>New team</source>
        <translation>新增帮扶团队</translation>
    </message>
    <message>
        <source>Edit team</source>
        <translation>修改帮扶团队</translation>
    </message>
    <message>
        <source>e.g. 2022年第一批</source>
        <translation>如 2022年第一批</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Add the team&apos;s members first, then choose a leader.</source>
        <translation>请先为团队添加成员，再选择领队。</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>领队</translation>
    </message>
</context>
<context>
    <name>TotalsTable</name>
    <message>
        <source>Metric</source>
        <translation>成效指标</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>latest value, reported {date}</source>
        <translation>最新值，填报于 {date}</translation>
    </message>
    <message>
        <source> (latest)</source>
        <translation>（最新值）</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo this entry</source>
        <translation>撤销本次登记</translation>
    </message>
    <message>
        <source>Entered {service} for {count} staff in one batch.</source>
        <translation>已为 {count} 人批量登记“{service}”。</translation>
    </message>
    <message>
        <source>The entry for many was undone.</source>
        <translation>本次批量登记已撤销。</translation>
    </message>
</context>
<context>
    <name>Unit</name>
    <message>
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>所在地区</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>领域</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>New unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Edit unit</source>
        <translation>修改单位</translation>
    </message>
    <message>
        <source>e.g. 北京市丰台区 or 内蒙古兴安盟扎赉特旗</source>
        <translation>如 北京市丰台区、内蒙古兴安盟扎赉特旗</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>cannot change while {uses}</source>
        <translation>{uses}，不能修改</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{count} staff were sent by it</source>
        <translation>派出了 {count} 名帮扶人才</translation>
    </message>
    <message>
        <source>{count} staff are placed in it</source>
        <translation>接收了 {count} 名帮扶人才</translation>
    </message>
    <message>
        <source>{count} teams serve it</source>
        <translation>有 {count} 个帮扶团队</translation>
    </message>
    <message>
        <source>{name} is not a receiving unit</source>
        <translation>{name}不是受援单位</translation>
    </message>
    <message>
        <source>{count} staff belong to it</source>
        <translation>有 {count} 名成员</translation>
    </message>
    <message>
        <source>{count} outcome entries</source>
        <translation>{count} 条成效记录</translation>
    </message>
    <message>
        <source>the leader must be a member of the team</source>
        <translation>领队必须是本团队成员</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>领队</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>Sending units send the staff (派出单位); receiving units host them (受援单位). A team&apos;s leader is chosen among its members in the team&apos;s form.</source>
        <translation>派出单位选派帮扶人才，受援单位接收帮扶人才。团队领队在团队表单中从其成员里选择。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>帮扶团队</translation>
    </message>
</context>
<context>
    <name>UserAccount</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Limited to field</source>
        <translation>限定领域</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Limited to field</source>
        <translation>限定领域</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong passwords; try again in {seconds} seconds.</source>
        <translation>密码错误次数过多，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>{name} is disabled; ask an administrator.</source>
        <translation>{name}已被停用，请联系管理员。</translation>
    </message>
    <message>
        <source>This ledger asks who works: set BANGFU_USER and BANGFU_PASSWORD to a user&apos;s name and password.</source>
        <translation>此台账需要登录：请将 BANGFU_USER 和 BANGFU_PASSWORD 设为某个用户的用户名和密码。</translation>
    </message>
    <message>
        <source>You cannot disable yourself.</source>
        <translation>不能停用自己。</translation>
    </message>
    <message>
        <source>is not your current password</source>
        <translation>与当前密码不符</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>{name} already exists</source>
        <translation>{name}已存在</translation>
    </message>
    <message>
        <source>only a clerk is limited to a field</source>
        <translation>只有填报员可以限定领域</translation>
    </message>
    <message>
        <source>must have at least {count} characters</source>
        <translation>至少需要 {count} 个字符</translation>
    </message>
    <message>
        <source>{name} is the last administrator; make another one first.</source>
        <translation>{name}是最后一位管理员，请先设置另一位管理员。</translation>
    </message>
    <message>
        <source>No such user (id {id}).</source>
        <translation>没有这个用户（编号 {id}）。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Limited to field</source>
        <translation>限定领域</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Users are the server&apos;s login roles; each signs in as their own.</source>
        <translation>用户即服务器上的登录角色，每人以自己的身份登录。</translation>
    </message>
    <message>
        <source>Sign-in is on: the program asks who works at every start.</source>
        <translation>已开启登录：每次启动时程序都会询问由谁操作。</translation>
    </message>
    <message>
        <source>Sign-in is off: one clerk works here, named under General. Turn it on when several people use this ledger; you become its first administrator.</source>
        <translation>未开启登录：由“常规”中填写的经办人一人操作。多人使用本台账时请开启登录，您将成为第一位管理员。</translation>
    </message>
    <message>
        <source>Turn sign-in off</source>
        <translation>关闭登录</translation>
    </message>
    <message>
        <source>Turn sign-in on…</source>
        <translation>开启登录…</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Turn sign-in off? The clerk named under General then acts.</source>
        <translation>确定关闭登录吗？此后由“常规”中填写的经办人操作。</translation>
    </message>
    <message>
        <source>Turn sign-in on</source>
        <translation>开启登录</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>at most {n} characters (now {length})</source>
        <translation>最多 {n} 个字（现为 {length} 个）</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>old 15-digit numbers are not accepted; enter the 18-digit one</source>
        <translation>不接受旧的 15 位号码，请填写 18 位号码</translation>
    </message>
    <message>
        <source>must have 18 characters (now {length})</source>
        <translation>应为 18 位（现为 {length} 位）</translation>
    </message>
    <message>
        <source>must be 17 digits followed by a digit or X</source>
        <translation>应为 17 位数字加 1 位数字或 X</translation>
    </message>
    <message>
        <source>{code} is not a province code</source>
        <translation>{code} 不是有效的省级行政区划代码</translation>
    </message>
    <message>
        <source>{digits} is not a valid birth date</source>
        <translation>{digits} 不是有效的出生日期</translation>
    </message>
    <message>
        <source>birth date {date} is not possible</source>
        <translation>出生日期 {date} 不合理</translation>
    </message>
    <message>
        <source>check digit is wrong; please re-check the number</source>
        <translation>校验码不正确，请核对号码</translation>
    </message>
    <message>
        <source>not a phone number; write a mobile like 13812345678 or 0482-6112233</source>
        <translation>不是有效的电话号码，手机号如 13812345678，座机如 0482-6112233</translation>
    </message>
    <message>
        <source>must be a date</source>
        <translation>必须是日期</translation>
    </message>
    <message>
        <source>{text} is not a date; write it as 2024-07-01</source>
        <translation>{text} 不是日期，请写成 2024-07-01 的形式</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>须为数字</translation>
    </message>
    <message>
        <source>{text} is not a number</source>
        <translation>{text} 不是数字</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>is too large (at most {n} digits before the point)</source>
        <translation>数值过大（整数部分最多 {n} 位）</translation>
    </message>
    <message>
        <source>at most {n} decimal places</source>
        <translation>最多 {n} 位小数</translation>
    </message>
    <message>
        <source>{text} is not one of: {choices}</source>
        <translation>“{text}”不在可选范围内：{choices}</translation>
    </message>
    <message>
        <source>must not be before {field} {start}</source>
        <translation>不能早于{field} {start}</translation>
    </message>
    <message>
        <source>the start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>write 是 or 否</source>
        <translation>请填写“是”或“否”</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>须在 {low} 至 {high} 之间</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Medical</source>
        <translation>医疗</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>教育</translation>
    </message>
    <message>
        <source>Science &amp; Technology</source>
        <translation>科技</translation>
    </message>
    <message>
        <source>General</source>
        <translation>综合</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>期满离岗</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>提前结束</translation>
    </message>
    <message>
        <source>Rotated</source>
        <translation>轮换</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>待到岗</translation>
    </message>
    <message>
        <source>Planned end passed, departure to confirm</source>
        <translation>已过期满，待确认离岗</translation>
    </message>
    <message>
        <source>Sending unit</source>
        <translation>派出单位</translation>
    </message>
    <message>
        <source>Receiving unit</source>
        <translation>受援单位</translation>
    </message>
    <message>
        <source>Once per assignment</source>
        <translation>一次性</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>每年</translation>
    </message>
    <message>
        <source>Half-yearly</source>
        <translation>每半年</translation>
    </message>
    <message>
        <source>Quarterly</source>
        <translation>每季度</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>On demand</source>
        <translation>按需</translation>
    </message>
    <message>
        <source>Sum</source>
        <translation>累加</translation>
    </message>
    <message>
        <source>Latest value</source>
        <translation>取最新值</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待落实</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>填报员</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to Bangfu Ledger</source>
        <translation>欢迎使用帮扶台账</translation>
    </message>
    <message>
        <source>This ledger holds no staff yet. Start by entering the dispatched staff, or look around in the demo database first (it is a separate file, so demo and real records never mix).</source>
        <translation>当前台账中还没有帮扶人才。可以从录入帮扶人才开始，也可以先打开演示数据库看看（演示数据库是单独的文件，演示数据与真实记录不会混在一起）。</translation>
    </message>
    <message>
        <source>Start entering staff</source>
        <translation>开始录入帮扶人才</translation>
    </message>
    <message>
        <source>Open the demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <source>Import a roster from Excel</source>
        <translation>从 Excel 导入人才名册</translation>
    </message>
    <message>
        <source>Read the roster you keep in Excel or WPS (.xlsx or .xls); preview first</source>
        <translation>读取您在 Excel 或 WPS 中保存的花名册（.xlsx 或 .xls），先预览再导入</translation>
    </message>
</context>
<context>
    <name>Work</name>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何内容。</translation>
    </message>
</context>
</TS>
