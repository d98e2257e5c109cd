"""Writing files so that a full disk or a crash never leaves a half file in place.

Every file the app writes (exports, PDFs, backups, a restored database) goes to a
temporary name beside its target, is flushed to the disk and checked where a check
exists, and only then renamed over the target. Operating-system errors are turned
into the typed storage errors here, in one place, each with a message a clerk can act on.
"""

from __future__ import annotations

import errno
import os
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from app.errors import (
    DiskFull,
    ReadOnlyStorage,
    StorageError,
    StorageLocked,
    StorageVanished,
)
from app.i18n import translate

Check = Callable[[Path], None]  # raises StorageError when the written file is not whole

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_VANISHED = {errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO, errno.ESTALE}
_LOCKED = {errno.EBUSY, errno.ETXTBSY}
_WINDOWS_SHARING = {32, 33}  # ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION


def storage_error(error: OSError, path: Path | str) -> StorageError:
    """The typed error for an operating-system failure on `path`."""
    reason = error.strerror or str(error)
    if getattr(error, "winerror", None) in _WINDOWS_SHARING or error.errno in _LOCKED:
        return StorageLocked(
            translate(
                "Files",
                "{path} is in use by another program (Excel, a PDF reader, antivirus). "
                "Close it there and try again.",
            ).format(path=path)
        )
    if error.errno in _FULL:
        return DiskFull(
            translate(
                "Files",
                "There is no space left for {path}. Free some space or choose "
                "another place; nothing was written.",
            ).format(path=path)
        )
    if error.errno in _READ_ONLY:
        return ReadOnlyStorage(
            translate(
                "Files", "{path} cannot be written here ({reason}). Choose another folder."
            ).format(path=path, reason=reason)
        )
    if error.errno in _VANISHED:
        return StorageVanished(
            translate(
                "Files",
                "{path} or its folder is no longer there (a USB stick pulled out, a network "
                "drive disconnected?).",
            ).format(path=path)
        )
    return StorageError(
        translate("Files", "{path} could not be written: {reason}").format(path=path, reason=reason)
    )


def incomplete(path: Path, what: str) -> StorageError:
    """A written file failed its check (a full disk often truncates silently)."""
    return StorageError(
        translate(
            "Files",
            "{path} came out incomplete ({what}), so it was not saved. Is the disk full?",
        ).format(path=path, what=what)
    )


@contextmanager
def atomic_target(target: Path | str, *, check: Check | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` once written whole.

    After the block the temporary file is flushed to the disk and passed to `check`;
    only then does it replace `target`. On any error the temporary file is removed,
    `target` keeps its old content, and an OSError becomes a typed StorageError.
    """
    final = Path(target).expanduser().resolve()
    # One name per process: two programs writing the same file never share a half file.
    partial = final.with_name(f"{final.name}.{os.getpid()}.partial")
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        yield partial
        _flush(partial)
        if check is not None:
            check(partial)
        os.replace(partial, final)
    except BaseException as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise storage_error(error, final) from error
        raise


def _flush(path: Path) -> None:
    """Make the bytes durable before the rename, so a power cut cannot expose a hole."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def check_pdf(path: Path) -> None:
    """A PDF is whole when its cross-reference pointer and end marker are at its end."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        handle.seek(max(0, size - 1024))
        tail = handle.read()
        handle.seek(0)
        head = handle.read(5)
    if head != b"%PDF-" or b"startxref" not in tail or not tail.rstrip().endswith(b"%%EOF"):
        raise incomplete(path, "PDF")


def check_zip(path: Path) -> None:
    """An .xlsx is a zip: whole when its central directory reads and every member checks."""
    try:
        with zipfile.ZipFile(path) as archive:
            if archive.testzip() is not None:
                raise incomplete(path, "xlsx")
    except (zipfile.BadZipFile, EOFError) as error:
        raise incomplete(path, "xlsx") from error
