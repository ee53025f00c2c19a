"""The printed text around the places where ingest cut a line of the page apart.

Ingest takes a dateline off the paragraph it opens (`本报讯（记者 张三）近日，…`) and a byline off
the paragraph it ends (`…的步伐。记者 李四`), so the story's byline and body no longer hold the
characters on both sides of the cut together. A search for `）近日` or `。记者` would then miss a
story a grep of the page finds. The few characters around each cut are indexed with the story
(`joints`), which is all a query that spans a cut needs, at a fraction of indexing the lines whole.

Pure functions of a story's source slice and its texts, so the import (from the parsed page) and a
rebuild of the index (from the stored page) compute the same joints.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.text import fold

# Characters kept on each side of a cut: a query of up to REACH + 1 characters across it is found.
REACH = 7
# A story has a dateline and a byline or two; past this many cut lines (a huge story of OCR
# repeats) the rest go without joints, so the searches for pieces stay a bounded cost.
MAX_CUT_LINES = 64


def joints(original: str, visible: Sequence[str], hidden: Sequence[str] = ()) -> list[str]:
    """The text within REACH characters of each cut, for each line of `original` (a story's
    source slice) that the `visible` texts (headline, byline, body ...) do not hold whole but
    hold entirely in pieces. A line with a letter that is in none of them is page furniture
    (the page header), not a cut line: it gives nothing. The `hidden` sentences (OCR repeats
    kept out of the body) are taken out of the lines first, as breaks. Folded, in page order."""
    seen = "\n".join(fold(text) for text in visible if text)
    paragraphs = {line.strip() for line in seen.split("\n")}  # most lines: found without a scan
    printed = fold(original)
    for sentence in hidden:
        if sentence:
            printed = printed.replace(fold(sentence), "\n")
    out: list[str] = []
    cut_lines = 0
    for line in printed.split("\n"):
        line = line.strip()
        if len(line) < 2 or line in paragraphs or line in seen:
            continue
        cuts = _cuts(line, seen)
        out += [line[max(0, cut - REACH) : cut + REACH] for cut in cuts]
        cut_lines += bool(cuts)
        if cut_lines >= MAX_CUT_LINES:
            break
    return out


def _cuts(line: str, seen: str) -> list[int]:
    """Where `line` breaks into the longest pieces `seen` holds, whitespace aside (a query never
    spans whitespace); [] when some letter or digit of it is not in `seen` at all."""
    cuts: list[int] = []
    start, size = 0, len(line)
    while start < size:
        if line[start].isspace():
            start += 1
            continue
        if line[start] not in seen:
            if line[start].isalnum():
                return []
            # Punctuation the texts dropped (the dashes before a subtitle): a piece of its own.
            end = start + 1
            while end < size and not line[end].isalnum() and line[end] not in seen:
                end += 1
            if end < size and not line[end].isspace():
                cuts.append(end)
            start = end
            continue
        low, high = start + 1, size  # the longest line[start:end] in `seen`: a binary search,
        while low < high:  # as every shorter prefix of a piece `seen` holds is held too
            mid = (low + high + 1) // 2
            if line[start:mid] in seen:
                low = mid
            else:
                high = mid - 1
        if low < size and not line[low].isspace() and not line[low - 1].isspace():
            cuts.append(low)
        start = low
    return cuts
