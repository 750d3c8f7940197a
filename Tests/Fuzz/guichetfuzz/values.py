"""Mutations of scalar values: another type, extreme numbers and dates, consistent shifts.

`shift-dates` and `scale-amounts` change every date or amount of a file the same way, so that the
file stays consistent and its evaluation goes deep instead of stopping at the first error.
"""

from __future__ import annotations

import decimal
import random
import re

from .yamltext import MutationContext, on_text, replace_span, scalar_type


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
