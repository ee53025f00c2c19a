"""`make package-test`: check the built program the way an office would get it.

The bundle in dist/ is copied to a temporary folder (so nothing can lean on where it was built) and
run there with fresh user folders (HOME, XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME) and a
minimal environment:
  --version          prints the version in pyproject.toml
  --smoke-test       opens the bundled seed archive (copied to the fresh user data folder as the
                     sample archive), searches, opens a story with facts, imports a page, opens
                     the window
  --sample search    the command line, on the sample archive the smoke test set up
  import --workers 2 two new pages through worker processes (the frozen program re-entering
                     itself), into the user's own archive, never into the sample
Then: the bundle copy is unchanged, the working folder is empty, the user folders hold the two
archives and the jieba cache, every library resolves inside the bundle, and no file or compiled
module names the build machine's checkout.

Usage (repository root, in the venv): python packaging/package_test.py [--bundle dist/viewer]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

from startup import describe, fresh_user_dirs, measure  # noqa: E402  (a sibling script, not a package)

EXE = "viewer.exe" if sys.platform == "win32" else "viewer"
CLI_EXE = "viewer-cli.exe" if sys.platform == "win32" else "viewer"
# Libraries the bundle takes from the system on purpose (see SYSTEM_LIBS in viewer.spec).
SYSTEM_LIBS = ("libcups.so.2", "libstdc++.so.6", "libgcc_s.so.1")

PAGES = {
    "东港晚报_2022-11-08_A05.txt": (
        "柏溪镇 桃林村建成村史馆\n\n"
        "本报讯 11月6日，东港市柏溪镇桃林村村史馆落成开放，展出老物件320余件。"
        "村党支部书记严国栋说：“村史馆要让年轻人记住乡愁。”\n\n"
        "记者 卢文彬\n"
    ),
    "东港晚报_2022-11-08_A06.txt": (
        "云岭街道 竹苑社区举办义务修车活动\n\n"
        "本报讯 竹苑社区志愿者11月5日在社区广场义务修车，共修理自行车、电动车86辆。\n\n"
        "通讯员 邵雨晴\n"
    ),
}


class CheckFailed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
        for p in folder.rglob("*")
    }


class Runner:
    def __init__(self, app: Path, tmp: Path) -> None:
        self.app = app
        self.work = tmp / "work"
        self.work.mkdir()
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(tmp / "home"),
            "USERPROFILE": str(tmp / "home"),
            "APPDATA": str(tmp / "appdata"),
            "LOCALAPPDATA": str(tmp / "localappdata"),
            "XDG_DATA_HOME": str(tmp / "data"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "XDG_CONFIG_HOME": str(tmp / "config"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            # The smoke test's temporary archive copy goes here, not into the working folder.
            "TMPDIR": str(tmp / "tmp"),
            "TEMP": str(tmp / "tmp"),
            "TMP": str(tmp / "tmp"),
        }
        if sys.platform == "win32":
            self.env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
            # platformdirs asks Windows itself for the user folders; point the program at
            # temporary ones (the default location, so the first-start copy still happens).
            self.env["VIEWER_ARCHIVE"] = str(tmp / "data" / "archive")
            self.env["VIEWER_SAMPLE_ARCHIVE"] = str(tmp / "data" / "sample-archive")
            self.env["VIEWER_CACHE"] = str(tmp / "cache")
        if sys.platform == "darwin":
            support, caches = (
                tmp / "home" / "Library" / "Application Support",
                tmp / "home" / "Library" / "Caches",
            )
            self.archive = support / "NewsArchiveViewer" / "archive"
            self.sample = support / "NewsArchiveViewer" / "sample-archive"
            self.cache = caches / "NewsArchiveViewer"
        elif sys.platform == "win32":
            self.archive, self.cache = tmp / "data" / "archive", tmp / "cache"
            self.sample = tmp / "data" / "sample-archive"
        else:
            self.archive = tmp / "data" / "NewsArchiveViewer" / "archive"
            self.sample = tmp / "data" / "NewsArchiveViewer" / "sample-archive"
            self.cache = tmp / "cache" / "NewsArchiveViewer"
        (tmp / "home").mkdir()
        (tmp / "tmp").mkdir()

    def run(self, *args: str, exe: str = CLI_EXE, timeout: float = 300) -> str:
        start = time.perf_counter()
        done = subprocess.run(
            [str(self.app / exe), *args],
            cwd=self.work,
            env=self.env,
            capture_output=True,
            timeout=timeout,
        )
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        took = time.perf_counter() - start
        print(f"$ viewer {' '.join(args)}  → exit {done.returncode} in {took:.1f} s")
        if done.returncode != 0:
            print(out, err, sep="\n")
        check(done.returncode == 0, f"viewer {' '.join(args)} exited {done.returncode}")
        return out


def expected_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def check_libraries(app: Path) -> str:
    """Every shared library in the bundle resolves, from the bundle or (SYSTEM_LIBS) the system."""
    if not sys.platform.startswith("linux"):
        return "skipped (Linux only)"
    missing: set[str] = set()
    outside: list[str] = []
    files = [p for p in app.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    for path in [*files, app / EXE]:
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
        for line in dynamic.stdout.splitlines():
            if "RPATH" in line or "RUNPATH" in line:
                entries = line.split("[", 1)[1].rstrip("]").split(":")
                if any(not e.startswith("$ORIGIN") for e in entries if e):
                    outside.append(f"{path.relative_to(app)}: {line.split('[', 1)[1]}")
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "not found" in line:
                name = line.split()[0]
                if name not in SYSTEM_LIBS:
                    missing.add(f"{name} (for {path.relative_to(app)})")
    check(not missing, "unresolved libraries: " + ", ".join(sorted(missing)))
    check(not outside, "library search paths outside the bundle: " + ", ".join(outside))
    return f"{len(files)} libraries resolve; every search path is inside the bundle"


def check_build_paths(app: Path) -> str:
    """No file in the bundle, and no compiled module in its archives, names the checkout."""
    needles = [str(ROOT).encode(), str(Path(sys.prefix).resolve()).encode()]
    found = [
        str(p.relative_to(app))
        for p in app.rglob("*")
        if p.is_file() and not p.is_symlink() and any(n in p.read_bytes() for n in needles)
    ]
    check(not found, f"files naming {ROOT} or {sys.prefix}: {found}")
    modules = _compiled_filenames(app)
    bad = sorted({f for f in modules if any(f.startswith(n.decode()) for n in needles)})
    check(not bad, f"compiled modules naming the build machine: {bad[:5]}")
    return f"no file and none of {len(modules)} compiled module names mention {ROOT}"


def _compiled_filenames(app: Path) -> set[str]:
    """co_filename of every module in the executable's PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    exe = app / EXE
    carchive = CArchiveReader(str(exe))
    names: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for name in carchive.toc:
            if name.endswith(".pyz") or name == "PYZ.pyz" or name.startswith("PYZ"):
                path = Path(tmp) / "archive.pyz"
                path.write_bytes(carchive.extract(name))
                pyz = ZlibArchiveReader(str(path))
                for module in pyz.toc:
                    code = pyz.extract(module)
                    if code is not None and hasattr(code, "co_filename"):
                        names.add(code.co_filename)
    return names


def check_install_script(app: Path, tmp: Path, env: dict[str, str]) -> str:
    """Linux: install.sh puts the program, a menu entry and the icon under a prefix."""
    prefix = tmp / "prefix"
    done = subprocess.run(
        ["sh", str(app / "install.sh"), str(prefix)], env=env, capture_output=True, text=True
    )
    check(done.returncode == 0, f"install.sh failed: {done.stdout}{done.stderr}")
    installed = prefix / "opt" / "news-archive-viewer" / "viewer"
    desktop = Path(env["XDG_DATA_HOME"]) / "applications" / "news-archive-viewer.desktop"
    check(f"Exec={installed} gui" in desktop.read_text("utf-8"), "the menu entry is wrong")
    version = subprocess.run(
        [str(prefix / "bin" / "viewer"), "--version"], env=env, capture_output=True, text=True
    )
    check(
        version.returncode == 0 and version.stdout.startswith("viewer "), "installed viewer fails"
    )
    return f"installed and runs from {installed.parent.relative_to(tmp)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "viewer")
    parser.add_argument("--startup", action="store_true", help="also measure start-up time")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    check(args.bundle.is_dir(), f"{args.bundle} is missing: run `make package` first")
    with tempfile.TemporaryDirectory(prefix="viewer-package-test-") as tmp_name:
        tmp = Path(tmp_name)
        app = tmp / "moved" / "viewer"
        shutil.copytree(args.bundle, app, symlinks=True)
        before = snapshot(app)
        runner = Runner(app, tmp)

        out = runner.run("--version")
        check(out.strip() == f"viewer {expected_version()}", f"--version printed {out!r}")

        out = runner.run("--smoke-test")
        print(out.rstrip())
        check("smoke test passed" in out, "the smoke test did not pass")
        sample = runner.sample / "archive.db"
        check(sample.is_file(), f"no sample archive in the user data folder ({sample})")
        own = runner.archive / "archive.db"
        check(not own.exists(), f"the sample pages went into the user's own archive ({own})")
        cached = list(runner.cache.glob("viewer-jieba-*.chunks"))
        check(bool(cached), f"jieba's cache is not in the user cache folder ({runner.cache})")

        hits = json.loads(runner.run("--sample", "search", "街道", "--json", "--limit", "5"))
        check(len(hits) > 0, "the CLI search found nothing")
        check(all("**街道**" in h["snippet"] for h in hits), "CLI snippets do not mark the hit")
        print(f"  search: {len(hits)} results, first: {hits[0]['label']}")

        pages = tmp / "pages"
        pages.mkdir()
        for name, text in PAGES.items():
            (pages / name).write_text(text, encoding="utf-8")
        out = runner.run("import", "--workers", "2", str(pages))
        print(f"  {out.strip()}")
        check("导入 2 个" in out, "the two pages were not imported")
        # Traditional characters find the simplified page: OpenCC and its dictionaries are in the
        # bundle, in the worker processes that indexed the page and in the search.
        hits = json.loads(runner.run("search", "村史館", "--json"))
        found = len(hits) == 1 and "**村史馆**" in hits[0]["snippet"]
        check(found, f"村史館 does not find 村史馆 ({len(hits)} results)")
        hits = json.loads(runner.run("search", "村史馆", "--json"))
        check(len(hits) == 1, f"the imported page is not found ({len(hits)} results)")
        check(own.is_file(), f"the import did not go into the user's own archive ({own})")
        files = json.loads(runner.run("files", "--json"))
        check(len(files) == len(PAGES), f"the user's own archive holds {len(files)} files")
        hits = json.loads(runner.run("--sample", "search", "村史馆", "--json"))
        check(not hits, "the user's pages went into the sample archive")

        check(snapshot(app) == before, "the program wrote into its own folder")
        check(not any(runner.work.iterdir()), "the program wrote into the working folder")
        print("  bundle folder and working folder unchanged")
        print(f"  libraries: {check_libraries(app)}")
        print(f"  build paths: {check_build_paths(app)}")
        if sys.platform.startswith("linux"):
            print(f"  install.sh: {check_install_script(app, tmp, runner.env)}")
        if args.startup:
            fresh = {**runner.env, **fresh_user_dirs(tmp / "startup")}
            print(f"  start-up: {describe(measure(app / EXE, fresh))}")
    print(f"package test passed in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckFailed as err:
        print(f"package test FAILED: {err}", file=sys.stderr)
        sys.exit(1)
