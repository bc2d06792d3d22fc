"""docs/return_form.md is generated from models.store.return_form.COLUMNS and must be up to date."""

from __future__ import annotations

from models.store.return_form import COLUMNS, CROSS_RULES
from scripts.return_form_doc import DOC, render


def test_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), "run python scripts/return_form_doc.py"


def test_doc_names_every_column_and_rule():
    text = render()
    for column in COLUMNS:
        assert f"| {column.title} | `{column.key}` | {'必填' if column.required else '选填'} |" in text
        assert column.help in text
    for _parts, _whole, message in CROSS_RULES:
        assert message in text
