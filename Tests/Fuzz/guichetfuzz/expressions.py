"""Mutations of the expressions of a scheme (`when`, `value`, `stop`…): deep, long, cut, ill-typed
or with extreme literals, to reach the expression parser and evaluator rather than the YAML reader.
"""

from __future__ import annotations

import random
import re

from .values import EXTREME_NUMBERS
from .yamltext import MutationContext, on_text


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
