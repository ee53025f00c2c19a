"""viewer.workers: results in order, errors carried back, workers gone the moment they are not
needed (closing early, a dead worker)."""

from __future__ import annotations

import os
import time

import pytest

from viewer.workers import WorkerDied, run_in_workers


def square(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n * n


def slow(n: int) -> int:
    time.sleep(0 if n == 0 else 30)
    return n


def die(n: int) -> int:
    if n == 2:
        os._exit(9)
    return n


def test_results_come_back_in_order():
    assert list(run_in_workers(square, range(7), 2)) == [n * n for n in range(7)]


def test_an_error_in_a_worker_is_raised_in_the_caller():
    with pytest.raises(ValueError, match="seven"):
        list(run_in_workers(square, range(10), 2))


def test_closing_early_ends_workers_in_the_middle_of_an_item():
    results = run_in_workers(slow, [0, 1, 2, 3], 2)
    assert next(results) == 0
    start = time.monotonic()
    results.close()  # what a Ctrl-C in the caller does too
    assert time.monotonic() - start < 3  # not the 30 s the busy worker would take


def test_cancel_stops_between_results():
    cancelled = [False]
    results = run_in_workers(slow, [0, 1, 2], 2, cancel=lambda: cancelled[0])
    assert next(results) == 0
    cancelled[0] = True
    start = time.monotonic()
    assert list(results) == []
    assert time.monotonic() - start < 3


def test_a_worker_that_dies_is_reported():
    with pytest.raises(WorkerDied):
        list(run_in_workers(die, range(6), 2))
