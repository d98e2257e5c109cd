"""Writing files so that a full disk or a crash never leaves a half file in place."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; rename it over `target` on success.

    On any error the temporary file is removed and `target` keeps its old content.
    """
    final = Path(target).expanduser().resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    partial = final.with_name(final.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        yield partial
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
