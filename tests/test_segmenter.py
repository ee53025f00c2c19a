"""jieba's dictionary loaded from our chunked cache: the same dictionary, built once, rebuilt
when damaged."""

from __future__ import annotations

from pathlib import Path

import jieba

from viewer import segmenter

SENTENCE = "社区网格员走访独居老人，了解冬季取暖和就医需求。"


def _fresh(cache: Path) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache)
    segmenter._initialize(tok, cache)
    return tok


def test_chunked_cache_gives_back_jiebas_own_dictionary(tmp_path: Path) -> None:
    built = _fresh(tmp_path)  # no cache yet: jieba builds, we write the chunks
    (chunks,) = tmp_path.glob("viewer-jieba-*.chunks")
    assert not (tmp_path / "jieba.cache").exists()  # jieba's own copy is not kept twice
    loaded = _fresh(tmp_path)
    assert loaded.initialized
    assert loaded.total == built.total
    assert loaded.FREQ == built.FREQ
    assert len(loaded.FREQ) > 100_000
    assert loaded.lcut(SENTENCE) == built.lcut(SENTENCE)
    assert chunks.stat().st_size > 1_000_000


def test_a_damaged_chunk_file_is_rebuilt(tmp_path: Path) -> None:
    reference = _fresh(tmp_path)
    (chunks,) = tmp_path.glob("viewer-jieba-*.chunks")
    chunks.write_bytes(chunks.read_bytes()[:5000])  # cut short, as by a full disk
    again = _fresh(tmp_path)
    assert again.FREQ == reference.FREQ
    assert chunks.stat().st_size > 1_000_000
