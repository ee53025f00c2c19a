"""A one-shot `viewer search` stays cheap: no jieba, Qt, fact finders, page reading or gazetteer.

Each of those costs from a tenth of a second (jieba's module) to over a second (jieba's
dictionary, its part-of-speech tables, Qt), so a command-line search must not pay for them.
"""

from __future__ import annotations

import json
import subprocess
import sys

# Runs `python -m viewer ...` in this interpreter, then reports what it loaded on stderr's last
# line. The report is read from sys.modules only after the command finished.
RUNNER = """
import json, runpy, sys
try:
    runpy.run_module("viewer", run_name="__main__", alter_sys=True)
except SystemExit as done:
    code = done.code
heavy = ("jieba", "PySide6", "cn2an", "viewer.facts", "viewer.gui", "viewer.ingest")
report = {
    "code": code,
    "heavy": sorted(m for m in sys.modules if any(m == h or m.startswith(h + ".") for h in heavy)),
    "dictionary": sys.modules["viewer.segmenter"]._tokenizer is not None,
    "gazetteer": sys.modules["viewer.places.divisions"]._instance is not None,
}
print(json.dumps(report), file=sys.stderr)
"""


def one_shot(archive: str, *args: str) -> tuple[dict, str]:
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, "--archive", archive, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(done.stderr.splitlines()[-1]), done.stdout


def test_one_shot_search_loads_no_jieba_qt_facts_or_gazetteer(seeded):
    report, out = one_shot(str(seeded.root), "search", "义诊 社区", "--json")
    assert report["code"] == 0
    results = json.loads(out)
    assert results and all("**" in r["snippet"] for r in results)
    assert report["heavy"] == []
    assert not report["dictionary"]
    assert not report["gazetteer"]


def test_one_shot_search_by_a_place_in_the_tree_needs_no_gazetteer(seeded):
    place = seeded.stories()[0]["places"][0]
    report, out = one_shot(str(seeded.root), "search", "place:" + place, "--json")
    assert report["code"] == 0 and json.loads(out)
    assert report["heavy"] == [] and not report["gazetteer"] and not report["dictionary"]
