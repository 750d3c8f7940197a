"""Mutations aimed at the reader's limits: huge lists and mappings, deep nesting, anchors and
aliases (billion laughs), very long scalars. Sizes sit just under, at and far beyond each limit.
"""

from __future__ import annotations

import random

from .yamltext import (MutationContext, bytes_of, content_lines, indentation, on_text, replace_span,
                       value_spans)


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
