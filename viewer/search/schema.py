"""The whoosh schema and codec of the story index, and the field names the query builder uses.

Headline text (title, kicker, subtitle joined by newlines, which break bigram runs and word
phrases) and body text each get a word field and a bigram field. Nothing but the story id and
the revision is stored: the caller keeps the text in SQLite.

The text fields take their postings from `analysis.word_items` / `bigram_items` instead of a
Token stream, and also accept `Analysed` values computed beforehand (possibly in another
process, see `prepare`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from whoosh import fields
from whoosh.codec.whoosh3 import W3Codec

from viewer.search.analysis import (
    BigramTokenizer,
    PostingItem,
    WordTokenizer,
    bigram_items,
    word_items,
)

# Bump when the schema or the analysis changes: an index of another version is rebuilt empty.
SCHEMA_VERSION = 1
INDEX_PREFIX = "stories_v"
INDEX_NAME = f"{INDEX_PREFIX}{SCHEMA_VERSION}"

ID = "id"
REV = "rev"
HEAD_WORDS = "head_w"
HEAD_BIGRAMS = "head_b"
BODY_WORDS = "body_w"
BODY_BIGRAMS = "body_b"
KIND = "kind"
PLACES = "places"
DATE = "date"  # yyyymmdd as an int, only for dated stories
UNDATED_YEARS = "undated_years"  # years mentioned, only for undated stories


class Analysed(tuple):
    """A text field value already turned into posting items."""

    __slots__ = ()


class _PrebuiltText(fields.TEXT):
    """A TEXT field whose postings come from a function of the text (or an `Analysed` value)."""

    def _items(self, text: str) -> list[PostingItem]:
        raise NotImplementedError

    def index(self, value: object, **kwargs: object) -> Iterator[PostingItem]:
        if isinstance(value, Analysed):
            return iter(value)
        if isinstance(value, str):
            return iter(self._items(value))
        return super().index(value, **kwargs)


class WordText(_PrebuiltText):
    """jieba words with positions and character offsets (whoosh Characters format)."""

    def __init__(self) -> None:
        super().__init__(analyzer=WordTokenizer(), chars=True)

    def _items(self, text: str) -> list[PostingItem]:
        return word_items(text)


class BigramText(_PrebuiltText):
    """Character bigrams with positions (whoosh Positions format)."""

    def __init__(self) -> None:
        super().__init__(analyzer=BigramTokenizer(), phrase=True)

    def _items(self, text: str) -> list[PostingItem]:
        return bigram_items(text)


TEXT_FIELDS: dict[str, Callable[[str], list[PostingItem]]] = {
    HEAD_WORDS: word_items,
    HEAD_BIGRAMS: bigram_items,
    BODY_WORDS: word_items,
    BODY_BIGRAMS: bigram_items,
}


class StoryCodec(W3Codec):
    """whoosh's W3 codec without per-posting length statistics.

    Those statistics only serve length-normalised scoring's block bounds, which we do not use
    (see `scoring`); gathering them reads the length column once per posting and took about a
    third of every commit. Also a lighter zlib level (index size +4%, commits faster).
    """

    length_stats = False

    def __init__(self) -> None:
        super().__init__(compression=1)


def make_schema() -> fields.Schema:
    return fields.Schema(
        **{
            ID: fields.ID(unique=True, stored=True),
            REV: fields.STORED(),
            HEAD_WORDS: WordText(),
            HEAD_BIGRAMS: BigramText(),
            BODY_WORDS: WordText(),
            BODY_BIGRAMS: BigramText(),
            KIND: fields.ID(),
            PLACES: fields.KEYWORD(lowercase=False, commas=True, scorable=False),
            DATE: fields.NUMERIC(int, bits=32, signed=False, sortable=True),
            UNDATED_YEARS: fields.NUMERIC(int, bits=32, signed=False),
        }
    )
