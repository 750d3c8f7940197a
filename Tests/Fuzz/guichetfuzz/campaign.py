"""The campaign: inputs grouped into tasks, run by `--jobs` workers until all are done, the time
budget is spent or, without --keep-going, something is found.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import sys
import time

from .findings import FindingBook
from .inputs import input_kind, make_input
from .runner import Executor, TaskResult


def plan(seed: int, count: int, batch_size: int, scheme_share: float,
         only: list[int] | None) -> list[tuple[str, list[int]]]:
    """Inputs grouped into tasks: batches of applications, and one task per scheme input."""
    tasks: list[tuple[str, list[int]]] = []
    batch: list[int] = []
    for index in (only or range(count)):
        if input_kind(seed, index, scheme_share) == "scheme":
            tasks.append(("scheme", [index]))
        else:
            batch.append(index)
            if len(batch) == batch_size:
                tasks.append(("application", batch))
                batch = []
    if batch:
        tasks.append(("application", batch))
    return tasks


def run_task(executor: Executor, seed: int, kind: str, indexes: list[int]) -> TaskResult:
    """Builds the inputs of a task (in the worker: big inputs are made in parallel) and runs them."""
    inputs = [make_input(seed, index, kind, executor.corpus) for index in indexes]
    if kind == "scheme":
        return executor.scheme_input(inputs[0])
    return executor.application_batch(inputs)


def campaign(arguments: argparse.Namespace, executor: Executor, book: FindingBook) -> tuple[int, int, int]:
    """Runs the planned tasks on `--jobs` workers until done, the budget is spent, or (without
    --keep-going) a finding. Returns the numbers of inputs passed, failed, and not run."""
    started = time.monotonic()
    tasks = plan(arguments.seed, arguments.count, arguments.batch_size, arguments.scheme_share, arguments.only)
    total = sum(len(indexes) for _, indexes in tasks)
    passed = failed = 0
    next_progress = started + 15
    queue = iter(tasks)
    stop = False
    with concurrent.futures.ThreadPoolExecutor(max_workers=arguments.jobs) as pool:
        running: set[concurrent.futures.Future] = set()
        while True:
            # A short queue, so that stopping (budget, first finding) leaves little running.
            while not stop and len(running) < arguments.jobs * 2:
                task = next(queue, None)
                if task is None:
                    break
                running.add(pool.submit(run_task, executor, arguments.seed, *task))
            if not running:
                break
            done, running = concurrent.futures.wait(running, return_when=concurrent.futures.FIRST_COMPLETED)
            for future in done:
                result = future.result()
                failed += len(result.failed)
                passed += len(result.inputs) - len(result.failed)
                for finding in result.findings:
                    book.add(finding)
                if result.findings and not arguments.keep_going:
                    stop = True
            now = time.monotonic()
            if now - started > arguments.budget and not stop:
                print(f"budget of {arguments.budget:g} s spent: no new input is started", file=sys.stderr)
                stop = True
            if now > next_progress:
                print(f"… {passed + failed}/{total} inputs, {failed} failed, {now - started:.0f} s", file=sys.stderr)
                next_progress = now + 15
    return passed, failed, total - passed - failed
