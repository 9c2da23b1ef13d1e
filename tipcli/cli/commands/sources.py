"""`tipcli sources`: the documents behind every answer."""

from tipcli.cli.options import CsvFlag, JsonFlag, JsonlFlag, emit, output_format


def sources(json_: JsonFlag = False, jsonl: JsonlFlag = False, csv_: CsvFlag = False) -> int:
    """List every document: id, title, outlet, date, report year, duplicates.

    Examples:

      tipcli sources

      tipcli sources --json | jq '.[] | select(.duplicate_of == null) | .doc'
    """
    from tipcli import queries
    from tipcli.store import open_store

    fmt = output_format(json_, jsonl, csv_)
    return emit(queries.sources(open_store()), fmt)
