"""Paging a command's terminal output through $PAGER, as git does.

Only when stdout is a terminal: piped output is never paged. The pager is $PAGER, else
`less` when it is installed; an empty PAGER or `cat` means no pager. LESS defaults to
FRX (quit when one screen holds it all, keep colours, leave the screen as it is) and LV
to -c, unless the user set them. (pydoc's pager, which rich's uses, asks for stdin to be a
terminal too, prefers MANPAGER, and runs less without -R, so colours would show as codes.)
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import TextIO


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The shell command to page with, or None for no pager."""
    command = environ.get("PAGER")
    if command is None:
        return "less" if shutil.which("less") else None
    command = command.strip()
    return None if command in ("", "cat") else command


class _Screen(io.StringIO):
    """Holds what would go to the terminal, and says it is one, so that rich keeps colours
    and styles (its width comes from the terminal's file descriptors)."""

    def __init__(self, encoding: str | None) -> None:
        super().__init__()
        self._encoding = encoding or "utf-8"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


@contextlib.contextmanager
def paged(wanted: bool = True) -> Iterator[None]:
    """Page what the block writes to sys.stdout, when wanted and stdout is a terminal.

    What the block writes is collected, then handed to the pager when the block ends
    without an error; nothing is paged when it wrote nothing.
    """
    terminal = sys.stdout
    try:
        is_terminal = wanted and terminal.isatty()
    except (AttributeError, ValueError):
        is_terminal = False
    command = pager_command(os.environ) if is_terminal else None
    if command is None:
        yield
        return
    screen = _Screen(getattr(terminal, "encoding", None))
    sys.stdout = screen
    try:
        yield
    finally:
        sys.stdout = terminal
    if screen.getvalue():
        page(screen.getvalue(), command, terminal)


def page(content: str, command: str, terminal: TextIO) -> None:
    """Run the pager on content; print content as it is when the pager cannot be run."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    data = content.encode(getattr(terminal, "encoding", None) or "utf-8", errors="replace")
    terminal.flush()
    # Ctrl-C belongs to the pager while it runs (as in git): it must not end tipcli and
    # leave the pager holding the terminal.
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread: signals stay as they are
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
        except OSError:
            code = 127
        else:
            assert process.stdin is not None
            with contextlib.suppress(BrokenPipeError):  # the reader quit before the end
                process.stdin.write(data)
            with contextlib.suppress(BrokenPipeError):
                process.stdin.close()
            code = process.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if code in (126, 127):  # the shell could not find or run the pager: print it plainly
        terminal.write(content)
