"""Corpus text made safe for a terminal or a plain-text file: control characters shown, not obeyed.

A corpus may come from a stranger, and its text reaches the terminal (``show``, ``compare``,
validation messages...) and Markdown files. An ESC in it could recolour the screen, move the
cursor, set the window title or write to the clipboard (OSC 52); a carriage return or backspace
could overwrite what was printed; bidirectional overrides could make text read differently from
what it is. ``visible`` writes each such character as an escape (``\\x1b``, ``\\u202e``) and
leaves every other character, tab and line break included, as it is.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls; invisible format characters that change
# how text reads (zero-width, bidirectional marks, embeddings, overrides and isolates, BOM,
# interlinear annotation, tag characters); line and paragraph separators.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: str) -> str:
    """``text`` with every control or invisible formatting character written as an escape."""
    return _CONTROL.sub(_escape, text)
