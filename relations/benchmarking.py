"""Scale work: generated data in bulk, timing over HTTP, and the benchmark's tables.

``generate_data`` fills an empty database with N delegations and their surroundings in minutes (bulk inserts,
nothing read back but primary keys). The rest serves ``manage.py benchmark``: percentiles, a loopback HTTP
client, gunicorn started and stopped, and the tables it prints.
"""

from __future__ import annotations

import datetime
import hashlib
import http.client
import os
import random
import re
import socket
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.http import HttpResponse
from django.utils.text import slugify

from agreements.models import Agreement, AgreementKind, AgreementState
from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations import synthetic
from relations.editorial import Precision, Status
from relations.folding import fold, fold_key
from relations.models import Article, Citation, Delegation, Meeting
from relations.statistics import update_planner_statistics

SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
BATCH = 2000  # rows built in Python, then inserted, at a time
CURATED = (Organization, Official, Delegation, Meeting, Agreement)
STATUSES = (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.ARCHIVED)
STATUS_WEIGHTS = (70, 15, 10, 5)  # most records are published; every status occurs
FIRST_DAY, LAST_DAY = datetime.date(1995, 1, 1), datetime.date(2025, 12, 31)
FLAGS = ("year inferred", "country guessed", "head uncertain", "date from dateline", "name variant")
COUNTRIES = ("VN", "RU")
CITIES = {"VN": synthetic.VN_CITIES, "RU": synthetic.RU_CITIES}
ORGANIZATION_PATTERNS = {
    "VN": (
        ("Ministry of {field}", Organization.Kind.MINISTRY),
        ("Department of {field} of {city}", Organization.Kind.AGENCY),
        ("People's Committee of {city}", Organization.Kind.GOVERNMENT),
        ("{city} University of {field}", Organization.Kind.ACADEMIC),
        ("Việt Nam {field} Corporation", Organization.Kind.COMPANY),
        ("Communist Party of Việt Nam, {city} Committee", Organization.Kind.PARTY),
        ("National Assembly Committee on {field}", Organization.Kind.PARLIAMENT),
        ("Việt Nam–Russia Friendship Association of {city}", Organization.Kind.OTHER),
    ),
    "RU": (
        ("Ministry of {field} of the Russian Federation", Organization.Kind.MINISTRY),
        ("Federal Agency for {field}", Organization.Kind.AGENCY),
        ("Government of {city}", Organization.Kind.GOVERNMENT),
        ("{city} State University of {field}", Organization.Kind.ACADEMIC),
        ("{city} {field} Company", Organization.Kind.COMPANY),
        ("United Russia, {city} Branch", Organization.Kind.PARTY),
        ("State Duma Committee on {field}", Organization.Kind.PARLIAMENT),
        ("Russia–Việt Nam Friendship Society of {city}", Organization.Kind.OTHER),
    ),
}
POSITIONS = ("Minister of {field}", "Deputy Minister of {field}", "Director of {org}", "Chairman of {org}")
DOCUMENT_KINDS = {
    "treaty": AgreementKind.TREATY,
    "cooperation agreement": AgreementKind.AGREEMENT,
    "memorandum of understanding": AgreementKind.MEMORANDUM,
    "cooperation programme": AgreementKind.PROGRAMME,
    "action plan": AgreementKind.PLAN,
    "protocol": AgreementKind.MINUTES,
    "contract": AgreementKind.CONTRACT,
    "joint statement": AgreementKind.OTHER,
}


# ---------------------------------------------------------------- generated article files


def article_texts(n: int, *, seed: int = 1) -> Iterator[tuple[str, str]]:
    """``relations.synthetic.articles``; the same texts from its two templates while TEMPLATES is empty."""
    if synthetic.TEMPLATES:
        yield from synthetic.articles(n, seed=seed)
        return
    templates = (synthetic._visit_to_russia, synthetic._visit_to_vietnam)
    rng = random.Random(seed)
    for i in range(n):
        year, month = rng.randint(1995, 2025), rng.randint(1, 12)
        yield f"gen_{seed}_{i:06d}.txt", rng.choice(templates)(rng, year, month)


def write_articles(folder: Path, n: int, *, seed: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in article_texts(n, seed=seed):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# ---------------------------------------------------------------- generated records


def counts_for(scale: int) -> dict[str, int]:
    """How many of each a scale of N means: N delegations and meetings, N/2 officials, N/3 agreements."""
    return {
        "organizations": max(8, scale // 20),
        "officials": max(4, scale // 2),
        "delegations": scale,
        "meetings": scale,
        "agreements": max(4, scale // 3),
        "articles": max(4, scale // 4),
    }


class _Slugs:
    """Unique slugs for one model, as ``unique_slug`` makes them, without a query per record."""

    def __init__(self, model: type[models.Model]):
        self.model_name = model._meta.model_name
        self.taken = set(model._default_manager.values_list("slug", flat=True))
        self.next = defaultdict(lambda: 2)

    def __call__(self, base: str) -> str:
        stem = (slugify(fold(base)) or self.model_name)[:150].strip("-")
        slug = stem
        while slug in self.taken:
            slug = f"{stem}-{self.next[stem]}"
            self.next[stem] += 1
        self.taken.add(slug)
        return slug


@dataclass
class _Cite:
    """An article's first sentence: what generated records cite."""

    pk: int
    quote: str
    start: int
    end: int


@dataclass
class _Generator:
    rng: random.Random
    progress: Callable[[str], None]
    citations: list[Citation] = field(default_factory=list)
    articles: list[_Cite] = field(default_factory=list)
    organizations: dict[str, list[tuple[int, str, str, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    officials: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    delegations: list[tuple[int, datetime.date | None, str, str]] = field(default_factory=list)
    meetings: list[tuple[int, datetime.date | None, int | None]] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)

    # -- shared pieces

    def status(self, i: int) -> str:
        return STATUSES[i] if i < len(STATUSES) else self.rng.choices(STATUSES, STATUS_WEIGHTS)[0]

    def editorial(self, i: int) -> dict:
        status = self.status(i)
        unsure = status in (Status.DRAFT, Status.REVIEW) and self.rng.random() < 0.6
        return {
            "status": status,
            "flags": self.rng.sample(FLAGS, self.rng.randint(1, 2)) if unsure else [],
            "confidence": round(self.rng.uniform(0.35, 0.8), 2) if unsure else 1.0,
        }

    def day(self) -> datetime.date:
        return FIRST_DAY + datetime.timedelta(days=self.rng.randint(0, (LAST_DAY - FIRST_DAY).days))

    def partial_date(self) -> tuple[datetime.date | None, str]:
        """A date at day, month or year precision (stored as its first day), now and then unknown."""
        roll = self.rng.random()
        if roll < 0.04:
            return None, ""
        day = self.day()
        if roll < 0.74:
            return day, Precision.DAY
        if roll < 0.92:
            return day.replace(day=1), Precision.MONTH
        return day.replace(month=1, day=1), Precision.YEAR

    def field_name(self, country: str) -> str:
        return self.rng.choice(synthetic.FIELDS if country == "VN" else synthetic.RU_FIELDS)

    def official_of(self, country: str) -> tuple[int, str]:
        return self.rng.choice(self.officials[country] or self.officials["VN"] or self.officials["RU"])

    def organization_of(self, country: str) -> tuple[int, str, str, str]:
        return self.rng.choice(self.organizations[country])

    def cite(self, obj: models.Model, content_type: ContentType, fields: list[str]) -> None:
        """One citation per record, a second now and then (never the same span twice)."""
        picked = self.rng.sample(self.articles, min(len(self.articles), 1 + (self.rng.random() < 0.2)))
        for article in picked:
            self.citations.append(
                Citation(
                    article_id=article.pk,
                    content_type=content_type,
                    object_id=obj.pk,
                    quote=article.quote,
                    start=article.start,
                    end=article.end,
                    fields=fields,
                )
            )

    def flush_citations(self) -> None:
        Citation.objects.bulk_create(self.citations, batch_size=BATCH)
        self.created["citations"] = self.created.get("citations", 0) + len(self.citations)
        self.citations = []

    def batches(self, name: str, total: int, build: Callable[[int], list]) -> None:
        """``build(i)`` makes the rows of record ``i`` and inserts nothing; each batch is saved at once."""
        done = 0
        while done < total:
            size = min(BATCH, total - done)
            with transaction.atomic():
                build_batch = [build(i) for i in range(done, done + size)]
                self.save(name, build_batch)
                self.flush_citations()
            done += size
            self.progress(f"{name}: {done}/{total}")
        self.created[name] = total

    def save(self, name: str, rows: list) -> None:
        getattr(self, f"save_{name}")(rows)

    # -- articles

    def make_articles(self, n: int, seed: int) -> None:
        hashes = set(Article.objects.values_list("content_hash", flat=True))
        keys = set(Article.objects.values_list("key", flat=True))
        texts = article_texts(n, seed=seed)
        done = 0
        while done < n:
            batch = []
            for name, text in (next(texts) for _ in range(min(BATCH, n - done))):
                key = f"{Path(name).stem}-s{seed}"
                digest = hashlib.sha256(text.encode()).hexdigest()
                while digest in hashes:
                    text += " "
                    digest = hashlib.sha256(text.encode()).hexdigest()
                if key in keys:
                    continue
                hashes.add(digest)
                keys.add(key)
                first = text.strip().split("\n")[0]
                start = len(text) - len(text.lstrip())
                sentence = SENTENCE_END.search(text, start)
                end = sentence.end() if sentence else len(text)
                batch.append(
                    Article(
                        key=key,
                        title=first[:120].rsplit(" ", 1)[0] + "…",
                        text=text,
                        dateline_place=self.rng.choice(synthetic.RU_CITIES + synthetic.VN_CITIES),
                        published_on=self.day(),
                        date_precision=Precision.DAY,
                        source_url=f"https://news.example.org/{key}",
                        content_hash=digest,
                        language="en",
                        imported_at=None,
                        needs_review=self.rng.random() < 0.05,
                    )
                )
            with transaction.atomic():
                Article.objects.bulk_create(batch, batch_size=BATCH)
            self.articles += [_Cite(a.pk, a.text[start:end], start, end) for a in batch]
            done += min(BATCH, n - done)
            self.progress(f"articles: {done}/{n}")
        self.created["articles"] = len(self.articles)

    # -- organizations: name, acronym, country, kind, parent (a ministry of the same country)

    def make_organizations(self, n: int) -> None:
        self.org_slugs = _Slugs(Organization)
        self.org_type = ContentType.objects.get_for_model(Organization)
        self.batches("organizations", n, self.build_organization)

    def build_organization(self, i: int):
        country = COUNTRIES[i % 2]
        pattern, kind = (
            self.rng.choice(ORGANIZATION_PATTERNS[country]) if i >= 2 else ORGANIZATION_PATTERNS[country][0]
        )
        name = pattern.format(field=self.field_name(country), city=self.rng.choice(CITIES[country]))
        acronym = "".join(w[0] for w in fold_key(name).split() if w not in {"of", "the", "on", "for"}).upper()
        ministries = [o for o in self.organizations[country][:200] if o[2] == Organization.Kind.MINISTRY]
        org = Organization(
            name=name,
            name_folded=fold_key(name),
            acronym=acronym[:30] if self.rng.random() < 0.5 else "",
            country=country,
            kind=kind,
            website=f"https://{slugify(fold(name))[:40]}.example.org" if self.rng.random() < 0.3 else "",
            **self.editorial(i),
        )
        org._parent = self.rng.choice(ministries)[0] if kind == "agency" and ministries else None
        org._alias = f"{fold(name).title()}" if self.rng.random() < 0.15 else ""
        return org

    def save_organizations(self, orgs: list[Organization]) -> None:
        for org in orgs:
            org.parent_id = org._parent
            org.search_text = fold(" ".join(w for w in [*org.local_search_words(), org._alias] if w))
            org.slug = self.org_slugs(org.slug_base())
        Organization.objects.bulk_create(orgs, batch_size=BATCH)
        aliases = [
            OrganizationAlias(organization_id=o.pk, name=o._alias, name_folded=fold_key(o._alias))
            for o in orgs
            if o._alias and fold_key(o._alias) != o.name_folded
        ]
        OrganizationAlias.objects.bulk_create(aliases, batch_size=BATCH)
        for org in orgs:
            self.organizations[str(org.country)].append((org.pk, org.name, org.kind, org.acronym))
            self.cite(org, self.org_type, ["name"])

    # -- officials: a name with its diacritics, a position at an organization, now and then an alias

    def make_officials(self, n: int) -> None:
        self.official_slugs = _Slugs(Official)
        self.official_type = ContentType.objects.get_for_model(Official)
        self.batches("officials", n, self.build_official)

    def build_official(self, i: int):
        country = "VN" if (i % 2 == 0 if i < 2 else self.rng.random() < 0.6) else "RU"
        name = synthetic.vietnamese_name(self.rng) if country == "VN" else synthetic.russian_name(self.rng)
        org_pk, org_name, *_ = self.organization_of(country)
        title = self.rng.choice(POSITIONS).format(field=self.field_name(country), org=org_name)
        official = Official(
            name=name,
            name_folded=fold_key(name),
            country=country,
            note=f"Served as {title.lower()}." if self.rng.random() < 0.3 else "",
            **self.editorial(i),
        )
        official._position = (title[:400], org_pk)
        official._alias = ""
        if self.rng.random() < 0.2:
            parts = name.split()
            official._alias = f"{parts[0][0]}. {parts[-1]}" if country == "RU" else f"{parts[-1]} {parts[0]}"
        return official

    def save_officials(self, officials: list[Official]) -> None:
        for o in officials:
            o.search_text = fold(
                " ".join(w for w in [*o.local_search_words(), o._alias, o._position[0]] if w)
            )
            o.slug = self.official_slugs(o.slug_base())
        Official.objects.bulk_create(officials, batch_size=BATCH)
        seen = self.day()
        Position.objects.bulk_create(
            [
                Position(
                    official_id=o.pk,
                    title=o._position[0],
                    organization_id=o._position[1],
                    first_seen=seen,
                    last_seen=seen + datetime.timedelta(days=self.rng.randint(0, 2000)),
                )
                for o in officials
            ],
            batch_size=BATCH,
        )
        OfficialAlias.objects.bulk_create(
            [
                OfficialAlias(official_id=o.pk, name=o._alias, name_folded=fold_key(o._alias), kind=kind)
                for o in officials
                if o._alias
                for kind in [
                    OfficialAlias.Kind.SHORT_FORM if "." in o._alias else OfficialAlias.Kind.SPELLING
                ]
                if fold_key(o._alias) != o.name_folded
            ],
            batch_size=BATCH,
        )
        for o in officials:
            self.officials[str(o.country)].append((o.pk, o.name))
            self.cite(o, self.official_type, ["name", "positions"])

    # -- delegations: a head and members from the sending side, bodies on both sides, dates over 30 years

    def make_delegations(self, n: int) -> None:
        self.delegation_slugs = _Slugs(Delegation)
        self.delegation_type = ContentType.objects.get_for_model(Delegation)
        self.batches("delegations", n, self.build_delegation)

    def build_delegation(self, i: int):
        origin = COUNTRIES[i % 2] if i < 2 else self.rng.choice(COUNTRIES)
        host = "RU" if origin == "VN" else "VN"
        start, precision = self.partial_date()
        end, end_precision = None, ""
        if start and precision == Precision.DAY and self.rng.random() < 0.7:
            end, end_precision = start + datetime.timedelta(days=self.rng.randint(1, 9)), Precision.DAY
        head = self.official_of(origin) if self.rng.random() < 0.92 else None
        members = _distinct(self.official_of(origin) for _ in range(self.rng.randint(0, 4)))
        members = [m for m in members if m != head]
        sending = self.organization_of(origin) if self.rng.random() < 0.8 else None
        hosting = self.organization_of(host) if self.rng.random() < 0.6 else None
        field_name = self.field_name(origin)
        delegation = Delegation(
            title=f"Working visit of the {sending[1]}" if sending and self.rng.random() < 0.3 else "",
            from_country=origin,
            to_country=host,
            head_id=head[0] if head else None,
            sending_body_id=sending[0] if sending else None,
            host_body_id=hosting[0] if hosting else None,
            start_date=start,
            start_precision=precision,
            end_date=end,
            end_precision=end_precision,
            place=self.rng.choice(CITIES[host]) if self.rng.random() < 0.85 else "",
            purpose=f"To promote cooperation in {field_name.lower()}." if self.rng.random() < 0.7 else "",
            primary=self.rng.random() < 0.9,
            **self.editorial(i),
        )
        # The words of related_search_words(), from the names at hand (it would load them one by one).
        words = [*delegation.local_search_words(), *(x[1] for x in (sending, hosting, head) if x)]
        words += [m[1] for m in members]
        delegation.search_text = fold(" ".join(w for w in words if w))
        delegation._members = [m[0] for m in members]
        return delegation

    def save_delegations(self, delegations: list[Delegation]) -> None:
        for d in delegations:
            d.slug = self.delegation_slugs(d.slug_base())
        Delegation.objects.bulk_create(delegations, batch_size=BATCH)
        Through = Delegation.members.through
        Through.objects.bulk_create(
            [Through(delegation_id=d.pk, official_id=m) for d in delegations for m in d._members],
            batch_size=BATCH,
        )
        for d in delegations:
            self.delegations.append((d.pk, d.start_date, str(d.from_country), d.place))
            self.cite(d, self.delegation_type, ["from_country", "to_country", "head", "start_date"])

    # -- meetings: most during a delegation's visit, one participant from each side

    def make_meetings(self, n: int) -> None:
        self.meeting_slugs = _Slugs(Meeting)
        self.meeting_type = ContentType.objects.get_for_model(Meeting)
        self.batches("meetings", n, self.build_meeting)

    def build_meeting(self, i: int):
        delegation = self.rng.choice(self.delegations) if self.rng.random() < 0.8 else None
        if delegation and delegation[1]:
            day, precision = delegation[1] + datetime.timedelta(days=self.rng.randint(0, 3)), Precision.DAY
        else:
            day, precision = self.partial_date()
        origin = delegation[2] if delegation else self.rng.choice(COUNTRIES)
        guest, host = self.official_of(origin), self.official_of("RU" if origin == "VN" else "VN")
        participants = _distinct(
            [guest, host, *([self.official_of(origin)] if self.rng.random() < 0.3 else [])]
        )
        topics = ", ".join(f.lower() for f in self.rng.sample(synthetic.FIELDS, self.rng.randint(1, 3)))
        meeting = Meeting(
            title=f"Talks between {guest[1]} and {host[1]}" if self.rng.random() < 0.5 else "",
            date=day,
            date_precision=precision,
            place=(delegation[3] if delegation else "") or self.rng.choice(CITIES[origin]),
            delegation_id=delegation[0] if delegation else None,
            topics=f"Cooperation in {topics}.",
            **self.editorial(i),
        )
        words = [*meeting.local_search_words(), *(p[1] for p in participants)]
        meeting.search_text = fold(" ".join(w for w in words if w))
        meeting._participants = [p[0] for p in participants]
        return meeting

    def save_meetings(self, meetings: list[Meeting]) -> None:
        for m in meetings:
            m.slug = self.meeting_slugs(m.slug_base())
        Meeting.objects.bulk_create(meetings, batch_size=BATCH)
        Through = Meeting.participants.through
        Through.objects.bulk_create(
            [Through(meeting_id=m.pk, official_id=p) for m in meetings for p in m._participants],
            batch_size=BATCH,
        )
        for m in meetings:
            self.meetings.append((m.pk, m.date, m.delegation_id))
            self.cite(m, self.meeting_type, ["date", "participants"])

    # -- agreements: every kind and state, parties and signatories from both sides

    def make_agreements(self, n: int) -> None:
        self.agreement_slugs = _Slugs(Agreement)
        self.agreement_type = ContentType.objects.get_for_model(Agreement)
        self.batches("agreements", n, self.build_agreement)

    def build_agreement(self, i: int):
        states, kinds = AgreementState.values, list(DOCUMENT_KINDS.items())
        state = states[i % len(states)] if i < len(states) else self.rng.choice(states)
        document, kind = kinds[i % len(kinds)] if i < len(kinds) else self.rng.choice(kinds)
        meeting = self.rng.choice(self.meetings) if self.meetings and self.rng.random() < 0.5 else None
        signed, precision = (meeting[1], Precision.DAY) if meeting and meeting[1] else self.partial_date()
        if state in (AgreementState.PROPOSED, AgreementState.DRAFT):
            signed, precision = None, ""
        year = (signed or self.day()).year
        first, last = year + self.rng.randint(0, 1), year + self.rng.randint(2, 5)
        field_name = self.field_name("VN").lower()
        parties = [self.organization_of("VN"), self.organization_of("RU")]
        signatories = [self.official_of("VN"), self.official_of("RU")] if signed else []
        agreement = Agreement(
            title=f"{document.capitalize()} in the field of {field_name}",
            kind=kind,
            state=state,
            signed_on=signed,
            signed_precision=precision,
            signed_place=self.rng.choice(CITIES[self.rng.choice(COUNTRIES)]) if signed else "",
            period_start=first,
            period_end=last,
            party_countries=["RU", "VN"] if kind == AgreementKind.TREATY else [],
            delegation_id=meeting[2] if meeting else None,
            meeting_id=meeting[0] if meeting else None,
            primary=self.rng.random() < 0.85,
            **self.editorial(i),
        )
        words = [*agreement.local_search_words(), *(w for p in parties for w in (p[1], p[3]))]
        words += [s[1] for s in signatories]
        agreement.search_text = fold(" ".join(w for w in words if w))
        agreement._parties = [p[0] for p in parties]
        agreement._signatories = [s[0] for s in signatories]
        return agreement

    def save_agreements(self, agreements: list[Agreement]) -> None:
        for a in agreements:
            a.slug = self.agreement_slugs(a.slug_base())
        Agreement.objects.bulk_create(agreements, batch_size=BATCH)
        Parties, Signatories = Agreement.parties.through, Agreement.signatories.through
        Parties.objects.bulk_create(
            [Parties(agreement_id=a.pk, organization_id=p) for a in agreements for p in a._parties],
            batch_size=BATCH,
        )
        Signatories.objects.bulk_create(
            [Signatories(agreement_id=a.pk, official_id=s) for a in agreements for s in a._signatories],
            batch_size=BATCH,
        )
        for a in agreements:
            self.cite(a, self.agreement_type, ["title", "signed_on", "parties"])


def _distinct(items) -> list:
    """Items in order, each once (a set's order would follow primary keys, and so vary between runs)."""
    return list(dict.fromkeys(items))


def generate_data(
    *, scale: int, seed: int = 1, progress: Callable[[str], None] | None = None
) -> dict[str, int]:
    """N delegations, N meetings, N/2 officials, N/3 agreements, N/20 organizations, N/4 articles, citations.

    Reproducible for a seed: the same names, dates, statuses and links (primary keys aside). Rows go in
    with ``bulk_create``, so ``slug``, ``search_text`` and ``name_folded`` are filled here, as ``save()``
    would fill them. Returns the number of rows created of each kind.
    """
    counts = counts_for(scale)
    gen = _Generator(rng=random.Random(seed), progress=progress or (lambda message: None))
    gen.make_articles(counts["articles"], seed)
    gen.make_organizations(counts["organizations"])
    gen.make_officials(counts["officials"])
    gen.make_delegations(counts["delegations"])
    gen.make_meetings(counts["meetings"])
    gen.make_agreements(counts["agreements"])
    analyze()
    return gen.created


def analyze() -> None:
    """Planner statistics after a bulk load, as PostgreSQL's autovacuum would gather them in time."""
    if connection.vendor == "sqlite":
        update_planner_statistics(connection.alias)
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def holds_records() -> bool:
    return Article.objects.exists() or any(model._default_manager.exists() for model in CURATED)


# ---------------------------------------------------------------- measuring


def trivial(request):
    """The benchmark's baseline: the same gunicorn and middleware, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0-100) with linear interpolation; the median for p=50."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class Timing:
    name: str
    url: str
    kind: str  # trivial, list, filtered, last, detail, search, admin
    seconds: list[float] = field(default_factory=list)
    status: int = 0
    size: int = 0

    @property
    def p50_ms(self) -> float:
        return percentile(self.seconds, 50) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.seconds, 95) * 1000


def http_get(port: int, url: str, *, cookie: str = "", timeout: float = 120) -> tuple[int, int, float]:
    """GET ``url`` from 127.0.0.1:port on a new connection; the status, body size and seconds taken."""
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "identity"}
    if cookie:
        headers["Cookie"] = cookie
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", url, headers=headers)
        response = conn.getresponse()
        size = len(response.read())
    finally:
        conn.close()
    return response.status, size, time.perf_counter() - started


def measure(port: int, timings: list[Timing], *, rounds: int, warmup: int = 2, cookie: str = "") -> None:
    """Round-robin over every URL ``rounds`` times, so that noise on the machine hits them all alike."""
    for _ in range(warmup):
        for t in timings:
            t.status, t.size, _ = http_get(port, t.url, cookie=cookie if t.kind == "admin" else "")
    for _ in range(rounds):
        for t in timings:
            status, size, seconds = http_get(port, t.url, cookie=cookie if t.kind == "admin" else "")
            t.status, t.size = status, size
            t.seconds.append(seconds)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gunicorn:
    """gunicorn with the production config, one sync worker on loopback, the benchmark's settings."""

    def __init__(self, *, workers: int = 1, log: Path):
        self.port = free_port()
        self.log = log
        self.workers = workers
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        root = Path(__file__).resolve().parent.parent
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.benchmark_settings"}
        command = [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--config", str(root / "config" / "gunicorn.conf.py"),
            "--env", "DJANGO_SETTINGS_MODULE=config.benchmark_settings",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
            "--worker-class", "sync", "--max-requests", "0", "--timeout", "300",
            "--access-logfile", "/dev/null",
        ]  # fmt: skip
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, cwd=root, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}); see {self.log}")
            try:
                if http_get(self.port, "/__trivial__/", timeout=5)[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer within 60 s; see {self.log}")

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# ---------------------------------------------------------------- tables


def table(rows: list[list], headers: list[str]) -> list[str]:
    """Plain text columns: the first left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row):
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    return [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(row) for row in cells[1:]]


# ---------------------------------------------------------------- the benchmark


LIST_ROUTES = {
    "delegations": "relations:delegation-list",
    "meetings": "relations:meeting-list",
    "officials": "people:official-list",
    "organizations": "people:organization-list",
    "agreements": "agreements:agreement-list",
}
LIST_MODELS = {
    "delegations": Delegation,
    "meetings": Meeting,
    "officials": Official,
    "organizations": Organization,
    "agreements": Agreement,
}
# The one row left published when counting queries for 1 row: one whose relations are all there, so
# that every prefetch of the page still runs.
FULL_ROW = {
    "delegations": {"head__isnull": False, "sending_body__isnull": False, "host_body__isnull": False},
    "meetings": {"delegation__isnull": False},
    "officials": {"positions__isnull": False},
    "organizations": {"parent__isnull": False},
    "agreements": {"parties__isnull": False},
}
TARGETS = {
    "list_p50_ratio": ("<=", 2),
    "search_p50_ratio": ("<=", 2),
    "queries_constant": ("==", True),
    "csv_export_speedup": (">=", 3),
    "csv_export_peak_mb": ("<=", 32),
}
LIST_KINDS = ("list", "filtered", "last")
PAGE = 25  # rows on a public list page
ADMIN_USER = "benchmark-admin"


def serving_settings():
    """In-process requests as gunicorn serves them: DEBUG off (no query log), plain HTTP, no manifest."""
    from django.conf import settings
    from django.test import override_settings

    return override_settings(
        DEBUG=False,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver", "127.0.0.1"],
        SECURE_SSL_REDIRECT=False,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )


def page_timings() -> list[Timing]:
    """The pages to time, picked from the data: lists (plain, filtered, last page), details, searches."""
    from urllib.parse import urlencode

    from django.urls import reverse

    def url(route, **params):
        path = reverse(route)
        return f"{path}?{urlencode(params)}" if params else path

    delegation = _middle(Delegation.objects.published().filter(**FULL_ROW["delegations"]))
    official = _middle(Official.objects.published().filter(positions__isnull=False))
    year = delegation.start_date.year if delegation and delegation.start_date else 2010
    timings = [Timing("trivial view", "/__trivial__/", "trivial")]
    filtered = {
        "delegations": {"from_country": "VN", "to_country": "RU", "year": year},
        "meetings": {"year": year},
        "officials": {"country": "RU"},
        "organizations": {"country": "VN", "kind": "ministry"},
        "agreements": {"state": "signed", "kind": "memorandum"},
    }
    for name, route in LIST_ROUTES.items():
        timings.append(Timing(f"{name} list", url(route), "list"))
        timings.append(Timing(f"{name} filtered", url(route, **filtered[name]), "filtered"))
        timings.append(Timing(f"{name} last page", url(route, page="last"), "last"))
    if official:
        by_official = url(LIST_ROUTES["delegations"], official=official.slug)
        timings.append(Timing("delegations by official", by_official, "filtered"))
    if delegation:
        timings.append(Timing("delegation detail", delegation.get_absolute_url(), "detail"))
    if official:
        timings.append(Timing("official detail", official.get_absolute_url(), "detail"))
    timings.append(Timing("search delegations 'Đặng'", url(LIST_ROUTES["delegations"], q="Đặng"), "search"))
    timings.append(
        Timing("search officials 'Nguyễn Văn'", url(LIST_ROUTES["officials"], q="Nguyễn Văn"), "search")
    )
    if official:
        rare = fold(official.name)  # no diacritics: the folded search must still find it
        timings.append(
            Timing(f"search delegations '{rare}'", url(LIST_ROUTES["delegations"], q=rare), "search")
        )
    timings.append(Timing("admin delegations", "/admin/relations/delegation/", "admin"))
    timings.append(Timing("admin officials", "/admin/people/official/", "admin"))
    timings.append(Timing("admin search 'dang'", "/admin/relations/delegation/?q=dang", "admin"))
    return timings


def _middle(queryset):
    n = queryset.count()
    return queryset.order_by("pk")[n // 2] if n else None


def admin_cookie() -> str:
    """A superuser's session, made directly (a login through the test Client does not cross processes)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = get_user_model().objects.get_or_create(
        username=ADMIN_USER, defaults={"is_staff": True, "is_superuser": True}
    )
    user.set_unusable_password()
    user.save()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def remove_admin() -> None:
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    Session.objects.all().delete()
    get_user_model().objects.filter(username=ADMIN_USER).delete()


class _Rollback(Exception):
    pass


def count_queries(client, url: str) -> int:
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (content types, ...) so that both counts see the same state
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return len(captured)


def queries_per_page() -> tuple[dict[str, int], dict[str, int]]:
    """Queries of each list's first page with one published row and with a full page of them.

    The rows kept published (the others are unpublished inside a transaction that is rolled back) have
    all their relations, so every prefetch runs in both cases: a prefetch with nothing to fetch runs no
    query, and would make the counts differ for a reason that has nothing to do with N+1.
    """
    from django.test import Client
    from django.urls import reverse

    client = Client()
    one, many = {}, {}
    for name, route in LIST_ROUTES.items():
        url = reverse(route)
        published = LIST_MODELS[name].objects.published()
        full = list(published.filter(**FULL_ROW[name]).order_by("pk").values_list("pk", flat=True)[:PAGE])
        full = full or list(published.order_by("pk").values_list("pk", flat=True)[:PAGE])
        if not full:
            continue
        for counts, keep in ((many, full), (one, full[:1])):
            try:
                with transaction.atomic():
                    published.exclude(pk__in=keep).update(status=Status.REVIEW)
                    counts[name] = count_queries(client, url)
                    raise _Rollback
            except _Rollback:
                pass
    return one, many


def csv_export(progress: Callable[[str], None]) -> dict:
    """All published delegations as CSV: our streamed export (through the view, in-process), then
    django-import-export's ``Resource.export()`` + ``.csv`` over the same queryset."""
    import tracemalloc

    from django.db.models import Prefetch
    from django.test import Client
    from django.urls import reverse

    from relations.filters import published_officials
    from relations.resources import DelegationResource
    from relations.views import delegation_queryset

    rows = delegation_queryset().count()
    client = Client()
    url = reverse("relations:delegation-export")

    def ours() -> tuple[int, int]:
        response = client.get(url)
        size = lines = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            lines += chunk.count(b"\n")
        response.close()
        return size, lines

    started = time.perf_counter()
    size, lines = ours()
    ours_s = time.perf_counter() - started
    progress(f"our CSV export: {rows} rows in {ours_s:.1f} s")
    tracemalloc.start()
    try:
        ours()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The view's queryset, with the published-only relations the resource reads (the view's Prefetches
    # give head and bodies; members and citations are added here): the same rows, in the same order.
    queryset = (
        delegation_queryset()
        .with_sources()
        .prefetch_related(Prefetch("members", queryset=published_officials()))
    )
    started = time.perf_counter()
    text = DelegationResource().export(queryset).csv
    theirs_s = time.perf_counter() - started
    progress(f"django-import-export: {rows} rows in {theirs_s:.1f} s")
    return {
        "csv_export_rows": rows,
        "csv_export_lines": lines - 1,
        "csv_export_bytes": size,
        "csv_export_seconds": round(ours_s, 2),
        "csv_export_rows_per_s": round(rows / ours_s, 1),
        "csv_export_peak_mb": round(peak / 2**20, 2),
        "import_export_seconds": round(theirs_s, 2),
        "import_export_rows_per_s": round(rows / theirs_s, 1),
        "import_export_bytes": len(text.encode()),
        "csv_export_speedup": round(theirs_s / ours_s, 2),
    }


def import_rate(n: int, *, seed: int, folder: Path) -> dict:
    """``import_articles`` over ``n`` generated article files, in a dry run (the data stay as they are)."""
    from relations.importing.run import import_articles

    write_articles(folder, n, seed=seed)
    try:
        report = import_articles(paths=[folder], dry_run=True)
    except Exception as error:  # the extractor is being built: report what it gives
        return {"import_articles": n, "import_articles_per_s": None, "import_error": repr(error)[:500]}
    return {
        "import_articles": n,
        "import_articles_per_s": round(report.readable / report.elapsed, 1) if report.elapsed else None,
        "import_failed": len(report.failed),
        "import_first_failure": " ".join(report.failed[0])[:300] if report.failed else "",
        "import_records_proposed": dict(report.created),
    }


def check_targets(results: dict) -> dict[str, bool]:
    checks = {}
    for key, (op, goal) in TARGETS.items():
        value = results.get(key)
        if value is None:
            checks[key] = False
        elif op == "<=":
            checks[key] = value <= goal
        elif op == ">=":
            checks[key] = value >= goal
        else:
            checks[key] = value == goal
    return checks


def run_benchmark(
    *,
    scale: int,
    seed: int,
    reuse: bool,
    rounds: int,
    import_articles: int,
    work: Path,
    progress: Callable[[str], None],
) -> dict:
    """Generate (unless reused), then measure: queries, CSV export, pages over HTTP, import."""
    import warnings

    # WhiteNoise warns that STATIC_ROOT is missing: the benchmark serves no static files.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    results: dict = {"database": connection.vendor, "seed": seed}
    if holds_records():
        if not reuse:
            raise ValueError(
                "the database already holds records: point DATABASE_URL at an empty one, or --reuse"
            )
        progress("reusing the records in the database")
        results["generate_seconds"] = None
    else:
        started = time.perf_counter()
        results["generated"] = generate_data(scale=scale, seed=seed, progress=progress)
        results["generate_seconds"] = round(time.perf_counter() - started, 1)
        progress(f"generated in {results['generate_seconds']} s")
    results["scale"] = Delegation.objects.count()
    results["records"] = {name: model.objects.count() for name, model in LIST_MODELS.items()}
    results["published"] = {name: model.objects.published().count() for name, model in LIST_MODELS.items()}

    with serving_settings():
        one, many = queries_per_page()
        results.update(queries_1_row=one, queries_n_rows=many, queries_constant=bool(one) and one == many)
        progress(f"queries per page: 1 row {one}, N rows {many}")
        results.update(csv_export(progress))

    timings = page_timings()
    cookie = admin_cookie()
    try:
        with Gunicorn(log=work / "gunicorn.log") as server:
            progress(f"gunicorn on 127.0.0.1:{server.port}: {len(timings)} URLs x {rounds} rounds")
            measure(server.port, timings, rounds=rounds, cookie=cookie)
    finally:
        remove_admin()
    bad = [f"{t.url} -> {t.status}" for t in timings if t.status != 200]
    if bad:
        raise RuntimeError("pages did not answer 200: " + ", ".join(bad))
    trivial_ms = next(t for t in timings if t.kind == "trivial").p50_ms
    results["pages"] = [
        {
            "name": t.name,
            "url": t.url,
            "kind": t.kind,
            "p50_ms": round(t.p50_ms, 2),
            "p95_ms": round(t.p95_ms, 2),
            "p50_ratio": round(t.p50_ms / trivial_ms, 2),
            "bytes": t.size,
        }
        for t in timings
    ]
    results["rounds"] = rounds
    results["trivial_p50_ms"] = round(trivial_ms, 2)

    def worst(kinds):
        return round(max(t.p50_ms for t in timings if t.kind in kinds) / trivial_ms, 2)

    results["list_p50_ratio"] = worst(LIST_KINDS)
    results["search_p50_ratio"] = worst(("search",))
    results["detail_p50_ratio"] = worst(("detail",))
    results["admin_p50_ratio"] = worst(("admin",))

    with serving_settings():
        results.update(import_rate(import_articles, seed=seed + 1000, folder=work / "articles"))
    progress(f"import: {results.get('import_articles_per_s')} articles/s")
    results["targets"] = check_targets(results)
    return results


def report_lines(results: dict) -> list[str]:
    """The benchmark's tables: each page's latency, then the numbers with their targets."""
    lines = [
        f"database {results['database']}, N = {results['scale']} delegations "
        f"({', '.join(f'{v} {k}' for k, v in results['records'].items())}), {results['rounds']} rounds",
        "",
    ]
    lines += table(
        [
            [
                p["name"],
                p["kind"],
                f"{p['p50_ms']:.1f}",
                f"{p['p95_ms']:.1f}",
                f"{p['p50_ratio']:.1f}",
                f"{p['bytes'] / 1024:.0f}",
            ]
            for p in results["pages"]
        ],  # fmt: skip
        ["page", "kind", "p50 ms", "p95 ms", "p50 / trivial", "KiB"],
    )
    lines.append("")
    rows = [
        [key, results.get(key), f"{TARGETS[key][0]} {TARGETS[key][1]}", "ok" if ok else "MISSED"]
        for key, ok in results["targets"].items()
    ]
    rows += [
        ["detail_p50_ratio", results["detail_p50_ratio"], "", ""],
        ["admin_p50_ratio", results["admin_p50_ratio"], "", ""],
        ["queries_1_row", " ".join(f"{k[:5]}={v}" for k, v in results["queries_1_row"].items()), "", ""],
        ["queries_n_rows", " ".join(f"{k[:5]}={v}" for k, v in results["queries_n_rows"].items()), "", ""],
        ["csv_export_rows_per_s", results["csv_export_rows_per_s"], "", ""],
        ["import_export_rows_per_s", results["import_export_rows_per_s"], "", ""],
        [
            "import_articles_per_s",
            results.get("import_articles_per_s"),
            "",
            (results.get("import_error") or results.get("import_first_failure") or "")[:60],
        ],
        ["generate_seconds", results.get("generate_seconds"), "", ""],
    ]
    lines += table(rows, ["measure", "value", "target", ""])
    return lines
