"""Kept so that screens importing from here keep working while other branches merge: the read-only rows
model, the roles and the plain number text now live in widgets.table_model, widgets.roles and
widgets.columns (one table model for the application). Import from those; this module goes once nothing
imports it."""

from widgets.columns import plain_text as format_value
from widgets.roles import SORT_ROLE
from widgets.table_model import RowsModel

__all__ = ["SORT_ROLE", "RowsModel", "format_value"]
