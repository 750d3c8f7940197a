#!/usr/bin/env python3
"""Builds the default template of the acts, Rules/modeles/acte.odt, from its XML sources in
Rules/modeles/acte-src/ and a logo placeholder drawn here (a grey box saying « Logo »).

The archive is reproducible: `mimetype` first and stored (as ODF requires), then the other
files in a fixed order, every entry dated 1 January 1980. Run it after editing a source:

    python3 Scripts/make-default-template.py           # writes Rules/modeles/acte.odt
    python3 Scripts/make-default-template.py --check   # fails if acte.odt is not up to date

Standard library only.
"""
import struct
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "Rules" / "modeles" / "acte-src"
TARGET = ROOT / "Rules" / "modeles" / "acte.odt"
MEDIA_TYPE = b"application/vnd.oasis.opendocument.text"
DATE = (1980, 1, 1, 0, 0, 0)
# The files of the archive after `mimetype`, in order, with whether they are compressed.
PARTS = [("content.xml", True), ("styles.xml", True), ("meta.xml", True),
         ("Pictures/logo.png", False), ("META-INF/manifest.xml", True)]

# « Logo » in a 5×7 pixel font, one string a row, '#' for ink.
GLYPHS = {
    "L": ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
    "o": [".....", ".....", ".###.", "#...#", "#...#", "#...#", ".###."],
    "g": [".....", ".####", "#...#", "#...#", ".####", "....#", ".###."],
}


def logo_png(width=320, height=160, scale=6):
    """A light grey box with a darker border and the word « Logo » centred, as PNG bytes."""
    background, border, ink = (0xE4, 0xE4, 0xE4), (0x88, 0x88, 0x88), (0x55, 0x55, 0x55)
    word = "Logo"
    text_width = (len(word) * 6 - 1) * scale
    left, top = (width - text_width) // 2, (height - 7 * scale) // 2
    rows = []
    for y in range(height):
        row = bytearray([0])  # filter: none
        for x in range(width):
            colour = background
            if x < 3 or y < 3 or x >= width - 3 or y >= height - 3:
                colour = border
            else:
                gx, gy = (x - left) // scale, (y - top) // scale
                if 0 <= gy < 7 and 0 <= x - left < text_width and gx % 6 < 5:
                    glyph = GLYPHS[word[gx // 6]]
                    if glyph[gy][gx % 6] == "#":
                        colour = ink
            row += bytes(colour)
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(rows), 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def parts():
    """Each file of the archive and its bytes, in order, `mimetype` first."""
    yield "mimetype", MEDIA_TYPE, False
    for name, compressed in PARTS:
        data = logo_png() if name == "Pictures/logo.png" else (SOURCES / name).read_bytes()
        yield name, data, compressed


def build():
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(TARGET, "w") as archive:
        for name, data, compressed in parts():
            info = zipfile.ZipInfo(name, date_time=DATE)
            info.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9 if compressed else None)
    print(f"{TARGET.relative_to(ROOT)} écrit.")


def check():
    """Compares the committed archive's files with the sources (not its bytes: zlib may compress
    differently from one version to the next)."""
    try:
        with zipfile.ZipFile(TARGET) as archive:
            found = [(info.filename, archive.read(info)) for info in archive.infolist()]
    except (OSError, zipfile.BadZipFile) as error:
        print(f"{TARGET.relative_to(ROOT)} : illisible ({error})", file=sys.stderr)
        return 1
    expected = [(name, data) for name, data, _ in parts()]
    if found != expected:
        print(f"{TARGET.relative_to(ROOT)} ne correspond pas à ses sources (Rules/modeles/acte-src) ; "
              "lancez python3 Scripts/make-default-template.py", file=sys.stderr)
        return 1
    print(f"{TARGET.relative_to(ROOT)} est à jour.")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    elif sys.argv[1:]:
        print("usage : make-default-template.py [--check]", file=sys.stderr)
        sys.exit(2)
    build()
