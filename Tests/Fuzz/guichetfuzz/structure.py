"""Mutations of the YAML structure: lines and blocks deleted, repeated, moved or re-indented,
keys repeated, documents added, lines spliced from another sample.
"""

from __future__ import annotations

import random
import re

from .yamltext import MutationContext, block_end, content_lines, indentation, on_text, text_of


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


@on_text
def splice(rng: random.Random, text: str, context: MutationContext) -> str:
    """Lines from another sample of the same kind: real fields in the wrong place."""
    other = text_of(rng.choice(context.corpus.samples(context.kind)).data).split("\n")
    start = rng.choice(content_lines(other))
    end = block_end(other, start) if rng.random() < 0.5 else start + rng.randint(1, 6)
    lines = text.split("\n")
    lines[rng.randrange(len(lines) + 1):0] = other[start:end]
    return "\n".join(lines)
