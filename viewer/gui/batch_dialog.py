"""Before an import: what the user knows of the whole batch (its paper, its date, or how its
file names are made). Everything may stay empty: the pages' own metadata is used then.

The values are checked as they are typed, by the core's own `BatchMeta.make`: a bad date or
pattern is one line in the dialog and 导入 stays disabled until it is fixed. When the user
picked files (not a folder), the first one is read with the pattern and the fields as a preview.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import BatchMeta, BatchMetaError
from viewer.gui.plain_text import shown
from viewer.model import PageMeta

EXAMPLE_PATTERN = "{paper}_{yyyy}{mm}{dd}_{page}"


class BatchDialog(QDialog):
    """`chosen` carries the BatchMeta to import with, or None when everything was left empty."""

    chosen = Signal(object)

    def __init__(self, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入：报纸和日期"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per import / edit
        self._paths = list(paths)
        intro = QLabel(
            self.tr(
                "可以都不填：报纸、日期和版面取自版面文件自己的信息。填写的内容只补充文件里没有的。"
            )
        )
        intro.setWordWrap(True)
        self.paper = QLineEdit(placeholderText=self.tr("如 青州日报"))
        self.paper.setAccessibleName(self.tr("报纸"))
        self.date = QLineEdit(placeholderText=self.tr("YYYY-MM-DD，如 2020-10-15"))
        self.date.setAccessibleName(self.tr("日期"))
        self.pattern = QLineEdit(placeholderText=EXAMPLE_PATTERN)
        self.pattern.setAccessibleName(self.tr("文件名模式"))
        pattern_help = QLabel(
            self.tr(
                "文件名模式写出文件名的各部分：{paper} 报纸，{yyyy}{mm}{dd} 日期，{page} 版面，"
                "{*} 其他文字；用 / 可以包括上层文件夹。"
            )
        )
        pattern_help.setTextFormat(Qt.TextFormat.PlainText)
        pattern_help.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("报纸："), self.paper)
        form.addRow(self.tr("日期："), self.date)
        form.addRow(self.tr("文件名模式："), self.pattern)
        form.addRow("", pattern_help)
        self.preview = QLabel()  # the first file, read with the pattern
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()  # what is wrong with the date or the pattern
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok_button: QPushButton = buttons.addButton(
            self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        for edit in (self.paper, self.date, self.pattern):
            edit.textChanged.connect(self._check)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self._batch: BatchMeta | None = None
        self._check()

    def batch(self) -> BatchMeta | None:
        """What the fields say; None when they are empty (or wrong: 导入 is disabled then)."""
        return self._batch

    def _check(self) -> None:
        paper, date, pattern = self.paper.text(), self.date.text(), self.pattern.text()
        try:
            batch = BatchMeta.make(paper=paper, date=date, pattern=pattern)
        except BatchMetaError as err:
            self._batch = None
            self.message.setText(shown(str(err)))
            self.preview.clear()
            self.ok_button.setEnabled(False)
            return
        self.message.clear()
        self.ok_button.setEnabled(True)
        empty = not (batch.paper or batch.date or batch.pattern)
        self._batch = None if empty else batch
        self.preview.setText(self._preview(batch))

    def _preview(self, batch: BatchMeta) -> str:
        first = next((p for p in self._paths if p.suffix), None)  # a file, not a folder
        if batch.pattern is None or first is None:
            return ""
        if not batch.fits(first):
            return self.tr("“{name}”不符合这个模式").format(name=shown(first.name))
        # What the pattern and the fields give; the page's own header or sidecar still comes first.
        meta = batch.fill(first, PageMeta())
        none = self.tr("（无）")
        return self.tr("“{name}”：报纸 {paper}，日期 {date}，版面 {page}").format(
            name=shown(first.name),
            paper=shown(meta.source) or none,
            date=meta.date or none,
            page=shown(meta.page) or none,
        )

    def accept(self) -> None:
        if not self.ok_button.isEnabled():
            return
        super().accept()
        self.chosen.emit(self._batch)
