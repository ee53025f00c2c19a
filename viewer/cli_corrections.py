"""Command line corrections: `viewer correct ...`, `viewer corrections`, `viewer undo-correction`
and `viewer review-places`, thin over the Archive's correction methods.

A correction of something the archive does not hold (a story number, a place, a fact) is one
line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable

from viewer import cli_args
from viewer.archive import LOCK_GRACE, Archive
from viewer.archive_corrections import CorrectionError
from viewer.model import FACT_KINDS, PLACE_KINDS
from viewer.search.query import KIND_HELP
from viewer.store.corrections import Correction
from viewer.text import neutralise_bidi as shown
from viewer.text import one_line

EXIT_OK, EXIT_PROBLEMS = 0, 1
WAIT_HELP = "另一个程序正在写入档案时等它结束（默认：说明是谁在写入，然后退出）"

Make = Callable[[Archive, argparse.Namespace], Correction]

# subcommand of `viewer correct`: (help, positional arguments, options, the call)
_CORRECTIONS: dict[str, tuple[str, list[str], list[str], Make]] = {
    "title": (
        "更正稿件标题",
        ["story_id", "text"],
        [],
        lambda a, x: a.correct_title(x.story_id, x.text),
    ),
    "date": (
        "更正稿件日期（如 2020-03-05）",
        ["story_id", "date"],
        [],
        lambda a, x: a.correct_date(x.story_id, x.date),
    ),
    "kind": (
        f"更正稿件类型：{KIND_HELP}",
        ["story_id", "kind"],
        [],
        lambda a, x: a.correct_kind(x.story_id, x.kind),
    ),
    "add-place": (
        "给稿件添加地点（档案中没有的地点须给 --kind）",
        ["story_id", "name"],
        ["kind"],
        lambda a, x: a.add_story_place(x.story_id, x.name, x.kind),
    ),
    "remove-place": (
        "去掉稿件的一个地点",
        ["story_id", "name"],
        ["kind"],
        lambda a, x: a.remove_story_place(x.story_id, x.name, x.kind),
    ),
    "reject-fact": (
        "删除稿件中误识别的要素（该文字的全部同类要素）",
        ["story_id", "text"],
        ["fact_kind"],
        lambda a, x: a.reject_fact(x.story_id, x.text, x.fact_kind),
    ),
    "fix-fact": (
        "更正稿件中要素的文字（金额、数量等可加 --value）",
        ["story_id", "text", "new_text"],
        ["fact_kind", "value"],
        lambda a, x: a.fix_fact(x.story_id, x.text, x.new_text, kind=x.fact_kind, value=x.value),
    ),
    "rename-place": (
        "地点改名（已有同名同类地点则合并）",
        ["name", "new_name"],
        ["kind"],
        lambda a, x: a.rename_place(x.name, x.new_name, x.kind),
    ),
    "merge-place": (
        "把一个地点并入另一个地点（稿件和下属地点随之转移）",
        ["name", "into"],
        ["kind", "into_kind"],
        lambda a, x: a.merge_place(x.name, x.into, kind=x.kind, into_kind=x.into_kind),
    ),
    "move-place": (
        "把地点移到另一个上级地点之下",
        ["name", "parent"],
        ["kind", "parent_kind"],
        lambda a, x: a.move_place(x.name, x.parent, kind=x.kind, parent_kind=x.parent_kind),
    ),
    "verify-place": (
        "标记地点已核实（不再列入待核实地点）",
        ["name"],
        ["kind"],
        lambda a, x: a.verify_place(x.name, x.kind),
    ),
}

_OPTIONS = {
    "kind": dict(choices=PLACE_KINDS, help="地点类型（同名地点有多个时）"),
    "into_kind": dict(choices=PLACE_KINDS, help="并入的地点的类型"),
    "parent_kind": dict(choices=PLACE_KINDS, help="上级地点的类型"),
    "fact_kind": dict(choices=FACT_KINDS, help="要素类型（同一文字有多种要素时）"),
    "value": dict(type=float, help="要素的数值"),
}


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Add the correction commands to the command line's subcommands."""
    p = sub.add_parser("correct", help="更正稿件或地点（保存下来，重新导入、重新分析后仍然有效）")
    kinds = p.add_subparsers(dest="correction", metavar="WHAT", required=True)
    for name, (help_text, positionals, options, make) in _CORRECTIONS.items():
        q = kinds.add_parser(name, help=help_text)
        for arg in positionals:
            kind = cli_args.story_id if arg == "story_id" else cli_args.text_value
            q.add_argument(arg, type=kind)
        for option in options:
            flag = "--kind" if option == "fact_kind" else "--" + option.replace("_", "-")
            q.add_argument(flag, dest=option, **_OPTIONS[option])  # type: ignore[arg-type]
        q.add_argument("--wait", action="store_true", help=WAIT_HELP)
        q.set_defaults(func=cmd_correct, make=make)

    p = sub.add_parser("corrections", help="列出保存的更正")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_corrections)

    p = sub.add_parser("undo-correction", help="撤销一条更正，恢复分析得出的内容")
    p.add_argument("correction_id", type=cli_args.story_id, metavar="N")
    p.add_argument("--wait", action="store_true", help=WAIT_HELP)
    p.set_defaults(func=cmd_undo_correction)

    p = sub.add_parser("review-places", help="列出待核实的地点（及原因、稿件数）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_review_places)


def _failed(err: CorrectionError) -> int:
    print(one_line(str(err)), file=sys.stderr)
    return EXIT_PROBLEMS


def _line(correction: Correction) -> str:
    return shown(f"{correction.id:>4}  {correction.made_at}  {correction.describe()}")


def cmd_correct(archive: Archive, args: argparse.Namespace) -> int:
    try:
        with archive.writing("更正", timeout=None if args.wait else LOCK_GRACE):
            correction = args.make(archive, args)
    except CorrectionError as err:
        return _failed(err)
    print(shown(f"已保存更正 {correction.id}：{correction.describe()}"))
    return EXIT_OK


def cmd_corrections(archive: Archive, args: argparse.Namespace) -> int:
    corrections = archive.corrections()
    if args.json:
        rows = [{**dataclasses.asdict(c), "description": c.describe()} for c in corrections]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for correction in corrections:
        print(_line(correction))
    print(f"共 {len(corrections)} 条更正", file=sys.stderr)
    return EXIT_OK


def cmd_undo_correction(archive: Archive, args: argparse.Namespace) -> int:
    try:
        with archive.writing("撤销更正", timeout=None if args.wait else LOCK_GRACE):
            undone = archive.undo_correction(args.correction_id)
    except CorrectionError as err:
        return _failed(err)
    print(shown(f"已撤销更正 {undone.id}：{undone.describe()}"))
    return EXIT_OK


def cmd_review_places(archive: Archive, args: argparse.Namespace) -> int:
    places = archive.places_to_review()
    if args.json:
        json.dump([dataclasses.asdict(p) for p in places], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for place in places:
        parent = f"上级：{place.parent}" if place.parent else "无上级"
        reasons = "；".join(place.reasons)
        print(shown(f"{place.stories:>5}  {place.name}（{place.kind}，{parent}）  {reasons}"))
    print(f"共 {len(places)} 个待核实地点", file=sys.stderr)
    return EXIT_OK
