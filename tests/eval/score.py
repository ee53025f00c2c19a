"""Scorers for story splitting and for people and organisations. Each takes plain data and the
program's function, and returns a JSON-ready dict, so unit tests can feed them hand-made cases.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

Span = tuple[int, int]
LineSet = frozenset[int]


def prf(correct: int, predicted: int, true: int) -> dict[str, float | int]:
    p = correct / predicted if predicted else 0.0
    r = correct / true if true else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "correct": correct,
        "predicted": predicted,
        "true": true,
    }


# -- story split ----------------------------------------------------------------------------------


def line_starts(text: str) -> list[tuple[int, int]]:
    """(line index, offset of its first non-blank character) for every non-blank line."""
    out, pos = [], 0
    for index, line in enumerate(text.split("\n")):
        stripped = line.lstrip()
        if stripped.strip():
            out.append((index, pos + len(line) - len(stripped)))
        pos += len(line) + 1
    return out


def line_sets(text: str, spans: Sequence[Span], furniture: Sequence[Span] = ()) -> list[LineSet]:
    """For each span, the non-blank lines whose first character lies in it, furniture lines
    removed; spans left with no line are dropped (a "story" made only of the page header)."""
    starts = line_starts(text)
    banned = {i for i, at in starts for s, e in furniture if s <= at < e}
    out = []
    for start, end in spans:
        lines = frozenset(i for i, at in starts if start <= at < end and i not in banned)
        if lines:
            out.append(lines)
    return out


def _squash(title: str) -> str:
    return re.sub(r"\s+", "", title)


def score_split_page(
    text: str,
    truth: dict,
    predicted: Sequence[tuple[int, int, str]],
) -> dict:
    """One page: `predicted` is (source_start, source_end, title) per predicted story.

    A predicted story is correct only if its line set equals a true story's. A true story's
    headline is right if the predicted story sharing most lines with it has that title
    (whitespace ignored; headline-less items expect "")."""
    furniture = [tuple(f) for f in truth["furniture"]]
    stories, true_sets = [], []
    for story in truth["stories"]:
        sets = line_sets(text, [(story["start"], story["end"])], furniture)
        if sets:
            stories.append(story)
            true_sets.append(sets[0])
    pred_sets: list[LineSet] = []
    titles: list[str] = []
    for start, end, title in predicted:
        sets = line_sets(text, [(start, end)], furniture)
        if sets:
            pred_sets.append(sets[0])
            titles.append(title)
    true_index = {lines: i for i, lines in enumerate(true_sets)}
    correct = sum(1 for lines in pred_sets if lines in true_index)
    headlines = 0
    errors: Counter[str] = Counter()
    examples = []
    for story, lines in zip(stories, true_sets, strict=True):
        overlaps = [len(lines & p) for p in pred_sets]
        best = max(range(len(pred_sets)), key=overlaps.__getitem__) if pred_sets else None
        if (
            best is not None
            and overlaps[best]
            and _squash(titles[best]) == _squash(story["headline"])
        ):
            headlines += 1
        if lines in pred_sets:
            continue
        kind = _error_kind(lines, pred_sets)
        errors[kind] += 1
        examples.append({"headline": story["headline"] or story["kind"], "error": kind})
    return {
        "correct": correct,
        "predicted": len(pred_sets),
        "true": len(true_sets),
        "headlines": headlines,
        "errors": dict(errors),
        "examples": examples,
    }


def _error_kind(lines: LineSet, predicted: Sequence[LineSet]) -> str:
    """merged: a predicted story holds all of it and more; split: it is cut into several
    predicted stories that hold nothing else; shifted: anything else (a boundary moved)."""
    touching = [p for p in predicted if p & lines]
    if len(touching) == 1 and touching[0] > lines:
        return "merged"
    if len(touching) > 1 and all(p <= lines for p in touching):
        return "split"
    return "shifted"


def score_split(pages: Iterable[tuple[str, str, dict]], splitter: Callable) -> dict:
    """All pages of one layout: (name, text, truth) each. `splitter(text)` returns stories with
    source_start, source_end and title (viewer.ingest.split_page)."""
    totals: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    examples = []
    for name, text, truth in pages:
        stories = splitter(text)
        result = score_split_page(
            text, truth, [(s.source_start, s.source_end, s.title) for s in stories]
        )
        totals.update({k: result[k] for k in ("correct", "predicted", "true", "headlines")})
        totals["pages"] += 1
        errors.update(result["errors"])
        examples += [{"page": name, **e} for e in result["examples"]]
    out = prf(totals["correct"], totals["predicted"], totals["true"])
    out["pages"] = totals["pages"]
    out["headline_accuracy"] = totals["headlines"] / totals["true"] if totals["true"] else 0.0
    out["errors"] = dict(errors)
    out["examples"] = examples[:30]
    return out


# -- people and organisations ---------------------------------------------------------------------

ENTITY_LABELS = {
    "person": ("name",),
    "organization": ("organization", "government", "company"),
}


def score_entities(sentences: Iterable, extract: Callable, top: int = 30) -> dict:
    """CLUENER sentences (text, end-exclusive spans per label) against `extract(text)` facts:
    exact span match, people vs `name`, organisations vs organization + government + company.
    Keeps the `top` most frequent false positives and negatives (their text) per kind."""
    counts = {kind: Counter() for kind in ENTITY_LABELS}
    wrong = {kind: (Counter(), Counter()) for kind in ENTITY_LABELS}
    for sentence in sentences:
        facts = extract(sentence.text)
        for kind, labels in ENTITY_LABELS.items():
            gold = {span for label in labels for span in sentence.spans.get(label, [])}
            found = {(f.start, f.end) for f in facts if f.kind == kind and f.start is not None}
            counts[kind].update(
                correct=len(gold & found), predicted=len(found), true=len(gold), sentences=1
            )
            wrong[kind][0].update(sentence.text[s:e] for s, e in found - gold)
            wrong[kind][1].update(sentence.text[s:e] for s, e in gold - found)
    out = {}
    for kind, c in counts.items():
        out[kind] = prf(c["correct"], c["predicted"], c["true"])
        out[kind]["sentences"] = c["sentences"]
        out[kind]["false_positives"] = wrong[kind][0].most_common(top)
        out[kind]["false_negatives"] = wrong[kind][1].most_common(top)
    return out
