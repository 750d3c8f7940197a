"""One run of the guichet binary, with a timeout: a hang is killed with its whole process group,
so that the crash reporter it may have started does not outlive it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# Compact, non-interactive crash reports from the Swift runtime: fast, and the first frame
# in our sources tells two crashes apart.
SWIFT_BACKTRACE = "enable=yes,interactive=no,color=no,threads=crashed,registers=none,images=none,limit=40"


@dataclass
class Run:
    """One run of guichet, with what it printed."""

    command: list[str]
    cwd: Path
    returncode: int | None  # None when killed after the timeout
    stdout: str
    stderr: str
    seconds: float

    @property
    def timed_out(self) -> bool:
        return self.returncode is None


def run_guichet(binary: Path, arguments: list[str], cwd: Path, timeout: float) -> Run:
    """Runs guichet in its own process group, so that a hang is killed with the crash reporter it may have started."""
    command = [str(binary)] + arguments
    env = dict(os.environ, SWIFT_BACKTRACE=SWIFT_BACKTRACE)
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
        returncode: int | None = process.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        stdout, stderr = process.communicate()
        returncode = None
    return Run(command, cwd, returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
               time.monotonic() - started)
