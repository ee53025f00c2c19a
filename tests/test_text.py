"""The character folds: `fold` and `search_fold` keep every offset, and `search_fold` makes
traditional characters simplified ones, one for one, as OpenCC does character by character."""

from __future__ import annotations

import marshal
import sys

from hypothesis import given
from hypothesis import strategies as st

from viewer.text import (
    SCRIPT_RANGES,
    cached_simplified_chars,
    fold,
    search_fold,
    simplified_chars,
)

TRADITIONAL = sorted(chr(code) for code in simplified_chars())
# Any text, with traditional characters (and what they fold to) common enough to be drawn. A
# list of characters, as st.text would merge these alphabets into one and draw each character
# as rarely as any other.
TEXTS = st.lists(
    st.one_of(
        st.characters(),
        st.sampled_from(TRADITIONAL),
        st.sampled_from([chr(code) for code in simplified_chars().values()]),
        st.sampled_from("ＡＢＣ\u3000İ經濟发展"),
    )
).map("".join)


@given(TEXTS)
def test_the_folds_keep_the_length_of_any_text(text):
    assert len(search_fold(text)) == len(text)
    assert len(fold(text)) == len(text)


@given(TEXTS, TEXTS)
def test_search_fold_works_character_by_character_and_twice_changes_nothing(a, b):
    # What makes an offset found in folded text valid in the original.
    assert search_fold(a + b) == search_fold(a) + search_fold(b)
    assert search_fold(search_fold(a)) == search_fold(a)


def test_search_fold_turns_traditional_into_simplified_and_keeps_fold():
    assert search_fold("經濟發展 臺灣 頭髮") == "经济发展 台湾 头发"
    assert search_fold("ＡＢＣ　İ") == "abc i" == fold("ＡＢＣ　İ")
    assert search_fold("经济发展") == "经济发展"
    # Character by character, where OpenCC's phrase rules would keep 乾隆: both scripts
    # still meet, as each side folds the same way.
    assert search_fold("乾隆") == search_fold("干隆")
    assert search_fold("薴") == search_fold("苧") == "苎"  # a chain, followed to its end


def test_opencc_changes_no_character_outside_the_script_ranges():
    """`simplified_chars` asks OpenCC about SCRIPT_RANGES only: nothing else would change."""
    from opencc import OpenCC

    def inside(code: int) -> bool:
        return any(first <= code <= last for first, last in SCRIPT_RANGES)

    chars = [
        chr(code)
        for code in range(0x80, sys.maxunicode + 1)
        if not inside(code) and not 0xD800 <= code <= 0xDFFF and code != 0x0A
    ]
    converted = OpenCC("t2s").convert("\n".join(chars)).split("\n")
    assert [(a, b) for a, b in zip(chars, converted, strict=True) if a != b] == []


def test_the_table_is_kept_in_the_cache_folder_and_built_again_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("VIEWER_CACHE", str(tmp_path))
    built = cached_simplified_chars()
    assert built == simplified_chars()
    (path,) = tmp_path.glob("viewer-t2s-*.marshal")
    path.write_bytes(marshal.dumps({ord("經"): ord("X")}))
    assert cached_simplified_chars() == {ord("經"): ord("X")}  # read back, not built
    for damaged in (b"\x00garbage", marshal.dumps({"經": "经"}), b""):
        path.write_bytes(damaged)
        assert cached_simplified_chars() == built
        assert marshal.loads(path.read_bytes()) == built  # and written again
    blocked = tmp_path / "a-file"  # a cache folder that cannot be made: built, not kept
    blocked.write_text("")
    monkeypatch.setenv("VIEWER_CACHE", str(blocked / "cache"))
    assert cached_simplified_chars() == built
