"""What a user asks about, checked: a report year, and a place in any of its names."""

from __future__ import annotations

from tipcli.errors import UsageProblem
from tipcli.store import Store

ALL = "all"
DEFAULT_JURISDICTION = "Hong Kong"


def resolve_jurisdiction(store: Store, name: str | None) -> str | None:
    """The canonical jurisdiction a user means; None means every one ("all").

    Any name, former name, abbreviation or adjective the gazetteer knows is
    accepted, in any case ("south korea", "ROK", "Burma", "macao"); a near miss
    gets "did you mean".
    """
    if name is None:
        return DEFAULT_JURISDICTION
    not_blank(name, "the jurisdiction", "a place such as 'Hong Kong', or 'all'")
    cleaned = " ".join(name.split())
    if cleaned.lower() == ALL:
        return None
    from tipcli.lexicon.places import gazetteer

    places = gazetteer()
    resolved = places.resolve(cleaned)
    if resolved:
        return resolved
    known = [str(row[0]) for row in store.conn.execute(
        "SELECT DISTINCT jurisdiction FROM facts WHERE jurisdiction IS NOT NULL")]
    for place in known:  # a name the gazetteer lacks but a document gave
        if place.lower() == cleaned.lower():
            return place
    from tipcli.suggest import did_you_mean

    names = sorted({*places.canonical, *known, ALL})
    raise UsageProblem(f"no jurisdiction called {name!r}",
                       did_you_mean(cleaned, names) or "try 'all' for every place")


def resolve_jurisdictions(store: Store, names: str | list[str] | None) -> list[str] | None:
    """The places a user means, in the order given; None means every one.

    Each name may be a comma list ("Hong Kong,Macau,China"), split only when the whole
    string is not one place, since the report's own names hold commas ("Korea, South").
    """
    if names is None or isinstance(names, str):
        place = resolve_jurisdiction(store, names)
        return None if place is None else [place]
    if not names:
        return [DEFAULT_JURISDICTION]
    places: list[str] = []
    for name in names:
        try:
            found = [resolve_jurisdiction(store, name)]
        except UsageProblem:
            if len([part for part in name.split(",") if part.strip()]) < 2:
                raise
            found = _comma_list(store, name)
        if None in found:
            return None  # "all" among them
        places += [p for p in found if p is not None and p not in places]
    return places


def _comma_list(store: Store, names: str) -> list[str | None]:
    """The places in "Korea, South,Macau,China": at each comma-separated part, the longest
    run of parts that is one place ("Korea, South"), else the part alone (which must be)."""
    parts = [part for part in names.split(",") if part.strip()]
    found: list[str | None] = []
    i = 0
    while i < len(parts):
        for end in range(len(parts), i + 1, -1):
            try:
                found.append(resolve_jurisdiction(store, ",".join(parts[i:end])))
            except UsageProblem:
                continue
            i = end
            break
        else:
            found.append(resolve_jurisdiction(store, parts[i]))
            i += 1
    return found


def not_blank(value: str | None, what: str, example: str) -> None:
    """Refuse a value given but empty ('', '  '): it names nothing, and silently dropping
    the filter would answer another question."""
    if value is not None and not value.strip():
        raise UsageProblem(f"{what} is empty", f"give {example}, or leave it out")


def check_year(year: int | None) -> None:
    """A report year the TIP Report can have (the first was published in 2001)."""
    if year is not None and not 2001 <= year <= 2100:
        raise UsageProblem(f"year {year} is out of range",
                           "TIP Reports began in 2001; use e.g. 2022")
