"""The article text as sentences: cleanup that keeps offsets, and sentence splitting.

Every cleanup step replaces characters one for one (curly quotes and dashes by ASCII, agency tags,
bylines and photo credits by spaces), so an offset into the cleaned text is an offset into the
original text as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CHARMAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\ufeff": " ",
    }
)

# The home country of a national news agency: its copy leaves its own side unmarked ("Foreign Minister
# NAME" in Kyodo's copy is Japan's). International wires (AFP, Reuters, AP) have no side.
AGENCY_COUNTRY = {
    "VNA": "VN", "VNS": "VN", "VOV": "VN", "VietnamPlus": "VN", "NDO": "VN", "VGP": "VN", "TASS": "RU",
    "Sputnik": "RU", "RIA Novosti": "RU", "Interfax": "RU", "Xinhua": "CN", "Kyodo": "JP", "Yonhap": "KR",
    "PTI": "IN", "IANS": "IN", "ANI": "IN", "KPL": "LA", "AKP": "KH", "Montsame": "MN", "Prensa Latina": "CU",
    "BelTA": "BY", "Kazinform": "KZ", "UzA": "UZ", "KCNA": "KP", "Lao News Agency": "LA", "KUNA": "KW",
    "ANTARA": "ID", "Antara": "ID", "Bernama": "MY", "SPA": "SA", "WAM": "AE", "QNA": "QA", "IRNA": "IR",
    "MENA": "EG", "APP": "PK", "BSS": "BD", "ONA": "OM", "BNA": "BH", "EFE": "ES", "ANSA": "IT", "Lusa": "PT",
    "Anadolu": "TR", "Azertac": "AZ", "Kabar": "KG", "Armenpress": "AM", "SANA": "SY", "dpa": "DE",
}  # fmt: skip
_AGENCY_NAME = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(AGENCY_COUNTRY, key=len, reverse=True)) + r")(?![\w-])"
)
# Agencies named in datelines and credits: the national ones above and the international wires.
AGENCIES = "|".join(sorted([*AGENCY_COUNTRY, "AFP", "Reuters", "AP"], key=len, reverse=True))


def agency_country(original: str) -> str | None:
    """The country of the national news agency an article's head or foot credits, else None."""
    for part in (original[:600], original[-300:]):
        m = _AGENCY_NAME.search(part)
        if m:
            return AGENCY_COUNTRY[m.group(1)]
    return None


# Removed (blanked) wherever they stand.
_TAGS = [
    re.compile(r"\((?:Photo|Source|Image)[^)\n]*\)", re.I),
    re.compile(rf"\((?:{AGENCIES})(?:/(?:{AGENCIES}))*\)"),
    re.compile(r"\((?:R|L|C|right|left|centre|center|front|second from (?:left|right))\)", re.I),
    re.compile(rf"\.?\s*/(?:{AGENCIES})/\s*\.?"),
]
# Removed at the end of a paragraph: "-VNA", "VNA/VNS", "/.", "— VNA", "(VNA)".
_TAIL = re.compile(
    rf"(?:\s*[-/]\s*(?:{AGENCIES})(?:/(?:{AGENCIES}))?|\s+(?:{AGENCIES})(?:/(?:{AGENCIES}))?|/\.)\s*$"
)
_BYLINE = re.compile(r"^\s*By\s+[A-ZÀ-Ỹ][^\n.]{2,60}$")
_LEADING_DASH = re.compile(r"^\s*-\s+")

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "gen", "lt", "col", "prof", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "ltd", "corp", "jr", "sr", "mt", "ft",
    # military and civil ranks written short before a name ("Sen. Lieut. Gen. NAME", "Maj. Gen.", "Adm.")
    "sen", "snr", "lieut", "maj", "brig", "adm", "capt", "cmdr", "cdr", "sgt", "gov", "rep", "hon", "amb",
}  # fmt: skip
# two-letter initials of transliterated given names and patronymics ("A.Yu. Rudnev", "Kh.Battulga")
DIGRAPH_INITIALS = frozenset({"Yu", "Ya", "Ye", "Yo", "Zh", "Ch", "Sh", "Kh", "Ts"})
_AFTER_INITIAL = re.compile(rf"(?<![A-Za-z])[A-Z]\.(?:{'|'.join(sorted(DIGRAPH_INITIALS))})\.$")
# A sentence ends at . ! ? (a closing quote may follow) before a space and a capital, digit or quote,
# or at a full stop glued to the next sentence ("services.While").
_SPLIT = re.compile(
    r"""[.!?]["')]?(?=\s+["(]?[A-ZÀ-Ỹ0-9])|(?<=[a-z0-9)"])[.!?]["]?(?=["]?[A-ZÀ-Ỹ][a-zà-ỹ])"""
)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str  # the cleaned text, same length as the original span
    index: int = 0
    paragraph: int = 0
    kind: str = "body"  # body, title, caption, list
    lead: bool = False  # first sentence of the body


def normalize(text: str) -> str:
    """Curly quotes, dashes and odd spaces as ASCII, one character for one."""
    return text.translate(_CHARMAP)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + "".join(c if c == "\n" else " " for c in text[start:end]) + text[end:]


def clean(text: str) -> str:
    """Normalised text with agency tags, photo credits and bylines blanked out (same length)."""
    out = normalize(text)
    for pattern in _TAGS:
        for m in reversed(list(pattern.finditer(out))):
            out = _blank(out, m.start(), m.end())
    pos = 0
    lines = out.split("\n")
    for line in lines:
        end = pos + len(line)
        m = _TAIL.search(line)
        if m and line.strip():
            out = _blank(out, pos + m.start(), end)
        if _BYLINE.match(line):
            out = _blank(out, pos, end)
        m = _LEADING_DASH.match(out[pos:end])
        if m:
            out = _blank(out, pos, pos + m.end())
        pos = end + 1
    return out


def paragraphs(text: str, start: int = 0, limit: int | None = None) -> list[tuple[int, int]]:
    """Spans of non-blank lines from ``start`` (a line is a paragraph in these files), the first ``limit``."""
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = m.start() + start, m.end() + start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
            if limit is not None and len(spans) >= limit:
                break
    return spans


# a line cut short by a page's fixed width: of a typewriter's length, without a sentence's last mark
# (one that ends on a comma may be shorter: "CITY - NAME," above the rest of the lead)
_WRAPPED_LINE = re.compile(r"^(?:.{40,100}[\w;'-]|.{15,100},)$")


def _wrapped(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """``second`` is the next line (no blank between) of the sentence ``first`` broke off at the width."""
    gap = text[first[1] : second[0]]
    return gap.count("\n") == 1 and bool(_WRAPPED_LINE.match(text[first[0] : first[1]]))


# a title written short that only ever stands before a name ("Mr.", "Gen.", "H.E.")
_TITLES_SHORT = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "prof", "sen", "lieut", "maj", "brig", "adm", "capt", "cmdr",
    "cdr", "sgt", "gov", "rep", "hon", "amb", "h.e",
}  # fmt: skip
_LAST_WORD = re.compile(r"(?<![\w.])((?:[A-Za-z]\.)*[A-Za-z]+)\.$")


def _cut_after_title(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """``first`` ends on a title written short and ``second`` opens on the name it stands before: a line
    break inside a name ("led by Mr." / "NAME ..."), never the end of a paragraph."""
    word = _LAST_WORD.search(text[first[0] : first[1]])
    gap = text[first[1] : second[0]]
    return (
        bool(word)
        and word.group(1).lower() in _TITLES_SHORT
        and not gap.strip()
        and text[second[0]].isupper()
    )


def unwrap(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """The text and its paragraph spans with hard-wrapped lines joined again (their line break read as a
    space). A text printed at a fixed width breaks its sentences, and names ("led by Le Van" / "Tam, a
    member ..."), at the end of each line; it is told by several lines that end inside a sentence and
    whose next line opens in small letters. A line that ends on a title written short ("Mr.") is joined
    to the next in any text."""
    pairs = list(zip(spans, spans[1:], strict=False))
    broken = sum(1 for a, b in pairs if _wrapped(text, a, b) and text[b[0]].islower())
    joined = [(broken >= 3 and _wrapped(text, a, b)) or _cut_after_title(text, a, b) for a, b in pairs]
    if not any(joined):
        return text, spans
    out = [spans[0]]
    chars = list(text)
    for (prev, span), join in zip(pairs, joined, strict=True):
        if join:
            out[-1] = (out[-1][0], span[1])
            for k in range(prev[1], span[0]):
                chars[k] = " "
        else:
            out.append(span)
    return "".join(chars), out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``."""
    spans = []
    s = start
    chunk = text[start:end]
    for m in _SPLIT.finditer(chunk):
        cut = start + m.end()
        # no split after an initial ("A. V. Semenikhin") or an abbreviation ("St. Petersburg")
        word = re.search(r"([A-Za-z]+)\.?[\"')]?$", text[s:cut])
        if m.group(0).startswith(".") and word:
            w = word.group(1)
            if (len(w) == 1 and w.isupper()) or w.lower() in _ABBREVIATIONS:
                continue
            # a two-letter initial after another ("A.Yu. Rudnev", "I.Zh. Ivanov"), or glued to the name
            # ("Kh.Battulga"), as Mongolian names are written
            if w in DIGRAPH_INITIALS and (
                _AFTER_INITIAL.search(text[s:cut].rstrip()) or text[cut : cut + 1].strip()
            ):
                continue
        spans.append((s, cut))
        s = cut
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b - a > 1:
            out.append((a, b))
    return out
