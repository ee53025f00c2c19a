"""Place recognition scored on labelled addresses (exact spans per admin level) and on cec
<Location> spans (overlap), through `viewer.places.find_places`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from tests.eval.score import Span

ADMIN_LEVELS = ("prov", "city", "district", "town", "community")
# A cec Location that names a place (rather than 现场, 医院, 路口): it has an admin suffix.
_NAMED_PLACE = re.compile(r"省|市|县|区|镇|乡|村|街道|社区|自治州|盟|旗")


def score_addresses(addresses: Iterable, finder: Callable, top: int = 30) -> dict:
    """Labelled address strings against `finder(text)` mentions, exact spans.

    Recall per level (prov, city, district, town, community): labelled spans returned with the
    same span. Precision: returned mentions whose span is any labelled admin span."""
    found_by_level: Counter[str] = Counter()
    true_by_level: Counter[str] = Counter()
    mentions = exact = addresses_seen = 0
    misses: dict[str, Counter[str]] = {level: Counter() for level in ADMIN_LEVELS}
    extras: Counter[str] = Counter()
    for address in addresses:
        addresses_seen += 1
        found = {(m.start, m.end) for m in finder(address.text)}
        admin = set()
        for label, start, end in address.spans:
            if label not in ADMIN_LEVELS:
                continue
            admin.add((start, end))
            true_by_level[label] += 1
            if (start, end) in found:
                found_by_level[label] += 1
            else:
                misses[label][address.text[start:end]] += 1
        mentions += len(found)
        exact += len(found & admin)
        extras.update(address.text[s:e] for s, e in found - admin)
    levels = {
        level: {
            "recall": found_by_level[level] / true_by_level[level]
            if true_by_level[level]
            else None,
            "found": found_by_level[level],
            "true": true_by_level[level],
            "misses": misses[level].most_common(top),
        }
        for level in ADMIN_LEVELS
    }
    all_true = sum(true_by_level.values())
    return {
        "addresses": addresses_seen,
        "levels": levels,
        "recall": sum(found_by_level.values()) / all_true if all_true else 0.0,
        "precision": exact / mentions if mentions else 0.0,
        "mentions": mentions,
        "exact": exact,
        "false_positives": extras.most_common(top),
    }


def _overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def score_locations(paragraphs: Iterable, finder: Callable, top: int = 30) -> dict:
    """cec paragraphs with <Location> spans: recall = share of spans overlapped by a mention
    (also for the named ones alone); the share of mentions that overlap a Location is only a
    weak precision proxy, because cec marks only the locations of the events it annotates."""
    spans = named = hit = named_hit = mentions = inside = count = 0
    missed: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    for para in paragraphs:
        count += 1
        found = [(m.start, m.end) for m in finder(para.text)]
        for span in para.locations:
            ok = _overlaps(span, found)
            is_named = bool(_NAMED_PLACE.search(para.text[span[0] : span[1]]))
            spans += 1
            hit += ok
            named += is_named
            named_hit += ok and is_named
            if is_named and not ok:
                missed[para.text[span[0] : span[1]]] += 1
        for span in found:
            mentions += 1
            if _overlaps(span, para.locations):
                inside += 1
            else:
                outside[para.text[span[0] : span[1]]] += 1
    return {
        "paragraphs": count,
        "locations": spans,
        "recall": hit / spans if spans else 0.0,
        "named_locations": named,
        "named_recall": named_hit / named if named else 0.0,
        "mentions": mentions,
        "precision_proxy": inside / mentions if mentions else 0.0,
        "named_misses": missed.most_common(top),
        "outside": outside.most_common(top),
    }
