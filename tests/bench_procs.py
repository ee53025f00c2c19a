"""Run a command and watch the memory of its whole process tree, as `top` would (Linux /proc).

Every ~0.1 s the tree under the started process is walked (children by their parent pid) and
each process's VmRSS and VmHWM (its own peak, kept by the kernel) read from /proc/<pid>/status.
A process's peak is the largest VmHWM seen, so a spike between two samples still counts;
only the last ~0.1 s of a process's life can be missed.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL = 0.1


@dataclass
class ProcessPeak:
    pid: int
    command: str
    peak_kb: int = 0

    @property
    def peak_mb(self) -> float:
        return round(self.peak_kb / 1024, 1)


@dataclass
class RunResult:
    command: list[str]
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    processes: list[ProcessPeak] = field(default_factory=list)  # the started one first

    @property
    def main_mb(self) -> float:
        return self.processes[0].peak_mb if self.processes else 0.0

    @property
    def largest_child_mb(self) -> float | None:
        """None when the process started no other (ours imports small folders alone)."""
        return max((p.peak_mb for p in self.processes[1:]), default=None)

    @property
    def peak_mb(self) -> float:
        return max((p.peak_mb for p in self.processes), default=0.0)


def _status(pid: int) -> dict[str, str]:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def _kb(value: str | None) -> int:
    return int(value.split()[0]) if value else 0


def _children() -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        out.setdefault(ppid, []).append(int(entry.name))
    return out


def _tree(root: int) -> list[int]:
    children = _children()
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo += children.get(pid, [])
    return out


def _command(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "?"
    return " ".join(part.decode("utf-8", "replace") for part in raw.split(b"\0") if part)[:200]


def run_watched(
    command: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> RunResult:
    """Run `command` to its end; wall time and the peak memory of every process it started."""
    peaks: dict[int, ProcessPeak] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            for pid in _tree(proc.pid):
                status = _status(pid)
                if not status:
                    continue
                peak = peaks.setdefault(pid, ProcessPeak(pid, _command(pid)))
                if peak.command in ("?", "") or pid == proc.pid:
                    peak.command = _command(pid) or peak.command
                seen = max(_kb(status.get("VmHWM")), _kb(status.get("VmRSS")))
                peak.peak_kb = max(peak.peak_kb, seen)
            done.wait(INTERVAL)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    watcher.join()
    ordered = sorted(peaks.values(), key=lambda p: (p.pid != proc.pid, p.pid))
    return RunResult(command, seconds, proc.returncode, stdout, stderr, ordered)


def own_memory_mb() -> dict[str, float]:
    """This process's resident memory now and its peak (for a process measuring itself)."""
    status = _status(os.getpid())
    return {
        "rss_mb": round(_kb(status.get("VmRSS")) / 1024, 1),
        "peak_mb": round(_kb(status.get("VmHWM")) / 1024, 1),
    }
