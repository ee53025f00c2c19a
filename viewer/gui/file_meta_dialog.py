"""档案中的文件 → 编辑…: a stored file's paper, date and page (`Archive.set_file_meta`).

The date is checked as it is typed (by the core's own `parse_iso_date`, through `BatchMeta.make`);
a wrong one is a line in the dialog and 确定 stays disabled. An empty date means "no date".
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from viewer.archive import BatchMeta, BatchMetaError
from viewer.gui.plain_text import shown


class FileMetaDialog(QDialog):
    def __init__(self, row: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑文件信息"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per import / edit
        self.path = str(row["path"])
        name = QLabel(shown(str(row.get("name") or self.path)))
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setToolTip(shown(self.path))
        self.paper = QLineEdit(str(row.get("source") or ""))
        self.paper.setAccessibleName(self.tr("报纸"))
        self.date = QLineEdit(str(row.get("date") or ""), placeholderText="YYYY-MM-DD")
        self.date.setAccessibleName(self.tr("日期"))
        self.page = QLineEdit(str(row.get("page") or ""))
        self.page.setAccessibleName(self.tr("版面"))
        note = QLabel(
            self.tr("稿件按新日期重新注明日期（自带日期的稿件除外）；重新分析后仍然保留。")
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("文件："), name)
        form.addRow(self.tr("报纸："), self.paper)
        form.addRow(self.tr("日期："), self.date)
        form.addRow(self.tr("版面："), self.page)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("确定"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.date.textChanged.connect(self._check)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 32)
        self._check()

    def values(self) -> dict[str, str]:
        """paper, date, page: what `Archive.set_file_meta` takes."""
        return {"paper": self.paper.text(), "date": self.date.text(), "page": self.page.text()}

    def _check(self) -> None:
        try:
            BatchMeta.make(date=self.date.text())
        except BatchMetaError as err:
            self.message.setText(shown(str(err)))
            self.ok_button.setEnabled(False)
            return
        self.message.clear()
        self.ok_button.setEnabled(True)

    def accept(self) -> None:
        if self.ok_button.isEnabled():
            super().accept()
