"""Getting an archive back: backing it up, restoring a backup, saying what is wrong in one line.

Restoring works on a database too damaged to open, so it never opens the damaged one: the files
are moved aside (kept), the backup is put in place, and only then is the archive opened to
rebuild its search index from the restored database.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from viewer.archive import LOCK_GRACE, Archive, ProgressFn
from viewer.store import ReadOnlyArchive
from viewer.store.safety import BackupInfo, Diagnosis, Restored, list_backups, restore, writable
from viewer.writelock import WriteLock


class NoBackup(FileNotFoundError):
    """Restoring was asked for an archive that has no backup."""


def backup_text(info: BackupInfo) -> str:
    """PATH（2026-11-30 02:10，12 个文件、84 篇稿件）"""
    return f"{info.path}（{info.taken:%Y-%m-%d %H:%M}，{info.files} 个文件、{info.stories} 篇稿件）"


def _first_complaint(damage: list[str]) -> str:
    """quick_check's first complaint, on one line: SQLite may put a dozen lines in one row
    ("*** in database main ***\nPage 39: …\nOn tree page 37 …"), depending on which pages a
    bad write hit."""
    lines = [line for line in damage[0].splitlines() if line and not line.startswith("***")]
    return lines[0] if lines else damage[0].strip()


def diagnosis_text(root: Path, diagnosis: Diagnosis) -> str:
    """One line: what is wrong, the newest backup, and the command that restores it."""
    if diagnosis.damage:
        what = f"档案数据库 {root / 'archive.db'} 已损坏（{_first_complaint(diagnosis.damage)}）"
    elif diagnosis.lost_writes:
        what = (
            f"档案数据库 {root / 'archive.db'} 缺少 {diagnosis.lost_writes} 次已完成的写入"
            "（崩溃后 archive.db-wal 文件丢失？）"
        )
    else:
        return ""
    restore_cmd = f"viewer --archive {root} restore"
    if diagnosis.backup is None:
        return f"{what}；没有备份：请重新导入原始文件。"
    backup = f"最新备份 {backup_text(diagnosis.backup)}"
    if diagnosis.damage:
        return f"{what}；{backup}，运行 `{restore_cmd}` 恢复；之后导入的文件需要重新导入。"
    # Lost writes come from the import that crashed, after the newest backup: importing those
    # files again is the way out; the backup is there if more is wrong.
    return f"{what}；请重新导入上次中断的导入中的文件，或运行 `{restore_cmd}` 恢复{backup}。"


def restore_archive(
    root: Path,
    backup: Path | None = None,
    *,
    progress: Callable[[str], None] | None = None,
    index_progress: ProgressFn | None = None,
) -> tuple[Restored, int]:
    """Restore `backup` (default the newest) in place of the archive's database and rebuild the
    index (`index_progress` counts its stories). Returns what was restored and the number of
    stories indexed. Raises ArchiveBusy while another program writes to the archive."""
    if not writable(root):
        raise ReadOnlyArchive(f"不能恢复备份：档案文件夹 {root} 是只读的")
    if backup is None:
        backups = list_backups(root)
        if not backups:
            raise NoBackup(f"档案 {root} 没有备份（{root / 'backups'} 为空）")
        backup = backups[0]
    # The files are swapped under the write lock, so no import writes into the database being
    # moved aside; the rebuild below takes the lock again through the archive.
    lock = WriteLock(root)
    lock.action = "恢复备份"
    lock.acquire(LOCK_GRACE)
    try:
        restored = restore(root, Path(backup))
    finally:
        lock.release()
    if progress:
        progress("正在重建检索索引…")
    with Archive(root) as archive:
        archive.refresh_hierarchy()
        count = archive.reindex(progress=index_progress)
    return restored, count
