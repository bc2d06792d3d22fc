"""Saving an openpyxl workbook so that a failure never leaves a half-written file behind."""

from __future__ import annotations

from pathlib import Path


def save_workbook(workbook, path: Path) -> Path:
    """Write `workbook` beside `path` and move it into place; on OSError the partial file is removed
    (an existing `path` is left as it was) and the error is raised for the caller to word."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        workbook.save(partial)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
    return path
