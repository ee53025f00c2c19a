"""Story dates as the archive stores them, against the date the page text states.

Truth comes from the page builder: a generated dateline with a date gives that date, else a page
header gives the page's date; stories whose text opens with an original (real) dateline, and
stories on pages that state no date, are counted but not scored. Predicted stories are matched
to true ones by file and by the largest overlap of their source spans.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

BASES = ("dateline", "header")


def _overlap(story: dict, start: int, end: int) -> int:
    return min(story["source_end"], end) - max(story["source_start"], start)


def score_dates(
    truths: Mapping[str, dict], stories: Iterable[dict], page_text: Mapping[str, str], top: int = 20
) -> dict:
    """`truths` and `page_text` by resolved page path; `stories` as Archive.stories() gives."""
    by_file: dict[str, list[dict]] = defaultdict(list)
    for story in stories:
        by_file[str(Path(story["source_file"]).resolve())].append(story)
    counts: Counter[str] = Counter()
    misses = []
    for path, truth in truths.items():
        predicted = by_file.get(path, [])
        for true in truth["stories"]:
            basis = true["date_basis"]
            if not true["date"]:
                counts[f"unscored:{basis}"] += 1
                continue
            best = max(
                predicted, key=lambda s: _overlap(s, true["start"], true["end"]), default=None
            )
            if best is not None and _overlap(best, true["start"], true["end"]) <= 0:
                best = None
            got = best["date"] if best else None
            counts["unmatched"] += best is None  # no predicted story there: a path mismatch?
            counts["scored"] += 1
            counts[f"scored:{basis}"] += 1
            if got == true["date"]:
                counts["correct"] += 1
                counts[f"correct:{basis}"] += 1
            elif len(misses) < top:
                text = page_text[path][true["start"] : true["end"]]
                misses.append(
                    {
                        "page": f"{truth['layout']}/{truth['name']}",
                        "headline": true["headline"],
                        "basis": basis,
                        "expected": true["date"],
                        "predicted": got,
                        "opening": text[:60].replace("\n", " / "),
                    }
                )
    out: dict = {
        "accuracy": counts["correct"] / counts["scored"] if counts["scored"] else 0.0,
        "scored": counts["scored"],
        "correct": counts["correct"],
        "unmatched": counts["unmatched"],
    }
    for basis in BASES:
        scored = counts[f"scored:{basis}"]
        out[basis] = {
            "accuracy": counts[f"correct:{basis}"] / scored if scored else None,
            "scored": scored,
        }
    out["unscored"] = {
        key.split(":", 1)[1]: n for key, n in sorted(counts.items()) if key.startswith("unscored:")
    }
    out["unscored_total"] = sum(out["unscored"].values())
    out["misses"] = misses
    return out
