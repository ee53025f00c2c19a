from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from tests.gui.windows import tooltip_text
from viewer.archive import Archive
from viewer.gui.highlight_colours import FACT_COLORS
from viewer.gui.models.facts import (
    COL_COUNT,
    COL_TEXT,
    COL_VALUE,
    FACT_ROLE,
    KIND_ROLE,
    OCCURRENCES_ROLE,
    FactTreeModel,
    fact_value,
)
from viewer.gui.models.kinds import FACT_KIND_NAMES

# The C++ model tester reports problems as Qt warnings; make them fail the test.
pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def _fact(kind: str, text: str, start: int | None = 0, **extra: object) -> dict:
    end = None if start is None else start + len(text)
    fact = {"story": 1, "kind": kind, "text": text, "value": None, "unit": "", "label": "",
            "norm": "", "start": start, "end": end}  # fmt: skip
    fact.update(extra)
    return fact


INVENTED = [
    _fact("percent", "６.５%", 40, value=6.5, unit="%", label="同比增长"),
    _fact("money", "三百万元", 10, value=3_000_000.0, unit="元"),
    _fact("person", "赵明远", None, label="记者"),
    _fact("quantity", "２４０户", 20, value=240.0, unit="户"),
    _fact("person", "钱桂芳", 5, label="村党支部书记"),
    _fact("date", "１９９８年", 0, norm="1998"),
    _fact("date", "10月10日", 0, norm="--10-10"),
    _fact("place", "青松村", 8, label="village", norm="青松村"),
    _fact("money", "12.75万元", 30, value=127_500.0, unit="元"),
]


def _groups(model: FactTreeModel) -> list[tuple[str, str]]:
    return [
        (model.index(r, COL_TEXT).data(), model.index(r, COL_COUNT).data())
        for r in range(model.rowCount())
    ]


def _children(model: FactTreeModel, group: QModelIndex, col: int) -> list[str]:
    return [model.index(r, col, group).data() for r in range(model.rowCount(group))]


def test_empty_and_seeded_pass_modeltester(qtmodeltester, seeded: Archive) -> None:
    model = FactTreeModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    richest = max(seeded.stories(), key=lambda s: len(seeded.story(s["id"])["facts"]))
    facts = seeded.story(richest["id"])["facts"]
    model.set_facts(facts)
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    counts = Counter(f["kind"] for f in facts)
    assert model.kinds() == [k for k in FACT_KIND_NAMES if k in counts]
    for row, kind in enumerate(model.kinds()):
        group = model.index(row, COL_TEXT)
        assert group.data(KIND_ROLE) == kind
        assert model.index(row, COL_COUNT).data() == str(counts[kind])
        # Distinct facts: their occurrence counts add up to the kind's count.
        children = [model.index(r, COL_COUNT, group) for r in range(model.rowCount(group))]
        assert sum(int(c.data()) for c in children) == counts[kind]
        assert all(len(c.data(OCCURRENCES_ROLE)) == int(c.data()) for c in children)
        assert not model.index(0, COL_TEXT, group).parent().parent().isValid()


def test_groups_in_fixed_order_with_counts() -> None:
    model = FactTreeModel()
    model.set_facts(INVENTED)
    assert _groups(model) == [
        ("人物", "2"),
        ("地点", "1"),
        ("日期", "2"),
        ("金额", "2"),
        ("数量", "1"),
        ("比例", "1"),
    ]
    assert model.group_index("money").row() == 3
    assert not model.group_index("phone").isValid()
    swatch = model.index(0, COL_TEXT).data(Qt.ItemDataRole.DecorationRole)
    assert swatch == QColor(FACT_COLORS["person"])


def test_children_show_text_and_normalised_value() -> None:
    model = FactTreeModel()
    model.set_facts(INVENTED)
    people = model.group_index("person")
    # The byline-only person (start None) is listed, in input order.
    assert _children(model, people, COL_TEXT) == ["赵明远", "钱桂芳"]
    assert _children(model, people, COL_VALUE) == ["记者", "村党支部书记"]
    byline = model.index(0, COL_TEXT, people)
    assert byline.data(FACT_ROLE)["start"] is None
    assert "署名" in tooltip_text(byline.data(Qt.ItemDataRole.ToolTipRole))
    assert byline.data(KIND_ROLE) == "person"
    money = model.group_index("money")
    assert _children(model, money, COL_VALUE) == ["3,000,000 元", "127,500 元"]
    assert _children(model, model.group_index("quantity"), COL_VALUE) == ["240 户"]
    assert _children(model, model.group_index("percent"), COL_VALUE) == ["6.5%"]
    assert _children(model, model.group_index("date"), COL_VALUE) == ["1998", "年份不详"]
    assert _children(model, model.group_index("place"), COL_VALUE) == ["村"]


def test_repeated_facts_are_one_row_with_their_count() -> None:
    model = FactTreeModel()
    repeated = [
        _fact("person", "周立新", 50, label="社区主任"),
        _fact("person", "周立新", 12, label="社区主任"),
        _fact("person", "周立新", None, label="社区主任"),
        _fact("person", "周立新", 80, label="记者"),  # another role: another row
        _fact("quantity", "１２０户", 30, value=120.0, unit="户"),
        _fact("quantity", "120户", 70, value=120.0, unit="户"),  # half-width form: same fact
    ]
    model.set_facts(repeated)
    assert _groups(model) == [("人物", "4"), ("数量", "2")]
    people = model.group_index("person")
    assert _children(model, people, COL_TEXT) == ["周立新", "周立新"]
    assert _children(model, people, COL_COUNT) == ["3", "1"]
    first = model.index(0, COL_TEXT, people)
    # The first occurrence in the text is the one a click goes to; byline-only last.
    assert first.data(FACT_ROLE)["start"] == 12
    assert [f["start"] for f in first.data(OCCURRENCES_ROLE)] == [12, 50, None]
    assert _children(model, model.group_index("quantity"), COL_COUNT) == ["2"]


def test_dates_without_year_take_the_page_year_when_known() -> None:
    model = FactTreeModel()
    model.set_facts(INVENTED, page_date="2021-06-30")
    dates = _children(model, model.group_index("date"), COL_VALUE)
    assert dates == ["1998", "2021-10-10（按版面年份）"]
    model.set_facts([_fact("date", "15日", 0, norm="---15")], page_date="2021-06-30")
    assert _children(model, model.group_index("date"), COL_VALUE) == ["年份不详"]


def test_fact_value_formats() -> None:
    assert fact_value(_fact("money", "120万元", value=1_200_000.0, unit="元")) == "1,200,000 元"
    assert fact_value(_fact("money", "1234.5元", value=1234.5, unit="元")) == "1,234.5 元"
    assert fact_value(_fact("quantity", "3100户", value=3100.0, unit="户")) == "3100 户"
    assert fact_value(_fact("percent", "8.1%", value=8.1, unit="%")) == "8.1%"
    assert fact_value(_fact("phone", "66001234", norm="66001234")) == "66001234"
    assert fact_value(_fact("money", "若干元")) == ""
    assert fact_value(_fact("organization", "青松村委会", norm="青松村委会")) == ""
    assert fact_value(_fact("date", "２０２０年度", norm="2020")) == "2020"


def test_reset_drops_old_groups() -> None:
    model = FactTreeModel()
    model.set_facts(INVENTED)
    model.set_facts([_fact("phone", "0371-66001234", norm="037166001234")])
    assert _groups(model) == [("电话", "1")]
    assert model.columnCount() == 3
    model.set_facts([])
    assert model.rowCount() == 0
