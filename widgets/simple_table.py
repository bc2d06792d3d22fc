"""Kept for the screens that import from here: the read-only rows model and the roles now live in
widgets.table_model and widgets.roles (one table model for the application)."""

from widgets.columns import plain_number
from widgets.roles import SORT_ROLE
from widgets.table_model import RowsModel


def format_value(value) -> str:
    """A figure whose unit is not known: as many decimals as needed, up to 4; "" when missing."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return plain_number(value)


__all__ = ["SORT_ROLE", "RowsModel", "format_value"]
