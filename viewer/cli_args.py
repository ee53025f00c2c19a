"""Command line arguments checked before any command runs: a bad value is one line on stderr
naming the option and what it accepts (in Chinese), and exit code 2, as argparse does; never a
ValueError from deep inside a command, and never a usage dump.

The parser class wraps argparse's own (English) messages in Chinese; the converters below are
the `type=` of each option that takes a value.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import NoReturn

from viewer.search import QueryError
from viewer.search.dates import FORMAT_HELP, period_bounds
from viewer.search.errors import one_line, quoted
from viewer.search.options import MAX_LIMIT
from viewer.text import fold_keep_case, is_encodable

MAX_WORKERS = 64
MAX_STORY_ID = 2**63 - 1  # SQLite's largest integer
DATE_HELP = "2020、2020-03 或 2020-03-05（也可写 2020年3月、2020/3/5、20200305）"

# argparse's messages (Python 3.11 wording) and the same in Chinese; {0} {1} are its values.
_ARGPARSE_MESSAGES = (
    (r"argument (.+?): (.*)", "参数 {0}：{1}"),
    (r"the following arguments are required: (.*)", "缺少参数：{0}"),
    (r"one of the arguments (.*) is required", "需要以下参数之一：{0}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"ambiguous option: (.*) could match (.*)", "选项 {0} 不明确，可能是 {1}"),
    (r"not allowed with argument (.*)", "不能与 {0} 同时使用"),
    (r"ignored explicit argument (.*)", "不接受值 {0}"),
    (r"expected one argument", "后面缺少值"),
    (r"expected at most one argument", "后面最多一个值"),
    (r"expected at least one argument", "后面至少要有一个值"),
    (r"invalid choice: (.*) \(choose from (.*)\)", "不能是 {0}，可选：{1}"),
    (r"invalid (\S+) value: (.*)", "不能是 {1}"),
    (r"unexpected option string: (.*)", "没有选项 {0}"),
)


def chinese_message(message: str) -> str:
    """argparse's message in Chinese where its wording is known; else as it is."""
    for pattern, chinese in _ARGPARSE_MESSAGES:
        match = re.fullmatch(pattern, message, re.S)
        if match:
            return chinese.format(*(chinese_message(g) for g in match.groups()))
    return message


class ArgumentParser(argparse.ArgumentParser):
    """argparse with one-line Chinese errors (subcommand parsers are made of the same class)."""

    def error(self, message: str) -> NoReturn:
        line = one_line(f"{self.prog}：{chinese_message(message)}（用 {self.prog} -h 查看用法）")
        self.exit(2, line + "\n")


def _whole_number(text: str, allowed: str, low: int, high: int) -> int:
    try:
        number = int(fold_keep_case(text).strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise argparse.ArgumentTypeError(f"应为{allowed}，不能是“{quoted(text)}”")
    return number


def limit(text: str) -> int:
    return _whole_number(text, f" 1 到 {MAX_LIMIT} 之间的整数", 1, MAX_LIMIT)


def workers(text: str) -> int:
    return _whole_number(text, f" 0 到 {MAX_WORKERS} 之间的整数（0 = 不用子进程）", 0, MAX_WORKERS)


def story_id(text: str) -> int:
    return _whole_number(text, "稿件编号（正整数）", 1, MAX_STORY_ID)


def text_value(text: str) -> str:
    """Any text that is not blank and decodes (no lone surrogates from undecodable bytes)."""
    if not is_encodable(text):
        raise argparse.ArgumentTypeError("含有无法识别的字符（不是 UTF-8 文字）")
    if not text.strip():
        raise argparse.ArgumentTypeError("不能为空")
    return text.strip()


def date(text: str) -> str:
    """A date as the query box reads it; kept as typed (the search reads it the same way)."""
    value = text_value(text)
    try:
        period_bounds(value)
    except QueryError as err:
        message = str(err) if FORMAT_HELP in str(err) else f"{err}；{FORMAT_HELP}"
        raise argparse.ArgumentTypeError(message) from None
    return value


def archive_dir(text: str) -> Path:
    """A folder that exists, or may be created; not a file."""
    if "\0" in text:
        raise argparse.ArgumentTypeError("含有空字符")
    path = Path(text_value(text))
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"“{quoted(text)}”不是文件夹")
    return path


def path(text: str) -> str:
    """A file or folder name to import (whether it exists is the import's to report)."""
    if "\0" in text:
        raise argparse.ArgumentTypeError("含有空字符")
    return text_value(text)
