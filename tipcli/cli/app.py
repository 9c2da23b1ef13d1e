"""The typer application and `main`, which maps every failure to one line and an exit code."""

import inspect
import os
import sys
from typing import Annotated

import typer

from tipcli import __version__
from tipcli.cli.commands import COMMANDS, load
from tipcli.cli.complete import COMPLETE_VAR
from tipcli.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, TipcliError

app = typer.Typer(
    name="tipcli",
    help="Look up US Trafficking in Persons (TIP) Report ratings, figures and quotes for "
    "any place your documents cover (Hong Kong by default), each with the source words "
    "that state it.\n\n"
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
            command = load(name)
            app.command(name=name, help=reflowed(command.__doc__ or ""))(command)
            _registered.add(name)
    app.registered_commands.sort(key=lambda info: COMMANDS.index(info.name or ""))
    return app


def reflowed(doc: str) -> str:
    """A docstring as help: each prose paragraph one line, for the terminal to wrap (typer
    keeps a paragraph's line breaks, so source-wrapped prose broke mid-sentence); indented
    lines (examples) and list items stay as written."""
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(
        p if any(line[:1].isspace() or line.lstrip()[:2] in ("- ", "* ")
                 for line in p.splitlines()) else " ".join(p.split("\n"))
        for p in paragraphs)


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


def _click_class(name: str) -> type[Exception]:
    """A click exception class, reached through typer's public BadParameter.

    typer 0.28 vendors click as the private module typer._click; its usage
    errors are subclasses of these. tests/cli/test_app.py fails loudly if
    typer ever stops deriving BadParameter from them.
    """
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


def _notice(message: str) -> None:
    sys.stderr.write(f"tipcli: {message}\n")


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"tipcli: error: {' '.join(message.split())}\n")
    return code


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit code (the console script exits with it)."""
    from typer.main import get_command

    from tipcli.notices import listen
    from tipcli.upkeep import answering

    listen(_notice)
    usage_error, click_exception = _click_class("UsageError"), _click_class("ClickException")
    args = list(sys.argv[1:] if argv is None else argv)
    # --debug works before or after the command: it is taken out wherever it stands
    # (up to a "--", after which every word is an argument).
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    args = [a for a in args[:end] if a != "--debug"] + args[end:]
    _state["debug"] = debug or bool(os.environ.get("TIPCLI_DEBUG"))
    def run() -> int:
        needed = _needed(args)
        command = get_command(register(needed))
        if len(needed) > 1 or os.environ.get(COMPLETE_VAR):
            # typer's --install-completion and --show-completion. Building them (and
            # its shell classes) costs a signature walk that a lookup such as `tipcli
            # rating 2022` would pay for nothing, so the root gets them only when no
            # one command is named (bare `tipcli`, --help, the options themselves) or
            # the shell asks for completions (it runs `tipcli` with no arguments).
            from typer.main import get_install_completion_arguments

            command.params.extend(get_install_completion_arguments())
        code = command.main(args=args, prog_name="tipcli", standalone_mode=False)
        return code if isinstance(code, int) else EXIT_OK

    try:
        code = answering(run)
    except TipcliError as exc:
        if _state["debug"]:
            raise
        code = _fail(exc.one_line(), exc.exit_code)
    except usage_error as exc:
        if _state["debug"]:
            raise
        if not args:  # bare `tipcli`: the help was printed; no error
            return EXIT_OK
        ctx = getattr(exc, "ctx", None)
        where = ctx.command_path if ctx else "tipcli"
        message = getattr(exc, "format_message", exc.__str__)()
        possibilities = getattr(exc, "possibilities", None)  # an unknown option's near names
        if possibilities:
            from tipcli.suggest import did_you_mean

            hint = did_you_mean(getattr(exc, "option_name", ""), possibilities)
            message = str(getattr(exc, "message", message)) + (f"; {hint}" if hint else "")
        code = _fail(f"{message} (see '{where} --help')", EXIT_USAGE)
    except click_exception as exc:
        code = _fail(getattr(exc, "format_message", exc.__str__)(),
                     int(getattr(exc, "exit_code", EXIT_USAGE)))
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
