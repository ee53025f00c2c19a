"""Character-level text normalisation shared by ingest, facts, places and search.

`fold` never changes the length of a string, so an offset found in folded text is valid in the
original text too. That is what lets search highlight and facts point into the stored body.
"""

from __future__ import annotations

import re

# Full-width ASCII (U+FF01..U+FF5E) -> ASCII, ideographic space -> space. Others stay as they are:
# NFKC would also turn ㎡ into "m2" or ① into "1", which changes lengths.
_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE[0x3000] = 0x20
# Dashes and dots that OCR and CMS exports use interchangeably.
_FOLD_TABLE[0xFF0E] = ord(".")

CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    """Full-width forms to half-width and ASCII to lower case, keeping every offset."""
    return text.translate(_FOLD_TABLE).lower()


def fold_keep_case(text: str) -> str:
    """Like `fold` but keeps letter case (for display and names)."""
    return text.translate(_FOLD_TABLE)


def is_cjk(char: str) -> bool:
    return bool(CJK_RE.match(char))
