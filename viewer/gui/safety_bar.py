"""The bar at the top of the window that says what is wrong with the archive and the way out.

A damaged database or writes lost after a crash: what happened, the newest backup (when it was
taken, what it holds, what restoring it would lose) and a button that restores it. A read-only
archive: why nothing can be imported. Not a dialog: the window stays usable for browsing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from viewer.archive import BackupInfo, Diagnosis


class ArchiveAlertBar(QFrame):
    restoreRequested = Signal(object)  # Path of the backup to restore

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("档案状态提示"))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # paths are shown, never parsed
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("恢复备份"))
        self.restore_button.clicked.connect(self._restore)
        self.dismiss_button = QPushButton(self.tr("关闭"))
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.dismiss_button)
        self._backup: Path | None = None
        self.hide()

    def _backup_text(self, info: BackupInfo) -> str:
        return self.tr("{time} 的备份（{files} 个文件、{stories} 篇稿件）").format(
            time=f"{info.taken:%Y-%m-%d %H:%M}", files=info.files, stories=info.stories
        )

    def show_diagnosis(self, diagnosis: Diagnosis) -> None:
        """Offer the newest backup for a damaged database or lost writes."""
        info = diagnosis.backup
        if diagnosis.damage:
            text = self.tr("档案数据库已损坏，部分内容无法读取。")
            if info is not None:
                text += self.tr(
                    "可以恢复{backup}：此后导入的文件需要重新导入；损坏的数据库会改名保留。"
                ).format(backup=self._backup_text(info))
            else:
                text += self.tr("没有备份：请把原始文件重新导入一个新档案。")
        elif diagnosis.lost_writes:
            text = self.tr(
                "档案缺少 {n} 次已完成的写入（程序崩溃后 archive.db-wal 文件丢失？）："
                "请重新导入最近导入的文件"
            ).format(n=diagnosis.lost_writes)
            if info is not None:
                text += self.tr("，或恢复{backup}").format(backup=self._backup_text(info))
            text += self.tr("。")
        else:
            self.hide()
            return
        self.message.setText(text)
        self._backup = info.path if info is not None else None
        self.restore_button.setVisible(info is not None)
        self.restore_button.setEnabled(True)
        self.dismiss_button.setVisible(True)
        self.show()

    def show_read_only(self, folder: str) -> None:
        self.message.setText(
            self.tr(
                "只读档案：文件夹 {folder} 不可写（只读挂载、共享或没有写权限）。"
                "可以浏览和检索，不能导入、重新分析或修改。"
            ).format(folder=folder)
        )
        self._backup = None
        self.restore_button.hide()
        self.dismiss_button.setVisible(True)
        self.show()

    def _restore(self) -> None:
        if self._backup is not None:
            self.restore_button.setEnabled(False)
            self.restoreRequested.emit(self._backup)
