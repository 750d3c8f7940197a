"""The samples the mutations start from: the repository's applications and schemes.

They are read once, and never written: every run of guichet works on copies in temporary folders.
Which application folders use which scheme is worked out here too, so that a mutated scheme is
evaluated on the applications that exercise it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]  # Tests/Fuzz/guichetfuzz/corpus.py -> the repository root


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
