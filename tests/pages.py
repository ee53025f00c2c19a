"""Pages written for the tests in the style of the seeds, with invented names, places and numbers.

The program is judged on pages it has never seen, so tests must not lean on the seeds alone.
"""

from __future__ import annotations

import json
from pathlib import Path

STREET_FEATURE = """

云门山街道 凝心聚力办实事,精细治理暖民心

2021年上半年,青州市云门山街道坚持“一社区一特色”工作思路,推动基层治理提质增效,居民的获得感不断提升。记者 周明远 青州日报 郑雅琴 文/图

柳岸社区 小楼院里的大变化

柳岸社区有8个小区,2600户7500余人,直管党员48名。社区党委书记陈秀英介绍,今年以来社区协调资金85万元,完成老旧楼院改造12个。

社区还设立了“红色议事厅”,居民满意率达到96.5%。咨询电话:0536-8123456。

槐荫社区 用心用情解民忧

槐荫社区联合青州市第二人民医院开展义诊活动,为300余名居民免费体检。网格员刘志强说:“我们要把服务送到居民家门口。”
"""

# Stored as GB18030, with full-width digits and full-width parentheses, like many older archives.
BRIEFS_GB18030 = """社区快讯

本报讯 ５月１２日,弥河镇柳湾村党支部组织３０名党员开展植树活动,共栽种树苗８００余棵。

（记者 王海燕 通讯员 孙立）

梧桐社区: 开展防诈骗宣传

本报讯 近日,梧桐社区开展防诈骗宣传活动,发放宣传资料１２００份,为群众挽回损失三万五千元。

（何 静）
"""

CAPTION = """近日,白沙社区组织志愿者清理河道垃圾,共清理垃圾2吨。

马 骏摄
"""


def write_pages(folder: Path) -> dict[str, Path]:
    """Write the invented pages into `folder`; returns them by name."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "street": folder / "青州日报_2021-07-02_A03.txt",
        "briefs": folder / "briefs_gb18030.txt",
        "caption": folder / "caption.md",
    }
    files["street"].write_text(STREET_FEATURE, encoding="utf-8")
    files["briefs"].write_bytes(BRIEFS_GB18030.encode("gb18030"))
    files["caption"].write_text(CAPTION, encoding="utf-8-sig")
    return files


# A national daily's page: a header line, a local story with its own dateline, an agency
# dispatch from another province and a notice that states no date of its own.
DAILY = """人民晨报　２０１９年３月８日　星期五　第４版

望月湖街道　老旧小区换新颜

本报长沙３月７日讯（记者 韩立新）湖南省长沙市岳麓区望月湖街道今年投入资金1200万元，改造老旧小区15个，惠及居民3800户。街道党工委书记赵国平说：“改造要让居民说了算。”

春耕备耕有序推进

新华社成都３月６日电（记者 钱文斌）四川省眉山市东坡区各乡镇抓住晴好天气，组织农民开展春耕备耕，全区已储备化肥2.3万吨。

图书馆延长开放时间

本报讯　市图书馆从本月起延长开放时间，每天开放至晚上九点，咨询电话：0731-88123456。
"""

# A city evening paper's page without a header line: its file name dates it.
EVENING = """翠柳社区　议事会开到楼道口

本报讯（记者 孔德海）武汉市江岸区大智街道翠柳社区把居民议事会开到楼道口，今年已解决停车、照明等问题26件，居民满意率达到97%。

社区书记刘春梅说，下一步将在辖区8个小区推广这一做法。

夜市经济添活力

９月１３日讯　江岸区新开放的两条夜市街区首周接待游客5万人次，营业额超过300万元。
"""

# A page dated only by its sidecar.
WEEKLY = """青石村　果园里的致富路

眉山市东坡区青石村发展柑橘种植1500亩，去年村集体收入达到45万元。村党支部书记周建华带领村民成立合作社，统一技术、统一销售。
"""


def write_dated_pages(folder: Path) -> Path:
    """Write three pages dated three ways (header line, file name, sidecar); returns `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "daily.txt").write_text(DAILY, "utf-8")
    (folder / "江城晚报_2020-09-15_A06.txt").write_text(EVENING, "utf-8")
    (folder / "weekly.txt").write_text(WEEKLY, "utf-8")
    sidecar = {"source": "东坡周刊", "date": "2018-05-20", "page": "03"}
    (folder / "weekly.json").write_text(json.dumps(sidecar, ensure_ascii=False), "utf-8")
    return folder


# A national daily's page as older archives hold them: full-width digits and punctuation, long
# paragraphs and hardly any ASCII. In UTF-16 its few newlines put NUL bytes on one side, and
# characters such as 一 (U+4E00), 开 (U+5F00), 最 (U+6700) put more on the other.
FULLWIDTH_PAGE = """人民晨报　１９９９年１月１日　星期五　第４版

一年一个新台阶　开发区开创新局面
本报讯　一九九八年，开发区坚持一手抓开放、一手抓开发，全年新开工项目一百一十一个，最大的一个项目投资一亿元。开发区管委会主任刘一平说：“开局好，一年更比一年好。”开发区还开通了一条公交线路，开辟了一个综合市场，开展了一系列便民活动，退休职工人人有了活动中心。
（记者　王开一）

退耕还林　一山一景
本报讯　今年开春以来，西山乡退耕还林一千一百亩，开挖水渠一十一公里，最远的一个村也通了自来水。乡党委书记张一开说，最要紧的是一步一个脚印，一件一件办实事，开创山区发展新局面。
（通讯员　李最新）

一张蓝图绘到底
本报讯　东城区开展“一街一品”活动，开设便民服务点一百一十个，最多的一个街道开了一十二个。区长赵开明说，开好头、起好步，一年办成一批实事，退一步海阔天空，进一步开拓创新。
"""

# A page whose text looks like markup, carries bidi controls and a literal **: everything that
# shows it must show these characters as they are. Its title and file name hold markup too.
HOSTILE_TITLE = "<b>柳岸</b>社区\u202e办实事\u202c暖民心"
HOSTILE_BODY = (
    "柳岸社区有8个小区,2600户7500余人,直管党员48名。社区党委书记陈秀英介绍,今年以来社区"
    "协调资金85万元,完成老旧楼院改造12个。居民们说**好**,墙上贴着<img src=file:///etc/hostname>"
    "和\u202e反转的字\u202c,还有\u2067隔离\u2069与\u200f标记。"
)
HOSTILE_FILE = "<b>青州日报<i>_2021-07-02_A05.txt"  # no "/" in a file name


def write_hostile_page(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / HOSTILE_FILE
    path.write_text(f"\n\n{HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n", encoding="utf-8")
    return path


def write_page_of_day(folder: Path, day: str) -> Path:
    """The sidecar-less WEEKLY story as a page dated by its file name (`day`, ISO); the income
    differs per day, so pages of different days are different files to the archive."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"东坡周刊_{day}_03.txt"
    path.write_text(WEEKLY.replace("45万元", f"{int(day.replace('-', '')) % 97}万元"), "utf-8")
    return path


# Stories whose reporters, dispatch places and photographers are printed only in their datelines,
# bylines and credits, in the forms papers use (invented names and places).
DISPATCHES = """临川日报　２０２２年３月８日　星期二　第２版

春耕备耕正当时
新华社南昌３月７日电（记者 葛文澜）连日来，各地抢抓农时，田间地头一派繁忙景象。

乡村图书馆开到家门口
本报讯（记者 屈晓岚 通讯员 籍海舟）近日，临川区首家乡村图书馆在河埠村开馆，藏书三千余册。

临川晚报讯　记者 巫雪莹　三月六日，全市中小学开展防溺水安全教育，覆盖学生五万余人。

春风拂过河埠村，油菜花开满田野。
费南乔摄

老街换新颜
文／璩思远
改造后的老街保留了青石板路和骑楼，吸引不少游客前来打卡。
图片：临川日报
"""


def write_dispatch_page(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "临川日报_2022-03-08_A02.txt"
    path.write_text(DISPATCHES, encoding="utf-8")
    return path
