"""Benchmark pages from real news: cec and sogoucs articles with new names, places and numbers.

Every story starts from a real article of ../shared/devdata (read in place, never copied into the
repository; the pages go to a temporary folder). Each copy gets other real county and town names
(from our gazetteer), other numbers, months and days, its own byline names (from CLUENER train) and
a length drawn around 750 characters (300-3,000; short articles are joined with the next
paragraphs of another, long ones cut at a paragraph or sentence end), so no two stories are alike.
Pages hold several stories under a page header, as printed: headline, blank line, paragraphs
separated by blank lines, the byline at the top (a dateline) or the bottom, two blank lines
between stories.

`generate` also returns the story texts (for the FTS5 peer and the substring scan) and a fixed
query set drawn from the generated text: two-character words, person and place names, long words,
two-word AND, quoted phrases, and no-hit queries verified absent from every page.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.eval.data import Article, byline_names, load_cec, load_cluener, load_sogou
from viewer.places import gazetteer
from viewer.text import search_fold

MIN_CHARS, MAX_CHARS, MEAN_CHARS = 300, 3000, 750
QUERY_KINDS = ("two-char", "name", "long-word", "and", "phrase", "no-hit")
QUERIES_PER_KIND = 10
PAPERS = ("江城晚报", "北岭日报", "南湖都市报", "清河时报", "东陵商报", "西川晨报")
SECTIONS = ("社会新闻", "本地", "民生", "城事", "区县传真", "法治在线")
# Place names are swapped only when the whole candidate is a real division name of this kind.
PLACE_SUFFIXES = ("县", "市", "区", "镇", "乡")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}[县市区镇乡]")
_NUMBER = re.compile(r"[0-9０-９]+(?=([年月日时点号岁名人户万元辆多余]?))")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_SENTENCE_END = re.compile(r"(?<=[。！？])")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass
class Story:
    title: str
    paragraphs: list[str]  # the byline or dateline included, as printed
    page: str  # file name of its page

    @property
    def text(self) -> str:
        return "\n".join([self.title, *self.paragraphs])


@dataclass
class Query:
    text: str  # as typed into our search box
    kind: str  # one of QUERY_KINDS

    @property
    def pieces(self) -> list[str]:
        """Whitespace-separated parts, unquoted and folded: each must occur in a hit."""
        return search_fold(self.text.replace('"', " ")).split()


@dataclass
class BenchCorpus:
    folder: Path
    files: list[Path]
    stories: list[Story]
    queries: list[Query] = field(default_factory=list)
    person_names: list[str] = field(default_factory=list)  # used in bylines

    @property
    def chars(self) -> int:
        """Characters of the page files, the import's input."""
        return sum(len(p.read_text("utf-8")) for p in self.files)


def devdata_articles(devdata: Path) -> list[Article] | None:
    """Every usable cec and sogoucs article, or None when the data is not there."""
    if not (devdata / "cec" / "raw_text").is_dir() or not (devdata / "sogoucs").is_dir():
        return None
    return [a for a in load_cec(devdata) + load_sogou(devdata) if a.paragraphs]


class _Variations:
    """Swaps names, places and numbers of one article text for others, from one seeded rng."""

    def __init__(self, rng: random.Random, people: list[str]) -> None:
        self.rng = rng
        self.people = people
        gaz = gazetteer.load()
        self.places = {suffix: gaz.names_by_suffix(suffix) for suffix in PLACE_SUFFIXES}
        self.place_set = {name for names in self.places.values() for name in names}
        self.used_places: dict[str, None] = {}

    def person(self) -> str:
        return self.rng.choice(self.people)

    def _place(self, match: re.Match) -> str:
        found = match.group(0)
        for start in range(len(found) - 2):  # longest candidate first, at least two characters
            if found[start:] in self.place_set:
                new = self.rng.choice(self.places[found[-1]])
                self.used_places[new] = None
                return found[:start] + new
        return found

    def _number(self, match: re.Match) -> str:
        digits, unit = match.group(0), match.group(1)
        full = digits[0] in "０１２３４５６７８９"
        rng = self.rng
        if unit == "年" and len(digits) == 4:
            new = str(rng.randint(1998, 2024))
        elif unit == "月":
            new = str(rng.randint(1, 12))
        elif unit == "日" or unit == "号":
            new = str(rng.randint(1, 28))
        elif unit in ("时", "点"):
            new = str(rng.randint(0, 23))
        else:
            first = "0" if len(digits) > 1 and digits[0] in "0０" else str(rng.randint(1, 9))
            new = first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
            if unit in ("多", "余") and len(new) > 1:  # "20多人": a round number
                new = new[:-1] + "0"
        return new.translate(_FULL) if full else new

    def vary(self, text: str) -> str:
        return _NUMBER.sub(self._number, _PLACE.sub(self._place, text))


def _target_length(rng: random.Random) -> int:
    """Lognormal around MEAN_CHARS (sigma 0.55: the median is ~0.86 of the mean), clipped."""
    sigma = 0.55
    mu = math.log(MEAN_CHARS - 60) - sigma * sigma / 2  # the cut overshoots a little
    return int(min(MAX_CHARS, max(MIN_CHARS, rng.lognormvariate(mu, sigma))))


def _cut(paragraphs: list[str], target: int) -> list[str]:
    """Whole paragraphs up to about `target` characters; the last one cut at a sentence end
    when it would run past MAX_CHARS."""
    out, total = [], 0
    for para in paragraphs:
        # Stop at the paragraph end nearest the target (past MIN_CHARS).
        if total >= MIN_CHARS and total + len(para) - target > target - total:
            break
        if total + len(para) > MAX_CHARS - 120:
            sentences = [s for s in _SENTENCE_END.split(para) if s]
            kept = ""
            for sentence in sentences:
                if total + len(kept) + len(sentence) > MAX_CHARS - 120:
                    break
                kept += sentence
            if kept:
                out.append(kept)
            break
        out.append(para)
        total += len(para)
    return out


def _story(
    index: int, articles: list[Article], var: _Variations, rng: random.Random, page: str
) -> Story:
    article = articles[index % len(articles)]
    target = _target_length(rng)
    paragraphs = list(article.paragraphs)
    while sum(map(len, paragraphs)) < max(target, MIN_CHARS + 60):
        paragraphs += rng.choice(articles).paragraphs  # join: the story goes on with another
    paragraphs = [var.vary(p) for p in _cut(paragraphs, target)]
    title = var.vary(article.title)
    reporter, correspondent = var.person(), var.person()
    if not article.original_dateline and rng.random() < 0.6:
        paragraphs[0] = f"本报讯（记者 {reporter} 通讯员 {correspondent}）" + paragraphs[0]
    else:
        paragraphs.append(f"（记者 {reporter}）")
    return Story(title, paragraphs, page)


def _page_text(stories: list[Story], rng: random.Random) -> str:
    year, month, day = rng.randint(2003, 2024), rng.randint(1, 12), rng.randint(1, 28)
    number = rng.randint(1, 24)
    header = (
        f"{rng.choice(PAPERS)}　{year}年{month}月{day}日　第{number:02d}版　{rng.choice(SECTIONS)}"
    )
    lines = [header, ""]
    for story in stories:
        lines += [story.title, ""]
        for para in story.paragraphs:
            lines += [para, ""]
        lines.append("")
    return "\n".join(lines)


def generate(
    devdata: Path, folder: Path, count: int, *, seed: int = 1, per_page: tuple[int, int] = (4, 8)
) -> BenchCorpus | None:
    """Write pages holding `count` stories into `folder`; None when devdata is missing."""
    articles = devdata_articles(devdata)
    if not articles:
        return None
    rng = random.Random(seed)
    rng.shuffle(articles)  # loaded in title order: a page would hold five Yunnan earthquakes
    train = devdata / "cluener" / "train.json"
    people = byline_names(load_cluener(train)) if train.is_file() else []
    people = people or ["林晓", "周文涛", "沈佳", "罗一鸣"]
    var = _Variations(rng, people)
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    stories: list[Story] = []
    seen: set[str] = set()
    index = 0
    while len(stories) < count:
        name = f"page_{len(files):06d}.txt"
        page: list[Story] = []
        for _ in range(min(rng.randint(*per_page), count - len(stories))):
            story = _story(index, articles, var, rng, name)
            index += 1
            if story.text in seen:  # practically never: numbers and names differ
                continue
            seen.add(story.text)
            page.append(story)
        path = folder / name
        path.write_text(_page_text(page, rng), "utf-8")
        files.append(path)
        stories += page
    corpus = BenchCorpus(folder, files, stories)
    corpus.person_names = list(dict.fromkeys(w for s in stories for w in _byline_people(s)))
    corpus.queries = make_queries(corpus, list(var.used_places), random.Random(seed + 1))
    return corpus


_BYLINE = re.compile(r"(?:记者|通讯员) ([\u4e00-\u9fff]{2,3})")


def _byline_people(story: Story) -> list[str]:
    return _BYLINE.findall(story.paragraphs[0] + story.paragraphs[-1])


# -- the query set ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    import jieba  # only here: the generator itself needs no segmenter

    jieba.setLogLevel(60)
    return [w for w in jieba.lcut(text) if _CJK.match(w)]


def make_queries(corpus: BenchCorpus, places: list[str], rng: random.Random) -> list[Query]:
    """QUERIES_PER_KIND queries of every kind, drawn from the stories; no-hit ones verified
    absent from every page file (folded, as our search folds)."""
    stories = corpus.stories
    sample = [stories[i] for i in sorted(rng.sample(range(len(stories)), min(40, len(stories))))]
    words = [w for s in sample for w in _words(s.text)]
    two = list(dict.fromkeys(w for w in words if len(w) == 2))
    long = list(dict.fromkeys(w for w in words if len(w) >= 4))
    out: list[Query] = []

    def take(kind: str, pool: list[str]) -> None:
        for text in rng.sample(pool, min(QUERIES_PER_KIND, len(pool))):
            out.append(Query(text, kind))

    take("two-char", two)
    names = rng.sample(corpus.person_names, min(5, len(corpus.person_names)))
    names += rng.sample(places, min(QUERIES_PER_KIND - len(names), len(places)))
    out += [Query(n, "name") for n in names]
    take("long-word", long)
    pairs = []
    for story in sample:
        own = list(dict.fromkeys(w for w in _words(story.text) if len(w) >= 2))
        if len(own) >= 2:
            first, second = rng.sample(own, 2)
            pairs.append(f"{first} {second}")
    take("and", pairs)
    phrases = []
    for story in sample:
        body = max(story.paragraphs, key=len)
        runs = [r for r in re.findall(r"[\u4e00-\u9fff]{6,}", body)]
        if runs:
            run = rng.choice(runs)
            size = min(len(run), rng.randint(6, 10))
            start = rng.randrange(len(run) - size + 1)
            phrases.append(f'"{run[start : start + size]}"')
    take("phrase", phrases)
    everything = "\n".join(search_fold(p.read_text("utf-8")) for p in corpus.files)
    absent = []
    while len(absent) < QUERIES_PER_KIND:
        text = rng.choice(two) + rng.choice(two)
        if search_fold(text) not in everything and text not in absent:
            absent.append(text)
    out += [Query(text, "no-hit") for text in absent]
    return out


def scan(texts: list[str], query: Query) -> list[int]:
    """Indexes of the texts (already folded) holding every piece of the query: grep's answer."""
    pieces = query.pieces
    return [i for i, text in enumerate(texts) if all(p in text for p in pieces)]
