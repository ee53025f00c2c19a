"""The `newspaper` layout: real articles dressed the way printed local pages dress them.

Page header (furniture), kickers, subtitles, bylines at the top or bottom, datelines (with
full-width digits on some pages), photo captions, runs of headline-less briefs, letters, opinion
pieces, picture credits, weather tables and numbered lists. The column words, papers and cities
are our own; byline names come from CLUENER train. An article that opens with its own dateline
keeps it untouched and never gets a second one: those are real test data.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Iterator

from tests.eval.data import Article, Corpus
from tests.eval.pages import Item, Page, assemble, chunks, layout_rows

KICKERS = ("社会新闻", "本地", "民生", "法治在线", "城事", "身边事", "百姓关注", "区县传真", "聚焦")
BRIEF_KICKERS = ("简讯", "快讯", "新闻速递", "一周要闻")
SUBTITLES = (
    "记者实地探访",
    "相关部门回应市民关切",
    "一线直击",
    "专家解读",
    "事故原因正在调查中",
    "多部门联合处置",
    "来自基层的报告",
    "市民热议",
)
PAPERS = ("江城晚报", "北岭日报", "南湖都市报", "清河时报", "东陵商报", "西川晨报")
CITIES = ("兰州", "北京", "成都", "武汉", "长沙", "南昌", "合肥", "福州", "贵阳", "昆明")
CITIES += ("太原", "济南", "杭州", "南京", "西宁", "银川", "郑州", "沈阳", "哈尔滨", "南宁")
WEATHER = ("晴", "多云", "阴", "小雨", "阵雨", "雷阵雨", "晴转多云", "多云转阴")
WEATHER_HEADS = ("全省主要城市天气预报", "今日天气", "周末天气早知道")
FALLBACK_NAMES = ("林晓", "周文涛", "沈佳", "罗一鸣")

_FULL = str.maketrans("0123456789-", "０１２３４５６７８９－")
_CN = "〇一二三四五六七八九"
_SENTENCE = re.compile(r"[^。！？]+[。！？]")


def _cn_number(n: int) -> str:
    """1-31 in Chinese numerals as dates print them: 十, 十一, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")) + (
        _CN[ones] if ones else ""
    )


class _Page:
    """What is decided once per page: its date, header, digits and names."""

    def __init__(self, rng: random.Random, corpus: Corpus, group: list[Article]) -> None:
        self.rng = rng
        self.names = corpus.names or list(FALLBACK_NAMES)
        self.full_width = rng.random() < 0.4
        self.date = _page_date(rng, group)
        self.header = self._header() if rng.random() < 0.7 else []

    def digits(self, text: str) -> str:
        return text.translate(_FULL) if self.full_width else text

    def name(self) -> str:
        return self.rng.choice(self.names)

    def _header(self) -> list[str]:
        rng, d = self.rng, self.date
        weekday = "星期" + "一二三四五六日"[d.weekday()]
        sep = rng.choice(("　", " "))
        style = rng.randrange(3)
        if style == 0:
            date = self.digits(f"{d.year}年{d.month}月{d.day}日")
        elif style == 1:
            year = "".join(_CN[int(c)] for c in str(d.year))
            date = f"{year}年{_cn_number(d.month)}月{_cn_number(d.day)}日"
        else:
            date = f"{d.year}年{d.month}月{d.day}日"
        line = f"{date}{sep}{weekday}"
        label = rng.choice(("第{}版", "A{:02d}", "第{}版{}社会"))
        label = self.digits(label.format(rng.randint(2, 16), sep))
        paper = rng.choice(PAPERS)
        return rng.choice(
            (
                [line],
                [f"{paper}{sep}{line}"],
                [paper, f"{line}{sep}{label}"],
                [f"{line}{sep}{label}"],
            )
        )


def _page_date(rng: random.Random, group: list[Article]) -> datetime.date:
    for article in group:
        try:
            return datetime.date.fromisoformat(article.date)
        except ValueError:
            continue
    return datetime.date(2010, 1, 1) + datetime.timedelta(days=rng.randrange(1800))


# -- stories ------------------------------------------------------------------------------------


def _dateline(page: _Page, credited: bool) -> tuple[str, str, bool]:
    """(dateline, the date it states or "", whether it credits a reporter)."""
    rng = page.rng
    credit = "" if credited or rng.random() < 0.5 else f"（记者 {page.name()}）"
    if rng.random() < 0.3 and credit:
        credit = f"（记者{page.name()}）"
    if not page.header or rng.random() < 0.4:
        return "本报讯" + credit, "", bool(credit)
    # A dated dateline only where the page states the year: the day of the page or the day before.
    day = page.date - datetime.timedelta(days=rng.randint(0, 1))
    if day.year != page.date.year:
        day = page.date
    city = rng.choice(CITIES)
    md = page.digits(f"{day.month}月{day.day}日")
    head = f"本报{city}{md}讯" if rng.random() < 0.5 else f"新华社{city}{md}电"
    return head + credit, day.isoformat(), bool(credit)


def _bottom_byline(page: _Page, paragraphs: list[str]) -> None:
    rng = page.rng
    style = rng.randrange(4)
    if style == 0:
        paragraphs[-1] += f"（记者 {page.name()}）"
    elif style == 1:
        paragraphs[-1] += f"（{page.name()}）"
    elif style == 2:
        paragraphs.append(f"记者 {page.name()} 通讯员 {page.name()}")
    else:
        paragraphs.append(f"（记者 {page.name()}）")


def article_item(page: _Page, article: Article) -> Item:
    rng = page.rng
    head: list[str] = []
    kicker = rng.choice(KICKERS) if rng.random() < 0.25 else ""
    if kicker:
        head.append(kicker)
    head.append(article.title)
    if rng.random() < 0.2:
        head.append("——" + rng.choice(SUBTITLES))
    credited = not article.original_dateline and rng.random() < 0.2
    if credited:
        names = " ".join(page.name() for _ in range(rng.randint(1, 2)))
        head.append(rng.choice(("本报记者 ", "本报记者　", "记者 ")) + names)
    paragraphs = list(article.paragraphs)
    extra = rng.random()  # letter, opinion piece, numbered list, or nothing special
    # A letter or an opinion piece never carries a wire dateline.
    own = not article.original_dateline
    letter, opinion = own and extra < 0.04, own and 0.04 <= extra < 0.08
    date, basis = (page.date.isoformat(), "header") if page.header else ("", "unstated")
    if article.original_dateline:
        date, basis = "", "original-dateline"
    elif not (letter or opinion) and rng.random() < 0.45:
        dateline, stated, with_credit = _dateline(page, credited)
        paragraphs[0] = dateline + rng.choice(("　", " ", "")) + paragraphs[0]
        credited = credited or with_credit
        if stated:
            date, basis = stated, "dateline"
    if letter:
        paragraphs.insert(0, "编辑同志：")
    elif opinion:
        paragraphs.append(
            f"（作者为{rng.choice(CITIES)}{rng.choice(('', '师范', '理工'))}大学教授）"
        )
    if rng.random() < 0.04:
        paragraphs.insert(rng.randint(0, len(paragraphs) - 1), "图片：新华社")
    numbered = _number_last_paragraph(rng, paragraphs) if 0.08 <= extra < 0.13 else 0
    first = len(head) + len(paragraphs) - numbered  # the numbered run ends the text so far
    # Two bylines on a wire story with its own credited dateline would be odd.
    if not (credited or opinion or article.original_dateline) and rng.random() < 0.35:
        _bottom_byline(page, paragraphs)
    lines = head + paragraphs
    return Item(
        lines=lines,
        head=len(head),
        headline=article.title,
        kicker=kicker,
        date=date,
        date_basis=basis,
        source=article.key,
        runs=[(first, first + numbered)] if numbered else [],
    )


def _number_last_paragraph(rng: random.Random, paragraphs: list[str]) -> int:
    """A paragraph of three or more sentences becomes a numbered list, one line per sentence."""
    sentences = _SENTENCE.findall(paragraphs[-1])
    if len(sentences) < 3 or len(paragraphs) < 2:
        return 0
    mark = rng.choice(("{}．", "{}、", "（{}）"))
    paragraphs[-1:] = [mark.format(i + 1) + s for i, s in enumerate(sentences)]
    return len(sentences)


def _page_item(page: _Page, kind: str, **fields: str) -> Item:
    """An item that is dated by the page header alone."""
    date, basis = (page.date.isoformat(), "header") if page.header else ("", "unstated")
    return Item(lines=[], kind=kind, date=date, date_basis=basis, **fields)


def caption_item(page: _Page, article: Article) -> Item | None:
    """A photo caption: a short sentence of `article` and a photographer's credit."""
    sentences = [s for p in article.paragraphs[1:] for s in _SENTENCE.findall(p)]
    short = [s.strip() for s in sentences if 8 <= len(s.strip()) <= 40]
    if not short:
        return None
    text, credit = page.rng.choice(short), f"{page.name()} 摄"
    item = _page_item(page, "caption", source=article.key)
    item.head = 0
    item.lines = page.rng.choice(([text, credit], [f"{text}　{credit}"], [f"{text}（{credit}）"]))
    return item


def brief_items(page: _Page, articles: list[Article]) -> list[Item]:
    """A kicker line, then one headline-less paragraph per article (its first sentences)."""
    rng = page.rng
    kicker = rng.choice(BRIEF_KICKERS)
    items = []
    for article in articles:
        sentences = _SENTENCE.findall(article.paragraphs[0]) or [article.paragraphs[0]]
        text = "".join(sentences[: rng.randint(1, 2)])[:160]
        if article.original_dateline:
            text = "■" + text
        else:
            text = rng.choice(("■", "本报讯　", "本报讯 ")) + text
        item = _page_item(page, "brief", source=article.key)
        if article.original_dateline:
            item.date, item.date_basis = "", "original-dateline"
        item.head = 0
        item.lines = [text]
        items.append(item)
    items[0].lines.insert(0, kicker)
    items[0].head, items[0].kicker = 1, kicker
    return items


def weather_item(page: _Page) -> Item:
    rng = page.rng
    sep = rng.choice(("　", "  "))
    lines = []
    for city in rng.sample(CITIES, rng.randint(4, 7)):
        low = rng.randint(-5, 20)
        temps = page.digits(f"{low}℃～{low + rng.randint(4, 12)}℃")
        lines.append(f"{city}{sep}{rng.choice(WEATHER)}{sep}{temps}")
    headline = rng.choice(WEATHER_HEADS)
    item = _page_item(page, "table", headline=headline, source="synthetic:weather")
    item.lines = [headline, *lines]
    item.runs = [(1, len(item.lines))]
    return item


# -- pages --------------------------------------------------------------------------------------


def newspaper_pages(corpus: Corpus) -> Iterator[Page]:
    rng = random.Random(f"{corpus.part}:newspaper")
    for n, group in enumerate(chunks(corpus.articles, rng)):
        page = _Page(rng, corpus, group)
        pool = list(group)
        briefs = pool[-rng.randint(2, 3) :] if len(pool) >= 5 and rng.random() < 0.3 else []
        pool = pool[: len(pool) - len(briefs)]
        items = [article_item(page, a) for a in pool]
        if rng.random() < 0.3:
            at = rng.randrange(len(pool))
            caption = caption_item(page, pool[at])
            if caption:
                items.insert(at + rng.randint(0, 1), caption)
        if rng.random() < 0.1:
            items.insert(rng.randint(0, len(items)), weather_item(page))
        if briefs:
            at = rng.randint(1, len(items))
            items[at:at] = brief_items(page, briefs)
        style = rng.choice(("blank", "blank", "dense", "every"))
        rows = layout_rows(items, style, rng, page.header)
        yield assemble(
            rows,
            items,
            name=f"p{n:03d}",
            layout="newspaper",
            part=corpus.part,
            date=page.date.isoformat() if page.header else "",
        )
