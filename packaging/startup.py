"""Start-up time of the built program: launch to the window's first paint, and to the archive shown.

The program, started with VIEWER_REPORT_FIRST_PAINT=1, prints `first-paint <epoch>` and
`ready <epoch>` (time.time()) and quits; the clock starts just before the process is launched.
The first start in a fresh user folder (which copies the bundled archive) is reported apart from
the median of the next three. Offscreen unless a display is given.

Usage (repository root, in the venv): python packaging/startup.py [dist/viewer/viewer]
(`make package-test` reports it too.)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
TIMEOUT_S = 60


def launch(exe: Path, env: dict[str, str]) -> dict[str, float] | None:
    """Seconds from launch to each reported moment, or None if the program reported none."""
    start = time.time()
    try:
        done = subprocess.run(
            [str(exe)],
            env={**env, "VIEWER_REPORT_FIRST_PAINT": "1"},
            capture_output=True,
            timeout=TIMEOUT_S,
            cwd=tempfile.gettempdir(),
        )
    except subprocess.TimeoutExpired as err:  # a measurement, not a check: report, go on
        print(f"start-up: no exit within {TIMEOUT_S} s", file=sys.stderr)
        stdout = err.stdout or b""
    else:
        stdout = done.stdout
    moments = {}
    for line in stdout.decode("utf-8", "replace").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("first-paint", "ready"):
            moments[parts[0]] = float(parts[1]) - start
    return moments if "first-paint" in moments else None


def measure(exe: Path, env: dict[str, str]) -> dict | None:
    """First start, then the median of RUNS starts; None if the program does not report."""
    first = launch(exe, env)
    if first is None:
        return None
    runs = [launch(exe, env) for _ in range(RUNS)]
    runs = [r for r in runs if r is not None]
    return {
        "first_start": first,
        "median": {
            key: statistics.median(r[key] for r in runs if key in r)
            for key in ("first-paint", "ready")
            if any(key in r for r in runs)
        },
        "runs": len(runs),
    }


def describe(result: dict | None) -> str:
    if result is None:
        return "not measured: the program printed no first-paint line"
    median, first = result["median"], result["first_start"]
    parts = [f"median of {result['runs']}: first paint {median.get('first-paint', 0):.2f} s"]
    if "ready" in median:
        parts.append(f"archive shown {median['ready']:.2f} s")
    parts.append(f"first start (copying the archive): {first['first-paint']:.2f} s")
    return ", ".join(parts)


def fresh_user_dirs(tmp: Path) -> dict[str, str]:
    """Environment variables that give the program empty user folders under `tmp`."""
    return {
        "HOME": str(tmp / "home"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "XDG_CONFIG_HOME": str(tmp / "config"),
    }


def fresh_env(tmp: Path) -> dict[str, str]:
    skip = ("VIEWER_ARCHIVE", "VIEWER_CACHE")
    env = {k: v for k, v in os.environ.items() if k not in skip} | fresh_user_dirs(tmp)
    if not any(env.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    exe = Path(args[0]) if args else ROOT / "dist" / "viewer" / "viewer"
    with tempfile.TemporaryDirectory(prefix="viewer-startup-") as tmp:
        result = measure(exe, fresh_env(Path(tmp)))
    print(describe(result))
    print(json.dumps(result))
    return 0 if result is not None else 1


if __name__ == "__main__":
    sys.exit(main())
