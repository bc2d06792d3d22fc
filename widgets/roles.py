"""Every custom item role of the application's models, in one place, each with its own value.

A model gives these besides Qt's own roles; views, proxies, delegates and tests read them from here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

# The raw value behind a cell (a status code, a row tuple), where a model offers one.
RAW_ROLE = _USER
# The value a column sorts by (numbers as numbers, missing ones first); proxies sort on it.
SORT_ROLE = _USER + 1
# A badge's colour (a QColor or "#rrggbb"); widgets.status_badge paints the cell as a badge with it.
BADGE_COLOR_ROLE = _USER + 2
# True in a totals row: it stays last whatever the sort (widgets.table_model.TotalsLastProxy).
TOTALS_ROLE = _USER + 3
# The id of what an item stands for (a key task in the 重点任务 tree).
ID_ROLE = _USER + 4

ALL_ROLES = (RAW_ROLE, SORT_ROLE, BADGE_COLOR_ROLE, TOTALS_ROLE, ID_ROLE)
