"""The core's messages in the UI's language.

The core explains itself in Chinese: why a file was skipped (a rejection code and a message), why a
query cannot be searched (a `QueryError` with its template and fields). These tables hold the same
Chinese sentences, kept equal to the core's by tests, so Qt's translation files can give them in
English; anything not in a table is shown as the core said it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from viewer.archive import ArchiveBusy, QueryError
from viewer.gui.i18n import QT_TRANSLATE_NOOP
from viewer.model import MAX_BYTES

translate = QCoreApplication.translate

# Why a file was skipped, by the core's rejection code: the core words it in Chinese; these are the
# same sentences (kept equal by a test) run through the translation files for the English UI.
REJECTION_TEXTS = {
    "unsupported": QT_TRANSLATE_NOOP(
        "ImportSummary", "不支持的文件类型，只能导入 .txt 和 .md 文件。"
    ),
    "unreadable": QT_TRANSLATE_NOOP("ImportSummary", "无法读取这个文件。"),
    "not_regular": QT_TRANSLATE_NOOP(
        "ImportSummary", "这不是普通文件（是命名管道、设备或套接字），没有读取。"
    ),
    "empty": QT_TRANSLATE_NOOP("ImportSummary", "文件是空的，没有文字。"),
    "too_large": QT_TRANSLATE_NOOP("ImportSummary", "文件太大，超过了 {limit} MB 的上限。"),
    "binary": QT_TRANSLATE_NOOP("ImportSummary", "这是二进制文件，不是文本文件。"),
    "undecodable": QT_TRANSLATE_NOOP("ImportSummary", "无法识别文件的文字编码。"),
    "missing": QT_TRANSLATE_NOOP("ImportSummary", "文件或文件夹不存在"),
    # A caveat about a file that was imported (viewer.ingest.page.WARNING_MESSAGES).
    "truncated": QT_TRANSLATE_NOOP(
        "ImportSummary", "文件在一个字的中间结束（可能不完整），已去掉末尾残缺的字后导入。"
    ),
}


def rejection_text(code: str, message: str) -> str:
    """The reason a file was skipped, in the UI's language when the code is a known one."""
    text = REJECTION_TEXTS.get(code)
    if text is None:
        return message
    return translate("ImportSummary", text).format(limit=MAX_BYTES // (1024 * 1024))


# The core's query errors as templates (kept equal to the core's by a test), run through the
# translation files for the English UI; `query_error_text` fills in the same fields.
QUERY_ERROR_TEXTS = (
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少地名"),
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少人名"),
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少类型"),
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少日期"),
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少标签"),
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少笔记里要找的文字"),
    QT_TRANSLATE_NOOP("QueryError", "“{key}:”后面缺少条件，可用：bookmarked(书签)"),
    QT_TRANSLATE_NOOP("QueryError", "没有“{value}”这种条件，可用：bookmarked(书签)"),
    QT_TRANSLATE_NOOP("QueryError", "标签、笔记、书签条件不能排除（不能用 NOT 或 -）"),
    QT_TRANSLATE_NOOP("QueryError", "括号嵌套太深"),
    QT_TRANSLATE_NOOP("QueryError", "地点、作者、类型、日期条件不能排除（不能用 NOT 或 -）"),
    QT_TRANSLATE_NOOP(
        "QueryError",
        "没有“{value}”这种类型，可用：article(文章)、brief(简讯)、caption(图片说明)、ad(广告)、column(专栏)",
    ),
    QT_TRANSLATE_NOOP("QueryError", "搜索内容太长（最多 {limit} 个字）"),
    QT_TRANSLATE_NOOP("QueryError", "请输入要搜索的内容"),
    QT_TRANSLATE_NOOP("QueryError", "只有排除的词：请再加一个要查找的词或筛选条件"),
    QT_TRANSLATE_NOOP("QueryError", "日期范围不对：开始 {start} 晚于结束 {end}"),
    QT_TRANSLATE_NOOP("QueryError", "看不懂日期“{value}”：日期应写成 2020、2020-10 或 2020-10-15"),
    QT_TRANSLATE_NOOP("QueryError", "没有这一天：“{value}”"),
    QT_TRANSLATE_NOOP(
        "QueryError", "日期范围“{value}”两头都是空的：日期应写成 2020、2020-10 或 2020-10-15"
    ),
    QT_TRANSLATE_NOOP("QueryError", "搜索内容里有无法识别的字符"),
    QT_TRANSLATE_NOOP("QueryError", "地名里有无法识别的字符"),
    QT_TRANSLATE_NOOP("QueryError", "结果数应为 1 到 {max} 之间的整数，不能是“{value}”"),
)


# Another process writes to the archive (the core's ArchiveBusy), with and without its holder.
BUSY_TEXT = QT_TRANSLATE_NOOP("ArchiveBusy", "另一个程序正在写入这个档案，请等它结束后再试。")
BUSY_BY_TEXT = QT_TRANSLATE_NOOP(
    "ArchiveBusy", "另一个程序正在写入这个档案（进程 {pid}，{started} 开始），请等它结束后再试。"
)


def busy_text(error: ArchiveBusy) -> str:
    """Who is writing to the archive, and since when, in the UI's language."""
    holder = error.holder
    if holder is None:
        return translate("ArchiveBusy", BUSY_TEXT)
    return translate("ArchiveBusy", BUSY_BY_TEXT).format(pid=holder.pid, started=holder.started)


def query_error_text(error: QueryError) -> str:
    """Why a query cannot be searched, in the UI's language."""
    if error.template not in QUERY_ERROR_TEXTS:
        return str(error)
    return QCoreApplication.translate("QueryError", error.template).format(**error.params)


# Why a tag or note was not stored (the core's AnnotationError, UnknownStory), with each number
# in the message as {n}; kept equal to the core's messages by a test.
ANNOTATION_ERROR_TEXTS = (
    QT_TRANSLATE_NOOP("AnnotationError", "标签不能为空"),
    QT_TRANSLATE_NOOP("AnnotationError", "标签太长（最多 {n} 个字）"),
    QT_TRANSLATE_NOOP("AnnotationError", "标签里有无法识别的字符"),
    QT_TRANSLATE_NOOP("AnnotationError", "笔记太长（最多 {n} 个字）"),
    QT_TRANSLATE_NOOP("AnnotationError", "笔记里有无法识别的字符"),
    QT_TRANSLATE_NOOP("AnnotationError", "没有编号为 {n} 的稿件"),
)


def annotation_error_text(message: str) -> str:
    """Why a tag or note was not stored, in the UI's language (as the core said it when the
    message is not a known one)."""
    numbers = re.findall(r"\d+", message)
    template = re.sub(r"\d+", "{n}", message)
    if template not in ANNOTATION_ERROR_TEXTS or len(numbers) > 1:
        return message
    return translate("AnnotationError", template).format(n=numbers[0] if numbers else "")
