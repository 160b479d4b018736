"""Person names: tokens, capitalised runs, name shapes, surname-first forms and matching of forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relations.editorial.search import fold as _fold_uncached
from relations.editorial.search import fold_tokens as _fold_tokens_uncached
from relations.editorial.similarity import words_close

from .titles import NON_NAME

fold = lru_cache(maxsize=65536)(_fold_uncached)


@lru_cache(maxsize=65536)
def _ftokens(text: str) -> tuple[str, ...]:
    return tuple(_fold_tokens_uncached(text))


def fold_tokens(text: str) -> list[str]:
    return list(_ftokens(text))


_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?:'(?!s\b)[^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\s\w]")


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def low(self) -> str:
        return fold(self.text)


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# lower-case words inside a name: "Faisal bin Farhan", "Ursula von der Leyen", "Lula da Silva"
NAME_PARTICLES = frozenset(
    {
        "bin",
        "binti",
        "bint",
        "ibn",
        "bte",
        "al",
        "el",
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "dos",
        "do",
        "das",
        "del",
        "du",
        "di",
        "la",  # "Juan de la Fuente"
        "las",
        "los",
    }
)


VN_SURNAMES = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "doan", "trinh", "luong", "to", "luu", "mai", "ta", "kieu", "truong", "nghiem", "ton",
    "lai", "chu", "dinh", "lam", "phung", "ha", "cao", "dao", "tong", "lu", "quach", "thai", "trieu", "giang",
    "hua", "la", "au", "van", "vuong", "khuat", "chau", "chan", "tieu", "nong", "mac", "ong", "diep",
}  # fmt: skip
VN_MIDDLE = {
    "van",
    "thi",
    "dinh",
    "duc",
    "quoc",
    "minh",
    "hong",
    "thu",
    "ngoc",
    "xuan",
    "huu",
    "thanh",
    "kim",
}
RU_GIVEN = {
    "dmitry", "dmitri", "vladimir", "sergei", "sergey", "igor", "andrei", "andrey", "alexei", "aleksei",
    "alexey", "alexander", "aleksandr", "mikhail", "nikolai", "nikolay", "yuri", "yury", "oleg", "viktor",
    "victor", "anatoly", "anatoli", "boris", "gennady", "valentin", "vladislav", "pyotr", "petr", "pavel",
    "ivan", "maxim", "maksim", "konstantin", "timur", "roman", "vadim", "yevgeny", "evgeny", "leonid",
    "arkady", "stepan", "denis", "anton", "kirill", "ilya", "grigory", "valery", "vyacheslav", "tatyana",
    "tatiana", "olga", "irina", "anna", "elena", "yelena", "natalia", "natalya", "svetlana", "maria",
    "anastasia", "kira", "valentina", "lyudmila", "galina", "marina", "ekaterina", "yekaterina", "veronika",
    "ruslan", "artem", "artyom", "fyodor", "vasily", "georgy", "yaroslav", "rustam", "marat", "alexandra",
    "daria", "ksenia", "yulia", "elvira", "zinaida", "lev", "semyon", "gleb", "matvei", "nikita", "ilia",
}  # fmt: skip
_PATRONYMIC = re.compile(r"(?:ovich|evich|yevich|ich|ovna|evna|yevna|ichna|inichna)$")
_RU_SURNAME = re.compile(r"(?:ov|ova|ev|eva|yev|yeva|in|ina|yn|sky|skiy|skaya|skii|enko|chuk|shin|kin|tsev)$")
_VN_LETTERS = re.compile(r"[\u1ea0-\u1ef9đĐơƠưƯăĂĩĨũŨ]")


def is_initial(token: str) -> bool:
    return (
        len(token) <= 2
        and token.rstrip(".").isalpha()
        and token[:1].isupper()
        and len(token.rstrip(".")) == 1
    )


def name_token_ok(tok: Token) -> bool:
    """A capitalised word that could be part of a person's name."""
    if not tok.is_word or not tok.is_cap:
        return False
    if tok.text.lower() in NON_NAME:
        return tok.text == "Un"  # the United Nations is "UN"; "Kim Jong Un" ends with a name
    return True


def is_surname_first_ru(tokens: list[str]) -> bool:
    """ "Kolokoltsev Vladimir Alexandrovich": surname, given name, patronymic."""
    if len(tokens) != 3:
        return False
    f = [fold(t) for t in tokens]
    return bool(_PATRONYMIC.search(f[2])) and not _PATRONYMIC.search(f[1])


def given_first(name: str) -> str:
    """The given-name-first form of a surname-first name ("Kolokoltsev Vladimir Alexandrovich")."""
    parts = name.split()
    if is_surname_first_ru(parts):
        return " ".join([parts[1], parts[2], parts[0]])
    # "TSUKAMOTO Hiroshi": a surname in capitals first; "K.L. Petrov" has its initials first already
    if (
        len(parts) == 2
        and len(parts[0]) >= 3
        and parts[0].isupper()
        and parts[0].isalpha()
        and not parts[1].isupper()
    ):
        return f"{parts[1]} {parts[0].title()}"
    return name


# Common Chinese family names and the syllables of Hanyu Pinyin, for "Wang Yi", "Li Xi", "Mao Dingzi".
CN_SURNAMES = {
    "wang", "li", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "hu", "zhu",
    "gao", "lin", "he", "guo", "ma", "luo", "liang", "song", "zheng", "xie", "han", "tang", "feng", "yu",
    "dong", "xiao", "cheng", "cao", "yuan", "deng", "fu", "shen", "zeng", "peng", "lu", "su", "jiang", "cai",
    "jia", "ding", "wei", "xue", "ye", "yan", "pan", "du", "dai", "xia", "zhong", "tian", "ren", "fan",
    "fang", "shi", "yao", "tan", "liao", "zou", "xiong", "jin", "hao", "kong", "bai", "cui", "kang", "mao",
    "qiu", "qin", "gu", "hou", "shao", "meng", "long", "wan", "duan", "lei", "qian", "tao", "qi", "mei",
    "xi", "bo", "ji", "yi", "zhai", "wen", "geng", "lou", "qu", "pang", "bi", "nie", "niu", "ou",
}  # fmt: skip
_PINYIN = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u|v)"
)


_PINYIN_WORD = re.compile(rf"(?:{_PINYIN.pattern}){{1,3}}")


def _pinyin_word(word: str) -> bool:
    """A word made of one to three pinyin syllables ("dingzi", "huning")."""
    return bool(_PINYIN_WORD.fullmatch(word))


def shape_country(name: str) -> str | None:
    """A weak guess of a name's country from its shape: Vietnamese, Russian or Chinese, else None."""
    if _VN_LETTERS.search(name):
        return "VN"
    toks = fold_tokens(name)
    if not toks:
        return None
    if len(toks) >= 3 and toks[0] in VN_SURNAMES and all(len(t) <= 6 for t in toks):
        return "VN"
    if len(toks) >= 2 and toks[0] in VN_SURNAMES and toks[1] in VN_MIDDLE:
        return "VN"
    if any(_PATRONYMIC.search(t) for t in toks[1:]):
        return "RU"
    if toks[0] in RU_GIVEN and (len(toks) == 1 or _RU_SURNAME.search(toks[-1]) or len(toks) == 2):
        return "RU"
    if len(toks) >= 2 and _RU_SURNAME.search(toks[-1]) and toks[0] in RU_GIVEN:
        return "RU"
    if 2 <= len(toks) <= 3 and toks[0] in CN_SURNAMES and all(_pinyin_word(t) for t in toks[1:]):
        return "CN"
    return None


@lru_cache(maxsize=65536)
def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return words_close(a, b)


@lru_cache(maxsize=65536)
def forms_match(a: str, b: str) -> bool:
    """Two written forms of a person's name that plausibly name the same person (order-insensitive)."""
    ta, tb = fold_tokens(a), fold_tokens(b)
    if not ta or not tb:
        return False
    if len(ta) != len(tb) and "".join(ta) == "".join(tb):
        return True  # "Abdul Aziz" written as one word, "Abdulaziz"
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    used: set[int] = set()
    exact = 0
    for t in short:
        hit = None
        for j, u in enumerate(long_):
            if j not in used and t == u:
                hit = j
                break
        if hit is None:
            for j, u in enumerate(long_):
                if j not in used and _close(t, u):
                    hit = j
                    break
        else:
            exact += len(t) > 1
        if hit is None:
            return False
        used.add(hit)
    if len(short) == len(long_):
        return exact >= 1 or len(short) >= 2
    return len(short) >= 2 and exact >= 1 and any(len(t) > 1 for t in short)


_SON_OF = {"bin", "ibn", "bint", "binti"}


def _contains(toks: list[str], part: list[str]) -> bool:
    """Whether the words ``part`` stand together, in order, in ``toks``."""
    n = len(part)
    return any(toks[i : i + n] == part for i in range(len(toks) - n + 1))


def single_matches(token: str, forms: list[str]) -> int:
    """How well one word refers to a person with these forms: 2 first/last word, 1 close, 0 none."""
    t = fold(token)
    parts = fold_tokens(token)
    best = 0
    for form in forms:
        toks = fold_tokens(form)
        if len(parts) > 1 and _contains(toks, parts):
            best = max(best, 2)  # "Al-Harbi": the hyphenated family name of "Faisal al-Harbi"
            continue
        if len(toks) < 2:
            if toks and toks[0] == t:
                best = max(best, 2)
            continue
        vietnamese = shape_country(form) == "VN"
        ends = {toks[0], toks[-1]} if not vietnamese else {toks[-1]}
        # "Khalid bin Salman": the word after "bin" names the father ("King Salman" is another man)
        fathers = {u for k, u in enumerate(toks[1:], 1) if toks[k - 1] in _SON_OF and u != toks[0]}
        ends -= fathers
        if t in ends:
            best = max(best, 2)
        elif t in fathers:
            continue
        elif not vietnamese and t in toks[1:-1] and len(t) >= 4:
            best = max(best, 2)
        elif vietnamese and t == toks[0] and len(toks) >= 3:
            best = max(best, 1)  # foreign media call Vietnamese leaders by the family name ("Vo")
        elif len(t) >= 6 and any(words_close(t, e, 0.85) for e in ends if len(e) >= 6):
            best = max(best, 1)
    return best
