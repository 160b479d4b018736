"""Entity resolution: which official or organization already in the database a proposal names.

Everything matching needs is loaded once per run (one query per table), kept in memory and grown as
the run creates records, so the queries an article costs do not grow with the database.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate, islice
from operator import gt, itemgetter

from relations.editorial.search import fold_key
from relations.editorial.similarity import words_close

# A token shared by more records than this says little about identity ("nguyen", "van").
COMMON_TOKEN = 200


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
    if _by_initials(ta, tb) or _by_initials(tb, ta):
        return "likely"
    if _unpaired(short, long_) is None or (len(short) != len(long_) and len(short) < 2):
        return None
    return "likely"


def _unpaired(words: list[str], other: list[str]) -> list[str] | None:
    """The words of ``other`` left once each of ``words`` has taken one close to it (small slips allowed),
    in their order; ``None`` when one of ``words`` finds none."""
    free = list(other)
    for word in words:
        partner = next((u for u in free if _close(word, u)), None)
        if partner is None:
            return None
        free.remove(partner)
    return free


def _by_initials(initialled: list[str], full: list[str]) -> bool:
    """ "V. Volodin", "K.V. Vnukov", "Kolokoltsev V.A." against the name written out ("Vyacheslav Volodin",
    "Konstantin Vnukov"): each whole word pairs with one of the other's, the first initial with the first
    of its words left (the given name), and any further initial (a patronymic) with a word it begins,
    where the other name writes one."""
    letters = [t for t in initialled if len(t) == 1]
    words = [t for t in initialled if len(t) > 1]
    if not letters or not words or any(len(t) == 1 for t in full):
        return False
    free = _unpaired(words, full)
    if not free or free[0][0] != letters[0]:
        return False
    free.pop(0)
    for letter in letters[1:]:
        partner = next((u for u in free if u[0] == letter), None)
        if partner is not None:
            free.remove(partner)
    return True


#: Words looked up one at a time in the names as read (:meth:`_Index.with_token`) before every word of
#: every name is indexed at once: a long run asks for thousands of words, a run of a hundred articles few.
WORDS_LOOKED_UP = 200


class _Index:
    """Folded names and the records they name, for matching: :meth:`named`, :meth:`with_token`,
    :meth:`forms_of`, :meth:`compatible`.

    What the database holds is read once (:meth:`load`) into plain lists and dicts built at C speed: the
    names sorted, a name's records found by bisection; a word's records found by searching one text of
    every name for it when a match asks (``str.find``), each word once. Building a set for every name,
    record and word of 100,000 names in Python cost more than the rest of a run of a hundred articles.
    What the run adds goes into dicts (``names``, ``tokens``, ``forms``) as it is written.
    """

    def __init__(self) -> None:
        self.names: dict[str, set[int]] = defaultdict(set)  # folded key -> pks, added during the run
        self.tokens: dict[str, set[int]] = defaultdict(set)
        self.forms: dict[int, set[str]] = defaultdict(set)  # pk -> folded keys
        self.country: dict[int, str] = {}
        self._keys: list[str] = []  # every folded name read, then every alias, each sorted
        self._pks: list[int] = []  # the record each names
        self._runs: list[tuple[int, int]] = []  # the sorted runs of _keys: (start, end)
        self._own: dict[int, str] = {}  # pk -> its folded name, as read
        self._aliases: dict[int, list[str]] = {}  # pk -> its folded aliases, as read
        self._lines: tuple[str, list[int]] | None = None  # every name in one text, where each one starts
        self._words: dict[str, frozenset[int] | None] = {}  # word -> pks read (None: too common)
        self._every_word = False

    def load(self, records, aliases, countries=None) -> None:
        """The names as stored: ``(pk, name_folded, country)`` of every record, ``(pk, name_folded)`` of
        every alias (``name_folded`` is ``fold_key(name)``, written by every save); or, with
        ``countries`` (``(pk, country)`` of every record), ``(pk, name_folded)`` of every record. Names
        read in their order (by ``name_folded``, through its index) are not sorted again."""
        records = list(records)
        if countries is None:
            countries = [(pk, country) for pk, _, country in records]
            records = [(pk, key) for pk, key, _ in records]
        aliases = [(pk, key) for pk, key in aliases if key]
        self.country = dict(filter(itemgetter(1), countries))  # those with a country
        self._own = dict(records)
        self._aliases = defaultdict(list)
        for pk, key in aliases:
            self._aliases[pk].append(key)
        self._keys, self._pks, self._runs = [], [], []
        for names in (records, aliases):  # each sorted by its name: a run of _keys that bisection searches
            keys, pks = list(map(itemgetter(1), names)), list(map(itemgetter(0), names))
            if any(map(gt, keys, islice(keys, 1, None))):  # not read in order
                order = sorted(range(len(keys)), key=keys.__getitem__)  # comparing pairs cost 3 times
                keys, pks = [keys[i] for i in order], [pks[i] for i in order]
            start = len(self._keys)
            self._keys += keys
            self._pks += pks
            self._runs.append((start, len(self._keys)))

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

    def named(self, key: str) -> set[int]:
        """The records with the folded name (or alias) ``key``."""
        keys, found = self._keys, set(self.names.get(key, ()))
        if not key:  # a name that folds to nothing names no one
            return found
        for start, end in self._runs:
            i = bisect_left(keys, key, start, end)
            while i < end and keys[i] == key:
                found.add(self._pks[i])
                i += 1
        return found

    def forms_of(self, pk: int) -> set[str]:
        """Every folded name and alias of ``pk``."""
        found = {*self.forms.get(pk, ()), *self._aliases.get(pk, ())}
        if self._own.get(pk):
            found.add(self._own[pk])
        return found

    def with_token(self, token: str) -> set[int] | None:
        """The records a name of which has the word ``token``; None past ``COMMON_TOKEN`` of them."""
        read = self._read_with(token)
        if read is None:
            return None
        found = read | self.tokens.get(token, set())
        return None if len(found) > COMMON_TOKEN else found

    def _read_with(self, token: str) -> frozenset[int] | None:
        if token in self._words or self._every_word:
            return self._words.get(token, frozenset())
        if len(self._words) >= WORDS_LOOKED_UP:
            self._index_every_word()
            return self._words.get(token, frozenset())
        if self._lines is None:  # " name \n name ...": a line is its name, 2 spaces and a line end
            starts = accumulate(map((3).__add__, map(len, self._keys)), initial=0)
            self._lines = (" " + " \n ".join(self._keys) + " ", list(starts))
        text, starts = self._lines
        needle, found = f" {token} ", set()
        at = text.find(needle)
        while at >= 0 and len(found) <= COMMON_TOKEN:
            found.add(self._pks[bisect_right(starts, at) - 1])
            at = text.find(needle, at + len(needle) - 1)
        read = self._words[token] = None if len(found) > COMMON_TOKEN else frozenset(found)
        return read

    def _index_every_word(self) -> None:
        words: dict[str, set[int]] = defaultdict(set)
        for key, pk in zip(self._keys, self._pks, strict=True):
            for token in key.split():
                words[token].add(pk)
        self._words = {t: None if len(pks) > COMMON_TOKEN else frozenset(pks) for t, pks in words.items()}
        self._every_word = True

    def compatible(self, pk: int, country: str | None) -> bool:
        known = self.country.get(pk)
        return not (known and country and known != country)


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
        from django.db import connections, router

        from people.models import Official, OfficialAlias, Organization, OrganizationAlias
        from relations.importing.batch import rows

        resolver = cls()
        # name_folded is fold_key(name), written by every save: folding 100,000 names again cost seconds.
        # Plain columns read on the cursor, unordered: the ORM's rows cost several times as much.
        if connections[router.db_for_write(Official)].vendor == "sqlite":
            # The names in their order, through their index (which holds them and the keys: SQLite reads
            # the index alone), and the countries apart (read with the names, every row was read).
            resolver.officials.load(
                rows(Official, "id", "name_folded", order="name_folded"),
                rows(OfficialAlias, "official", "name_folded", order="name_folded"),
                rows(Official, "id", "country", where="{country} <> ''"),
            )
        else:  # PostgreSQL sorts 50,000 names on disk (work_mem) in 4 times its scan: sorted here
            resolver.officials.load(
                rows(Official, "id", "name_folded", "country"), rows(OfficialAlias, "official", "name_folded")
            )
        organizations = list(rows(Organization, "id", "name_folded", "acronym", "country"))
        resolver.organizations.load(
            [(pk, key, country) for pk, key, _, country in organizations],
            rows(OrganizationAlias, "organization", "name_folded"),
        )
        for pk, _, acronym, country in organizations:
            if acronym:
                resolver.acronyms[(acronym.upper(), country or "")].add(pk)
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
            hits = [pk for pk in index.named(fold_key(name)) if index.compatible(pk, country)]
            if hits:
                return Match(min(hits), certain=True, reason=f"same name as {name!r}")
        best: Match | None = None
        for name in full:
            for pk in self._candidates(index, name):
                if not index.compatible(pk, country):
                    continue
                for form in index.forms_of(pk):
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
            pks = index.with_token(token)
            if pks is None:
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
            hits = [pk for pk in index.named(fold_key(form)) if index.compatible(pk, country)]
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
        from relations.importing.batch import rows

        titles = self.agreement_titles.get((period_start, period_end))
        if titles is None:
            # On the cursor, as the names: building the ORM's rows cost more than folding the titles.
            period = {"period_start": period_start, "period_end": period_end}
            where = " AND ".join(
                f"{{{k}}} IS NULL" if v is None else f"{{{k}}} = %s" for k, v in period.items()
            )
            params = [v for v in period.values() if v is not None]
            found = rows(Agreement, "id", "title", where=where, params=params, order="id")
            titles = self.agreement_titles[(period_start, period_end)] = {}
            for pk, title in found:
                titles.setdefault(fold_key(title), pk)
            for key, pk in self.agreements_added.get((period_start, period_end), {}).items():
                titles.setdefault(key, pk)  # written after every agreement read, so later
        return titles
