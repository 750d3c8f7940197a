"""The mutators and their weights; the mutators themselves live in the modules imported below,
one per theme.

The order of `MUTATORS` is part of the seed's meaning: the weighted choice walks it in order, so
reordering it (or changing a weight) changes every input of every seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Callable

from .expressions import expression
from .identifiers import colliding_ids, weird_id
from .limits import anchors_aliases, deep_nesting, huge_list, long_string
from .rawbytes import insert_bytes, reencode, truncate
from .structure import (change_indent, delete_block, delete_line, document_separator, duplicate_key,
                        duplicate_line, splice, swap_lines)
from .values import extreme_date, extreme_number, scale_amounts, shift_dates, type_swap
from .yamltext import MutationContext


@dataclass(frozen=True)
class Mutator:
    """A named mutation, how often it is picked, and the kinds of sample it applies to."""

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
    """A mutator for a sample of `kind`, drawn by weight from the input's own generator."""
    candidates = [m for m in MUTATORS if kind in m.kinds]
    return rng.choices(candidates, weights=[m.weight for m in candidates])[0]
