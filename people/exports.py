"""The reports of officials and organizations: one definition each, for every export of them."""

from people.models import OfficialAlias, OrganizationAlias, Position
from relations.editorial.exports import Report, country_cell, join


def _aliases(model, owner: str):
    """(record id, alias) rows for a chunk, in the aliases' own order."""
    return lambda ids: (
        model.objects.filter(**{f"{owner}_id__in": ids})
        .order_by("name", "pk")
        .values_list(f"{owner}_id", "name")
    )


class OfficialReport(Report):
    """Officials; in the public CSV an organization is named only if it is published."""

    model = "people.Official"
    name = "officials"
    fields = ("name", "country")
    columns = {
        "id": lambda o, _: o.pk,
        "name": lambda o, _: o.name,
        "aliases": lambda o, rel: join(rel["aliases"][o.pk]),
        "country": lambda o, _: country_cell(o.country),
        "titles": lambda o, rel: join(title for title, _ in rel["positions"][o.pk]),
        "organization": lambda o, rel: join(organization for _, organization in rel["positions"][o.pk]),
    }

    def related(self):
        organization = self.name_of("organization")

        def positions(ids: list[int]):
            """(official id, title, organization name), in each official's order."""
            return (
                Position.objects.filter(official_id__in=ids)
                .order_by("official_id", "-last_seen", "title", "pk")
                .values_list("official_id", "title", organization)
            )

        return {"aliases": _aliases(OfficialAlias, "official"), "positions": positions}


class OrganizationReport(Report):
    """Organizations; in the public CSV a parent is named only if it is published."""

    model = "people.Organization"
    name = "organizations"
    fields = ("name", "acronym", "country", "kind")
    columns = {
        "id": lambda o, _: o.pk,
        "name": lambda o, _: o.name,
        "acronym": lambda o, _: o.acronym,
        "country": lambda o, _: country_cell(o.country),
        "kind": lambda o, _: o.kind,
        "parent": lambda o, _: o.parent_name,
        "aliases": lambda o, rel: join(rel["aliases"][o.pk]),
    }

    def expressions(self):
        return {"parent_name": self.name_of("parent")}

    def related(self):
        return {"aliases": _aliases(OrganizationAlias, "organization")}
