"""The start-up probe (VIEWER_REPORT_FIRST_PAINT) that benchmarks and the packaged app's smoke test
rely on: the real app, launched as a process, reports its first paint and readiness and quits."""

from __future__ import annotations

import subprocess
import sys
import time

from PySide6.QtCore import QSettings

from tests.gui_benchmark import REPO, launch_env
from viewer.archive import Archive
from viewer.gui.app import StartupProbe
from viewer.gui.main_window import MainWindow

SEEDED_STORIES = 42


def test_launched_app_reports_first_paint_and_ready_then_exits(tmp_path):
    # A first start: no archive named, no archive opened before, so the window opens the
    # sample archive and builds it from the seeds.
    archive = tmp_path / "sample-archive"
    env = launch_env(tmp_path / "own", tmp_path / "config")
    del env["VIEWER_ARCHIVE"]
    env["VIEWER_SAMPLE_ARCHIVE"] = str(archive)
    started = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "viewer", "gui"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [line.split(" ") for line in proc.stdout.splitlines()]
    reports = {words[0]: float(words[1]) for words in lines if len(words) == 2}
    assert sorted(reports) == ["first-paint", "ready"], proc.stdout
    assert [words[0] for words in lines].count("first-paint") == 1
    assert all(started <= stamp <= time.time() for stamp in reports.values())
    # "ready" came after the archive really was opened and seeded.
    with Archive(archive) as opened:
        assert len(opened.stories()) == SEEDED_STORIES
    assert not (tmp_path / "own").exists()  # the samples never go anywhere else


def test_probe_reports_an_archive_that_cannot_open_and_closes(qtbot, tmp_path, capsys):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(blocked, None, settings)
    qtbot.addWidget(window)
    probe = StartupProbe(window)
    window.show()
    qtbot.waitUntil(lambda: probe.failed, timeout=30_000)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    reported = [line.split(" ")[0] for line in capsys.readouterr().out.splitlines()]
    assert "failed" in reported
    assert "ready" not in reported
