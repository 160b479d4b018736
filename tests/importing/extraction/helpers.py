"""What the extraction tests read off an extraction: officials' names by key, one official by a token."""


def names_by_key(ex) -> dict[str, str]:
    return {o.key: o.name for o in ex.officials}


def official(ex, token: str):
    return next(o for o in ex.officials if token in o.name)
