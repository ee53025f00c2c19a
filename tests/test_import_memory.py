"""The importing process's memory stays flat as the archive grows (issue 9: a writer that
peaked at 9 GB on 20,000 stories). Many small commits make the index merge its segments on
the way; the second half of the import, into an archive twice as large, must not need more."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.many_pages import write_pages

REPO = Path(__file__).resolve().parent.parent

# In a child process, so its peak is its own: import two folders one after the other and
# report the peak resident memory of each (Linux: VmHWM, reset between them by clear_refs).
CHILD = """
import json, sys
from pathlib import Path
from viewer.archive import Archive

def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) // 1024

peaks = []
with Archive(Path(sys.argv[1])) as archive:
    archive.search("社区")  # the searcher is open throughout, as in the window
    for folder in sys.argv[2:]:
        Path("/proc/self/clear_refs").write_text("5")
        report = archive.import_paths(sorted(Path(folder).glob("*.txt")), workers=0)
        archive.search("社区")
        peaks.append([peak_mb(), report.stories])
print(json.dumps(peaks))
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="needs Linux /proc")
def test_the_importing_process_stays_flat_as_the_archive_grows(tmp_path):
    first = write_pages(tmp_path / "first", 250, tag="a")
    second = write_pages(tmp_path / "second", 250, tag="b")
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "VIEWER_CACHE": str(tmp_path / "cache"),
        "VIEWER_INDEX_COMMIT_STORIES": "40",  # a commit every ~8 pages: merges on the way
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(tmp_path / "archive"),
            str(first[0].parent),
            str(second[0].parent),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=True,
    )
    (peak_first, stories_first), (peak_second, stories_second) = json.loads(done.stdout)
    assert stories_first > 400 and stories_second > 400
    assert len(list((tmp_path / "archive" / "index").glob("*.seg"))) < 12  # merged
    assert peak_second <= peak_first + 20, (peak_first, peak_second)
    assert peak_second < 600
