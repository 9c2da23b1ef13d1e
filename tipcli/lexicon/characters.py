"""Characters that need care: blanks around lines, and controls that must never reach a terminal."""

# Blank characters around lines: ASCII, no-break and the typographic spaces.
BLANKS = " \t\u00a0\u202f\u3000\ufeff" + "".join(chr(c) for c in range(0x2000, 0x200B))

# Code-point ranges, first and last included.
# Bidirectional overrides and marks: they reorder what a terminal shows.
BIDI = ((0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069))
# What a table shows as a visible escape: C0 controls but tab and newline, DEL and C1
# controls, and bidi characters.
TERMINAL_UNSAFE = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), *BIDI)
# What JSON escapes although it may carry it raw: DEL, C1, line separators, bidi.
JSON_UNSAFE = ((0x7F, 0x9F), (0x2028, 0x2029), *BIDI)


def escapes(ranges: tuple[tuple[int, int], ...], short: bool) -> dict[int, str]:
    """A str.translate table writing each character in ranges as its escape: \\xNN (short,
    below U+0100) or \\uNNNN. (A table, not a regex: compiling a class of these ranges
    costs half a millisecond of every lookup's start.)"""
    return {c: (f"\\x{c:02x}" if short and c < 0x100 else f"\\u{c:04x}")
            for first, last in ranges for c in range(first, last + 1)}
