"""What the mutators share: finding lines, blocks and scalar values in YAML text without parsing it.

The mutated files are often no longer YAML, so nothing here needs them to be. Mutators take and
return bytes. Text mutations decode with 'surrogateescape' so that invalid UTF-8 put there by an
earlier mutation survives the next one byte for byte.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable

from .corpus import Corpus


@dataclass(frozen=True)
class MutationContext:
    """What a mutator may look at besides its input: the kind of sample and the other samples."""

    kind: str
    corpus: Corpus


def text_of(data: bytes) -> str:
    """Bytes as text, any invalid UTF-8 kept as surrogates so that `bytes_of` gives it back."""
    return data.decode("utf-8", "surrogateescape")


def bytes_of(text: str) -> bytes:
    """The inverse of `text_of`."""
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
    """Leading spaces only: a tab is not YAML indentation."""
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
    """A rough type of a scalar, enough for `type-swap` to pick another type and for the extreme
    mutations to prefer values of their own type."""
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
