"""The 企业报表 list read again by batch after an import or undo, and the collection worked out from it."""

from __future__ import annotations

import pytest

from models.returns.collection import collection_status
from models.returns.importer import import_paths, undo_batch
from models.returns.returns_list import ReturnsList, batch_signature, collection_from_rows, stored_returns
from tests.returns_data import code, row, write_openpyxl


def _import(park, path, rows):
    assert import_paths(park, [str(write_openpyxl(path, rows))]).exit_code == 0


def test_refresh_reads_only_changed_batches_and_matches_a_full_read(park, tmp_path, monkeypatch):
    _import(park, tmp_path / "a.xlsx", [row(n, 2022) for n in range(1, 6)])
    listing = ReturnsList()
    listing.load(park.conn)
    assert [(r[0], r[2]) for r in listing.rows] == [(code(n), 2022) for n in range(1, 6)]
    assert listing.refresh(park.conn) is False  # nothing changed: nothing read

    _import(park, tmp_path / "b.xlsx", [row(n, 2023) for n in (1, 3, 6)])
    read = []
    real = stored_returns
    monkeypatch.setattr("models.returns.returns_list.stored_returns", lambda conn, batches=None: read.append(
        batches) or real(conn, batches))
    assert listing.refresh(park.conn) is True
    assert read == [{2}]  # only the new batch
    assert listing.rows == stored_returns(park.conn)
    assert [(r[0], r[2]) for r in listing.rows[:3]] == [(code(1), 2023), (code(3), 2023), (code(6), 2023)]
    assert len(listing.rows) == 8

    undo_batch(park, 2)
    read.clear()
    assert listing.refresh(park.conn) is True
    assert read == [set()] and len(listing.rows) == 5  # the undone batch's rows dropped, none read
    assert listing.signature == batch_signature(park.conn)


def test_refresh_sees_rows_moved_between_batches_by_a_replacing_import(park, tmp_path):
    _import(park, tmp_path / "a.xlsx", [row(n, 2022) for n in range(1, 4)])
    listing = ReturnsList()
    listing.load(park.conn)
    path = write_openpyxl(tmp_path / "b.xlsx", [row(2, 2022, revenue=9999)])
    assert import_paths(park, [str(path)], replace=True).exit_code == 0
    assert listing.refresh(park.conn)
    assert listing.rows == stored_returns(park.conn)
    assert [r[5] for r in listing.rows if r[0] == code(2)] == [9999.0]
    undo_batch(park, 2)
    assert listing.refresh(park.conn)
    assert [r[5] for r in listing.rows if r[0] == code(2)] == [1002.0]


def test_collection_from_rows_matches_the_file(park, tmp_path):
    """2022: enterprises 1–5; 2023: 1, 3, 5 and 6 → 3 of 5 returned (60 %), 2 and 4 missing, 6 new."""
    _import(park, tmp_path / "r.xlsx", [row(n, 2022) for n in range(1, 6)] + [row(n, 2023) for n in (1, 3, 5, 6)])
    rows = stored_returns(park.conn)
    status = collection_from_rows(rows, 2023)
    assert (status.previous, status.returned, status.new) == (5, 3, 1)
    assert status.rate == pytest.approx(60.0)
    assert [m["credit_code"] for m in status.missing] == [code(2), code(4)]
    assert status.missing[0] == {"credit_code": code(2), "name": "测试企业2有限公司", "industry": "金融服务业",
                                 "zone": "西部临空片区", "revenue": 1002.0}
    listing = ReturnsList()
    listing.load(park.conn)
    for year in (2022, 2023, 2024):
        assert collection_from_rows(rows, year) == collection_status(park.conn, year) == listing.collection(year)
