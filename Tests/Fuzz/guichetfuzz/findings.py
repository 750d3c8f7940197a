"""What becomes of findings: grouped by cause, a few examples of each saved as reproducers, the
first one shrunk, and each cause printed with its evidence, since CI logs outlive CI's temporary
folders.
"""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
import time
from pathlib import Path

from .corpus import REPO
from .inputs import FuzzInput
from .runner import Executor, Finding

NEWLINE = b"\n"


def minimize(executor: Executor, finding: Finding, deadline: float) -> Finding | None:
    """Delta debugging over lines: the smallest file found before the deadline that still shows
    the same problem. Only single-file findings are minimised."""
    if len(finding.inputs) != 1:
        return None
    original = finding.inputs[0]
    signature = finding.problem.signature
    lines = original.data.split(b"\n")
    smallest: Finding | None = None

    def holds(candidate: list[bytes]) -> bool:
        nonlocal smallest
        trial = FuzzInput(original.index, original.sample, b"\n".join(candidate), original.mutations + ["minimised"])
        found = executor.reproduce(trial, finding.command, signature)
        if found:
            smallest = found
        return found is not None

    granularity = 2
    while len(lines) >= 2 and time.monotonic() < deadline:
        size = max(1, len(lines) // granularity)
        reduced = False
        for start in range(0, len(lines), size):
            if time.monotonic() >= deadline:
                break
            candidate = lines[:start] + lines[start + size:]
            if candidate and holds(candidate):
                lines = candidate
                granularity = max(granularity - 1, 2)
                reduced = True
                break
        if not reduced:
            if size == 1:
                break
            granularity = min(len(lines), granularity * 2)
    return smallest


class FindingBook:
    """Findings grouped by cause; a few examples of each are saved as reproducers."""

    def __init__(self, folder: Path, examples: int, binary: Path, seed: int):
        self.folder = folder
        self.examples = examples
        self.binary = binary
        self.seed = seed
        self.groups: dict[tuple[str, str], list[Finding]] = {}
        self.saved: dict[tuple[str, str], list[Path]] = {}

    def add(self, finding: Finding) -> None:
        self.groups.setdefault(finding.problem.signature, []).append(finding)

    def ordered(self) -> list[tuple[tuple[str, str], list[Finding]]]:
        """Groups in a stable order: by the first input that shows them."""
        return sorted(self.groups.items(), key=lambda group: min(f.inputs[0].index for f in group[1]))

    def save_all(self) -> None:
        """One folder per cause, numbered in the order of `ordered`, with its signature and examples."""
        for number, (signature, findings) in enumerate(self.ordered(), 1):
            group_folder = self.folder / f"{number:02d}-{signature[0]}"
            group_folder.mkdir(parents=True, exist_ok=True)
            (group_folder / "signature.txt").write_text(
                f"kind: {signature[0]}\ncause: {signature[1]}\noccurrences: {len(findings)}\n"
                f"inputs: {', '.join(str(f.inputs[0].index) for f in findings[:50])}\n")
            self.saved[signature] = [self.save_example(group_folder / f"example-{i}", finding)
                                     for i, finding in enumerate(self.examples_of(findings), 1)]

    def examples_of(self, findings: list[Finding]) -> list[Finding]:
        """The first findings in input order, preferring ones that differ in message or command."""
        ordered = sorted(findings, key=lambda f: f.inputs[0].index)
        chosen: list[Finding] = []
        seen: set[tuple[str, str]] = set()
        for finding in ordered:
            key = (finding.problem.variant, finding.command)
            if len(chosen) < self.examples and key not in seen:
                chosen.append(finding)
                seen.add(key)
        for finding in ordered:  # fill up with the next ones when there are few variants
            if len(chosen) < self.examples and not any(finding is c for c in chosen):
                chosen.append(finding)
        return chosen

    def save_example(self, folder: Path, finding: Finding) -> Path:
        """The mutated file(s), the exact output, and a script that runs guichet on them again."""
        folder.mkdir(parents=True, exist_ok=True)
        first = finding.inputs[0]
        if first.sample.kind == "application":
            (folder / "in").mkdir(exist_ok=True)
            for item in finding.inputs:
                (folder / "in" / item.name).write_bytes(item.data)
            target = "in"
        else:
            (folder / "rules").mkdir(exist_ok=True)
            for sample in (REPO / "Rules").glob("*.yaml"):
                shutil.copyfile(sample, folder / "rules" / sample.name)
            shutil.copytree(REPO / "Rules" / "tests", folder / "rules" / "tests", dirs_exist_ok=True)
            shutil.copytree(REPO / "Rules" / "sources", folder / "rules" / "sources", dirs_exist_ok=True)
            (folder / "rules" / first.name).write_bytes(first.data)
            target = "rules"
        (folder / "run.sh").write_text(self.script(finding, target))
        (folder / "run.sh").chmod(0o755)
        (folder / "stdout.txt").write_text(finding.run.stdout[-65536:])
        (folder / "stderr.txt").write_text(finding.run.stderr[-65536:])
        status = "killed (timeout)" if finding.run.timed_out else f"exit status {finding.run.returncode}"
        (folder / "about.txt").write_text(
            f"{finding.problem.kind}: {finding.problem.detail}\n\n"
            f"seed {self.seed}; " + "; ".join(item.describe() for item in finding.inputs[:20]) + "\n"
            f"command: {shlex.join(finding.run.command)}\n{status} after {finding.run.seconds:.2f} s\n\n"
            f"evidence:\n{finding.problem.evidence}\n")
        return folder

    def script(self, finding: Finding, target: str) -> str:
        """run.sh: the same command on the saved files, with fresh register and output folders."""
        if finding.command == "evaluate" and target == "in":
            command = (f'(cd "$tmp" && "$GUICHET" init >/dev/null) && "$GUICHET" evaluate in --rules "{REPO}/Rules" '
                       '--out "$tmp/out" --register "$tmp/.guichet/registre.sqlite" --date 2021-12-31')
        elif finding.command == "evaluate":
            applications = str(REPO / "Applications")
            folders = " ".join(f'"{a}"' for a in finding.run.command if a.startswith(applications))
            command = (f'(cd "$tmp" && "$GUICHET" init >/dev/null) && "$GUICHET" evaluate {folders} --rules rules '
                       '--out "$tmp/out" --register "$tmp/.guichet/registre.sqlite" --date 2021-12-31')
        else:
            command = f'"$GUICHET" {finding.command} rules'
        return ("#!/bin/sh\n# Runs guichet again on this reproducer (from any folder).\n"
                f"GUICHET=\"${{GUICHET:-{self.binary}}}\"\ncd \"$(dirname \"$0\")\"\ntmp=$(mktemp -d)\n"
                f"trap 'rm -rf \"$tmp\"' EXIT\n{command}\necho \"exit status $?\"\n")


def report(arguments: argparse.Namespace, executor: Executor, book: FindingBook) -> None:
    """Saves the reproducers, shrinks the first of each cause, and lists the causes."""
    if not book.groups:
        return
    book.save_all()
    for number, (signature, findings) in enumerate(book.ordered(), 1):
        first_example = book.saved[signature][0]
        line = f"FINDING {number}: [{signature[0]}] {signature[1]} — {len(findings)} occurrence(s); {first_example}"
        first = min(findings, key=lambda f: f.inputs[0].index)
        smallest = None
        if arguments.minimize_seconds > 0:
            smallest = minimize(executor, first, time.monotonic() + arguments.minimize_seconds)
            if smallest is not None:
                folder = book.save_example(first_example / "minimal", smallest)
                lines = len(smallest.inputs[0].data.split(NEWLINE))
                line += f" (minimised to {lines} line(s) in {folder.name}/)"
        print(line)
        print_example(smallest or first)


def visible(text: str) -> str:
    """The text with control and line-breaking characters written as escapes, for a log."""
    return re.sub("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]", lambda m: f"\\u{ord(m.group()):04x}", text)


def print_example(finding: Finding) -> None:
    """The evidence and, when small, the reproducer itself: CI logs outlive CI's temporary folders."""
    evidence = finding.problem.evidence.strip().split("\n")[0][:300]
    print(f"    {finding.inputs[0].describe()}; guichet {finding.command}")
    print(f"    evidence: {visible(evidence) or '(none)'}")
    if len(finding.inputs) == 1 and len(finding.inputs[0].data) <= 2000:
        print(f"    reproducer ({finding.inputs[0].name}, invalid UTF-8 and control characters escaped):")
        for text in finding.inputs[0].data.decode("utf-8", "backslashreplace").split("\n"):
            print("    | " + visible(text))
