"""Synthetic data at scale: article files for the import benchmark, and records for ``generate_data``.

Records are built in Python a batch at a time and bulk-inserted, reproducible from a seed, with every
status, flag, partial date and relation the real data has.
"""

from __future__ import annotations

import datetime
import hashlib
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from agreements.models import Agreement, AgreementKind, AgreementState
from people.models import Official, OfficialAlias, Organization, OrganizationAlias, Position
from relations.editorial.search import fold, fold_key, update_planner_statistics
from relations.editorial.vocabulary import Flag, Precision, Status
from relations.models import Article, Citation, Delegation, Meeting
from relations.scale import synthetic

SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
BATCH = 2000  # rows built in Python, then inserted, at a time
CURATED = (Organization, Official, Delegation, Meeting, Agreement)
STATUSES = (Status.PUBLISHED, Status.DRAFT, Status.REVIEW, Status.ARCHIVED)
STATUS_WEIGHTS = (70, 15, 10, 5)  # most records are published; every status occurs
FIRST_DAY, LAST_DAY = datetime.date(1995, 1, 1), datetime.date(2025, 12, 31)
#: The flags a generated draft may carry: the importer's own (five, so a seed draws as it always has).
FLAGS = tuple(
    flag.value
    for flag in (
        Flag.YEAR_INFERRED, Flag.COUNTRY_GUESSED, Flag.DATE_CONFLICT, Flag.IN_PASSING, Flag.DATE_MISSING,
    )
)  # fmt: skip
COUNTRIES = ("VN", "RU")
CITIES = {"VN": synthetic.VN_CITIES, "RU": synthetic.RU_CITIES}
#: Each kind of organization with its name in each country (the first, a ministry, is drawn first).
ORGANIZATION_KINDS = (
    (Organization.Kind.MINISTRY, "Ministry of {field}", "Ministry of {field} of the Russian Federation"),
    (Organization.Kind.AGENCY, "Department of {field} of {city}", "Federal Agency for {field}"),
    (Organization.Kind.GOVERNMENT, "People's Committee of {city}", "Government of {city}"),
    (Organization.Kind.ACADEMIC, "{city} University of {field}", "{city} State University of {field}"),
    (Organization.Kind.COMPANY, "Việt Nam {field} Corporation", "{city} {field} Company"),
    (
        Organization.Kind.PARTY,
        "Communist Party of Việt Nam, {city} Committee",
        "United Russia, {city} Branch",
    ),
    (
        Organization.Kind.PARLIAMENT,
        "National Assembly Committee on {field}",
        "State Duma Committee on {field}",
    ),
    (
        Organization.Kind.OTHER,
        "Việt Nam–Russia Friendship Association of {city}",
        "Russia–Việt Nam Friendship Society of {city}",
    ),
)
ORGANIZATION_PATTERNS = {
    country: tuple((names[i], kind) for kind, *names in ORGANIZATION_KINDS)
    for i, country in enumerate(COUNTRIES)
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
    slugs: dict[type[models.Model], _Slugs] = field(default_factory=dict)

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
            "published_at": timezone.now() if status in (Status.PUBLISHED, Status.ARCHIVED) else None,
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

    def cite(self, obj: models.Model, fields: list[str]) -> None:
        """One citation per record, a second now and then (never the same span twice)."""
        content_type = ContentType.objects.get_for_model(type(obj))  # cached after the first
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

    def make(self, name: str, model: type[models.Model], n: int, build: Callable[[int], list]) -> None:
        """``n`` records of ``model``: ``build_<kind>(i)`` makes one, ``save_<name>`` saves a batch."""
        self.slugs[model] = _Slugs(model)
        self.batches(name, n, build)

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
            org.slug = self.slugs[Organization](org.slug_base())
        Organization.objects.bulk_create(orgs, batch_size=BATCH)
        aliases = [
            OrganizationAlias(organization_id=o.pk, name=o._alias, name_folded=fold_key(o._alias))
            for o in orgs
            if o._alias and fold_key(o._alias) != o.name_folded
        ]
        OrganizationAlias.objects.bulk_create(aliases, batch_size=BATCH)
        for org in orgs:
            self.organizations[str(org.country)].append((org.pk, org.name, org.kind, org.acronym))
            self.cite(org, ["name"])

    # -- officials: a name with its diacritics, a position at an organization, now and then an alias

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
            o.slug = self.slugs[Official](o.slug_base())
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
            self.cite(o, ["name", "positions"])

    # -- delegations: a head and members from the sending side, bodies on both sides, dates over 30 years

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

    def save_linked(self, records: list, links: dict) -> None:
        """Slugs, the records in bulk, then their many-to-many links in bulk: ``links`` maps a relation
        (``Delegation.members``) to the attribute that lists each record's linked primary keys."""
        if not records:
            return
        model = type(records[0])
        for record in records:
            record.slug = self.slugs[model](record.slug_base())
        model.objects.bulk_create(records, batch_size=BATCH)
        for relation, attribute in links.items():
            m2m, Through = relation.field, relation.through
            source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
            Through.objects.bulk_create(
                [Through(**{source: r.pk, target: pk}) for r in records for pk in getattr(r, attribute)],
                batch_size=BATCH,
            )

    def save_delegations(self, delegations: list[Delegation]) -> None:
        self.save_linked(delegations, {Delegation.members: "_members"})
        for d in delegations:
            self.delegations.append((d.pk, d.start_date, str(d.from_country), d.place))
            self.cite(d, ["from_country", "to_country", "head", "start_date"])

    # -- meetings: most during a delegation's visit, one participant from each side

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
        self.save_linked(meetings, {Meeting.participants: "_participants"})
        for m in meetings:
            self.meetings.append((m.pk, m.date, m.delegation_id))
            self.cite(m, ["date", "participants"])

    # -- agreements: every kind and state, parties and signatories from both sides

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
        links = {Agreement.parties: "_parties", Agreement.signatories: "_signatories"}
        self.save_linked(agreements, links)
        for a in agreements:
            self.cite(a, ["title", "signed_on", "parties"])


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
    gen.make("organizations", Organization, counts["organizations"], gen.build_organization)
    gen.make("officials", Official, counts["officials"], gen.build_official)
    gen.make("delegations", Delegation, counts["delegations"], gen.build_delegation)
    gen.make("meetings", Meeting, counts["meetings"], gen.build_meeting)
    gen.make("agreements", Agreement, counts["agreements"], gen.build_agreement)
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
