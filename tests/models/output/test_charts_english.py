"""An indicator chart in English names every unit on its axis, counts included (家 → firms)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("code, zh, en", [
    ("high_tech_enterprises", "家", "firms"),
    ("mnc_rd_centres", "个", "units"),
    ("invention_patents_per_10k", "件", "items"),
    ("total_revenue", "亿元", "100M yuan"),
    ("rd_intensity", "%", "%"),
])
def test_the_y_axis_names_the_unit_in_each_language(park, code, zh, en):
    from models.output.charts import plot_indicator
    from models.output.mpl import new_figure
    from models.planning.figures import indicator_series

    (series,) = [s for s in indicator_series(park.conn) if s.indicator.code == code]
    for language, label in (("zh", zh), ("en", en)):
        figure = new_figure()
        plot_indicator(figure, series, 2023, language=language)
        assert figure.axes[0].get_ylabel() == label, (language, code)
