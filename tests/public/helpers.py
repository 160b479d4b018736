"""What a public list page shows, read from its response."""


def listed(response) -> list[str]:
    """The records of the list's page, as each is named (title or name), in the order shown."""
    return [str(record) for record in response.context["object_list"]]
