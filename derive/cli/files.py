"""Writing an output file atomically: all of it or nothing, as an ordinary file would be written.

:func:`write_atomically` writes a hidden temporary file next to the target and renames it over
the target, so a failed run never leaves a partial file.  Like a plain write, it

* gives a new file the usual mode (0666 less the umask) and a replaced file its own mode;
* writes through a symbolic link to the file it points to (the link stays a link);
* refuses a directory (``-o ''`` or ``-o .``) with a message naming it.

A temporary file is named ``.NAME.PID.XXXX.tmp``; one left behind by a run that was killed
(its process is gone) is removed the next time the same file is written.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from ..errors import DeriveError
from ..messages import Message


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftovers(directory: Path, name: str) -> None:
    """Temporary files of ``name`` whose process is gone (a run killed while writing)."""
    for leftover in directory.glob(f".{name}.*.tmp"):
        pid = leftover.name[len(name) + 2:].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            leftover.unlink(missing_ok=True)


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` via a temporary file and a rename: all or nothing."""
    if str(path) in ("", ".") or path.is_dir():
        raise DeriveError("file.cannot_write", path=str(path) or repr(''),
                          reason=Message("file.needs_name"))
    target = Path(os.path.realpath(path))          # through a symbolic link, to its file
    directory = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    _remove_leftovers(directory, target.name)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.{os.getpid()}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            os.fchmod(stream.fileno(), mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
