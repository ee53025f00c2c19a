"""Reading the development corpora in /work/shared/devdata and splitting them into tune / heldout.

Nothing here copies the data anywhere: every loader reads the licensed files in place and returns
plain Python objects. The split is deterministic so that "heldout" means the same texts on every
machine and every run: CLUENER dev and address test.txt are heldout, and cec / sogou articles go by
the first hex digit of sha1(title) (even -> tune).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

PARTS = ("heldout", "tune")
REPO = Path(__file__).resolve().parents[2]
CLUENER_TUNE_SAMPLE = 3000  # of 10,748 train sentences; keeps a full run within minutes


@dataclass
class Article:
    """One real news article, ready to be laid out on a page."""

    key: str  # "cec:<file stem>" or "sogou:<docno>"
    title: str
    paragraphs: list[str]
    date: str  # ISO date the article was published, "" when unknown
    date_line: str = ""  # cec: the real first line (publication date as printed)
    report_date: str = ""  # cec: date part of <ReportTime> in the annotated XML
    original_dateline: bool = False  # the first paragraph opens with its own 电/讯 dateline


@dataclass
class Sentence:
    """A CLUENER sentence with end-exclusive spans per label."""

    text: str
    spans: dict[str, list[tuple[int, int]]]


@dataclass
class Address:
    """One labelled address: the string and its (label, start, end) spans, end exclusive."""

    text: str
    spans: list[tuple[str, int, int]]


@dataclass
class LocatedParagraph:
    """A cec paragraph with its annotated <Location> spans (end exclusive)."""

    text: str
    locations: list[tuple[int, int]]


@dataclass
class Corpus:
    """Everything one part (tune or heldout) is measured on."""

    part: str
    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    located: list[LocatedParagraph] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # byline names (from CLUENER train)


def find_devdata(given: str | None) -> Path:
    """--devdata, else $VIEWER_DEVDATA, else ../shared/devdata beside the repository."""
    if given:
        return Path(given)
    if os.environ.get("VIEWER_DEVDATA"):
        return Path(os.environ["VIEWER_DEVDATA"])
    return REPO.parent / "shared" / "devdata"


def part_of(title: str) -> str:
    return (
        "tune"
        if int(hashlib.sha1(title.encode("utf-8")).hexdigest()[0], 16) % 2 == 0
        else "heldout"
    )


# -- dates and datelines ------------------------------------------------------------------------

_YMD = re.compile(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})")
_DMY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})")
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def parse_date(text: str) -> str:
    """ISO date of the first y-m-d (or d/m/y) date in `text`, "" if there is none."""
    text = text.translate(_FOLD)
    match = _YMD.search(text)
    if match:
        y, m, d = (int(g) for g in match.groups())
    else:
        match = _DMY.search(text)
        if not match:
            return ""
        d, m, y = (int(g) for g in match.groups())
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def opens_with_dateline(paragraph: str) -> bool:
    """The article's own dateline (`中新浙江网7月24日电`, `南都讯`, `据新民网信息：`): one of
    电/讯/报道/信息 in the first ~30 characters, before the first comma."""
    head = re.split(r"[，,]", paragraph[:30], maxsplit=1)[0]
    return any(word in head for word in ("电", "讯", "报道", "信息"))


# -- cec ----------------------------------------------------------------------------------------


def _report_dates(devdata: Path) -> dict[str, str]:
    """File stem -> date part of <ReportTime>, from the annotated XML."""
    out: dict[str, str] = {}
    for path in sorted((devdata / "cec" / "annotated_xml").glob("*/*.xml")):
        match = re.search(
            r"<ReportTime[^>]*>(.*?)</ReportTime>", path.read_text("utf-8", "replace")
        )
        if match and parse_date(match.group(1)):
            out[path.stem] = parse_date(match.group(1))
    return out


def load_cec(devdata: Path) -> list[Article]:
    report = _report_dates(devdata)
    out = []
    for path in sorted((devdata / "cec" / "raw_text").glob("*.txt")):
        text = path.read_text("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
        first, _, rest = text.partition("\n")
        paragraphs = [p.strip() for p in rest.split("\n") if p.strip()]
        if not paragraphs:
            continue
        out.append(
            Article(
                key=f"cec:{path.stem}",
                title=path.stem,
                paragraphs=paragraphs,
                date=parse_date(first),
                date_line=first.strip(),
                report_date=report.get(path.stem, ""),
                original_dateline=opens_with_dateline(paragraphs[0]),
            )
        )
    return out


def load_cec_locations(devdata: Path, titles: set[str]) -> list[LocatedParagraph]:
    """Paragraphs of the annotated cec files whose title is in `titles`, with Location spans.

    The XML is pretty-printed: a newline and the indentation around it are layout, not text."""
    out = []
    for path in sorted((devdata / "cec" / "annotated_xml").glob("*/*.xml")):
        if path.stem not in titles:
            continue
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        for para in root.iter("Paragraph"):
            pieces: list[str] = []
            spans: list[tuple[int, int]] = []
            _walk_xml(para, pieces, spans)
            text = "".join(pieces)
            if text.strip():
                out.append(LocatedParagraph(text, spans))
    return out


def _clean(piece: str | None) -> str:
    return re.sub(r"\s*\n\s*", "", piece or "")


def _walk_xml(node: ET.Element, pieces: list[str], spans: list[tuple[int, int]]) -> None:
    pieces.append(_clean(node.text))
    for child in node:
        start = sum(map(len, pieces))
        _walk_xml(child, pieces, spans)
        if child.tag == "Location":
            end = sum(map(len, pieces))
            if end > start:
                spans.append((start, end))
        pieces.append(_clean(child.tail))


# -- sogou --------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[。！？])(?![”’」』）)])")


def load_sogou(devdata: Path) -> list[Article]:
    """Usable sogou docs: non-empty content of at least 60 characters, a whole title.

    Their content is one line; it is cut into paragraphs of 2-4 sentences (seeded by docno) so it
    can be laid out like a printed article."""
    raw = (devdata / "sogoucs" / "news_sohusite_xml.smarty.dat").read_text("utf-8", "replace")
    out, seen = [], set()
    for doc in re.findall(r"<doc>(.*?)</doc>", raw, re.S):
        title = _tag(doc, "contenttitle").strip()
        content = _tag(doc, "content").strip()
        if (
            not title
            or title in seen
            or len(content) < 60
            or title.endswith(("．．．", "...", "："))
        ):
            continue
        seen.add(title)
        docno = _tag(doc, "docno").strip()
        url_date = re.search(r"/(20\d\d)(\d\d)(\d\d)/", _tag(doc, "url"))
        date = "-".join(url_date.groups()) if url_date else ""
        paragraphs = _paragraphs(content, random.Random(docno))
        out.append(
            Article(
                key=f"sogou:{docno}",
                title=title,
                paragraphs=paragraphs,
                date=date,
                original_dateline=opens_with_dateline(paragraphs[0]),
            )
        )
    return out


def _tag(doc: str, tag: str) -> str:
    match = re.search(f"<{tag}>(.*?)</{tag}>", doc, re.S)
    return match.group(1) if match else ""


def _paragraphs(content: str, rng: random.Random) -> list[str]:
    sentences = [s for s in _SENTENCE_END.split(content) if s.strip()]
    out = []
    while sentences:
        take = rng.randint(2, 4)
        out.append("".join(sentences[:take]).strip())
        sentences = sentences[take:]
    return out


# -- cluener ------------------------------------------------------------------------------------


def load_cluener(path: Path) -> list[Sentence]:
    """The file holds concatenated JSON objects (not one per line); spans are inclusive."""
    raw = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    out, pos = [], 0
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            return out
        obj, pos = decoder.raw_decode(raw, pos)
        out.append(cluener_sentence(obj))


def cluener_sentence(obj: dict) -> Sentence:
    """CLUENER's inclusive [start, end] spans -> end-exclusive (start, end + 1)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for label, entities in (obj.get("label") or {}).items():
        for ranges in entities.values():
            spans.setdefault(label, []).extend((s, e + 1) for s, e in ranges)
    return Sentence(obj["text"], spans)


def byline_names(sentences: list[Sentence]) -> list[str]:
    """Distinct 2-3 character Chinese `name` spans, in first-seen order."""
    seen: dict[str, None] = {}
    for s in sentences:
        for start, end in s.spans.get("name", []):
            name = s.text[start:end]
            if 2 <= len(name) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in name):
                seen.setdefault(name, None)
    return list(seen)


# -- addresses ----------------------------------------------------------------------------------


def load_addresses(path: Path) -> list[Address]:
    """BIO files: one token (usually a character, sometimes a run of digits) and its tag per
    line, a blank line between addresses. `_` stands for a space in the original."""
    out: list[Address] = []
    text, spans = "", []
    for line in [*path.read_text("utf-8").splitlines(), ""]:
        if not line.strip():
            if text:
                out.append(Address(text, spans))
            text, spans = "", []
            continue
        token, _, tag = line.rpartition(" ")
        token = " " if token == "_" else token
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not spans or spans[-1][0] != tag[2:])
        ):
            spans.append((tag[2:], len(text), len(text) + len(token)))
        elif tag.startswith("I-"):
            label, start, _end = spans[-1]
            spans[-1] = (label, start, len(text) + len(token))
        text += token
    return out


# -- one part -----------------------------------------------------------------------------------


def load_corpus(devdata: Path, part: str) -> Corpus:
    train = load_cluener(devdata / "cluener" / "train.json")
    articles = [a for a in load_cec(devdata) + load_sogou(devdata) if part_of(a.title) == part]
    cec_titles = {a.title for a in articles if a.key.startswith("cec:")}
    if part == "tune":
        sentences = random.Random("cluener-tune").sample(
            train, min(CLUENER_TUNE_SAMPLE, len(train))
        )
        addresses = load_addresses(devdata / "address" / "dev.txt")
    else:
        sentences = load_cluener(devdata / "cluener" / "dev.json")
        addresses = load_addresses(devdata / "address" / "test.txt")
    return Corpus(
        part=part,
        articles=articles,
        sentences=sentences,
        addresses=addresses,
        located=load_cec_locations(devdata, cec_titles),
        names=byline_names(train),
    )
