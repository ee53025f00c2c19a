"""The search desk beside the place tree: saved searches with their current hit counts, and the
facets of the search shown (places, kinds, years, each with how many hits choosing it finds).

It works through the search bar (running a saved search or choosing a facet sets the bar's
query and filters, and the window searches as it does for typing) and through the window's two
ways to the archive: `ops.read` for the counts and facets, `run_write` for saving, renaming and
deleting (after which the window reloads, and with it the counts; see `load_saved`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import Archive, FacetCounts, SavedSearch, SearchFilters, SearchOptions
from viewer.gui.models.search_desk import (
    COL_COUNT,
    COL_NAME,
    FILTER_ROLE,
    SAVED_ROLE,
    FacetModel,
    SavedSearchModel,
)
from viewer.gui.operations import ArchiveOps
from viewer.gui.search_bar import SearchBar

PLACE_LIMIT = 50  # places listed in the facets (the rest are counted, see the group's tooltip)
RunWrite = Callable[[str, Callable[[Archive], Any], Callable[[Any], None] | None], bool]


def search_options(filters: SearchFilters) -> SearchOptions:
    """A saved search's filters as the search bar's options (only those that are set)."""
    out: SearchOptions = {}
    if filters.place:
        out["place"] = filters.place
    if filters.kind:
        out["kind"] = filters.kind
    if filters.date_from:
        out["date_from"] = filters.date_from
    if filters.date_to:
        out["date_to"] = filters.date_to
    return out


def _count_column(view: QTreeView) -> None:
    """Names get the room; the count column what a five-digit count needs."""
    header = view.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.Fixed)
    metrics = view.fontMetrics()
    header.resizeSection(
        COL_COUNT, metrics.horizontalAdvance("99999") + 2 * metrics.horizontalAdvance("M")
    )


class SearchDesk(QWidget):
    """Saved searches above, the facets of the current search below, in a splitter."""

    def __init__(self, search_bar: SearchBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_bar = search_bar
        self._ops: ArchiveOps | None = None
        self._run_write: RunWrite | None = None

        self.saved_model = SavedSearchModel(self)
        self.saved_view = QTreeView()
        self.saved_view.setAccessibleName(self.tr("保存的检索"))
        self.saved_view.setModel(self.saved_model)
        self.saved_view.setRootIsDecorated(False)
        self.saved_view.setUniformRowHeights(True)
        self.saved_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.saved_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        _count_column(self.saved_view)
        self.save_button = QPushButton(self.tr("保存当前检索…"))
        self.save_button.setAccessibleName(self.tr("保存当前检索"))
        self.save_button.setToolTip(self.tr("把检索词和筛选条件存下来，以后一键再查"))
        self.save_button.setEnabled(False)  # until something is searched

        self.facet_model = FacetModel(self)
        self.facet_view = QTreeView()
        self.facet_view.setAccessibleName(self.tr("结果分布"))
        self.facet_view.setModel(self.facet_model)
        self.facet_view.setUniformRowHeights(True)
        self.facet_view.setToolTip(self.tr("点击一项，把它加为筛选条件"))
        _count_column(self.facet_view)

        saved_pane = QWidget()
        saved_layout = QVBoxLayout(saved_pane)
        saved_layout.setContentsMargins(0, 0, 0, 0)
        saved_layout.addWidget(self.saved_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        saved_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(saved_pane)
        self.splitter.addWidget(self.facet_view)
        self.splitter.setSizes([140, 260])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.save_button.clicked.connect(self._ask_to_save)
        self.saved_view.clicked.connect(self._on_saved_clicked)
        self.saved_view.activated.connect(self._on_saved_clicked)
        self.saved_view.customContextMenuRequested.connect(self._saved_menu)
        self.facet_view.clicked.connect(self._on_facet_clicked)
        self.facet_view.activated.connect(self._on_facet_clicked)
        self.search_bar.changed.connect(self._update_save_button)

    def attach(self, ops: ArchiveOps, run_write: RunWrite) -> None:
        """The window's reads and writes (made after its widgets)."""
        self._ops, self._run_write = ops, run_write

    def tab_chain(self) -> list[QWidget]:
        return [self.saved_view, self.save_button, self.facet_view]

    # -- reading ------------------------------------------------------------------------------

    def load_saved(self) -> None:
        """The saved searches and their counts, again (the archive may have changed)."""
        if self._ops is not None:
            self._ops.read("saved-searches", Archive.saved_searches, self.saved_model.set_searches)

    def load_facets(self, text: str, options: SearchOptions) -> None:
        """The facets of the search just shown; asked after its results, never before."""
        ops = self._ops
        if ops is None:
            return

        def facets(archive: Archive) -> FacetCounts | None:
            # A newer search waits behind this read (fast typing): it asks for its own facets,
            # so these are skipped rather than make it wait. (A dict lookup from the reader
            # thread: atomic under the GIL.)
            if ops.is_pending("list"):
                return None
            return archive.facets(text, **options, place_limit=PLACE_LIMIT)

        ops.read("facets", facets, self._show_facets, lambda _message: self.clear_facets())

    def clear_facets(self) -> None:
        if self._ops is not None:
            self._ops.forget("facets")
        self.facet_model.set_facets(None)

    def clear(self) -> None:
        """Another archive: nothing of this one is shown."""
        if self._ops is not None:
            self._ops.forget("saved-searches")
        self.saved_model.set_searches([])
        self.clear_facets()
        self._update_save_button()

    def _show_facets(self, facets: FacetCounts | None) -> None:
        if facets is None:
            return  # skipped: the newer search's facets follow
        self.facet_model.set_facets(facets)
        self.facet_view.expandAll()

    # -- saved searches -----------------------------------------------------------------------

    def _update_save_button(self) -> None:
        self.save_button.setEnabled(bool(self.search_bar.text() or self.search_bar.options()))

    def save_current(self, name: str) -> bool:
        """Save what the search bar holds under `name`; False if refused (nothing searched, a
        write running, a read-only archive). A taken name or a query that cannot be searched
        is the window's error message."""
        text, options = self.search_bar.text(), self.search_bar.options()
        if self._run_write is None or not (text or options):
            return False
        filters = SearchFilters(**options)
        return self._run_write(
            self.tr("保存检索"), lambda archive: archive.save_search(name, text, filters), None
        )

    def rename(self, old: str, new: str) -> bool:
        if self._run_write is None:
            return False
        return self._run_write(
            self.tr("重命名检索"), lambda archive: archive.rename_search(old, new), None
        )

    def delete(self, name: str) -> bool:
        if self._run_write is None:
            return False
        return self._run_write(
            self.tr("删除检索"), lambda archive: archive.delete_search(name), None
        )

    def run(self, search: SavedSearch) -> None:
        """Put a saved search in the search bar; the window searches it as if typed."""
        self.search_bar.query.setText(search.query)
        self.search_bar.set_filters(search_options(search.filters))

    def _on_saved_clicked(self, index: QModelIndex) -> None:
        search = index.data(SAVED_ROLE)
        if search is not None:
            self.run(search)

    def _ask_name(self, title: str, label: str, text: str = "") -> str:
        name, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return name.strip() if ok else ""

    def _ask_to_save(self) -> None:
        name = self._ask_name(self.tr("保存检索"), self.tr("名称："), self.search_bar.text())
        if name:
            self.save_current(name)

    def _saved_menu(self, point: QPoint) -> None:
        index = self.saved_view.indexAt(point)
        search: SavedSearch | None = index.data(SAVED_ROLE) if index.isValid() else None
        if search is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("检索"), lambda: self.run(search))
        menu.addAction(self.tr("重命名…"), lambda: self._ask_to_rename(search.name))
        menu.addAction(self.tr("删除"), lambda: self._ask_to_delete(search.name))
        menu.exec(self.saved_view.viewport().mapToGlobal(point))

    def _ask_to_rename(self, old: str) -> None:
        new = self._ask_name(self.tr("重命名检索"), self.tr("新名称："), old)
        if new and new != old:
            self.rename(old, new)

    def _ask_to_delete(self, name: str) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("删除检索"),
            self.tr("删除保存的检索“{name}”？稿件不受影响。").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(name)

    # -- facets -------------------------------------------------------------------------------

    def _on_facet_clicked(self, index: QModelIndex) -> None:
        """A facet becomes the bar's filter of its kind (the other filters stay); the window
        searches again."""
        facet = index.siblingAtColumn(COL_NAME).data(FILTER_ROLE)
        if facet is None:
            return
        kind, value = facet
        options = self.search_bar.options()
        if kind == "place":
            options["place"] = value
        elif kind == "kind":
            options["kind"] = value
        else:
            options["date_from"], options["date_to"] = f"{value}-01-01", f"{value}-12-31"
        self.search_bar.set_filters(options)
