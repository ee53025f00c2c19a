"""Facts pulled out of a story body with exact offsets: people, organisations, dates, money,
quantities, percentages and phone numbers (places come from `viewer.places`).

Everything is matched on a folded copy of the body (full-width digits and punctuation made
ASCII, same length), so offsets are valid in the original body and `body[start:end] == text`.

jieba runs once per story: the caller passes the words it already has for `fold(body)` (the
search index segments the same text), and the people and organisation rules look words up in
jieba's dictionary instead of segmenting again.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer import segmenter
from viewer.facts.amounts import find_money, find_percents
from viewer.facts.dates import find_dates
from viewer.facts.numbers import working_text
from viewer.facts.orgs import find_organizations
from viewer.facts.people import find_people
from viewer.facts.phones import find_phones
from viewer.facts.quantity import find_quantities
from viewer.facts.resolve import drop_inside, resolve
from viewer.facts.tokens import Tokens
from viewer.model import Credit, Fact
from viewer.text import fold

__all__ = ["extract_facts"]


def extract_facts(
    body: str, *, credits: Sequence[Credit] = (), words: Sequence[str] | None = None
) -> list[Fact]:
    """All facts of `body`, sorted by (start, end), never overlapping one another.

    `words` are jieba's words of `fold(body)` (`viewer.segmenter.cut`); they are computed here
    when not given. People credited in `credits` who never appear in the body come last, once
    each, with start = end = None (label = their byline role, norm = their name)."""
    work = working_text(body)
    if words is None:
        words = segmenter.cut(fold(body))
    toks = Tokens(work, words)
    people, role_spans = find_people(body, work, credits, toks)
    orgs = drop_inside(find_organizations(body, work, toks), role_spans)
    candidates = [
        *find_phones(body, work),
        *find_dates(body, work),
        *find_money(body, work),
        *find_percents(body, work),
        *find_quantities(body, work, toks),
        *orgs,
        *people,
    ]
    unplaced = [f for f in people if f.start is None]
    return resolve(candidates) + unplaced
