"""A whole invented page in the seeds' style (other names, places and numbers, full-width
digits, Chinese numerals): every kind is found where it should be."""

from __future__ import annotations

from viewer.model import Credit

PAGE = (
    "柳湾社区:织密“网格” 服务居民\n"
    "\n"
    "本报讯 １１月３日,东平区柳湾街道柳湾社区召开网格工作推进会。社区党委书记、居委会主任"
    "蒋雪芬主持会议,社区“两委”成员及网格员共计40余人参加。\n"
    "柳湾社区辖区面积1.8平方公里,现有居民楼86栋,常住人口2.3万人,共划分网格24个。今年以来,"
    "社区累计走访群众６３００余户,收集意见建议210条,办结率达９６．５％。\n"
    "“网格员就是居民身边的服务员。”蒋雪芬说。网格员田晓宇介绍,他负责的3号网格有楼栋11栋、"
    "住户480户,其中独居老人27名。\n"
    "社区还与东平区中医院、柳湾小学、宏福物业服务有限公司签订共建协议,受益群众3000余人次"
    "。东平区中医院副院长白建军表示,将每月安排医生到社区坐诊两次。\n"
    "据了解,该项目总投资约350万元,其中区财政拨款二百万元,预计二〇二二年六月底前完工。咨询"
    "电话:（０３７９）６２３４５６７８。\n"
    "今年上半年,东平区规上工业增加值同比增长6.3%,全区实现地区生产总值186.4亿元。\n"
    "(记者 陶然 通讯员 许文静)"
)


def test_invented_page(facts_of) -> None:
    facts = facts_of(PAGE, credits=[Credit("陶然", "记者"), Credit("卢小川", "摄影")])
    seen = {(f.kind, f.text): f for f in facts}

    assert seen["date", "１１月３日"].norm == "--11-03"
    assert seen["date", "二〇二二年六月底"].norm == "2022-06"
    assert seen["person", "蒋雪芬"].label == "社区党委书记、居委会主任"
    assert sum(1 for f in facts if f.norm == "蒋雪芬") == 2
    assert seen["person", "田晓宇"].label == "网格员"
    assert seen["person", "白建军"].label == "副院长"
    assert seen["person", "陶然"].label == "记者"
    assert seen["person", "许文静"].label == "通讯员"
    assert seen["quantity", "６３００余户"].value == 6300
    assert seen["quantity", "2.3万人"].value == 23_000
    assert seen["quantity", "1.8平方公里"].unit == "平方公里"
    assert seen["quantity", "27名"].label == "老人"
    assert seen["quantity", "两次"].value == 2
    assert seen["percent", "９６．５％"].value == 96.5
    assert seen["percent", "6.3%"].label == "同比增长"
    assert seen["money", "350万元"].value == 3_500_000
    assert seen["money", "二百万元"].value == 2_000_000
    assert seen["money", "186.4亿元"].value == 18_640_000_000
    assert seen["phone", "（０３７９）６２３４５６７８"].norm == "037962345678"
    for name in ("东平区中医院", "柳湾小学", "宏福物业服务有限公司"):
        assert ("organization", name) in seen
    # 3号网格 is a label, not a count; the photographer never appears in the text.
    assert ("quantity", "3号") not in seen
    assert facts[-1].norm == "卢小川" and facts[-1].start is None
