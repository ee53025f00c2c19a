"""Opens the real main window for the first time on whatever screen Qt gives it and prints, as
JSON, where it went and how much room the place tree and the fact panel give their names.

Run by tests/gui/test_laptop_screen.py in a subprocess whose offscreen screen is a laptop's
(the test process's own offscreen screen is 800×800 and cannot be changed once Qt is up).
Usage: python -m tests.gui.laptop_probe ARCHIVE_DIR SETTINGS_FILE (a new, empty archive)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTreeView

from tests.screenshots import wait
from viewer.gui.main_window import MainWindow
from viewer.places.hierarchy import TreeNode

# The longest names the gazetteer's kinds give, five levels deep, with five-digit counts.
LONG_CHAIN = [
    ("新疆维吾尔自治区", "province"),
    ("伊犁哈萨克自治州", "city"),
    ("霍尔果斯市", "county"),
    ("伊车嘎善锡伯族乡", "township"),
    ("西马家坪社区", "community"),
]
# Facts with long names and values, as a story about a village committee gives them.
LONG_FACTS = [
    ("organization", "伊车嘎善锡伯族乡人民政府", ""),
    ("person", "阿依古丽·买买提", "村党支部书记"),
    ("person", "热合曼·艾力", "伊车嘎善锡伯族乡党委副书记、乡长"),  # a role longer than its column
    ("money", "一百二十三万四千五百元", ""),
]


def _chain() -> TreeNode:
    node = None
    for name, kind in reversed(LONG_CHAIN):
        node = TreeNode(name, kind, 99999, [node] if node else [], (name, kind))
    assert node is not None
    return node


def _fact(kind: str, text: str, label: str) -> dict:
    return {"story": 1, "kind": kind, "text": text, "value": None, "unit": "", "label": label,
            "norm": "", "start": None, "end": None}  # fmt: skip


def _rows(view: QTreeView) -> list[dict]:
    """Every row's column widths and the text widths they must hold."""
    model, metrics = view.model(), view.fontMetrics()
    out, pending = [], [view.rootIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            cells = [model.index(row, col, parent) for col in range(model.columnCount(parent))]
            out.append(
                {
                    "texts": [str(c.data() or "") for c in cells],
                    "needed": [metrics.horizontalAdvance(str(c.data() or "")) for c in cells],
                    "room": [view.visualRect(c).width() for c in cells],
                }
            )
            pending.append(cells[0])
    return out


def main(archive: Path, settings_file: Path) -> int:
    app = QApplication(sys.argv)
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    win = MainWindow(archive, None, settings)
    trees = []
    win.tree_model.modelReset.connect(lambda: trees.append(1))
    win.show()
    # The archive's own (empty) tree first, so it cannot replace the one set below.
    if not wait(app, lambda: bool(trees), 60):
        print("the archive's tree did not arrive", file=sys.stderr)
        return 1
    win.tree_model.set_tree([_chain()])
    win.tree_view.expandAll()
    win.fact_model.set_facts([_fact(*fact) for fact in LONG_FACTS])
    win.fact_view.expandAll()
    wait(app, lambda: False, 0.3)  # layouts settle
    available, frame = win.screen().availableGeometry(), win.frameGeometry()
    report = {
        "available": [available.x(), available.y(), available.width(), available.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "splitter": win.splitter.sizes(),
        "fact_dock_width": win.fact_dock.width(),
        "tree": _rows(win.tree_view),
        "facts": _rows(win.fact_view),
        "digits": win.tree_view.fontMetrics().horizontalAdvance("99999"),
    }
    print(json.dumps(report, ensure_ascii=False))
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
