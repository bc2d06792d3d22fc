"""Where an imported workbook went wrong: one `Problem` per rejected row, cell or file, shared by every
import (returns, official figures) so that messages and JSON reports read the same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Problem:
    """One reason a row, a cell (column names it) or a file (sheet and row None) was rejected."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "message": self.message}

    def where(self) -> str:
        """The place as the user reads it: “file” 工作表“sheet” 第N行 column."""
        parts = [f"“{self.file}”"]
        if self.sheet:
            parts.append(f"工作表“{self.sheet}”")
        if self.row:
            parts.append(f"第{self.row}行")
        if self.column:
            parts.append(self.column)
        return " ".join(parts)
