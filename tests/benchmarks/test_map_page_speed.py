"""The map page's speed in the browser, measured by map_page_speed.py; here it runs once on a
small corpus so the script keeps working (the numbers are printed, never asserted)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from map_page_speed import measure

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("shape", ["plain", "trees"])
def test_the_page_speed_script_runs(chromium: Any, tmp_path: Path, shape: str) -> None:
    row = measure(200, chromium, tmp_path, shape)
    assert row["claims"] == 200 and row["first_draw_s"] > 0 and row["filter_ms"] > 0 and row["reset_ms"] > 0
