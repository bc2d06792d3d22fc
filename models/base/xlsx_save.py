"""Saving an openpyxl workbook so that a failure never leaves a half-written file behind."""

from __future__ import annotations

from pathlib import Path

from .out_path import partial_file


def save_workbook(workbook, path: Path, compresslevel: int | None = None) -> Path:
    """Write `workbook` beside `path` and move it into place; on OSError the partial file is removed
    (an existing `path` is left as it was) and the error is raised for the caller to word.
    `compresslevel` (1-9) sets the deflate level (openpyxl's own save uses zlib's default)."""
    path = Path(path)
    with partial_file(path) as partial:
        if compresslevel is None:
            workbook.save(partial)
        else:
            from zipfile import ZIP_DEFLATED, ZipFile

            from openpyxl.writer.excel import ExcelWriter

            import datetime

            workbook.properties.modified = datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
            with ZipFile(partial, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=compresslevel) as archive:
                ExcelWriter(workbook, archive).save()  # what openpyxl's save does, with our deflate level
    return path
