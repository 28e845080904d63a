"""Writing a file so that readers see the old content or the new, never half of it: a temporary file
in the same folder, flushed to disk, then renamed over the target."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def write_atomic(target: Path, data: bytes, mode_of: Path | None = None) -> None:
    """Replace `target` with `data`; `mode_of` gives the permissions to keep (an article being fixed).
    Raises OSError, leaving no temporary file behind."""
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode_of is not None:
            shutil.copymode(mode_of, tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
