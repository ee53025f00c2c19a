"""The evaluation's own scorers and loaders on hand-made cases, so a broken yardstick fails here
rather than quietly moving every figure."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.eval.data import cluener_sentence, load_addresses, load_cluener, part_of
from tests.eval.score import line_sets, score_entities, score_split_page
from tests.eval.score_dates import score_dates
from tests.eval.score_places import score_addresses
from tests.eval.score_tree import score_tree
from viewer.model import Fact
from viewer.places import TreeNode

PAGE = "\n".join(
    [
        "晨光日报　2031年5月6日　星期二",  # 0 furniture
        "",
        "河湾村新修一座便民桥",  # 2 story A
        "本报讯　河湾村的便民桥昨天通车。",  # 3
        "",
        "夜市开张",  # 5 story B
        "小城夜市昨晚开张，摊位一百多个。",  # 6
        "记者 罗一鸣",  # 7
        "",
        "图书馆延长开放时间",  # 9 story C
        "市图书馆自下月起每晚开放到九点。",  # 10
    ]
)


def _span(first: str, last: str) -> tuple[int, int]:
    start = PAGE.index(first)
    return start, PAGE.index(last) + len(last)


def _truth() -> dict:
    stories = [
        ("河湾村新修一座便民桥", "本报讯　河湾村的便民桥昨天通车。"),
        ("夜市开张", "记者 罗一鸣"),
        ("图书馆延长开放时间", "市图书馆自下月起每晚开放到九点。"),
    ]
    return {
        "furniture": [_span(PAGE.split("\n")[0], PAGE.split("\n")[0])],
        "stories": [
            {"start": s, "end": e, "headline": first, "kind": "article"}
            for first, last in stories
            for s, e in [_span(first, last)]
        ],
    }


def _tiles(*cuts: str) -> list[tuple[int, int, str]]:
    """Predicted stories that tile the page, each starting at one of `cuts` (the first at 0)."""
    starts = [0] + [PAGE.index(c) for c in cuts[1:]]
    ends = [*starts[1:], len(PAGE)]
    return [(s, e, title) for s, e, title in zip(starts, ends, cuts, strict=True)]


def test_perfect_split_scores_one():
    result = score_split_page(
        PAGE, _truth(), _tiles("河湾村新修一座便民桥", "夜市开张", "图书馆延长开放时间")
    )
    assert (result["correct"], result["predicted"], result["true"]) == (3, 3, 3)
    assert result["headlines"] == 3
    assert result["errors"] == {}


def test_merged_pair_costs_both_stories():
    result = score_split_page(PAGE, _truth(), _tiles("河湾村新修一座便民桥", "图书馆延长开放时间"))
    # One right of two predicted, one right of three true; both halves of the merge are errors.
    assert (result["correct"], result["predicted"], result["true"]) == (1, 2, 3)
    assert result["errors"] == {"merged": 2}
    assert result["headlines"] == 2  # 夜市开张's best match is titled 河湾村…


def test_split_story_is_one_error():
    result = score_split_page(
        PAGE,
        _truth(),
        _tiles("河湾村新修一座便民桥", "夜市开张", "记者 罗一鸣", "图书馆延长开放时间"),
    )
    assert (result["correct"], result["predicted"], result["true"]) == (2, 4, 3)
    assert result["errors"] == {"split": 1}


def test_furniture_lines_are_ignored_on_both_sides():
    header_alone = _tiles("晨光日报", "河湾村新修一座便民桥", "夜市开张", "图书馆延长开放时间")
    header_alone[0] = (0, header_alone[0][1], "")
    assert score_split_page(PAGE, _truth(), header_alone)["correct"] == 3
    assert score_split_page(PAGE, _truth(), header_alone)["predicted"] == 3
    # The header glued to the first story: still that story's lines once the header is removed.
    glued = score_split_page(PAGE, _truth(), _tiles("晨光日报", "夜市开张", "图书馆延长开放时间"))
    assert glued["correct"] == 3


def test_line_sets_skip_blank_lines():
    assert line_sets(PAGE, [(0, len(PAGE))], _truth()["furniture"]) == [
        frozenset({2, 3, 5, 6, 7, 9, 10})
    ]


def test_cluener_spans_become_end_exclusive(tmp_path: Path):
    objs = [
        {"text": "周立新在临川市政府工作", "label": {"name": {"周立新": [[0, 2]]}}},
        {"text": "青禾公司", "label": {"company": {"青禾公司": [[0, 3]]}}},
    ]
    # Concatenated, pretty-printed objects, as the real files are: not one per line.
    path = tmp_path / "c.json"
    path.write_text("".join(json.dumps(o, ensure_ascii=False, indent=2) + "\n" for o in objs))
    first, second = load_cluener(path)
    assert first.spans == {"name": [(0, 3)]}
    assert first.text[0:3] == "周立新"
    assert second.spans == {"company": [(0, 4)]}
    assert cluener_sentence(objs[0]).spans["name"] == [(0, 3)]


def test_entities_exact_span_match():
    sentence = cluener_sentence(
        {
            "text": "周立新在临川市政府工作",
            "label": {"name": {"周立新": [[0, 2]]}, "government": {"临川市政府": [[4, 8]]}},
        }
    )

    def extract(text: str) -> list[Fact]:
        return [
            Fact("person", "周立", 0, 2),  # one character short: wrong
            Fact("organization", "临川市政府", 4, 9),
            Fact("person", "某人", None, None),  # byline-only people are ignored
        ]

    result = score_entities([sentence], extract)
    assert result["person"]["correct"] == 0
    assert result["person"]["false_positives"] == [("周立", 1)]
    assert result["person"]["false_negatives"] == [("周立新", 1)]
    assert result["organization"]["f1"] == 1.0


def test_addresses_exact_spans_per_level(tmp_path: Path):
    path = tmp_path / "a.txt"
    rows = [
        ("江", "B-prov"),
        ("北", "I-prov"),
        ("省", "I-prov"),
        ("临", "B-city"),
        ("川", "I-city"),
    ]
    rows += [("市", "I-city"), ("_", "B-redundant"), ("12", "B-roadno"), ("号", "I-roadno")]
    path.write_text("\n".join(f"{t} {tag}" for t, tag in rows) + "\n\n")
    (address,) = load_addresses(path)
    assert address.text == "江北省临川市 12号"
    assert ("city", 3, 6) in address.spans and ("roadno", 7, 10) in address.spans

    def finder(text: str) -> list:
        return [SimpleNamespace(start=3, end=6), SimpleNamespace(start=3, end=9)]

    result = score_addresses([address], finder)
    assert result["levels"]["city"]["recall"] == 1.0
    assert result["levels"]["prov"]["recall"] == 0.0
    assert result["precision"] == 0.5


def test_dates_match_by_file_and_overlap(tmp_path: Path):
    path = str((tmp_path / "p.txt").resolve())
    truth = _truth() | {"layout": "newspaper", "name": "p"}
    dates = [("2031-05-06", "header"), ("2031-05-05", "dateline"), ("", "unstated")]
    for story, (date, basis) in zip(truth["stories"], dates, strict=True):
        story.update(date=date, date_basis=basis)
    stories = [
        {"source_file": path, "source_start": s, "source_end": e, "date": "2031-05-06"}
        for s, e, _ in _tiles("晨光日报", "夜市开张", "图书馆延长开放时间")
    ]
    result = score_dates({path: truth}, stories, {path: PAGE})
    assert (result["scored"], result["correct"], result["unmatched"]) == (2, 1, 0)
    assert result["dateline"]["accuracy"] == 0.0
    assert result["unscored"] == {"unstated": 1}
    assert result["misses"][0]["expected"] == "2031-05-05"


class _Gazetteer:
    """Three divisions: 江北省 ⊃ 临川市 ⊃ 东湖区."""

    def __init__(self) -> None:
        self.codes = {"江北省": "41", "临川市": "4101", "东湖区": "410102"}

    def by_name(self, name: str) -> list:
        code = self.codes.get(name)
        return [SimpleNamespace(code=code, name=name)] if code else []

    def by_short(self, short: str) -> list:
        return []

    def contains(self, ancestor: str, code: str) -> bool:
        return code.startswith(ancestor) and code != ancestor


def test_tree_links_judged_by_gazetteer_then_addresses():
    leaf = TreeNode("青松社区", "community", 1)
    street = TreeNode("白鹭街道", "street", 1, [leaf])
    district = TreeNode("东湖区", "district", 1, [street])
    wrong = TreeNode("临川市", "city", 1, [TreeNode("江北省", "city", 1)])
    roots = [TreeNode("临川市", "city", 2, [district]), wrong]
    attested = {("白鹭街道", "青松社区")}
    result = score_tree(roots, _Gazetteer(), attested)
    # 东湖区→临川市 right, 江北省→临川市 wrong (official codes); 青松社区→白鹭街道 right
    # (attested by an address); 白鹭街道→东湖区 unjudged (the gazetteer lacks 白鹭街道).
    links = {"edges": 4, "right": 2, "wrong": 1, "unjudged": 1, "judged": 3, "wrong_attested": 0}
    assert result["links"] == links
    attested.add(("临川市", "江北省"))  # an address that (wrongly or of old) says so
    assert score_tree(roots, _Gazetteer(), attested)["links"]["wrong_attested"] == 1
    assert result["link_accuracy"] == pytest.approx(2 / 3)
    assert result["real_share"] == pytest.approx(4 / 5)  # 白鹭街道 is unknown
    assert score_tree(roots, None, attested)["link_accuracy"] is None


def test_part_is_stable():
    assert part_of("某地发生一起交通事故") == part_of("某地发生一起交通事故")
    assert {part_of(f"标题{i}") for i in range(20)} == {"tune", "heldout"}
