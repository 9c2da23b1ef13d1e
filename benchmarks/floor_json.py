"""The framework's floor for a JSON lookup: a bare typer app whose command prints a JSON list."""

import json
import sys

import typer

app = typer.Typer(add_completion=False)


@app.command()
def rating(year: int, json_: bool = typer.Option(False, "--json")) -> None:
    sys.stdout.write(json.dumps([{"year": year, "tier": "Tier 2"}]) + "\n")


@app.callback()
def root() -> None:
    """A group, as tipcli is."""


if __name__ == "__main__":
    app()
