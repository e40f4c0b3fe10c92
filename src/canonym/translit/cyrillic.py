"""Russian and Ukrainian Cyrillic → Latin transliteration under named systems.

Pure functions of ``str``; standard library only. Each system is a small table of rules applied
in one left-to-right pass over each Cyrillic word (a maximal run of Cyrillic letters, plus the
Ukrainian apostrophe between two letters). A rule is chosen in this order: a word-final
ending (``-ий`` → ``-y`` in press style, ``-ин`` → ``-ine`` in French style), a two-letter
cluster (``зг`` → ``zgh`` in KMU 2010, ``кс`` → ``x`` in French and German), a word-initial
form, a form after a given previous letter (``е`` → ``ye`` after vowels), a form before a given
next letter (French ``ге`` → ``gue``), a form between vowels (German ``с`` → ``ss``), and the
letter's plain form.

Russian systems (:data:`RUSSIAN_SYSTEMS`):

* ``press``: English press / Wikipedia style (simplified BGN): ``ё`` yo, ``ь ъ`` dropped,
  ``-ий -ый`` → ``-y`` (Valery, Zelensky, Yevgeny).
* ``bgn``: BGN/PCGN 1947: ``е`` ye initially and after vowels, ``й ь ъ``; ``ё`` ë/yë; ``ь`` ’.
* ``icao``: ICAO Doc 9303 = Russian passports since 2013: ``й`` i, ``ю`` iu, ``я`` ia, ``ъ`` ie.
* ``iso9``: ISO 9:1995 = GOST 7.79 System A, one letter per letter (``ž č š ŝ û â``).
* ``alalc``: ALA-LC 2012, with tie bars (``t͡s``, ``i͡a``) and ``ĭ``.
* ``mvd310``: Russian passports 1997–2010 (``й`` y, ``ю`` yu, ``я`` ya, ``ь`` ').
* ``gost52535``: Russian passports 2010–2013 (ICAO-like, but ``ц`` tc).
* ``gost-b``: GOST 7.79 System B, ASCII only (``х`` x, ``ц`` cz/c, ``щ`` shh, ``ы`` y`).
* ``scholarly``: the scientific system (``х`` x, ``щ`` šč, ``ю`` ju, ``я`` ja).
* ``french``: French style (MVD 310 fr): ``ш`` ch, ``ч`` tch, ``у`` ou, ``ге`` gue, ``-ин`` -ine,
  ``с`` ss between vowels (Belooussov, Guerassimov)
  (Poutine, Serguei, Choigou).
* ``german``: German (Duden) style: ``в`` w, ``з`` s, ``ж ш`` sch, ``ч`` tsch, ``х`` ch, ``ц`` z,
  ``е`` je initially, ``-ий`` -i (Wladimir, Schoigu, Sergej, Sacharowa, Waleri).

Ukrainian systems (:data:`UKRAINIAN_SYSTEMS`):

* ``kmu2010``: Cabinet of Ministers Resolution 55 (2010) = BGN/PCGN 2019 = UN 2012: ``г`` h,
  ``и`` y, word-initial ``є ї й ю я`` → Ye Yi Y Yu Ya (elsewhere ie i i iu ia), ``зг`` zgh,
  ``ь`` and ``’`` omitted (Volodymyr Zelenskyi, Kyiv, Serhii).
* ``bgn1965``: BGN/PCGN 1965 (Zelens’kyy, Kyyiv).
* ``odni``: ODNI 2015, BGN 1965 without apostrophes (Zelenskyy).
* ``icao``: ICAO Doc 9303 Ukrainian table (as KMU 2010, but no ``zgh``).
* ``iso9``: ISO 9:1995 (Volodimir Zelensʹkij, Kiïv).
* ``alalc``: ALA-LC 2011 (Volodymyr Zelensʹkyĭ).
* ``press``: KMU 2010 with ``й`` always y (Serhiy, Andriy, Zelenskyy).

:func:`spellings` adds the press variants that no single system produces (Zelenskyi for a
Russian name, Evgeny, Alexandr, Choïgou, ...), bounded to :data:`MAX_SPELLINGS` strings.

Capitalisation follows the input word by word: a Title-case letter gives a Title-case
transliteration (``Щ`` → ``Shch``), an all-caps word gives all caps (``ЧХВЕ`` → ``CHKHVE``).
Characters that are not Cyrillic letters pass through unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, islice, product
from typing import NamedTuple, TypeAlias, TypeVar

__all__ = [
    "MAX_SPELLINGS",
    "RUSSIAN_SYSTEMS",
    "UKRAINIAN_SYSTEMS",
    "guess_language",
    "is_cyrillic",
    "latin_skeleton",
    "spellings",
    "transliterate",
    "transliterations",
]

#: Russian systems, in the order :func:`transliterations` reports them.
RUSSIAN_SYSTEMS: tuple[str, ...] = (
    "press",
    "bgn",
    "icao",
    "iso9",
    "alalc",
    "mvd310",
    "gost52535",
    "gost-b",
    "scholarly",
    "french",
    "german",
)

#: Ukrainian systems, in the order :func:`transliterations` reports them.
UKRAINIAN_SYSTEMS: tuple[str, ...] = (
    "kmu2010",
    "bgn1965",
    "odni",
    "icao",
    "iso9",
    "alalc",
    "press",
)

#: The most strings :func:`spellings` returns for one text.
MAX_SPELLINGS: int = 64

_LANGS = ("ru", "uk")

_T = TypeVar("_T")

# Most variants kept for one word before words are combined.
_WORD_CAP = 32
# Longer words (not names) get only the systems' spellings in spellings().
_MAX_VARIED_WORD = 40

# ---------------------------------------------------------------------------------------------
# Letters
# ---------------------------------------------------------------------------------------------

_RU_VOWELS = frozenset("аеёиоуыэюя")
_UK_VOWELS = frozenset("аеєиіїоуюя")
_VOWELS = _RU_VOWELS | _UK_VOWELS
_SIGNS = frozenset("ьъ’")
_SIBILANTS = frozenset("жчшщ")

#: The in-word Ukrainian apostrophe, as stored in a word's letters.
_APOSTROPHE = "’"
_APOSTROPHE_CHARS = frozenset("'\u2019\u02bc\u2018\u0060\u00b4\u02b9")

_UK_LETTERS = frozenset("ієїґ")
_RU_LETTERS = frozenset("ыэёъ")

# Given names written only in Ukrainian (the Russian forms differ): evidence for "uk" when the
# text has no Ukrainian-only letter.
_UK_WORDS = frozenset(
    {
        "володимир",
        "олександр",
        "олександра",
        "дмитро",
        "микола",
        "михайло",
        "петро",
        "павло",
        "василь",
        "олена",
        "данило",
        "кирило",
        "гнат",
        "мирослав",
    }
)

_CYRILLIC_RANGES = ((0x0400, 0x0530), (0x1C80, 0x1C90), (0xA640, 0xA6A0), (0x1E030, 0x1E090))


class _Letter(NamedTuple):
    lower: str
    upper: bool
    cased: bool


def _build_letters() -> dict[str, _Letter]:
    table: dict[str, _Letter] = {}
    for start, stop in _CYRILLIC_RANGES:
        for code in range(start, stop):
            char = chr(code)
            if not char.isalpha() or "CYRILLIC" not in unicodedata.name(char, ""):
                continue
            lower = char.lower()
            if len(lower) != 1:
                lower = char
            table[char] = _Letter(lower, char.isupper(), char.upper() != char.lower())
    return table


#: Every Cyrillic letter → its lower-case form and case.
_LETTERS: dict[str, _Letter] = _build_letters()

# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------

_Alts = tuple[str, ...]


def _alts(table: Mapping[str, str | _Alts]) -> dict[str, _Alts]:
    """Turn ``{"й": "y"}`` / ``{"й": ("y", "i")}`` into alternatives tables."""
    return {key: (value,) if isinstance(value, str) else value for key, value in table.items()}


@dataclass(frozen=True, slots=True)
class _Rules:
    """One system: how each lower-case letter is written, in context."""

    base: Mapping[str, _Alts]
    initial: Mapping[str, _Alts] = field(default_factory=dict)
    after: tuple[tuple[frozenset[str], Mapping[str, _Alts]], ...] = ()
    before: tuple[tuple[frozenset[str], Mapping[str, _Alts]], ...] = ()
    between_vowels: Mapping[str, _Alts] = field(default_factory=dict)
    clusters: Mapping[str, _Alts] = field(default_factory=dict)
    endings: Mapping[str, _Alts] = field(default_factory=dict)
    max_ending: int = 0


def _rules(
    base: Mapping[str, str | _Alts],
    *,
    initial: Mapping[str, str | _Alts] | None = None,
    after: Iterable[tuple[Iterable[str], Mapping[str, str | _Alts]]] = (),
    before: Iterable[tuple[Iterable[str], Mapping[str, str | _Alts]]] = (),
    between_vowels: Mapping[str, str | _Alts] | None = None,
    clusters: Mapping[str, str | _Alts] | None = None,
    endings: Mapping[str, str | _Alts] | None = None,
) -> _Rules:
    ends = _alts(endings or {})
    return _Rules(
        base={**_FOREIGN, **_alts(base)},
        initial=_alts(initial or {}),
        after=tuple((frozenset(prev), _alts(table)) for prev, table in after),
        before=tuple((frozenset(nxt), _alts(table)) for nxt, table in before),
        between_vowels=_alts(between_vowels or {}),
        clusters=_alts(clusters or {}),
        endings=ends,
        max_ending=max((len(key) for key in ends), default=0),
    )


# Letters outside Russian and Ukrainian (and each language's letters in the other's systems):
# one common reading, overridden per system where the system defines the letter.
_FOREIGN: dict[str, _Alts] = _alts(
    {
        "і": "i",
        "ї": "yi",
        "є": "ye",
        "ґ": "g",
        "ў": "u",
        "ё": "yo",
        "ы": "y",
        "э": "e",
        "ъ": "",
        "ь": "",
        _APOSTROPHE: "",
        "ѣ": "e",
        "ѳ": "f",
        "ѵ": "i",
        "ѕ": "dz",
        "ј": "j",
        "љ": "lj",
        "њ": "nj",
        "ђ": "dj",
        "ћ": "c",
        "џ": "dz",
        "ѓ": "gj",
        "ќ": "kj",
        "ә": "a",
        "ө": "o",
        "ү": "u",
        "ұ": "u",
        "қ": "q",
        "ғ": "gh",
        "ң": "ng",
        "һ": "h",
        "ҳ": "h",
        "ҷ": "j",
        "ӣ": "i",
        "ӯ": "u",
        "ӏ": "",
    }
)

_RU_COMMON: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ы": "y",
    "э": "e",
}

# French transcription, shared by the French system and the French press forms (which differ
# only in й and an ending).
_RU_FRENCH: dict[str, str] = {
    **_RU_COMMON,
    "ё": "e",
    "ж": "j",
    "у": "ou",
    "ч": "tch",
    "ш": "ch",
    "щ": "chtch",
    "ъ": "",
    "ь": "",
    "ю": "iou",
    "я": "ia",
}

_UK_COMMON: dict[str, str] = {
    **_RU_COMMON,
    "г": "h",
    "ґ": "g",
    "и": "y",
    "і": "i",
}

_ISO9: dict[str, str] = {
    **_RU_COMMON,
    "ё": "ë",
    "ж": "ž",
    "й": "j",
    "х": "h",
    "ц": "c",
    "ч": "č",
    "ш": "š",
    "щ": "ŝ",
    "ъ": "ʺ",
    "ь": "ʹ",
    "э": "è",
    "ю": "û",
    "я": "â",
    "і": "ì",
    "ї": "ï",
    "є": "ê",
    "ґ": "g̀",
    "ў": "ŭ",
    "ѣ": "ě",
    _APOSTROPHE: "’",
}

_VOWELS_AND_SIGNS = _RU_VOWELS | frozenset("ьъ")

_RU_SYSTEMS: dict[str, _Rules] = {
    "press": _rules(
        {**_RU_COMMON, "ё": "yo", "й": "y", "ъ": "", "ь": "", "ю": "yu", "я": "ya"},
        initial={"е": "ye"},
        after=[(_VOWELS_AND_SIGNS, {"е": "ye"})],
        before=[("аиоуыэ", {"ь": "y", "ъ": "y"})],
        endings={"ий": "y", "ый": "y"},
    ),
    "bgn": _rules(
        {**_RU_COMMON, "ё": "ë", "й": "y", "ъ": "”", "ь": "’", "ю": "yu", "я": "ya"},
        initial={"е": "ye", "ё": "yë"},
        after=[(_VOWELS_AND_SIGNS | {"й"}, {"е": "ye", "ё": "yë"})],
    ),
    "icao": _rules(
        {**_RU_COMMON, "ё": "e", "й": "i", "ъ": "ie", "ь": "", "ю": "iu", "я": "ia"},
    ),
    "iso9": _rules(_ISO9),
    "alalc": _rules(
        {
            **_RU_COMMON,
            "ё": "ë",
            "й": "ĭ",
            "ц": "t͡s",
            "ъ": "ʺ",
            "ь": "ʹ",
            "э": "ė",
            "ю": "i͡u",
            "я": "i͡a",
        },
    ),
    "mvd310": _rules(
        {**_RU_COMMON, "ё": "e", "й": "y", "ъ": '"', "ь": "'", "ю": "yu", "я": "ya"},
        after=[("ьъ", {"е": "ye"})],
        before=[("е", {"ь": "", "ъ": ""})],
    ),
    "gost52535": _rules(
        {**_RU_COMMON, "ё": "e", "й": "i", "ц": "tc", "ъ": "", "ь": "", "ю": "iu", "я": "ia"},
    ),
    "gost-b": _rules(
        {
            **_RU_COMMON,
            "ё": "yo",
            "й": "j",
            "х": "x",
            "ц": "cz",
            "щ": "shh",
            "ъ": "``",
            "ы": "y`",
            "ь": "`",
            "э": "e`",
            "ю": "yu",
            "я": "ya",
            "і": "i`",
            "ґ": "g`",
        },
        before=[("еиыйіїє", {"ц": "c"})],
    ),
    "scholarly": _rules(
        {**_ISO9, "х": "x", "щ": "šč", "ю": "ju", "я": "ja"},
    ),
    "french": _rules(
        {**_RU_FRENCH, "й": "i"},
        after=[("ь", {"е": "ie"})],
        before=[("еиы", {"г": "gu"})],
        between_vowels={"с": "ss"},  # a single s between vowels reads z in French
        clusters={"кс": "x"},
        endings={"ин": "ine"},
    ),
    "german": _rules(
        {
            **_RU_COMMON,
            "в": "w",
            "ё": "jo",
            "ж": "sch",
            "з": "s",
            "й": "i",
            "х": "ch",
            "ц": "z",
            "ч": "tsch",
            "ш": "sch",
            "щ": "schtsch",
            "ъ": "",
            "ь": "",
            "ю": "ju",
            "я": "ja",
        },
        initial={"е": "je", "ё": "jo", "й": "j"},
        after=[
            (_SIBILANTS, {"ё": "o"}),
            (_VOWELS_AND_SIGNS, {"е": "je", "ё": "jo"}),
            ("е", {"й": "j"}),
        ],
        before=[("аиоуэ", {"ь": "j"})],
        between_vowels={"с": "ss"},
        clusters={"кс": "x"},
        endings={"ий": "i", "ый": "y"},
    ),
}

_KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_KMU: dict[str, str] = {
    **_UK_COMMON,
    "є": "ie",
    "ї": "i",
    "й": "i",
    "ь": "",
    "ю": "iu",
    "я": "ia",
    _APOSTROPHE: "",
}
_BGN1965: dict[str, str] = {
    **_UK_COMMON,
    "є": "ye",
    "ї": "yi",
    "й": "y",
    "ь": "’",
    "ю": "yu",
    "я": "ya",
    _APOSTROPHE: "”",
}

_UK_SYSTEMS: dict[str, _Rules] = {
    "kmu2010": _rules(_KMU, initial=_KMU_INITIAL, clusters={"зг": "zgh"}),
    "bgn1965": _rules(_BGN1965),
    "odni": _rules({**_BGN1965, "ь": "", _APOSTROPHE: ""}),
    "icao": _rules(_KMU, initial=_KMU_INITIAL),
    "iso9": _rules({**_ISO9, "г": "g", "и": "i"}),
    "alalc": _rules(
        {
            **_UK_COMMON,
            "є": "i͡e",
            "ї": "ï",
            "й": "ĭ",
            "ц": "t͡s",
            "ь": "ʹ",
            "ю": "i͡u",
            "я": "i͡a",
            _APOSTROPHE: "ʺ",
        },
    ),
    "press": _rules({**_KMU, "й": "y"}, initial=_KMU_INITIAL, clusters={"зг": "zgh"}),
}

# Systems used by spellings() only: forms the press uses that no listed system produces.
_RU_EXTRA: tuple[_Rules, ...] = (
    # French press: Sergueï, Choïgou, Andreï, Iouri, Valeri.
    _rules(
        {**_RU_FRENCH, "й": "ï"},
        after=[("ь", {"е": "ie"})],
        before=[("еиы", {"г": "gu"})],
        clusters={"кс": "x"},
        endings={"ин": "ine", "ий": "i"},
    ),
)

# The variant grammar: each letter's common press alternatives, first the press form.
_RU_VARIANTS = _rules(
    {
        **_RU_COMMON,
        "ё": ("yo", "e", "ë"),
        "й": ("y", "i", "j"),
        "х": ("kh", "h"),
        "ъ": "",
        "ь": "",
        "ю": ("yu", "iu", "ju"),
        "я": ("ya", "ia", "ja"),
    },
    initial={"е": ("ye", "e")},
    after=[(_VOWELS_AND_SIGNS, {"е": ("ye", "e")}), (_SIBILANTS, {"ё": ("e", "o", "yo", "ë")})],
    before=[("аиоуыэ", {"ь": ("y", ""), "ъ": ("y", "")})],
    clusters={"кс": ("ks", "x")},
    endings={
        "ий": ("y", "iy", "ii", "ij", "i", "yi", "yy"),
        "ый": ("y", "yy", "yi", "iy", "ij"),
        "ия": ("iya", "ia", "iia", "ija"),
        "андр": ("andr", "ander", "andre"),
    },
)

_UK_VARIANTS = _rules(
    {
        **_KMU,
        "є": ("ie", "ye"),
        "ї": ("i", "yi"),
        "й": ("i", "y"),
        "х": ("kh", "h"),
        "ю": ("iu", "yu"),
        "я": ("ia", "ya"),
    },
    initial={
        "є": ("ye", "ie"),
        "ї": ("yi", "i"),
        "й": ("y", "i"),
        "ю": ("yu", "iu"),
        "я": ("ya", "ia"),
    },
    clusters={"зг": ("zgh", "zh", "zg"), "кс": ("ks", "x")},
    endings={
        "ий": ("yi", "y", "yy", "iy", "ii", "ij"),
        "ій": ("ii", "iy", "i", "ij"),
        "ія": ("iia", "iya", "ia"),
    },
)

_SYSTEM_NAMES: dict[str, tuple[str, ...]] = {"ru": RUSSIAN_SYSTEMS, "uk": UKRAINIAN_SYSTEMS}
_SYSTEM_RULES: dict[str, dict[str, _Rules]] = {"ru": _RU_SYSTEMS, "uk": _UK_SYSTEMS}
_EXTRA_RULES: dict[str, tuple[_Rules, ...]] = {"ru": _RU_EXTRA, "uk": ()}
_VARIANT_RULES: dict[str, _Rules] = {"ru": _RU_VARIANTS, "uk": _UK_VARIANTS}

# Unicode letter names (the part after "CYRILLIC SMALL LETTER") → Latin, for letters no table
# covers. Anything else falls back to the first letter of its name.
_NAME_READINGS: dict[str, str] = {
    "A": "a",
    "BE": "b",
    "VE": "v",
    "GHE": "g",
    "DE": "d",
    "IE": "e",
    "E": "e",
    "ZHE": "zh",
    "ZE": "z",
    "DZE": "dz",
    "DZELO": "dz",
    "I": "i",
    "JE": "j",
    "KA": "k",
    "EL": "l",
    "EM": "m",
    "EN": "n",
    "O": "o",
    "PE": "p",
    "ER": "r",
    "ES": "s",
    "TE": "t",
    "U": "u",
    "UK": "u",
    "EF": "f",
    "HA": "kh",
    "TSE": "ts",
    "CHE": "ch",
    "SHA": "sh",
    "SHCHA": "shch",
    "YERU": "y",
    "YU": "yu",
    "YA": "ya",
    "YAT": "e",
    "FITA": "f",
    "IZHITSA": "i",
    "KSI": "ks",
    "PSI": "ps",
    "OMEGA": "o",
    "YUS": "u",
    "YI": "yi",
    "SIGN": "",
    "PALOCHKA": "",
}


@lru_cache(maxsize=1024)
def _by_name(letter: str) -> _Alts:
    """A reading for a Cyrillic letter that no table covers, from its Unicode name."""
    name = unicodedata.name(letter, "")
    decomposed = unicodedata.normalize("NFD", letter)
    if len(decomposed) > 1 and decomposed[0] in _FOREIGN:
        return _FOREIGN[decomposed[0]]
    _, _, rest = name.partition("LETTER ")
    rest = rest.partition(" WITH ")[0].strip()
    words = rest.split()
    if not words:
        return ("",)
    reading = _NAME_READINGS.get(words[-1])
    if reading is None:
        reading = next((ch.lower() for ch in words[-1] if ch.isalpha()), "")
    return (reading,)


# ---------------------------------------------------------------------------------------------
# Segmenting and the per-word pass
# ---------------------------------------------------------------------------------------------


class _Unit(NamedTuple):
    """One letter of a word: lower-case form, case, and combining marks that follow it."""

    letter: str
    upper: bool
    cased: bool
    marks: str


_Word: TypeAlias = list[_Unit]
_Segment: TypeAlias = str | _Word


def _segment(text: str, lang: str) -> list[_Segment]:
    """Split ``text`` into Cyrillic words (lists of units) and the text between them."""
    segments: list[_Segment] = []
    word: _Word = []
    other: list[str] = []
    letters = _LETTERS
    n = len(text)
    i = 0
    while i < n:
        char = text[i]
        info = letters.get(char)
        if info is not None:
            if other:
                segments.append("".join(other))
                other = []
            i += 1
            marks = ""
            # Attach following combining marks: compose (и + ˘ → й) or keep them.
            while i < n and text[i] >= "\u0300" and unicodedata.category(text[i]) in ("Mn", "Me"):
                composed = unicodedata.normalize("NFC", char + text[i]) if not marks else ""
                if len(composed) == 1 and composed in letters:
                    char = composed
                    info = letters[composed]
                else:
                    marks += text[i]
                i += 1
            word.append(_Unit(info.lower, info.upper, info.cased, marks))
            continue
        if (
            lang == "uk"
            and char in _APOSTROPHE_CHARS
            and word
            and i + 1 < n
            and text[i + 1] in letters
        ):
            word.append(_Unit(_APOSTROPHE, False, False, ""))
            i += 1
            continue
        if word:
            segments.append(word)
            word = []
        other.append(char)
        i += 1
    if word:
        segments.append(word)
    if other:
        segments.append("".join(other))
    return segments


def _letter_alts(rules: _Rules, letters: Sequence[str], i: int) -> _Alts:
    """The alternatives for ``letters[i]`` in its context."""
    cur = letters[i]
    prev = letters[i - 1] if i else None
    nxt = letters[i + 1] if i + 1 < len(letters) else None
    if prev is None:
        alts = rules.initial.get(cur)
        if alts is not None:
            return alts
    else:
        for prev_set, table in rules.after:
            if prev in prev_set:
                alts = table.get(cur)
                if alts is not None:
                    return alts
    if nxt is not None:
        for next_set, table in rules.before:
            if nxt in next_set:
                alts = table.get(cur)
                if alts is not None:
                    return alts
        if prev in _VOWELS and nxt in _VOWELS:
            alts = rules.between_vowels.get(cur)
            if alts is not None:
                return alts
    alts = rules.base.get(cur)
    if alts is None:
        alts = _by_name(cur)
    return alts


def _word_alts(word: _Word, rules: _Rules) -> list[_Alts]:
    """The word as a sequence of tokens, each a tuple of cased alternative spellings."""
    letters = [unit.letter for unit in word]
    n = len(letters)
    n_cased = sum(1 for unit in word if unit.cased)
    all_caps = n_cased >= 2 and all(unit.upper for unit in word if unit.cased)
    has_marks = any(unit.marks for unit in word)
    out: list[_Alts] = []
    i = 0
    while i < n:
        stop = i + 1
        alts: _Alts | None = None
        if i > 0 and n - i <= rules.max_ending:
            alts = rules.endings.get("".join(letters[i:]))
            if alts is not None:
                stop = n
        if alts is None and i + 1 < n and rules.clusters:
            alts = rules.clusters.get(letters[i] + letters[i + 1])
            if alts is not None:
                stop = i + 2
        if alts is None:
            alts = _letter_alts(rules, letters, i)
        marks = "".join(unit.marks for unit in word[i:stop]) if has_marks else ""
        if all_caps:
            alts = tuple(alt.upper() + marks for alt in alts)
        elif word[i].upper:
            alts = tuple(alt[:1].upper() + alt[1:] + marks for alt in alts)
        elif marks:
            alts = tuple(alt + marks for alt in alts)
        out.append(alts)
        i = stop
    return out


def _primary(word: _Word, rules: _Rules) -> str:
    """The word's spelling under ``rules`` (the first alternative of every token)."""
    return "".join(alts[0] for alts in _word_alts(word, rules))


def _variants(word: _Word, rules: _Rules, cap: int) -> list[str]:
    """Up to ``cap`` spellings of the word: the primary one, then one change at a time, then
    two at a time, and so on."""
    tokens = _word_alts(word, rules)
    base = [alts[0] for alts in tokens]
    varying = [k for k, alts in enumerate(tokens) if len(alts) > 1]
    seen: dict[str, None] = {"".join(base): None}
    budget = cap * 16
    for level in range(1, len(varying) + 1):
        for positions in combinations(varying, level):
            for choice in product(*(range(1, len(tokens[k])) for k in positions)):
                budget -= 1
                if len(seen) >= cap or budget <= 0:
                    return list(seen)
                parts = list(base)
                for k, pick in zip(positions, choice, strict=True):
                    parts[k] = tokens[k][pick]
                seen["".join(parts)] = None
    return list(seen)


@lru_cache(maxsize=16384)
def _column(word: tuple[_Unit, ...], lang: str) -> tuple[str, ...]:
    """The word's spelling under each system of ``lang`` (in :func:`transliterations` order),
    then under the press-only systems; names repeat their words endlessly, so each distinct
    word is spelled once."""
    units = list(word)
    rules = [_SYSTEM_RULES[lang][name] for name in _SYSTEM_NAMES[lang]]
    rules.extend(_EXTRA_RULES[lang])
    return tuple(_primary(units, system) for system in rules)


@lru_cache(maxsize=16384)
def _options(word: tuple[_Unit, ...], lang: str) -> tuple[str, ...]:
    """The word's distinct spellings for :func:`spellings`: the systems' and the press
    variants, at most ``_WORD_CAP`` of them."""
    candidates = list(_column(word, lang))
    if len(word) <= _MAX_VARIED_WORD:
        candidates.extend(_variants(list(word), _VARIANT_RULES[lang], _WORD_CAP))
    return tuple(list(_distinct(candidates, str).values())[:_WORD_CAP])


def _join(segments: Sequence[_Segment], words: Sequence[str]) -> str:
    """Put the spelled ``words`` back between the non-word segments."""
    out: list[str] = []
    it = iter(words)
    for segment in segments:
        out.append(segment if isinstance(segment, str) else next(it))
    return "".join(out)


_FOLD_DROP = frozenset("'\u2019\u2018\u201d\u02b9\u02ba\"`\u00b7")


_ASCII_DROP = str.maketrans(dict.fromkeys((c for c in _FOLD_DROP if c.isascii()), None))


def _fold(spelling: str) -> str:
    """Lower case without combining marks and apostrophes: what the normaliser compares."""
    if spelling.isascii():  # most spellings: no marks to decompose
        return spelling.translate(_ASCII_DROP).lower()
    return "".join(
        char
        for char in unicodedata.normalize("NFD", spelling)
        if char not in _FOLD_DROP and not unicodedata.combining(char)
    ).lower()


def _plain(spelling: str) -> bool:
    """True for a spelling of ASCII letters only (no diacritics, apostrophes or ticks)."""
    return spelling.isascii() and not any(char in _FOLD_DROP for char in spelling)


def _distinct(items: Iterable[_T], spelling: Callable[[_T], str]) -> dict[str, _T]:
    """One item per folded ``spelling``, in order of first appearance; of items that fold
    alike, the first plain one (``Maria`` rather than ``Mariâ``)."""
    out: dict[str, _T] = {}
    for item in items:
        key = _fold(spelling(item))
        kept = out.get(key)
        if kept is None or (not _plain(spelling(kept)) and _plain(spelling(item))):
            out[key] = item
    return out


def _check_lang(lang: str) -> None:
    if lang not in _LANGS:
        msg = f"unknown language {lang!r}; expected one of {', '.join(_LANGS)}"
        raise ValueError(msg)


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def is_cyrillic(text: str) -> bool:
    """True when more than half of the letters in ``text`` are Cyrillic.

    >>> is_cyrillic("Сергей Лавров"), is_cyrillic("Sergei Lavrov"), is_cyrillic("")
    (True, False, False)
    """
    if text.isascii():
        return False
    letters = 0
    cyrillic = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if char in _LETTERS:
                cyrillic += 1
    return cyrillic * 2 > letters


def guess_language(text: str) -> str:
    """Guess whether Cyrillic ``text`` is Ukrainian (``"uk"``) or Russian (``"ru"``).

    Evidence for Ukrainian: the letters ``і ї є ґ``, an apostrophe between two Cyrillic letters,
    and a few given names found only in Ukrainian (Володимир, Олександр, Дмитро, Микола, ...).
    Evidence for Russian: ``ы э ё ъ``. The text is ``"uk"`` when the Ukrainian evidence
    outweighs the Russian, else ``"ru"`` (also for text with no Cyrillic).

    >>> guess_language("Київ"), guess_language("Киев"), guess_language("Дмитро Кулеба")
    ('uk', 'ru', 'uk')
    """
    uk = 0
    ru = 0
    for segment in _segment(text, "uk"):
        if isinstance(segment, str):
            continue
        letters = [unit.letter for unit in segment]
        for letter in letters:
            if letter in _UK_LETTERS or letter == _APOSTROPHE:
                uk += 1
            elif letter in _RU_LETTERS:
                ru += 1
        if "".join(letters) in _UK_WORDS:
            uk += 1
    return "uk" if uk > ru else "ru"


def transliterate(text: str, system: str, lang: str = "ru") -> str:
    """Spell ``text`` in Latin letters under one system of one language.

    ``system`` is one of :data:`RUSSIAN_SYSTEMS` (``lang="ru"``) or :data:`UKRAINIAN_SYSTEMS`
    (``lang="uk"``). Spaces, hyphens, punctuation and every other non-Cyrillic character pass
    through unchanged; capitalisation follows the input word by word. Never raises for any
    ``text``.

    >>> transliterate("Андрей Белоусов", "bgn")
    'Andrey Belousov'
    >>> transliterate("Володимир Зеленський", "kmu2010", lang="uk")
    'Volodymyr Zelenskyi'

    Raises:
        ValueError: ``lang`` is not ``"ru"`` or ``"uk"``, or ``system`` is not one of its
            systems.
    """
    _check_lang(lang)
    rules = _SYSTEM_RULES[lang].get(system)
    if rules is None:
        names = ", ".join(_SYSTEM_NAMES[lang])
        msg = f"unknown {lang} transliteration system {system!r}; expected one of {names}"
        raise ValueError(msg)
    segments = _segment(text, lang)
    return "".join(
        segment if isinstance(segment, str) else _spelled(tuple(segment), lang, system)
        for segment in segments
    )


def transliterate_many(text: str, systems: Sequence[str], lang: str = "ru") -> list[str]:
    """``text`` under each of ``systems`` of one language, in order: :func:`transliterate`
    for each, with the text read once.

    Raises:
        ValueError: as :func:`transliterate`.
    """
    _check_lang(lang)
    for system in systems:
        if system not in _SYSTEM_RULES[lang]:
            names = ", ".join(_SYSTEM_NAMES[lang])
            msg = f"unknown {lang} transliteration system {system!r}; expected one of {names}"
            raise ValueError(msg)
    segments = [s if isinstance(s, str) else tuple(s) for s in _segment(text, lang)]
    return [
        "".join(s if isinstance(s, str) else _spelled(s, lang, system) for s in segments)
        for system in systems
    ]


@lru_cache(maxsize=16384)
def _spelled(word: tuple[_Unit, ...], lang: str, system: str) -> str:
    """One word under one system; names repeat their words, so each is spelled once."""
    return _primary(list(word), _SYSTEM_RULES[lang][system])


def transliterations(text: str, lang: str | None = None) -> dict[str, str]:
    """Spell ``text`` under every system of its language: ``{system: spelling}``.

    The keys are :data:`RUSSIAN_SYSTEMS` or :data:`UKRAINIAN_SYSTEMS`, in that order. With
    ``lang=None`` the language is :func:`guess_language` of ``text``.

    >>> transliterations("Шойгу")["french"]
    'Choigou'

    Raises:
        ValueError: ``lang`` is given and is not ``"ru"`` or ``"uk"``.
    """
    if lang is None:
        lang = guess_language(text)
    _check_lang(lang)
    segments = _segment(text, lang)
    columns = [seg if isinstance(seg, str) else _column(tuple(seg), lang) for seg in segments]
    return {
        name: "".join(col if isinstance(col, str) else col[k] for col in columns)
        for k, name in enumerate(_SYSTEM_NAMES[lang])
    }


def spellings(text: str, lang: str | None = None) -> frozenset[str]:
    """Every plausible Latin spelling of ``text``: the systems' and the press's.

    The set holds the distinct values of :func:`transliterations` plus the press variants no
    single system produces: ``-ий``/``-ый`` as -y, -iy, -ii, -ij, -i, -yi, -yy (Zelensky,
    Zelenskiy, Zelenskii, Zelenskij, Zelenskyi, Zelenskyy); ``-ей`` as -ey, -ei, -ej; ``-ия`` as
    -iya, -ia, -iia, -ija; ``е`` as ye or e initially and after vowels (Yevgeny, Evgeny); ``ё`` as
    yo, e, ë; ``кс`` as ks or x (Aleksandr, Alexandr, Alexander); ``х`` as kh or h; ``ю я`` as
    yu/iu/ju, ya/ia/ja; French forms with ï (Sergueï, Choïgou). For Ukrainian: word-initial
    and medial forms of ``є ї й ю я`` both ways, ``-ий`` as -yi, -y, -yy, -iy, -ii and ``-ій`` as
    -ii, -iy, -i (Serhii, Serhiy).

    Each word is varied on its own and the words are combined, full-system spellings first,
    then one word varied at a time, then several; the set never exceeds
    :data:`MAX_SPELLINGS` strings and always contains every full-system spelling.

    >>> sorted(s for s in spellings("Зеленский") if s in {"Zelensky", "Zelenskyy"})
    ['Zelensky', 'Zelenskyy']

    Raises:
        ValueError: ``lang`` is given and is not ``"ru"`` or ``"uk"``.
    """
    if lang is None:
        lang = guess_language(text)
    _check_lang(lang)
    segments = _segment(text, lang)
    words = [tuple(segment) for segment in segments if not isinstance(segment, str)]
    if not words:
        return frozenset({_join(segments, [])})
    columns = [_column(word, lang) for word in words]
    rows = [list(row) for row in zip(*columns, strict=True)]
    found: dict[str, None] = dict.fromkeys(_join(segments, row) for row in rows)

    # Word variants, skipping those that differ from an earlier one only in diacritics,
    # apostrophes or case (the normaliser would merge them).
    options = [_options(word, lang) for word in words]
    folded = {_fold(spelling) for spelling in found}

    def add(choice: Sequence[str]) -> bool:
        """Add a combination unless the normaliser would merge it; False when full."""
        if len(found) >= MAX_SPELLINGS:
            return False
        spelling = _join(segments, choice)
        key = _fold(spelling)
        if key not in folded:
            folded.add(key)
            found[spelling] = None
        return True

    # One word varied at a time, the others as each distinct system spelling has them.
    for row in _distinct(rows, lambda row: _join(segments, row)).values():
        for k, choices in enumerate(options):
            for choice in choices:
                if not add([*row[:k], choice, *row[k + 1 :]]):
                    return frozenset(found)
    # Then any combination of word variants.
    for combo in islice(product(*options), MAX_SPELLINGS * 16):
        if not add(combo):
            break
    return frozenset(found)


# ---------------------------------------------------------------------------------------------
# A romanization-blind key for Latin spellings of Russian and Ukrainian words

_SKELETON_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch|ŝ", "s"),
        (r"tch|ch", "c"),
        (r"sh", "s"),
        (r"zh", "z"),
        (r"kh", "h"),
        (r"ts|tz|cz", "c"),
        (r"x", "ks"),
        (r"w", "v"),
        # ё after a consonant: Solovyov, Solov'ev, Solovev (the normaliser reads ё as е)
        (r"(?<=[^aeiouyj])(?:yo|jo|io)", "e"),
        (r"^(?:yo|jo|io)", "o"),
        (r"iya|iia|ija", "ia"),  # -ия: Mariya, Mariia, Marija, Maria
        (r"yu|ju|iu", "u"),
        (r"ya|ja|ia", "a"),
        (r"ye|je", "e"),
        (r"(?:iy|ij|ii|yy|yi|y)$", "i"),
        (r"[jy]", "i"),
        (r"(.)\1+", r"\1"),
    )
)


@lru_cache(maxsize=65536)  # given names and patronymics recur in every other name
def latin_skeleton(word: str) -> str:
    """A key of one Latin spelling of a Russian or Ukrainian word that every common
    romanization gives alike: BGN, ICAO, ISO 9 (as the normaliser folds it), the press, and
    their mixtures (``yevgeniy``, ``evgenij`` and ``evgenii`` are all ``evgeni``; ``cherov`` and
    ``cerov`` (from ``Čerov``) are ``cerov``). Empty for anything but lower-case ASCII
    letters. Coarse on purpose (ш, щ and с meet): it is used on whole names only.

    >>> latin_skeleton("yuryevich") == latin_skeleton("urevic") == latin_skeleton("iurevich")
    True
    """
    if not word.isascii() or not word.isalpha() or not word.islower():
        return ""
    for pattern, replacement in _SKELETON_STEPS:
        word = pattern.sub(replacement, word)
    return word
