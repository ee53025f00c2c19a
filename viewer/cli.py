"""The command line: each command opens the archive, calls one use case, prints the result.

Output formats are a stable contract for scripts (`--json`). Errors become one clear line on stderr
and a non-zero exit code, never a traceback (set VIEWER_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from viewer import app_version, cli_args, firstrun, paths, smoke
from viewer.archive import (
    Archive,
    ImportProgress,
    ImportReport,
    ReanalyseReport,
    RegionError,
    ensure_seeded,
    region_label,
)
from viewer.model import FACT_KINDS, STORY_KINDS
from viewer.places import TreeNode
from viewer.search import QueryError
from viewer.text import neutralise_bidi as shown  # text output: bidi controls as marks

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _tree_json(nodes: Sequence[TreeNode]) -> list[dict]:
    return [
        {"name": n.name, "kind": n.kind, "count": n.count, "children": _tree_json(n.children)}
        for n in nodes
    ]


def _print_tree(nodes: Sequence[TreeNode], depth: int = 0) -> None:
    for node in nodes:
        print(f"{'  ' * depth}{node.name} ({node.count})")
        _print_tree(node.children, depth + 1)


def _print_import(report: ImportReport) -> None:
    print(
        f"找到 {report.files} 个文件：导入 {report.imported} 个（其中替换 {report.replaced} 个），"
        f"内容未变 {report.unchanged} 个，跳过 {len(report.skipped)} 个；"
        f"新增稿件 {report.stories} 篇。"
    )
    if report.cancelled:
        print("导入已取消：已完成的文件保留在档案中。")
    for rejection in report.skipped:
        print(f"跳过 {rejection.path}：{rejection.message}（{rejection.code}）", file=sys.stderr)


def cmd_import(archive: Archive, args: argparse.Namespace) -> int:
    def progress(p: ImportProgress) -> None:
        if args.verbose:
            print(f"[{p.done}/{p.total}] {p.path}", file=sys.stderr)

    report = archive.import_paths(
        [Path(p) for p in args.paths], progress=progress, workers=args.workers
    )
    _print_import(report)
    return EXIT_PROBLEMS if report.skipped else EXIT_OK


def _print_reanalyse(report: ReanalyseReport) -> None:
    print(
        f"重新分析 {report.done}/{report.files} 个文件；"
        f"稿件 {report.stories_before} 篇 → {report.stories_after} 篇。"
    )
    if report.cancelled:
        print("重新分析已取消：已完成的文件保留新的分析，其余文件保持原样。")


def cmd_reanalyse(archive: Archive, args: argparse.Namespace) -> int:
    def progress(p: ImportProgress) -> None:
        if args.verbose:
            print(f"[{p.done}/{p.total}] {p.path}", file=sys.stderr)

    _print_reanalyse(archive.reanalyse(progress=progress))
    return EXIT_OK


def _suggest_reanalysis(archive: Archive, args: argparse.Namespace) -> None:
    """One line on stderr when the archive was read by an older page reading; not for scripts
    asking for --json or --csv."""
    if getattr(args, "json", False) or getattr(args, "csv", False):
        return
    if archive.needs_reanalysis():
        print(
            "提示：本档案按旧版的版面分析导入，运行 `viewer reanalyse` 可按新版重新分析"
            "（稿件日期、地点等）。",
            file=sys.stderr,
        )


def cmd_list(archive: Archive, args: argparse.Namespace) -> int:
    stories = archive.stories(args.place)
    if args.json:
        _print_json(stories)
        return EXIT_OK
    for s in stories:
        places = "、".join(s["places"][:3])
        print(
            shown(f"{s['id']:>6}  {s['kind']:<7} {s['date'] or '-':<10}  {s['label']}  [{places}]")
        )
    return EXIT_OK


def cmd_search(archive: Archive, args: argparse.Namespace) -> int:
    results = archive.search(
        args.query,
        place=args.place,
        date_from=args.date_from,
        date_to=args.date_to,
        kind=args.kind,
        limit=args.limit,
    )
    if args.json:
        _print_json(results)
        return EXIT_OK
    for r in results:
        print(
            shown(f"{r['id']:>6}  {r['score']:>7.2f}  {r['label']}  [{'、'.join(r['places'][:3])}]")
        )
        print(shown(f"        {r['snippet']}"))
    print(f"共 {len(results)} 条结果", file=sys.stderr)
    return EXIT_OK


def cmd_show(archive: Archive, args: argparse.Namespace) -> int:
    story = archive.story(args.story_id)
    if story is None:
        print(f"没有编号为 {args.story_id} 的稿件", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        _print_json(story)
        return EXIT_OK
    for key, label in (
        ("kicker", "栏目"),
        ("title", "标题"),
        ("subtitle", "副题"),
        ("byline", "署名"),
    ):
        if story[key]:
            print(shown(f"{label}：{story[key]}"))
    print(f"来源：{story['source_file']}  日期：{story['date'] or '未知'}")
    print(f"地点：{'、'.join(story['places'])}")
    print()
    print(shown(story["body"]))
    print()
    for fact in story["facts"]:
        value = "" if fact["value"] is None else f" = {fact['value']:g}{fact['unit']}"
        label = f"（{fact['label']}）" if fact["label"] else ""
        print(f"  {fact['kind']:<12} {fact['text']}{label}{value}")
    return EXIT_OK


def cmd_tree(archive: Archive, args: argparse.Namespace) -> int:
    tree = archive.tree()
    if args.json:
        _print_json(_tree_json(tree))
    else:
        _print_tree(tree)
    return EXIT_OK


def cmd_facts(archive: Archive, args: argparse.Namespace) -> int:
    facts = archive.facts(story=args.story, place=args.place, kind=args.kind)
    if args.json:
        _print_json(facts)
    elif args.csv:
        keys = ["story", "kind", "text", "value", "unit", "label", "norm", "start", "end"]
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, lineterminator="\n")
        writer.writeheader()
        writer.writerows(facts)
    else:
        for f in facts:
            value = "" if f["value"] is None else f"  {f['value']:g}{f['unit']}"
            print(f"{f['story']:>6}  {f['kind']:<12} {f['text']}{value}")
    return EXIT_OK


def cmd_reindex(archive: Archive, args: argparse.Namespace) -> int:
    archive.refresh_hierarchy()
    count = archive.reindex()
    print(f"已重建索引：{count} 篇稿件")
    return EXIT_OK


def cmd_check(archive: Archive, args: argparse.Namespace) -> int:
    report = archive.check()
    print(f"数据库 {report.stories} 篇，索引 {report.indexed} 篇")
    problems = (
        ("索引中缺少", report.missing),
        ("索引中多出", report.extra),
        ("索引内容过期", report.stale),
    )
    for label, ids in problems:
        if ids:
            shown = ", ".join(map(str, ids[:20])) + (" …" if len(ids) > 20 else "")
            print(f"{label} {len(ids)} 篇：{shown}")
    if report.interrupted:
        print("上次索引更新未完成")
    if report.ok:
        print("一致")
        return EXIT_OK
    print("不一致：运行 `viewer reindex` 可从数据库重建索引")
    return EXIT_PROBLEMS


def cmd_region(archive: Archive, args: argparse.Namespace) -> int:
    """Show, set or clear the home region ambiguous place names are read in."""
    if args.clear or args.name:
        try:
            archive.set_home_region(None if args.clear else args.name)
        except RegionError as err:
            print(str(err), file=sys.stderr)
            return EXIT_ERROR
    code, given = archive.home_region()
    label = region_label(code) if code else ""
    if args.json:
        _print_json({"code": code, "name": label or None, "set_by_user": given})
    elif code is None:
        print("本档案尚无地区（稿件中还没有能确定的地名）。")
    else:
        how = "已设定" if given else "根据稿件推断；可用 `viewer region 名称` 设定"
        print(f"本档案的地区：{label}（{code}，{how}）")
    return EXIT_OK


def can_show_window() -> bool:
    """False on a Linux machine with no display, where Qt would abort instead of opening."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def cmd_default(archive: Archive, args: argparse.Namespace) -> int:
    """No command: the window, or on a machine without a display, the seeded place tree."""
    if can_show_window():
        return cmd_gui(archive, args)
    print("没有图形显示，改为列出地点树（用 `viewer gui` 打开窗口）。", file=sys.stderr)
    report = ensure_seeded(archive, paths.seeds_dir())
    if report is not None:
        _print_import(report)
    _print_tree(archive.tree())
    return EXIT_OK


def cmd_gui(archive: Archive, args: argparse.Namespace) -> int:
    """Open the desktop window (it opens its own Archive on a worker thread)."""
    from viewer.gui.app import run  # Qt is loaded only for the GUI

    archive.close()
    return run(archive.root, paths.seeds_dir())


def build_parser() -> argparse.ArgumentParser:
    parser = cli_args.ArgumentParser(prog="viewer", description="中文地方新闻离线档案")
    parser.add_argument(
        "--archive",
        type=cli_args.archive_dir,
        help="档案文件夹（默认：环境变量 VIEWER_ARCHIVE 或 db/）",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {app_version()}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="检查程序能否正常工作（打开档案、检索、导入、窗口）后退出",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="导入文件或文件夹")
    p.add_argument("paths", nargs="+", type=cli_args.path)
    p.add_argument(
        "--workers", type=cli_args.workers, default=None, help="分析进程数（0 = 不用子进程）"
    )
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("reanalyse", help="按当前的版面分析重新分析档案中的全部文件")
    p.add_argument("-v", "--verbose", action="store_true")
    p.set_defaults(func=cmd_reanalyse)

    p = sub.add_parser("list", help="按原文顺序列出稿件")
    p.add_argument("--place", type=cli_args.text_value)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser(
        "search",
        help="全文检索",
        description="全文检索。结果摘要中 **词** 是命中的词；稿件原有的 * 和 \\ 写作 \\* 和 \\\\。",
    )
    p.add_argument("query")
    p.add_argument("--place", type=cli_args.text_value)
    p.add_argument(
        "--from", dest="date_from", type=cli_args.date, help=f"从这天起（含）：{cli_args.DATE_HELP}"
    )
    p.add_argument(
        "--to", dest="date_to", type=cli_args.date, help="到这天止（含），2020 即到 2020-12-31"
    )
    p.add_argument("--kind", choices=STORY_KINDS)
    p.add_argument(
        "--limit",
        type=cli_args.limit,
        default=50,
        help=f"最多几条结果（1 到 {cli_args.MAX_LIMIT}，默认 50）",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("show", help="显示一篇稿件及其要素")
    p.add_argument("story_id", type=cli_args.story_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("tree", help="地点树")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tree)

    p = sub.add_parser("facts", help="列出要素")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--story", type=cli_args.story_id)
    which.add_argument("--place", type=cli_args.text_value)
    p.add_argument("--kind", choices=FACT_KINDS)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    p.set_defaults(func=cmd_facts)

    p = sub.add_parser("region", help="本档案的地区：显示，或设为某省、市、县（歧义地名按它理解）")
    p.add_argument(
        "name", nargs="?", type=cli_args.text_value, help="地名或区划代码，如 贵阳市、义乌、520100"
    )
    p.add_argument("--clear", action="store_true", help="取消设定，改为根据稿件推断")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_region)

    sub.add_parser("gui", help="打开桌面窗口").set_defaults(func=cmd_gui)
    sub.add_parser("reindex", help="从数据库重建检索索引").set_defaults(func=cmd_reindex)
    sub.add_parser("check", help="核对数据库与索引").set_defaults(func=cmd_check)
    return parser


def _utf8_streams() -> None:
    # Consoles with a legacy code page (Windows) would fail on the first Chinese character.
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    archive_dir = args.archive or paths.default_archive_dir()
    func = getattr(args, "func", cmd_default)
    try:
        if args.archive is None:
            # Packaged program, first start: the bundled seed archive becomes the user's own.
            firstrun.prepare_default_archive()
        if args.smoke_test:
            return smoke.run(archive_dir)
        with Archive(archive_dir) as archive:
            if func is not cmd_reanalyse:
                _suggest_reanalysis(archive, args)
            return func(archive, args)
    except QueryError as err:
        print(f"查询有误：{err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断：已完成的文件保留在档案中。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # the user gets one line, not a traceback
        if os.environ.get("VIEWER_DEBUG"):
            raise
        print(f"错误：{type(err).__name__}: {err}", file=sys.stderr)
        return EXIT_ERROR
