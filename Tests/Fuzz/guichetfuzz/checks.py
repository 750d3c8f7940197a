"""What a run of guichet may print and write, and the problems found when it does otherwise:
crash, hang, diagnostics without their location, control characters, exit status, summary.jsonl,
leftover and stray files, decision files written twice (the kinds are listed in README.md).
"""

from __future__ import annotations

import json
import os
import re
import signal
from dataclasses import dataclass, field
from pathlib import Path

from .process import Run


@dataclass(frozen=True)
class Problem:
    """Something wrong with one run. `kind` and `detail` identify its cause for deduplication;
    `variant` tells examples of one cause apart; `evidence` is what was seen."""

    kind: str
    detail: str
    evidence: str
    variant: str = ""

    @property
    def signature(self) -> tuple[str, str]:
        return (self.kind, self.detail)


@dataclass
class Expectation:
    """What a run may legitimately print: located lines must name one of `files`."""

    command: str  # evaluate, check or test
    files: set[str]
    out: Path | None = None
    work: Path | None = None
    expected_entries: set[str] = field(default_factory=set)


# guichet speaks French: `LINE:COLUMN: erreur : message` (or `avertissement`), the words of MessageKind.
LOCATED = re.compile(r"^(\d+):(\d+): (erreur|avertissement) : (\S.*)$")
FIXED_LINES = {
    "check": [re.compile(r"^[\d\u202f]+ fichiers? de règles avec [\d\u202f]+ erreurs? ; corrigez-l(?:a|es) et relancez « guichet check »\.$")],
    "test": [],
    # Outside a working folder, evaluate says once that it only simulates.
    "evaluate": [re.compile(r"^note : simulation : aucun registre ici, rien n'est enregistré \(« guichet init » crée un poste d'instruction\)$")],
}
# Characters a terminal or a log viewer takes as the end of a line, besides "\n".
LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


CONTINUATION = "a diagnostic goes on over several lines (a value between « » holds a line break)"


def shape(text: str, paths: set[str]) -> str:
    """A line with what varies between inputs (paths, quoted values, numbers) blanked out."""
    for path in sorted(paths, key=len, reverse=True):
        text = text.replace(path, "FILE")
    text = re.sub(r"«[^»]*»", "«…»", text)
    text = re.sub(r"\d+", "N", text)
    return text[:160]


def locate(line: str, files: set[str]) -> re.Match | None:
    """The `LINE:COLUMN: erreur : message` part of a line starting with one of `files`."""
    for name in files:
        if line.startswith(name + ":"):
            match = LOCATED.match(line[len(name) + 1:])
            if match:
                return match
    return None


def check_crash(run: Run, expectation: Expectation) -> list[Problem]:
    """A hang, or a death by signal or by an exit code other than 0 and 1. Its cause is the fatal
    message with the first frame in `Sources/`, so that two crashes at one place count once."""
    if run.timed_out:
        return [Problem("hang", f"guichet {expectation.command} did not finish within the time limit",
                        f"killed after {run.seconds:.1f} s")]
    if run.returncode in (0, 1):
        return []
    if run.returncode < 0:
        try:
            status = signal.Signals(-run.returncode).name
        except ValueError:
            status = f"signal {-run.returncode}"
    else:
        status = f"exit code {run.returncode}"
    fatal = ""
    for line in run.stderr.splitlines():
        if "Fatal error:" in line:
            fatal = line.split("Fatal error:", 1)[1].strip()
            break
        if "Program crashed:" in line and not fatal:
            fatal = re.sub(r" at 0x[0-9a-f]+", "", line.split("Program crashed:", 1)[1]).strip(" *")
    frame = re.search(r" at (?:\S*/)?(Sources/\S+?\.swift):(\d+)", run.stderr)
    where = f" at {frame.group(1)}:{frame.group(2)}" if frame else ""
    detail = f"{status}: {shape(fatal, expectation.files) or 'no message'}{where}"
    return [Problem("crash", detail, run.stderr[-4000:])]


def check_stderr(run: Run, expectation: Expectation) -> tuple[list[Problem], int]:
    """Every stderr line must be located in one of the run's files (or a fixed line of the command).
    Returns the problems and the number of located error lines."""
    problems: list[Problem] = []
    errors = 0
    continuing = False
    lines = run.stderr.split("\n")
    if lines[-1] == "":
        lines.pop()  # the text after the last line break
    for line in lines:
        match = locate(line, expectation.files)
        if match:
            errors += match.group(3) == "erreur"
            message = match.group(4)
            if LINE_BREAKS.search(line) or CONTROLS.search(line):
                problems.append(Problem("control-character", "a diagnostic line holds a raw control character",
                                        repr(line)[:400], shape(message, expectation.files)))
            # A « without its »: a quoted value was cut by a line break, the rest follows.
            continuing = message.count("«") > message.count("»")
            continue
        if any(fixed.match(line) for fixed in FIXED_LINES[expectation.command]):
            continuing = False
            continue
        if continuing:
            problems.append(Problem("non-located", CONTINUATION, repr(line)[:400]))
            continuing = line.count("»") == 0  # a » closes the quote
            continue
        problems.append(Problem("non-located", shape(line, expectation.files) or "(empty line)", repr(line)[:400]))
    return problems, errors


def check_exit(run: Run, expectation: Expectation, errors: int) -> list[Problem]:
    """Exit code 1 must come with an error (or, for `test`, a failed case); 0 with none."""
    if run.returncode == 0 and errors:
        return [Problem("exit-status", f"guichet {expectation.command} exits 0 after printing errors",
                        run.stderr[:2000])]
    if run.returncode == 1 and not errors:
        failed = re.search(r"(?m)^[\d\u202f]+ cas réussis?, ([1-9][\d\u202f]*) cas en échec$", run.stdout)
        if expectation.command == "test" and failed:
            return []
        return [Problem("exit-status", f"guichet {expectation.command} exits 1 without a located error",
                        (run.stderr or run.stdout)[:2000])]
    return []


def check_outputs(run: Run, expectation: Expectation) -> list[Problem]:
    """`evaluate`: summary table, readable summary.jsonl, no temporary file left, nothing written elsewhere."""
    problems: list[Problem] = []
    if expectation.command != "evaluate" or expectation.out is None:
        return problems
    if not re.search(r"(?m)^[\d\u202f]+ (demandes? instruites?|simulations?) : ", run.stdout):
        problems.append(Problem("summary-table", "evaluate printed no count line", run.stdout[-2000:]))
    summary = expectation.out / "summary.jsonl"
    if summary.exists():
        problems += check_jsonl(summary.read_bytes())
    if expectation.out.exists():
        leftovers = [p.name for p in expectation.out.iterdir() if ".tmp-" in p.name]
        if leftovers:
            problems.append(Problem("leftover", "temporary file left in the output folder", ", ".join(leftovers[:5])))
    if expectation.work is not None:
        stray = sorted(set(os.listdir(expectation.work)) - expectation.expected_entries)
        if stray:
            problems.append(Problem("stray-file", "a file was written outside --out and the working folder's register", ", ".join(stray[:5])))
    return problems


def check_decision_files(run: Run, expectation: Expectation) -> list[Problem]:
    """`evaluate`: no two decisions (or a decision and a household's orientation summary) may be
    written to the same file, read from the Decision column of the summary table."""
    if expectation.command != "evaluate" or expectation.out is None:
        return []
    prefix = f"{expectation.out}/"
    owners: dict[str, list[str]] = {}
    for line in run.stdout.split("\n"):
        columns = re.split(r"\s{2,}", line.strip())
        if len(columns) < 3 or not columns[-1].startswith(prefix) or not columns[-1].endswith(".md"):
            continue
        identifier, scheme, path = columns[0], columns[1], columns[-1]
        owners.setdefault(path, []).append(f"{identifier} ({scheme})")
        if Path(path).name == f"{identifier}.{scheme}.md":  # a household's: it writes an orientation too
            owners.setdefault(f"{prefix}{identifier}.orientation.md", []).append(f"{identifier} (orientation)")
    shared = {path: names for path, names in owners.items() if len(set(names)) > 1}
    if not shared:
        return []
    evidence = "; ".join(f"{Path(path).name} written for {', '.join(sorted(set(names)))}" for path, names in shared.items())
    return [Problem("decision-file", "two decisions are written to the same file", evidence[:2000])]


def reject_constant(name: str):
    """`NaN` and `Infinity` are accepted by Python's json module but are not JSON."""
    raise ValueError(f"non-standard JSON constant {name}")


def check_jsonl(data: bytes) -> list[Problem]:
    """summary.jsonl: UTF-8, one JSON object per line, each with its file, line and errors."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return [Problem("summary-jsonl", "summary.jsonl is not UTF-8", str(error))]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    else:
        if text:
            return [Problem("summary-jsonl", "summary.jsonl does not end with a line break", repr(text[-200:]))]
    for number, line in enumerate(lines, 1):
        try:
            entry = json.loads(line, parse_constant=reject_constant)
        except ValueError as error:
            return [Problem("summary-jsonl", f"summary.jsonl line is not JSON: {shape(str(error), set())}",
                            f"line {number}: {line[:400]!r}")]
        if not isinstance(entry, dict) or not {"file", "line", "errors"} <= entry.keys():
            return [Problem("summary-jsonl", "summary.jsonl line is not an entry with file, line and errors",
                            f"line {number}: {line[:400]!r}")]
    return []


def check_run(run: Run, expectation: Expectation) -> list[Problem]:
    """All the checks of one run; a crash or a hang makes the rest meaningless."""
    crashed = check_crash(run, expectation)
    if crashed:
        return crashed
    problems, errors = check_stderr(run, expectation)
    return (problems + check_exit(run, expectation, errors) + check_outputs(run, expectation)
            + check_decision_files(run, expectation))
