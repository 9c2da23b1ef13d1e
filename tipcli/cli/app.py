"""The typer application and `main`, which maps every failure to one line and an exit code."""

import os
import sys
from typing import Annotated

import typer

from tipcli import __version__
from tipcli.cli.commands import COMMANDS, load
from tipcli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, TipcliError

app = typer.Typer(
    name="tipcli",
    help="Look up Hong Kong's US Trafficking in Persons (TIP) Report ratings, figures and "
    "quotes, each with the source words that state it.\n\n"
    "Every command takes --json, --jsonl or --csv for scripts. "
    "Exit codes: 0 results, 1 nothing found, 2 bad input.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"tipcli {__version__}\n")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    _state["debug"] = debug


_registered: set[str] = set()


def register(names: list[str]) -> typer.Typer:
    """Add the named commands to app (each once) and return it."""
    for name in names:
        if name not in _registered:
            app.command(name=name)(load(name))
            _registered.add(name)
    app.registered_commands.sort(key=lambda info: COMMANDS.index(info.name or ""))
    return app


def _needed(args: list[str]) -> list[str]:
    """The one command args run, when that is plain; else every command (for help,
    did-you-mean and the like). Root options (--debug) may come first."""
    for arg in args:
        if arg == "--debug":
            continue
        if arg in COMMANDS:
            return [arg]
        break
    return list(COMMANDS)


def _store_damage(exc: Exception) -> bool:
    """Is exc SQLite saying the store's file is damaged (not busy, not read-only)?"""
    sqlite3 = sys.modules.get("sqlite3")
    return (sqlite3 is not None and isinstance(exc, sqlite3.DatabaseError)
            and getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"tipcli: error: {' '.join(message.split())}\n")
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (the console script exits with it)."""
    from typer._click import exceptions as click_exc
    from typer.main import get_command

    args = list(sys.argv[1:] if argv is None else argv)
    _state["debug"] = "--debug" in args or bool(os.environ.get("TIPCLI_DEBUG"))
    def run() -> int:
        command = get_command(register(_needed(args)))
        code = command.main(args=args, prog_name="tipcli", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK

    try:
        try:
            code = run()
        except Exception as exc:
            if not _store_damage(exc):
                raise
            # Damage the quick check on open cannot see (a scribbled page):
            # rebuild from the document files and answer once more.
            from tipcli.store import discard_damaged

            discard_damaged(str(exc))
            code = run()
    except TipcliError as exc:
        if _state["debug"]:
            raise
        code = _fail(exc.one_line(), exc.exit_code)
    except click_exc.UsageError as exc:
        if _state["debug"]:
            raise
        where = exc.ctx.command_path if exc.ctx else "tipcli"
        message = exc.format_message()
        if isinstance(exc, click_exc.NoSuchOption) and exc.possibilities:
            from tipcli.suggest import did_you_mean

            message = exc.message + (f"; {did_you_mean(exc.option_name, exc.possibilities)}"
                                     if did_you_mean(exc.option_name, exc.possibilities) else "")
        code = _fail(f"{message} (see '{where} --help')", EXIT_USAGE)
    except click_exc.ClickException as exc:
        code = _fail(exc.format_message(), exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        code = _fail("interrupted", EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); that is not an error of ours.
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), sys.stdout.fileno())
        code = EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback
        if _state["debug"]:
            raise
        code = _fail(f"internal error: {type(exc).__name__}: {exc} (rerun with --debug and "
                     "report it)", EXIT_INTERNAL)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), sys.stdout.fileno())
    return code
