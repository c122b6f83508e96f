"""Dates as Vietnamese officials write them: one formatter for answers, labels and the chat."""

from __future__ import annotations

import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def vietnamese_date(iso: str, prose: bool = False) -> str:
    """"2026-06-24" → "24/6/2026" (or "ngày 24 tháng 6 năm 2026" with ``prose``); "2023-04" → "4/2023"
    ("tháng 4 năm 2023"); "" stays ""; anything else is returned as given."""
    m = _ISO.match(iso or "")
    if not m:
        return iso or ""
    year, month, day = m.group(1), m.group(2), m.group(3)
    if day:
        d, mo = int(day), int(month)
        return f"ngày {d} tháng {mo} năm {year}" if prose else f"{d}/{mo}/{year}"
    if month:
        return f"tháng {int(month)} năm {year}" if prose else f"{int(month)}/{year}"
    return f"năm {year}" if prose else year


_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})")


def vietnamese_time(stamp: str) -> str:
    """"2026-11-29T08:47:00+0000" → "29/11/2026 lúc 08:47"; anything else as ``vietnamese_date`` gives it."""
    m = _STAMP.match(stamp or "")
    if not m:
        return vietnamese_date(stamp)
    return f"{vietnamese_date(m.group(1))} lúc {m.group(2)}:{m.group(3)}"
