"""Zipped automatic backups on real files: small, say what they hold without being unpacked,
restore; plain backups of earlier versions still restore; a damaged zip moves nothing."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.test_recovery import run
from viewer.store import DB_NAME, safety

SEEDED_STORIES = 42


@pytest.fixture
def imported(capsys, tmp_path, seeds_dir) -> Path:
    root = tmp_path / "a"
    assert run(capsys, root, "import", str(seeds_dir), "--workers", "0")[0] == 0
    return root


def test_the_automatic_backup_is_a_zip_of_the_database_that_says_what_it_holds(imported):
    backup = safety.list_backups(imported)[0]
    assert backup.suffix == ".zip"
    db_size = (imported / DB_NAME).stat().st_size
    assert backup.stat().st_size < db_size / 2
    with zipfile.ZipFile(backup) as zipped:
        assert zipped.namelist() == [DB_NAME]  # any unzip tool gives the database back
        contents = json.loads(zipped.comment)
        unzipped = Path(zipped.extract(DB_NAME, imported / "unzipped"))
    assert safety.quick_check(unzipped) == []
    conn = sqlite3.connect(unzipped)
    assert conn.execute("select count(*) from stories").fetchone()[0] == SEEDED_STORIES
    conn.close()
    info = safety.backup_info(backup)
    assert (
        (info.files, info.stories)
        == (5, SEEDED_STORIES)
        == (
            contents["files"],
            contents["stories"],
        )
    )
    assert not list((imported / "backups").glob("*.part"))  # no snapshot left behind


def test_a_plain_backup_of_an_earlier_version_is_still_listed_and_restored(capsys, imported):
    conn = sqlite3.connect(imported / DB_NAME)
    old = safety.backup_to(conn, imported / "backups" / "archive-20200101-000000.db")
    conn.close()
    assert safety.list_backups(imported)[-1] == old  # the oldest
    assert safety.backup_info(old).stories == SEEDED_STORIES
    code, out, _ = run(capsys, imported, "restore", str(old))
    assert code == 0 and str(old) in out
    code, out, _ = run(capsys, imported, "list", "--json")
    assert code == 0 and len(json.loads(out)) == SEEDED_STORIES


def test_a_damaged_zipped_backup_is_refused_and_nothing_moves(capsys, imported):
    backup = safety.list_backups(imported)[0]
    data = bytearray(backup.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 512] = b"\xa5" * 512
    backup.write_bytes(bytes(data))
    before = (imported / DB_NAME).read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="已损坏"):
        safety.restore(imported, backup)
    assert (imported / DB_NAME).read_bytes() == before
    assert not list(imported.glob("archive.db.damaged-*"))
    assert not list(imported.glob("*.restoring"))
    code, _, err = run(capsys, imported, "restore", str(backup))
    assert code == 2 and "已损坏" in err and len(err.strip().splitlines()) == 1
