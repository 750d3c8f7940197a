"""Mutations of the bytes themselves: control characters and invalid UTF-8, a cut file, another
encoding. They work on bytes, not text, since what they make is often not valid UTF-8.
"""

from __future__ import annotations

import random

from .yamltext import MutationContext, bytes_of, text_of, value_spans


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
