"""Atomic file writes: a temp file in the same directory, fsync, rename.

The CLI's own files (config, the insecure key file) are 0600 in a 0700 folder. A file the user
asked for (an invoice PDF, a calendar) is created like any tool's: 0666 less the umask.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def _write_atomic(path: Path, data: bytes, mode: int, *, durable: bool = True) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


def write_private(path: Path, data: bytes, *, durable: bool = True) -> None:
    """A file of the CLI's own. `durable=False` skips the fsync: for a cache, losing the last
    write in a power cut costs nothing, and list commands should not wait for the disk."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _write_atomic(path, data, 0o600, durable=durable)
    os.chmod(path, 0o600)


def write_user_file(path: Path, data: bytes) -> None:
    """A file the user asked for: its folder is created if missing, its mode follows the umask."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(path, data, 0o666)
