"""The window talks to the core only through `viewer.archive`, `viewer.model` and `viewer.paths`
(STYLE.md): the rest of the core can change shape without the GUI noticing."""

from __future__ import annotations

import ast
from pathlib import Path

import viewer.gui

ALLOWED = {"viewer.archive", "viewer.model", "viewer.paths"}


def core_imports(source: Path) -> set[str]:
    """The modules of the core (viewer.*, not viewer.gui.*) that `source` imports."""
    found = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from viewer import export` imports the module viewer.export
            names = [node.module]
            if node.module == "viewer":
                names = [f"viewer.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(n for n in names if n.startswith("viewer") and not n.startswith("viewer.gui"))
    return found


def test_the_gui_imports_only_archive_model_and_paths_of_the_core():
    gui = Path(viewer.gui.__file__).parent
    wrong = {
        str(source.relative_to(gui)): sorted(core_imports(source) - ALLOWED)
        for source in sorted(gui.rglob("*.py"))
    }
    assert {name: mods for name, mods in wrong.items() if mods} == {}


def test_the_check_sees_every_form_of_import(tmp_path):
    source = tmp_path / "m.py"
    source.write_text(
        "import viewer.text\nfrom viewer import export\nfrom viewer.search import x\n"
        "from viewer.gui import y\nfrom viewer.archive import z\nfrom . import w\n"
    )
    assert core_imports(source) == {
        "viewer.text",
        "viewer.export",
        "viewer.search",
        "viewer.archive",
    }
