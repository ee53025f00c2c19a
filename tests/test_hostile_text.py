"""Story text that looks like markup or carries bidi controls, through the core and the command
line: hit marks stay unambiguous and text output neutralises bidi controls; stored text and
offsets are untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.pages import HOSTILE_BODY, HOSTILE_TITLE, write_hostile_page
from viewer.archive import Archive, mark
from viewer.cli import main
from viewer.text import BIDI_CONTROLS, BIDI_MARK, neutralise_bidi


def read_marks(snippet: str) -> tuple[str, list[list[int]]]:
    """The text and hit spans of a `snippet`: `**` toggles a hit, a backslash escapes the next
    character (the rule `mark` promises)."""
    text, spans, start, i = [], [], None, 0
    while i < len(snippet):
        if snippet[i] == "\\":
            text.append(snippet[i + 1])
            i += 2
        elif snippet.startswith("**", i):
            if start is None:
                start = len(text)
            else:
                spans.append([start, len(text)])
                start = None
            i += 2
        else:
            text.append(snippet[i])
            i += 1
    assert start is None, snippet
    return "".join(text), spans


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    with Archive(root / "db") as archive:
        archive.import_paths([write_hostile_page(root / "pages")], workers=0)
    return root / "db"


def test_a_literal_double_star_in_a_story_is_not_a_hit_mark(capsys, archive_dir):
    assert main(["--archive", str(archive_dir), "search", "居民", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)
    assert "**好**" in result["snippet_text"]  # the story's own
    assert "\\*\\*好\\*\\*" in result["snippet"] and "**居民**" in result["snippet"]
    text, spans = read_marks(result["snippet"])
    assert text == result["snippet_text"] and spans == result["snippet_hits"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.sampled_from("ab*\\ "), max_size=20),
    cuts=st.lists(st.integers(0, 20), max_size=6),
)
def test_marks_read_back_to_the_text_and_spans(text, cuts):
    points = sorted({min(c, len(text)) for c in cuts})
    spans = [[a, b] for a, b in zip(points[::2], points[1::2], strict=False) if a < b]
    assert read_marks(mark(text, [tuple(s) for s in spans])) == (text, spans)


def test_text_output_shows_bidi_controls_as_marks_and_json_keeps_them(capsys, archive_dir):
    assert main(["--archive", str(archive_dir), "search", "居民"]) == 0
    out = capsys.readouterr().out
    assert neutralise_bidi(HOSTILE_TITLE) in out
    assert not any(c in BIDI_CONTROLS for c in out)
    assert main(["--archive", str(archive_dir), "show", "1"]) == 0
    out = capsys.readouterr().out
    assert neutralise_bidi(HOSTILE_BODY) in out and not any(c in BIDI_CONTROLS for c in out)
    assert main(["--archive", str(archive_dir), "show", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["body"] == HOSTILE_BODY  # stored as it was


def test_neutralise_bidi_keeps_every_offset():
    text = "甲\u202e乙" + BIDI_CONTROLS + "\U00020000丙"
    shown = neutralise_bidi(text)
    assert len(shown) == len(text)
    assert len(shown.encode("utf-16-le")) == len(text.encode("utf-16-le"))
    assert shown == "甲" + BIDI_MARK + "乙" + BIDI_MARK * len(BIDI_CONTROLS) + "\U00020000丙"
