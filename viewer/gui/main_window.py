"""The main window: place tree | story list | reader, a search bar and a fact panel.

All reading happens on the ArchiveReader's thread; this module only sends requests and shows
answers. Requests carry a number so late answers to replaced requests are dropped.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import (
    CSV_ENCODING,
    Archive,
    BackupInfo,
    BatchMeta,
    Diagnosis,
    ImportReport,
    PlaceProfile,
    ReanalyseReport,
    Restored,
    SearchResults,
    TreeNode,
    backup_info,
    citation,
    facts_csv,
    restore_backup,
    results_csv,
    story_markdown,
    story_text,
)
from viewer.gui import help_dialogs, i18n, printing
from viewer.gui.annotations import AnnotationsDialog, StoryAnnotator
from viewer.gui.archives import (
    archive_title,
    is_sample,
    new_archive_problem,
    open_archive_problem,
    recent_archives,
    remember_archive,
    seeds_for,
    state_key,
)
from viewer.gui.batch_dialog import BatchDialog
from viewer.gui.corrections import CorrectionsUi
from viewer.gui.files_dialog import FilesDialog
from viewer.gui.importer import (
    ImportJob,
    ImportProgressDialog,
    reanalysis_summary_text,
    summary_text,
)
from viewer.gui.issue_browser import IssueBrowser
from viewer.gui.models import (
    KEY_ROLE,
    NAME_ROLE,
    OCCURRENCES_ROLE,
    SORT_ROLE,
    STORY_ID_ROLE,
    FactTreeModel,
    PlaceFilterProxy,
    PlaceTreeModel,
    StoryListModel,
)
from viewer.gui.models.issues import Issue
from viewer.gui.models.kinds import STORY_KIND_NAMES, story_kind_name
from viewer.gui.models.story_list import COL_DATE, COL_KIND, COL_TITLE
from viewer.gui.operations import ArchiveOps
from viewer.gui.plain_text import shown
from viewer.gui.profile_view import PlaceProfileView
from viewer.gui.reader import ReaderView
from viewer.gui.safety_bar import ArchiveAlertBar
from viewer.gui.screen_fit import keep_on_screen, place_by_default
from viewer.gui.search_bar import SearchBar, tree_place_names
from viewer.gui.search_desk import SearchDesk
from viewer.gui.snippet_delegate import SnippetDelegate, row_height
from viewer.gui.tasks import ArchiveReader, ReaderThread
from viewer.paths import sample_archive_dir

T = TypeVar("T")
HISTORY_SIZE = 20  # recent queries kept per archive
SEARCH_DELAY_MS = 250
SEARCH_LIMIT = 200


class MainWindow(QMainWindow):
    archiveReady = Signal()  # the reader has opened the archive (the start-up probe waits on it)
    requestReopen = Signal()

    def __init__(
        self, archive_dir: Path, seeds: Path | None = None, settings: QSettings | None = None
    ) -> None:
        super().__init__()
        self.archive_dir = archive_dir
        self._place: str | None = None
        self._issue = Issue()  # or the issue picked in 按期浏览 (see _on_issue_picked)
        self._terms: list[str] = []
        self._last_fact: tuple[tuple, int] | None = None  # (fact clicked, occurrence shown)
        self._reanalysis_dismissed = False  # the bar's 关闭: not again this session
        # After a reanalysis story ids change: the open story's (file, offset) to find it again.
        self._reselect: tuple[str, int] | None = None
        self.read_only_folder: str | None = None  # set when the archive opened read-only
        self._settings = settings if settings is not None else QSettings()
        self.setAcceptDrops(True)
        self._build()
        self._restore_layout()
        self.import_job = ImportJob(archive_dir, parent=self)
        self.import_dialog = ImportProgressDialog(self.import_job, self)
        self.import_job.finished.connect(self._on_import_finished)
        self.import_job.failed.connect(self._on_import_failed)
        self._error_box: QMessageBox | None = None
        self._write_done: Callable[[Any], None] | None = None  # see run_write
        self.files_dialog: FilesDialog | None = None
        # Reads of the archive, one channel per pane: an answer is shown only if nothing newer
        # was asked of its channel since (fast typing, quick clicks).
        self.ops = ArchiveOps(self.show_error, self)
        self._build_annotations()
        self._connect_widgets()
        self._worker = self._start_reader(archive_dir, seeds)

    # -- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.search_bar = SearchBar()
        # The box and its status line keep their old names (tests, the screenshot script).
        self.search_box = self.search_bar.query
        self.search_status = self.search_bar.status

        self.place_filter = QLineEdit(placeholderText=self.tr("筛选地点"))
        self.place_filter.setAccessibleName(self.tr("筛选地点"))
        self.tree_model = PlaceTreeModel()
        self.tree_proxy = PlaceFilterProxy()
        self.tree_proxy.setSourceModel(self.tree_model)
        self.tree_view = QTreeView()
        self.tree_view.setAccessibleName(self.tr("地点树"))
        self.tree_view.setModel(self.tree_proxy)
        self.tree_view.setUniformRowHeights(True)  # lets the view skip measuring every row
        tree_header = self.tree_view.header()
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tree_header.setStretchLastSection(False)
        # The tree is five levels deep (province … community): the names get the room, the
        # count column just what a five-digit count and its header need, sized from the font
        # rather than by measuring every row.
        self.tree_view.setIndentation(self.fontMetrics().horizontalAdvance("M") + 2)
        tree_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        count_header = str(self.tree_model.headerData(1, Qt.Orientation.Horizontal))
        tree_header.resizeSection(
            1,
            max(self.fontMetrics().horizontalAdvance(text) for text in ("99999", count_header))
            + 2 * self.fontMetrics().horizontalAdvance("M"),
        )

        self.story_model = StoryListModel()
        self.story_proxy = QSortFilterProxyModel()
        self.story_proxy.setSourceModel(self.story_model)
        self.story_proxy.setSortRole(SORT_ROLE)
        self.story_view = QTableView()
        self.story_view.setAccessibleName(self.tr("稿件列表"))
        self.story_view.setModel(self.story_proxy)
        self.story_view.setSortingEnabled(True)
        # Source order (page by page) until the user clicks a column header.
        self.story_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.story_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.story_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.story_view.verticalHeader().hide()
        self.story_view.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        header = self.story_view.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # Kind and date have short texts of known shape: size them from the font once rather
        # than measuring thousands of rows (ResizeToContents) on every list change.
        metrics = self.story_view.fontMetrics()
        kinds = [story_kind_name(k) for k in STORY_KIND_NAMES]
        kind_width = max(
            metrics.horizontalAdvance(k)
            for k in [*kinds, self.story_model.headerData(COL_KIND, Qt.Orientation.Horizontal)]
        )
        padding = 2 * metrics.horizontalAdvance("M")
        header.resizeSection(COL_KIND, kind_width + padding)
        header.resizeSection(COL_DATE, metrics.horizontalAdvance("2020-12-31") + padding)
        # Search results show their snippet, hits marked, under the title.
        self.story_view.setItemDelegateForColumn(COL_TITLE, SnippetDelegate(self.story_view))
        # Fixed row heights: sizing 20,000 rows to their contents froze the window for seconds.
        # Cells hold one line (long places are elided, the tooltip has them all); search results
        # have a second line for the snippet.
        self.story_view.setWordWrap(False)
        self.story_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.story_proxy.modelReset.connect(self._size_story_rows)
        self._size_story_rows()
        self.search_bar.set_results_view(self.story_view)

        self.reader = ReaderView()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.place_filter)
        # Saved searches and the facets of the search shown, under the place tree.
        self.search_desk = SearchDesk(self.search_bar)
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(self.tree_view)
        self.left_split.addWidget(self.search_desk)
        self.left_split.setStretchFactor(0, 1)
        left_layout.addWidget(self.left_split)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.story_view)

        self.issue_browser = IssueBrowser()
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(left, self.tr("地点"))
        self.left_tabs.addTab(self.issue_browser, self.tr("按期浏览"))
        self.left_tabs.setDocumentMode(True)
        # Off the Tab chain: the panes are reached with Alt+number, the tabs with a click.
        self.left_tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter()
        for widget in (self.left_tabs, centre, self.reader):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([320, 580, 500])  # the list needs room for headlines and snippets
        # The search bar spans the top: its filters need more room than the list column has.
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.search_bar)
        self.alert_bar = ArchiveAlertBar()
        self.alert_bar.restoreRequested.connect(self.restore_backup)
        central_layout.addWidget(self.alert_bar)
        central_layout.addWidget(self._build_reanalysis_bar())
        central_layout.addWidget(self._build_sample_bar())
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.fact_model = FactTreeModel()
        self.fact_view = QTreeView()
        self.fact_view.setAccessibleName(self.tr("要素"))
        self.fact_view.setModel(self.fact_model)
        self.fact_dock = QDockWidget(self.tr("要素"), self)
        self.fact_dock.setObjectName("facts")
        self.fact_dock.setWidget(self.fact_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.fact_dock)
        self.profile_view = PlaceProfileView()
        self.profile_dock = QDockWidget(self.tr("地点概况"), self)
        self.profile_dock.setObjectName("profile")
        self.profile_dock.setWidget(self.profile_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.profile_dock)
        self.tabifyDockWidget(self.fact_dock, self.profile_dock)
        self.fact_dock.raise_()
        self.resizeDocks([self.fact_dock], [340], Qt.Orientation.Horizontal)
        # As in the place tree: the names get the room; values (33,000 元, a role such as
        # 村党支部书记; longer roles are elided, the tooltip has them) and the count column
        # what their usual text needs, sized from the font.
        fact_header = self.fact_view.header()
        fact_header.setStretchLastSection(False)
        fact_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics, padding = self.fontMetrics(), 2 * self.fontMetrics().horizontalAdvance("M")
        fact_header.resizeSection(1, metrics.horizontalAdvance("村党支部书记") + padding)
        fact_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        count_title = str(self.fact_model.headerData(2, Qt.Orientation.Horizontal))
        fact_header.resizeSection(
            2, max(metrics.horizontalAdvance(text) for text in ("999", count_title)) + padding
        )

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build_menus()
        self._build_help_menu()
        chain = self.tab_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.statusBar().showMessage(self.tr("正在打开档案…"))

    def _build_reanalysis_bar(self) -> QFrame:
        """Shown while the archive holds an older page reading than today's (not a dialog: the
        window is usable as it is)."""
        self.reanalysis_bar = QFrame()
        self.reanalysis_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.reanalysis_bar.setAccessibleName(self.tr("重新分析提示"))
        message = QLabel(
            self.tr("这个档案是用旧版本分析的：重新分析后，稿件会有日期，地点树从省开始。")
        )
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.reanalyse_button = QPushButton(self.tr("重新分析"))
        self.reanalyse_button.clicked.connect(self.start_reanalysis)
        self.dismiss_reanalysis_button = QPushButton(self.tr("关闭"))
        self.dismiss_reanalysis_button.setToolTip(self.tr("本次不再提示"))
        self.dismiss_reanalysis_button.clicked.connect(self._dismiss_reanalysis)
        layout = QHBoxLayout(self.reanalysis_bar)
        layout.addWidget(message, 1)
        layout.addWidget(self.reanalyse_button)
        layout.addWidget(self.dismiss_reanalysis_button)
        self.reanalysis_bar.hide()
        return self.reanalysis_bar

    def _build_sample_bar(self) -> QFrame:
        """Shown on the sample archive: the user's own pages belong in an archive of their own."""
        self.sample_bar = QFrame()
        self.sample_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.sample_bar.setAccessibleName(self.tr("示例档案提示"))
        message = QLabel(
            self.tr(
                "这是示例档案，里面是随程序提供的示例版面。导入自己的报纸前，请先新建一个档案。"
            )
        )
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.sample_new_button = QPushButton(self.tr("新建档案…"))
        self.sample_new_button.clicked.connect(self._choose_new_archive)
        layout = QHBoxLayout(self.sample_bar)
        layout.addWidget(message, 1)
        layout.addWidget(self.sample_new_button)
        self.sample_bar.hide()
        return self.sample_bar

    def _action(
        self, menu: QMenu, text: str, slot: object, *keys: QKeySequence.StandardKey | str
    ) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        new_key = QKeySequence.StandardKey.New
        self._action(file_menu, self.tr("新建档案(&N)…"), self._choose_new_archive, new_key)
        self._action(file_menu, self.tr("打开档案(&A)…"), self._choose_archive)
        self.recent_menu = file_menu.addMenu(self.tr("最近的档案(&E)"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action(file_menu, self.tr("打开示例档案(&S)"), self.open_sample_archive)
        file_menu.addSeparator()
        self.import_actions = [
            self._action(file_menu, self.tr("导入文件(&I)…"), self._choose_files, "Ctrl+O"),
            self._action(
                file_menu, self.tr("导入文件夹(&D)…"), self._choose_folder, "Ctrl+Shift+O"
            ),
        ]
        self.reanalyse_action = self._action(
            file_menu, self.tr("重新分析档案(&R)…"), self.start_reanalysis
        )
        self.reanalyse_action.setEnabled(False)  # until the archive is open
        self.backup_action = self._action(file_menu, self.tr("备份档案(&B)…"), self._choose_backup)
        self._action(file_menu, self.tr("档案中的文件(&L)…"), self.show_files)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("退出(&Q)"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self._action(
            edit_menu,
            self.tr("搜索(&S)"),
            self._focus_search,
            QKeySequence.StandardKey.Find,
            "Ctrl+K",
        )
        self._action(
            edit_menu,
            self.tr("筛选地点(&P)"),
            lambda: self._focus_pane(self.place_filter),
            "Ctrl+L",
        )

        self.story_menu = story_menu = bar.addMenu(self.tr("稿件(&S)"))
        self._action(story_menu, self.tr("复制引文(&C)"), self.copy_citation, "Ctrl+Shift+C")
        self._action(story_menu, self.tr("导出为文本(&T)…"), lambda: self._export_story("txt"))
        self._action(story_menu, self.tr("导出为 Markdown(&M)…"), lambda: self._export_story("md"))
        self._action(story_menu, self.tr("导出为 PDF(&D)…"), self._export_pdf)
        self._action(
            story_menu, self.tr("打印(&P)…"), self._print_story, QKeySequence.StandardKey.Print
        )
        story_menu.addSeparator()
        self._action(story_menu, self.tr("导出要素表 CSV(&F)…"), self._export_facts)
        self._action(story_menu, self.tr("导出结果列表 CSV(&R)…"), self._export_results)
        story_menu.addSeparator()
        self.corrections = CorrectionsUi(self, edit_menu, story_menu)

        view_menu = bar.addMenu(self.tr("查看(&V)"))
        self._action(view_menu, self.tr("上一篇(&P)"), lambda: self._step_story(-1), "Alt+Up")
        self._action(view_menu, self.tr("下一篇(&N)"), lambda: self._step_story(1), "Alt+Down")
        self._action(view_menu, self.tr("下一处命中(&H)"), lambda: self.reader.step_hit(1), "F3")
        self._action(
            view_menu, self.tr("上一处命中(&J)"), lambda: self.reader.step_hit(-1), "Shift+F3"
        )
        view_menu.addSeparator()
        self._action(
            view_menu, self.tr("放大(&+)"), self.reader.zoom_in, QKeySequence.StandardKey.ZoomIn
        )
        self._action(
            view_menu, self.tr("缩小(&-)"), self.reader.zoom_out, QKeySequence.StandardKey.ZoomOut
        )
        original = self._action(
            view_menu, self.tr("显示原文(&O)"), self.reader.set_show_original, "Ctrl+U"
        )
        original.setCheckable(True)
        view_menu.addSeparator()
        view_menu.addAction(self.fact_dock.toggleViewAction())
        view_menu.addAction(self.profile_dock.toggleViewAction())
        self._action(
            view_menu,
            self.tr("按期浏览(&I)"),
            lambda: self._focus_pane(self.issue_browser.view),
            "Ctrl+I",
        )
        self._build_go_menu(view_menu.addMenu(self.tr("转到(&G)")))
        view_menu.addSeparator()
        self._build_language_menu(view_menu.addMenu(self.tr("语言(&L)")))

    def _build_annotations(self) -> None:
        """The open story's tags, note and bookmark in the reader; Story → 标签与书签."""
        self.annotator = StoryAnnotator(
            self.ops,
            self.run_write,
            self.show_error,
            self.load_story,
            lambda: self.archive_dir,
            lambda: self.read_only_folder is None,
            self,
        )
        self.reader.add_annotation_widgets(self.annotator.tag_bar, self.annotator.note_editor)
        self.reader.storyShown.connect(self.annotator.show_story)
        self.annotator.searchRequested.connect(self.search_for)
        self.annotations_dialog: AnnotationsDialog | None = None
        self.story_menu.addSeparator()
        self.story_menu.addAction(self.annotator.bookmark_action)
        self._action(self.story_menu, self.tr("标签与书签(&G)…"), self.show_annotations)

    def show_annotations(self) -> AnnotationsDialog:
        """Story → 标签与书签: every tag with its count and every bookmark."""
        if self.annotations_dialog is None:
            self.annotations_dialog = AnnotationsDialog(self.ops, self)
            self.annotations_dialog.searchRequested.connect(self.search_for)
            self.annotations_dialog.storyRequested.connect(self._open_story)
        self.annotations_dialog.reload()
        self.annotations_dialog.show()
        self.annotations_dialog.raise_()
        return self.annotations_dialog

    def search_for(self, query: str) -> None:
        """Search `query` now (a tag clicked), with no filter left to hide its stories."""
        for widget in (self.search_bar, self.search_box):
            widget.blockSignals(True)
        self.search_bar.clear_filters()
        self.search_box.setText(query)
        for widget in (self.search_bar, self.search_box):
            widget.blockSignals(False)
        self._search_timer.stop()
        self._run_search()

    def _build_go_menu(self, menu: QMenu) -> None:
        """Alt+1…5 put the keyboard in each pane, showing its dock first if it was hidden."""
        panes = (
            (self.tr("地点树(&1)"), self.tree_view, None),
            (self.tr("稿件列表(&2)"), self.story_view, None),
            (self.tr("正文(&3)"), self.reader.body, None),
            (self.tr("要素(&4)"), self.fact_view, self.fact_dock),
            (self.tr("地点概况(&5)"), self.profile_view.tree, self.profile_dock),
        )
        for number, (text, widget, dock) in enumerate(panes, start=1):
            self._action(
                menu,
                text,
                lambda _on=False, w=widget, d=dock: self._focus_pane(w, d),
                f"Alt+{number}",
            )

    def _focus_pane(self, widget: QWidget, dock: QDockWidget | None = None) -> None:
        for tab in range(self.left_tabs.count()):  # the place tree or 按期浏览: bring its tab up
            page = self.left_tabs.widget(tab)
            if page is not None and page.isAncestorOf(widget):
                self.left_tabs.setCurrentIndex(tab)
        if dock is not None:
            dock.show()
            dock.raise_()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def tab_chain(self) -> list[QWidget]:
        """The order Tab walks the window in: top to bottom, left to right."""
        return [
            *self.search_bar.tab_chain(),
            self.place_filter,
            self.tree_view,
            *self.search_desk.tab_chain(),
            self.story_view,
            self.reader.body,
            self.fact_view,
            self.profile_view.tree,
        ]

    def _build_language_menu(self, menu: QMenu) -> None:
        """Follow the system, or a fixed language; stored, applied at the next start."""
        group = QActionGroup(self)
        current = str(self._settings.value(i18n.SETTING, "") or "")
        # Each language is named in itself, so a user can find theirs whatever the UI shows.
        choices = (("", self.tr("跟随系统")), (i18n.CHINESE, "简体中文"), (i18n.ENGLISH, "English"))
        for code, label in choices:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._choose_language)
        self.language_actions = group

    def _choose_language(self, action: QAction) -> None:
        self._settings.setValue(i18n.SETTING, action.data())
        self._settings.sync()
        # Said in both languages: the user may not read the one the window is in now.
        self._notify(
            QMessageBox.Icon.Information,
            self.tr("界面语言"),
            "界面语言将在下次启动时切换。\nThe new language takes effect at the next start.",
        )

    def _build_help_menu(self) -> None:
        """Last on the bar, where users look for it."""
        menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self.user_guide_action = self._action(
            menu,
            self.tr("使用说明(&U)"),
            lambda: help_dialogs.show_dialog(self, help_dialogs.USER_GUIDE_NAME),
            QKeySequence.StandardKey.HelpContents,
        )
        self.about_action = self._action(
            menu,
            self.tr("关于(&A)"),
            lambda: help_dialogs.show_dialog(self, help_dialogs.ABOUT_NAME),
        )

    def _start_reader(self, folder: Path, seeds: Path | None) -> ReaderThread:
        """A reader thread for the archive in `folder` (built from `seeds` if it is empty)."""
        self.setWindowTitle(archive_title(folder))
        self.sample_bar.setVisible(is_sample(folder))
        reader = ArchiveReader(folder, seeds)
        self.ops.submitted.connect(reader.run)
        reader.answered.connect(self.ops.on_answered)
        reader.errored.connect(self.ops.on_errored)
        self.requestReopen.connect(reader.reopen)
        reader.ready.connect(self._on_ready)
        reader.analysisChecked.connect(self._on_analysis_checked)
        reader.indexChecked.connect(self._on_index_checked)
        reader.failed.connect(self.statusBar().showMessage)
        reader.troubled.connect(self._on_troubled)
        reader.readOnly.connect(self._on_read_only)
        worker = ReaderThread(reader)
        worker.start()
        return worker

    def _stop_reader(self) -> None:
        reader = self._worker.reader
        self.ops.submitted.disconnect(reader.run)
        self.requestReopen.disconnect(reader.reopen)
        self._worker.stop()
        self.ops.forget_all()

    def open_archive(self, folder: Path, seeds: Path | None = None) -> bool:
        """Show the archive in `folder` instead (File → New, Open, a recent one, the sample);
        False, with a message, while an import or another write is running."""
        if self._busy():
            return False
        self._save_layout()  # the place and story open in the archive being left
        self._stop_reader()
        self._clear_panes()
        self.archive_dir = folder
        self.import_job.root = folder
        self._worker = self._start_reader(folder, seeds)
        self.statusBar().showMessage(self.tr("正在打开档案…"))
        return True

    def _clear_panes(self) -> None:
        """Forget everything shown of the archive being left."""
        self._place, self._terms, self._reselect, self._last_fact = None, [], None, None
        self._reanalysis_dismissed = False
        self.read_only_folder = None
        for action in [*self.import_actions, self.reanalyse_action]:
            action.setEnabled(True)
            action.setToolTip("")
        self.reanalyse_action.setEnabled(False)  # until the archive is open
        for bar in (self.alert_bar, self.reanalysis_bar):
            bar.hide()
        self._reset_search_quietly()
        self.search_bar.set_places([])  # quiet itself: refilling is no change of filter
        self.place_filter.clear()
        self._issue = Issue()
        self.issue_browser.set_issues([])
        self.tree_model.set_tree([])
        self.story_model.set_stories([])
        self.reader.clear()
        self.fact_model.set_facts([])
        self.profile_view.clear()
        self.search_desk.clear()

    def _connect_widgets(self) -> None:
        self.search_desk.attach(self.ops, self.run_write)
        self.profile_view.storyRequested.connect(self._open_story)
        self.place_filter.textChanged.connect(self._filter_places)
        self.tree_view.selectionModel().selectionChanged.connect(self._on_place_selected)
        self.issue_browser.issuePicked.connect(self._on_issue_picked)
        self.story_view.selectionModel().selectionChanged.connect(self._on_story_selected)
        self.search_bar.changed.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._open_first_result)
        self.search_bar.historyCleared.connect(lambda: self._set_history([]))
        self._search_timer.timeout.connect(self._run_search)
        self.fact_view.clicked.connect(self._on_fact_clicked)
        # Enter on a fact does what a click does (not `activated`: on single-click platforms it
        # would fire together with `clicked` and skip an occurrence).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.fact_view)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda: self._on_fact_clicked(self.fact_view.currentIndex()))
        self.fact_model.kindVisibilityChanged.connect(self.reader.set_kind_visible)

    # -- requests ---------------------------------------------------------------------------

    def load_tree(self) -> None:
        """The place tree and the archive's date span (the date filter's default)."""
        self.ops.read("tree", lambda archive: (archive.tree(), archive.date_span()), self._on_tree)
        self.issue_browser.load(self.ops)
        self.search_desk.load_saved()  # with the tree: after every write their counts change

    def load_stories(self) -> None:
        """The stories of the place picked in the tree (all of them when none is)."""
        place, issue = self._place, self._issue.as_kwargs()
        self.ops.read("list", lambda archive: archive.stories(place, **issue), self._on_stories)

    def load_story(self, story_id: int) -> None:
        self.ops.read("story", lambda archive: archive.story(story_id), self._on_story)

    def run_write(
        self, title: str, work: Callable[[Archive], T], done: Callable[[T], None] | None = None
    ) -> bool:
        """Change the archive: `work(archive)` on its writer thread (one writer: the import's),
        with the import's progress dialog if it lasts; then the panes reload and `done(result)`
        runs. A failure is a message in the window. False when refused (another write runs, or
        the archive is read-only)."""
        if self._refuse_if_read_only() or self._busy():
            return False
        self._write_done = done or (lambda _result: None)
        self.import_job.start_task(
            title,
            lambda archive, _progress, _cancel: work(archive),
            self.tr("{title}：出错了：{{error}}").format(title=title),
            open_archive=True,
        )
        return True

    def show_error(self, message: str) -> None:
        """An archive operation failed: say so in the window (one message box at a time)."""
        self.statusBar().showMessage(message, 10000)
        if self._error_box is not None and self._error_box.isVisible():
            self._error_box.setText(shown(message))
            return
        self._error_box = self._notify(QMessageBox.Icon.Warning, self.tr("出错了"), message)
        self._error_box.finished.connect(self._forget_error_box)

    def _forget_error_box(self) -> None:
        self._error_box = None  # closed: deleted with it (WA_DeleteOnClose)

    def _on_ready(self) -> None:
        remember_archive(self._settings, self.archive_dir)
        self.search_bar.set_history(self.search_history())
        if self.files_dialog is not None and self.files_dialog.isVisible():
            self.files_dialog.reload()
        self.statusBar().showMessage(self.tr("档案已打开"), 3000)
        self.reanalyse_action.setEnabled(True)
        self.archiveReady.emit()
        self.load_tree()
        self.load_stories()

    def _filter_places(self, text: str) -> None:
        self.tree_proxy.setFilterFixedString(text)
        if text:
            self.tree_view.expandAll()

    def _on_place_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes or indexes[0].data(KEY_ROLE) is None:
            return
        self._place = name = indexes[0].data(NAME_ROLE)
        self._issue = Issue()
        self.issue_browser.forget_pick()
        self.ops.read("profile", lambda archive: archive.place_profile(name), self._on_profile)
        self._reset_search_quietly()
        self.load_stories()

    def _reset_search_quietly(self) -> None:
        """Empty the query and the filters without starting a search: the tree and the issue
        browser browse, the bar searches, so picking in them starts from all their stories."""
        for widget in (self.search_bar, self.search_box):
            widget.blockSignals(True)
        self.search_box.clear()
        self.search_bar.clear_filters()
        for widget in (self.search_bar, self.search_box):
            widget.blockSignals(False)
        self.search_bar.set_status("")
        self._search_timer.stop()
        self._terms = []

    def _on_issue_picked(self, issue: Issue) -> None:
        """A paper, year, month, day or page picked in 按期浏览: its stories, as for a place."""
        self._issue, self._place = issue, None
        self.tree_view.selectionModel().clearSelection()
        # Else the next tree reload (_on_tree) would pick the remembered place over the issue.
        self._settings.remove(state_key(self.archive_dir, "place"))
        self._reset_search_quietly()
        self.load_stories()

    def _run_search(self) -> None:
        text = self.search_bar.text()
        options = self.search_bar.options()
        if not text and not options:
            self._terms = []
            self.search_bar.set_status("")
            self.search_desk.clear_facets()
            self.load_stories()
            return
        if self.import_job.is_running() and self.import_job.repairing_index:
            # Searched again when the repair finishes (see _on_import_finished).
            self.search_bar.set_status(self.tr("正在重建检索索引，完成后自动检索"))
            return

        sort = self.search_bar.sort_order()

        def search(archive: Archive) -> tuple[SearchResults, float]:
            start = time.perf_counter()
            results = archive.search_results(text, **options, limit=SEARCH_LIMIT, sort=sort)
            return results, time.perf_counter() - start

        def done(answer: tuple[SearchResults, float]) -> None:
            self._on_search_done(answer)
            self.search_desk.load_facets(text, options)  # after the results: never slows them

        def failed(message: str) -> None:
            self._on_search_failed(message)
            self.search_desk.clear_facets()

        self.ops.read("list", search, done, failed)

    def _on_story_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.load_story(indexes[0].data(STORY_ID_ROLE))
            if self.story_model.has_snippets():  # a search result: the query was worth it
                self._remember_query()

    def search_history(self) -> list[str]:
        """This archive's recent queries, newest first."""
        value = self._settings.value(state_key(self.archive_dir, "history")) or []
        return [value] if isinstance(value, str) else [str(q) for q in value]

    def _set_history(self, queries: list[str]) -> None:
        self._settings.setValue(state_key(self.archive_dir, "history"), queries[:HISTORY_SIZE])
        self.search_bar.set_history(queries[:HISTORY_SIZE])

    def _remember_query(self) -> None:
        """Keep the query in the history once the user acts on it (Enter, opening a result),
        not every prefix typed on the way."""
        text = self.search_bar.text()
        if text:
            self._set_history([text, *(q for q in self.search_history() if q != text)])

    def _open_first_result(self) -> None:
        """Enter in the search box: the row picked with the arrow keys, else the first one."""
        self._remember_query()
        if self.story_proxy.rowCount() > 0:
            if not self.story_view.selectionModel().hasSelection():
                self.story_view.selectRow(0)
            self.story_view.setFocus()

    def _step_story(self, step: int) -> None:
        """Previous/next story in the list as it is sorted now."""
        rows = self.story_proxy.rowCount()
        if rows == 0:
            return
        current = self.story_view.currentIndex()
        row = current.row() + step if current.isValid() else 0
        self.story_view.selectRow(max(0, min(rows - 1, row)))

    def show_files(self) -> FilesDialog:
        """File → 档案中的文件: the page files, and removing them."""
        if self.files_dialog is None:
            self.files_dialog = FilesDialog(self.ops, self.run_write, self)
        self.files_dialog.reload()
        self.files_dialog.show()
        self.files_dialog.raise_()
        return self.files_dialog

    def _choose_new_archive(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("新建档案：选择或新建一个空文件夹"), str(Path.home())
        )
        if folder:
            self.create_archive(Path(folder))

    def create_archive(self, folder: Path) -> bool:
        """Start an empty archive in `folder` (which must be empty or not exist yet)."""
        problem = new_archive_problem(folder)
        if problem is not None:
            self._notify(QMessageBox.Icon.Warning, self.tr("不能新建档案"), f"{folder}\n{problem}")
            return False
        return self.open_archive(folder)

    def _choose_archive(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("打开档案：选择档案文件夹"), str(self.archive_dir.parent)
        )
        if folder:
            self.open_existing_archive(Path(folder))

    def open_existing_archive(self, folder: Path) -> bool:
        problem = open_archive_problem(folder)
        if problem is not None:
            self._notify(QMessageBox.Icon.Warning, self.tr("不能打开档案"), f"{folder}\n{problem}")
            return False
        return self.open_archive(folder, seeds_for(folder))

    def open_sample_archive(self) -> None:
        folder = sample_archive_dir()
        self.open_archive(folder, seeds_for(folder))

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [f for f in recent_archives(self._settings) if f != self.archive_dir.resolve()]
        for number, folder in enumerate(recent, start=1):
            text = f"&{number} {archive_title(folder)}  ({folder})"
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _on=False, f=folder: self.open_existing_archive(f))
        if not recent:
            self.recent_menu.addAction(self.tr("（没有）")).setEnabled(False)

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("导入文件"), "", self.tr("报纸版面 (*.txt *.md);;所有文件 (*)")
        )
        if files:
            self.ask_batch_then_import([Path(f) for f in files])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("导入文件夹"))
        if folder:
            self.ask_batch_then_import([Path(folder)])

    def ask_batch_then_import(self, paths: list[Path]) -> BatchDialog | None:
        """Ask for the batch's paper, date or file-name pattern, then import."""
        if self._refuse_if_read_only() or self._busy():
            return None
        self.batch_dialog = BatchDialog(paths, self)
        self.batch_dialog.chosen.connect(lambda batch: self.start_import(paths, batch))
        self.batch_dialog.open()
        return self.batch_dialog

    def start_import(self, paths: list[Path], batch: BatchMeta | None = None) -> None:
        """Import on a worker thread; the window stays usable meanwhile. `batch`: what the
        user said about these files (see BatchDialog)."""
        if self._refuse_if_read_only():
            return
        if self.import_job.is_running():
            self.statusBar().showMessage(self.tr("已有导入正在进行"), 5000)
            return
        self.statusBar().showMessage(self.tr("正在导入 {n} 项…").format(n=len(paths)))
        self.import_job.start(paths, batch)

    def start_reanalysis(self) -> None:
        """Read every stored page again with today's page reading, on the import's worker (the
        archive has one writer), with the import's progress dialog."""
        if self._refuse_if_read_only():
            return
        if self.import_job.is_running():
            self.statusBar().showMessage(self.tr("已有导入正在进行"), 5000)
            return
        self.reanalysis_bar.hide()
        self.statusBar().showMessage(self.tr("正在重新分析档案…"))
        self.import_job.start_reanalysis()

    def _on_analysis_checked(self, needed: bool) -> None:
        running = self.import_job.is_running() and self.import_job.reanalysing
        writable = self.read_only_folder is None
        self.reanalysis_bar.setVisible(
            needed and writable and not running and not self._reanalysis_dismissed
        )

    def _on_index_checked(self, needed: bool) -> None:
        """An interrupted import, or a damaged or missing index: repair it now with the import's
        progress dialog, while the tree, the list and the reader keep working from the
        database."""
        if needed and not self.import_job.is_running():
            self.statusBar().showMessage(self.tr("正在重建检索索引…"))
            self.import_job.start_index_repair()

    def _dismiss_reanalysis(self) -> None:
        self._reanalysis_dismissed = True
        self.reanalysis_bar.hide()

    def _remember_open_story(self) -> None:
        story = self.reader.story()
        if story is not None and story.get("source_file"):
            self._reselect = (story["source_file"], story.get("source_start") or 0)

    def _on_import_finished(self, report: object) -> None:
        if self._write_done is not None:  # a run_write
            done, self._write_done = self._write_done, None
            self._reload_after_write()
            done(report)
            return
        if isinstance(report, BackupInfo | Restored):
            self._on_safety_task_finished(report)
            return
        if isinstance(report, ReanalyseReport):
            self._remember_open_story()
        # The reader thread reopens the archive to see the new files, then everything reloads.
        self.requestReopen.emit()
        self.load_tree()
        self._run_search()
        if self.import_job.repairing_index:
            self.statusBar().showMessage(self.tr("检索索引已就绪"), 5000)
            return
        if isinstance(report, ReanalyseReport):
            self.last_import_summary = reanalysis_summary_text(report)
            self.statusBar().showMessage(self.last_import_summary, 5000)
            if report.cancelled:
                self._notify(
                    QMessageBox.Icon.Information, self.tr("重新分析"), self.last_import_summary
                )
            return
        self.statusBar().showMessage(self.tr("导入完成"), 5000)
        assert isinstance(report, ImportReport)  # the other reports returned above
        self.last_import_summary = summary_text(report)
        if report.skipped or report.warnings or report.cancelled or report.unfit:
            self._notify(
                QMessageBox.Icon.Information, self.tr("导入完成"), self.last_import_summary
            )

    def _reload_after_write(self) -> None:
        """The reader sees the writer's changes, then every pane asks again."""
        self.requestReopen.emit()
        self.load_tree()
        self._run_search()

    def _on_import_failed(self, message: str) -> None:
        if self._write_done is not None:  # a run_write: whatever it finished stays
            self._write_done = None
            self._reload_after_write()
            self.show_error(message)
            return
        self.requestReopen.emit()
        self.load_tree()
        if self.import_job.repairing_index:
            self._notify(QMessageBox.Icon.Warning, self.tr("重建检索索引出错"), message)
            return
        if self.import_job.task_title:  # a backup or a restore
            self.alert_bar.restore_button.setEnabled(True)
            self._notify(QMessageBox.Icon.Warning, self.import_job.task_title, message)
            return
        if self.import_job.reanalysing:
            self._remember_open_story()  # files already done have new story ids
            self._run_search()
            self._notify(QMessageBox.Icon.Warning, self.tr("重新分析出错"), message)
            return
        self._notify(QMessageBox.Icon.Warning, self.tr("导入出错"), message)

    # -- backups, damage, read-only archives ------------------------------------------------------

    def _on_troubled(self, diagnosis: Diagnosis) -> None:
        self.alert_bar.show_diagnosis(diagnosis)
        self.statusBar().showMessage(self.tr("档案数据库有问题：见窗口上方的提示"))

    def _on_read_only(self, folder: str) -> None:
        self.read_only_folder = folder
        for action in [*self.import_actions, self.reanalyse_action]:
            action.setEnabled(False)
            action.setToolTip(self.tr("只读档案不能导入或修改"))
        self.reanalysis_bar.hide()
        self.alert_bar.show_read_only(folder)
        self.statusBar().showMessage(self.tr("只读档案：可以浏览和检索，不能导入"))

    def _refuse_if_read_only(self) -> bool:
        if self.read_only_folder is None:
            return False
        self.statusBar().showMessage(
            self.tr("不能导入：档案文件夹 {folder} 是只读的").format(folder=self.read_only_folder),
            5000,
        )
        return True

    def _busy(self) -> bool:
        if self.import_job.is_running():
            self.statusBar().showMessage(self.tr("已有导入正在进行"), 5000)
            return True
        return False

    def _choose_backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("备份档案"), "archive-backup.db", self.tr("SQLite 数据库 (*.db)")
        )
        if name:
            self.start_backup(Path(name))

    def start_backup(self, dest: Path) -> None:
        """A consistent copy of the database on the archive's writer thread (not the GUI's)."""
        if self._busy():
            return
        self.import_job.start_task(
            self.tr("正在备份档案"),
            lambda archive, _progress, _cancel: backup_info(archive.store.backup(dest)),
            self.tr("备份失败：{error}"),
            open_archive=True,
        )

    def restore_backup(self, backup: Path) -> None:
        """Put `backup` in place of the archive's database (the current one is renamed and
        kept) and rebuild the index, on the writer thread; then everything reloads."""
        if self._busy():
            self.alert_bar.restore_button.setEnabled(True)
            return
        self.statusBar().showMessage(self.tr("正在恢复备份…"))
        self.import_job.start_task(
            self.tr("正在恢复备份"),
            lambda root, progress, _cancel: restore_backup(root, backup, progress),
            self.tr("恢复备份失败：{error}"),
            open_archive=False,
        )

    def _on_safety_task_finished(self, result: BackupInfo | Restored) -> None:
        if isinstance(result, BackupInfo):
            self.last_import_summary = self.tr("已备份到 {path}（{n} 篇稿件）").format(
                path=result.path, n=result.stories
            )
            self.statusBar().showMessage(self.last_import_summary, 8000)
            return
        self.alert_bar.hide()
        self.requestReopen.emit()
        self.load_tree()
        self.load_stories()
        kept = result.kept_aside[0] if result.kept_aside else None
        self.last_import_summary = self.tr(
            "已恢复 {time} 的备份（{stories} 篇稿件），检索索引已重建。原数据库保留为 {kept}。"
            "备份之后导入的文件需要重新导入。"
        ).format(
            time=f"{result.backup.taken:%Y-%m-%d %H:%M}", stories=result.backup.stories, kept=kept
        )
        self.statusBar().showMessage(self.tr("备份已恢复"), 8000)
        self._notify(QMessageBox.Icon.Information, self.tr("备份已恢复"), self.last_import_summary)

    def _notify(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        """A window-modal message that does not block the event loop (imports keep running)."""
        box = QMessageBox(icon, title, shown(text), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- citation and export ----------------------------------------------------------------

    def copy_citation(self) -> None:
        story = self.reader.story()
        if story is not None:
            QApplication.clipboard().setText(citation(story))
            self.statusBar().showMessage(self.tr("引文已复制"), 3000)

    def _save_text(self, title: str, name: str, filters: str, text: str, encoding: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, name, filters)
        if not path:
            return
        try:
            Path(path).write_text(text, encoding=encoding, newline="")
        except OSError as err:
            message = self.tr("无法写入 {path}：{error}").format(path=path, error=err.strerror)
            self._notify(QMessageBox.Icon.Warning, title, message)
            return
        self.statusBar().showMessage(self.tr("已保存 {path}").format(path=path), 5000)

    def _export_story(self, fmt: str) -> None:
        story = self.reader.story()
        if story is None:
            return
        text = story_markdown(story) if fmt == "md" else story_text(story)
        name = f"{story['label'][:30]}.{fmt}"
        filters = "Markdown (*.md)" if fmt == "md" else self.tr("文本 (*.txt)")
        self._save_text(self.tr("导出稿件"), name, filters, text, "utf-8")

    def _export_pdf(self) -> None:
        story = self.reader.story()
        if story is None:
            return
        title = self.tr("导出为 PDF")
        path, _ = QFileDialog.getSaveFileName(
            self, title, f"{story['label'][:30]}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        if not printing.save_pdf(self.reader, Path(path)) or not Path(path).is_file():
            self._notify(
                QMessageBox.Icon.Warning, title, self.tr("无法写入 {path}").format(path=path)
            )
            return
        self.statusBar().showMessage(self.tr("已保存 {path}").format(path=path), 5000)

    def _print_story(self) -> None:
        if printing.print_story(self.reader, self):
            self.statusBar().showMessage(self.tr("已发送到打印机"), 5000)

    def _export_facts(self) -> None:
        story = self.reader.story()
        if story is not None:
            text = facts_csv(story["facts"])
            self._save_text(
                self.tr("导出要素表"), self.tr("要素.csv"), "CSV (*.csv)", text, CSV_ENCODING
            )

    def _export_results(self) -> None:
        rows = [self.story_model.story(r) for r in range(self.story_model.rowCount())]
        text = results_csv(rows)
        self._save_text(
            self.tr("导出结果列表"), self.tr("结果.csv"), "CSV (*.csv)", text, CSV_ENCODING
        )

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- answers ----------------------------------------------------------------------------

    def _on_tree(self, answer: tuple[list[TreeNode], tuple[str, str] | None]) -> None:
        nodes, span = answer
        if span is not None:
            self.search_bar.set_date_span(*span)
        self.tree_model.set_tree(nodes)
        # The top level only, one row at a time: expandToDepth walks every node (slow on a
        # big archive's tree).
        for row in range(self.tree_proxy.rowCount()):
            self.tree_view.expand(self.tree_proxy.index(row, 0))
        self.search_bar.set_places(tree_place_names(nodes))
        key = self._settings.value(state_key(self.archive_dir, "place"))
        if self.tree_view.selectionModel().hasSelection() or not key:
            return
        index = self.tree_proxy.mapFromSource(self.tree_model.index_for_key(tuple(key)))
        if index.isValid():
            self.tree_view.scrollTo(index)
            self.tree_view.setCurrentIndex(index)

    def _on_stories(self, rows: list[dict]) -> None:
        self.story_model.set_stories(rows)
        self.statusBar().showMessage(self.tr("{n} 篇稿件").format(n=len(rows)))
        self._reselect_story()
        # The story open now (the list came back after a write), else last session's; none
        # while a story just chosen is on its way (selecting one would replace its request).
        open_story = self.reader.story()
        last = (
            open_story["id"]
            if open_story
            else self._settings.value(state_key(self.archive_dir, "story"))
        )
        if self.ops.is_pending("story"):
            last = None
        row = self.story_model.row_for_id(int(last)) if last is not None else None
        if row is not None and not self.story_view.selectionModel().hasSelection():
            self.story_view.selectRow(
                self.story_proxy.mapFromSource(self.story_model.index(row, 0)).row()
            )

    def _on_search_done(self, answer: tuple[SearchResults, float]) -> None:
        results, seconds = answer
        rows = results.hits
        self._terms = results.terms  # authors too: the reader marks them in the byline
        self.story_model.set_stories(rows)
        self._reselect_story()
        if self.search_bar.has_filters():
            status = self.tr("{n} 条结果（已筛选），用时 {ms} 毫秒")
        else:
            status = self.tr("{n} 条结果，用时 {ms} 毫秒")
        self.search_bar.set_status(status.format(n=len(rows), ms=round(seconds * 1000)))
        self.statusBar().showMessage(self.tr("{n} 条检索结果").format(n=len(rows)))

    def _reselect_story(self) -> None:
        """After a reanalysis: open the story now standing where the open one stood on its page,
        or empty the reader if the list has none there (its old id is gone)."""
        where, self._reselect = self._reselect, None
        if where is None:
            return
        path, start = where
        for row in range(self.story_model.rowCount()):
            story = self.story_model.story(row)
            begin = story.get("source_start") or 0
            end = story.get("source_end") or begin
            if story.get("source_file") == path and begin <= start < max(end, begin + 1):
                index = self.story_proxy.mapFromSource(self.story_model.index(row, 0))
                self.story_view.selectRow(index.row())
                return
        self.reader.clear()
        self.fact_model.set_facts([])

    def _on_search_failed(self, message: str) -> None:
        self._terms = []
        self.search_bar.set_status(message)

    def _on_story(self, story: dict | None) -> None:
        if story is None:
            return
        self.reader.show_story(story)
        self.reader.set_search_terms(self._terms)
        self.fact_model.set_facts(story["facts"], page_date=story.get("date"))
        self.fact_view.expandAll()

    def _on_profile(self, profile: PlaceProfile | None) -> None:
        if profile is None:
            self.profile_view.clear()
            return
        self.profile_view.show_profile(profile)
        self.profile_dock.raise_()

    def _open_story(self, story_id: int) -> None:
        """Open a story by id: select it in the list if it is there, else load it directly."""
        row = self.story_model.row_for_id(story_id)
        if row is None:
            self.load_story(story_id)
            return
        self.story_view.selectRow(
            self.story_proxy.mapFromSource(self.story_model.index(row, 0)).row()
        )

    def _size_story_rows(self) -> None:
        height = row_height(self.story_view.font(), self.story_model.has_snippets())
        self.story_view.verticalHeader().setDefaultSectionSize(height)

    def _on_fact_clicked(self, index: QModelIndex) -> None:
        """Show the fact in the text; clicking the same fact again goes to its next occurrence."""
        placed = [f for f in index.data(OCCURRENCES_ROLE) or [] if f.get("start") is not None]
        if not placed:
            return
        key = (self.reader.story() or {}).get("id"), index.row(), index.parent().row()
        last = self._last_fact
        step = (last[1] + 1) % len(placed) if last is not None and last[0] == key else 0
        self._last_fact = (key, step)
        fact = placed[step]
        self.reader.reveal(fact["start"], fact["end"])

    # -- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.ask_batch_then_import(paths)

    # -- settings ---------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        s = self._settings
        if s.value("window/geometry") is None or not self.restoreGeometry(
            s.value("window/geometry")
        ):
            place_by_default(self)
        keep_on_screen(self)  # a geometry saved on a bigger monitor
        if s.value("window/state") is not None:
            self.restoreState(s.value("window/state"))
        if s.value("window/splitter") is not None:
            self.splitter.restoreState(s.value("window/splitter"))
        zoom = s.value("reader/zoom", 0, type=int)
        self.reader.set_zoom(zoom if isinstance(zoom, int) else 0)

    def _save_layout(self) -> None:
        s = self._settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("reader/zoom", self.reader.zoom())
        selected = self.tree_view.selectionModel().selectedRows()
        place = selected[0].data(KEY_ROLE) if selected else None
        if place is not None:
            s.setValue(state_key(self.archive_dir, "place"), list(place))
        story = self.reader.story()
        if story is not None:
            s.setValue(state_key(self.archive_dir, "story"), story["id"])
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        self.import_job.shutdown()
        self._worker.stop()
        super().closeEvent(event)
