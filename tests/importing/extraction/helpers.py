"""What the extraction tests read off an extraction: officials' names by key, one official by a token, the
body an official holds a post in, an agreement's parties."""


def names_by_key(ex) -> dict[str, str]:
    return {o.key: o.name for o in ex.officials}


def official(ex, token: str):
    return next(o for o in ex.officials if token in o.name)


def organization_of(ex, name: str):
    """The body of the official whose whole name is ``name``."""
    holder = next(o for o in ex.officials if o.name == name)
    return next(o for o in ex.organizations if o.key == holder.organization)


def parties(ex, agreement) -> list:
    """The bodies an agreement names as its parties, in its order."""
    bodies = {o.key: o for o in ex.organizations}
    return [bodies[k] for k in agreement.parties]
