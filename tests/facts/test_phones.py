"""Phone numbers: forms that are phones, and long numbers that are not."""

from __future__ import annotations

import pytest

PHONES = [
    ("热线电话:0379-65432108。", "0379-65432108", "037965432108"),
    ("咨询电话(0379)65432108", "(0379)65432108", "037965432108"),
    ("报名电话:（０３７９）６５４３２１０８", "（０３７９）６５４３２１０８", "037965432108"),
    ("手机:18637654321。", "18637654321", "18637654321"),
    ("手机１８６３７６５４３２１", "１８６３７６５４３２１", "18637654321"),
    ("联系电话 63219876", "63219876", "63219876"),
    ("联系人:钱卫国 63219876 13598765432", "63219876", "63219876"),
    ("服务热线400-123-4567", "400-123-4567", "4001234567"),
    ("可拨打12345反映", "12345", "12345"),
    ("电话:135 9876 5432", "135 9876 5432", "13598765432"),
]


@pytest.mark.parametrize(("text", "span", "norm"), PHONES)
def test_phone(facts_of, text: str, span: str, norm: str) -> None:
    found = facts_of(text, "phone")
    assert (span, norm) == (found[0].text, found[0].norm)


def test_two_phones_in_a_row(facts_of) -> None:
    found = facts_of("联系人:钱卫国 电话:63219876 13598765432", "phone")
    assert [f.norm for f in found] == ["63219876", "13598765432"]


@pytest.mark.parametrize(
    "text",
    [
        "全年收入12345678元。",
        "完成投资23456789万元",
        "编号23456789的档案",
        "始建于2019年",
        "身份证号410102199001011234",
        "共有34567890人次参与",
        "增长了23456789.5",
    ],
)
def test_not_phone(facts_of, text: str) -> None:
    assert facts_of(text, "phone") == []
