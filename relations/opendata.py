"""For researchers: an Atom feed of new and corrected records, one download of all published data with a
Frictionless data package describing every column, and the data dictionary page that renders it.

Reports are named by string (``people`` and ``agreements`` are not imported here): the same reports
the public CSVs write, with the same ``url`` column at their end.
"""

from __future__ import annotations

import datetime
import json
import tempfile
import zipfile

from django.apps import apps
from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.functional import cached_property
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.views.generic import TemplateView

from relations.context_processors import collection

# kind (in URLs and file names) -> (report, heading, singular)
KINDS = {
    "delegations": ("relations.exports.DelegationReport", "Delegations", "Delegation"),
    "meetings": ("relations.exports.MeetingReport", "Meetings", "Meeting"),
    "agreements": ("agreements.exports.AgreementReport", "Agreements", "Agreement"),
    "officials": ("people.exports.OfficialReport", "Officials", "Official"),
    "organizations": ("people.exports.OrganizationReport", "Organizations", "Organization"),
}

PARTIAL_DATE = (
    "To the precision the source gives: YYYY-MM-DD (a day), YYYY-MM (a month) or YYYY (a year); "
    "empty when unknown."
)
COUNTRY = "ISO 3166-1 alpha-2 code, e.g. VN, RU; empty when unknown."
NAMES = 'Names joined by "; ", in the order the record page lists them.'

# What each column holds, for the data package and the data dictionary.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "delegations": {
        "id": "The record's number; stable, also in its permanent address.",
        "title": "The delegation's title, or one written from its direction and start date.",
        "from_country": f"Where the delegation came from. {COUNTRY}",
        "to_country": f"Where it went. {COUNTRY}",
        "head": "The official who led it (published officials only).",
        "members": f"The other members. {NAMES}",
        "sending_body": "The organization that sent it (published organizations only).",
        "start_date": f"First day of the visit. {PARTIAL_DATE}",
        "end_date": f"Last day of the visit. {PARTIAL_DATE}",
        "location": "Where the visit took place, as the source names it.",
    },
    "meetings": {
        "id": "The record's number; stable, also in its permanent address.",
        "date": f"When the meeting took place. {PARTIAL_DATE}",
        "location": "Where it took place, as the source names it.",
        "participants": f"The officials who took part. {NAMES}",
        "delegation": "The title of the delegation whose visit it was part of, if any.",
    },
    "agreements": {
        "id": "The record's number; stable, also in its permanent address.",
        "title": "The agreement's title, as written in the source.",
        "kind": "treaty, agreement, memorandum, programme, plan, minutes, contract or other.",
        "state": "proposed, draft, signed, in_force, expired or referenced (only mentioned).",
        "signed_on": f"When it was signed. {PARTIAL_DATE}",
        "period": "The years it covers: YYYY or YYYY-YYYY; empty when not stated.",
        "parties": f"The organizations that are parties to it. {NAMES}",
        "signatories": f"The officials who signed it. {NAMES}",
    },
    "officials": {
        "id": "The record's number; stable, also in its permanent address.",
        "name": "The official's name with its diacritics, given name first.",
        "aliases": f"Other spellings and transliterations found in the sources. {NAMES}",
        "country": f"The country the official serves. {COUNTRY}",
        "titles": 'The titles held, as the sources write them, joined by "; ".',
        "organization": 'The organizations those titles belong to, joined by "; ".',
    },
    "organizations": {
        "id": "The record's number; stable, also in its permanent address.",
        "name": "The organization's name.",
        "acronym": "Its acronym, e.g. CPV.",
        "country": f"The country it belongs to. {COUNTRY}",
        "kind": "ministry, agency, party, parliament, government, company, academic or other.",
        "parent": "The organization it is part of, if any.",
        "aliases": f"Other names found in the sources. {NAMES}",
    },
}
COMMON = {
    "editorial_status": "Always published here: only records an editor checked and a publisher released.",
    "sources": 'Keys of the articles the record cites, joined by "; "; each at /articles/<key>/.',
    "url": "The record's permanent address on this site: cite it.",
}


def report_of(kind: str, *, url_base: str):
    return import_string(KINDS[kind][0])(url_base=url_base)


def published_records(report):
    return apps.get_model(report.model)._default_manager.for_public_list()


def package_name() -> str:
    return slugify(collection(None)["collection"]["site_name"].replace("–", " "))


def field_type(column: str) -> str:
    return "integer" if column == "id" else "string"


def descriptor(*, url_base: str) -> dict:
    """The Frictionless (tabular) data package describing every CSV of the download, column by column."""
    names = collection(None)["collection"]
    resources = []
    for kind, (_, heading, _) in KINDS.items():
        report = report_of(kind, url_base=url_base)
        described = {**DESCRIPTIONS[kind], **COMMON}
        resources.append(
            {
                "name": kind,
                "path": f"{kind}.csv",
                "title": heading,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "schema": {
                    "fields": [
                        {"name": column, "type": field_type(column), "description": described[column]}
                        for column in report.header
                    ],
                    "primaryKey": ["id"],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": package_name(),
        "title": f"{names['site_name']}: published records",
        "description": (
            f"Official contacts between {names['pair']}: delegations, meetings, agreements, officials and "
            "organizations, each checked by an editor and citing the news articles that report it."
        ),
        "homepage": url_base + "/",
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "resources": resources,
    }


def write_download(file, *, url_base: str) -> None:
    """Every report of the published records, and ``datapackage.json``, into the zip ``file``."""
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for kind in KINDS:
            report = report_of(kind, url_base=url_base)
            with archive.open(f"{kind}.csv", "w") as member:
                for line in report.lines(published_records(report)):
                    member.write(line.encode("utf-8"))
        archive.writestr("datapackage.json", json.dumps(descriptor(url_base=url_base), indent=2))


def site_address(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def download(request):
    """``/data/all.zip``: all published data in one file (built per request, in a temporary file)."""
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)
    write_download(spool, url_base=site_address(request))
    spool.seek(0)
    stamp = timezone.now().strftime("%Y-%m-%d")
    return FileResponse(
        spool, as_attachment=True, filename=f"{package_name()}-{stamp}.zip", content_type="application/zip"
    )


class DataDictionaryView(TemplateView):
    """``/data/``: the downloads, and what each column of each CSV holds (the data package, rendered)."""

    template_name = "relations/data.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        package = descriptor(url_base=site_address(self.request))
        exports = {
            "delegations": "relations:delegation-export",
            "meetings": "relations:meeting-export",
            "agreements": "agreements:agreement-export",
            "officials": "people:official-export",
            "organizations": "people:organization-export",
        }
        for resource in package["resources"]:
            resource["csv_url"] = reverse(exports[resource["name"]])
            resource["feed_url"] = reverse("relations:feed-kind", args=[resource["name"]])
        context["package"] = package
        return context


def datapackage(request):
    return JsonResponse(descriptor(url_base=site_address(request)), json_dumps_params={"indent": 2})


# ------------------------------------------------------------------ the feed

FEED_SIZE = 50
CORRECTED_AFTER = datetime.timedelta(minutes=1)


class RecordsFeed(Feed):
    """Newly published and corrected records, newest change first: of one kind, or of every kind."""

    feed_type = Atom1Feed

    def get_object(self, request, kind: str | None = None):
        if kind is not None and kind not in KINDS:
            raise Http404("No such kind of record.")
        return kind

    @cached_property
    def names(self):
        return collection(None)["collection"]

    def title(self, kind):
        what = KINDS[kind][1].lower() if kind else "records"
        return f"{self.names['site_name']}: new and corrected {what}"

    def subtitle(self, kind):
        return f"Official contacts between {self.names['pair']}, as records are published or corrected."

    def link(self, kind):
        return reverse("relations:data")

    def items(self, kind):
        kinds = [kind] if kind else list(KINDS)
        items = []
        for name in kinds:
            model = apps.get_model(import_string(KINDS[name][0]).model)
            items += model._default_manager.published().order_by("-updated_at", "-pk")[:FEED_SIZE]
        return sorted(items, key=lambda r: r.updated_at, reverse=True)[:FEED_SIZE]

    @staticmethod
    def corrected(record) -> bool:
        return bool(record.published_at) and record.updated_at - record.published_at > CORRECTED_AFTER

    def item_title(self, record):
        kind = record._meta.verbose_name.capitalize()
        return f"{kind}{' (corrected)' if self.corrected(record) else ''}: {record}"

    def item_description(self, record):
        if self.corrected(record):
            first = record.published_at
            return f"Corrected on {record.updated_at:%-d %B %Y}; first published {first:%-d %B %Y}."
        return f"Published on {(record.published_at or record.updated_at):%-d %B %Y}."

    def item_link(self, record):
        return record.get_absolute_url()

    def item_guid(self, record):
        return f"{record.get_absolute_url()}#{record.updated_at:%Y%m%dT%H%M%S}"

    item_guid_is_permalink = False

    def item_pubdate(self, record):
        return record.published_at or record.updated_at

    def item_updateddate(self, record):
        return record.updated_at
