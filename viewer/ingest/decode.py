"""Bytes of a page file -> text: byte-order marks, UTF-8, UTF-16, GB18030/GBK, then a guess.

Owns the decision "is this a readable text file at all". The order is a fast path for what local
papers actually ship (UTF-8, GB18030) and a slow fallback (charset-normalizer) for the rest. Every
candidate decoding must look like real text before it is accepted: a wrong codec rarely fails, it
produces plausible-looking garbage instead.
"""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

# Failure codes raised as ValueError(code); read_page turns them into RejectedFile.
EMPTY = "empty"
BINARY = "binary"
UNDECODABLE = "undecodable"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32", "utf-32-be"),
    (b"\xff\xfe", "utf-16", "utf-16-le"),
    (b"\xfe\xff", "utf-16", "utf-16-be"),
)
_SAMPLE = 65536  # bytes inspected by the byte-level tests; enough to judge a page
# C0 controls other than \t \n \f \r and ESC: text files do not contain them.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_CJK = re.compile("[\u4e00-\u9fff]")
_SURROGATE_ESCAPES = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
# Characters real text is made of: letters of any script, digits, spaces, common punctuation.
_TEXTLIKE = re.compile(r"[\w\s\u3000-\u303f\uff00-\uffef\u2010-\u206f!-/:-@\[-`{-~\u00a0-\u00bf]")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a page file, newlines normalised to \\n.

    Raises ValueError("empty" | "binary" | "undecodable").
    """
    if not data.strip():
        raise ValueError(EMPTY)
    text, encoding = _decode_raw(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ValueError(EMPTY)
    return text, encoding


def _decode_raw(data: bytes) -> tuple[str, str]:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise ValueError(UNDECODABLE) from None
            if _control_ratio(text) > 0.01:
                raise ValueError(BINARY)
            return text, name
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return _decode_bomless_utf16(data, sample)
    if len(_CONTROL_BYTES.findall(sample)) > max(2, len(sample) // 100):
        raise ValueError(BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8 is not None:
        return mostly_utf8, "utf-8+latin-1"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and _is_plausible_chinese(text):
        return text, "gb18030"
    return _guess(data)


def _decode_bomless_utf16(data: bytes, sample: bytes) -> tuple[str, str]:
    """UTF-16 without a BOM puts the NUL of every ASCII character (newlines, digits) on one side.

    CJK characters such as U+5F00 put a NUL on the other side now and then, so the test is a
    clear majority, not unanimity; binary data has NULs on both sides alike.
    """
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 2 * max(even, 1) and odd >= 4:
        codec = "utf-16-le"
    elif even >= 2 * max(odd, 1) and even >= 4:
        codec = "utf-16-be"
    else:
        raise ValueError(BINARY)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise ValueError(BINARY) from None
    if _control_ratio(text) > 0.01 or not _is_textlike(text):
        raise ValueError(BINARY)
    return text, codec


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray single-byte (Latin-1/cp1252) bytes, decoded without garbling.

    GB18030 would accept such a file too and turn all of it into mojibake, so this is tried first.
    Genuine GBK text almost never forms valid multi-byte UTF-8 sequences, so a high ratio of valid
    sequences to invalid bytes tells the two apart.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_SURROGATE_ESCAPES.findall(text))
    valid = len(_NON_ASCII.findall(text))
    if valid < 8 or invalid * 20 > valid:
        return None
    return _SURROGATE_ESCAPES.sub(
        lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text
    )


def _is_plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; real Chinese text sticks to the common characters.

    Big5 or Shift-JIS read as GB18030 land in GBK's extension rows, outside GB2312's 6,763
    everyday characters, and UTF-8 read as GB18030 is full of rare characters too.
    """
    sample = text[:20000]
    if not _is_textlike(sample) or _control_ratio(sample) > 0.01:
        return False
    cjk = "".join(_CJK.findall(sample))
    if not cjk:
        return True
    common = len(cjk.encode("gb2312", errors="ignore")) // 2
    return common >= 0.9 * len(cjk)


def _guess(data: bytes) -> tuple[str, str]:
    match = from_bytes(data, threshold=0.2).best()
    if match is None:
        raise ValueError(UNDECODABLE)
    text = str(match)
    if _control_ratio(text) > 0.01 or not _is_textlike(text) or match.chaos > 0.2:
        raise ValueError(UNDECODABLE)
    return text, match.encoding


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def _is_textlike(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    return len(_TEXTLIKE.findall(sample)) >= 0.9 * len(sample)
