"""The stored returns as the 企业报表 tab lists them: one tuple per enterprise and year."""

from __future__ import annotations

import sqlite3

LIST_SQL = ("SELECT credit_code, name, year, industry, zone, revenue, tax, employees, high_tech, batch_id,"
            " source_file || ' · ' || source_sheet || ' · ' || source_row FROM returns"
            " ORDER BY year DESC, credit_code")


def stored_returns(conn: sqlite3.Connection) -> list[tuple]:
    """(credit code, name, year, industry, zone, revenue, tax, employees, high-tech, batch, source) of every
    stored return, latest year first, then by credit code."""
    return conn.execute(LIST_SQL).fetchall()
