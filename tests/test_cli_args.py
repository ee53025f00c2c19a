"""Every command line argument set, however wrong, ends in a result or one clear line: fuzzed
argument sets run through the real `main(argv)` in-process against one small real archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.pages import write_pages
from viewer.cli import main

# What main's last-resort handler prints for an exception nothing else caught: each one is a
# bug (an unchecked argument), even though the user sees one line rather than a traceback.
UNCAUGHT = re.compile(r"错误：\w+(Error|Exception|Interrupt)\b")
# Commands that only read (or write little and fast); `gui` would open a window, `reanalyse`
# and `reindex` rewrite the archive, and are given the same parser anyway.
COMMANDS = ["search", "list", "show", "tree", "facts", "check", "region", "import"]
VALUES = [
    "社区",
    "经济",
    "义诊",
    "青州市",
    "贵州",
    "2020",
    "2020-03",
    "2020-03-05",
    "2020-13",
    "2021-02-30",
    "2020年3月",
    "20200305",
    "去年",
    "0",
    "1",
    "-1",
    "50",
    "100001",
    "99999999999999999999",
    "1.5",
    "１２",
    "brief",
    "article",
    "社论",
    "money",
    "person",
    "",
    " ",
    "-",
    "--",
    "**",
    "=",
    "place:",
    "from:2020",
    "kind:brief",
    "<img src=file:///etc/hostname>",
    "\u202e",
    "\n",
    "\x00",
    "\udcff",  # an undecodable byte in argv, as Python passes it on
]
OPTIONS = [
    "--from",
    "--to",
    "--limit",
    "--place",
    "--kind",
    "--json",
    "--csv",
    "--story",
    "--workers",
    "--clear",
    "-v",
    "-h",
    "--help",
    "--from=",
    "--limit=0",
    "--json=1",
    "--lim",
    "--bogus",
    "-x",
]
TOKEN = st.one_of(
    st.sampled_from(VALUES),
    st.sampled_from(OPTIONS),
    st.text(st.characters(blacklist_categories=()), max_size=8),
)
# Top-level arguments before the command (never --archive or --smoke-test: the fuzz must not
# reach another archive, and no command at all would open the window).
BEFORE = st.sampled_from([[], [], [], ["--version"], ["-h"], ["--bogus"], ["--json"]])


def _safe(token: str) -> bool:
    """Not a path that exists (an `import` of "." or "/" would import real folders), and not a
    command that must not run here."""
    if token in ("gui", "reanalyse", "reindex"):
        return False
    try:
        return not Path(token).exists()
    except (OSError, ValueError):
        return True


ARGV = st.tuples(BEFORE, st.sampled_from(COMMANDS), st.lists(TOKEN, max_size=6))


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-args")
    pages = write_pages(root / "pages")
    assert main(["--archive", str(root / "db"), "import", str(pages["street"])]) == 0
    return root / "db"


def run_cli(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse: a bad argument (2), or --help / --version (0)
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


@settings(
    max_examples=700,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(argv=ARGV)
def test_fuzzed_arguments_end_in_a_result_or_one_clear_line(capsys, monkeypatch, archive_dir, argv):
    monkeypatch.delenv("VIEWER_DEBUG", raising=False)
    before, command, rest = argv
    assume(all(_safe(token) for token in rest))
    code, out, err = run_cli(capsys, ["--archive", str(archive_dir), *before, command, *rest])
    assert "Traceback" not in out + err
    assert not UNCAUGHT.search(err), err
    assert code in (0, 1, 2), (code, err)
    if code == 2:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].strip(), err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "经济", "--limit", "0"], "参数 --limit：应为 1 到 100000 之间的整数"),
        (["search", "经济", "--from", "abc"], "参数 --from：看不懂日期“abc”"),
        (["search", "经济", "--to", "2020-02-30"], "参数 --to：没有这一天"),
        (["search", "经济", "--kind", "x"], "参数 --kind：不能是 'x'，可选："),
        (["show", "abc"], "参数 story_id：应为稿件编号（正整数）"),
        (["import", "p.txt", "--workers", "-1"], "参数 --workers：应为 0 到 64 之间的整数"),
        (["list", "--place", " "], "参数 --place：不能为空"),
        (["search"], "缺少参数：query"),
        (["search", "经济", "--from", "2021", "--to", "2020"], "查询有误：日期范围不对"),
    ],
    ids=["limit", "from", "to", "kind", "story-id", "workers", "place", "query", "from-after-to"],
)
def test_bad_arguments_name_the_option_and_what_it_takes(capsys, archive_dir, args, message):
    code, out, err = run_cli(capsys, ["--archive", str(archive_dir), *args])
    assert code == 2 and not out
    assert message in err and len(err.strip().splitlines()) == 1, err


def test_dates_as_users_type_them(capsys, archive_dir):
    """`--from 2020` is from 2020-01-01 (it printed a ValueError), `--to 2021-07` up to the
    month's end; the page's stories are from 2021-07-02."""
    for dates in (["--from", "2020"], ["--to", "2021-07"], ["--from", "2021年7月2日"]):
        code, out, err = run_cli(capsys, ["--archive", str(archive_dir), "search", "社区", *dates])
        assert code == 0 and out, err
    code, out, _ = run_cli(
        capsys, ["--archive", str(archive_dir), "search", "社区", "--to", "2020"]
    )
    assert code == 0 and not out


@pytest.mark.parametrize("name", ["0\x850", "北京\n市", "a\u2028b"])
def test_an_error_quoting_an_argument_with_a_line_break_stays_one_line(capsys, archive_dir, name):
    # Found by the fuzzing above: U+0085 in a region name made the message two lines.
    code, _out, err = run_cli(capsys, ["--archive", str(archive_dir), "region", name])
    assert code == 2 and len(err.strip().splitlines()) == 1, err
