"""Entity resolution: which official or organization already in the database a proposal names.

Everything matching needs is loaded once per run (one query per table), kept in memory and grown as
the run creates records, so the queries an article costs do not grow with the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from relations.editorial.search import fold_key
from relations.editorial.similarity import words_close

# A token shared by more records than this says little about identity ("nguyen", "van").
COMMON_TOKEN = 200
CHUNK = 10_000  # rows fetched at a time when loading


@dataclass(frozen=True, slots=True)
class Match:
    pk: int
    certain: bool
    reason: str = ""


def _tokens(name: str) -> list[str]:
    return fold_key(name).split()


def _close(a: str, b: str) -> bool:
    return words_close(a, b)


def compare_names(a: str, b: str) -> str | None:
    """How two personal names relate: "same", "likely" or None.

    "same": the same words in any order ("Kolokoltsev Vladimir Alexandrovich" / "Vladimir Alexandrovich
    Kolokoltsev"), or a shorter form that keeps the first and last words ("Vladimir Kolokoltsev").
    "likely": every word pairs with one of the other name's, allowing small slips ("Nguen Van Phong").
    """
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) < 2 or len(tb) < 2:
        return None
    if sorted(ta) == sorted(tb):
        return "same"
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if set(short) <= set(long_) and {short[0], short[-1]} <= {long_[0], long_[-1]}:
        return "same"
    free = list(long_)
    for t in short:
        partner = next((u for u in free if _close(t, u)), None)
        if partner is None:
            return None
        free.remove(partner)
    if len(short) != len(long_) and len(short) < 2:
        return None
    return "likely"


@dataclass
class _Index:
    names: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # folded key -> pks
    tokens: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    forms: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # pk -> folded keys
    country: dict[int, str] = field(default_factory=dict)

    def add(self, pk: int, name: str, country: str | None = None, *, key: str | None = None) -> None:
        """Index ``name`` for ``pk``; ``key``: its ``fold_key()`` when already known (``name_folded``)."""
        key = fold_key(name) if key is None else key
        if not key:
            return
        self.names[key].add(pk)
        self.forms[pk].add(key)
        for token in key.split():
            self.tokens[token].add(pk)
        if country:
            self.country.setdefault(pk, country)

    def add_folded(self, rows) -> None:
        """:meth:`add` for many ``(pk, fold_key(name), country)`` rows, as stored (``name_folded``): the
        loop :meth:`Resolver.load` runs over every official and organization, so it makes no call a row."""
        names, forms, tokens, countries = self.names, self.forms, self.tokens, self.country
        for pk, key, country in rows:
            if not key:
                continue
            names[key].add(pk)
            forms[pk].add(key)
            for token in key.split():
                tokens[token].add(pk)
            if country and pk not in countries:
                countries[pk] = country

    def compatible(self, pk: int, country: str | None) -> bool:
        known = self.country.get(pk)
        return not (known and country and known != country)


def _rows(model, *names: str):
    """The columns ``names`` of every row of ``model``, unordered, streamed ``CHUNK`` rows at a time."""
    from django.db import connections, router

    connection = connections[router.db_for_write(model)]  # what the import's transaction sees
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {quote(model._meta.db_table)}")
        while rows := cursor.fetchmany(CHUNK):
            yield from rows


class Resolver:
    def __init__(self) -> None:
        self.officials = _Index()
        self.organizations = _Index()
        self.acronyms: dict[tuple[str, str], set[int]] = defaultdict(set)
        # (period_start, period_end) -> folded title -> the first agreement's pk; read per period, once.
        self.agreement_titles: dict[tuple[int | None, int | None], dict[str, int]] = {}
        # The agreements the run wrote, by period: a period read later may not hold them yet (an import's
        # batch writes its records when it ends).
        self.agreements_added: dict[tuple[int | None, int | None], dict[str, int]] = defaultdict(dict)

    @classmethod
    def load(cls) -> Resolver:
        from people.models import Official, OfficialAlias, Organization, OrganizationAlias

        resolver = cls()
        # name_folded is fold_key(name), written by every save: folding 100,000 names again cost seconds.
        # Unordered: the index is sets, and sorting every name first cost more than reading them.
        # Plain columns read on the cursor: the ORM's rows cost several times as much at 100,000 names.
        officials, organizations = resolver.officials, resolver.organizations
        officials.add_folded(_rows(Official, "id", "name_folded", "country"))
        officials.add_folded((pk, key, None) for pk, key in _rows(OfficialAlias, "official", "name_folded"))
        rows = list(_rows(Organization, "id", "name_folded", "acronym", "country"))
        organizations.add_folded((pk, key, country) for pk, key, _, country in rows)
        for pk, _, acronym, country in rows:
            if acronym:
                resolver.acronyms[(acronym.upper(), country or "")].add(pk)
        aliases = _rows(OrganizationAlias, "organization", "name_folded")
        organizations.add_folded((pk, key, None) for pk, key in aliases)
        return resolver

    # ---------------------------------------------------------------- officials

    def add_official(self, pk: int, names: list[str], country: str | None) -> None:
        for name in names:
            self.officials.add(pk, name, country)

    def match_official(self, names: list[str], country: str | None) -> Match | None:
        """The known official that ``names`` (a name and its aliases) refer to, if any.

        Single words ("Tan") never match across articles: they are too ambiguous.
        """
        index = self.officials
        full = [n for n in names if len(_tokens(n)) >= 2]
        for name in full:
            hits = [pk for pk in index.names.get(fold_key(name), ()) if index.compatible(pk, country)]
            if hits:
                return Match(min(hits), certain=True, reason=f"same name as {name!r}")
        best: Match | None = None
        for name in full:
            for pk in self._candidates(index, name):
                if not index.compatible(pk, country):
                    continue
                for form in index.forms[pk]:
                    relation = compare_names(name, form)
                    if relation == "same":
                        return Match(pk, certain=True, reason=f"{name!r} is a form of {form!r}")
                    if relation == "likely" and best is None:
                        best = Match(pk, certain=False, reason=f"{name!r} looks like {form!r}")
        return best

    @staticmethod
    def _candidates(index: _Index, name: str) -> set[int]:
        counts: dict[int, int] = defaultdict(int)
        for token in set(_tokens(name)):
            pks = index.tokens.get(token, ())
            if len(pks) > COMMON_TOKEN:
                continue
            for pk in pks:
                counts[pk] += 1
        # Also reach names with a slip in a rare word: "Nguen Van Phong" has "phong".
        return {pk for pk, n in counts.items() if n >= 1}

    # ---------------------------------------------------------------- organizations

    def add_organization(
        self, pk: int, name: str, *, acronym: str = "", country: str | None = None, aliases=()
    ) -> None:
        self.organizations.add(pk, name, country)
        for alias in aliases:
            self.organizations.add(pk, alias, country)
        if acronym:
            self.acronyms[(acronym.upper(), country or "")].add(pk)

    def match_organization(
        self, name: str, *, acronym: str = "", country: str | None = None, aliases=()
    ) -> Match | None:
        index = self.organizations
        for form in [name, *aliases]:
            hits = [pk for pk in index.names.get(fold_key(form), ()) if index.compatible(pk, country)]
            if hits:
                return Match(min(hits), certain=True, reason=f"same name as {form!r}")
        if acronym:
            hits = self.acronyms.get((acronym.upper(), country or ""), set())
            if hits:
                return Match(min(hits), certain=False, reason=f"same acronym {acronym!r}")
        return None

    # ---------------------------------------------------------------- agreements

    def match_agreement(self, title: str, period_start: int | None, period_end: int | None) -> int | None:
        """The agreement with the same period and the same words in its title (the same document another
        article reported), by pk. A period's titles are read once a run, streamed (a common period holds
        thousands of agreements at scale), and grow with the agreements the run writes."""
        titles = self._titles(period_start, period_end)
        return titles.get(fold_key(title))

    def add_agreement(self, pk: int, title: str, period_start: int | None, period_end: int | None) -> None:
        self.agreements_added[(period_start, period_end)].setdefault(fold_key(title), pk)
        if (period_start, period_end) in self.agreement_titles:
            self.agreement_titles[(period_start, period_end)].setdefault(fold_key(title), pk)

    def _titles(self, period_start: int | None, period_end: int | None) -> dict[str, int]:
        from agreements.models import Agreement

        titles = self.agreement_titles.get((period_start, period_end))
        if titles is None:
            rows = (
                Agreement.objects.filter(period_start=period_start, period_end=period_end)
                .order_by("pk")
                .values_list("pk", "title")
                .iterator(CHUNK)
            )
            titles = self.agreement_titles[(period_start, period_end)] = {}
            for pk, title in rows:
                titles.setdefault(fold_key(title), pk)
            for key, pk in self.agreements_added.get((period_start, period_end), {}).items():
                titles.setdefault(key, pk)  # written after every agreement read, so later
        return titles
