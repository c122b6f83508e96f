"""Dates the Vietnamese way, one formatter."""

from core.dates import vietnamese_date


def test_vietnamese_dates():
    assert vietnamese_date("2026-06-24") == "24/6/2026"
    assert vietnamese_date("2026-06-24", prose=True) == "ngày 24 tháng 6 năm 2026"
    assert vietnamese_date("2023-04") == "4/2023" and vietnamese_date("2023-04", prose=True) == "tháng 4 năm 2023"
    assert vietnamese_date("2025") == "2025" and vietnamese_date("") == "" and vietnamese_date("Quý IV") == "Quý IV"
