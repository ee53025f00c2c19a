"""Pages written for the tests in the style of the seeds, with invented names, places and numbers.

The program is judged on pages it has never seen, so tests must not lean on the seeds alone.
"""

from __future__ import annotations

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
