"""Facts pulled out of a story body with exact offsets: people, organisations, dates, money,
quantities, percentages and phone numbers (places come from `viewer.places`).

Everything is matched on a folded copy of the body (full-width digits and punctuation made
ASCII, same length), so offsets are valid in the original body and `body[start:end] == text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.facts.amounts import find_money, find_percents
from viewer.facts.dates import find_dates
from viewer.facts.numbers import working_text
from viewer.facts.orgs import find_organizations
from viewer.facts.people import find_people
from viewer.facts.phones import find_phones
from viewer.facts.quantity import find_quantities
from viewer.facts.resolve import drop_inside, resolve
from viewer.model import Credit, Fact

__all__ = ["extract_facts"]


def extract_facts(body: str, *, credits: Sequence[Credit] = ()) -> list[Fact]:
    """All facts of `body`, sorted by (start, end), never overlapping one another.

    People credited in `credits` who never appear in the body come last, once each, with
    start = end = None (label = their byline role, norm = their name)."""
    work = working_text(body)
    people, role_spans = find_people(body, work, credits)
    orgs = drop_inside(find_organizations(body, work), role_spans)
    candidates = [
        *find_phones(body, work),
        *find_dates(body, work),
        *find_money(body, work),
        *find_percents(body, work),
        *find_quantities(body, work),
        *orgs,
        *people,
    ]
    unplaced = [f for f in people if f.start is None]
    return resolve(candidates) + unplaced
