"""Why the 企业报表 list keeps its own model (widgets.sorted_rows) beside the one table model.

Sorts N rows (default 50,000: a whole park's returns) by a number column, both ways, with
widgets.table_model.TableModel behind its TotalsLastProxy (every comparison asks `data()` twice) and with
widgets.sorted_rows.SortedRowsModel (one `list.sort` on precomputed keys). Prints milliseconds, the median
of RUNS; nothing is asserted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/table_model.py [RUNS] [N]
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from widgets.columns import TEXT, Column
    from widgets.sorted_rows import NUMBER, SortedRowsModel
    from widgets.sorted_rows import TEXT as SORTED_TEXT
    from widgets.table_model import TableModel, TotalsLastProxy

    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
    _app = QApplication.instance() or QApplication([])
    rnd = random.Random(7)
    tuples = [(f"C{i:06d}", f"企业{i}", 2021 + i % 5, rnd.random() * 1e5 if i % 50 else None) for i in range(n)]

    model = TableModel([Column("code", "代码", TEXT), Column("name", "名称", TEXT), Column("year", "年份", plain=True),
                        Column("revenue", "营业收入", unit="万元")])
    t = time.perf_counter()
    model.set_rows([{"code": a, "name": b, "year": c, "revenue": d} for a, b, c, d in tuples])
    fill_ms = (time.perf_counter() - t) * 1000
    proxy = TotalsLastProxy()
    proxy.setSourceModel(model)
    proxy_ms = []
    for _ in range(runs):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            t = time.perf_counter()
            proxy.sort(3, order)
            proxy_ms.append((time.perf_counter() - t) * 1000)

    sorted_model = SortedRowsModel(["代码", "名称", "年份", "营业收入"], [SORTED_TEXT, SORTED_TEXT, NUMBER, NUMBER])
    sorted_model.set_rows(tuples)
    own_ms = []
    for _ in range(runs):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            t = time.perf_counter()
            sorted_model.sort(3, order)
            own_ms.append((time.perf_counter() - t) * 1000)
    print(f"rows {n:,}")
    print(f"table_model_fill_ms {fill_ms:.0f}")
    print(f"table_model_proxy_sort_ms {statistics.median(proxy_ms):.0f}")
    print(f"sorted_rows_sort_ms {statistics.median(own_ms):.0f}")


if __name__ == "__main__":
    main()
