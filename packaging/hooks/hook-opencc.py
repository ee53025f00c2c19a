"""opencc: ship only what viewer/text.py loads, the t2s configuration and the dictionaries it
names (replaces the contrib hook, which collects every data file: all configurations and
dictionaries, the C++ headers, static libraries and command-line tools, 6 MB).
The package finds its configurations in opencc/clib/share/opencc beside its own module."""

import json
from collections.abc import Iterator
from pathlib import Path

from PyInstaller.utils.hooks import get_package_paths

CONFIG = "t2s.json"  # as `OpenCC("t2s")` in viewer/text.py
SHARE = "opencc/clib/share/opencc"

_, package_dir = get_package_paths("opencc")
share = Path(package_dir) / "clib" / "share" / "opencc"


def _dictionary_files(node: object) -> Iterator[str]:
    """Every dictionary file a configuration names, at any depth (groups hold lists)."""
    if isinstance(node, dict):
        if isinstance(node.get("file"), str):
            yield node["file"]
        for value in node.values():
            yield from _dictionary_files(value)
    elif isinstance(node, list):
        for value in node:
            yield from _dictionary_files(value)


_config = json.loads((share / CONFIG).read_text(encoding="utf-8"))
_files = [CONFIG, *dict.fromkeys(_dictionary_files(_config))]
datas = [(str(share / name), SHARE) for name in _files]
