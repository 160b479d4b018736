from import_export import fields

from people.models import Official, Organization
from relations.editorial.exports import EditorialResource, country_code, join


class OfficialResource(EditorialResource):
    name = fields.Field(attribute="name", column_name="name")
    aliases = fields.Field(column_name="aliases", readonly=True)
    country = fields.Field(attribute="country", column_name="country")
    titles = fields.Field(column_name="titles", readonly=True)
    organization = fields.Field(column_name="organization", readonly=True)

    class Meta:
        model = Official
        fields = ("id", "name", "aliases", "country", "titles", "organization", "editorial_status", "sources")
        export_order = fields
        import_id_fields = ("id",)
        skip_unchanged = True

    def dehydrate_aliases(self, obj):
        return join(a.name for a in obj.aliases.all())

    def dehydrate_country(self, obj):
        return country_code(obj.country)

    def dehydrate_titles(self, obj):
        return join(p.title for p in obj.positions.all())

    def dehydrate_organization(self, obj):
        return join(p.organization.name for p in obj.positions.all() if p.organization)


class OrganizationResource(EditorialResource):
    name = fields.Field(attribute="name", column_name="name")
    acronym = fields.Field(attribute="acronym", column_name="acronym")
    country = fields.Field(attribute="country", column_name="country")
    kind = fields.Field(attribute="kind", column_name="kind")
    parent = fields.Field(column_name="parent", readonly=True)
    aliases = fields.Field(column_name="aliases", readonly=True)

    class Meta:
        model = Organization
        fields = (
            "id",
            "name",
            "acronym",
            "country",
            "kind",
            "parent",
            "aliases",
            "editorial_status",
            "sources",
        )
        export_order = fields
        import_id_fields = ("id",)
        skip_unchanged = True

    def dehydrate_country(self, obj):
        return country_code(obj.country)

    def dehydrate_parent(self, obj):
        return obj.parent.name if obj.parent else ""

    def dehydrate_aliases(self, obj):
        return join(a.name for a in obj.aliases.all())
