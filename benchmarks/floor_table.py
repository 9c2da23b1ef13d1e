"""The framework's floor for a table lookup: a bare typer app printing a one-row rich table."""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def rating(year: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("year", "tier")
    table.add_row(str(year), "Tier 2")
    Console().print(table)


@app.callback()
def root() -> None:
    """A group, as tipcli is."""


if __name__ == "__main__":
    app()
