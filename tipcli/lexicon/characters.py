"""Characters that need care: blanks around lines, and controls that must never reach a terminal."""

# Blank characters around lines: ASCII, no-break and the typographic spaces.
BLANKS = " \t\u00a0\u202f\u3000\ufeff" + "".join(chr(c) for c in range(0x2000, 0x200B))
# Bidirectional overrides and marks: they reorder what a terminal shows.
BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What a table shows as a visible escape: C0 controls but tab and newline,
# DEL and C1 controls, and bidi characters (regex class body).
TERMINAL_UNSAFE = "\u0000-\u0008\u000b-\u001f\u007f-\u009f" + BIDI
# What JSON escapes although it may carry it raw: DEL, C1, line separators, bidi.
JSON_UNSAFE = "\u007f-\u009f\u2028\u2029" + BIDI
