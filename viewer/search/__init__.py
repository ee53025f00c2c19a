"""Full-text search over stories: the index (whoosh + jieba words + character bigrams), the
search box language, and snippets with highlights."""

from viewer.search.errors import QueryError
from viewer.search.index import IndexDoc, PreparedDoc, SearchIndex, prepare
from viewer.search.query import ParsedQuery, parse_query
from viewer.search.snippet import make_snippet

__all__ = [
    "IndexDoc",
    "ParsedQuery",
    "PreparedDoc",
    "QueryError",
    "SearchIndex",
    "make_snippet",
    "parse_query",
    "prepare",
]
