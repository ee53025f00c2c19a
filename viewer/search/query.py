"""The search box language: text -> `ParsedQuery` (a boolean tree of literals plus filters).

Syntax (operators are separate tokens; everything else is a literal to find as typed):

* words separated by whitespace must all occur (AND);
* "a phrase" or “a phrase” is one literal, spaces included; a quote only opens a phrase at the
  start of a token, so text pasted from a story (社区“两委”干部) stays one literal;
* AND / OR / NOT and 与 / 或 / 非 (upper-case English only: "or" is a word); -word means NOT word;
* ( ) group, full-width （ ） too;
* place:NAME 地点:NAME, author:NAME 作者:NAME (a name the byline credits: 记者, 通讯员, 摄 ...),
  kind:brief 类型:简讯, from:2020 从:2020 to:2021-06 到:2021-06,
  date:2020..2021 日期:2020-10-15 (also 2020年10月, 2020/10/15; ranges with .. ~ 至),
  tag:NAME 标签:NAME (stories the user tagged so; case and width do not matter),
  note:TEXT 笔记:TEXT (stories whose note contains TEXT), is:bookmarked 是:书签.
  Filters always apply to the whole query, whatever OR they stand in; several places, authors or
  kinds, tags or note texts mean any of them; date bounds intersect. Unknown key:value is a
  literal. The tag, note and bookmark filters are the user's own, kept in the database: the
  caller resolves them to story ids (`has_story_filters`).

The parser is forgiving: a dangling operator, an unclosed quote or parenthesis or a stray ")"
is read the obvious way. It raises `QueryError` (a short Simplified Chinese message) only when
there is nothing sensible to search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.search.dates import DateRange, parse_date_range
from viewer.search.errors import QueryError
from viewer.text import fold, fold_keep_case, is_encodable, to_simplified

MAX_QUERY_CHARS = 1000
MAX_DEPTH = 40


@dataclass(frozen=True)
class Literal:
    """A string to find. `pieces` are its whitespace-separated parts, each found exactly."""

    text: str
    quoted: bool = False

    @property
    def pieces(self) -> list[str]:
        return self.text.split()


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Literal | And | Or | Not


@dataclass
class ParsedQuery:
    """A parsed search: `tree` (None when the query is filters only) and the filters."""

    tree: Node | None = None
    literals: list[str] = field(default_factory=list)  # positive literal pieces, for highlighting
    places: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # as `index.author_key` holds them
    kinds: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    tags: list[str] = field(default_factory=list)  # as typed; compared folded
    notes: list[str] = field(default_factory=list)  # folded
    bookmarked: bool = False

    @property
    def has_filters(self) -> bool:
        return bool(
            self.places
            or self.authors
            or self.kinds
            or self.date_from
            or self.date_to
            or self.has_story_filters
        )

    @property
    def has_story_filters(self) -> bool:
        """Filters on what the user attached to stories (tags, notes, bookmarks)."""
        return bool(self.tags or self.notes or self.bookmarked)


KIND_ALIASES = {
    "article": "article",
    "文章": "article",
    "报道": "article",
    "brief": "brief",
    "简讯": "brief",
    "消息": "brief",
    "caption": "caption",
    "图片": "caption",
    "图说": "caption",
    "图片说明": "caption",
    "ad": "ad",
    "广告": "ad",
    "column": "column",
    "专栏": "column",
    "栏目": "column",
}
KIND_HELP = "article(文章)、brief(简讯)、caption(图片说明)、ad(广告)、column(专栏)"
IS_ALIASES = {"bookmarked": "bookmarked", "bookmark": "bookmarked", "书签": "bookmarked"}

FILTER_KEYS = {
    "place": "place",
    "地点": "place",
    "author": "author",
    "作者": "author",
    "kind": "kind",
    "类型": "kind",
    "from": "from",
    "从": "from",
    "to": "to",
    "到": "to",
    "date": "date",
    "日期": "date",
    "tag": "tag",
    "标签": "tag",
    "note": "note",
    "笔记": "note",
    "is": "is",
    "是": "is",
}
# Why a filter word is incomplete, by filter: what is missing after "key:".
MISSING_VALUE = {
    "place": "“{key}:”后面缺少地名",
    "author": "“{key}:”后面缺少人名",
    "kind": "“{key}:”后面缺少类型",
    "from": "“{key}:”后面缺少日期",
    "to": "“{key}:”后面缺少日期",
    "date": "“{key}:”后面缺少日期",
    "tag": "“{key}:”后面缺少标签",
    "note": "“{key}:”后面缺少笔记里要找的文字",
    "is": "“{key}:”后面缺少条件，可用：bookmarked(书签)",
}
# The user's own marks (see `ParsedQuery.has_story_filters`).
STORY_FILTERS = ("tag", "note", "is")
FILTER_RE = re.compile(r"^([^:]+):(.*)$", re.S)

OPERATORS = {"AND": "AND", "与": "AND", "&&": "AND", "OR": "OR", "或": "OR", "||": "OR"}
OPERATORS |= {"NOT": "NOT", "非": "NOT"}
QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』"}
# fold_keep_case has already turned full-width brackets into these.
GROUP_CHARS = "()"


@dataclass
class _Token:
    kind: str  # WORD PHRASE FILTER AND OR NOT ( )
    text: str = ""
    key: str = ""  # FILTER only


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """The phrase opened by the quote at `start` and the index after its closing quote."""
    closer = QUOTES[text[start]]
    end = text.find(closer, start + 1)
    if end < 0:  # unclosed: the phrase runs to the end
        return text[start + 1 :], len(text)
    return text[start + 1 : end], end + 1


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in GROUP_CHARS:
            tokens.append(_Token(char))
            i += 1
        elif char in QUOTES:
            phrase, i = _read_quoted(text, i)
            tokens.append(_Token("PHRASE", phrase))
        elif char == "-":
            # -word / -"phrase" / -( means NOT; a lone dash means nothing
            if i + 1 < n and not text[i + 1].isspace() and text[i + 1] != "-":
                tokens.append(_Token("NOT"))
            i += 1
        else:
            start = i
            while i < n and not text[i].isspace() and text[i] not in GROUP_CHARS:
                i += 1
            word = text[start:i]
            i = _classify_word(word, text, i, tokens)
    return tokens


def _classify_word(word: str, text: str, i: int, tokens: list[_Token]) -> int:
    """Append the token for `word` (ending at `i`); return where reading continues."""
    operator = OPERATORS.get(word)
    if operator:
        tokens.append(_Token(operator))
        return i
    match = FILTER_RE.match(word)
    key = FILTER_KEYS.get(match.group(1).lower()) if match else None
    if match is None or key is None:
        tokens.append(_Token("WORD", word))
        return i
    value = match.group(2)
    if not value and i < len(text) and text[i] in QUOTES:
        value, i = _read_quoted(text, i)
    elif value and value[0] in QUOTES:
        # place:"two words": read the quoted value again from the raw text, spaces and all
        value, i = _read_quoted(text, i - len(value))
    value = value.strip()
    if not value:
        raise QueryError(MISSING_VALUE[key], key=match.group(1))
    tokens.append(_Token("FILTER", value, key))
    return i


class _Parser:
    """Recursive descent over the tokens; collects filters on the side."""

    def __init__(self, tokens: list[_Token], out: ParsedQuery) -> None:
        self.tokens = tokens
        self.pos = 0
        self.out = out
        self.ranges: list[DateRange] = []

    def peek(self) -> str | None:
        return self.tokens[self.pos].kind if self.pos < len(self.tokens) else None

    def parse(self) -> Node | None:
        parts: list[Node] = []
        while self.pos < len(self.tokens):
            if self.peek() == ")":  # stray closing parenthesis
                self.pos += 1
                continue
            node = self.parse_or(0, False)
            if node is not None:
                parts.append(node)
        return _join(And, parts)

    def parse_or(self, depth: int, negated: bool) -> Node | None:
        if depth > MAX_DEPTH:
            raise QueryError("括号嵌套太深")
        branches: list[Node] = []
        while True:
            node = self.parse_and(depth, negated)
            if node is not None:
                branches.append(node)
            if self.peek() != "OR":
                break
            self.pos += 1  # a dangling OR simply ends the list
        return _join(Or, branches)

    def parse_and(self, depth: int, negated: bool) -> Node | None:
        items: list[Node] = []
        while (kind := self.peek()) not in (None, "OR", ")"):
            if kind == "AND":
                self.pos += 1
                continue
            node = self.parse_unary(depth, negated)
            if node is not None:
                items.append(node)
        return _join(And, items)

    def parse_unary(self, depth: int, negated: bool) -> Node | None:
        if self.peek() != "NOT":
            return self.parse_atom(depth, negated)
        self.pos += 1
        if self.peek() in (None, "OR", ")", "AND"):
            return None  # dangling NOT
        node = self.parse_unary(depth + 1, not negated)
        if node is None:
            return None
        return node.item if isinstance(node, Not) else Not(node)

    def parse_atom(self, depth: int, negated: bool) -> Node | None:
        token = self.tokens[self.pos]
        self.pos += 1
        if token.kind == "(":
            node = self.parse_or(depth + 1, negated)
            if self.peek() == ")":
                self.pos += 1
            return node
        if token.kind == "FILTER":
            if negated and token.key in STORY_FILTERS:
                raise QueryError("标签、笔记、书签条件不能排除（不能用 NOT 或 -）")
            if negated:
                raise QueryError("地点、作者、类型、日期条件不能排除（不能用 NOT 或 -）")
            self.add_filter(token.key, token.text)
            return None
        text = token.text.strip()
        if not text:
            return None
        return Literal(text, quoted=token.kind == "PHRASE")

    def add_filter(self, key: str, value: str) -> None:
        if key == "place":
            if value not in self.out.places:
                self.out.places.append(value)
        elif key == "author":
            # as `index.author_key` (`search_fold`): 王 芳 is 王芳, 陳 is 陈
            name = "".join(to_simplified(fold(value)).split())
            if name not in self.out.authors:
                self.out.authors.append(name)
        elif key == "kind":
            kind = KIND_ALIASES.get(value.lower())
            if kind is None:
                raise QueryError("没有“{value}”这种类型，可用：" + KIND_HELP, value=value)
            if kind not in self.out.kinds:
                self.out.kinds.append(kind)
        elif key == "tag":
            if value not in self.out.tags:
                self.out.tags.append(value)
        elif key == "note":
            if fold(value) not in self.out.notes:
                self.out.notes.append(fold(value))
        elif key == "is":
            if IS_ALIASES.get(value.lower()) is None:
                raise QueryError("没有“{value}”这种条件，可用：bookmarked(书签)", value=value)
            self.out.bookmarked = True
        else:
            self.ranges.append(parse_date_range(key, value))


def _join(cls: type[And] | type[Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    flat: list[Node] = []
    for item in items:
        flat.extend(item.items if isinstance(item, cls) else (item,))
    return cls(tuple(flat))


def _positive_literals(node: Node | None, negated: bool, out: list[str]) -> None:
    if node is None:
        return
    if isinstance(node, Literal):
        if not negated:
            out.extend(piece for piece in node.pieces if piece not in out)
    elif isinstance(node, Not):
        _positive_literals(node.item, not negated, out)
    else:
        for item in node.items:
            _positive_literals(item, negated, out)


def parse_query(text: str) -> ParsedQuery:
    """Parse the search box text; raises QueryError only when nothing sensible can be searched."""
    if not isinstance(text, str):
        raise QueryError("请输入要搜索的内容")
    if not is_encodable(text):
        raise QueryError("搜索内容里有无法识别的字符")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError("搜索内容太长（最多 {limit} 个字）", limit=MAX_QUERY_CHARS)
    out = ParsedQuery()
    parser = _Parser(_tokenize(fold_keep_case(text)), out)
    out.tree = parser.parse()
    if parser.ranges:
        merged = DateRange.intersect(parser.ranges)
        out.date_from, out.date_to = merged.start, merged.end
    _positive_literals(out.tree, False, out.literals)
    if out.tree is None and not out.has_filters:
        raise QueryError("请输入要搜索的内容")
    if not out.literals and not out.has_filters:
        raise QueryError("只有排除的词：请再加一个要查找的词或筛选条件")
    return out
