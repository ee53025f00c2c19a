"""The command line: each command opens the archive, calls one use case, prints the result.

Output formats are a stable contract for scripts (`--json`). Errors become one clear line on stderr
and a non-zero exit code, never a traceback (set VIEWER_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path

from viewer import app_version, cli_args, cli_corrections, cli_desk, firstrun, paths, smoke
from viewer.archive import (
    LOCK_GRACE,
    AnnotatedStory,
    AnnotationError,
    Archive,
    CheckReport,
    ImportProgress,
    ImportReport,
    ReanalyseReport,
    RegionError,
    UnknownStory,
    ensure_seeded,
    region_label,
)
from viewer.model import FACT_KINDS, STORY_KINDS
from viewer.places import TreeNode
from viewer.recovery import NoBackup, backup_text, diagnosis_text, restore_archive
from viewer.search import QueryError
from viewer.search.index import IndexUnavailable
from viewer.store import ReadOnlyArchive, SchemaTooOld, safety
from viewer.text import neutralise_bidi as shown  # text output: bidi controls as marks
from viewer.text import one_line
from viewer.writelock import ArchiveBusy, ArchiveReadOnly, Holder

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BUSY = 3  # another process is writing to the archive: try again later, or use --wait


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
    for warning in report.warnings:
        print(f"注意 {warning.path}：{warning.message}（{warning.code}）", file=sys.stderr)
    for path, first in report.duplicates:
        print(f"重复 {path}：与 {first} 内容相同，只导入一次")
    for path in report.unfit:
        print(f"注意 {path}：文件名不符合 --pattern 给出的模式，未从中读取信息", file=sys.stderr)


@contextlib.contextmanager
def _writing(archive: Archive, args: argparse.Namespace, action: str) -> Iterator[None]:
    """The archive's write lock for a command: wait for it with --wait (saying for whom),
    else give up after a moment with ArchiveBusy."""

    def waiting(holder: Holder | None) -> None:
        who = f"（{holder.describe()}）" if holder else ""
        print(f"另一个程序正在写入这个档案{who}，等待它结束…", file=sys.stderr, flush=True)

    timeout = None if getattr(args, "wait", False) else LOCK_GRACE
    with archive.writing(action, timeout=timeout, on_wait=waiting):
        yield


def cmd_import(archive: Archive, args: argparse.Namespace) -> int:
    last = ImportProgress(0, 0, 0, "")

    def progress(p: ImportProgress) -> None:
        nonlocal last
        last = p
        if args.verbose:
            # One write, not print's two: a Ctrl-C between text and newline would glue the
            # interruption's message to this line.
            sys.stderr.write(f"[{p.done}/{p.total}] {p.path}\n")

    try:
        with _writing(archive, args, "导入"):
            report = archive.import_paths(
                [Path(p) for p in args.paths],
                progress=progress,
                workers=args.workers,
                batch=cli_desk.batch_from(args),
            )
    except KeyboardInterrupt:
        print(
            f"已中断：已完成 {last.done}/{last.total} 个文件（写入稿件 {last.stories} 篇），"
            "重新运行即可继续。",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    _print_import(report)
    return EXIT_PROBLEMS if report.skipped or report.warnings else EXIT_OK


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

    with _writing(archive, args, "重新分析"):
        _print_reanalyse(archive.reanalyse(progress=progress))
    return EXIT_OK


def _suggest_reanalysis(archive: Archive, args: argparse.Namespace) -> None:
    """One line on stderr when the archive was read by an older page reading; not for scripts
    asking for --json or --csv."""
    if getattr(args, "json", False) or getattr(args, "csv", False):
        return
    if archive.needs_reanalysis() and not archive.read_only:
        print(
            "提示：本档案按旧版的版面分析导入，运行 `viewer reanalyse` 可按新版重新分析"
            "（稿件日期、地点等）。",
            file=sys.stderr,
        )


def cmd_list(archive: Archive, args: argparse.Namespace) -> int:
    stories = archive.stories(args.place, paper=args.paper, date=args.issue, page=args.page)
    if args.json:
        _print_json(stories)
        return EXIT_OK
    for s in stories:
        places = "、".join(s["places"][:3])
        print(
            shown(f"{s['id']:>6}  {s['kind']:<7} {s['date'] or '-':<10}  {s['label']}  [{places}]")
        )
    return EXIT_OK


def cmd_files(archive: Archive, args: argparse.Namespace) -> int:
    files = archive.files()
    if args.json:
        _print_json(files)
        return EXIT_OK
    for f in files:
        where = " ".join(part for part in (f["source"], f["page"]) if part) or "-"
        print(shown(f"{f['stories']:>5}  {f['date'] or '-':<10}  {where}  {f['path']}"))
    print(f"共 {len(files)} 个文件", file=sys.stderr)
    return EXIT_OK


def cmd_remove(archive: Archive, args: argparse.Namespace) -> int:
    with _writing(archive, args, "删除文件"):
        report = archive.remove_files(args.paths)
    for path, stories in report.removed:
        print(shown(f"已删除 {path}（{stories} 篇稿件）"))
    for path in report.missing:
        print(shown(f"档案中没有这个文件：{path}"), file=sys.stderr)
    return EXIT_PROBLEMS if report.missing else EXIT_OK


def _repair_before_search(archive: Archive) -> None:
    """An index left by an interrupted import, or missing or damaged, is brought level before
    the first search with progress on stderr, not during it as a silent pause of a minute.
    While another process writes, the search reads what that process has committed."""
    if archive.read_only:
        return
    with contextlib.suppress(ArchiveBusy), archive.writing("修复索引", timeout=0):
        if archive.index_needs_repair():
            print("检索索引需要修复（上次写入中断，或索引缺失、损坏），正在修复……", file=sys.stderr)
            archive.repair_index(progress=_index_progress)


def cmd_search(archive: Archive, args: argparse.Namespace) -> int:
    _repair_before_search(archive)
    results = archive.search(
        args.query,
        place=args.place,
        date_from=args.date_from,
        date_to=args.date_to,
        kind=args.kind,
        limit=args.limit,
        sort=args.sort,
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
    _print_annotations(story)
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


# -- tags, notes and bookmarks: a story id the archive does not hold is a problem (exit 1) ------


def _annotating(
    archive: Archive, args: argparse.Namespace, action: str, change: Callable[[], str]
) -> int:
    try:
        with _writing(archive, args, action):
            message = change()
    except (UnknownStory, AnnotationError) as err:
        _error(str(err))
        return EXIT_PROBLEMS
    print(shown(message))
    return EXIT_OK


def cmd_tag(archive: Archive, args: argparse.Namespace) -> int:
    def change() -> str:
        if args.remove:
            if archive.remove_tag([args.story_id], args.name):
                return f"稿件 {args.story_id} 已去掉标签“{args.name}”"
            return f"稿件 {args.story_id} 没有标签“{args.name}”"
        archive.add_tag([args.story_id], args.name)
        return f"稿件 {args.story_id} 的标签：{'、'.join(archive.story_tags(args.story_id))}"

    return _annotating(archive, args, "添加标签", change)


def cmd_note(archive: Archive, args: argparse.Namespace) -> int:
    if (args.text is None) == (not args.clear):
        _error("请给出笔记文字，或用 --clear 删除笔记（二者选一）")
        return EXIT_PROBLEMS

    def change() -> str:
        archive.set_note(args.story_id, None if args.clear else args.text)
        return f"稿件 {args.story_id} 的笔记已{'删除' if args.clear else '保存'}"

    return _annotating(archive, args, "写笔记", change)


def cmd_bookmark(archive: Archive, args: argparse.Namespace) -> int:
    def change() -> str:
        archive.set_bookmark(args.story_id, not args.remove)
        return f"稿件 {args.story_id} 的书签已{'取消' if args.remove else '加上'}"

    return _annotating(archive, args, "设置书签", change)


def _print_annotations(story: dict) -> None:
    """The user's own tags, bookmark and note on a shown story, when it has them."""
    if story["tags"] or story["bookmarked"]:
        mark = "  （已加书签）" if story["bookmarked"] else ""
        print(shown(f"标签：{'、'.join(story['tags']) or '无'}{mark}"))
    if story["note"]:
        print(shown(f"笔记：{story['note']}"))


def cmd_tags(archive: Archive, args: argparse.Namespace) -> int:
    tags = archive.tags()
    if args.json:
        _print_json([dataclasses.asdict(t) for t in tags])
        return EXIT_OK
    for t in tags:
        orphans = f"（另有 {t.orphans} 条的稿件已不在档案中）" if t.orphans else ""
        print(shown(f"{t.stories:>5}  {t.tag}{orphans}"))
    print(f"共 {len(tags)} 个标签", file=sys.stderr)
    return EXIT_OK


def _print_annotated(found: list[AnnotatedStory], args: argparse.Namespace) -> None:
    if args.json:
        _print_json([dataclasses.asdict(a) for a in found])
        return
    for a in found:
        tags = f"  [{'、'.join(a.tags)}]" if a.tags else ""
        where = f"{a.story_id:>6}" if a.story_id is not None else "     -"
        print(shown(f"{where}  {a.title}{tags}"))
        if a.note:
            print(shown(f"        笔记：{' '.join(a.note.split())}"))


def cmd_bookmarks(archive: Archive, args: argparse.Namespace) -> int:
    found = archive.bookmarks()
    _print_annotated(found, args)
    print(f"共 {len(found)} 个书签", file=sys.stderr)
    return EXIT_OK


def cmd_orphans(archive: Archive, args: argparse.Namespace) -> int:
    if args.forget:
        with _writing(archive, args, "删除失去稿件的标签和笔记"):
            print(f"已删除 {archive.forget_orphans()} 条稿件已不在档案中的标签、笔记或书签")
        return EXIT_OK
    found = archive.orphans()
    _print_annotated(found, args)
    print(f"共 {len(found)} 条标签、笔记或书签的稿件已不在档案中", file=sys.stderr)
    return EXIT_OK


def _index_progress(p: ImportProgress) -> None:
    """Rebuild and repair progress on stderr, one line rewritten in place."""
    # A terminal sees one line counting up; a log or a pipe gets a line per step.
    tty = sys.stderr.isatty()
    line = ("\r" if tty else "") + f"正在建立索引：{p.done}/{p.total} 篇"
    print(line, end="" if tty and p.done < p.total else "\n", file=sys.stderr, flush=True)


def cmd_reindex(archive: Archive, args: argparse.Namespace) -> int:
    with _writing(archive, args, "重建索引"):
        archive.refresh_hierarchy()
        count = archive.reindex(progress=_index_progress)
    print(f"已重建索引：{count} 篇稿件")
    return EXIT_OK


def _print_check(report: CheckReport) -> None:
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
    for line in report.damage[:20]:
        print(f"索引文件损坏：{line}")
    if report.interrupted:
        print("上次索引更新未完成")


def cmd_check(archive: Archive, args: argparse.Namespace) -> int:
    diagnosis = safety.diagnose(archive.root)
    if not diagnosis.ok:  # the index cannot be judged against a damaged or shortened database
        print(diagnosis_text(archive.root, diagnosis))
        return EXIT_PROBLEMS
    report = archive.check()
    _print_check(report)
    if report.ok:
        print("一致")
        return EXIT_OK
    if not args.repair:
        print("不一致：运行 `viewer check --repair` 可修复（或 `viewer reindex` 从数据库重建索引）")
        return EXIT_PROBLEMS
    archive.repair(report, progress=_index_progress)
    report = archive.check()
    if report.ok:
        print("已修复：一致")
        return EXIT_OK
    _print_check(report)
    print("修复后仍不一致")
    return EXIT_PROBLEMS


def cmd_region(archive: Archive, args: argparse.Namespace) -> int:
    """Show, set or clear the home region ambiguous place names are read in."""
    if args.clear or args.name:
        try:
            archive.set_home_region(None if args.clear else args.name)
        except RegionError as err:  # quotes the name given
            _error(str(err))
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


def cmd_backup(archive: Archive, args: argparse.Namespace) -> int:
    """A consistent copy of the database (the index is rebuilt from it on restore)."""
    dest = Path(args.file)
    if dest.is_dir():
        dest = dest / f"archive-{datetime.now():%Y%m%d-%H%M%S}.db"
    archive.store.backup(dest)
    print(f"已备份到 {backup_text(safety.backup_info(dest))}")
    return EXIT_OK


def cmd_restore(archive_dir: Path, args: argparse.Namespace) -> int:
    """Runs without opening the archive: its database may be too damaged to open."""
    restored, count = restore_archive(
        archive_dir,
        Path(args.backup) if args.backup else None,
        progress=lambda text: print(text, file=sys.stderr),
        index_progress=_index_progress,
    )
    print(f"已恢复备份 {backup_text(restored.backup)}；检索索引已重建（{count} 篇稿件）。")
    for path in restored.kept_aside:
        print(f"原数据库保留为 {path}")
    print("备份之后导入的文件需要重新导入。")
    return EXIT_OK


def _warn_lost_writes(archive: Archive) -> None:
    lost = archive.store.lost_writes()
    if lost:
        diagnosis = safety.diagnose(archive.root, check_damage=False)
        print(f"警告：{diagnosis_text(archive.root, diagnosis)}", file=sys.stderr)


def can_show_window() -> bool:
    """False on a Linux machine with no display, where Qt would abort instead of opening."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def cmd_default(archive: Archive, args: argparse.Namespace) -> int:
    """No command on a machine without a display: the place tree (the window needs one)."""
    print("没有图形显示，改为列出地点树（用 `viewer gui` 打开窗口）。", file=sys.stderr)
    _print_tree(archive.tree())
    if archive.store.file_count() == 0:
        print("档案是空的：用 `viewer import 文件夹` 导入报纸版面，或加 --sample 看示例档案。")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop window (it opens its own Archive on a worker thread): on the archive
    named by --archive, --sample or VIEWER_ARCHIVE, else on the one the window had open last
    (the sample archive on the first start)."""
    from viewer.gui.app import run  # Qt is loaded only for the GUI

    return run(_named_archive(args))


def _named_archive(args: argparse.Namespace) -> Path | None:
    """The archive the command line or the environment names, if any."""
    if args.archive is not None:
        return args.archive
    if args.sample:
        return paths.sample_archive_dir()
    env = os.environ.get("VIEWER_ARCHIVE")
    return Path(env).expanduser() if env else None


WAIT_HELP = "另一个程序正在写入档案时等它结束（默认：说明是谁在写入，然后退出）"


def build_parser() -> argparse.ArgumentParser:
    parser = cli_args.ArgumentParser(prog="viewer", description="中文地方新闻离线档案")
    parser.add_argument(
        "--archive",
        type=cli_args.archive_dir,
        help="档案文件夹（默认：环境变量 VIEWER_ARCHIVE 或 db/）",
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="用示例档案（由随程序提供的示例版面建成，与您自己的档案分开）",
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
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    cli_desk.add_import_arguments(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("files", help="列出档案中的文件（稿件数、日期、报纸、版面、路径）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_files)

    p = sub.add_parser(
        "remove",
        help="从档案中删除文件（或文件夹下的全部文件）及其稿件、要素、地点和索引",
        description="删除导入过的文件：它的稿件、要素、地点和索引条目，别的都不动。"
        "文件本身不必还在磁盘上；给文件夹则删除档案中该文件夹下的全部文件。",
    )
    p.add_argument("paths", nargs="+", type=cli_args.path)
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("reanalyse", help="按当前的版面分析重新分析档案中的全部文件")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_reanalyse)

    p = sub.add_parser("list", help="按原文顺序列出稿件")
    p.add_argument("--place", type=cli_args.text_value)
    cli_desk.add_issue_arguments(p)
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
    p.add_argument(
        "--sort", choices=("relevance", "date"), default="relevance", help="date：最新的在前"
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

    p = sub.add_parser("tag", help="给稿件加标签（--remove 去掉）；检索时用 tag:标签名")
    p.add_argument("story_id", type=cli_args.story_id)
    p.add_argument("name", type=cli_args.text_value)
    p.add_argument("--remove", action="store_true", help="去掉这个标签")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_tag)
    p = sub.add_parser("note", help="给稿件写笔记（每篇一条，新的替换旧的）；检索时用 note:文字")
    p.add_argument("story_id", type=cli_args.story_id)
    p.add_argument("text", nargs="?", type=cli_args.text_value)
    p.add_argument("--clear", action="store_true", help="删除笔记")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_note)
    p = sub.add_parser("bookmark", help="给稿件加书签（--remove 取消）；检索时用 is:bookmarked")
    p.add_argument("story_id", type=cli_args.story_id)
    p.add_argument("--remove", action="store_true", help="取消书签")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_bookmark)
    p = sub.add_parser("tags", help="列出标签及其稿件数")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tags)
    p = sub.add_parser("bookmarks", help="列出加了书签的稿件（最近加的在前）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_bookmarks)
    p = sub.add_parser(
        "orphans", help="列出稿件已不在档案中的标签、笔记和书签（重新导入原文件后会自动恢复）"
    )
    p.add_argument("--json", action="store_true")
    p.add_argument("--forget", action="store_true", help="把它们全部删除（不再自动恢复）")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_orphans)

    p = sub.add_parser("region", help="本档案的地区：显示，或设为某省、市、县（歧义地名按它理解）")
    p.add_argument(
        "name", nargs="?", type=cli_args.text_value, help="地名或区划代码，如 贵阳市、义乌、520100"
    )
    p.add_argument("--clear", action="store_true", help="取消设定，改为根据稿件推断")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_region)

    sub.add_parser("gui", help="打开桌面窗口（默认：上次打开的档案）").set_defaults(func=cmd_gui)
    p = sub.add_parser("reindex", help="删除检索索引并从数据库重建（进度显示在标准错误）")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_reindex)
    p = sub.add_parser(
        "check",
        help="核对数据库与索引：逐篇比较，并校验索引文件本身",
        description="逐篇比较数据库与检索索引，并校验索引文件（提交时记录的校验和）。"
        "一致时退出码 0，不一致时 1。",
    )
    p.add_argument(
        "--repair",
        action="store_true",
        help="发现问题时修复：索引文件损坏则删除并从数据库重建，否则逐篇补齐（进度显示在标准错误）",
    )
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="把档案数据库备份到文件（或文件夹）")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="恢复备份（默认最新的），原数据库改名保留，并重建索引")
    p.add_argument("backup", nargs="?", help="备份文件（默认：档案 backups/ 中最新的）")
    p.set_defaults(func=cmd_restore)
    cli_desk.add_parsers(sub)
    cli_corrections.add_commands(sub)
    return parser


def _error(message: str) -> None:
    """An error as one line on stderr, even when it quotes an argument holding a line break."""
    print(one_line(message), file=sys.stderr)


def _utf8_streams() -> None:
    # Consoles with a legacy code page (Windows) would fail on the first Chinese character.
    for stream in (sys.stdout, sys.stderr):
        if (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", cmd_default)
    if args.sample and args.archive is not None:
        _error("--sample 和 --archive 只能用一个")
        return EXIT_ERROR
    if args.sample:
        archive_dir = paths.sample_archive_dir()
    else:
        archive_dir = args.archive or paths.default_archive_dir()
    try:
        # Packaged program, first start: the bundled sample archive is copied into place.
        firstrun.prepare_sample_archive()
        if args.smoke_test:  # the archive a first start opens: the sample, unless named
            return smoke.run(_named_archive(args) or paths.sample_archive_dir())
        if func is cmd_gui or (func is cmd_default and can_show_window()):
            return cmd_gui(args)
        if func is cmd_restore:
            return cmd_restore(archive_dir, args)
        with Archive(archive_dir) as archive:
            if args.sample and not archive.read_only:  # from a source checkout: built here
                built = ensure_seeded(archive, paths.seeds_dir())
                if built is not None:
                    print(f"已用示例版面建成示例档案：{built.stories} 篇稿件", file=sys.stderr)
            _warn_lost_writes(archive)
            if func is not cmd_reanalyse:
                _suggest_reanalysis(archive, args)
            return func(archive, args)
    except QueryError as err:
        _error(f"查询有误：{err}")
        return EXIT_ERROR
    except ArchiveBusy as err:
        _error(f"{err}（可加 --wait 自动等待）")
        return EXIT_BUSY
    except (ReadOnlyArchive, ArchiveReadOnly, SchemaTooOld, IndexUnavailable, NoBackup) as err:
        _error(str(err))
        return EXIT_ERROR
    except sqlite3.DatabaseError as err:
        if os.environ.get("VIEWER_DEBUG"):
            raise
        diagnosis = safety.diagnose(archive_dir)
        print(diagnosis_text(archive_dir, diagnosis) or f"错误：数据库：{err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已中断：已完成的文件保留在档案中。", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as err:  # the user gets one line, not a traceback
        if os.environ.get("VIEWER_DEBUG"):
            raise
        _error(f"错误：{type(err).__name__}: {err}")
        return EXIT_ERROR
