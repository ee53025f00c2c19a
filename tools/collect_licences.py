"""Write resources/licences/: the licence text of everything the program bundles (`make licences`).

MIT, BSD and Apache ask that binary copies carry the licence and copyright notices; the
packaged program ships resources/ whole, and Help → 关于 shows these texts. One file per entry
of viewer/gui/licences.py: the licence files the installed distribution carries (its
dist-info), else the text given below for the few whose wheels carry none. Run it in the
project's venv after changing requirements.lock; tests/gui/test_help.py fails until the files
match what is installed.
"""

from __future__ import annotations

import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.gui import licences  # noqa: E402  (after the path is set, run as a script)

# Debian's copies of the GNU licences (package base-files); PySide6's wheels carry none.
GNU = Path("/usr/share/common-licenses")
# jieba 0.42.1's wheel carries no licence file; this is its repository's LICENSE.
JIEBA_MIT = """The MIT License (MIT)

Copyright (c) 2013 Sun Junyi

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def distribution_texts(name: str) -> list[tuple[str, str]]:
    """(file name, text) of each licence file the installed distribution carries."""
    return [
        (file.name, file.read_text(encoding="utf-8"))
        for file in sorted(metadata.files(name) or [], key=str)
        if licences.is_licence_file(file.name)
    ]


def texts_for(item: licences.Bundled) -> list[tuple[str, str]]:
    if item.distribution is None:
        if item.name == "Python":
            stdlib = Path(sysconfig.get_paths()["stdlib"])
            return [("LICENSE.txt", (stdlib / "LICENSE.txt").read_text(encoding="utf-8"))]
        return []  # SQLite is in the public domain: there is no licence to carry
    found = distribution_texts(item.distribution)
    if found:
        return found
    if item.distribution == "jieba":
        return [("LICENSE", JIEBA_MIT)]
    if item.licence.startswith("LGPL-3.0"):
        return [(name, (GNU / name).read_text(encoding="utf-8")) for name in ("LGPL-3", "GPL-3")]
    raise SystemExit(f"{item.distribution} carries no licence file: give its text here")


def main() -> int:
    out = ROOT / licences.LICENCE_DIR
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    for item in licences.SOFTWARE:
        texts = texts_for(item)
        if not texts:
            continue
        body = "\n\n".join(f"==> {name} <==\n{text.strip()}" for name, text in texts)
        (out / licences.licence_file_name(item)).write_text(body + "\n", encoding="utf-8")
        print(out / licences.licence_file_name(item))
    return 0


if __name__ == "__main__":
    sys.exit(main())
