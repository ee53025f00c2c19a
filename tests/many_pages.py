"""Folders of many small page files cut from the seeds, each different, for tests that need the
import's worker processes (it uses them from PARALLEL_MIN_FILES files on)."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_paragraphs() -> list[str]:
    """The seeds' non-empty paragraphs, in order."""
    out: list[str] = []
    for page in sorted(SEEDS.glob("*.txt")):
        out += [p.strip() for p in page.read_text("utf-8").split("\n\n") if p.strip()]
    return out


def write_pages(folder: Path, count: int, *, per_page: int = 4, tag: str = "") -> list[Path]:
    """`count` page files of `per_page` seed paragraphs each (taken in turn, so the pages differ
    in content and length), each ending with a brief naming its number."""
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = seed_paragraphs()
    written = []
    for i in range(count):
        start = (i * 7) % len(paragraphs)
        chosen = [paragraphs[(start + k) % len(paragraphs)] for k in range(per_page)]
        brief = f"本报讯 第{i}号{tag}测试稿件：社区开展第{i % 97 + 1}次志愿服务活动。"
        path = folder / f"page_{tag}{i:04d}.txt"
        path.write_text("\n\n".join([*chosen, brief]) + "\n", encoding="utf-8")
        written.append(path)
    return written
