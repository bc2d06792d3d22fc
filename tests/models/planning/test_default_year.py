"""The one default year: the latest year with figures anywhere, the plan's base year on an empty file."""

from __future__ import annotations

from models.planning.default_year import latest_year_with_figures


def test_empty_file_opens_on_the_base_year_and_any_figure_moves_it(park):
    assert latest_year_with_figures(park.conn) == 2020
    with park.transaction("edit", "test") as tx:
        tx.update("indicator_years", {"code": "rd_intensity", "year": 2022}, {"official": 3.9})
    assert latest_year_with_figures(park.conn) == 2022
    with park.transaction("edit", "test") as tx:  # a zone's figure of a later year counts as much
        zone = park.conn.execute("SELECT name FROM zones ORDER BY seq").fetchone()[0]
        tx.update("zone_years", {"zone": zone, "year": 2024, "field": "revenue"}, {"official": 12.5})
    assert latest_year_with_figures(park.conn) == 2024
