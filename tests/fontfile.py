"""Advance widths straight from a TrueType file (its cmap and hmtx tables), to check the width
table in argmap/layout/text.py against the font it claims to describe."""

from __future__ import annotations

import struct
from pathlib import Path

DEJAVU_SANS = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def advance_widths(path: Path) -> tuple[int, dict[int, int]]:
    """(units per em, code point -> advance width) for the font's Windows Unicode BMP cmap."""
    data = path.read_bytes()
    tables = {}
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag.decode("ascii")] = offset
    units = struct.unpack(">H", data[tables["head"] + 18 : tables["head"] + 20])[0]
    metrics = struct.unpack(">H", data[tables["hhea"] + 34 : tables["hhea"] + 36])[0]
    hmtx = tables["hmtx"]
    advances = [struct.unpack(">H", data[hmtx + 4 * i : hmtx + 4 * i + 2])[0] for i in range(metrics)]
    cmap = tables["cmap"]
    widths: dict[int, int] = {}
    for i in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i])
        sub = cmap + offset
        if struct.unpack(">H", data[sub : sub + 2])[0] != 4 or (platform, encoding) != (3, 1):
            continue
        segments = struct.unpack(">H", data[sub + 6 : sub + 8])[0] // 2
        size = 2 * segments
        ends = struct.unpack(f">{segments}H", data[sub + 14 : sub + 14 + size])
        starts = struct.unpack(f">{segments}H", data[sub + 16 + size : sub + 16 + 2 * size])
        deltas = struct.unpack(f">{segments}h", data[sub + 16 + 2 * size : sub + 16 + 3 * size])
        ranges_at = sub + 16 + 3 * size
        range_offsets = struct.unpack(f">{segments}H", data[ranges_at : ranges_at + size])
        for k in range(segments):
            for code in range(starts[k], ends[k] + 1):
                if code == 0xFFFF:
                    continue
                if range_offsets[k] == 0:
                    glyph = (code + deltas[k]) & 0xFFFF
                else:
                    at = ranges_at + 2 * k + range_offsets[k] + 2 * (code - starts[k])
                    glyph = struct.unpack(">H", data[at : at + 2])[0]
                    glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
                if glyph:
                    widths.setdefault(code, advances[min(glyph, metrics - 1)])
    return units, widths
