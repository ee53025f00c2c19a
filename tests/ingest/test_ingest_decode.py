"""Decoding real byte files: every supported encoding, and everything that must be refused."""

from __future__ import annotations

import random
import zlib

import pytest

from viewer.ingest import decode, read_page
from viewer.ingest.page import RejectedFile

PAGE = (
    "柳塘社区： 开展“健康进万家”义诊活动\r\n\r\n"
    "本报讯　７月８日，柳塘社区为辖区70余名老人测量血压、血糖，发放手册200余份。\r\n"
    "（记者　郑　明）\r\n"
) * 8
EXPECTED = PAGE.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("codec", "reported"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-le", "utf-16-le"),  # no BOM: found by where the NUL bytes sit
        ("utf-16-be", "utf-16-be"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
    ],
)
def test_supported_encodings_round_trip(tmp_path, codec, reported):
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE.encode(codec))
    page = read_page(path)
    assert page.text == EXPECTED
    assert page.encoding == reported


def test_utf16_with_bom_in_both_byte_orders():
    for codec, name in (("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")):
        bom = "\ufeff".encode(codec)
        assert decode(bom + PAGE.encode(codec)) == (EXPECTED, name, False)


def test_gb18030_four_byte_characters_survive():
    text = "居民𠀀（罕见字）与䶮字都能读出。记者 欧阳明\n" * 4
    assert decode(text.encode("gb18030")) == (text, "gb18030", False)


def test_old_mac_line_endings_are_normalised():
    assert decode("第一行\r第二行\r\n第三行\n".encode())[0] == "第一行\n第二行\n第三行\n"


def test_big5_and_shift_jis_are_recognised_not_read_as_gb18030():
    big5 = "近日，某某社區開展「關注健康 預防疾病」義診活動，為居民測量血壓。\n" * 10
    text, encoding, _ = decode(big5.encode("big5"))
    assert text == big5
    assert encoding == "big5"
    japanese = "こんにちは、今日はいい天気ですね。日本語のテキストです。\n" * 10
    text, encoding, _ = decode(japanese.encode("shift_jis"))
    assert text == japanese
    assert encoding in {"shift_jis", "cp932"}


def test_utf8_with_stray_latin1_bytes_keeps_the_rest_intact():
    """Decided: decode, reading the stray bytes as cp1252, instead of rejecting or garbling."""
    data = EXPECTED[:50].encode() + b" caf\xe9 " + EXPECTED[50:].encode()
    text, encoding, _ = decode(data)
    assert encoding == "utf-8+latin-1"
    assert "café" in text
    assert text.replace(" café ", "") == EXPECTED


def test_gb18030_is_not_mistaken_for_utf8_with_stray_bytes():
    assert decode(EXPECTED.encode("gb18030"))[1] == "gb18030"


@pytest.mark.parametrize(
    "data",
    [
        random.Random(7).randbytes(4096),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
        + zlib.compress(bytes(range(256)) * 8),
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(200),
        bytes(range(1, 32)) * 40,  # control characters but no NUL
    ],
    ids=["random", "png", "zip", "controls"],
)
def test_binary_is_rejected(data):
    with pytest.raises(ValueError, match="binary"):
        decode(data)


def test_undecodable_bytes_are_rejected():
    rng = random.Random(3)
    data = bytes(rng.randrange(128, 256) for _ in range(4096))
    with pytest.raises(ValueError, match="undecodable"):
        decode(data)


def test_half_utf8_half_gbk_is_rejected_rather_than_garbled():
    data = EXPECTED.encode()[:600] + EXPECTED.encode("gbk")[:600]
    with pytest.raises(ValueError, match="undecodable"):
        decode(data)


@pytest.mark.parametrize(
    "data", [b"", b"   \r\n\t\n", "\ufeff".encode("utf-8"), "\u3000\n".encode()]
)
def test_empty_or_blank_is_rejected(data):
    with pytest.raises(ValueError, match="empty"):
        decode(data)


def test_read_page_turns_decode_failures_into_rejections(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    with pytest.raises(RejectedFile) as caught:
        read_page(path)
    assert caught.value.code == "binary"
    assert "二进制" in caught.value.message


WESTERN = "Le café à Zürich: naïve façade, crème brûlée – “déjà vu”. Straße, señor.\n" * 5


def test_cp1252_is_read_as_cp1252_not_a_baltic_or_dos_code_page():
    assert decode(WESTERN.encode("cp1252")) == (WESTERN, "cp1252", False)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Привет, как дела? Это тестовый текст для проверки кодировки.\n" * 5, "cp1251"),
        ("Привет, как дела? Это тестовый текст для проверки кодировки.\n" * 5, "cp866"),
        ("Γειά σου Κόσμε, αυτό είναι ένα κείμενο.\n" * 5, "cp1253"),
    ],
)
def test_a_guess_of_an_unlikely_code_page_is_refused_not_stored(text, codec):
    """Decided: a single-byte file that is neither Chinese nor Western European is refused with
    a reason; the guesser names *some* code page for any bytes, and a wrong one is mojibake."""
    with pytest.raises(ValueError, match="undecodable"):
        decode(text.encode(codec))


def test_stray_bytes_with_no_character_are_refused_not_replaced():
    # 0x81 is undefined in cp1252: reading it would store U+FFFD in the story.
    data = EXPECTED[:50].encode() + b" \x81 " + EXPECTED[50:].encode()
    with pytest.raises(ValueError, match="undecodable"):
        decode(data)


def test_a_cut_off_utf8_character_is_dropped_and_flagged_not_read_as_latin1():
    text = EXPECTED + "“很好。”"
    assert decode(text.encode()[:-1]) == (text[:-1], "utf-8", True)
    assert decode(text.encode()[:-2]) == (text[:-1], "utf-8", True)
