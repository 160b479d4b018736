"""Countries: ISO 3166-1 names, common forms and demonyms, and finding them (and cities) in text.

``find_countries(text)`` returns every country mention of a sentence with its kind (name, possessive,
demonym). Matching is accent-insensitive ("Việt Nam" = "Viet Nam" = "Vietnam").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relations.editorial.search import fold

from .places import CityMention, find_cities, lookup, well_known

# ISO 3166-1 alpha-2 -> official short name (as in django-countries), then extra common forms.
ISO_NAMES: dict[str, str] = {
    "AD": "Andorra", "AE": "United Arab Emirates", "AF": "Afghanistan", "AG": "Antigua and Barbuda",
    "AI": "Anguilla", "AL": "Albania", "AM": "Armenia", "AO": "Angola", "AQ": "Antarctica", "AR": "Argentina",
    "AS": "American Samoa", "AT": "Austria", "AU": "Australia", "AW": "Aruba", "AX": "Åland Islands",
    "AZ": "Azerbaijan", "BA": "Bosnia and Herzegovina", "BB": "Barbados", "BD": "Bangladesh", "BE": "Belgium",
    "BF": "Burkina Faso", "BG": "Bulgaria", "BH": "Bahrain", "BI": "Burundi", "BJ": "Benin",
    "BL": "Saint Barthélemy", "BM": "Bermuda", "BN": "Brunei Darussalam", "BO": "Bolivia",
    "BQ": "Bonaire, Sint Eustatius and Saba", "BR": "Brazil", "BS": "Bahamas", "BT": "Bhutan",
    "BV": "Bouvet Island", "BW": "Botswana", "BY": "Belarus", "BZ": "Belize", "CA": "Canada",
    "CC": "Cocos (Keeling) Islands", "CD": "Democratic Republic of the Congo", "CF": "Central African Republic",  # noqa: E501
    "CG": "Congo", "CH": "Switzerland", "CI": "Côte d'Ivoire", "CK": "Cook Islands", "CL": "Chile",
    "CM": "Cameroon", "CN": "China", "CO": "Colombia", "CR": "Costa Rica", "CU": "Cuba", "CV": "Cabo Verde",
    "CW": "Curaçao", "CX": "Christmas Island", "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany",
    "DJ": "Djibouti", "DK": "Denmark", "DM": "Dominica", "DO": "Dominican Republic", "DZ": "Algeria",
    "EC": "Ecuador", "EE": "Estonia", "EG": "Egypt", "EH": "Western Sahara", "ER": "Eritrea", "ES": "Spain",
    "ET": "Ethiopia", "FI": "Finland", "FJ": "Fiji", "FK": "Falkland Islands", "FM": "Micronesia",
    "FO": "Faroe Islands", "FR": "France", "GA": "Gabon", "GB": "United Kingdom", "GD": "Grenada",
    "GE": "Georgia", "GF": "French Guiana", "GG": "Guernsey", "GH": "Ghana", "GI": "Gibraltar",
    "GL": "Greenland", "GM": "Gambia", "GN": "Guinea", "GP": "Guadeloupe", "GQ": "Equatorial Guinea",
    "GR": "Greece", "GS": "South Georgia and the South Sandwich Islands", "GT": "Guatemala", "GU": "Guam",
    "GW": "Guinea-Bissau", "GY": "Guyana", "HK": "Hong Kong", "HM": "Heard Island and McDonald Islands",
    "HN": "Honduras", "HR": "Croatia", "HT": "Haiti", "HU": "Hungary", "ID": "Indonesia", "IE": "Ireland",
    "IL": "Israel", "IM": "Isle of Man", "IN": "India", "IO": "British Indian Ocean Territory", "IQ": "Iraq",
    "IR": "Iran", "IS": "Iceland", "IT": "Italy", "JE": "Jersey", "JM": "Jamaica", "JO": "Jordan",
    "JP": "Japan", "KE": "Kenya", "KG": "Kyrgyzstan", "KH": "Cambodia", "KI": "Kiribati", "KM": "Comoros",
    "KN": "Saint Kitts and Nevis", "KP": "North Korea", "KR": "South Korea", "KW": "Kuwait",
    "KY": "Cayman Islands", "KZ": "Kazakhstan", "LA": "Laos", "LB": "Lebanon", "LC": "Saint Lucia",
    "LI": "Liechtenstein", "LK": "Sri Lanka", "LR": "Liberia", "LS": "Lesotho", "LT": "Lithuania",
    "LU": "Luxembourg", "LV": "Latvia", "LY": "Libya", "MA": "Morocco", "MC": "Monaco", "MD": "Moldova",
    "ME": "Montenegro", "MF": "Saint Martin", "MG": "Madagascar", "MH": "Marshall Islands",
    "MK": "North Macedonia", "ML": "Mali", "MM": "Myanmar", "MN": "Mongolia", "MO": "Macao",
    "MP": "Northern Mariana Islands", "MQ": "Martinique", "MR": "Mauritania", "MS": "Montserrat", "MT": "Malta",  # noqa: E501
    "MU": "Mauritius", "MV": "Maldives", "MW": "Malawi", "MX": "Mexico", "MY": "Malaysia", "MZ": "Mozambique",
    "NA": "Namibia", "NC": "New Caledonia", "NE": "Niger", "NF": "Norfolk Island", "NG": "Nigeria",
    "NI": "Nicaragua", "NL": "Netherlands", "NO": "Norway", "NP": "Nepal", "NR": "Nauru", "NU": "Niue",
    "NZ": "New Zealand", "OM": "Oman", "PA": "Panama", "PE": "Peru", "PF": "French Polynesia",
    "PG": "Papua New Guinea", "PH": "Philippines", "PK": "Pakistan", "PL": "Poland",
    "PM": "Saint Pierre and Miquelon", "PN": "Pitcairn", "PR": "Puerto Rico", "PS": "Palestine",
    "PT": "Portugal", "PW": "Palau", "PY": "Paraguay", "QA": "Qatar", "RE": "Réunion", "RO": "Romania",
    "RS": "Serbia", "RU": "Russia", "RW": "Rwanda", "SA": "Saudi Arabia", "SB": "Solomon Islands",
    "SC": "Seychelles", "SD": "Sudan", "SE": "Sweden", "SG": "Singapore", "SH": "Saint Helena",
    "SI": "Slovenia", "SJ": "Svalbard and Jan Mayen", "SK": "Slovakia", "SL": "Sierra Leone",
    "SM": "San Marino", "SN": "Senegal", "SO": "Somalia", "SR": "Suriname", "SS": "South Sudan",
    "ST": "Sao Tome and Principe", "SV": "El Salvador", "SX": "Sint Maarten", "SY": "Syria",
    "SZ": "Eswatini", "TC": "Turks and Caicos Islands", "TD": "Chad", "TF": "French Southern Territories",
    "TG": "Togo", "TH": "Thailand", "TJ": "Tajikistan", "TK": "Tokelau", "TL": "Timor-Leste",
    "TM": "Turkmenistan", "TN": "Tunisia", "TO": "Tonga", "TR": "Türkiye", "TT": "Trinidad and Tobago",
    "TV": "Tuvalu", "TW": "Taiwan", "TZ": "Tanzania", "UA": "Ukraine", "UG": "Uganda",
    "UM": "United States Minor Outlying Islands", "US": "United States", "UY": "Uruguay", "UZ": "Uzbekistan",
    "VA": "Holy See", "VC": "Saint Vincent and the Grenadines", "VE": "Venezuela", "VG": "British Virgin Islands",  # noqa: E501
    "VI": "U.S. Virgin Islands", "VN": "Vietnam", "VU": "Vanuatu", "WF": "Wallis and Futuna", "WS": "Samoa",
    "YE": "Yemen", "YT": "Mayotte", "ZA": "South Africa", "ZM": "Zambia", "ZW": "Zimbabwe",
}  # fmt: skip

# Other names of a country, as they appear in news copy.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "VN": ("Viet Nam", "Việt Nam", "Socialist Republic of Vietnam", "Socialist Republic of Viet Nam",
           "Democratic Republic of Vietnam", "Democratic Republic of Việt Nam", "SRV"),
    "RU": ("Russian Federation", "the Russian Federation", "Soviet Union", "USSR", "Soviet Russia"),
    "US": ("United States of America", "USA", "U.S.", "US", "America"),
    "GB": ("United Kingdom of Great Britain and Northern Ireland", "Great Britain", "Britain", "UK", "U.K.",
           "England"),
    "CN": ("People's Republic of China", "PRC", "Mainland China"),
    "KR": ("Republic of Korea", "Korea", "ROK"),
    "KP": ("Democratic People's Republic of Korea", "DPRK"),
    "LA": ("Lao PDR", "Lao People's Democratic Republic", "Lao"),
    "KH": ("Kingdom of Cambodia",),
    "TH": ("Kingdom of Thailand",),
    "KZ": ("Republic of Kazakhstan",),
    "BY": ("Republic of Belarus",),
    "UZ": ("Republic of Uzbekistan",),
    "IN": ("Republic of India",),
    "CU": ("Republic of Cuba",),
    "EG": ("Arab Republic of Egypt",),
    "ID": ("Republic of Indonesia",),
    "PH": ("Republic of the Philippines",),
    "TR": ("Turkey", "Turkiye", "Republic of Turkey", "Republic of Türkiye"),
    "IR": ("Islamic Republic of Iran",),
    "SY": ("Syrian Arab Republic",),
    "VE": ("Bolivarian Republic of Venezuela",),
    "BO": ("Plurinational State of Bolivia",),
    "TZ": ("United Republic of Tanzania",),
    "MD": ("Republic of Moldova",),
    "CZ": ("Czech Republic",),
    "NL": ("Holland", "Kingdom of the Netherlands"),
    "MM": ("Burma",),
    "CI": ("Ivory Coast",),
    "CV": ("Cape Verde",),
    "SZ": ("Swaziland",),
    "MK": ("Macedonia",),
    "BN": ("Brunei Darussalam", "Brunei"),
    "VA": ("Vatican",),
    "TL": ("East Timor",),
    "PS": ("State of Palestine",),
    "CD": ("DR Congo", "DRC"),
    "FM": ("Federated States of Micronesia",),
    "DE": ("Federal Republic of Germany",),
    "FR": ("French Republic",),
    "MN": ("Mongolian People's Republic",),
    "AE": ("UAE",),
    "SA": ("Kingdom of Saudi Arabia",),
}  # fmt: skip

# Adjectives and nouns of nationality (the plural "-s" forms are matched by the pattern).
DEMONYMS: dict[str, tuple[str, ...]] = {
    "VN": ("Vietnamese",), "RU": ("Russian", "Soviet"), "CN": ("Chinese",), "LA": ("Lao", "Laotian"),
    "KH": ("Cambodian", "Khmer"), "TH": ("Thai",), "MM": ("Myanmar", "Burmese"), "MY": ("Malaysian",),
    "SG": ("Singaporean",), "ID": ("Indonesian",), "PH": ("Philippine", "Filipino"), "BN": ("Bruneian",),
    "TL": ("Timorese",), "JP": ("Japanese",), "KR": ("South Korean", "Korean"), "KP": ("North Korean",),
    "MN": ("Mongolian",), "IN": ("Indian",), "PK": ("Pakistani",), "BD": ("Bangladeshi",),
    "LK": ("Sri Lankan",), "NP": ("Nepali", "Nepalese"), "AF": ("Afghan",), "IR": ("Iranian",),
    "IQ": ("Iraqi",), "SY": ("Syrian",), "TR": ("Turkish",), "IL": ("Israeli",), "PS": ("Palestinian",),
    "JO": ("Jordanian",), "LB": ("Lebanese",), "SA": ("Saudi",), "AE": ("Emirati",), "QA": ("Qatari",),
    "KW": ("Kuwaiti",), "OM": ("Omani",), "YE": ("Yemeni",), "BH": ("Bahraini",), "EG": ("Egyptian",),
    "LY": ("Libyan",), "TN": ("Tunisian",), "DZ": ("Algerian",), "MA": ("Moroccan",), "SD": ("Sudanese",),
    "ET": ("Ethiopian",), "KE": ("Kenyan",), "NG": ("Nigerian",), "ZA": ("South African",),
    "AO": ("Angolan",), "MZ": ("Mozambican",), "TZ": ("Tanzanian",), "GH": ("Ghanaian",),
    "SN": ("Senegalese",), "KZ": ("Kazakh", "Kazakhstani"), "UZ": ("Uzbek",), "KG": ("Kyrgyz",),
    "TJ": ("Tajik",), "TM": ("Turkmen",), "AZ": ("Azerbaijani",), "AM": ("Armenian",), "GE": ("Georgian",),
    "BY": ("Belarusian", "Belarussian"), "UA": ("Ukrainian",), "MD": ("Moldovan",), "PL": ("Polish",),
    "CZ": ("Czech",), "SK": ("Slovak",), "HU": ("Hungarian",), "RO": ("Romanian",), "BG": ("Bulgarian",),
    "RS": ("Serbian",), "HR": ("Croatian",), "SI": ("Slovenian",), "GR": ("Greek", "Hellenic"),
    "CY": ("Cypriot",),
    "IT": ("Italian",), "ES": ("Spanish",), "PT": ("Portuguese",), "FR": ("French",), "DE": ("German",),
    "AT": ("Austrian",), "CH": ("Swiss",), "NL": ("Dutch",), "BE": ("Belgian",), "LU": ("Luxembourgish",),
    "GB": ("British",), "IE": ("Irish",), "DK": ("Danish",), "NO": ("Norwegian",), "SE": ("Swedish",),
    "FI": ("Finnish",), "IS": ("Icelandic",), "EE": ("Estonian",), "LV": ("Latvian",),
    "LT": ("Lithuanian",), "US": ("American",), "CA": ("Canadian",), "MX": ("Mexican",), "CU": ("Cuban",),
    "VE": ("Venezuelan",), "CO": ("Colombian",), "BR": ("Brazilian",), "AR": ("Argentine", "Argentinian"),
    "CL": ("Chilean",), "PE": ("Peruvian",), "BO": ("Bolivian",), "EC": ("Ecuadorian",),
    "UY": ("Uruguayan",), "PY": ("Paraguayan",), "NI": ("Nicaraguan",), "AU": ("Australian",),
    "NZ": ("New Zealand",), "FJ": ("Fijian",), "PG": ("Papua New Guinean",), "BT": ("Bhutanese",),
    "MV": ("Maldivian",), "ZW": ("Zimbabwean",), "UG": ("Ugandan",), "RW": ("Rwandan",), "ZM": ("Zambian",),
    "NA": ("Namibian",), "BW": ("Botswanan",), "MW": ("Malawian",), "CM": ("Cameroonian",),
    "CI": ("Ivorian",), "ML": ("Malian",), "SO": ("Somali",), "ER": ("Eritrean",), "MU": ("Mauritian",),
    "MG": ("Malagasy",), "PA": ("Panamanian",), "CR": ("Costa Rican",), "GT": ("Guatemalan",),
    "HN": ("Honduran",), "SV": ("Salvadoran",), "JM": ("Jamaican",), "HT": ("Haitian",), "MT": ("Maltese",),
    "AL": ("Albanian",), "BA": ("Bosnian",), "MK": ("Macedonian",), "ME": ("Montenegrin",),
    "DJ": ("Djiboutian",), "LR": ("Liberian",), "SL": ("Sierra Leonean",), "GA": ("Gabonese",),
    "BJ": ("Beninese",), "TG": ("Togolese",), "BF": ("Burkinabe",), "NE": ("Nigerien",), "TD": ("Chadian",),
    "GM": ("Gambian",), "MR": ("Mauritanian",), "BI": ("Burundian",), "SC": ("Seychellois",),
    "KM": ("Comorian",), "CV": ("Cape Verdean", "Cabo Verdean"), "SS": ("South Sudanese",),
    "GQ": ("Equatorial Guinean",), "TT": ("Trinidadian",), "BB": ("Barbadian",), "GY": ("Guyanese",),
    "SR": ("Surinamese",), "BS": ("Bahamian",), "BZ": ("Belizean",), "WS": ("Samoan",), "TO": ("Tongan",),
    "VU": ("Vanuatuan",), "AD": ("Andorran",), "MC": ("Monegasque",), "SM": ("Sammarinese",),
    "LI": ("Liechtensteiner",),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CountryMention:
    start: int
    end: int
    code: str
    kind: str  # name, possessive, demonym, city


def _variants(form: str) -> set[str]:
    form = form[4:] if form.startswith("the ") else form
    return {form, form.replace("-", " ")}  # "Timor-Leste" is often written "Timor Leste"


def _build() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    lookup: dict[str, tuple[str, str]] = {}
    for code, name in ISO_NAMES.items():
        for form in _variants(name):
            lookup.setdefault(fold(form), (code, "name"))
    for code, forms in EXTRA_NAMES.items():
        for form in forms:
            for f in _variants(form):
                lookup[fold(f)] = (code, "name")
    for code, forms in DEMONYMS.items():
        for form in forms:
            key = fold(form)
            if key not in lookup:
                lookup[key] = (code, "demonym")
            if not key.endswith("s") and key != "lao":
                lookup.setdefault(key + "s", (code, "demonym"))
    forms = sorted(lookup, key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w$])(?P<poss>'s?)?")
    return pattern, lookup


_PATTERN, _LOOKUP = _build()


def fold_aligned(text: str) -> str:
    """A folded copy of ``text`` with the same length, so offsets carry over."""
    return "".join(map(_fold_char, text))


@lru_cache(maxsize=1 << 16)
def _fold_char(c: str) -> str:
    """One character of :func:`fold_aligned`, each folded once (folding a text character by character cost
    a sixth of extracting it)."""
    f = fold(c) if not c.isspace() else " "
    return f if len(f) == 1 else (c.lower() if len(c.lower()) == 1 else "?")


@lru_cache(maxsize=4096)
def _find(text: str) -> tuple[CountryMention, ...]:
    return tuple(_find_uncached(text))


def find_countries(text: str) -> list[CountryMention]:
    """Country mentions in ``text`` (one sentence): names, possessives ("Russia's"), demonyms, cities."""
    return list(_find(text))


def _find_uncached(text: str) -> list[CountryMention]:
    folded = fold_aligned(text)
    found: list[CountryMention] = []
    for c in find_cities(text):
        if well_known(c.city) and not names_another_country(c):
            found.append(CountryMention(c.start, c.end, c.city.code, "city"))
    found.extend(c for c in _governed(text) if not any(f.start == c.start for f in found))
    for m in _PATTERN.finditer(folded):
        key = " ".join(folded[m.start() : m.end() - len(m.group("poss") or "")].split())
        hit = _LOOKUP.get(key)
        if hit is None:
            continue
        code, kind = hit
        original = text[m.start() : m.end()]
        if not original[:1].isupper():
            continue  # "us", "chad", lower-case words
        if key == "us" and original[:2] != "US":
            continue
        if key in {"america", "american"} and re.search(
            r"\b(?:Latin|South|North|Central)[\s-]+$", text[max(0, m.start() - 10) : m.start()]
        ):
            continue  # a region ("Latin America Department"), not the United States
        if m.group("poss") and kind in {"name", "city"}:
            kind = "possessive"
        if any(c.start < m.end() and m.start() < c.end for c in found):
            continue  # a country's name inside a city's ("Kuwait City", "Mexico City")
        found.append(CountryMention(m.start(), m.end(), code, kind))
    found.sort(key=lambda c: c.start)
    return found


@lru_cache(maxsize=8192)
def country_by_name(text: str) -> str | None:
    """The country a short phrase names ("Russian Federation", "Việt Nam", "Vietnamese"), or None."""
    hit = _LOOKUP.get(" ".join(fold(text).split()))
    return hit[0] if hit else None


# a post named after the city it governs: "Governor of Tver", "Mayor of Kazan"
_GOVERNED = re.compile(r"\b(?:[Gg]overnor|[Mm]ayor)\s+of\s+(?:the\s+)?(?P<city>[A-Z][\w'-]+)")


def _governed(text: str) -> list[CountryMention]:
    """The cities, however small, that posts govern ("Governor of Irkutsk"): each places its holder in its
    country. Only the holder's country: such a city places no meeting."""
    found = []
    for m in _GOVERNED.finditer(text):
        city = lookup(m.group("city"))
        if city is not None and country_by_name(m.group("city")) is None:
            found.append(CountryMention(m.start("city"), m.end("city"), city.code, "city"))
    return found


def names_another_country(c: CityMention) -> bool:
    """A city written as the name of another country: "of Benin" is Benin, not Nigeria's Benin City."""
    named = country_by_name(c.text)
    return named is not None and named != c.city.code


def country_name(code: str) -> str:
    return ISO_NAMES.get(code, code)


def is_city(text: str) -> bool:
    city = lookup(text)
    return bool(city and well_known(city))


def place_countries(phrase: str) -> list[CountryMention]:
    """Country mentions of a phrase that names a place ("Nha Trang", "Moscow", "Russia's Tver"):
    as ``find_countries``, and any city the gazetteer knows, however small, since the phrase is a place."""
    hits = find_countries(phrase)
    if hits:
        return hits
    cities = find_cities("in " + phrase)[:1]
    return [CountryMention(c.start - 3, c.end - 3, c.city.code, "city") for c in cities]
