"""Every seed page end to end: no exception, the offset contract, and spot checks."""

from __future__ import annotations

import pytest

from viewer.model import Fact


def has(facts: list[Fact], kind: str, text: str, **fields: object) -> bool:
    for f in facts:
        if f.kind == kind and f.text == text and all(getattr(f, k) == v for k, v in fields.items()):
            return True
    return False


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_seed_page_runs(facts_of, seed_texts: dict[str, str], key: str) -> None:
    facts = facts_of(seed_texts[key])
    kinds = {f.kind for f in facts}
    assert {"person", "date", "quantity"} <= kinds


def test_seed_000(facts_of, seed_texts: dict[str, str]) -> None:
    facts = facts_of(seed_texts["000"])
    assert has(facts, "person", "王孝转", label="社区党支部书记", norm="王孝转")
    assert sum(1 for f in facts if f.norm == "王孝转") == 6
    assert has(facts, "date", "10月10日", norm="--10-10")
    assert has(facts, "quantity", "3100户", value=3100, unit="户")
    assert has(facts, "quantity", "9000余人", value=9000, unit="人")
    assert has(facts, "quantity", "52名", value=52, label="直管党员")
    assert has(facts, "quantity", "600平方米", value=600, unit="平方米")
    assert has(facts, "person", "李晓霞", label="记者")
    # 第七次人口普查 is an ordinal, 一两个人 / 六七个人 are vague ranges.
    assert not any(f.kind == "quantity" and f.text in ("七次", "一两个", "六七个") for f in facts)
    # The party branch in 社区党支部书记王孝转 is part of her role, not a separate fact.
    assert not any(f.kind == "organization" and "党支部" in f.text for f in facts)


def test_seed_001(facts_of, seed_texts: dict[str, str]) -> None:
    facts = facts_of(seed_texts["001"])
    assert has(facts, "date", "2020年上半年", norm="2020-H1")
    assert has(facts, "quantity", "35个", value=35, label="楼院理事会")
    assert has(facts, "money", "120万元", value=1_200_000, unit="元")
    assert has(facts, "money", "57.7万元", value=577_000)
    assert has(facts, "money", "21000元", value=21_000)
    assert has(facts, "money", "5元", value=5)
    assert has(facts, "percent", "100%", value=100)
    assert has(facts, "date", "1983年", norm="1983")
    assert has(facts, "date", "6月底", norm="--06", label="截至")
    assert has(facts, "organization", "开普集团")
    assert has(facts, "person", "冯元庆", label="理事会成员")
    assert has(facts, "person", "杨某")
    # 1+16+N+X and house numbers are not quantities.
    texts = {f.text for f in facts if f.kind == "quantity"}
    assert not texts & {"1", "16", "90号", "3号"}
    assert not any("号" in t or "+" in t for t in texts)


def test_seed_002(facts_of, seed_texts: dict[str, str]) -> None:
    facts = facts_of(seed_texts["002"])
    assert has(facts, "money", "10756万元", value=107_560_000)
    assert has(facts, "money", "4.11亿元", value=411_000_000)
    assert has(facts, "percent", "8.1%", value=8.1, unit="%", label="同比增长")
    assert has(facts, "percent", "14%", value=14, label="增速")
    assert has(facts, "organization", "新生活物业服务有限公司党支部")
    assert has(facts, "organization", "瑞康医院")
    assert has(facts, "organization", "卫健委")
    assert has(facts, "organization", "市疾控中心")
    assert has(facts, "person", "张宁宁")
    assert has(facts, "person", "李琛琛", label="支部书记")
    assert has(facts, "quantity", "3000余册", value=3000, unit="册")
    assert has(facts, "date", "7月初", norm="--07")
    assert has(facts, "date", "30日下午3点", norm="---30T15:00")


def test_seed_003(facts_of, seed_texts: dict[str, str]) -> None:
    facts = facts_of(seed_texts["003"])
    assert has(facts, "person", "牛慧祥", label="社区党总支书记、社区主任")
    assert has(facts, "person", "于润生")
    assert has(facts, "person", "周贵领", label="居民")
    assert has(facts, "money", "三万三千元", value=33_000)
    assert has(facts, "money", "五千元", value=5000)
    assert has(facts, "quantity", "25名", value=25, label="党员")
    assert has(facts, "quantity", "五套", value=5, unit="套")
    assert has(facts, "date", "6月24日", norm="--06-24")
    assert has(facts, "date", "2021年末", norm="2021")
    assert has(facts, "organization", "天骄幼儿园")
    assert has(facts, "organization", "华阳离退休书画协会")
    assert has(facts, "organization", "云潭物业公司")
    assert has(facts, "person", "李 莉", norm="李莉")
    assert not any(f.kind == "quantity" and f.text == "35个" for f in facts)  # 第35个


def test_seed_004(facts_of, seed_texts: dict[str, str]) -> None:
    facts = facts_of(seed_texts["004"])
    assert has(facts, "phone", "68115977", norm="68115977")
    assert has(facts, "phone", "15838193617", norm="15838193617")
    assert has(facts, "person", "王海超", label="联系人")
    assert has(facts, "person", "耿于茹", label="工作人员")
    assert has(facts, "person", "袁明", label="高级教官")
    assert has(facts, "person", "许松岭", label="村党总支书记")
    assert has(facts, "person", "李政伟")
    assert has(facts, "date", "3月20日下午5点", norm="--03-20T17:00")
    assert has(facts, "date", "2020年9月", norm="2020-09")
    assert has(facts, "quantity", "19间", value=19, label="功能室")
    assert has(facts, "quantity", "172名", value=172, label="农民工")
    assert has(facts, "quantity", "两个", value=2, label="路口")
    assert has(facts, "quantity", "800米", value=800)
    assert has(facts, "quantity", "49岁", value=49, unit="岁")
    assert has(facts, "money", "200万元", value=2_000_000)
    for name in (
        "郑州银行上街支行",
        "区城管局",
        "济源路派出所",
        "郑州市第十五人民医院",
        "郑州北大培文学校",
        "河南省文宣防火中心",
    ):
        assert has(facts, "organization", name), name
    # 社区主任 and 工作人员 alone are roles, not people.
    assert not any(f.kind == "person" and f.text in ("社区主任", "工作人员") for f in facts)
