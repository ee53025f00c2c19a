"""Money (value in yuan) and percentages, found by regex on the working text."""

from __future__ import annotations

import re

from viewer.facts.numbers import (
    ARABIC,
    CHINESE_DECIMAL,
    CN_NUMERAL_CHARS,
    MULTIPLIER,
    NUMBER_LEFT_EDGE,
    parse_arabic,
    parse_number,
    starts_with,
)
from viewer.model import Fact

# 120万元, 4.11亿元, 三万三千元, 一点六万元, 5元, 3万余元, 20多万元, 5块钱, 10万美元.
_MONEY_RE = re.compile(
    starts_with(rf"\d{CN_NUMERAL_CHARS}")
    + NUMBER_LEFT_EDGE
    + rf"(?<!第)(?P<num>{ARABIC}|{CHINESE_DECIMAL})"
    rf"(?P<approx1>余|多)?(?P<mult>{MULTIPLIER})?"
    r"(?P<approx2>余|多)?(?P<cur>美元|欧元|港元|港币|日元|元|块钱)"
    r"(?!旦|宵|素|首|帅|老|件|器|月|年|气|朝|代|宝|化)"
)
_CURRENCY_UNIT = {"块钱": "元", "港币": "港元"}

# What the money is for, when a money word sits just before the amount (资金120万元,
# 投资21000元, 财政收入完成10756万元). Generic accounting vocabulary only.
_MONEY_LABEL_RE = re.compile(
    r"(资金|投资|出资|筹资|集资款|集资|捐款|善款|税收|财政收入|收入|营业收入|零售额|增加值|"
    r"资产|工资|费用|经费|补贴|补助|奖金|奖励|罚款|租金|房租|预算|贷款|产值|销售额|营业额|"
    r"利润|成本|价格|票价|金额|资助|拨款|赔偿|救助金|慰问金)"
    r"(?:[\u4e00-\u9fff]{0,2}?(?:完成|达到|达|为|共计|合计|共|约|超过|近|逾))?$"
)

_PERCENT_RE = re.compile(
    starts_with(r"\d百") + rf"(?:{NUMBER_LEFT_EDGE}(?P<num>{ARABIC})(?:\s?%|(?P<points>个百分点))"
    rf"|百分之(?P<cn>{ARABIC}|{CHINESE_DECIMAL}))"
)
# The measure a percentage belongs to (同比增长8.1%, 增速14%, 占全年目标的58.7%, 成功率达100%).
_PERCENT_LABEL_RE = re.compile(
    r"(同比增长|同比下降|同比减少|同比提高|环比增长|环比下降|增长|下降|增速|增幅|降幅|占比|占|"
    r"达到|达|提高|提升|降低|减少|增加|上升|下滑|超过|[\u4e00-\u9fff]{1,4}率)"
)
_BARE_VERBS = frozenset(("达", "达到", "超过"))
_CLAUSE_BREAK = "。!?;:,、\n()“”\"'《》"


def _clause_before(work: str, start: int, limit: int = 16) -> str:
    """The text between the last clause break (within `limit` chars) and `start`."""
    begin = max(0, start - limit)
    chunk = work[begin:start]
    for i in range(len(chunk) - 1, -1, -1):
        if chunk[i] in _CLAUSE_BREAK:
            return chunk[i + 1 :]
    return chunk


def find_money(body: str, work: str) -> list[Fact]:
    out: list[Fact] = []
    for m in _MONEY_RE.finditer(work):
        value = parse_number(m["num"], m["mult"] or "")
        if value is None:
            continue
        label_match = _MONEY_LABEL_RE.search(_clause_before(work, m.start()))
        out.append(
            Fact(
                kind="money",
                text=body[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                value=value,
                unit=_CURRENCY_UNIT.get(m["cur"], m["cur"]),
                label=label_match.group(1) if label_match else "",
            )
        )
    return out


def _percent_value(m: re.Match[str]) -> float | None:
    if m["num"] is not None:
        return parse_arabic(m["num"])
    spoken = m["cn"]
    if spoken == "百":  # 百分之百
        return 100.0
    return parse_number(spoken)


def find_percents(body: str, work: str) -> list[Fact]:
    out: list[Fact] = []
    for m in _PERCENT_RE.finditer(work):
        value = _percent_value(m)
        if value is None:
            continue
        labels = _PERCENT_LABEL_RE.findall(_clause_before(work, m.start()))
        # 覆盖率达95%: the rate names the measure better than the verb 达.
        if len(labels) > 1 and labels[-1] in _BARE_VERBS and labels[-2].endswith("率"):
            labels.pop()
        out.append(
            Fact(
                kind="percent",
                text=body[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                value=value,
                unit="百分点" if m["points"] else "%",
                label=labels[-1] if labels else "",
            )
        )
    return out
