"""The five real seed pages split as an editor would split them."""

from __future__ import annotations

import pytest

from viewer.ingest import split_page
from viewer.model import Credit, ParsedStory


def _titles(stories: list[ParsedStory]) -> list[str]:
    return [s.title for s in stories]


def _tiles(text: str, stories: list[ParsedStory]) -> bool:
    ends = [s.source_end for s in stories]
    starts = [s.source_start for s in stories]
    return starts[0] == 0 and ends[-1] == len(text) and starts[1:] == ends[:-1]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_pages_tile_and_keep_bylines_out_of_bodies(seed_texts, seed):
    text = seed_texts[seed]
    stories = split_page(text)
    assert _tiles(text, stories)
    assert [s.seq for s in stories] == list(range(len(stories)))
    for story in stories:
        piece = text[story.source_start : story.source_end]
        assert story.title in piece
        for credit in story.credits:
            assert credit.name not in story.body.split("\n")[-1][-12:]
        assert "本报讯" not in story.body
        assert "记者 " not in story.body


def test_seed_000(seed_texts):
    stories = split_page(seed_texts["000"])
    assert _titles(stories) == [
        "紫荆路街道紫荆路社区： 为居民幸福生活“加码”",
        "创文工作不停息 无私奉献不停止",
        "早部署、早动手 扎实推进人口普查工作",
        "党建引领促各项工作落实",
    ]
    lead = stories[0]
    assert lead.byline == "记者 李晓霞 巩义时报 孙淑霞 文/图"
    assert lead.credits == [Credit("李晓霞", "记者"), Credit("孙淑霞", "巩义时报")]
    assert lead.body.endswith("更有温度。”")
    assert [s.kind for s in stories] == ["article"] * 4
    assert "演练等活动。为居民发放" in stories[1].body
    assert "户不漏人、人不漏项" in stories[2].body
    assert "登记完,但有些一户" in stories[2].body
    assert "及时介处理突发文件" in stories[3].body
    assert "便民服务中心,为居民打造" in stories[3].body
    assert all(s.byline == "" and s.credits == [] for s in stories[1:])
    assert all(s.subheads == [] for s in stories)


def test_seed_001(seed_texts):
    stories = split_page(seed_texts["001"])
    assert _titles(stories) == [
        "新华路街道 聚焦主业,突出主责,细耕“责任田”",
        "新华北路社区 潮头登高再击浆,无边胜景在前头",
        "新兴路社区 心无旁骛抓落实,放开手脚干实事",
        "桐本北路社区 眼中有群众 胸中有大局,脑中有思路",
        "文化街社区 一切围着目标转,一切朝着目标干",
        "育英街社区 实干锤炼战斗力,行动最有说服力",
        "货场路社区 用出彩照亮初心,以实绩托起使命",
    ]
    lead = stories[0]
    assert lead.byline == "记者 李晓霞 巩义融媒记者 吴瑞霞 文/图"
    assert lead.credits == [Credit("李晓霞", "记者"), Credit("吴瑞霞", "巩义融媒记者")]
    assert lead.body.endswith("“五个”新华的步伐。")
    last = stories[-1]
    assert last.body.endswith("截至6月底,街道共完成公共预算财政收入2167万元,完成税收2162万元;")
    assert "截至目前社区10项民生实事已完成8项。" in last.body
    assert last.hidden == [
        "结合晨巡工作法,协调开普西一区物业,出资3万元对楼院化粪池进行清挖,并对楼院破损地面区域进行修复;",
        "创新社区小喇叭广播站,提高服务水平;",
        "社区筹资5000元,完善社区小喇叭直播设施,并组织社区工作人员进行播报培训。",
        "截至目前社区10项民生",
    ]
    # The hidden sentences stay in the source slice: nothing is deleted from the page.
    text = seed_texts["001"]
    assert all(h in text[last.source_start : last.source_end] for h in last.hidden)
    assert last.body.count("创新社区小喇叭广播站") == 1
    assert "宣传辖区内的好人好事" in stories[5].body
    assert stories[5].body.endswith("清理1")
    assert all(not s.hidden for s in stories[:-1])


def test_seed_002(seed_texts):
    stories = split_page(seed_texts["002"])
    assert _titles(stories) == [
        "“准定位”“常换位”“做到位” 出彩紫荆又续新篇章",
        "永葆“不忘来时路”的初心 勇担“续写创新史”的使命,彰显“时代探路者”的担当作为",
        "奏响党建引领“主旋律”,画好凝聚共识“同心圆” 扩大团结民主“朋友圈”",
        "多做群众欢迎的事 多做群众急需的事 多做群众受益的事",
        "针对干什么,提高工作标准 围绕怎么干,全力落实落地 确保干出成效,强化党建引领",
        "蓝图已绘就,思路已清晰 布局已展开,号角已吹响",
    ]
    assert [s.kicker for s in stories] == [
        "",
        "红色政通",
        "和谐永新",
        "书香紫荆",
        "美丽安泰",
        "人文学院",
    ]
    assert stories[0].credits == [Credit("李晓霞", "记者"), Credit("吴瑞霞", "巩义融媒记者")]
    assert "红色政通" not in stories[0].body
    assert "已有14名党员认领了11项任务,形成了“一帮一”" in stories[1].body
    assert "通过在职党员干部走进社区" in stories[2].body
    assert "在社区综合文化服务中心成立了“河洛文化讲堂”" in stories[2].body
    assert "让群众自由阅读" in stories[3].body
    assert "老年人日间照料中心,目前已经开工建设" in stories[4].body
    assert [s.kind for s in stories] == ["article"] * 6


def test_seed_003(seed_texts):
    stories = split_page(seed_texts["003"])
    assert _titles(stories) == [
        "",
        "苏村社区: 开展主题党日活动",
        "西马家坪社区: 科学育儿进社区 亲子共沐好时光",
        "小河滩社区: 开展“五进”禁毒宣传活动",
        "菜市社区: 党建引领提升“微服务”",
        "如意庄社区: “小网格”承载民生“大服务”",
        "南楼社区: 组建志愿服务队伍 搭建群众连心桥",
        "",
        "桥南园社区: 多方联动精准服务",
        "新源社区: 搭建“五方平台” 打造“红心家园”",
    ]
    first = stories[0]
    assert (first.kicker, first.kind, first.byline, first.credits) == (
        "社区动态",
        "brief",
        "本报通讯员撰",
        [],
    )
    assert first.body.startswith("近日,东山社区")
    su = stories[1]
    assert su.body.startswith("6月24日,苏村社区")
    assert su.byline == "本报讯 (李 莉)"
    assert su.credits == [Credit("李莉", "")]
    assert stories[4].byline == "本报讯 (本报通讯员)" and stories[4].credits == []
    ruyi = stories[5]
    assert ruyi.subheads == [
        "畅通“一条路”,激活基层治理新动力",
        "念好“五字诀”,赋予基层治理新能力",
        "走好“五步曲”,提升居民幸福新指数",
    ]
    assert all(head in ruyi.body.split("\n") for head in ruyi.subheads)
    assert ruyi.credits == [Credit("赵璐", "")]
    assert ruyi.body.endswith("让社区治理和服务更高效。”")
    assert "帮扶困难群众;管,管理九小场所" in ruyi.body
    caption = stories[7]
    assert caption.kind == "caption"
    assert caption.credits == [Credit("雷洁", "摄影")]
    assert caption.body.startswith("近日,段北沟社区")
    xinyuan = stories[9]
    assert xinyuan.subheads == [
        "抓好组织联建 齐心协力“一家亲”",
        "抓好机制联合 共建共治“一家事”",
        "抓好治理联动 党群同心“促提升”",
    ]
    assert xinyuan.credits == [Credit("曹蓉", ""), Credit("彭晓", "")]
    assert "极大维护了居民的权益" in xinyuan.body
    assert stories[6].credits == [Credit("王鹤婷", "")]


def test_seed_004(seed_texts):
    stories = split_page(seed_texts["004"])
    assert _titles(stories) == [
        "党建引领“三治融合”百花齐放",
        "朝阳社区好地方 居民心中暖洋洋",
        "三湾街社区 “信访代办”架起沟通连心桥",
        "大坡顶村 为民解忧 方便出行",
        "八旬老人迷路走失 巡防民警接力帮忙回家",
        "康乐社区 为民服务办实事 居民感激送锦旗",
        "招租",
        "东方社区 节水爱水 你我同行",
        "洒水车秒变消防车 及时灭火解危机",
        "",
        "",
        "",
        "",
        "",
        "有责任担当的好丈夫李政伟",
    ]
    opening = stories[0]
    assert (opening.kind, opening.kicker) == ("column", "开栏语:")
    assert opening.subtitle == "2020年度上街区城乡社区发展治理亮点工作系列报道"
    assert "党员的先锋模范作用、人民群众的主体作用" in opening.body
    chaoyang = stories[1]
    assert chaoyang.subheads == ["党群服务中心", "‘一站式’的服务", "新党群服务中心"]
    assert "耿于茹正为居民办理业务" in chaoyang.body
    assert "“量身定制”打造" in chaoyang.body
    assert stories[2].credits == [
        Credit("蔡肇娥", "记者"),
        Credit("吴勤勤", "通讯员"),
        Credit("时阳", "通讯员"),
    ]
    assert stories[5].byline == "(记者 孙畅 通讯员 赵爽)"
    assert stories[5].body.endswith("为老人办理了业务。")
    ad = stories[6]
    assert ad.kind == "ad"
    assert "(亚星盛世小区对面)" in ad.body
    assert [s.kind for s in stories[9:14]] == ["brief"] * 5
    assert [s.credits[0].name for s in stories[9:14]] == [
        "刘世平",
        "冯佳雯",
        "蔡肇娥",
        "罗浩",
        "晏晓盼",
    ]
    assert stories[9].body.count("\n") == 1
    assert stories[13].body.endswith("爱眼护眼活动。")
    last = stories[14]
    assert last.kicker == "2020年度“乡村光荣榜”人物系列报道"
    assert "妻子胆小,只要有时间" in last.body
    assert [s.kind for s in stories[1:6]] == ["article"] * 5
