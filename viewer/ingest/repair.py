"""OCR repair of a story's paragraphs: re-join paragraphs cut mid-sentence, hide repeated sentences.

Paragraphs are (is_subhead, text) pairs; subheads are never joined or deduplicated. Deduplication
runs over a whole page in story order because OCR repeats sentences across column breaks.
"""

from __future__ import annotations

import re
from collections.abc import Collection

Part = tuple[bool, str]  # (is_subhead, text)

# A paragraph ending like this stops mid-sentence: `…演练等`, `…截至目前10`, `…登记完,`.
_CUT_END = re.compile(r"[\u3400-\u9fff0-9\uff10-\uff19,，、;；]$")
# Sentences including their closing marks; the second branch takes an unterminated tail.
_SENTENCE = re.compile(r"[^。！？!?；;]*[。！？!?；;]+[”’」』）)]*|[^。！？!?；;]+")
_SENTENCE_MARKS = "。！？!?；;”’」』）)\u3000 "
MIN_DUPLICATE = 10  # shorter sentences repeat legitimately (口号, 活动名称)
# OCR repeats text it has just read; searching only this far back keeps huge pages linear.
SEARCH_WINDOW = 50_000


def join_cut_paragraphs(parts: list[Part], rows: Collection[int] = ()) -> list[Part]:
    """Join each body paragraph that ends mid-sentence with the body paragraph after it.

    `rows` are indexes of parts that are lines of a poem, a table or a list: they end without
    punctuation by design, so they are never joined to what follows or precedes them."""
    out: list[Part] = []
    previous_is_row = True
    for index, (is_subhead, text) in enumerate(parts):
        is_row = index in rows
        joinable = not (is_subhead or is_row or previous_is_row)
        if out and joinable and not out[-1][0] and _CUT_END.search(out[-1][1]):
            out[-1] = (False, out[-1][1] + text)
        else:
            out.append((is_subhead, text))
        previous_is_row = is_row
    return out


def hide_duplicates(stories: list[list[Part]]) -> list[tuple[list[Part], list[str]]]:
    """Per story: (paragraphs without sentences printed earlier on the page, those sentences).

    A sentence counts as repeated when it (or an unterminated fragment of it) occurs verbatim in
    the page's body text before it (within SEARCH_WINDOW characters); only sentences of at least
    MIN_DUPLICATE characters count.
    """
    seen = ""
    out: list[tuple[list[Part], list[str]]] = []
    for parts in stories:
        kept_parts: list[Part] = []
        hidden: list[str] = []
        for is_subhead, text in parts:
            if is_subhead:
                kept_parts.append((is_subhead, text))
                continue
            kept: list[str] = []
            for sentence in _SENTENCE.findall(text):
                core = sentence.strip(_SENTENCE_MARKS)
                if (
                    len(core) >= MIN_DUPLICATE
                    and seen.find(core, max(0, len(seen) - SEARCH_WINDOW)) >= 0
                ):
                    hidden.append(sentence.strip())
                else:
                    kept.append(sentence)
                    seen += sentence
            seen += "\n"
            paragraph = "".join(kept).strip()
            if paragraph:
                kept_parts.append((False, paragraph))
        out.append((kept_parts, hidden))
    return out
