"""Where tipcli keeps its store and where the bundled seed documents live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def tipcli_home() -> Path:
    """The user's store directory: $TIPCLI_HOME, else the platform's data dir."""
    explicit = os.environ.get("TIPCLI_HOME")
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "win32":  # pragma: no cover - not our CI platform
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "tipcli"
    if sys.platform == "darwin":  # pragma: no cover
        return Path.home() / "Library" / "Application Support" / "tipcli"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tipcli"


def seeds_dir() -> Path:
    """The seed documents: inside the wheel, or at the top of a source checkout."""
    bundled = _PACKAGE_DIR / "seeds"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / "seeds"


def seed_catalogue_path() -> Path:
    return _PACKAGE_DIR / "catalogue.json"


def documents_dir(home: Path) -> Path:
    return home / "documents"


def originals_dir(home: Path) -> Path:
    """The pages and PDFs as they were added; outside documents/, which holds the text."""
    return home / "originals"


def index_path(home: Path) -> Path:
    return home / "index.sqlite3"


def lock_path(home: Path) -> Path:
    return home / ".lock"
