"""The one error the search package raises on purpose."""

from __future__ import annotations


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in short Simplified Chinese."""
