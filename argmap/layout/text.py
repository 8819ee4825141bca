"""Text widths without rendering: DejaVu Sans advance widths, word wrap, cut at a word boundary.

The graph view's boxes are sized here, once, so that every renderer (the SVG, the map page's
vis-network canvas) draws the same boxes around the same lines. Widths are DejaVu Sans's own
advance widths (its ``hmtx`` table, 2048 units per em; ``tests/fontfile.py`` reads them from the
font file and a test compares), summed without kerning: kerning only ever narrows DejaVu Sans, so a
line measured here always fits. A character outside the table counts a full em (wide East Asian
characters too) and a combining mark counts nothing, so unknown text errs on the wide side.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

FONT_FAMILY = "DejaVu Sans"
# What a page or SVG asks for: DejaVu Sans first (Debian and most Linux desktops have it); the
# fallbacks are narrower, so text measured for DejaVu Sans still fits.
FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Arial, Helvetica, sans-serif"
UNITS_PER_EM = 2048
ELLIPSIS = "\u2026"

# (first code point, advance widths of it and the code points that follow)
_RANGES: tuple[tuple[int, tuple[int, ...]], ...] = (
    (0x0020, (
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048,
        1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235,
        1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024,
        1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253, 1300,
        1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716
    )),
    (0x00A0, (
        651, 821, 1303, 1303, 1303, 1303, 690, 1024, 1024, 2048, 965, 1253, 1716, 739, 2048, 1024, 1024,
        1716, 821, 821, 1024, 1303, 1303, 651, 1024, 821, 965, 1253, 1985, 1985, 1985, 1087, 1401, 1401,
        1401, 1401, 1401, 1401, 1995, 1430, 1294, 1294, 1294, 1294, 604, 604, 604, 604, 1587, 1532,
        1612, 1612, 1612, 1612, 1612, 1716, 1612, 1499, 1499, 1499, 1499, 1251, 1239, 1290, 1255, 1255,
        1255, 1255, 1255, 1255, 2011, 1126, 1260, 1260, 1260, 1260, 569, 569, 569, 569, 1253, 1298,
        1253, 1253, 1253, 1253, 1253, 1716, 1253, 1298, 1298, 1298, 1298, 1212, 1300, 1212, 1401, 1255,
        1401, 1255, 1401, 1255, 1430, 1126, 1430, 1126, 1430, 1126, 1430, 1126, 1577, 1300, 1587, 1300,
        1294, 1260, 1294, 1260, 1294, 1260, 1294, 1260, 1294, 1260, 1587, 1300, 1587, 1300, 1587, 1300,
        1587, 1300, 1540, 1298, 1876, 1423, 604, 569, 604, 569, 604, 569, 604, 569, 604, 569, 1208,
        1138, 604, 569, 1343, 1186, 1186, 1141, 569, 1141, 569, 1141, 768, 1141, 700, 1151, 582, 1532,
        1298, 1532, 1298, 1532, 1298, 1666, 1532, 1298, 1612, 1253, 1612, 1253, 1612, 1253, 2191, 2095,
        1423, 842, 1423, 842, 1423, 842, 1300, 1067, 1300, 1067, 1300, 1067, 1300, 1067, 1251, 803,
        1251, 803, 1251, 803, 1499, 1298, 1499, 1298, 1499, 1298, 1499, 1298, 1499, 1298, 1499, 1298,
        2025, 1675, 1251, 1212, 1251, 1403, 1075, 1403, 1075, 1403, 1075, 721
    )),
    (0x2010, (
        739, 739, 1303, 1024, 2048, 2048, 1024, 1024, 651, 651, 651, 651, 1061, 1061, 1061, 1061, 1024,
        1024, 1208, 1208, 685, 1367, 2048, 651
    )),
    (0x2030, (
        2748, 3554, 465, 765, 1065, 465, 765, 1065, 694, 819, 819
    )),
    (0x20AC, (1303,)),
    (0x2190, (
        1716, 1716, 1716, 1716
    )),
    (0x2212, (1716,)),
    (0x25A0, (1935,)),
    (0x25B2, (1575,)),
    (0x25C6, (1575,)),
    (0x25CF, (1787,)),
    (0x2605, (1836,)),
    (0x2715, (
        1716, 1716
    )),
    (0x2B22, (1788,)),
)
_WIDTHS: dict[int, int] = {start + i: width for start, widths in _RANGES for i, width in enumerate(widths)}


@lru_cache(maxsize=4096)
def _char_units(char: str) -> int:
    code = ord(char)
    width = _WIDTHS.get(code)
    if width is not None:
        return width
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return UNITS_PER_EM  # wide East Asian characters and anything unknown: a full em


def text_width(text: str, size: float) -> float:
    """The advance width of ``text`` set in DejaVu Sans at ``size`` px (no kerning)."""
    return sum(_char_units(char) for char in text) * size / UNITS_PER_EM


def cut_at_word(text: str, limit: int) -> str:
    """``text`` with runs of white space collapsed, cut to at most ``limit`` characters at a word
    boundary, with an ellipsis when anything was cut (a single over-long word is cut inside)."""
    words = text.split()
    joined = " ".join(words)
    if len(joined) <= limit:
        return joined
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if len(candidate) + 1 > limit:
            break
        kept = candidate
    if not kept:
        kept = joined[: max(limit - 1, 1)]
    return kept.rstrip(",;:.-\u2013\u2014 ") + ELLIPSIS


def wrap(text: str, width: float, size: float, max_lines: int) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` px at ``size`` px; a word
    wider than a line is broken between characters. More than ``max_lines`` lines are cut to
    ``max_lines``, the last ending in an ellipsis that fits."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while text_width(word, size) > width:  # break an over-long word where it must
            cut = _longest_prefix(word, width, size)
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [fit_line(lines[max_lines - 1] + " " + ELLIPSIS, width, size)]
    return lines


def _longest_prefix(word: str, width: float, size: float) -> int:
    total = 0.0
    for index, char in enumerate(word):
        total += _char_units(char) * size / UNITS_PER_EM
        if total > width:
            return max(index, 1)
    return len(word)


def fit_line(text: str, width: float, size: float) -> str:
    """``text`` on one line no wider than ``width`` px, cut at a word boundary with an ellipsis
    if it must be (inside a word only when the first word alone is too wide)."""
    text = " ".join(text.split())
    if text_width(text, size) <= width:
        return text
    words = text.removesuffix(ELLIPSIS).split()
    while len(words) > 1:
        words.pop()
        kept = " ".join(words).rstrip(",;:.-\u2013\u2014 ")
        if text_width(kept + ELLIPSIS, size) <= width:
            return kept + ELLIPSIS
    kept = words[0] if words else ""
    while kept and text_width(kept + ELLIPSIS, size) > width:
        kept = kept[:-1]
    return kept + ELLIPSIS
