"""What every part of the report shares: the A4 page and its body, the sections' titles, how a date is
written, and ReportError. The modules that make the report (report, report_final, report_docx, report_groups,
report_plan) import it; it imports none of them."""

from __future__ import annotations

from datetime import datetime

A4_INCHES = (8.27, 11.69)
# Where the page body goes (left, bottom, width, height, as fractions of the page): room for header and footer.
BODY_RECT = (0.07, 0.05, 0.86, 0.88)
SECTION_NUMBERS = "一二三四五六"
SECTION_TITLES = {"indicators": "各项指标进展", "industries": "重点产业发展", "zones": "三大片区建设",
                  "talent": "人才工作", "plan": "规划基数与重点任务"}


class ReportError(Exception):
    """The report could not be written; `str(error)` is a message for the user, in Chinese."""


def date_text(stamp: str | None) -> str:
    """A stored time stamp as the report writes a date: 2026年12月2日 (尚未录入数据 when there is none)."""
    if not stamp:
        return "尚未录入数据"
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return f"{when.year}年{when.month}月{when.day}日"
