"""The vocabulary of official titles and of organisations, and splitting a title phrase."""

from __future__ import annotations

import re
import unicodedata

# Words that head an official's title.
TITLE_HEADS = {
    "minister", "ministers", "secretary", "chairman", "chairwoman", "chairperson", "chair", "head", "director",  # noqa: E501
    "ambassador", "governor", "mayor", "president", "premier", "speaker", "commander", "general", "chief",
    "deputy", "vice", "assistant", "adviser", "advisor", "envoy", "consul", "member", "rector", "spokesman",
    "spokeswoman", "spokesperson", "pm", "fm", "senator", "colonel", "admiral", "marshal", "lieutenant",
    "counsellor", "counselor", "attache", "representative", "commissioner", "prosecutor", "procurator",
    "justice", "judge", "ceo", "leader", "officer", "inspector", "undersecretary", "under-secretary",
    "chancellor", "king", "queen", "prince", "princess", "sultan", "emir", "viceroy", "delegate", "lawmaker",
    "legislator", "governor-general", "vice-chairman", "vice-president", "vice-governor", "co-chair",
    "co-chairman", "coordinator", "superintendent", "ruler", "aide", "councilor", "councillor", "diplomat",
    "mp", "nsa", "marshall", "agong", "amb", "chargé", "charge", "d'affaires", "affaires",
    "taoiseach", "tanaiste", "secretary-general", "director-general",
}  # fmt: skip
# Words that may stand inside a title or before its head.
TITLE_MODIFIERS = {
    "first", "permanent", "standing", "acting", "executive", "senior", "state", "prime", "foreign", "deputy",
    "vice", "extraordinary", "plenipotentiary", "major", "lieutenant", "general", "political", "special",
    "presidential", "chief", "managing", "former", "incumbent", "principal", "associate", "honorary", "crown",
    "rear",
}  # fmt: skip
# Military ranks written short, which head a title as the full word does: "Maj. Gen. NAME", "Rear Adm. NAME"
RANK_ABBREVIATIONS = {"gen", "adm", "col", "lt", "lieut", "maj", "brig", "capt", "cmdr"}
# Styles written before a name or a title, which are neither: "His Highness NAME", "HRH". ("Sheikh" is
# a style before a full name, "Sheikh NAME bin NAME", but a name itself in "Sheikh Hasina".)
HONORIFICS = {"highness", "majesty", "excellency", "hrh"}
# Words that head an organisation's name.
ORG_HEADS = {
    "ministry": "ministry", "ministries": "ministry", "agency": "agency", "office": "agency",
    "committee": "agency", "party": "party", "council": "agency", "commission": "agency",
    "department": "agency", "service": "agency", "union": "other", "duma": "parliament",
    "assembly": "parliament", "parliament": "parliament", "senate": "parliament", "congress": "parliament",
    "government": "government", "administration": "government", "university": "academic",
    "institute": "academic", "academy": "academic", "school": "academic", "college": "academic",
    "centre": "agency", "center": "agency", "corporation": "company", "group": "company",
    "company": "company", "bank": "company", "embassy": "agency", "consulate": "agency", "archives": "agency",
    "authority": "agency", "bloc": "agency", "secretariat": "agency", "presidium": "agency", "guard": "agency",  # noqa: E501
    "police": "agency", "army": "agency", "navy": "agency", "court": "agency", "procuracy": "agency",
    "fund": "agency", "association": "other", "society": "other", "federation": "other", "front": "party",
    "directorate": "agency", "inspectorate": "agency", "bureau": "agency", "board": "agency",
    "chamber": "other", "corps": "agency", "headquarters": "agency", "emercom": "ministry",
    "rosatom": "company", "kremlin": "government", "politburo": "party", "cabinet": "government",
    "organisation": "other", "organization": "other", "forces": "agency", "force": "agency",
    "station": "other", "plant": "company", "enterprise": "company", "ventures": "company",
    "venture": "company", "zone": "other", "railways": "company", "railway": "company", "airlines": "company",
    "airways": "company", "conference": "agency", "house": "parliament", "foundation": "other",
    "confederation": "other",
}  # fmt: skip
# Parliaments known by their own name, and their country ("Marshal of the Sejm NAME", "Lok Sabha Speaker
# NAME"): the last word of each heads a body's name.
PARLIAMENTS = {
    "sejm": "PL", "knesset": "IL", "bundestag": "DE", "storting": "NO", "riksdag": "SE", "folketing": "DK",
    "eduskunta": "FI", "seimas": "LT", "saeima": "LV", "riigikogu": "EE", "althing": "IS", "sabor": "HR",
    "verkhovna rada": "UA", "lok sabha": "IN", "rajya sabha": "IN", "dewan rakyat": "MY", "mazhilis": "KZ",
    "oliy majlis": "UZ", "state great khural": "MN", "pyidaungsu hluttaw": "MM", "jogorku kenesh": "KG",
    "milli majlis": "AZ",
}  # fmt: skip
ORG_HEADS |= {name.split()[-1]: "parliament" for name in PARLIAMENTS}
# The seats and departments of government that wire copy names for the government itself, whose name alone
# tells its country ("White House press secretary NAME", "Blue House spokesman NAME").
SEATS_OF_GOVERNMENT = {
    "white house": "US", "state department": "US", "pentagon": "US", "capitol hill": "US",
    "blue house": "KR", "cheong wa dae": "KR", "elysee": "FR", "elysee palace": "FR", "quai d'orsay": "FR",
    "downing street": "GB", "whitehall": "GB", "zhongnanhai": "CN", "kantei": "JP", "malacanang": "PH",
    "rashtrapati bhavan": "IN", "south block": "IN", "casa rosada": "AR", "planalto": "BR",
}  # fmt: skip
# Bodies whose name alone tells their country.
INSTITUTIONS = {
    "state duma": "RU", "duma": "RU", "federation council": "RU", "kremlin": "RU", "emercom": "RU",
    "rosatom": "RU", "roscosmos": "RU", "rosneft": "RU", "gazprom": "RU", "lukoil": "RU", "rostec": "RU",
    "rosselkhoznadzor": "RU", "roshydromet": "RU", "aeroflot": "RU", "united russia": "RU",
    "people's committee": "VN", "peoples committee": "VN", "vietnam fatherland front": "VN",
    "petrovietnam": "VN", "vietsovpetro": "VN", "national assembly of vietnam": "VN", "vna": "VN",
    "politburo of the cpv": "VN", "ho chi minh communist youth union": "VN", "cpv": "VN",
    "communist party of vietnam": "VN", "kprf": "RU", "cprf": "RU",
    "communist party of the russian federation": "RU", "liberal democratic party of russia": "RU",
    **PARLIAMENTS,
    # ruling and leading parties whose name or acronym alone tells their country ("an ANC delegation")
    "anc": "ZA", "african national congress": "ZA", "bjp": "IN", "bharatiya janata party": "IN",
    "kuomintang": "TW", "kmt": "TW", "lprp": "LA", "lao people's revolutionary party": "LA",
    "cambodian people's party": "KH", "workers' party of korea": "KP", "wpk": "KP", "umno": "MY",
    "people's action party": "SG", "akp": "TR", "chama cha mapinduzi": "TZ", "frelimo": "MZ",
    "mpla": "AO", "zanu-pf": "ZW", "swapo": "NA", "fsln": "NI", "psuv": "VE", "golkar": "ID",
    "awami league": "BD", "likud": "IL", "communist party of china": "CN", "communist party of cuba": "CU",
    **SEATS_OF_GOVERNMENT,
}  # fmt: skip
# International bodies, of no country, that titles name by their acronym ("UN Secretary-General NAME").
INTERNATIONAL = {
    "UN": "United Nations", "ASEAN": "Association of Southeast Asian Nations", "EU": "European Union",
    "WHO": "World Health Organization", "FAO": "Food and Agriculture Organization",
    "IMF": "International Monetary Fund", "WTO": "World Trade Organization",
    "UNICEF": "United Nations Children's Fund", "UNDP": "United Nations Development Programme",
    "UNESCO": "UNESCO", "IAEA": "International Atomic Energy Agency",
    "SCO": "Shanghai Cooperation Organisation", "EAEU": "Eurasian Economic Union", "NATO": "NATO",
    "OPEC": "OPEC", "AU": "African Union", "CSTO": "Collective Security Treaty Organization",
    "CIS": "Commonwealth of Independent States", "OSCE": "OSCE", "ADB": "Asian Development Bank",
    "ILO": "International Labour Organization", "WFP": "World Food Programme", "UNHCR": "UNHCR",
    "IOM": "International Organization for Migration", "OIC": "Organisation of Islamic Cooperation",
}  # fmt: skip
# Posts that head an international body's own staff; not its rotating chair nor its leaders' summit.
INTERNATIONAL_POSTS = {
    "secretary-general", "secretary", "director-general", "director", "deputy", "representative", "chief",
    "commissioner", "head", "executive", "spokesperson", "spokesman", "spokeswoman", "envoy", "president",
    "high", "special", "resident", "country", "vice-president", "assistant", "under-secretary",
}  # fmt: skip
# Buildings whose proper name the press writes for the office inside them, as "the Kremlin" is written
# for Russia's presidency: "Cheong Wa Dae announced", "according to Wisma Putra's statement". Such a
# name is never a person's, though it stands where a speaker's name would.
SEATS_OF_OFFICE = frozenset(
    {
        "cheong wa dae", "blue house", "white house", "wisma putra", "zhongnanhai", "malacanang",
        "malacanang palace", "elysee", "elysee palace", "itamaraty", "kantei", "istana", "istana negara",
        "downing street", "quai d'orsay", "pentagon", "kremlin", "south block", "yongsan",
    }
)  # fmt: skip


def is_seat_of_office(text: str) -> bool:
    """True for a building's name written for the office it houses ("Cheong Wa Dae", "Wisma Putra")."""
    folded = unicodedata.normalize("NFKD", " ".join(text.split()).lower().replace("’", "'"))
    return "".join(c for c in folded if not unicodedata.combining(c)) in SEATS_OF_OFFICE


# Offices that only one state's officials hold under that wording, so the title alone tells whose they
# are: India's "External Affairs Minister" and "MEA spokesperson", the American "Secretary of State" (a
# British one is "Secretary of State for ..."), China's "State Councilor".
_NATIONAL_TITLES = [
    # India's word order only: not a "Committee for External Affairs", nor a "Minister of External Affairs"
    (re.compile(r"^(?:the\s+)?(?:Union\s+)?External\s+Affairs\s+Minister$|\bMEA\b", re.I), "IN"),
    (re.compile(r"^(?:the\s+)?Secretary\s+of\s+State$", re.I), "US"),
    (re.compile(r"\bState\s+Council+or\b", re.I), "CN"),
]


def national_title(title: str) -> str | None:
    """The one country whose officials bear a title so worded, or None."""
    return next((code for pattern, code in _NATIONAL_TITLES if pattern.search(title.strip())), None)


# The fields a ministry's name lists, which never name a person: "Minister for Law NAME", "Minister of
# Agriculture and Forestry NAME" (the word before the name is the portfolio's, not a given name).
PORTFOLIO_NOUNS = {
    "law", "forestry", "fisheries", "youth", "mines", "mining", "petroleum", "commerce", "interior",
    "aviation", "shipping", "maritime", "housing", "welfare", "veterans", "minorities", "heritage",
    "innovation", "research", "climate", "revenue", "taxation", "customs", "immigration", "employment",
    "statistics", "livestock", "irrigation", "wildlife", "telecommunications", "infrastructure",
    "staff", "integration", "logistics", "communications", "tourism", "forests", "textiles", "handicrafts",
    "policy", "policies", "sport",
}  # fmt: skip
# Words that never belong to a person's name, though capitalised.
NON_NAME = (
    set(TITLE_HEADS)
    | PORTFOLIO_NOUNS
    | set(TITLE_MODIFIERS)
    | set(ORG_HEADS)
    | HONORIFICS
    | {
        "the", "a", "an", "and", "of", "in", "on", "at", "for", "to", "by", "with", "from", "as", "after",
        "before", "during", "while", "when", "where", "but", "yet", "so", "also", "both", "all", "this",
        "that", "these", "those", "his", "her", "their", "its", "our", "your", "my", "he", "she", "they",
        "it", "we", "you", "i", "there", "here", "earlier", "later", "today", "tomorrow", "yesterday",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "photo", "vna", "vns", "tass", "mr", "mrs", "ms", "dr", "gen", "adm", "col", "maj", "lieut", "lt",
        "cmdr", "sgt", "snr", "brig", "capt", "madam", "sir", "comrade", "host", "guest", "smt", "shri",
        "shrimati",
        "guests", "hosts", "according", "speaking", "following", "under", "over", "thanks", "welcoming",
        "working", "stressing", "opening", "closing", "addressing", "members", "participants", "people",
        "peoples", "people's", "central", "national", "federal", "international", "communist", "socialist",
        "democratic", "republic", "kingdom", "federation", "united", "states", "popular", "workers",
        "province", "provincial", "city", "municipal", "district", "town", "region", "regional", "krai",
        "oblast", "territory", "island", "islands", "mausoleum", "museum", "monument", "square", "palace",
        "hall", "house", "port", "airport", "station", "street", "road", "avenue", "bridge", "lake", "river",
        "sea", "ocean", "bay", "gulf", "mountain", "valley", "plain", "north", "south", "east", "west",
        "northern", "southern", "eastern", "western", "asia", "asian", "europe", "european",
        "africa", "african", "america", "american", "pacific", "atlantic", "arctic", "asean", "apec", "un",
        "united nations", "covid", "covid-19", "world", "cup", "forum", "summit", "conference", "session",
        "meeting", "talks", "games", "olympic", "expo", "exhibition", "festival", "week", "year", "day",
        "agreement", "treaty", "memorandum", "programme", "program", "plan", "protocol", "roadmap", "strategy",  # noqa: E501
        "strategic", "comprehensive", "partnership", "cooperation", "relations", "affairs", "development",
        "economic", "economy", "trade", "industry", "energy", "health", "education", "science", "technology",
        "security", "defence", "defense", "public", "internal", "home", "justice", "culture", "sports",
        "tourism", "transport", "finance", "planning", "investment", "agriculture", "rural", "labour",
        "labor", "invalids", "social", "information", "communications", "environment", "resources",
        "natural", "construction", "emergencies", "civil", "foreign", "external", "organisation",
        "organization", "mass", "media", "digital", "bloc", "general", "supreme", "peoples'",
        "bilateral", "multilateral", "agong",
        "new", "old", "great", "soviet", "vietnamese", "russian", "s", "no", "yes", "not", "only", "even",
        "every", "each", "some", "many", "much", "more", "most", "few", "other", "another", "such", "what",
        "which", "who", "whom", "whose", "how", "why", "if", "then", "than", "because", "although", "though",
        "however", "moreover", "meanwhile", "furthermore", "additionally", "besides", "overall", "together",
        "since", "until", "about", "against", "between", "among", "into", "through", "within", "without",
        "upon", "via", "per", "ask", "look", "none", "sentiment", "oil", "gas", "league", "ministerial",
        "direct", "regular", "fan", "ids", "tickets", "belt", "initiative", "zone", "free",
        "side", "sides", "two", "three", "four", "five", "one", "second", "third", "fourth", "fifth",
        "delegation", "delegations", "visit", "trip", "call", "phone", "video", "online", "virtual",
        "rosatom", "emercom", "gazprom", "rosneft", "rostec", "roscosmos", "kremlin", "aeroflot", "intergovernmental",  # noqa: E501
        # a plural title before the names it is shared by: "Presidents A of X and B of Y"
        "presidents", "premiers", "leaders", "ambassadors", "counterparts", "governors", "chancellors",
        "secretaries", "speakers", "envoys", "chairmen",
    }
)  # fmt: skip

# a portfolio in a title written in lower case, as many papers print titles: "external affairs minister",
# "defence secretary", "secretary of defence"
PORTFOLIOS = {
    "external", "foreign", "affairs", "home", "defence", "defense", "finance", "trade", "commerce",
    "industry", "interior", "health", "education", "energy", "agriculture", "transport", "culture",
    "justice", "labour", "labor", "tourism", "security", "economy", "science", "technology",
    "environment", "information", "petroleum", "railways", "power", "steel", "mines", "water",
    "resources", "investment", "planning", "press",
}  # fmt: skip

_SPLIT_TITLE = re.compile(r"\s*(?:,|\band\b|\s-\s)\s*")


def split_titles(phrase: str) -> list[str]:
    """ "Secretary of X, Head of Y" -> two titles; "Minister of Agriculture and Rural Development" -> one."""
    phrase = " ".join(phrase.split()).strip(" ,;-")
    if not phrase:
        return []
    parts: list[str] = []
    pos = 0
    current_start = 0
    for m in _SPLIT_TITLE.finditer(phrase):
        nxt = phrase[m.end() :].split(" ", 1)[0].lower().strip(",")
        after = phrase[m.end() :].split()
        starts_title = nxt in TITLE_HEADS or (
            nxt in TITLE_MODIFIERS | {"russian", "vietnamese"}
            and any(w.lower() in TITLE_HEADS for w in after[:4])
        )
        is_dash = m.group(0).strip() == "-"
        if starts_title and not is_dash:
            before = phrase[current_start : m.start()]
            if any(w.lower().strip(",'") in TITLE_HEADS for w in before.split()):
                parts.append(before)
                current_start = m.end()
        pos = m.end()
    last = phrase[current_start:]
    rank = re.search(
        r"\s((?:Senior\s+)?(?:Lieutenant\s+|Major\s+|Colonel\s+)?(?:General|Colonel|Admiral|Marshal)"
        r"|(?:(?:Sen|Snr|Lieut|Lt|Maj|Brig|Gen|Col|Adm)\.?\s*)+"
        # a royal rank after the office: "Saudi Minister of Defence Prince NAME"
        r"|(?:Crown\s+)?Prince|Princess|King|Queen|Sultan|Emir)$",
        last,
    )
    general_office = bool(_GENERAL_OFFICE.search(last))  # "Secretary General": no rank after an office
    if rank and rank.start() > 0 and has_title_head(last[: rank.start()]) and not general_office:
        parts.append(last[: rank.start()])
        parts.append(rank.group(1).strip())
    else:
        parts.append(last)
    del pos
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


# offices whose name ends on "General", which is no rank after them: "Secretary General", "Consul General"
_GENERAL_OFFICE = re.compile(
    r"\b(?:Secretary|Consul|Director|Attorney|Solicitor|Inspector|Auditor|Governor|Procurator|Commissioner)"
    r"\s+General$",
    re.I,
)


def has_title_head(phrase: str, ranks: bool = False) -> bool:
    """A word of the phrase heads a title; with ``ranks``, a rank written short does too ("Maj. Gen.")."""
    heads = TITLE_HEADS | RANK_ABBREVIATIONS if ranks else TITLE_HEADS
    return any(w.lower().strip(",.'") in heads for w in re.split(r"[\s-]+", phrase))


def ministry_from_title(title: str) -> str:
    """ "Deputy Minister of Home Affairs of Vietnam" -> "Ministry of Home Affairs of Vietnam"; a secretary
    heads a department: "Secretary of State" -> "Department of State", "Secretary of State for Education"
    -> "Department for Education"."""
    m = _SECRETARY_FOR.search(title)
    if m:
        return f"Department for {m.group(1)}"
    m = _SECRETARY_OF.search(title)
    if m:
        name = " ".join(m.group(1).split()).title().replace("The ", "the ")
        return f"Department of {'Defense' if name == 'Defence' else name}"  # the department's own spelling
    m = _COUNCILLOR.search(title)
    if m:
        return f"{m.group(1)} Council"  # "State Councilor" sits on the State Council
    if re.search(r"\b(?:[Ff]oreign\s+[Mm]inister|FM)\b", title):
        m = re.search(r"\bof\s+(?:the\s+)?(.+)$", title)
        return "Ministry of Foreign Affairs" + (f" of {m.group(1)}" if m else "")
    m = re.search(r"\bMinister\s+of\s+State\b(?:\s+(?:for|of)\s+(?:the\s+)?(.+))?$", title)
    if m:
        # "Minister of State for Ports and Shipping": a rank in the ministry of the portfolio; alone, no body
        return f"Ministry of {m.group(1)}" if m.group(1) else ""
    m = re.search(r"\bMinister\s+(of|for)\s+(.+)$", title)
    if m and not re.search(r"\bPrime\s+Minister", title):
        return f"Ministry {m.group(1)} {m.group(2)}".strip()
    m = re.search(r"((?:\b[A-Za-z]+\s+(?:and\s+)?){1,3})[Mm]inister\b", title)
    if m and not re.search(r"\b[Pp]rime\s+[Mm]inister", title):
        # "External Affairs Minister", "Russian Defence Minister", "Deputy Trade and Industry Minister",
        # "external affairs minister" (a paper that prints titles in lower case)
        words = m.group(1).split()
        words = words[next((i for i, w in enumerate(words) if w[:1].isupper() or w in PORTFOLIOS), 0) :]
        while words and (_not_a_portfolio(words[0]) or words[0] == "and"):
            if [w.lower() for w in words[:2]] == [words[0].lower(), "affairs"] and words[0] != "and":
                break  # "Foreign Affairs Minister": the portfolio is "Foreign Affairs"
            words.pop(0)
        if (
            words
            and [w.lower() for w in words] != ["affairs"]
            and not _not_a_portfolio(words[-1])
            and all(w[:1].isupper() or w in PORTFOLIOS | {"and"} for w in words)
        ):
            portfolio = " ".join(w if w == "and" else w[:1].upper() + w[1:] for w in words)
            return f"Ministry of {_AFFAIRS.get(portfolio, portfolio)}"
    return ""


_AFFAIRS = {"Foreign": "Foreign Affairs", "Home": "Home Affairs"}
_COUNCILLOR = re.compile(r"\b((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)\s+Council(?:l)?or\b")
# a cabinet secretary's department ("US Secretary of Defense", "Deputy Secretary of State")
_SECRETARY_OF = re.compile(
    r"\bSecretary\s+of\s+(State|Defen[cs]e|the\s+Treasury|Commerce|Energy|Agriculture|Labou?r|Education|"
    r"Transportation|Homeland\s+Security|the\s+Interior|Veterans\s+Affairs)$",
    re.I,
)
_SECRETARY_FOR = re.compile(
    r"\b(?:State\s+Secretary|Secretary\s+of\s+State)\s+for\s+(?!Foreign)([A-Z][\w ,]+)$"
)


def _not_a_portfolio(word: str) -> bool:
    """A word before "Minister" that names no ministry: a rank ("Deputy", "Senior"), a country's adjective."""
    from .countries import find_countries

    low = word.lower()
    return (
        low in TITLE_MODIFIERS
        or low in TITLE_HEADS
        or low in {"cabinet", "union", "federal"}
        or bool(find_countries(word))
    )
