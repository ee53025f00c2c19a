"""Plain data passed between the core packages: no behaviour, no I/O, no Qt.

Offsets are always Python string indexes (code points). `source_start/source_end` index the decoded
source file; fact and place offsets index the story's cleaned `body`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A newspaper page is 10-60 KB of text and a whole day's issue in one file under 1 MB. The cap
# bounds what one file costs: analysing and importing a page takes about 8 s and 100 MB of
# memory per MB of text (measured on 1-4 MB pages of cec articles, 2 cores), so 4 MB stays under
# a minute and a gigabyte while a 19 MB file took 6 minutes and 2.5 GB. (Here rather than in
# viewer.ingest so the window can name it without loading the page reading.)
MAX_BYTES: int = 4 * 1024 * 1024
STORY_KINDS = ("article", "brief", "caption", "ad", "column")
FACT_KINDS = ("person", "organization", "place", "date", "money", "quantity", "percent", "phone")
PLACE_KINDS = (
    "province",  # 省, 自治区, 直辖市, 特别行政区
    "city",  # 市 (a prefecture, or a county-level city: the level tells them apart)
    "district",  # 区
    "county",  # 县, 旗
    "street",  # 街道
    "town",  # 镇
    "township",  # 乡, 苏木
    "community",  # 社区
    "village",  # 村
)
# How far down the tree a kind sits, for places the gazetteer does not know (communities and
# villages); a division's gazetteer level ranks it (义乌市 is a city inside the city 金华市).
PLACE_RANK = {
    "province": 0,
    "city": 1,
    "district": 2,
    "county": 2,
    "street": 3,
    "town": 3,
    "township": 3,
    "community": 4,
    "village": 4,
}
# The gazetteer level a place of each kind has when it is not in the gazetteer.
LEVEL_BY_KIND = {"province": 1, "city": 2, "district": 3, "county": 3, "street": 4, "town": 4}
LEVEL_BY_KIND.update({"township": 4, "community": 5, "village": 5})


@dataclass(frozen=True)
class Credit:
    """A person (or desk) credited in a byline: `记者 李晓霞` -> Credit("李晓霞", "记者")."""

    name: str
    role: str = ""


@dataclass
class PageMeta:
    """What is known about a page besides its text (sidecar JSON or file name)."""

    source: str = ""  # newspaper name, e.g. 某某日报
    date: str = ""  # ISO date YYYY-MM-DD, or "" when unknown
    page: str = ""  # page label, e.g. A03


@dataclass
class ParsedStory:
    """One story cut out of a page by ingest. `body` is the cleaned reading text."""

    seq: int  # 0-based position on the page
    kind: str  # one of STORY_KINDS
    kicker: str  # column name / kicker above the headline, "" if none
    title: str  # headline, "" for headline-less items (captions, briefs)
    subtitle: str  # e.g. the line starting with ——, without the dashes
    subheads: list[str]  # section heads inside the story; each is also a paragraph of `body`
    byline: str  # the byline as printed (several joined with " "), "" if none
    credits: list[Credit]
    body: str  # paragraphs joined by "\n"; OCR joins applied, duplicates removed
    source_start: int  # this story's slice of the decoded file: text[source_start:source_end]
    source_end: int
    hidden: list[str] = field(default_factory=list)  # OCR-duplicated sentences kept out of body
    date: str = ""  # ISO date the story's own dateline states (本报北京1月1日讯), "" if none


@dataclass
class ParsedPage:
    """A decoded page file split into stories. The stories' source slices tile the whole text."""

    path: str
    sha256: str  # of the raw bytes
    encoding: str  # codec the bytes were decoded with
    text: str  # decoded text (newlines normalised to \n)
    meta: PageMeta
    years: list[int]  # years the text mentions (2020年, ２０２０年, 二〇二〇年)
    stories: list[ParsedStory]
    # Caveats the user must hear although the page was read (codes: "truncated", the file ended
    # inside a character, which was left out).
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text, with offsets into that text; `text[start:end]` is how the text
    writes it (北京), `name` the place's canonical name (北京市)."""

    name: str  # official name with suffix (北京市, 西城区 for 宣武区), or 某某社区 / 某某村
    kind: str  # one of PLACE_KINDS
    start: int
    end: int
    # (name, kind) of the enclosing place when the text states it right before: "甲街道乙社区".
    parent: tuple[str, str] | None = None
    # Gazetteer codes the mention may stand for (12 digits; several for 朝阳区 or 城关镇);
    # empty for a community or village the gazetteer was not asked about (unverified).
    codes: tuple[str, ...] = ()
    level: int = 0  # gazetteer level 1-5; 0 = from the kind (LEVEL_BY_KIND)

    def __post_init__(self) -> None:
        if not self.level:
            object.__setattr__(self, "level", LEVEL_BY_KIND.get(self.kind, 5))


@dataclass(frozen=True)
class PlaceLink:
    """Evidence that `child` lies inside `parent`, and how strong it is."""

    child: tuple[str, str]  # (name, kind)
    parent: tuple[str, str]
    weight: int  # adjacency in text is strong (10); page context is weak (1)
    reason: str  # "code" | "adjacent" | "page"
    # For "code": the division the page says `child` is (its gazetteer code); `parent` is then
    # that division's parent.
    code: str = ""
    # When `weight` sums several pieces of the same evidence (the archive's links, summed per
    # child, parent, reason and code): the strongest single piece. 0: `weight` is one piece.
    strongest: int = 0


@dataclass
class Fact:
    """A fact pulled out of a story body. `text == body[start:end]` unless start is None
    (a person known only from the byline)."""

    kind: str  # one of FACT_KINDS
    text: str
    start: int | None
    end: int | None
    value: float | None = None  # yuan for money, 8.1 for 8.1%, 3100 for 3100户
    unit: str = ""  # 元, %, 户, 人, 平方米 ...
    label: str = ""  # person: role (党支部书记); quantity: what it counts (直管党员); place: kind
    norm: str = ""  # normalised form: ISO-ish date, phone digits, person name


@dataclass
class Hit:
    """One search result as the index sees it; the archive adds title, places and date."""

    story_id: int
    score: float


@dataclass(frozen=True)
class StoryPlaceRef:
    """A story's link to a place: how often it is named and whether the story is about it."""

    name: str
    kind: str
    count: int
    about: bool
    first: int | None  # first offset in the body, None if only in the heading


@dataclass
class StoryRecord:
    """A story with everything derived from it, ready to be stored."""

    story: ParsedStory
    facts: list[Fact]
    places: list[StoryPlaceRef]
    years: list[int]  # years the story's own text mentions


@dataclass
class PageRecord:
    """The result of analysing one page file: what the single writer stores in one transaction."""

    page: ParsedPage
    size: int
    stories: list[StoryRecord]
    links: list[PlaceLink]


# -- a place's profile (viewer.profile gathers it) ----------------------------------------


@dataclass(frozen=True)
class ProfileItem:
    """One figure from one story: 3100户, 52名 直管党员, 120万元 资金."""

    text: str  # as printed
    label: str  # what it counts ("" when the text does not say)
    value: float | None
    unit: str
    story_id: int
    story_label: str


@dataclass(frozen=True)
class NamedEntry:
    """A person or organization named in the place's stories, once per name."""

    name: str
    roles: tuple[str, ...]  # distinct roles in order of first mention; empty for organizations
    story_id: int  # the first story naming it
    story_label: str
    story_ids: tuple[int, ...]  # every story naming it


@dataclass
class PlaceProfile:
    name: str
    kind: str  # place kind (community, street, city ...), "" when unknown
    story_count: int
    # (year, stories) ascending; a story counts once, under its date's year, else under the
    # smallest year its text mentions; stories with neither are only in `undated`.
    timeline: list[tuple[int, int]] = field(default_factory=list)
    undated: int = 0
    households: list[ProfileItem] = field(default_factory=list)
    residents: list[ProfileItem] = field(default_factory=list)
    party_members: list[ProfileItem] = field(default_factory=list)
    money: list[ProfileItem] = field(default_factory=list)
    money_total: float = 0.0  # yuan, the sum of `money`
    facilities: list[ProfileItem] = field(default_factory=list)
    people: list[NamedEntry] = field(default_factory=list)
    organizations: list[NamedEntry] = field(default_factory=list)
