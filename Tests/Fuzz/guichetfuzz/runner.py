"""Runs inputs against the binary in fresh temporary folders.

Applications go in batches, since a process costs more than twenty applications; a failing batch
is bisected down to the files that fail on their own. A scheme input replaces its namesake in a
copy of the rules, which is checked, tested, and used to evaluate the applications of that scheme.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Expectation, Problem, check_run
from .corpus import REPO, Corpus
from .inputs import FuzzInput
from .process import Run, run_guichet


@dataclass
class Finding:
    """A problem, the inputs that cause it, and how to run it again."""

    problem: Problem
    inputs: list[FuzzInput]
    run: Run
    command: str  # evaluate, check or test


@dataclass
class TaskResult:
    """What a task (a batch of applications, or a scheme input) gives back to the campaign."""

    inputs: list[int]
    failed: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)
    runs: int = 0


class Executor:
    """Runs inputs against the binary in fresh temporary folders."""

    def __init__(self, binary: Path, root: Path, corpus: Corpus, timeout: float):
        self.binary = binary
        self.root = root
        self.corpus = corpus
        self.timeout = timeout
        self.counter = itertools.count()

    def fresh_folder(self, prefix: str) -> Path:
        """A new folder per run: no run sees what another left, even with parallel workers."""
        folder = self.root / f"{prefix}{next(self.counter):06d}"
        folder.mkdir()
        return folder

    # Applications: many files per run.

    def evaluate_applications(self, inputs: list[FuzzInput]) -> tuple[Run, list[Problem]]:
        """One `guichet evaluate` on a folder of mutated applications, with its own register and output."""
        work = self.fresh_folder("batch-")
        folder = work / "in"
        folder.mkdir()
        for item in inputs:
            (folder / item.name).write_bytes(item.data)
        out = work / "out"
        # An instructor's working folder (guichet.yaml and the register in .guichet), so that
        # every fiche is recorded: the path with the most to get wrong.
        initialised = run_guichet(self.binary, ["init"], work, self.timeout)
        if initialised.returncode != 0:
            raise RuntimeError(f"guichet init failed in {work}: {initialised.stderr[:500]}")
        arguments = ["evaluate", str(folder), "--rules", str(REPO / "Rules"), "--out", str(out), "--date", "2021-12-31"]
        run = run_guichet(self.binary, arguments, work, self.timeout)
        expectation = Expectation("evaluate", {f"{folder}/{item.name}" for item in inputs}, out, work,
                                  {"in", "out", ".guichet", "guichet.yaml"})
        problems = check_run(run, expectation)
        shutil.rmtree(work, ignore_errors=True)
        return run, problems

    def isolate(self, inputs: list[FuzzInput], run: Run, problems: list[Problem], result: TaskResult) -> None:
        """Bisects a failing set of applications down to the files that fail on their own."""
        if len(inputs) == 1:
            result.failed.add(inputs[0].index)
            result.findings += [Finding(problem, inputs, run, "evaluate") for problem in problems]
            return
        halves = [inputs[:len(inputs) // 2], inputs[len(inputs) // 2:]]
        failing = []
        for half in halves:
            half_run, half_problems = self.evaluate_applications(half)
            result.runs += 1
            if half_problems:
                failing.append((half, half_run, half_problems))
        if not failing:
            # Only the files together fail: the whole set is the reproducer.
            result.failed.update(item.index for item in inputs)
            result.findings += [Finding(problem, inputs, run, "evaluate") for problem in problems]
            return
        for half, half_run, half_problems in failing:
            self.isolate(half, half_run, half_problems, result)

    def application_batch(self, inputs: list[FuzzInput]) -> TaskResult:
        """A batch of applications in one run; bisected only when that run shows a problem."""
        result = TaskResult([item.index for item in inputs], runs=1)
        run, problems = self.evaluate_applications(inputs)
        if problems:
            self.isolate(inputs, run, problems, result)
        return result

    # Schemes: one mutated scheme file per rules folder.

    def scheme_commands(self, item: FuzzInput, rules: Path, work: Path) -> list[tuple[str, list[str], Expectation]]:
        """check and test on the mutated rules folder, and evaluate the applications of that scheme with it."""
        names = {f"{rules}/{p.relative_to(rules)}" for p in [*rules.glob("*.yaml"), *rules.glob("tests/*.yaml")]}
        commands = [("check", ["check", str(rules)], Expectation("check", names)),
                    ("test", ["test", str(rules)], Expectation("test", names))]
        folders = self.corpus.folders_for_scheme.get(item.sample.path.name, [])
        if folders:
            applications = {f"{folder}/{p.relative_to(folder)}" for folder in folders for p in folder.rglob("*.yaml")}
            # A simulation: the rules are what is mutated, and it records nothing.
            out = work / "out"
            arguments = ["evaluate", *map(str, folders), "--rules", str(rules), "--out", str(out), "--date", "2021-12-31"]
            commands.append(("evaluate", arguments,
                             Expectation("evaluate", names | applications, out, work, {"rules", "out"})))
        return commands

    def run_scheme(self, item: FuzzInput, only: str | None = None) -> list[tuple[str, Run, list[Problem]]]:
        """The commands of a scheme input on a copy of the rules; `only` keeps one of them, to
        reproduce a finding without paying for the others."""
        work = self.fresh_folder("scheme-")
        rules = work / "rules"
        rules.mkdir()
        for sample in self.corpus.schemes:
            (rules / sample.path.name).write_bytes(sample.data)
        # The schemes' test cases, beside them as in Rules/: `guichet test` runs them.
        shutil.copytree(REPO / "Rules" / "tests", rules / "tests")
        # The text the sources quote, which `guichet check` reads: linked, not copied, since it is large.
        (rules / "sources").symlink_to(REPO / "Rules" / "sources", target_is_directory=True)
        (rules / item.name).write_bytes(item.data)
        outcomes = []
        for command, arguments, expectation in self.scheme_commands(item, rules, work):
            if only and command != only:
                continue
            run = run_guichet(self.binary, arguments, work, self.timeout)
            outcomes.append((command, run, check_run(run, expectation)))
        shutil.rmtree(work, ignore_errors=True)
        return outcomes

    def scheme_input(self, item: FuzzInput) -> TaskResult:
        """A scheme input fails when any of its commands shows a problem."""
        result = TaskResult([item.index])
        for command, run, problems in self.run_scheme(item):
            result.runs += 1
            if problems:
                result.failed.add(item.index)
                result.findings += [Finding(problem, [item], run, command) for problem in problems]
        return result

    def reproduce(self, item: FuzzInput, command: str, signature: tuple[str, str]) -> Finding | None:
        """`item` alone, as a finding, when it still shows a problem with this signature."""
        if item.sample.kind == "application":
            run, problems = self.evaluate_applications([item])
            outcomes = [("evaluate", run, problems)]
        else:
            outcomes = self.run_scheme(item, only=command)
        for command, run, problems in outcomes:
            for problem in problems:
                if problem.signature == signature:
                    return Finding(problem, [item], run, command)
        return None
