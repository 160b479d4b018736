"""Template helpers of the public site: absolute links and the server-drawn timeline chart."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django_countries import countries

from relations.editorial import rendering
from relations.editorial.search import fold

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, obj_or_path) -> str:
    """The full URL of a record (or a path) on this site, for canonical links and citations."""
    return rendering.absolute_url(context["request"], obj_or_path)


@register.simple_tag
def route(name: str) -> str:
    """``{% url name %}`` of a route without arguments, resolved once (``relations.editorial.rendering``)."""
    return rendering.route(name)


@register.tag
def memo(parser, token):
    """``{% memo "name" value ... %}…{% endmemo %}``: the block written once and then reused, for as long as
    what it may depend on stays the same: its name, the values given (what the block reads of the page),
    the active language, the URLconf and script prefix (its links) and the publication version of the
    request (``relations.editorial.rendering.Memo``). The layout's header and footer, the same on every
    page of a kind, were a fifth of a cold list page's template time."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% memo %} takes a name and the values its block depends on")
    nodelist = parser.parse(("endmemo",))
    parser.delete_first_token()
    return MemoNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class MemoNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        request = context.get("request")
        state = getattr(request, "_public_page", None)
        version = state[0].number if isinstance(state, tuple) else None
        key = (version, *(value.resolve(context) for value in self.values))
        return rendering.memo(key, lambda: self.nodelist.render(context))


@register.simple_tag(takes_context=True)
def page_meta(context, title="", description="", url="", type=""):
    """``includes/meta.html`` written in Python (``relations.editorial.rendering``)."""
    return rendering.page_meta(
        context["request"], context["collection"], title=title, description=description, url=url, kind=type
    )


@register.simple_tag
def field_group(field):
    """``{{ field.as_field_group }}`` written in Python (``relations.editorial.rendering``)."""
    return rendering.field_group(field)


@register.simple_tag(takes_context=True)
def filter_form(context, form):
    """A list's filter form, written in Python (``relations.editorial.rendering``)."""
    return rendering.filter_form(form, context["request"])


@register.simple_tag(takes_context=True)
def results_bar(context, count, capped):
    """``includes/list_results_bar.html`` written in Python (``relations.editorial.rendering``)."""
    return rendering.results_bar(
        context["request"],
        count=count,
        capped=capped,
        filtered=context.get("filtered", False),
        singular=context["singular"],
        plural=context["plural"],
        export_route=context["export_url_name"],
    )


@register.simple_tag(takes_context=True)
def pagination(context):
    """``includes/pagination.html`` written in Python (``relations.editorial.rendering``)."""
    return rendering.pagination(context["request"], context["page_obj"], context["page_range"])


# The timeline: delegations per year, stacked by direction, over agreements per year.

WIDTH = 960
LEFT, RIGHT = 48, 16
PLOT_WIDTH = WIDTH - LEFT - RIGHT
DIRECTION_COLOURS = ["#1d5b8f", "#b3382c", "#6b5b95"]  # each at least 4.5:1 on white
OTHER_COLOUR = "#5f6b73"


def direction_colour(from_code: str, to_code: str) -> str:
    """A colour per direction that never changes with the data: the collection's first country to its
    second is blue, the second to the first red, any other direction purple."""
    first, second = (list(settings.COLLECTION_COUNTRIES) + ["", ""])[:2]
    if (from_code, to_code) == (first, second):
        return DIRECTION_COLOURS[0]
    if (from_code, to_code) == (second, first):
        return DIRECTION_COLOURS[1]
    return DIRECTION_COLOURS[2]


AGREEMENT_COLOUR = "#2d6a3e"
MAX_DIRECTIONS = len(DIRECTION_COLOURS)


@dataclass
class Series:
    key: str
    label: str
    colour: str
    values: dict[int, int] = field(default_factory=dict)
    codes: tuple[str, str] | None = None  # (from, to) of a direction; None for agreements and "other"

    @property
    def total(self) -> int:
        return sum(self.values.values())


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str
    url: str = ""


@dataclass
class Panel:
    title: str
    unit: str
    top: float
    height: float
    bars: list[Bar]
    ticks: list[tuple[float, int]]

    @property
    def bottom(self) -> float:
        return self.top + self.height


def nice_step(maximum: int, ticks: int = 4) -> int:
    """A 1, 2 or 5 times a power of ten step giving at most ``ticks`` gridlines above zero."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return multiple * power
    return 10 * power  # pragma: no cover


def direction_label(from_code: str, to_code: str) -> str:
    return f"{countries.name(from_code) or from_code or '?'} → {countries.name(to_code) or to_code or '?'}"


def plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def bar_url(unit: str, year: int, codes: tuple[str, str] | None) -> str:
    """The list a bar stands for: that year's delegations in that direction, or agreements."""
    if unit == "agreement":
        return f"{reverse('agreements:agreement-list')}?{urlencode({'year': year})}"
    query = {"year": year}
    if codes:
        query.update(from_country=codes[0], to_country=codes[1])
    return f"{reverse('relations:delegation-list')}?{urlencode(query)}"


def build_timeline(delegation_rows, agreement_rows) -> dict | None:
    """Geometry and data of the chart from ``(year, from_country, to_country, n)`` and ``(year, n)`` rows.

    Rows without a year (undated records) are counted apart, not drawn.
    """
    undated_delegations = sum(r["n"] for r in delegation_rows if r["year"] is None)
    undated_agreements = sum(r["n"] for r in agreement_rows if r["year"] is None)
    directions = _folded_directions(_ranked_directions(_series_by_direction(delegation_rows)))
    agreements = {r["year"]: r["n"] for r in agreement_rows if r["year"] is not None}
    years = _years_spanned(directions, agreements)
    if not years:
        return None
    axis = _Axis.across(years)
    totals = {y: sum(s.values.get(y, 0) for s in directions) for y in years}
    panels, bottom = _panels(directions, agreements, axis)
    return {
        "width": WIDTH,
        "height": bottom - 40,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "panels": panels,
        "year_labels": _year_labels(axis),
        "directions": directions,
        "table": _data_table(years, directions, totals, agreements),
        "first_year": years[0],
        "last_year": years[-1],
        "delegation_total": sum(totals.values()),
        "agreement_total": sum(agreements.values()),
        "undated_delegations": undated_delegations,
        "undated_agreements": undated_agreements,
    }


def _series_by_direction(delegation_rows) -> list[Series]:
    """A series per direction of the dated delegations, in the order the rows give them, n summed per year."""
    by_direction: dict[str, Series] = {}
    for row in delegation_rows:
        if row["year"] is None:
            continue
        key = f"{row['from_country']}-{row['to_country']}"
        series = by_direction.setdefault(
            key,
            Series(
                key,
                direction_label(row["from_country"], row["to_country"]),
                direction_colour(row["from_country"], row["to_country"]),
            ),
        )
        series.codes = (row["from_country"], row["to_country"])
        series.values[row["year"]] = series.values.get(row["year"], 0) + row["n"]
    return list(by_direction.values())


def _ranked_directions(series: list[Series]) -> list[Series]:
    """The order of the directions: the collection's two first, in a fixed order, then the others by size."""
    fixed = {DIRECTION_COLOURS[0]: 0, DIRECTION_COLOURS[1]: 1}
    return sorted(series, key=lambda s: (fixed.get(s.colour, 2), -s.total, s.label))


def _folded_directions(ranked: list[Series]) -> list[Series]:
    """At most ``MAX_DIRECTIONS`` series: past that, the lowest-ranked share the last, "Other directions"."""
    if len(ranked) <= MAX_DIRECTIONS:
        return ranked
    other = Series("other", "Other directions", OTHER_COLOUR)
    for series in ranked[MAX_DIRECTIONS - 1 :]:
        for year, n in series.values.items():
            other.values[year] = other.values.get(year, 0) + n
    return ranked[: MAX_DIRECTIONS - 1] + [other]


def _years_spanned(directions: list[Series], agreements: dict[int, int]) -> list[int]:
    """Every year from the first dated delegation or agreement to the last; none when nothing is dated."""
    years_seen = {y for s in directions for y in s.values} | set(agreements)
    if not years_seen:
        return []
    return list(range(min(years_seen), max(years_seen) + 1))


@dataclass
class _Axis:
    """The years along the bottom of the chart: a band of the plot's width each, its bar centred in it."""

    years: list[int]
    band: float
    bar_width: float
    offset: float

    @classmethod
    def across(cls, years: list[int]) -> _Axis:
        """The plot's width shared between ``years``; a bar is 70% of its band, and at least 2 wide."""
        band = PLOT_WIDTH / len(years)
        bar_width = max(2.0, band * 0.7)
        return cls(years, band, bar_width, (band - bar_width) / 2)

    def x_of(self, index: int) -> float:
        """Where the bar of the ``index``-th year starts."""
        return LEFT + index * self.band + self.offset


def _panels(directions: list[Series], agreements: dict[int, int], axis: _Axis) -> tuple[list[Panel], int]:
    """The two panels, delegations by direction above agreements, and where the last one's room ends."""
    panels = []
    top = 48  # room above each panel for its title, below it for the years, at a phone's larger text
    for title, unit, height, stacks in (
        ("Delegations per year, by direction", "delegation", 220, directions),
        (
            "Agreements per year",
            "agreement",
            120,
            [Series("agreements", "Agreements", AGREEMENT_COLOUR, agreements)],
        ),
    ):
        panels.append(_panel(title, unit, top, height, stacks, axis, name_series=stacks is directions))
        top += height + 96
    return panels, top


def _panel(title, unit, top, height, stacks, axis: _Axis, *, name_series: bool) -> Panel:
    """A panel: its scale, zero to its tallest stack rounded up to a nice step, its bars and gridlines."""
    peak = max((sum(s.values.get(y, 0) for s in stacks) for y in axis.years), default=0) or 1
    step = nice_step(peak)
    scale_max = step * math.ceil(peak / step)
    unit_height = height / scale_max
    bars = _stacked_bars(unit, top + height, unit_height, stacks, axis, name_series=name_series)
    ticks = [(round(top + height - v * unit_height, 2), v) for v in range(0, scale_max + 1, step)]
    return Panel(title, unit, top, height, bars, ticks)


def _stacked_bars(unit, bottom, unit_height, stacks, axis: _Axis, *, name_series: bool) -> list[Bar]:
    """Each year's series stacked up from ``bottom`` in order, none for a zero, each a link to its list."""
    bars = []
    for index, year in enumerate(axis.years):
        base = bottom
        for series in stacks:
            n = series.values.get(year, 0)
            if not n:
                continue
            h = n * unit_height
            base -= h
            label = f"{year}: {plural(n, unit)}"
            if name_series:
                label += f", {series.label}"
            url = bar_url(unit, year, series.codes)
            bars.append(
                Bar(
                    round(axis.x_of(index), 2),
                    round(base, 2),
                    round(axis.bar_width, 2),
                    round(h, 2),
                    series.colour,
                    label,
                    url,
                )
            )
    return bars


def _year_labels(axis: _Axis) -> list[tuple[float, int, bool]]:
    """Which years are named under the bars, at most 16, and which of them are "minor"."""
    years = axis.years
    label_every = max(1, math.ceil(len(years) / 16))
    # Every other label is "minor": a phone, where the chart's text is drawn larger, shows only the others.
    return [
        (round(axis.x_of(i) + axis.bar_width / 2, 2), year, (year - years[0]) // label_every % 2 == 1)
        for i, year in enumerate(years)
        if (year - years[0]) % label_every == 0
    ]


def _data_table(years, directions, totals, agreements) -> list[dict]:
    """The chart as a table's rows: per year, its delegations per direction, their total, its agreements."""
    return [
        {
            "year": y,
            "directions": [s.values.get(y, 0) for s in directions],
            "total": totals[y],
            "agreements": agreements.get(y, 0),
        }
        for y in years
    ]


@register.inclusion_tag("relations/includes/timeline.html")
def timeline_chart(delegation_rows, agreement_rows):
    return {"chart": build_timeline(delegation_rows, agreement_rows)}


# Search: the words searched for, marked in a record's name, accents and case ignored.


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``fold`` applied character by character: the folded text and, for each of its characters, the
    index of the character of ``text`` it came from."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for piece in fold(char) if not char.isspace() else " ":
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


def highlight_spans(text: str, q: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` where a word begins with a folded word of ``q``, merged."""
    folded, positions = _folded_with_positions(text)
    spans = []
    for term in set(fold(q).split()):
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            if start == 0 or not folded[start - 1].isalnum():  # words, not "le" inside "delegation"
                spans.append((positions[start], positions[end - 1] + 1))
            start = folded.find(term, start + 1)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


@register.filter
def highlight(text, q: str):
    """``text`` escaped, with each occurrence of the searched words in ``<mark>``."""
    text = str(text)
    out, pos = [], 0
    for start, end in highlight_spans(text, q or ""):
        out.append(conditional_escape(text[pos:start]))
        out.append(format_html("<mark>{}</mark>", text[start:end]))
        pos = end
    out.append(conditional_escape(text[pos:]))
    return mark_safe("".join(out))


# Field names a citation supports, in words for readers.
FIELD_LABELS = {
    "from_country": "country of origin",
    "to_country": "destination",
    "head": "who led it",
    "members": "members",
    "sending_body": "sending body",
    "host_body": "host",
    "start_date": "start date",
    "end_date": "end date",
    "signed_on": "date signed",
    "signed_place": "place signed",
    "period_start": "period",
    "period_end": "period",
    "party_countries": "parties",
}


@register.filter
def field_labels(fields) -> str:
    """``["from_country", "head", "to_country"]`` → "country of origin, who led it, destination"."""
    labels = []
    for name in fields or []:
        label = FIELD_LABELS.get(name, str(name).replace("_", " "))
        if label not in labels:
            labels.append(label)
    return ", ".join(labels)
