"""Shared pieces of the report resources: the contract's cell formats."""

from import_export import fields, resources

from relations.editorial import format_partial

SEP = "; "


def join(values) -> str:
    """A multi-valued cell: distinct non-empty values in order, joined by "; "."""
    seen = []
    for value in values:
        value = str(value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return SEP.join(seen)


def country_code(value) -> str:
    return str(value.code if hasattr(value, "code") else value or "")


class EditorialResource(resources.ModelResource):
    """Columns every curated record exports: its status and the articles it was taken from."""

    editorial_status = fields.Field(attribute="status", column_name="editorial_status")
    sources = fields.Field(column_name="sources", readonly=True)

    def dehydrate_sources(self, obj) -> str:
        return join(sorted({c.article.key for c in obj.citations.all()}))

    def get_queryset(self):
        return self._meta.model.objects.for_export()

    @staticmethod
    def partial(value, precision) -> str:
        return format_partial(value, precision)
