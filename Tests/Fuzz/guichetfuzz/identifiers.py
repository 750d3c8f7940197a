"""Mutations of identifiers: application and scheme ids end up in file names, so odd ids (`../`,
control characters, reserved names) and ids that collide with a household's decision files are
where a wrong path or a silently replaced decision would come from.
"""

from __future__ import annotations

import random
import re

from .yamltext import MutationContext, on_text, text_of


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
        other = ["pdesi", "medecins-salaries", "fsl-acces", "fonds-solvabilisation", "fonds-dettes-loyer",
                 "itineraires-cyclables-colleges", "logement"]
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
