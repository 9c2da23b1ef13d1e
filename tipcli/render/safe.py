"""Make untrusted document text safe for a terminal: controls become visible escapes."""

from __future__ import annotations

import re

_CONTROL = re.compile(
    "[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def visible(text: str) -> str:
    """Replace control, escape and bidi-override characters with \\xNN / \\uNNNN text.

    Tabs stay; newlines become spaces so that one record stays one row.
    """
    text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _CONTROL.sub(escape, text)
