"""What the program ships that others wrote, under which licence: for Help → 关于.

The packaged program bundles Python, Qt and every Python distribution the program depends on,
directly or through another (sqlite-utils brings click, tabulate …), so each is listed here.
The packaged program holds no package metadata but its own, so this list is written out rather
than read at run time, and the licence texts are copied into resources/licences/ by
tools/collect_licences.py. tests/gui/test_help.py checks both against the installed
distributions, so a new dependency or a changed licence cannot slip by unlisted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from viewer import paths


@dataclass(frozen=True)
class Bundled:
    name: str  # as shown
    licence: str  # SPDX identifiers
    distribution: str | None  # the PyPI distribution it comes from; None for Python and SQLite


SOFTWARE: tuple[Bundled, ...] = (
    Bundled("Python", "PSF-2.0", None),
    Bundled("SQLite", "Public domain", None),
    Bundled("Qt 6 / PySide6", "LGPL-3.0-only", "pyside6-essentials"),
    Bundled("shiboken6", "LGPL-3.0-only", "shiboken6"),
    Bundled("jieba", "MIT", "jieba"),
    Bundled("whoosh-reloaded", "BSD-2-Clause", "whoosh-reloaded"),
    Bundled("sqlite-utils", "Apache-2.0", "sqlite-utils"),
    Bundled("sqlite-fts4", "Apache-2.0", "sqlite-fts4"),
    Bundled("click", "BSD-3-Clause", "click"),
    Bundled("click-default-group", "BSD-3-Clause", "click-default-group"),
    Bundled("python-dateutil", "Apache-2.0 / BSD-3-Clause", "python-dateutil"),
    Bundled("tabulate", "MIT", "tabulate"),
    Bundled("pluggy", "MIT", "pluggy"),
    Bundled("tzdata", "Apache-2.0", "tzdata"),
    Bundled("cached-property", "BSD-3-Clause", "cached-property"),
    Bundled("cn2an", "MIT", "cn2an"),
    Bundled("proces", "MIT", "proces"),
    Bundled("charset-normalizer", "MIT", "charset-normalizer"),
    Bundled("platformdirs", "MIT", "platformdirs"),
    Bundled("OpenCC", "Apache-2.0", "opencc"),
)

# Dependencies of dependencies that the program never imports, so PyInstaller leaves them out:
# sqlite-utils needs pip only for its own `sqlite-utils install` command.
NOT_BUNDLED = frozenset({"pip"})


# The licence texts of SOFTWARE, one file each, written by tools/collect_licences.py.
LICENCE_DIR = Path("resources", "licences")


def licence_file_name(item: Bundled) -> str:
    return f"{(item.distribution or item.name).lower()}.txt"


def is_licence_file(name: str) -> bool:
    """Whether a file a distribution carries is one of its licence or copyright notices."""
    return any(word in name.upper() for word in ("LICEN", "COPYING", "NOTICE", "AUTHORS"))


def licence_text_file(item: Bundled) -> Path | None:
    """The shipped licence text of `item`, or None (SQLite: public domain, nothing to carry)."""
    path = paths.resource_path(*LICENCE_DIR.parts, licence_file_name(item))
    return path if path.is_file() else None


def data_licence_files() -> list[Path]:
    """The licence texts of the bundled data (the gazetteer's sources), by file name."""
    return sorted(paths.resource_path("resources", "gazetteer").glob("LICENSE-*.txt"))
