"""Helper for the generic vocabulary lists of this package (role words, units, suffixes ...)."""

from __future__ import annotations


def word_list(text: str) -> list[str]:
    """Space-separated words -> list. Long vocabularies stay readable and easy to edit this way."""
    return text.split()
