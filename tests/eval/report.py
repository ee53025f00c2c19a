"""RESULTS.md: one markdown table per section, heldout and tune side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# (dotted path inside results[part] or "-" for an empty cell, format: "pct" | "int" | "str")
Cell = tuple[str, str]
Row = tuple[str, Sequence[Cell]]  # (label, one cell per column header)


def _fmt(value: Any, kind: str) -> str:
    if value is None:
        return "n/a"
    if kind == "pct":
        return f"{100 * value:.1f}"
    if kind == "int":
        return str(int(value))
    return str(value)


def lookup(data: Any, dotted: str) -> Any:
    """results["tune"], "split.dense.f1" -> the value; None when any step is missing."""
    for key in dotted.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def table(results: dict, parts: Sequence[str], headers: Sequence[str], rows: Sequence[Row]) -> str:
    """Every column header repeats once per part: `heldout F1 | … | tune F1 | …`."""
    head = ["", *(f"{part} {name}" for part in parts for name in headers)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, cells in rows:
        values = [label]
        for part in parts:
            values += [
                "" if path == "-" else _fmt(lookup(results.get(part), path), kind)
                for path, kind in cells
            ]
        lines.append("| " + " | ".join(values) + " |")
    return "\n".join(lines)


def prf_cells(prefix: str, count: str = "true") -> list[Cell]:
    return [
        (f"{prefix}.f1", "pct"),
        (f"{prefix}.precision", "pct"),
        (f"{prefix}.recall", "pct"),
        (f"{prefix}.{count}", "int"),
    ]


def render(results: dict, parts: Sequence[str], sections: Sequence[tuple[str, str, str]]) -> str:
    """The whole RESULTS.md: a run line, then (title, note, table) per section."""
    run = results["run"]
    dirty = " (with uncommitted changes)" if run["dirty"] else ""
    limit = f", limited to {run['limit']} items per list" if run.get("limit") else ""
    out = [
        "# Evaluation results",
        "",
        f"Run {run['date']} on commit `{run['commit']}`{dirty}, {run['seconds']:.0f} s{limit}. "
        f"Parts: {', '.join(parts)} (report heldout; tune is for development). Figures are "
        "percentages; `n` and other count columns are counts.",
    ]
    for title, note, body in sections:
        out += ["", f"## {title}", ""]
        if note:
            out += [note, ""]
        out.append(body)
    return "\n".join(out) + "\n"
