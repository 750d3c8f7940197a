#!/usr/bin/env python3
"""Mutation fuzzer for the `guichet` command-line tool.

It mutates the sample applications (`Applications/**.yaml`) and the schemes (`Rules/*.yaml`),
runs the debug `guichet` binary on them and fails (exit 1, reproducers saved under a printed
folder) on a crash, a hang, an error line on standard error without its `file:line:column`,
an unreadable `summary.jsonl`, and a few other inconsistencies listed in README.md.

Everything is deterministic from `--seed`: input number K of a seed is always the same bytes,
whatever the number of workers or the order in which batches finish. Standard library only,
so that CI needs nothing beyond Python 3.11.

This file is the entry point (options and the final summary); the fuzzer itself is the
`guichetfuzz` package beside it, one module per job (see its `__init__.py`).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The fuzzer writes nothing in the repository: no __pycache__ beside the package either.
sys.dont_write_bytecode = True

from guichetfuzz.campaign import campaign  # noqa: E402 (after the bytecode setting above)
from guichetfuzz.corpus import REPO, load_corpus  # noqa: E402
from guichetfuzz.findings import FindingBook, report  # noqa: E402
from guichetfuzz.runner import Executor  # noqa: E402

DEFAULT_SEED = 20200928  # the date of the deliberation the sample rules come from
HANG_SECONDS = 10.0  # a single run of guichet taking longer is a hang


def french_seconds(seconds: float) -> str:
    """A duration as the French summary line writes it: `72,2 s`."""
    return f"{seconds:.1f}".replace(".", ",") + " s"


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The options, documented in README.md; CI passes only --binary, so the defaults are CI's run."""
    parser = argparse.ArgumentParser(description="Mutation fuzzer for guichet (see Tests/Fuzz/README.md).")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed of the mutations (default {DEFAULT_SEED})")
    parser.add_argument("--count", type=int, default=2000, help="number of mutated inputs (default 2000)")
    parser.add_argument("--budget", type=float, default=110.0,
                        help="seconds after which no new input is started (default 110)")
    parser.add_argument("--min-count", type=int, default=1000,
                        help="fail when fewer inputs than this were run within the budget (default 1000), so that a "
                             "slow machine cannot pass CI on a handful of inputs")
    parser.add_argument("--findings", type=Path, help="folder for reproducers (default: a new temporary folder)")
    parser.add_argument("--keep-going", action="store_true",
                        help="run every input even after a finding, to see all the findings of a run")
    parser.add_argument("--binary", type=Path, help="the guichet binary (default: from 'swift build --show-bin-path')")
    parser.add_argument("--jobs", type=int, default=2, help="guichet processes run in parallel (default 2)")
    parser.add_argument("--batch-size", type=int, default=16, help="application files per evaluate run (default 16)")
    parser.add_argument("--scheme-share", type=float, default=0.2,
                        help="share of inputs that mutate a scheme (default 0.2)")
    parser.add_argument("--timeout", type=float, default=HANG_SECONDS,
                        help=f"seconds after which a run is a hang (default {HANG_SECONDS:g})")
    parser.add_argument("--examples", type=int, default=3, help="reproducers saved per distinct finding (default 3)")
    parser.add_argument("--minimize-seconds", type=float, default=20.0,
                        help="time spent shrinking each distinct finding's first reproducer; 0 to skip (default 20)")
    parser.add_argument("--only", type=int, action="append", metavar="INDEX",
                        help="run only this input of the seed (repeatable), e.g. to replay a finding")
    parser.add_argument("--keep-temp", action="store_true", help="keep the temporary work folder")
    return parser.parse_args(argv)


def find_binary(given: Path | None) -> Path:
    """The debug binary `swift build` made, unless one is given."""
    if given:
        return given.resolve()
    shown = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True, check=True)
    return Path(shown.stdout.strip()) / "guichet"


def main(argv: list[str]) -> int:
    """Runs the campaign, then reports: exit 1 when anything was found, 2 without a binary, else 0."""
    arguments = parse_arguments(argv)
    started = time.monotonic()
    binary = find_binary(arguments.binary)
    if not binary.exists():
        print(f"error: no guichet binary at {binary}; run 'swift build' first", file=sys.stderr)
        return 2
    corpus = load_corpus()
    root = Path(tempfile.mkdtemp(prefix="guichet-fuzz-"))
    findings_folder = (arguments.findings.resolve() if arguments.findings
                       else Path(tempfile.mkdtemp(prefix="guichet-fuzz-findings-")))
    executor = Executor(binary, root, corpus, arguments.timeout)
    book = FindingBook(findings_folder, arguments.examples, binary, arguments.seed)
    count = len(arguments.only) if arguments.only else arguments.count
    print(f"fuzzing {binary} with seed {arguments.seed}: {count} inputs, {arguments.jobs} workers, "
          f"batches of {arguments.batch_size}, budget {arguments.budget:g} s", flush=True)
    try:
        passed, failed, skipped = campaign(arguments, executor, book)
        report(arguments, executor, book)
    finally:
        if not arguments.keep_temp:
            shutil.rmtree(root, ignore_errors=True)
    print_summary(arguments, book, findings_folder, (passed, failed, skipped), time.monotonic() - started)
    if book.groups:
        return 1
    return 1 if too_few(arguments, passed + failed, count) else 0


def too_few(arguments: argparse.Namespace, ran: int, planned: int) -> bool:
    """Whether the budget ran out before enough inputs were run to mean anything."""
    needed = min(arguments.min_count, planned)
    if ran >= needed:
        return False
    print(f"error: only {ran} input(s) run within the {arguments.budget:g} s budget, fewer than the {needed} "
          "required (--min-count); the machine is too slow or guichet too: investigate", file=sys.stderr)
    return True


def print_summary(arguments: argparse.Namespace, book: FindingBook, findings_folder: Path,
                  counts: tuple[int, int, int], elapsed: float) -> None:
    """The closing lines CI shows: inputs not run, the French summary, `N passed, M failed`.
    The findings folder is removed when it is empty and was not asked for."""
    passed, failed, skipped = counts
    if skipped:
        print(f"warning: {skipped} input(s) not run (budget spent or stopped at the first finding)")
    distinct = len(book.groups)
    tried = f"{passed + failed} entrées mutées essayées en {french_seconds(elapsed)} (graine {arguments.seed})"
    if distinct:
        print(f"Fuzzing de guichet : {tried}, {failed} en échec, {distinct} anomalie(s) distincte(s) ; "
              f"reproducteurs dans {findings_folder}")
    else:
        print(f"Fuzzing de guichet : {tried}, aucune anomalie.")
        if not arguments.findings:
            shutil.rmtree(findings_folder, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
