"""A generator of plausible newspaper pages for benchmarks and scale tests.

Paragraphs come from the seed pages; headlines, communities, people and numbers are invented from
syllables, so a generated archive has thousands of distinct places and names, as a real one would.
Counties and streets are real (the gazetteer's, in Zhejiang): only real divisions become places.
"""

from __future__ import annotations

import functools
import random
import re
from pathlib import Path

from viewer.places import gazetteer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_SYLLABLES = (
    "青石柳岸槐荫梧桐白沙红旗东风新村南湖北塘西岭金桥玉泉翠屏松林竹园杏花桃源丰乐永安长兴"
    "光明和平建新跃进朝晖春晓秋实滨江临河望山清溪云台鹤鸣龙潭凤栖锦绣华府鼎盛"
)
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
_GIVEN = "建国秀英志强海燕丽华晓明春梅国庆玉兰立新红梅俊杰雅琴文博思远静怡"
_TOPICS = (
    "开展志愿服务活动",
    "老旧小区改造见成效",
    "党建引领基层治理",
    "举办邻里文化节",
    "推进垃圾分类工作",
    "为老人送去温暖",
    "开展义诊进社区活动",
    "筑牢安全防线",
)


def _name(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(length))


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def seed_paragraphs() -> list[str]:
    """Body paragraphs of the seed pages (long lines that end a sentence)."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text("utf-8").splitlines():
            line = line.strip()
            if len(line) >= 40 and line[-1] in "。”！？":
                out.append(line)
    return out


_SEED_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:社区|街道)")


@functools.cache
def real_streets() -> list[tuple[str, str]]:
    """(county, street) name pairs of one province (浙江省), from the gazetteer."""
    gaz = gazetteer.load()
    pairs = []
    for prefecture in gaz.children("330000000000"):
        for county in gaz.children(prefecture.code):
            pairs += [
                (county.name, s.name) for s in gaz.children(county.code) if s.kind == "street"
            ]
    return pairs


def make_page(rng: random.Random, paragraphs: list[str], stories: int) -> str:
    city, street = rng.choice(real_streets())
    parts = [f"{street} 全力推进{rng.choice(_TOPICS)}", ""]
    parts += [f"{rng.randint(2015, 2024)}年,{city}{street}{rng.choice(paragraphs)}", ""]
    parts += [f"记者 {_person(rng)} 文/图", "", ""]
    for _ in range(stories - 1):
        community = _name(rng, rng.randint(2, 3)) + "社区"
        parts += [f"{community} {rng.choice(_TOPICS)}", ""]
        for _ in range(rng.randint(1, 4)):
            text = _SEED_PLACE.sub(community, rng.choice(paragraphs))
            text = text.replace("记者", f"{street}{community}党支部书记{_person(rng)}告诉记者", 1)
            parts += [text, ""]
        parts += [
            f"{community}共有{rng.randint(800, 9000)}户居民,投入资金{rng.randint(2, 300)}万元。",
            "",
            f"(记者 {_person(rng)} 通讯员 {_person(rng)})",
            "",
        ]
    return "\n".join(parts)


def write_corpus(folder: Path, stories: int, *, per_page: int = 8, seed: int = 1) -> list[Path]:
    """Write pages holding about `stories` stories into `folder`; returns the files."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(max(1, stories // per_page)):
        path = folder / f"gen_{number:06d}.txt"
        path.write_text(make_page(rng, paragraphs, per_page), "utf-8")
        files.append(path)
    return files
