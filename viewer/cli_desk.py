"""Commands of the research desk: browse by issue, edit a file's metadata, facets, saved
searches. Each opens nothing itself: `viewer.cli` hands it the archive and maps its exit code."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from viewer import cli_args
from viewer.archive import Archive, BatchMetaError, FileNotStored, SavedSearchError
from viewer.batch_meta import PATTERN_HELP, BatchMeta, NamePattern, parse_iso_date
from viewer.model import STORY_KINDS
from viewer.store.issues import IssuePaper
from viewer.store.saved import SearchFilters
from viewer.text import neutralise_bidi as shown
from viewer.text import one_line

EXIT_OK, EXIT_ERROR = 0, 2


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _error(message: str) -> int:
    print(one_line(message), file=sys.stderr)
    return EXIT_ERROR


# -- argument types -------------------------------------------------------------------------


def name_pattern(text: str) -> str:
    """A file-name pattern (`viewer.batch_meta`), kept as typed once it parses."""
    try:
        NamePattern.parse(cli_args.text_value(text))
    except BatchMetaError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text.strip()


def iso_date(text: str) -> str:
    """YYYY-MM-DD, a day that exists."""
    try:
        return parse_iso_date(text)
    except BatchMetaError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def iso_date_or_none(text: str) -> str:
    """YYYY-MM-DD, or "" to clear the date."""
    return "" if not text.strip() else iso_date(text)


def issue_date(text: str) -> str:
    """A page date or period as the search reads it (2020, 2020-10, 2020-10-15), or ""."""
    return "" if not text.strip() else cli_args.date(text)


# -- commands --------------------------------------------------------------------------------


def _issue_lines(papers: list[IssuePaper]) -> list[str]:
    lines = []
    for paper in papers:
        lines.append(f"{paper.paper or '（未注明报纸）'}  {paper.stories} 篇")
        for year in paper.years:
            if year.year is None:
                pages = [p for m in year.months for d in m.days for p in d.pages]
                listed = "  ".join(f"{p.page or '-'} {p.stories}" for p in pages)
                lines.append(f"  未注明日期  {year.stories} 篇：{listed}")
                continue
            lines.append(f"  {year.year}年  {year.stories} 篇")
            for month in year.months:
                lines.append(f"    {month.month}月  {month.stories} 篇")
                for day in month.days:
                    listed = "  ".join(f"{p.page or '-'} {p.stories}" for p in day.pages)
                    lines.append(f"      {day.date}  {day.stories} 篇：{listed}")
    return lines


def cmd_issues(archive: Archive, args: argparse.Namespace) -> int:
    papers = archive.issues()
    if args.json:
        _print_json([asdict(p) for p in papers])
        return EXIT_OK
    for line in _issue_lines(papers):
        print(shown(line))
    return EXIT_OK


def cmd_set_meta(archive: Archive, args: argparse.Namespace) -> int:
    if args.paper is None and args.date is None and args.page is None:
        return _error("set-meta：请至少给出 --paper、--date 或 --page 之一")
    try:
        change = archive.set_file_meta(args.path, paper=args.paper, date=args.date, page=args.page)
    except (FileNotStored, BatchMetaError) as err:
        return _error(str(err))
    fields = "  ".join(
        f"{label}：{value or '-'}"
        for label, value in (("报纸", change.paper), ("日期", change.date), ("版面", change.page))
    )
    print(shown(f"{change.path}  {fields}（{change.redated} 篇稿件的日期随之改变）"))
    return EXIT_OK


def cmd_facets(archive: Archive, args: argparse.Namespace) -> int:
    facets = archive.facets(
        args.query, place=args.place, date_from=args.date_from, date_to=args.date_to, kind=args.kind
    )
    if args.json:
        _print_json(asdict(facets))
        return EXIT_OK
    print(f"共 {facets.total} 篇")
    print("类型：" + "  ".join(f"{k.kind} {k.stories}" for k in facets.kinds))
    years = "  ".join(f"{y.year} {y.stories}" for y in facets.years)
    print(f"年份：{years}  未注明日期 {facets.undated}")
    print(shown("地点：" + "  ".join(f"{p.name} {p.stories}" for p in facets.places[:30])))
    return EXIT_OK


def cmd_saved(archive: Archive, args: argparse.Namespace) -> int:
    found = archive.saved_searches()
    if args.json:
        _print_json([asdict(s) for s in found])
        return EXIT_OK
    for s in found:
        filters = "  ".join(f"{k}={v}" for k, v in asdict(s.filters).items() if v)
        hits = f"{s.hits} 篇" if s.hits is not None else f"无法检索：{s.error}"
        print(shown(f"{s.name}  {hits}  {s.query}  {filters}".rstrip()))
    if not found:
        print("没有保存的检索", file=sys.stderr)
    return EXIT_OK


def cmd_save_search(archive: Archive, args: argparse.Namespace) -> int:
    filters = SearchFilters(args.place, args.date_from, args.date_to, args.kind)
    try:
        archive.save_search(args.name, args.query, filters)
    except SavedSearchError as err:
        return _error(str(err))
    print(shown(f"已保存检索“{args.name}”"))
    return EXIT_OK


def cmd_rename_search(archive: Archive, args: argparse.Namespace) -> int:
    try:
        archive.rename_search(args.name, args.new_name)
    except SavedSearchError as err:
        return _error(str(err))
    print(shown(f"检索“{args.name}”已改名为“{args.new_name}”"))
    return EXIT_OK


def cmd_delete_search(archive: Archive, args: argparse.Namespace) -> int:
    try:
        archive.delete_search(args.name)
    except SavedSearchError as err:
        return _error(str(err))
    print(shown(f"已删除检索“{args.name}”"))
    return EXIT_OK


def _filter_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--place", type=cli_args.text_value)
    p.add_argument(
        "--from", dest="date_from", type=cli_args.date, help=f"从这天起（含）：{cli_args.DATE_HELP}"
    )
    p.add_argument(
        "--to", dest="date_to", type=cli_args.date, help="到这天止（含），2020 即到 2020-12-31"
    )
    p.add_argument("--kind", choices=STORY_KINDS)


def add_import_arguments(p: argparse.ArgumentParser) -> None:
    """The batch metadata options of `viewer import`."""
    p.add_argument("--paper", type=cli_args.text_value, help="这批文件的报纸名（文件自己没写时）")
    p.add_argument("--date", type=iso_date, help="这批文件的日期 YYYY-MM-DD（页面自己没写日期时）")
    p.add_argument("--pattern", type=name_pattern, help="文件名模式。" + PATTERN_HELP)


def add_issue_arguments(p: argparse.ArgumentParser) -> None:
    """The issue options of `viewer list` (see `Archive.stories`)."""
    p.add_argument("--paper", type=str, help="只列这份报纸的稿件（'' 为未注明报纸的）")
    p.add_argument(
        "--issue", type=issue_date, help="只列这天（或这年、这月）版面上的稿件（'' 为未注明日期的）"
    )
    p.add_argument("--page", type=str, help="只列这一版的稿件")


def batch_from(args: argparse.Namespace) -> BatchMeta | None:
    """The import's BatchMeta from the options, None when none was given."""
    if not (args.paper or args.date or args.pattern):
        return None
    return BatchMeta.make(args.paper or "", args.date or "", args.pattern or "")


def add_parsers(sub: Any) -> None:
    """The desk's subcommands, added to `viewer`'s subparsers."""
    p = sub.add_parser("issues", help="按报纸、年、月、日、版面列出档案（各有稿件数）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_issues)

    p = sub.add_parser(
        "set-meta",
        help="修改一个文件的报纸、日期或版面（随页面日期的稿件一并改日期）",
        description="修改档案中一个文件的报纸名、日期或版面。手工设的日期优先于页眉上的日期，"
        "重新分析后仍然保留。--date '' 清除日期。",
    )
    p.add_argument("path", type=cli_args.path)
    p.add_argument("--paper", type=str)
    p.add_argument("--date", type=iso_date_or_none, help="YYYY-MM-DD；空字符串清除日期")
    p.add_argument("--page", type=str)
    p.set_defaults(func=cmd_set_meta)

    p = sub.add_parser("facets", help="检索结果在地点、类型、年份上的分布（全部结果）")
    p.add_argument("query", help="检索式；空字符串表示全部稿件")
    _filter_arguments(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_facets)

    p = sub.add_parser("saved", help="列出保存的检索及其当前结果数")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_saved)

    p = sub.add_parser("save-search", help="保存检索（名称、检索式和筛选条件）")
    p.add_argument("name", type=cli_args.text_value)
    p.add_argument("query", type=cli_args.text_value)
    _filter_arguments(p)
    p.set_defaults(func=cmd_save_search)

    p = sub.add_parser("rename-search", help="给保存的检索改名")
    p.add_argument("name", type=cli_args.text_value)
    p.add_argument("new_name", type=cli_args.text_value)
    p.set_defaults(func=cmd_rename_search)

    p = sub.add_parser("delete-search", help="删除保存的检索")
    p.add_argument("name", type=cli_args.text_value)
    p.set_defaults(func=cmd_delete_search)
