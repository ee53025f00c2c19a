"""Every highlight colour of the window, in one place: search hits, the fact kinds, the flash.

Chosen together so each is told apart from every other at a glance (CIEDE2000 ΔE ≥ 15 between
any two, a fact of an unknown kind included; the closest pairs are phone and unknown, 15.8, and
place and quantity, 17.2) and the text drawn on them, always HIGHLIGHT_TEXT, stays readable (WCAG
contrast ≥ 4.5, level AA; the lowest, on the phone grey, is 8.4).
tests/gui/test_highlight_colours.py checks both on what the widgets actually paint. The search
hit is the one vivid colour, so hits stand out from the paler facts they may sit on; the flash
marks the fact just clicked for a moment. Qt takes these "#rrggbb" strings wherever it takes
a QColor.
"""

from __future__ import annotations

# Highlights have fixed light backgrounds, so their text is fixed too (a dark theme's light text
# would vanish on them).
HIGHLIGHT_TEXT = "#000000"

SEARCH_HIT = "#ffc400"  # vivid amber, with bold text
FACT_FLASH = "#ff8080"  # coral

FACT_COLORS: dict[str, str] = {
    "person": "#ffb992",  # apricot
    "organization": "#c0c2ff",  # periwinkle
    "place": "#8fd7a2",  # green
    "date": "#79cfff",  # sky blue
    "money": "#f6f0b0",  # cream
    "quantity": "#8ff5ef",  # aqua
    "percent": "#f9addf",  # pink
    "phone": "#a4a4a4",  # grey, darker than the unknown kind's
}

# A fact of a kind this version does not know: neutral, and never a kind's colour.
UNKNOWN_FACT = "#e2e2e2"

# Every colour above that marks something in the text, by what it marks.
HIGHLIGHTS: dict[str, str] = {**FACT_COLORS, "search hit": SEARCH_HIT, "flash": FACT_FLASH}
