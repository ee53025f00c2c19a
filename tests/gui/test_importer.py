"""The import job, its progress dialog and summary, offscreen, on real archives in tmp_path."""

from __future__ import annotations

import itertools
import time

import pytest
from PySide6.QtCore import QTimer

from tests.corpus import write_corpus
from viewer.analysis import Rejection
from viewer.archive import Archive, ImportReport
from viewer.gui.core_text import REJECTION_TEXTS, rejection_text
from viewer.gui.importer import (
    ImportJob,
    ImportProgressDialog,
    summary_text,
    time_text,
)
from viewer.ingest import page
from viewer.store.packing import unpack

TIMEOUT = 120_000


@pytest.fixture
def pages(tmp_path):
    write_corpus(tmp_path / "in", 400, per_page=8)
    return tmp_path / "in"


@pytest.fixture
def make_job(tmp_path):
    jobs = []

    def make(**options):
        job = ImportJob(tmp_path / "archive", workers=0, **options)
        jobs.append(job)
        return job

    yield make
    for job in jobs:
        job.shutdown()


def test_import_reports_throttled_progress_and_keeps_the_loop_responsive(qtbot, pages, make_job):
    job = make_job()
    steps, ticks = [], []
    job.progress.connect(lambda *step: steps.append((time.monotonic(), step)))
    ticker = QTimer(interval=20)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()
    began = time.monotonic()
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        job.start([pages])
        assert job.is_running()
    elapsed = time.monotonic() - began
    ticker.stop()
    report = blocker.args[0]
    assert report.files == 50 and report.imported == 50 and not report.skipped
    assert not report.cancelled and not job.is_running()
    assert steps and steps[-1][1][0] == steps[-1][1][1] == 50
    assert steps[-1][1][2] == report.stories
    # At most ~10 a second (plus the final one), however fast the files go by.
    assert len(steps) <= elapsed * 10 + 2
    assert [s[1][0] for s in steps] == sorted(s[1][0] for s in steps)
    assert len(ticks) >= 5
    with Archive(job.root) as archive:
        assert len(archive.stories()) == report.stories


def test_cancel_half_way_leaves_only_whole_files(qtbot, pages, make_job):
    job = make_job()
    seen = []

    def on_progress(done, total, stories, path):
        seen.append(done)
        if done >= 10:
            job.cancel()

    job.progress.connect(on_progress)
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        job.start([pages])
    report = blocker.args[0]
    assert report.cancelled
    assert 10 <= report.imported < 50
    assert seen[-1] == report.imported  # the last step reached the window even when throttled

    with Archive(job.root) as archive:
        files = [
            (p, unpack(t)) for p, t in archive.store.db.execute("select path, text from files")
        ]
        assert len(files) == report.imported
        by_file: dict[str, list[dict]] = {}
        for story in archive.stories():
            by_file.setdefault(story["source_file"], []).append(story)
        assert set(by_file) == {path for path, _ in files}
        for path, text in files:
            spans = [(s["source_start"], s["source_end"]) for s in by_file[path]]
            assert spans[0][0] == 0 and spans[-1][1] == len(text), path
            assert all(a[1] == b[0] for a, b in itertools.pairwise(spans)), path
        assert archive.check().ok


def test_a_bad_file_is_named_in_the_summary(qtbot, tmp_path, make_job):
    folder = tmp_path / "mixed"
    write_corpus(folder, 24, per_page=8)
    (folder / "扫描件.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "空白页.txt").write_bytes(b"")
    job = make_job()
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        job.start([folder])
    report = blocker.args[0]
    assert report.imported == 3 and len(report.skipped) == 2
    text = summary_text(report)
    assert "扫描件.txt" in text and "空白页.txt" in text
    assert "新导入 3 个" in text and "跳过 2 个" in text
    assert str(tmp_path) not in text  # file names, not full paths


def test_a_cut_off_file_is_imported_and_named_in_the_summary(qtbot, tmp_path, make_job):
    folder = tmp_path / "cut"
    write_corpus(folder, 8, per_page=8)
    page_text = "本报讯　社区开展义诊活动，为居民测量血压。\n（记者　郑明）"
    (folder / "截断.txt").write_bytes(page_text.encode()[:-1])  # ends inside "）"
    job = make_job()
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        job.start([folder])
    report = blocker.args[0]
    assert report.imported == 2 and not report.skipped
    assert [w.code for w in report.warnings] == ["truncated"]
    text = summary_text(report)
    assert "已导入，但请注意" in text
    assert "截断.txt：文件在一个字的中间结束（可能不完整）" in text


def test_summary_lists_at_most_twenty_skipped_files():
    skipped = [Rejection(f"/data/第{n:02d}版.txt", "empty", "空的") for n in range(27)]
    report = ImportReport(files=30, imported=3, stories=17, skipped=skipped, cancelled=True)
    text = summary_text(report)
    assert text.startswith("导入已取消")
    assert "第19版.txt：文件是空的，没有文字。" in text and "第20版.txt" not in text
    assert text.endswith("… 另有 7 个")
    assert "写入稿件 17 篇" in text


def test_summary_names_a_file_met_twice_in_one_import():
    duplicates = [("/data/copy/A03.txt", "/data/A03.txt")]
    report = ImportReport(files=2, imported=1, unchanged=1, duplicates=duplicates)
    text = summary_text(report)
    assert "内容未变 1 个" in text
    assert "只存了一份" in text and "· A03.txt：与 A03.txt 相同" in text


def test_an_archive_that_cannot_open_fails_with_a_message(qtbot, tmp_path):
    blocker_file = tmp_path / "not_a_folder"
    blocker_file.write_text("x", "utf-8")
    job = ImportJob(blocker_file / "archive", workers=0)
    with qtbot.waitSignal(job.failed, timeout=TIMEOUT) as blocker:
        job.start([tmp_path])
    job.shutdown()
    message = blocker.args[0]
    assert message.startswith("导入出错") and "Traceback" not in message
    assert not job.is_running()


def test_dialog_appears_for_a_long_import_and_its_button_cancels(qtbot, pages, make_job):
    job = make_job()
    dialog = ImportProgressDialog(job, delay_ms=100)
    qtbot.addWidget(dialog)
    job.start([pages])
    assert not dialog.isVisible()
    qtbot.waitUntil(dialog.isVisible, timeout=TIMEOUT)
    assert not dialog.isModal()
    qtbot.waitUntil(lambda: dialog.bar.value() >= 1, timeout=TIMEOUT)
    assert "/ 50 个文件" in dialog.count_label.text()
    assert dialog.time_label.text().startswith("已用 ")
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        dialog.cancel_button.click()
        assert not dialog.cancel_button.isEnabled()
    assert blocker.args[0].cancelled
    assert not dialog.isVisible()


def test_dialog_stays_hidden_for_a_quick_import(qtbot, tmp_path, make_job):
    (tmp_path / "nothing").mkdir()
    job = make_job()
    dialog = ImportProgressDialog(job, delay_ms=500)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT):
        job.start([tmp_path / "nothing"])
    qtbot.wait(700)
    assert not dialog.isVisible()


def test_time_text_estimates_the_rest_from_the_pace_so_far():
    assert time_text(12, 10, 35) == "已用 00:12，约剩 00:30"
    assert time_text(3, 0, 35) == "已用 00:03"
    assert time_text(4000, 50, 50) == "已用 1:06:40"


def test_skip_reasons_match_the_core_and_unknown_codes_keep_their_message():
    # The GUI's translatable reasons must stay the core's sentences, word for word.
    for code, text in (page._MESSAGES | page.WARNING_MESSAGES).items():
        assert REJECTION_TEXTS[code] == text
    assert rejection_text("too_large", "") == page._MESSAGES["too_large"].format(
        limit=page.MAX_BYTES // (1024 * 1024)
    )
    assert rejection_text("bad utf-8 at byte 7", "bad utf-8 at byte 7") == "bad utf-8 at byte 7"
