"""Worker processes for the import's analysis, that never outlive the process that started them.

Each worker has its own pipe to the parent and watches the parent's sentinel, so it exits the
moment the parent is gone, however the parent died (a `ProcessPoolExecutor`'s workers share
queues that every worker holds open, so they wait forever when their parent is killed). Workers
ignore Ctrl-C: the parent decides what an interruption means. When the parent stops early
(Ctrl-C, cancel, an error) it terminates the workers instead of waiting for the files they are
still reading; with no shared queue and no helper thread in the parent, nothing can be left
waiting on a message a terminated worker only half wrote (which hangs a ProcessPoolExecutor's
shutdown).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")

CANCEL_POLL = 0.2  # seconds between checks of the cancel flag while waiting for results
QUEUED_PER_WORKER = 2  # items sent ahead to each worker, so it never waits for the next one
TERMINATE_WAIT = 1.0  # seconds to wait for terminated workers before killing them


class WorkerDied(RuntimeError):
    """A worker process ended without answering (killed, or out of memory)."""


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    queued: list[int]  # indexes of the items sent and not yet answered


def run_in_workers(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int,
    cancel: Callable[[], bool] | None = None,
    while_starting: Callable[[], object] | None = None,
) -> Iterator[R]:
    """`func(item)` for each item, in order, computed by `workers` processes (`func` must be a
    module-level function). Closing the iterator early, or an exception in the caller such as
    Ctrl-C, ends the workers at once; `cancel` returning True stops it between results.
    `while_starting` is work for this process while the workers start up (about a second)."""
    if not items:
        return
    context = multiprocessing.get_context("spawn")  # fork would copy the GUI threads' locks
    pool: list[_Worker] = []
    try:
        with _sigint_blocked():  # no worker may see a Ctrl-C before it ignores them
            for number in range(min(workers, len(items))):
                conn, child_end = context.Pipe()
                process = context.Process(
                    target=_serve, args=(func, child_end), daemon=True, name=f"analysis-{number}"
                )
                process.start()
                child_end.close()  # the parent's copy: its end now closes only with the worker
                pool.append(_Worker(process, conn, []))
        if while_starting is not None:
            while_starting()
        yield from _collect(pool, items, cancel)
    finally:
        _stop(pool)


def _collect(
    pool: list[_Worker], items: Sequence[T], cancel: Callable[[], bool] | None
) -> Iterator[R]:
    sent = 0
    done: dict[int, R] = {}
    by_conn = {worker.conn: worker for worker in pool}

    def feed(worker: _Worker) -> None:
        nonlocal sent
        while sent < len(items) and len(worker.queued) < QUEUED_PER_WORKER:
            try:
                worker.conn.send((sent, items[sent]))
            except OSError as err:
                raise WorkerDied(f"分析进程意外退出（{items[sent]}）") from err
            worker.queued.append(sent)
            sent += 1

    for worker in pool:
        feed(worker)
    for wanted in range(len(items)):
        while wanted not in done:
            if cancel and cancel():
                return
            for ready in wait(list(by_conn), timeout=CANCEL_POLL if cancel else None):
                worker = by_conn[cast(Connection, ready)]  # wait() hands back the pipes it got
                try:
                    ok, index, value = worker.conn.recv()
                except (EOFError, OSError) as err:
                    which = items[worker.queued[0]] if worker.queued else ""
                    raise WorkerDied(f"分析进程意外退出（{which}）") from err
                worker.queued.remove(index)
                if not ok:
                    raise value
                done[index] = value
                feed(worker)
        yield done.pop(wanted)


def _stop(pool: list[_Worker]) -> None:
    """End every worker now (an idle one, or one in the middle of a file)."""
    for worker in pool:
        worker.conn.close()
        with contextlib.suppress(Exception):
            worker.process.terminate()
    for worker in pool:
        with contextlib.suppress(Exception):
            worker.process.join(TERMINATE_WAIT)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(TERMINATE_WAIT)


def _serve(func: Callable[[T], R], conn: Connection) -> None:
    """A worker's loop: answer (ok, index, result or exception) for each (index, item)."""
    _follow_parent()
    while True:
        try:
            index, item = conn.recv()
        except (EOFError, OSError):
            return  # the parent closed its end: no more work
        answer: tuple[bool, int, object]
        try:
            answer = (True, index, func(item))
        except Exception as err:  # raised again in the parent, like a ProcessPoolExecutor's
            answer = (False, index, err)
        try:
            try:
                conn.send(answer)
            except (TypeError, AttributeError, ValueError) as err:  # unpicklable exception
                conn.send((False, index, RuntimeError(f"{answer[2]!r} ({err})")))
        except OSError:
            return


def _follow_parent() -> None:
    """Ignore Ctrl-C, and exit as soon as the parent process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    wait([sentinel])  # ready once the parent has exited, however it died
    os._exit(1)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread while workers are started: they inherit the mask, so a
    Ctrl-C in that moment reaches only this process (once unblocked). Windows has no signal
    masks; there `_follow_parent` is all there is."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
