"""How the archive keeps its long texts: page text and story bodies, zlib-compressed.

Chinese text is three bytes a character in UTF-8; zlib brings a page to 1.4 bytes a character.
A story's body is its stretch of the page cleaned up (OCR joins, duplicates dropped), so it is
compressed with that stretch as zlib's preset dictionary: it then costs 0.07 bytes a character
(measured on 10,878 real-text stories: 0.46 MB of bodies instead of 20.4 MB of UTF-8, or
11.8 MB compressed alone). Reading a body therefore needs its page's text.

A text too short to gain (a caption of a few words) stays plain: a column holds either a str
(plain) or bytes (compressed), and the readers take both, so an archive written before packing
(or half converted by an interrupted migration) reads the same.

Packing runs where a page is analysed (the import's worker processes), so the single writer
only stores the bytes.
"""

from __future__ import annotations

import codecs
import zlib
from dataclasses import dataclass

from viewer.model import PageRecord

# Measured on the same stories: level 6 gives 4 % fewer bytes than level 1 for 20 % more CPU
# (1 s in all, spread over the workers); levels above 6 gain nothing more.
LEVEL = 6
_FDICT = 0x20  # zlib header flag: the stream was compressed with a preset dictionary


def pack(text: str, source: str = "") -> str | bytes:
    """`text` compressed (with `source`, the text it was cleaned from, as zlib's dictionary),
    or as it is when compressing would not make it smaller."""
    raw = text.encode("utf-8")
    zdict = source.encode("utf-8")
    compressor = zlib.compressobj(LEVEL, zdict=zdict) if zdict else zlib.compressobj(LEVEL)
    packed = compressor.compress(raw) + compressor.flush()
    return packed if len(packed) < len(raw) else text


def unpack(value: str | bytes | None, source: str = "") -> str:
    """The text of a stored value (plain or packed); "" for NULL. A body packed against its
    stretch of the page needs that stretch as `source`."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if value[1] & _FDICT:
        decompressor = zlib.decompressobj(zdict=source.encode("utf-8"))
        return (decompressor.decompress(value) + decompressor.flush()).decode("utf-8")
    return zlib.decompress(value).decode("utf-8")


def unpack_prefix(value: str | bytes | None, chars: int) -> str:
    """The first `chars` characters of a stored text (a page, not a body), decompressing little
    more than those: a search result's body needs its page only up to the end of its story."""
    if not isinstance(value, bytes):
        return (value or "")[:chars]
    decompressor = zlib.decompressobj()
    decoder = codecs.getincrementaldecoder("utf-8")()
    text, data = "", value
    while len(text) < chars:
        raw = decompressor.decompress(data, 3 * (chars - len(text)) + 64)  # 3: most Chinese
        if not raw:
            break
        text += decoder.decode(raw)
        data = decompressor.unconsumed_tail
    return text[:chars]


@dataclass
class PackedPage:
    """A page's texts, packed where the page was analysed."""

    text: str | bytes  # the page's decoded text
    bodies: list[str | bytes]  # each story's body, in the page's order


def pack_page(record: PageRecord) -> PackedPage:
    text = record.page.text
    return PackedPage(
        text=pack(text),
        bodies=[
            pack(s.story.body, text[s.story.source_start : s.story.source_end])
            for s in record.stories
        ],
    )
