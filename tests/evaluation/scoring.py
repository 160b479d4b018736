"""Score exported records against the hand-made gold annotations in ``tests/data/gold*``.

The matching rules are those of ``tests/data/gold/README.md`` and give the same numbers as the team's
shared ``score_extraction.py``, so the project can measure itself without the shared folder beside it:

- names compare case-, accent- and order-insensitively by word tokens (đ counts as d), through every
  alias on both sides, with small slips (similarity >= 0.8) allowed in tokens of four letters or more and
  an initial standing for a word; a shorter form needs at least two tokens ("Tan" is not "Le Vinh Tan");
- officials are scored across the whole set: a duplicate or a wrong country costs a false positive;
- delegations, meetings and agreements are matched within the article they were extracted from (the
  ``sources`` column); a missed record the gold marks ``primary: false`` is not counted as a miss;
- a date is right when it begins with the gold date, or falls inside a gold interval at its own precision;
- field accuracy is the share of right values over every value the gold gives for a matched record (an
  official's country, title and organization; a delegation's dates, place, sending body and members; a
  meeting's date and place; an agreement's state, parties, signing date and period); a place or a body
  must also be clean (no trailing punctuation, no possessive "'s"); the article date is reported apart;
- organizations are scored across the set like officials: a gold body matches a predicted one whose
  name, acronym or an alias shares at least 0.6 of its words, with the same country when the gold gives
  one; a body with no source is not counted. Their F1 is reported apart from the overall F1.

The input is what the report resources export, one list of string-valued rows per report: ``officials``,
``delegations``, ``meetings``, ``agreements`` and ``articles`` (see :data:`REPORTS`).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

Row = dict[str, str]
Doc = dict  # one gold JSON file, as loaded

# The exports the scorer reads, by the resource that writes them.
REPORTS = {
    "officials": "people.resources.OfficialResource",
    "delegations": "relations.resources.DelegationResource",
    "meetings": "relations.resources.MeetingResource",
    "agreements": "agreements.resources.AgreementResource",
    "articles": "relations.resources.ArticleResource",
    "organizations": "people.resources.OrganizationResource",
}
ORG_NAME_OVERLAP = 0.6
CELL_SEPARATOR = re.compile(r"\s*;\s*")
NON_WORD = re.compile(r"[^0-9a-z]+")
TITLE_STOP_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "a", "an", "between", "to"})
SLIP_MIN_LETTERS = 4
SLIP_SIMILARITY = 0.8
TITLE_OVERLAP = 0.5
MIN_SHARED_PARTICIPANTS = 2


# ---------------------------------------------------------------- results


@dataclass
class Tally:
    """Matches of one record type: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Share:
    """How many of the matched records have one attribute right."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += bool(ok)

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def all_right(self) -> bool:
        return self.right == self.total


@dataclass
class Score:
    articles: int = 0
    officials: Tally = field(default_factory=Tally)
    delegations: Tally = field(default_factory=Tally)
    meetings: Tally = field(default_factory=Tally)
    agreements: Tally = field(default_factory=Tally)
    official_country: Share = field(default_factory=Share)
    official_title: Share = field(default_factory=Share)
    official_organization: Share = field(default_factory=Share)
    delegation_start: Share = field(default_factory=Share)
    delegation_end: Share = field(default_factory=Share)
    delegation_place: Share = field(default_factory=Share)
    delegation_body: Share = field(default_factory=Share)
    delegation_members: Share = field(default_factory=Share)
    meeting_date: Share = field(default_factory=Share)
    meeting_place: Share = field(default_factory=Share)
    agreement_state: Share = field(default_factory=Share)
    agreement_parties: Share = field(default_factory=Share)
    agreement_signed: Share = field(default_factory=Share)
    agreement_period: Share = field(default_factory=Share)
    article_date: Share = field(default_factory=Share)
    organizations: Tally = field(default_factory=Tally)
    notes: list[str] = field(default_factory=list)  # every miss and extra, for a failure message

    @property
    def tallies(self) -> dict[str, Tally]:
        return {
            "officials": self.officials,
            "delegations": self.delegations,
            "meetings": self.meetings,
            "agreements": self.agreements,
        }

    @property
    def fields(self) -> dict[str, Share]:
        """The values of matched records that field accuracy counts."""
        return {
            "official country right": self.official_country,
            "official title right": self.official_title,
            "official organization right": self.official_organization,
            "delegation start date right": self.delegation_start,
            "delegation end date right": self.delegation_end,
            "delegation place right": self.delegation_place,
            "delegation sending body right": self.delegation_body,
            "delegation members right": self.delegation_members,
            "meeting date right": self.meeting_date,
            "meeting place right": self.meeting_place,
            "agreement state right": self.agreement_state,
            "agreement parties right": self.agreement_parties,
            "agreement signing date right": self.agreement_signed,
            "agreement period right": self.agreement_period,
        }

    @property
    def shares(self) -> dict[str, Share]:
        return {**self.fields, "article date right": self.article_date}

    @property
    def field_accuracy(self) -> float:
        """Right values over every value the gold gives for a matched record (article date apart)."""
        right = sum(s.right for s in self.fields.values())
        total = sum(s.total for s in self.fields.values())
        return right / total if total else 0.0

    @property
    def overall(self) -> float:
        """The mean F1 of officials, delegations, meetings and agreements."""
        return sum(t.f1 for t in self.tallies.values()) / len(self.tallies)

    def table(self, *, details: bool = False) -> str:
        lines = [f"articles scored: {self.articles}"]
        for label, t in self.tallies.items():
            lines.append(
                f"{label:<12} precision {t.precision:5.2f}  recall {t.recall:5.2f}  F1 {t.f1:5.2f}"
                f"   (tp {t.tp}, fp {t.fp}, fn {t.fn})"
            )
        for label, s in self.shares.items():
            lines.append(f"{label:<34} {s.value:5.2f}   ({s.right}/{s.total})")
        o = self.organizations
        lines.insert(
            len(self.tallies) + 1,
            f"{'organizations':<12} precision {o.precision:5.2f}  recall {o.recall:5.2f}  F1 {o.f1:5.2f}"
            f"   (tp {o.tp}, fp {o.fp}, fn {o.fn})   (not in overall F1)",
        )
        if details and self.notes:
            lines += ["details:", *self.notes]
        lines.append(f"field accuracy {self.field_accuracy:.3f}   (article date apart)")
        lines.append(f"overall F1 {self.overall:.3f}")
        return "\n".join(lines)


# ---------------------------------------------------------------- names, titles, dates


def fold(text: str | None) -> str:
    """Lower case without accents; đ counts as d."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def tokens(text: str | None) -> list[str]:
    return [t for t in NON_WORD.split(fold(text)) if t]


def split_cell(cell: str | None) -> list[str]:
    """The values of a multi-valued export cell ("a; b")."""
    return [part for part in CELL_SEPARATOR.split(cell or "") if part]


def tokens_close(a: str, b: str) -> bool:
    """Equal, an initial of the other ("I" ~ "igor"), or a small slip in a word of four letters or more."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if min(len(a), len(b)) < SLIP_MIN_LETTERS:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= SLIP_SIMILARITY


def _pair_tokens(short: list[str], long: list[str]) -> dict[int, int]:
    """Give each token of ``short`` its own partner in ``long``: whole words first, then slips."""
    partner: dict[int, int] = {}
    rules: tuple[Callable[[str, str], bool], ...] = (str.__eq__, tokens_close)
    for rule in rules:
        for i, token in enumerate(short):
            if i in partner:
                continue
            taken = set(partner.values())
            partner_j = next(
                (j for j, other in enumerate(long) if j not in taken and rule(token, other)), None
            )
            if partner_j is not None:
                partner[i] = partner_j
    return partner


def names_match(a: str, b: str) -> bool:
    """True when two spellings plausibly name the same person or body.

    Every token of the shorter form needs a partner in the longer. Forms of different lengths also need
    the shorter to have two tokens, not all initials, and its last token must pair with the longer
    form's first or last: "Vladimir Kolokoltsev" ~ "Kolokoltsev Vladimir Alexandrovich", but "Tan" is
    not "Le Vinh Tan" and "Nguyen Van" is not "Nguyen Van The".
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    partner = _pair_tokens(short, long)
    if len(partner) < len(short):
        return False
    if len(short) == len(long):
        return True
    return (
        len(short) >= 2 and any(len(t) > 1 for t in short) and partner[len(short) - 1] in (0, len(long) - 1)
    )


def any_name_match(names: Iterable[str], others: Iterable[str]) -> bool:
    others = list(others)
    return any(names_match(a, b) for a in names for b in others)


def title_similarity(a: str | None, b: str | None) -> float:
    """Word overlap of two titles, stop words aside: max(Jaccard, 0.8 x the share of the shorter)."""
    ta = set(tokens(a)) - TITLE_STOP_WORDS
    tb = set(tokens(b)) - TITLE_STOP_WORDS
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    return max(shared / len(ta | tb), shared / min(len(ta), len(tb)) * 0.8)


def titles_match(a: str | None, b: str | None) -> bool:
    return title_similarity(a, b) >= TITLE_OVERLAP


def date_matches(predicted: str | None, gold: str | None) -> bool:
    """A gold date is an ISO prefix (2019, 2019-08, 2019-08-07) or an interval (2021-11-26/2021-12-31).

    A prefix accepts any date that begins with it; an interval accepts a date inside it at the predicted
    date's own precision (2021-12 and 2021 pass 2021-11-26/2021-12-31, 2021-01-01 fails). No gold date
    accepts anything.
    """
    if not gold:
        return True
    if not predicted:
        return False
    predicted = predicted.strip()
    if "/" in gold:
        low, high = gold.split("/", 1)
        n = len(predicted)
        return low[:n] <= predicted <= high[:n]
    return predicted[: len(gold)] == gold


# ---------------------------------------------------------------- loading


def load_gold(folder: Path) -> list[Doc]:
    """The gold files of a folder, each with its ``id`` (the article's file stem)."""
    docs = []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc.setdefault("id", path.stem)
        docs.append(doc)
    return docs


def read_csv(text: str) -> list[Row]:
    """Rows of an exported CSV, keys and cells stripped."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in reader]


def source_keys(row: Row) -> set[str]:
    """The article keys a record was taken from (file names lose their extension)."""
    return {Path(s).stem for s in split_cell(row.get("sources"))}


# ---------------------------------------------------------------- scoring


def score(docs: list[Doc], exports: dict[str, list[Row]]) -> Score:
    """Compare the exported rows with the gold files ``docs``."""
    result = Score(articles=len(docs))
    _score_officials(docs, exports.get("officials", []), result)
    articles = _articles_by_key(exports.get("articles", []))
    for doc in docs:
        _score_article_date(doc, articles.get(doc["id"]), result)
        _score_delegations(doc, _rows_of(exports.get("delegations", []), doc["id"]), result)
        _score_meetings(doc, _rows_of(exports.get("meetings", []), doc["id"]), result)
        _score_agreements(doc, _rows_of(exports.get("agreements", []), doc["id"]), result)
    _score_organizations(docs, exports.get("organizations", []), result)
    return result


def _rows_of(rows: list[Row], doc_id: str) -> list[Row]:
    return [row for row in rows if doc_id in source_keys(row)]


def _articles_by_key(rows: list[Row]) -> dict[str, Row]:
    return {Path(row.get("key") or row.get("sources") or "").stem: row for row in rows}


def _row_names(row: Row) -> list[str]:
    return [row.get("name", ""), *split_cell(row.get("aliases"))]


# ---- officials


@dataclass
class Person:
    """A gold official, merged across the articles that name them."""

    names: list[str]
    country: str | None
    titles: list[str]
    organizations: list[str] = field(default_factory=list)


def _surname_only(a: str, b: str) -> bool:
    """One article names a person by surname alone ("Putin"), another in full ("Vladimir Putin")."""
    ta, tb = tokens(a), tokens(b)
    short, full = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return len(short) == 1 and len(full) >= 2 and short[0] == full[-1]


def gold_people(docs: list[Doc]) -> list[Person]:
    """Gold officials across the set: one person per name and country, however many articles name them."""
    people: list[Person] = []
    for doc in docs:
        for official in doc.get("officials", []):
            name, country = official["name"], official.get("country")
            forms = [name, *official.get("aliases", [])]
            same = (
                p
                for p in people
                if p.country == country and (names_match(p.names[0], name) or _surname_only(p.names[0], name))
            )
            person = next(same, None)
            org = [official["organization"]] if official.get("organization") else []
            if person is None:
                people.append(
                    Person(forms, country, titles=list(official.get("titles", [])), organizations=org)
                )
            else:
                person.names += forms
                person.titles += official.get("titles", [])
                person.organizations += org
    return people


def _find_person(names: list[str], people: list[Person], matched: set[int]) -> int | None:
    """The first gold person the names fit who is still unmatched, else the last one they fit."""
    found = None
    for i, person in enumerate(people):
        if any_name_match(names, person.names):
            found = i
            if i not in matched:
                break
    return found


def _score_officials(docs: list[Doc], rows: list[Row], result: Score) -> None:
    doc_ids = {doc["id"] for doc in docs}
    people = gold_people(docs)
    matched: set[int] = set()
    for row in rows:
        if row.get("sources") and not doc_ids & source_keys(row):
            continue  # taken from an article outside this set
        i = _find_person(_row_names(row), people, matched)
        if i is None or i in matched:
            result.officials.fp += 1
            result.notes.append(f"  official extra/duplicate: {row.get('name')!r} ({row.get('country')})")
            continue
        matched.add(i)
        person = people[i]
        country_right = person.country is None or row.get("country", "").upper() == person.country.upper()
        result.official_country.add(country_right)
        result.official_title.add(
            not person.titles
            or any(titles_match(p, g) for p in split_cell(row.get("titles")) for g in person.titles)
        )
        if person.organizations:
            result.official_organization.add(
                any(titles_match(row.get("organization", ""), g) for g in person.organizations)
            )
        if country_right:
            result.officials.tp += 1
        else:
            result.officials.fp += 1
            result.notes.append(
                f"  official wrong country: {row.get('name')!r} {row.get('country')} != {person.country}"
            )
    for i, person in enumerate(people):
        if i not in matched:
            result.officials.fn += 1
            result.notes.append(f"  official missed: {person.names[0]!r} ({person.country})")


# ---- per article


def _score_article_date(doc: Doc, row: Row | None, result: Score) -> None:
    gold = doc.get("article_date")
    if not gold:
        return
    predicted = row.get("published_on") if row is not None else None
    right = row is not None and date_matches(predicted, gold)
    result.article_date.add(right)
    if not right:  # the shared tool does not list these; a failure message should
        result.notes.append(f"  [{doc['id']}] article date wrong: {predicted!r}, gold {gold!r}")


def doc_names(doc: Doc, name: str) -> list[str]:
    """A gold name with the aliases the article's officials list gives it."""
    for official in doc.get("officials", []):
        forms = [official["name"], *official.get("aliases", [])]
        if any(names_match(name, form) for form in forms):
            return forms
    return [name]


def _first_unused(rows: list[Row], used: set[int], fits: Callable[[Row], bool]) -> int | None:
    return next((j for j, row in enumerate(rows) if j not in used and fits(row)), None)


def _count_extras(rows: list[Row], used: set[int], tally: Tally, notes: list[str], describe) -> None:
    for j, row in enumerate(rows):
        if j not in used:
            tally.fp += 1
            notes.append(describe(row))


def _country(code: str | None) -> str:
    return (code or "").upper()


def _score_delegations(doc: Doc, rows: list[Row], result: Score) -> None:
    did, used = doc["id"], set()
    for gold in doc.get("delegations", []):
        head = doc_names(doc, gold["head"]) if gold.get("head") else []

        def fits(row: Row, gold=gold, head=head) -> bool:
            return (
                _country(row.get("from_country")) == _country(gold.get("from_country"))
                and _country(row.get("to_country")) == _country(gold.get("to_country"))
                and (not head or any_name_match([row.get("head", "")], head))
            )

        j = _first_unused(rows, used, fits)
        if j is None:
            if gold.get("primary", True):
                result.delegations.fn += 1
                result.notes.append(
                    f"  [{did}] delegation missed: {gold.get('from_country')}->{gold.get('to_country')}"
                    f" head {gold.get('head')!r}"
                )
            continue
        used.add(j)
        result.delegations.tp += 1
        row = rows[j]
        if gold.get("start"):
            result.delegation_start.add(date_matches(row.get("start_date"), gold["start"]))
        if gold.get("end"):
            result.delegation_end.add(date_matches(row.get("end_date"), gold["end"]))
        if gold.get("location"):
            result.delegation_place.add(place_matches(row.get("location"), gold["location"]))
        if gold.get("sending_body"):
            body = row.get("sending_body", "")
            result.delegation_body.add(clean_value(body) and titles_match(body, gold["sending_body"]))
        for member in gold.get("members") or []:
            result.delegation_members.add(
                any_name_match(split_cell(row.get("members")), doc_names(doc, member))
            )
    _count_extras(
        rows,
        used,
        result.delegations,
        result.notes,
        lambda r: (
            f"  [{did}] delegation extra: {r.get('from_country')}->{r.get('to_country')}"
            f" head {r.get('head')!r}"
        ),
    )


def _score_meetings(doc: Doc, rows: list[Row], result: Score) -> None:
    did, used = doc["id"], set()
    for gold in doc.get("meetings", []):
        participants = [doc_names(doc, name) for name in gold.get("participants", [])]
        needed = min(MIN_SHARED_PARTICIPANTS, len(participants))

        def fits(row: Row, participants=participants, needed=needed) -> bool:
            predicted = split_cell(row.get("participants"))
            return sum(1 for forms in participants if any_name_match(predicted, forms)) >= needed

        j = _first_unused(rows, used, fits)
        if j is None:
            result.meetings.fn += 1
            result.notes.append(f"  [{did}] meeting missed: {gold.get('date')} {gold.get('participants')}")
            continue
        used.add(j)
        result.meetings.tp += 1
        if gold.get("date"):
            result.meeting_date.add(date_matches(rows[j].get("date"), gold["date"]))
        if gold.get("location"):
            result.meeting_place.add(place_matches(rows[j].get("location"), gold["location"]))
    _count_extras(
        rows,
        used,
        result.meetings,
        result.notes,
        lambda r: f"  [{did}] meeting extra: {r.get('date')} {r.get('participants')!r}",
    )


def _best_title(rows: list[Row], used: set[int], title: str) -> tuple[int | None, float]:
    """The unused row whose title is most like ``title`` (the first of equals), and its similarity."""
    best, best_similarity = None, 0.0
    for j, row in enumerate(rows):
        if j in used:
            continue
        similarity = title_similarity(row.get("title", ""), title)
        if similarity > best_similarity:
            best, best_similarity = j, similarity
    return best, best_similarity


def _parties_right(predicted: list[str], gold: list[str]) -> bool:
    found = sum(1 for party in gold if any(titles_match(p, party) for p in predicted))
    return found >= min(2, len(gold))


def _score_agreements(doc: Doc, rows: list[Row], result: Score) -> None:
    did, used = doc["id"], set()
    for gold in doc.get("agreements", []):
        j, similarity = _best_title(rows, used, gold["title"])
        if j is None or similarity < TITLE_OVERLAP:
            if gold.get("primary", True):
                result.agreements.fn += 1
                result.notes.append(f"  [{did}] agreement missed: {gold['title']!r} ({gold.get('status')})")
            continue
        used.add(j)
        result.agreements.tp += 1
        result.agreement_state.add(rows[j].get("state", "").lower() == (gold.get("status") or "").lower())
        if gold.get("signed_on"):
            result.agreement_signed.add(date_matches(rows[j].get("signed_on"), gold["signed_on"]))
        if gold.get("period"):
            result.agreement_period.add(years(rows[j].get("period")) == years(gold["period"]))
        if gold.get("parties"):
            result.agreement_parties.add(_parties_right(split_cell(rows[j].get("parties")), gold["parties"]))
    _count_extras(
        rows,
        used,
        result.agreements,
        result.notes,
        lambda r: f"  [{did}] agreement extra: {r.get('title')!r}",
    )


# ---- values and organizations


def clean_value(value: str | None) -> bool:
    """A place or a body's name as an editor writes it: no trailing punctuation or possessive."""
    v = (value or "").strip()
    return bool(v) and not re.search(r"([.,;:!?'\u2019\"-]|['\u2019]s)$", v)


def place_matches(predicted: str | None, gold: str | None) -> bool:
    """'Moscow' ~ 'Moscow, Russia' ~ 'Ha Noi' ~ 'Hanoi': one folded, space-less form holds the other."""
    a, b = "".join(tokens(predicted)), "".join(tokens(gold))
    return bool(a and b) and (a in b or b in a) and clean_value(predicted)


def years(text: str | None) -> set[str]:
    return set(re.findall(r"(?:19|20)\d\d", text or ""))


def _score_organizations(docs: list[Doc], rows: list[Row], result: Score) -> None:
    doc_ids = {doc["id"] for doc in docs}
    rows = [r for r in rows if doc_ids & source_keys(r)]  # a body with no source is not counted
    gold: list[dict] = []
    for doc in docs:
        for org in doc.get("organizations", []):
            if not any(
                title_similarity(org["name"], g["name"]) >= 0.8 and org.get("country") == g.get("country")
                for g in gold
            ):
                gold.append(org)
    used: set[int] = set()
    for org in gold:

        def fits(row: Row, org=org) -> bool:
            names = [row.get("name", ""), row.get("acronym", ""), *split_cell(row.get("aliases"))]
            return any(title_similarity(n, org["name"]) >= ORG_NAME_OVERLAP for n in names) and (
                not org.get("country") or _country(row.get("country")) == _country(org["country"])
            )

        j = _first_unused(rows, used, fits)
        if j is None:
            result.organizations.fn += 1
            result.notes.append(f"  organization missed: {org['name']!r} ({org.get('country')})")
        else:
            used.add(j)
            result.organizations.tp += 1
    _count_extras(
        rows,
        used,
        result.organizations,
        result.notes,
        lambda r: f"  organization extra: {r.get('name')!r} ({r.get('country')})",
    )
