"""Checksums of the index's committed files, so damage done after a commit is found.

Right after each commit the index writes a manifest beside its files: the generation it vouches
for and the size and CRC-32 of every file that generation reads (its TOC and its segments'
files). Opening compares sizes only (cheap: a truncated or missing file); `check` compares
checksums (bytes overwritten in place). A manifest written for another generation (a writer
was cut off between whoosh's commit and the manifest, or is committing right now) vouches for
nothing, and the checks say so instead of guessing.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

MANIFEST_SUFFIX = ".manifest"  # "<indexname>.manifest": no whoosh file pattern matches it
CHUNK = 1 << 20


def manifest_path(folder: Path, indexname: str) -> Path:
    return folder / f"{indexname}{MANIFEST_SUFFIX}"


def _crc32(path: Path) -> int:
    crc = 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _committed_files(ix: windex.FileIndex) -> tuple[int, list[str]]:
    toc = windex.TOC.read(ix.storage, ix.indexname)
    names = [windex.TOC._filename(ix.indexname, toc.generation)]
    for segment in toc.segments:
        names += segment.list_files(ix.storage)
    return toc.generation, names


def write_manifest(folder: Path, ix: windex.FileIndex) -> None:
    """Record the latest generation's files; call right after a successful commit. Whoosh never
    rewrites a segment file (new segments get new random names), so a file the previous
    manifest lists with the same size keeps its recorded checksum: a commit reads only the
    files it wrote, not the whole index, and damage done since is still found."""
    generation, names = _committed_files(ix)
    old = (_read_manifest(folder, ix.indexname) or {}).get("files", {})
    files = {}
    for name in names:
        size = (folder / name).stat().st_size
        known = old.get(name)
        files[name] = known if known and known[0] == size else [size, _crc32(folder / name)]
    target = manifest_path(folder, ix.indexname)
    temp = target.with_name(target.name + ".tmp")
    temp.write_text(json.dumps({"generation": generation, "files": files}), encoding="utf-8")
    os.replace(temp, target)  # readers see the old manifest or the new one, never half of one


def _read_manifest(folder: Path, indexname: str) -> dict | None:
    try:
        data = json.loads(manifest_path(folder, indexname).read_text(encoding="utf-8"))
        return {"generation": int(data["generation"]), "files": dict(data["files"])}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def latest_generation(folder: Path, indexname: str) -> int:
    return windex.TOC._latest_generation(FileStorage(str(folder)), indexname)


def file_problems(folder: Path, indexname: str, *, checksums: bool) -> list[str] | None:
    """What is wrong with the committed files, one line each ([] when nothing is); None when no
    manifest vouches for the latest generation (an index from before manifests, or a commit
    that has not written its manifest yet). Sizes always; contents when `checksums`."""
    manifest = _read_manifest(folder, indexname)
    if manifest is None or latest_generation(folder, indexname) != manifest["generation"]:
        return None
    problems = []
    for name, (size, crc) in sorted(manifest["files"].items()):
        path = folder / name
        try:
            actual = path.stat().st_size
            if actual != size:
                problems.append(f"{name}：长度应为 {size} 字节，实为 {actual} 字节")
            elif checksums and _crc32(path) != crc:
                problems.append(f"{name}：内容与提交时的校验和不符")
        except OSError as err:
            problems.append(f"{name}：无法读取（{err.strerror or err}）")
    if problems and latest_generation(folder, indexname) != manifest["generation"]:
        return None  # a writer committed (and removed older files) while we looked
    return problems
