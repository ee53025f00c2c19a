"""China's administrative divisions by name and code: the gazetteer the recogniser checks against.

Levels: 1 province, 2 prefecture, 3 county, 4 township, 5 village or community, each with its
12-digit NBS code (2023); the code's prefix is the path from the province down. Also short forms
of levels 1-3 (北京, 海淀), former names (宣武区 -> 西城区) and foreign countries and cities, so
that 莫斯科 can be set aside from the Chinese tree. Built by tools/build_gazetteer.py; sources,
licences and the file format are in resources/gazetteer/README.md.

Levels 1-4 load on the first `load()` (about 40 ms, 23 MB); the 620,000 villages and communities
of level 5 only when first asked for (about 0.7 s, 90 MB), because most lookups never need them.
"""

from __future__ import annotations

import bisect
import gzip
import lzma
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from viewer.paths import resource_path

# Digits of the code that name a division at each level: 贵阳市 5201, 南明区 520102.
_DIGITS = {1: 2, 2: 4, 3: 6, 4: 9, 5: 12}


@dataclass(frozen=True, slots=True)
class Division:
    """One division. For a former name, `code` and `successor` are the current division's code
    (so a tree built by code files 宣武区 under 西城区) and `parent` is its parent then."""

    code: str  # 12-digit NBS code, e.g. "520100000000"
    name: str  # official name as written in news: 贵阳市, 南明区, 小河街道, 北新村
    level: int  # 1 province, 2 prefecture, 3 county-level, 4 township-level, 5 village-level
    kind: str  # province, city, district, county, street, town, township, community, village
    parent: str | None  # parent's code (None for level 1)
    former: bool = False  # a name no longer in use; `successor` then holds the current code
    successor: str | None = None


@dataclass(frozen=True, slots=True)
class ForeignPlace:
    """A foreign country (short or full name) or city."""

    name: str  # 俄罗斯, 莫斯科
    country: str  # the country's short name (俄罗斯 for 莫斯科)
    is_country: bool


def level_of(code: str) -> int:
    """The level a 12-digit code names, from its trailing zeros."""
    if code[9:] != "000":
        return 5
    if code[6:9] != "000":
        return 4
    if code[4:6] != "00":
        return 3
    return 2 if code[2:4] != "00" else 1


_lock = threading.Lock()
_instance: Gazetteer | None = None


def load() -> Gazetteer:
    """The process-wide gazetteer, read on first use (from any thread or worker process)."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Gazetteer(resource_path("resources", "gazetteer"))
    return _instance


# The divisions file's one-letter kinds (tools/build_gazetteer.py writes them).
_KINDS = dict(p="province", c="city", d="district", x="county", s="street", t="town", w="township")


def _add(index: dict[str, int | list[int]], key: str, value: int) -> None:
    """index[key] is one int, or a list when a name is shared (most names are not)."""
    found = index.get(key)
    if found is None:
        index[key] = value
    elif isinstance(found, int):
        index[key] = [found, value]
    else:
        found.append(value)


def _each(found: int | list[int] | None) -> list[int]:
    return [] if found is None else [found] if isinstance(found, int) else found


class Gazetteer:
    """Read-only lookups; safe to share between threads.

    The file is read column by column into plain lists, and a row becomes a Division only when
    someone asks for it: 45,000 dataclass instances cost more than the rest of the load.
    """

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        text = gzip.decompress((folder / "divisions.tsv.gz").read_bytes()).decode()
        sections: dict[str, tuple[str, str]] = {}
        for chunk in text.rstrip("\n").split("\n#"):
            head, _, body = chunk.lstrip("#").partition("\n")
            name, _, argument = head.partition("\t")
            sections[name] = (argument, body)
        # Rows [0, current) are current divisions, sorted by code; the rest are former names.
        self._current = int(sections["current"][0])
        self._codes = sections["codes"][1].split("\n")
        self._names = sections["names"][1].split("\n")
        self._parents = sections["parents"][1].split("\n")
        self._kinds = sections["kinds"][1]
        self._levels = sections["levels"][1]
        self._made: list[Division | None] = [None] * len(self._codes)
        self._row = dict(zip(self._codes[: self._current], range(self._current), strict=True))
        self._by_name: dict[str, int | list[int]] = {}
        for i, name in enumerate(self._names):
            _add(self._by_name, name, i)
        self._by_short: dict[str, int | list[int]] = {}
        self._risky: set[str] = set()
        for line in sections["shorts"][1].split("\n"):
            short, rows = line.split("\t")
            if short[0] == "!":  # flagged by the build as a common word, see README
                short = short[1:]
                self._risky.add(short)
            for row in rows.split(","):
                _add(self._by_short, short, int(row))
        self._foreign: dict[str, ForeignPlace] = {}
        for line in sections["foreign"][1].split("\n"):
            name, country, flags = line.split("\t")
            self._foreign[name] = ForeignPlace(name, country, "c" in flags)
            if "!" in flags:
                self._risky.add(name)
        # Counties with villages but no township between (NBS's 直辖村级区划 was left out).
        self._villages_under = set(sections["villages-under"][0].split(","))
        self._children: dict[str, list[int]] | None = None
        self._villages: _Villages | None = None
        self._village_lock = threading.Lock()
        self._longest = max(map(len, [*self._by_name, *self._by_short, *self._foreign]))

    def _division(self, row: int) -> Division:
        made = self._made[row]
        if made is None:
            code, former, parent = self._codes[row], row >= self._current, self._parents[row]
            kind, level = _KINDS[self._kinds[row]], int(self._levels[row])
            successor = code if former else None
            made = Division(code, self._names[row], level, kind, parent or None, former, successor)
            self._made[row] = made  # two threads may both make it: equal values, no harm
        return made

    def get(self, code: str) -> Division | None:
        """The current division with this code (level 5 loads the villages)."""
        if len(code) == 12 and level_of(code) == 5:
            return self._village_data().get(code)
        row = self._row.get(code)
        return None if row is None else self._division(row)

    def by_name(self, name: str) -> list[Division]:
        """Divisions of levels 1-4 with this exact official or former name."""
        return [self._division(row) for row in _each(self._by_name.get(name))]

    def by_short(self, short: str) -> list[Division]:
        """Divisions of levels 1-3 this short form stands for (北京 -> 北京市)."""
        return [self._division(row) for row in _each(self._by_short.get(short))]

    def is_risky_short(self, short: str) -> bool:
        """A short form (or foreign name) that is also a common word or very short (和平, 前进,
        中非): keep it, but ask for more evidence than the name alone."""
        return short in self._risky

    def villages(self, name: str) -> list[Division]:
        """Villages and communities (level 5) with this exact name, e.g. 北新村."""
        return self._village_data().by_name(name)

    def children(self, code: str) -> list[Division]:
        """Divisions directly under `code`; a township's villages are loaded on demand."""
        if self._children is None:
            children: dict[str, list[int]] = {}
            for row, parent in enumerate(self._parents[: self._current]):
                children.setdefault(parent, []).append(row)
            self._children = children
        found = [self._division(row) for row in self._children.get(code, ())]
        if level_of(code) == 4 or code in self._villages_under:
            found += self._village_data().children(code)
        return found

    def ancestors(self, code: str) -> list[Division]:
        """The divisions above `code`, its parent first, up to the province."""
        out: list[Division] = []
        division = self.get(code)
        while division is not None and division.parent is not None:
            division = self.get(division.parent)
            out += [division] if division is not None else []
        return out

    def contains(self, ancestor: str, code: str) -> bool:
        """Whether `code` lies strictly under `ancestor`, by the code's digits alone."""
        digits = _DIGITS[level_of(ancestor)]
        return code != ancestor and code[:digits] == ancestor[:digits]

    def foreign(self, name: str) -> ForeignPlace | None:
        """A foreign country or city by name (俄罗斯, 俄罗斯联邦, 莫斯科)."""
        return self._foreign.get(name)

    def longest_names(self) -> int:
        """Length of the longest name, former name, short form or foreign name (for scanning)."""
        return self._longest

    def names(self) -> Iterator[tuple[str, Division]]:
        """Every (text, division) a dictionary scanner should know for levels 1-4: official and
        former names, and short forms (text != division.name; see is_risky_short)."""
        for table in (self._by_name, self._by_short):
            for text, rows in table.items():
                for row in _each(rows):
                    yield text, self._division(row)

    def foreign_places(self) -> Iterator[ForeignPlace]:
        """Every foreign country name (short and full) and city."""
        return iter(self._foreign.values())

    def names_by_suffix(self, suffix: str) -> list[str]:
        """Official names of levels 1-4 ending in `suffix` (街道, 镇, 自治县), longest first."""
        return sorted((n for n in self._by_name if n.endswith(suffix)), key=len, reverse=True)

    def _village_data(self) -> _Villages:
        if self._villages is None:
            with self._village_lock:
                if self._villages is None:
                    self._villages = _Villages(self._folder / "villages.tsv.xz", self._row)
        return self._villages


class _Villages:
    """Level 5, kept as the file's text plus an index by name; Divisions are made on demand.

    620,000 Divisions made up front would roughly double both the memory and the load time. The
    file has one block per township: '>' and the 9 digits its codes share, then a line per
    village: the code's last 3 digits, 'c' (community) or 'v' (village), the name.
    """

    def __init__(self, path: Path, divisions: dict[str, int]) -> None:
        self.divisions = divisions  # codes of levels 1-4, for the parents
        self.text = lzma.decompress(path.read_bytes()).decode()
        self.prefixes: list[str] = []  # sorted, as the build writes them
        self.starts: list[int] = []  # where each block's first village line starts
        self.index: dict[str, int | list[int]] = {}  # name -> offset(s) of its line
        # A find() loop, not split(): 620,000 line strings at once would add ~60 MB to the peak.
        text, index, find = self.text, self.index, self.text.find
        pos, size = find("\n") + 1, len(text)  # after the format line
        while pos < size:
            end = find("\n", pos)
            if text[pos] == ">":
                self.prefixes.append(text[pos + 1 : end])
                self.starts.append(end + 1)
            else:
                _add(index, text[pos + 4 : end], pos)
            pos = end + 1
        self.starts.append(size)

    def _make(self, block: int, pos: int) -> Division:
        code = self.prefixes[block] + self.text[pos : pos + 3]
        township = code[:9] + "000"
        # A few villages hang directly from a county (NBS's 直辖村级区划 was left out).
        parent = township if township in self.divisions else code[:6] + "000000"
        kind = "community" if self.text[pos + 3] == "c" else "village"
        name = self.text[pos + 4 : self.text.index("\n", pos)]  # the file ends with a newline
        return Division(code, name, 5, kind, parent)

    def by_name(self, name: str) -> list[Division]:
        found = _each(self.index.get(name))
        return [self._make(bisect.bisect_right(self.starts, p) - 1, p) for p in found]

    def _lines(self, block: int) -> Iterator[int]:
        pos, end = self.starts[block], self.starts[block + 1]
        while pos < end and self.text[pos] != ">":
            yield pos
            pos = self.text.find("\n", pos) + 1 or end

    def children(self, code: str) -> list[Division]:
        digits = _DIGITS[level_of(code)]
        first = bisect.bisect_left(self.prefixes, code[:digits])
        out = []
        for block in range(first, len(self.prefixes)):
            if not self.prefixes[block].startswith(code[:digits]):
                break
            for pos in self._lines(block):
                village = self._make(block, pos)
                if village.parent == code:
                    out.append(village)
        return out

    def get(self, code: str) -> Division | None:
        block = bisect.bisect_left(self.prefixes, code[:9])
        if block < len(self.prefixes) and self.prefixes[block] == code[:9]:
            for pos in self._lines(block):
                if self.text.startswith(code[9:], pos):
                    return self._make(block, pos)
        return None
