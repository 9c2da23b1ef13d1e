"""Exit codes and the exceptions that carry them to the command line."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class TipcliError(Exception):
    """An expected failure with a one-line message for the user."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        text = self.message if not self.hint else f"{self.message}; {self.hint}"
        return " ".join(text.split())


class UsageProblem(TipcliError):
    """Bad input from the user: a wrong option value, an unreadable file."""

    exit_code = EXIT_USAGE


class NotFound(TipcliError):
    """A valid request that found nothing."""

    exit_code = EXIT_NOT_FOUND


class StoreError(TipcliError):
    """The store cannot be written (read-only home, full disk)."""

    exit_code = EXIT_USAGE
