#!/usr/bin/env python3
"""Mutation fuzzer for the `guichet` command-line tool.

It mutates the sample applications (`Applications/**.yaml`) and the schemes (`Rules/*.yaml`),
runs the debug `guichet` binary on them and fails (exit 1, reproducers saved under a printed
folder) on a crash, a hang, an error line on standard error without its `file:line:column`,
an unreadable `summary.jsonl`, and a few other inconsistencies listed in README.md.

Everything is deterministic from `--seed`: input number K of a seed is always the same bytes,
whatever the number of workers or the order in which batches finish. Standard library only,
so that CI needs nothing beyond Python 3.11.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import decimal
import itertools
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SEED = 20200928  # the date of the deliberation the sample rules come from
HANG_SECONDS = 10.0  # a single run of guichet taking longer is a hang

# Compact, non-interactive crash reports from the Swift runtime: fast, and the first frame
# in our sources tells two crashes apart.
SWIFT_BACKTRACE = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=40"


# ---------------------------------------------------------------------------------------------
# Corpus and inputs


@dataclass(frozen=True)
class Sample:
    """A file of the repository the mutations start from."""

    kind: str  # "application" or "scheme"
    path: Path
    data: bytes

    @property
    def relative(self) -> str:
        return str(self.path.relative_to(REPO))


@dataclass
class Corpus:
    """The sample files, and which application folders exercise which scheme file."""

    applications: list[Sample]
    schemes: list[Sample]
    # scheme file name -> application folders whose files name that scheme or its family
    folders_for_scheme: dict[str, list[Path]]

    def samples(self, kind: str) -> list[Sample]:
        return self.applications if kind == "application" else self.schemes


def load_corpus() -> Corpus:
    """Reads the samples once; the fuzzer never writes them."""
    applications = [Sample("application", p, p.read_bytes())
                    for p in sorted((REPO / "Applications").rglob("*")) if p.suffix in (".yaml", ".yml")]
    schemes = [Sample("scheme", p, p.read_bytes()) for p in sorted((REPO / "Rules").glob("*.yaml"))]
    folders: dict[str, list[Path]] = {}
    for scheme in schemes:
        text = scheme.data.decode("utf-8", "replace")
        names = set(re.findall(r"(?m)^(?:id|family): *(\S+)", text))
        folders[scheme.path.name] = sorted({app.path.parent for app in applications
                                            if names & set(re.findall(r"(?m)^(?:scheme|family): *(\S+)",
                                                                      app.data.decode("utf-8", "replace")))})
    return Corpus(applications, schemes, folders)


@dataclass
class FuzzInput:
    """One mutated file: the sample it comes from and the mutations applied, in order."""

    index: int
    sample: Sample
    data: bytes
    mutations: list[str]

    @property
    def name(self) -> str:
        """The file name in a batch folder: unique per input, and sorted in input order."""
        if self.sample.kind == "scheme":
            return self.sample.path.name  # it replaces the scheme file of the same name
        return f"{self.index:05d}-{self.sample.path.stem}.yaml"

    def describe(self) -> str:
        return f"input {self.index} ({self.sample.relative}; {', '.join(self.mutations)})"


def input_kind(seed: int, index: int, scheme_share: float) -> str:
    """Whether input `index` mutates an application or a scheme, known without building it."""
    return "scheme" if random.Random(f"{seed}/{index}/kind").random() < scheme_share else "application"


def make_input(seed: int, index: int, kind: str, corpus: Corpus) -> FuzzInput:
    """Builds input `index` of `seed`: one to three stacked mutations of a random sample."""
    rng = random.Random(f"{seed}/{index}")
    sample = rng.choice(corpus.samples(kind))
    data = sample.data
    applied: list[str] = []
    wanted = 1 + (rng.random() < 0.4) + (rng.random() < 0.15)
    attempts = 0
    while (len(applied) < wanted or data == sample.data) and attempts < 12:
        attempts += 1
        mutator = pick_mutator(rng, kind)
        mutated = mutator.function(rng, data, MutationContext(kind, corpus))
        if mutated != data:
            data = mutated
            applied.append(mutator.name)
    return FuzzInput(index, sample, data, applied)


# ---------------------------------------------------------------------------------------------
# Mutations
#
# Mutators take and return bytes. Text mutations decode with 'surrogateescape' so that invalid
# UTF-8 put there by an earlier mutation survives the next one byte for byte.


@dataclass(frozen=True)
class MutationContext:
    kind: str
    corpus: Corpus


def text_of(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def bytes_of(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def on_text(function: Callable[[random.Random, str, MutationContext], str]):
    """Lifts a text mutation to bytes."""
    def mutate(rng: random.Random, data: bytes, context: MutationContext) -> bytes:
        return bytes_of(function(rng, text_of(data), context))
    mutate.__doc__ = function.__doc__
    return mutate


def content_lines(lines: list[str]) -> list[int]:
    """Indexes of lines that carry YAML (not blank, not a comment): where mutations matter."""
    found = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")]
    return found or list(range(len(lines)))


def indentation(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def block_end(lines: list[str], start: int) -> int:
    """The end (exclusive) of the block a line opens: the following more indented lines."""
    depth = indentation(lines[start])
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or indentation(lines[end]) > depth):
        end += 1
    return end


# Scalar values: after `key: `, `- `, `[` or `, `; plain, or quoted on one line.
VALUE_SPAN = re.compile(
    r"(?:(?<=: )|(?<=- )|(?<=\[)|(?<=, ))"
    r"(\"[^\"\n]*\"|'[^'\n]*'|[^\s{}\[\],#&*!|>'\"][^{}\[\],#\n]*)")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^[-+]?\d[\d  ]*(?:[.,]\d+)?(?: ?[€%])?$")


def value_spans(text: str) -> list[tuple[int, int, str]]:
    """Scalar values of the text as (start, end, value), outside comments; linear in the text's length."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        if not line.lstrip().startswith("#"):
            for match in VALUE_SPAN.finditer(line):
                value = match.group(1).rstrip()
                if value and ": " not in value:
                    spans.append((offset + match.start(), offset + match.start() + len(value), value))
        offset += len(line) + 1
    return spans


def scalar_type(value: str) -> str:
    if DATE.match(value):
        return "date"
    if NUMBER.match(value):
        return "number"
    if value in ("true", "false"):
        return "boolean"
    if value in ("null", "~"):
        return "null"
    return "text"


def replace_span(rng: random.Random, text: str, choose: Callable[[str], str],
                 prefer: Callable[[str], bool] | None = None) -> str:
    """Replaces one scalar value (preferably one `prefer` accepts) by `choose(old value)`."""
    spans = value_spans(text)
    if not spans:
        return text
    preferred = [s for s in spans if prefer(s[2])] if prefer else []
    start, end, value = rng.choice(preferred or spans)
    return text[:start] + choose(value) + text[end:]


TYPED_VALUES = {
    "number": ["0", "42", "-1", "3.14", "1e3", "0.5", "12"],
    "money": ["0 €", "1 €", "40 000 €", "0.01 €"],
    "rate": ["0 %", "50 %", "100 %"],
    "text": ["texte", "\"un texte\"", "'quoted'", "\"\"", "commune", "pdesi"],
    "list": ["[]", "[1, 2]", "[a, b]", "[[1]]", "[{a: 1}]"],
    "mapping": ["{}", "{a: 1}", "{value: 1 €}", "{satisfied: true}", "{x: [1]}"],
    "boolean": ["true", "false", "yes", "no", "True", "on"],
    "null": ["null", "~", "", "Null"],
    "date": ["2020-01-01", "2020-10-12"],
}


@on_text
def type_swap(rng: random.Random, text: str, context: MutationContext) -> str:
    """A scalar of another type: number, text, list, mapping, boolean, null, money, date."""
    def choose(value: str) -> str:
        kinds = [k for k in TYPED_VALUES if k != scalar_type(value)]
        return rng.choice(TYPED_VALUES[rng.choice(kinds)])
    return replace_span(rng, text, choose)


EXTREME_NUMBERS = [
    "123456789012345678901234567890123456789 €", "99999999999999999999999999999999999999 €",
    "999999999999999999999999999999999999999999999999999999999999999999999999999999 €",
    "1 000 000 000 000 000 000 000 000 000 000 000 000 €", "0.0000000000000000000000000000000000000001 €",
    "12345678901234567890123456789012345678.99 €", "-0", "-0 €", "+0", "1e308", "1e309", "-1e308", "1e-400",
    "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "4294967296", "2147483648", "60.000 €", "60,000 €", "0,001 €", "0.001 €",
    "0.005 €", "-0.005 €", "-1 €", "1 €€", "€", "1 $", "100000000000000000000000000000000000000 %",
    "-100 %", "0.0000001 %", "1e308 %", "NaN", ".nan", ".inf", "-.inf", "0x7fffffffffffffff", "0o17",
    "1_000", "١٢٣", "１２", "1\u00a0000 €", "1\u202f000 €", "99999999999999999999", "-99999999999999999999",
    "0.00000000000000000000000000000000000000000000000001", "3.", ".5", "1 000.5", "1  000 €",
]

EXTREME_DATES = [
    "0000-01-01", "9999-12-31", "2020-02-30", "10000-01-01", "2021-02-29", "2020-02-29", "2020-13-01",
    "2020-00-10", "2020-01-00", "0001-01-01", "-2020-01-01", "2020-1-1", "20201012", "2020-10-12T00:00:00Z",
    "1582-10-10", "1677-09-21", "2262-04-12", "2038-01-19", "99999-01-01", "2020-10-32", "1900-02-29",
]


@on_text
def extreme_number(rng: random.Random, text: str, context: MutationContext) -> str:
    """Amounts of 38+ digits, -0, 1e308, Int64 bounds, decimal commas and points, odd digits."""
    return replace_span(rng, text, lambda _: rng.choice(EXTREME_NUMBERS), lambda v: scalar_type(v) == "number")


@on_text
def extreme_date(rng: random.Random, text: str, context: MutationContext) -> str:
    """Dates at the ends of the calendar, impossible days, other spellings."""
    return replace_span(rng, text, lambda _: rng.choice(EXTREME_DATES), lambda v: scalar_type(v) == "date")


ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)")
MONEY = re.compile(r"(?<![\d.])(\d{1,3}(?: \d{3})+|\d+)(\.\d+)?(?= ?€)")


@on_text
def shift_dates(rng: random.Random, text: str, context: MutationContext) -> str:
    """Every date moved by the same number of years, so that the file stays consistent (filing
    date, birth date, first month…) while its dates reach year 9999 or year 1."""
    years = [int(m.group(1)) for m in ISO_DATE.finditer(text)]
    if not years:
        return text
    delta = rng.choice([9999 - max(years), 9998 - max(years), 1 - min(years), rng.randint(-2000, 7000)])
    return ISO_DATE.sub(lambda m: f"{int(m.group(1)) + delta:04d}-{m.group(2)}-{m.group(3)}", text)


@on_text
def scale_amounts(rng: random.Random, text: str, context: MutationContext) -> str:
    """Every amount in euros multiplied (or divided) by the same power of ten: valid amounts
    that push sums, products and roundings towards the limits of exact decimals."""
    exponent = rng.choice([6, 12, 18, 24, 30, 33, 36, -3, -12, -28])
    def scaled(match: re.Match) -> str:
        value = decimal.Decimal(match.group(1).replace(" ", "") + (match.group(2) or "")).scaleb(exponent)
        return f"{value:f}"
    return MONEY.sub(scaled, text)


@on_text
def delete_line(rng: random.Random, text: str, context: MutationContext) -> str:
    """Deletes one line."""
    lines = text.split("\n")
    del lines[rng.choice(content_lines(lines))]
    return "\n".join(lines)


@on_text
def delete_block(rng: random.Random, text: str, context: MutationContext) -> str:
    """Deletes a line with the block it opens, or a few consecutive lines."""
    lines = text.split("\n")
    start = rng.choice(content_lines(lines))
    end = block_end(lines, start)
    if end == start + 1:
        end = min(len(lines), start + rng.randint(2, 8))
    del lines[start:end]
    return "\n".join(lines)


@on_text
def duplicate_line(rng: random.Random, text: str, context: MutationContext) -> str:
    """Repeats a line (often a duplicated key)."""
    lines = text.split("\n")
    i = rng.choice(content_lines(lines))
    lines.insert(i, lines[i])
    return "\n".join(lines)


@on_text
def swap_lines(rng: random.Random, text: str, context: MutationContext) -> str:
    """Swaps two lines, near each other or anywhere."""
    lines = text.split("\n")
    candidates = content_lines(lines)
    i = rng.choice(candidates)
    j = rng.choice(candidates) if rng.random() < 0.5 else min(len(lines) - 1, i + rng.randint(1, 3))
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


@on_text
def change_indent(rng: random.Random, text: str, context: MutationContext) -> str:
    """Indents or dedents a line or a block, or indents with a tab."""
    lines = text.split("\n")
    start = rng.choice(content_lines(lines))
    end = block_end(lines, start) if rng.random() < 0.4 else start + 1
    how = rng.choice(["+1", "+2", "+4", "-1", "-2", "-all", "tab"])
    for i in range(start, end):
        line = lines[i]
        if how.startswith("+"):
            lines[i] = " " * int(how[1:]) + line
        elif how == "tab":
            lines[i] = "\t" + line.lstrip(" ")
        elif how == "-all":
            lines[i] = line.lstrip(" ")
        else:
            lines[i] = line[min(int(how[1:]), indentation(line)):]
    return "\n".join(lines)


BYTE_POOL = [
    b"\x00", b"\xff", b"\xfe", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xe2\x82",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xae", b"\x1b[31m", b"\x1b[2J",
    b"\t", b"\r", b"\r\n", b"\x07", b"\x08", b"\x0b", b"\x0c", b"\x7f", b"\x01", b"\x1f", b"\xc2\x9b",
    b"\xcc\x81", b"\xf0\x9f\x92\xa3", b"\xe2\x80\x8b",
]


def insert_bytes(rng: random.Random, data: bytes, context: MutationContext) -> bytes:
    """NUL, invalid UTF-8, control characters, byte order marks, at the start, in a value or anywhere."""
    chunk = b"".join(rng.choice(BYTE_POOL) if rng.random() < 0.8 else bytes([rng.randrange(256)])
                     for _ in range(rng.randint(1, 4)))
    where = rng.random()
    if where < 0.15:
        position = 0
    elif where < 0.6:
        spans = value_spans(text_of(data))
        if spans:
            start, end, _ = rng.choice(spans)
            # positions are in characters of the decoded text: convert back to bytes
            position = len(bytes_of(text_of(data)[:rng.randint(start, end)]))
        else:
            position = rng.randrange(len(data) + 1)
    else:
        position = rng.randrange(len(data) + 1)
    return data[:position] + chunk + data[position:]


def truncate(rng: random.Random, data: bytes, context: MutationContext) -> bytes:
    """Cuts the file anywhere, possibly inside a UTF-8 sequence or a quoted scalar."""
    return data[:rng.randrange(len(data))] if data else data


def reencode(rng: random.Random, data: bytes, context: MutationContext) -> bytes:
    """The same text in UTF-16 (with or without a byte order mark) or Latin-1."""
    text = text_of(data)
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "latin-1"])
    return text.encode(encoding, "replace" if encoding == "latin-1" else "surrogatepass")


@on_text
def huge_list(rng: random.Random, text: str, context: MutationContext) -> str:
    """A value replaced by a flow list of thousands of items (or a block list, or a big mapping)."""
    count = rng.choice([1_000, 10_000, 100_000])
    def choose(value: str) -> str:
        item = value if rng.random() < 0.5 else rng.choice(["1", "a", "x€", "2020-01-01", "[]", "devis"])
        shape = rng.random()
        if shape < 0.6:
            return "[" + ", ".join([item] * count) + "]"
        if shape < 0.8:
            return "{" + ", ".join(f"k{i}: {item}" for i in range(count)) + "}"
        return "[" + ", ".join(str(i) for i in range(count)) + "]"
    return replace_span(rng, text, choose)


@on_text
def deep_nesting(rng: random.Random, text: str, context: MutationContext) -> str:
    """Lists or mappings nested around the nesting limit (64) and far beyond it."""
    depth = rng.choice([62, 63, 64, 65, 200, 10_000, 100_000])
    style = rng.choice(["list", "mapping", "block"])
    if style == "block":
        lines = text.split("\n")
        i = rng.choice(content_lines(lines))
        base = indentation(lines[i])
        nested = [" " * (base + 2 * level) + f"k{level}:" for level in range(min(depth, 2_000))]
        lines[i + 1:i + 1] = nested[1:] + [" " * (base + 2 * len(nested)) + "x: 1"]
        lines[i] = lines[i].split(":")[0] + ":" if ":" in lines[i] else nested[0]
        return "\n".join(lines)
    if style == "list":
        return replace_span(rng, text, lambda v: "[" * depth + v + "]" * depth)
    return replace_span(rng, text, lambda v: "{a: " * depth + v + "}" * depth)


@on_text
def anchors_aliases(rng: random.Random, text: str, context: MutationContext) -> str:
    """Anchors and aliases: shared values, unknown and recursive aliases, merge keys, billion laughs."""
    spans = value_spans(text)
    choice = rng.random()
    if choice < 0.35 and len(spans) >= 2:
        first, second = sorted(rng.sample(spans, 2))
        return (text[:first[0]] + "&a " + first[2] + text[first[1]:second[0]] + "*a" + text[second[1]:])
    if choice < 0.5 and spans:
        start, end, _ = rng.choice(spans)
        return text[:start] + rng.choice(["*nope", "*", "&", "&a *a", "!!binary aGVsbG8=", "!custom x", "!!str"]) + text[end:]
    lines = text.split("\n")
    i = rng.choice(content_lines(lines))
    pad = " " * indentation(lines[i])
    if choice < 0.7:
        laughs = [f"{pad}lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        laughs += [f"{pad}lol{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, rng.choice([3, 5, 9]))]
        lines[i:i] = laughs
    elif choice < 0.85:
        lines[i:i] = [f"{pad}base: &b {{a: 1, b: [1, 2]}}", f"{pad}merged: {{<<: *b, c: 3}}", f"{pad}<<: *b"]
    else:
        lines[i:i] = [f"{pad}self: &s [1, *s]"]
    return "\n".join(lines)


@on_text
def long_string(rng: random.Random, text: str, context: MutationContext) -> str:
    """Very long scalars, around the reader's 1 MiB limit, in ASCII or in two-byte characters."""
    length = rng.choice([61, 200, 201, 10_000, 1_048_576, 1_048_577])
    unit = rng.choice(["x", "é", "a b "])
    long = (unit * (length // len(bytes_of(unit)) + 1))
    long = bytes_of(long)[:length].decode("utf-8", "ignore")
    if rng.random() < 0.2:
        lines = text.split("\n")  # a long key instead of a long value
        lines.insert(rng.choice(content_lines(lines)), f"{long}: 1")
        return "\n".join(lines)
    quoted = rng.random() < 0.3
    return replace_span(rng, text, lambda _: f"\"{long}\"" if quoted else long.strip())


@on_text
def duplicate_key(rng: random.Random, text: str, context: MutationContext) -> str:
    """The same key twice in a mapping: same spelling, other quoting, or another Unicode normal form."""
    lines = text.split("\n")
    keyed = [i for i in content_lines(lines) if re.match(r"^\s*(- )?[^\s#:][^:]*:( |$)", lines[i])]
    if not keyed:
        return text
    i = rng.choice(keyed)
    match = re.match(r"^(\s*)(- )?([^:]+):(.*)$", lines[i])
    assert match
    pad, dash, key, _ = match.groups()
    pad = pad + ("  " if dash else "")
    spelling = rng.choice([key, f"\"{key}\"", f"'{key}'", key.replace("e", "e\u0301"), key + " "])
    value = rng.choice([" 1", " autre", " null", " {}", ""])
    if key.strip() == "é" or "é" in key:
        spelling = rng.choice([spelling, key.replace("é", "e\u0301")])
    lines.insert(i + 1 if not dash else block_end(lines, i), f"{pad}{spelling}:{value}")
    return "\n".join(lines)


@on_text
def document_separator(rng: random.Random, text: str, context: MutationContext) -> str:
    """Multi-document streams: `---` anywhere, `...`, directives, the file twice, empty documents."""
    lines = text.split("\n")
    choice = rng.random()
    if choice < 0.35:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["---", "...", "--- |", "--- !!map", "---  # c"]))
        return "\n".join(lines)
    if choice < 0.55:
        return text + ("" if text.endswith("\n") else "\n") + "---\n" + text
    if choice < 0.7:
        other = text_of(rng.choice(context.corpus.samples(context.kind)).data)
        return text + ("" if text.endswith("\n") else "\n") + "---\n" + other
    if choice < 0.85:
        return rng.choice(["%YAML 1.1\n---\n", "%YAML 1.2\n---\n", "%TAG ! tag:x,2020:\n---\n", "---\n---\n", "...\n"]) + text
    return text + rng.choice(["\n---\n", "\n---\n---\n", "\n...\n", "\n--- ~\n", "\n--- []\n"])


WEIRD_IDS = [
    "../x", "../../../../tmp/guichet-fuzz-escape", ".", "..", "./a", "a/b", "a\\b", "\"A\\u0001B\"", "\"A\\nB\"",
    "\"\\e[2J\"", "\"\\0\"", "\"A\\rB\"", "\"A\\tB\"", "\"\\x85\"", "\"\\u2028\"", "\"\\u202eevil\"", "\"\"", "''",
    "-a", "a" * 200, "a" * 201, "é", "CON", "a.md", "summary", ".hidden", "a..b", "A.orientation", "1",
    "\"id with spaces\"", "[a]", "{a: b}", "null", "~", "true", "12", "0x10", "\"a:1:2: error: x\"",
]


@on_text
def weird_id(rng: random.Random, text: str, context: MutationContext) -> str:
    """Identifiers with `../`, `.`, control characters, separators, odd lengths; or another scheme name."""
    lines = text.split("\n")
    keyed = [i for i, line in enumerate(lines)
             if re.match(r"^\s*(- )?(id|scheme|family|name|piece|source):", line)]
    if not keyed:
        return text
    i = rng.choice(keyed)
    key = lines[i].split(":", 1)[0]
    if key.strip() in ("scheme", "family") and rng.random() < 0.5:
        other = ["pdesi", "medecins-salaries", "fsl-acces", "fonds-solvabilisation", "fonds-dettes-loyer", "logement"]
        lines[i] = f"{rng.choice(['scheme', 'family'])}: {rng.choice(other)}"
    else:
        lines[i] = f"{key}: {rng.choice(WEIRD_IDS)}"
    return "\n".join(lines)


@on_text
def colliding_ids(rng: random.Random, text: str, context: MutationContext) -> str:
    """A household's file followed by an application whose id is the household's id plus
    `.SCHEME` or `.orientation`: the names a household's own decision files take."""
    applications = context.corpus.applications
    households = [text_of(s.data) for s in applications if re.search(rb"(?m)^family:", s.data)]
    singles = [text_of(s.data) for s in applications if re.search(rb"(?m)^scheme:", s.data)]
    if context.kind != "application" or not households or not singles:
        return text
    parts = [text.rstrip("\n")]
    household = text if re.search(r"(?m)^family:", text) else rng.choice(households)
    if household is not text:
        parts.append(household.rstrip("\n"))
    household_id = re.search(r"(?m)^id: *(\S+)", household)
    single = rng.choice(singles)
    scheme = re.search(r"(?m)^scheme: *(\S+)", single)
    if not household_id or not scheme:
        return text
    suffix = rng.choice([scheme.group(1), "orientation"])
    parts.append(re.sub(r"(?m)^id: *\S+", f"id: {household_id.group(1)}.{suffix}", single, count=1).rstrip("\n"))
    return "\n---\n".join(parts) + "\n"


@on_text
def splice(rng: random.Random, text: str, context: MutationContext) -> str:
    """Lines from another sample of the same kind: real fields in the wrong place."""
    other = text_of(rng.choice(context.corpus.samples(context.kind)).data).split("\n")
    start = rng.choice(content_lines(other))
    end = block_end(other, start) if rng.random() < 0.5 else start + rng.randint(1, 6)
    lines = text.split("\n")
    lines[rng.randrange(len(lines) + 1):0] = other[start:end]
    return "\n".join(lines)


EXPRESSION_KEYS = re.compile(r"^(\s*(?:- )?(?:when|value|applies_when|stop|category|result|envelope|date|"
                             r"laureates|waiting_list|months|max_months|start|step|measure|by)\s*:\s+)(.+)$")
SNIPPETS = [
    "(", ")", "[", "]", ",", "\"", "€", "%", "if", "then", "else", "not in", "in", "==", "/ 0", "* 1e308",
    "month", "filing_date", "outcome(\"pdesi\")", "outcome(\"x\")", "coalesce(", "round(", "age(", "min()",
    "max(1)", "count(", "\u00a0", "é", "and", "or", "not", "- -", "2020-02-30", "99999999999999999999999999999999999999 €",
]
ODD_EXPRESSIONS = [
    "round(1 €, 0 €)", "round(1 €, -1 €)", "round(1 €, 0.001 €)", "months_between(0001-01-01, 9999-12-31)",
    "days_between(0001-01-01, 9999-12-31)", "age(9999-12-31, 0001-01-01)", "1 € / 0", "1 € / 0 €", "1 / 0", "1 % / 0 %",
    "999999999999999999999999999999999999999 € * 999999999999999999999999999999999999999",
    "99999999999999999999999999999999999999 € + 99999999999999999999999999999999999999 €",
    "0.0000000000000000000000000000000000001 € * 0.0000000000000000000000000000000000001",
    "2020-02-30", "10000-01-01", "0000-01-01", "year(0000-01-01)", "month(9999-12-31)", "count([])",
    "min([])", "abs(-9223372036854775808)", "-9223372036854775808 * -1", "coalesce(coalesce(coalesce(1, 2), 3), 4)",
    "if true then 1 € else 1 %", "[1, 2] == [1, 2]", "\"\" == \"\"", "outcome(\"pdesi\") == \"favorable\"",
]


def mutate_expression(rng: random.Random, expression: str) -> str:
    """An expression made deep, long, truncated, extreme or ill-typed."""
    how = rng.random()
    if how < 0.15:
        depth = rng.choice([50, 500, 5_000, 50_000])
        return "(" * depth + expression + ")" * depth
    if how < 0.25:
        count = rng.choice([100, 1_000, 10_000])
        return rng.choice([" + ", " * ", " and ", " or ", " == ", " - "]).join([f"({expression})"] * count)
    if how < 0.35:
        count = rng.choice([100, 1_000, 50_000])
        return rng.choice(["not ", "-", "- "]) * count + f"({expression})"
    if how < 0.5:
        operators = ["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "and", "or", "in"]
        words = expression.split(" ")
        spots = [i for i, w in enumerate(words) if w in operators]
        if spots:
            words[rng.choice(spots)] = rng.choice(operators)
            return " ".join(words)
    if how < 0.6:
        numbers = list(re.finditer(r"\d[\d ]*(?:\.\d+)?", expression))
        if numbers:
            m = rng.choice(numbers)
            return expression[:m.start()] + rng.choice(EXTREME_NUMBERS).rstrip(" €%") + expression[m.end():]
    if how < 0.7 and expression:
        return expression[:rng.randrange(len(expression))]
    if how < 0.85:
        position = rng.randrange(len(expression) + 1)
        return expression[:position] + " " + rng.choice(SNIPPETS) + " " + expression[position:]
    return rng.choice(ODD_EXPRESSIONS)


@on_text
def expression(rng: random.Random, text: str, context: MutationContext) -> str:
    """An expression of a scheme (`when`, `value`, `stop`…) deepened, lengthened, cut or made extreme."""
    lines = text.split("\n")
    spots = [i for i, line in enumerate(lines) if EXPRESSION_KEYS.match(line)]
    if not spots:
        return text
    i = rng.choice(spots)
    match = EXPRESSION_KEYS.match(lines[i])
    assert match
    head, value = match.groups()
    unquoted = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "\"" else value
    mutated = mutate_expression(rng, unquoted)
    lines[i] = head + "\"" + mutated.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
    return "\n".join(lines)


@dataclass(frozen=True)
class Mutator:
    name: str
    weight: int
    function: Callable[[random.Random, bytes, MutationContext], bytes]
    kinds: tuple[str, ...] = ("application", "scheme")


MUTATORS = [
    Mutator("delete-line", 8, delete_line),
    Mutator("delete-block", 5, delete_block),
    Mutator("duplicate-line", 6, duplicate_line),
    Mutator("swap-lines", 5, swap_lines),
    Mutator("change-indent", 6, change_indent),
    Mutator("type-swap", 12, type_swap),
    Mutator("insert-bytes", 8, insert_bytes),
    Mutator("extreme-number", 9, extreme_number),
    Mutator("extreme-date", 6, extreme_date),
    Mutator("shift-dates", 5, shift_dates),
    Mutator("scale-amounts", 5, scale_amounts),
    Mutator("huge-list", 2, huge_list),
    Mutator("deep-nesting", 3, deep_nesting),
    Mutator("anchors-aliases", 4, anchors_aliases),
    Mutator("long-string", 2, long_string),
    Mutator("duplicate-key", 4, duplicate_key),
    Mutator("document-separator", 5, document_separator),
    Mutator("weird-id", 5, weird_id),
    Mutator("splice", 4, splice),
    Mutator("colliding-ids", 2, colliding_ids, ("application",)),
    Mutator("truncate", 2, truncate),
    Mutator("reencode", 1, reencode),
    Mutator("expression", 14, expression, ("scheme",)),
]


def pick_mutator(rng: random.Random, kind: str) -> Mutator:
    candidates = [m for m in MUTATORS if kind in m.kinds]
    return rng.choices(candidates, weights=[m.weight for m in candidates])[0]


# ---------------------------------------------------------------------------------------------
# Running guichet


@dataclass
class Run:
    """One run of guichet, with what it printed."""

    command: list[str]
    cwd: Path
    returncode: int | None  # None when killed after the timeout
    stdout: str
    stderr: str
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def run_guichet(binary: Path, arguments: list[str], cwd: Path, timeout: float) -> Run:
    """Runs guichet in its own process group, so that a hang is killed with the crash reporter it may have started."""
    command = [str(binary)] + arguments
    env = dict(os.environ, SWIFT_BACKTRACE=SWIFT_BACKTRACE)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        returncode: int | None = process.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        stdout, stderr = process.communicate()
        returncode = None
    return Run(command, cwd, returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
               time.monotonic() - started)


# ---------------------------------------------------------------------------------------------
# Checks


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


LOCATED = re.compile(r"^(\d+):(\d+): (error|warning): (\S.*)$")
FIXED_LINES = {
    "check": [re.compile(r"^\d+ scheme file\(s\) with \d+ error\(s\); fix them and run 'guichet check' again\.$")],
    "test": [],
    "evaluate": [],
}
# Characters a terminal or a log viewer takes as the end of a line, besides "\n".
LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
NEWLINE = b"\n"
CONTINUATION = "a diagnostic goes on over several lines (a quoted value holds a line break)"


def shape(text: str, paths: set[str]) -> str:
    """A line with what varies between inputs (paths, quoted values, numbers) blanked out."""
    for path in sorted(paths, key=len, reverse=True):
        text = text.replace(path, "FILE")
    text = re.sub(r"'[^']*'", "'…'", text)
    text = re.sub(r"\d+", "N", text)
    return text[:160]


def locate(line: str, files: set[str]) -> re.Match | None:
    """The `LINE:COLUMN: severity: message` part of a line starting with one of `files`."""
    for name in files:
        if line.startswith(name + ":"):
            match = LOCATED.match(line[len(name) + 1:])
            if match:
                return match
    return None


def check_crash(run: Run, expectation: Expectation) -> list[Problem]:
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
            errors += match.group(3) == "error"
            message = match.group(4)
            if LINE_BREAKS.search(line) or CONTROLS.search(line):
                problems.append(Problem("control-character", "a diagnostic line holds a raw control character",
                                        repr(line)[:400], shape(message, expectation.files)))
            # An odd number of quotes: a quoted value was cut by a line break, the rest follows.
            continuing = message.count("'") % 2 == 1
            continue
        if any(fixed.match(line) for fixed in FIXED_LINES[expectation.command]):
            continuing = False
            continue
        if continuing:
            problems.append(Problem("non-located", CONTINUATION, repr(line)[:400]))
            continuing = line.count("'") % 2 == 0  # an odd count closes the quote
            continue
        problems.append(Problem("non-located", shape(line, expectation.files) or "(empty line)", repr(line)[:400]))
    return problems, errors


def check_exit(run: Run, expectation: Expectation, errors: int) -> list[Problem]:
    """Exit code 1 must come with an error (or, for `test`, a failed case); 0 with none."""
    if run.returncode == 0 and errors:
        return [Problem("exit-status", f"guichet {expectation.command} exits 0 after printing errors",
                        run.stderr[:2000])]
    if run.returncode == 1 and not errors:
        failed = re.search(r"(?m)^\d+ passed, ([1-9]\d*) failed$", run.stdout)
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
    if not re.search(r"(?m)^\d+ application\(s\): ", run.stdout):
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
            problems.append(Problem("stray-file", "a file was written outside --out and --register", ", ".join(stray[:5])))
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


# ---------------------------------------------------------------------------------------------
# Executing inputs


@dataclass
class Finding:
    """A problem, the inputs that cause it, and how to run it again."""

    problem: Problem
    inputs: list[FuzzInput]
    run: Run
    command: str  # evaluate, check or test


@dataclass
class TaskResult:
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
        out, register = work / "out", work / "reg" / "registre.sqlite"
        arguments = ["evaluate", str(folder), "--rules", str(REPO / "Rules"),
                     "--out", str(out), "--register", str(register)]
        run = run_guichet(self.binary, arguments, work, self.timeout)
        expectation = Expectation("evaluate", {f"{folder}/{item.name}" for item in inputs}, out, work,
                                  {"in", "out", "reg"})
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
        result = TaskResult([item.index for item in inputs], runs=1)
        run, problems = self.evaluate_applications(inputs)
        if problems:
            self.isolate(inputs, run, problems, result)
        return result

    # Schemes: one mutated scheme file per rules folder.

    def scheme_commands(self, item: FuzzInput, rules: Path, work: Path) -> list[tuple[str, list[str], Expectation]]:
        """check and test on the mutated rules folder, and evaluate the applications of that scheme with it."""
        names = {f"{rules}/{p.name}" for p in rules.glob("*.yaml")}
        commands = [("check", ["check", str(rules)], Expectation("check", names)),
                    ("test", ["test", str(rules)], Expectation("test", names))]
        folders = self.corpus.folders_for_scheme.get(item.sample.path.name, [])
        if folders:
            applications = {f"{folder}/{p.relative_to(folder)}" for folder in folders for p in folder.rglob("*.yaml")}
            out, register = work / "out", work / "reg" / "registre.sqlite"
            arguments = ["evaluate", *map(str, folders), "--rules", str(rules), "--out", str(out), "--register", str(register)]
            commands.append(("evaluate", arguments,
                             Expectation("evaluate", names | applications, out, work, {"rules", "out", "reg"})))
        return commands

    def run_scheme(self, item: FuzzInput, only: str | None = None) -> list[tuple[str, Run, list[Problem]]]:
        work = self.fresh_folder("scheme-")
        rules = work / "rules"
        rules.mkdir()
        for sample in self.corpus.schemes:
            (rules / sample.path.name).write_bytes(sample.data)
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


# ---------------------------------------------------------------------------------------------
# Findings


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
            command = (f'"$GUICHET" evaluate in --rules "{REPO}/Rules" '
                       '--out "$tmp/out" --register "$tmp/reg/registre.sqlite"')
        elif finding.command == "evaluate":
            applications = str(REPO / "Applications")
            folders = " ".join(f'"{a}"' for a in finding.run.command if a.startswith(applications))
            command = f'"$GUICHET" evaluate {folders} --rules rules --out "$tmp/out" --register "$tmp/reg/registre.sqlite"'
        else:
            command = f'"$GUICHET" {finding.command} rules'
        return ("#!/bin/sh\n# Runs guichet again on this reproducer (from any folder).\n"
                f"GUICHET=\"${{GUICHET:-{self.binary}}}\"\ncd \"$(dirname \"$0\")\"\ntmp=$(mktemp -d)\n"
                f"trap 'rm -rf \"$tmp\"' EXIT\n{command}\necho \"exit status $?\"\n")


# ---------------------------------------------------------------------------------------------
# The campaign


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


def french_seconds(seconds: float) -> str:
    return f"{seconds:.1f}".replace(".", ",") + " s"


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Mutation fuzzer for guichet (see Tests/Fuzz/README.md).")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"seed of the mutations (default {DEFAULT_SEED})")
    parser.add_argument("--count", type=int, default=2000, help="number of mutated inputs (default 2000)")
    parser.add_argument("--budget", type=float, default=110.0,
                        help="seconds after which no new input is started (default 110)")
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
    elapsed = time.monotonic() - started
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
    return 1 if distinct else 0


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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
