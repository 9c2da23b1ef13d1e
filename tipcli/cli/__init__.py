"""The command line: typer commands that turn options into one query and one render call."""
