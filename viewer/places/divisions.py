"""The gazetteer as the place recogniser and the archive use it.

`load()` builds, once per process, a scanner index over the gazetteer's names of levels 1-4 (a
name's first two characters -> the names starting with them, longest first), the canonical
place of every division (its current official name and kind: 北京 and 北京市 are 北京市, 宣武区 is
西城区 today) and the way back from a place's (name, kind) to its candidate codes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import NamedTuple

from viewer.places import gazetteer, vocab
from viewer.places.gazetteer import Division, Gazetteer, level_of

Key = tuple[str, str]


class Candidate(NamedTuple):
    """One division a piece of text may name (a tuple: 65,000 of them are made on load)."""

    code: str  # the current division's code
    level: int  # its current level (1-4)
    short: bool  # the text is a short form (北京), not an official or former name
    after_parent: bool  # counts only right after a place that contains it (郊区, 温泉地区)
    guess: bool = False  # a likely former name (奉化市 for 奉化区), see Divisions._renamed


class Name(NamedTuple):
    """A piece of text the scanner looks for, with every division it may name."""

    text: str
    candidates: tuple[Candidate, ...]
    risky: bool  # as a short form it is also a common word (see Gazetteer.is_risky_short)


class Divisions:
    """The gazetteer's names ready for scanning, and canonical keys of divisions."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gazetteer = gaz
        self._key: dict[str, Key] = {}
        self._codes: dict[Key, list[str]] = {}
        self._level: dict[str, int] = {}
        found: dict[str, dict[str, Candidate]] = {}
        shorts: dict[str, list[str]] = {}
        for text, division in gaz.names():
            if not self._register(division):
                continue
            candidate = self._candidate(text, division)
            if candidate is not None and len(text) >= 2:
                found.setdefault(text, {}).setdefault(candidate.code, candidate)
                if candidate.short and not division.former:
                    shorts.setdefault(candidate.code, []).append(text)
        for text, candidate in [*self._autonomous(shorts), *self._renamed(found)]:
            if text not in found or candidate.guess is False:
                found.setdefault(text, {})[candidate.code] = candidate
        self.index: dict[str, tuple[Name, ...]] = {}
        grouped: dict[str, list[Name]] = {}
        for text, candidates in found.items():
            name = Name(text, tuple(candidates.values()), gaz.is_risky_short(text))
            grouped.setdefault(text[:2], []).append(name)
        for head, names in grouped.items():
            if len(names) > 1:
                names.sort(key=lambda n: -len(n.text))
            self.index[head] = tuple(names)

    def _register(self, division: Division) -> bool:
        """Register the division as it is today (a former name's successor) by its key; False
        when there is no such current division of levels 1-4."""
        code = division.successor if division.former else division.code
        if code is None:
            return False
        if code in self._key:
            return True
        current = self.gazetteer.get(code) if division.former else division
        if current is None or current.level > 4:
            return False
        key = (current.name, current.kind)
        self._key[code] = key
        self._level[code] = current.level
        self._codes.setdefault(key, []).append(code)
        return True

    def _autonomous(self, shorts: dict[str, list[str]]) -> list[tuple[str, Candidate]]:
        """How news writes autonomous divisions: 红河州, 大通县, 察布查尔县, 阿拉善左旗."""
        out = []
        for code, (name, _kind) in self._key.items():
            for ending, written in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
                if name.endswith(ending):
                    for short in shorts.get(code, ()):
                        out.append(
                            (short + written, Candidate(code, self._level[code], False, False))
                        )
        return out

    def _renamed(self, found: dict[str, dict[str, Candidate]]) -> list[tuple[str, Candidate]]:
        """Names the divisions most likely had before an upgrade that kept the name: a county
        or county-level city that became a district (奉化市 -> 奉化区, 洞头县 -> 洞头区), a county
        that became a city, a town that became a street (乔司镇 -> 乔司街道), a township that
        became a town. Only names no division has officially."""
        out = []
        for code, (name, kind) in self._key.items():
            level = self._level[code]
            if level == 3 and kind in ("district", "city") and len(name) >= 3:
                core, olds = name[:-1], ("县", "市") if kind == "district" else ("县",)
            elif level == 4 and name.endswith(("街道", "镇")) and len(name) >= 4:
                core = name.removesuffix("街道").removesuffix("镇")
                olds = ("镇", "乡") if name.endswith("街道") else ("乡",)
            else:
                continue
            if len(core) < 2 or core[-1] in "新城":
                continue  # 新城区 -> 新城市: too generic to guess
            for old in olds:
                text = core + old
                if text not in found and text not in vocab.GENERIC_WORDS:
                    out.append((text, Candidate(code, level, False, False, True)))
        return out

    def _candidate(self, text: str, division: Division) -> Candidate | None:
        short = text != division.name
        after_parent = False
        if not short and division.level == 4:
            if len(text) <= 2 or text.endswith(vocab.TOWNSHIP_AFTER_PARENT_SUFFIXES):
                after_parent = True  # 马镇 is also a person; 温泉地区 also a phrase
            elif not text.endswith(vocab.TOWNSHIP_SUFFIXES):
                return None  # 开发区, 农场, 林场: ordinary words
        if not short and text in vocab.GENERIC_DIVISION_NAMES:
            after_parent = True
        if text.endswith(("社区", "村")) or (len(text) == 3 and text.endswith("园区")):
            after_parent = True  # 新社区, 大园区 (Taiwan's districts), 周村 (a village?)
        code = division.successor if division.former else division.code
        assert code is not None  # _register checked
        return Candidate(code, self._level[code], short, after_parent)

    # -- lookups ---------------------------------------------------------------------------

    def key(self, code: str) -> Key:
        """The place a division is stored as: its current official name and kind."""
        return self._key[code]

    def level(self, code: str) -> int:
        return self._level[code]

    def codes(self, key: Key) -> list[str]:
        """Candidate codes of a place by its (name, kind); empty for an unverified place."""
        return list(self._codes.get(key, ()))

    def parent(self, code: str) -> str | None:
        division = self.gazetteer.get(code)
        return division.parent if division is not None else None

    def ancestors(self, code: str) -> list[str]:
        """The codes above `code`, its parent first (levels 1-4 only)."""
        return [d.code for d in self.gazetteer.ancestors(code) if d.code in self._key]

    def contains(self, ancestor: str, code: str) -> bool:
        return self.gazetteer.contains(ancestor, code)

    def prefecture(self, code: str) -> str:
        """The prefecture-level division a division lies in (itself at level 1-2; a
        municipality's districts lie directly in the municipality)."""
        if level_of(code) <= 2:
            return code
        up = self.ancestors(code)
        for division in up:
            if level_of(division) == 2:
                return division
        return up[-1] if up else code

    def keys_named(self, text: str) -> list[Key]:
        """Places a user may mean by `text`: an official or former name, or a short form
        (贵州 -> 贵州省, 宣武区 -> 西城区)."""
        found: dict[Key, None] = {}
        for division in (*self.gazetteer.by_name(text), *self.gazetteer.by_short(text)):
            code = division.successor if division.former else division.code
            if code in self._key:
                found.setdefault(self._key[code], None)
        return list(found)

    def resolve_region(self, text: str) -> list[str]:
        """Codes of the divisions (levels 1-3) `text` may name: a code or a name/short form."""
        text = text.strip()
        if text.isdigit():
            code = text.ljust(12, "0")
            return [code] if code in self._key else []
        return [c for key in self.keys_named(text) for c in self.codes(key) if level_of(c) <= 3]


_lock = threading.Lock()
_instance: Divisions | None = None


def load() -> Divisions:
    """The process-wide scanner index (about 0.3 s on first use, with the gazetteer)."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = Divisions(gazetteer.load())
    return _instance


def common_ancestor_level(a: str, b: str) -> int:
    """The deepest level (1-4) at which two codes share a division, 0 if none."""
    level = 0
    for lvl, digits in ((1, 2), (2, 4), (3, 6), (4, 9)):
        if a[:digits] != b[:digits] or level_of(a) < lvl or level_of(b) < lvl:
            break
        level = lvl
    return level


def sorted_codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(codes)))
