"""Files and folders holding personal data, created readable by their owner only.

Exports with full NIKs, documents the demo saves, the demo's key and the SQLite database
must not be world-readable whatever the umask (issue 12): files are created 0600 and the
folders this program creates for them 0700. A file that already exists is tightened to
0600 when it is rewritten; a folder that already exists (the user's own, or /tmp) is
left as it is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_private_dir(path: Path) -> None:
    """Create `path` and any missing parents, each 0700 (mkdir's mode is masked by the
    umask, hence the chmod)."""
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # created meanwhile by another process: not ours to change
        folder.chmod(DIR_MODE)


def create_private(path: Path) -> None:
    """Create `path` as an empty 0600 file unless it exists."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return
    os.fchmod(fd, FILE_MODE)
    os.close(fd)


def open_private(path: Path) -> BinaryIO:
    """`path` opened for writing from empty ("wb"), 0600 whether new or not."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def write_private(path: Path, data: bytes) -> None:
    with open_private(path) as target:
        target.write(data)
