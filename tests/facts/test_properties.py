"""Property tests: extract_facts never raises and always keeps the offset contract."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.facts import extract_facts
from viewer.model import Credit

# Characters the extractors react to: digits (ASCII and full-width), Chinese numerals, units,
# money and date words, surnames, role and suffix characters, punctuation in both widths.
_ALPHABET = (
    "0123456789０１２３４５６７８９.．,，%％+-()（）:：、。 \n"
    "〇零一二两三四五六七八九十百千万亿余多第几号年月日时点分上下午半底初末季度"
    "元块钱户人名个间套米平方㎡册岁次起处家"
    "王李张刘陈赵欧阳某大爷先生说表示介绍记者通讯员书记主任网格员居民联系人"
    "社区党支部委员会公司有限集团医院学校中心协会局委办厂银行支行超市派出所"
    "电话手机热线拨打截至同比增长占达率百分之"
)


# The fixtures used here are stateless (and the autouse ones only set environment variables),
# so sharing them across generated examples is safe.
# No example database: the run must not write into the repository.
_SETTINGS = settings(
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@settings(_SETTINGS, max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_never_raises_and_keeps_offsets(contract, text: str) -> None:
    contract(text, extract_facts(text))


@settings(_SETTINGS, max_examples=100)
@given(st.text(max_size=60), st.text(alphabet="王李张明华强", min_size=1, max_size=3))
def test_any_unicode_and_credits(contract, text: str, name: str) -> None:
    facts = extract_facts(text, credits=[Credit(name, "记者")])
    contract(text, facts)
    assert any(f.kind == "person" and f.norm == name for f in facts)
