"""Agreements in the admin: parties and signatories inline, with autocomplete."""

from django.contrib import admin
from django_countries.filters import CountryFilter

from agreements.models import Agreement
from agreements.resources import AgreementResource
from relations.editorial.admin import (
    EDITORIAL_COLUMNS,
    EDITORIAL_FILTERS,
    EditorialAdmin,
    m2m_inline,
    year_filter,
)


@admin.register(Agreement)
class AgreementAdmin(EditorialAdmin):
    resource_classes = [AgreementResource]
    list_display = ["title", "kind", "state", "signed_on_shown", *EDITORIAL_COLUMNS]
    partial_dates = {"signed_on": "signed_precision"}
    list_filter = [
        *EDITORIAL_FILTERS, ("party_countries", CountryFilter), "kind", "state", year_filter("signed_on"),
        "primary",
    ]  # fmt: skip
    autocomplete_fields = ["delegation", "meeting"]
    inlines = [
        m2m_inline(Agreement.parties, "party", "parties (organizations)"),
        m2m_inline(Agreement.signatories, "signatory", "signatories"),
    ]
    main_fieldsets = [
        (None, {"fields": ["title", ("kind", "state"), "party_countries"]}),
        (
            "Signed",
            {"fields": [("signed_on", "signed_precision"), "signed_place", ("period_start", "period_end")]},
        ),
        ("Context", {"fields": ["delegation", "meeting", "primary"]}),
    ]
