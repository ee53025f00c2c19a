"""`make eval` in miniature, inside `make test`: the same builder, scorers and report on a small
slice of the development data when it is there, else on a tiny corpus written here (all of it
invented), so the harness cannot rot where the data is absent (CI)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.eval import report, tables
from tests.eval.data import (
    Address,
    Article,
    Corpus,
    LocatedParagraph,
    Sentence,
    find_devdata,
    load_corpus,
    opens_with_dateline,
)
from tests.eval.pages import LAYOUTS, REAL_LAYOUT
from tests.eval.run import SPLIT_LAYOUTS, Limits, run_part

SLICE = Limits(pages=2, sentences=50, addresses=50, cec_pages=5, located=50)
FRACTIONS = {"precision", "recall", "f1", "accuracy", "headline_accuracy", "real_share"}
FRACTIONS |= {"link_accuracy", "named_recall", "precision_proxy"}


def _article(key: str, title: str, date: str, *paragraphs: str) -> Article:
    return Article(
        key=key,
        title=title,
        paragraphs=list(paragraphs),
        date=date,
        date_line=f"{date} 09:30",
        report_date=date,
        original_dateline=opens_with_dateline(paragraphs[0]),
    )


def _spans(text: str, **labelled: str) -> dict[str, list[tuple[int, int]]]:
    return {label: [(text.index(s), text.index(s) + len(s))] for label, s in labelled.items()}


def _address(pieces: Iterable[tuple[str, str]]) -> Address:
    text, spans = "", []
    for label, piece in pieces:
        if piece:
            spans.append((label, len(text), len(text) + len(piece)))
            text += piece
    return Address(text, spans)


def tiny_corpus() -> Corpus:
    """Six invented reports in the manners of different papers, and a few labelled lines."""
    articles = [
        _article(
            "cec:青禾县一货车侧翻司机受轻伤",
            "青禾县一货车侧翻司机受轻伤",
            "2011-03-08",
            "3月7日下午，青禾县云台镇一辆运送砂石的货车在转弯处侧翻，司机受轻伤。",
            "据当地交警介绍，事发路段弯急坡陡，货车车速过快是事故的主要原因。伤者已送医。",
        ),
        _article(
            "cec:枫林区一居民楼凌晨起火",
            "枫林区一居民楼凌晨起火",
            "2013-11-02",
            "松江晚报讯（记者程立）昨日凌晨，松江市枫林区一居民楼发生火灾，消防官兵很快赶到。",
            "火灾未造成人员伤亡，起火原因正在调查中。",
        ),
        _article(
            "cec:白沙镇卫生院救治二十名就餐村民",
            "白沙镇卫生院救治二十名就餐村民",
            "2009-06-15",
            "6月14日晚，临川市白沙镇石桥村二十名村民在一场宴席后出现呕吐症状。",
            "白沙镇卫生院连夜救治，目前村民均已脱离危险。",
            "县疾控中心已对剩余食品取样送检。",
        ),
        _article(
            "sogou:t4",
            "鹿鸣湖公园本周末举办菊花展",
            "2012-10-05",
            "本届菊花展将持续至１０月２０日，共展出菊花品种３００余个。",
            "公园管理处提醒市民错峰入园，绿色出行。",
        ),
        _article(
            "sogou:t5",
            "城东新区新增三条公交线路　方便居民出行",
            "2012-09-21",
            "滨海讯　记者方圆　城东新区下周一起新增三条公交线路，连通新区和老城。",
            "交通部门表示，将根据客流情况调整发车间隔。",
        ),
        _article(
            "sogou:t6",
            "临川一中学生获全国科技创新大赛一等奖",
            "2012-08-30",
            "日前，临川一中高二学生许青设计的节水灌溉装置在全国比赛中获得一等奖。",
            "该装置可根据土壤湿度自动调节水量。",
        ),
    ]
    text = "临川市交通局局长韩书平表示，青禾公司承建的新线路下月开通。"
    sentences = [
        Sentence(text, _spans(text, name="韩书平", government="临川市交通局", company="青禾公司")),
        Sentence("许青说这个装置花了一年。", _spans("许青说这个装置花了一年。", name="许青")),
    ]
    levels = ("prov", "city", "district", "town", "community", "road")
    addresses = [
        _address(zip(levels, pieces, strict=True))
        for pieces in [
            ("江北省", "临川市", "东湖区", "白鹭街道", "青松社区", "杏林路12号"),
            ("江北省", "临川市", "青禾县", "云台镇", "石桥村", "村委会"),
            ("", "松江市", "枫林区", "", "", "枫林大道88号"),
        ]
    ]
    located_text = "3月7日下午，青禾县云台镇一辆货车在转弯处侧翻。"
    located = [LocatedParagraph(located_text, [(located_text.index("青禾县云台镇"), 13)])]
    names = ["程立", "方圆", "韩书平", "许青"]
    return Corpus("tune", articles, sentences, addresses, located, names)


def _check_shape(results: dict) -> None:
    assert set(results) >= {"split", "facts", "places", "tree", "dates"}
    assert set(results["split"]) == set(SPLIT_LAYOUTS)
    for layout in SPLIT_LAYOUTS:
        assert results["split"][layout]["true"] > 0, layout
        assert results["split"][layout]["predicted"] > 0, layout
    for kind in ("person", "organization"):
        assert results["facts"][kind]["true"] > 0
    assert results["places"]["addresses"]["addresses"] > 0
    assert results["places"]["cec"]["locations"] > 0
    assert results["tree"]["nodes"] > 0
    for name in ("newspaper", REAL_LAYOUT):
        dates = results["dates"][name]
        assert dates["scored"] + dates["unscored_total"] > 0
        assert dates["unmatched"] == 0
    _check_fractions(results)


def _check_fractions(node: object, path: str = "") -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in FRACTIONS and value is not None:
                assert 0.0 <= value <= 1.0, f"{path}.{key} = {value}"
            _check_fractions(value, f"{path}.{key}")


def _check_report(results: dict) -> None:
    run = {"date": "now", "commit": "abc", "dirty": False, "seconds": 1.0, "limit": None}
    all_results = {"tune": results, "run": run}
    text = report.render(
        all_results, ["tune"], tables.sections(all_results, ["tune"], SPLIT_LAYOUTS)
    )
    for title in ("Story split", "People and organisations", "the tree", "Dates"):
        assert title in text
    assert all(layout in text for layout in LAYOUTS)


def test_tiny_invented_corpus(tmp_path: Path):
    results = run_part(tiny_corpus(), tmp_path, Limits())
    _check_shape(results)
    _check_report(results)
    page = next((tmp_path / "pages" / "tune" / "newspaper").glob("*.truth.json"))
    assert page.with_name(page.name.replace(".truth.json", ".txt")).is_file()


@pytest.mark.skipif(
    not (find_devdata(None) / "cec").is_dir(), reason="no development data (../shared/devdata)"
)
def test_slice_of_devdata(tmp_path: Path):
    corpus = load_corpus(find_devdata(None), "tune")
    results = run_part(corpus, tmp_path, SLICE)
    _check_shape(results)
    _check_report(results)
    assert results["split"]["newspaper"]["pages"] <= SLICE.pages
    assert results["facts"]["person"]["sentences"] == SLICE.sentences
