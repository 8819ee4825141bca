"""Every rule about dates, in one place.

Texts are often dated only to a month or a year, and some not at all (their date is inferred
from what they report), so a date is a *range of days*:

- ``YYYY-MM-DD`` is one day, ``YYYY-MM`` every day of that month, ``YYYY`` every day of the year;
- ``EARLIEST/LATEST`` (ISO 8601 interval notation, each end in one of those forms) runs from the
  first day of EARLIEST to the last day of LATEST.

Comparisons are honest about that: a text dated ``2022-12`` is neither surely before nor surely
after an event on 2022-12-12. A text written *on or after* an event's day counts as after it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

BEFORE, AFTER, UNCLEAR = "before", "after", "unclear"
CERTAIN, POSSIBLE = "certain", "possible"

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateFormatError(ValueError):
    """A date that cannot be read; pydantic turns it into a located corpus problem."""


def parse_partial_date(value: Any) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD as text (YAML may hand us a date or an int year)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:04d}"
    if not isinstance(value, str):
        raise DateFormatError("a date must be written YYYY, YYYY-MM or YYYY-MM-DD")
    value = value.strip()
    match = _DATE.match(value)
    if not match:
        raise DateFormatError(f"'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateFormatError(f"'{value}' is not a real date ({exc})") from None
    return str(value)


def parse_source_date(value: Any) -> str:
    """A partial date, or an inferred range EARLIEST/LATEST."""
    if isinstance(value, str) and "/" in value:
        parts = value.strip().split("/")
        if len(parts) != 2:
            raise DateFormatError(f"'{value.strip()}' is not a date range: write EARLIEST/LATEST, e.g. 2023-10/2024-01")
        earliest, latest = (parse_partial_date(part) for part in parts)
        (first_a, last_a), (first_b, last_b) = date_range(earliest), date_range(latest)
        if earliest == latest or first_a > first_b or last_a > last_b:
            raise DateFormatError(f"'{value.strip()}' is not a date range: the earliest date must come before the latest")
        return f"{earliest}/{latest}"
    return parse_partial_date(value)


def date_range(date: str) -> tuple[dt.date, dt.date]:
    """The first and last day a date can mean."""
    if "/" in date:
        earliest, latest = date.split("/")
        return date_range(earliest)[0], date_range(latest)[1]
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def date_precision(date: str) -> str:
    """'day', 'month' or 'year' for a partial date; 'range' for an inferred EARLIEST/LATEST."""
    if "/" in date:
        return "range"
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def time_key(date: str) -> tuple[dt.date, dt.date]:
    """Sort key: by first possible day, then by last."""
    return date_range(date)


def side_of(date: str, event_date: str) -> str:
    """Whether a text dated ``date`` was surely written BEFORE or AFTER (on or after) an event, or UNCLEAR."""
    first, last = date_range(date)
    event_first, event_last = date_range(event_date)
    if last < event_first:
        return BEFORE
    if first >= event_last:
        return AFTER
    return UNCLEAR


def between(earlier: str, later: str, event_date: str) -> str | None:
    """Whether an event falls between two texts: the earlier written before it, the later on or after it.

    CERTAIN when that holds for every day the dates allow, POSSIBLE when it holds for some of
    them, None when for none.
    """
    a_first, a_last = date_range(earlier)
    b_first, b_last = date_range(later)
    e_first, e_last = date_range(event_date)
    if a_last < e_first and e_last <= b_first:
        return CERTAIN
    if a_first < e_last and e_first <= b_last:
        return POSSIBLE
    return None
