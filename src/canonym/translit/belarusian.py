"""Belarusian Cyrillic in Latin letters: the national system and BGN/PCGN.

Belarusian writes ў, і, ы and э, and spells names its own way (Аляксандр Лукашэнка, Уладзімір,
Сяргей), so that a Belarusian name read through Russian or Ukrainian rules comes out wrong
(ў and the soft дз, ц). Three systems are given here:

* ``national``: the Instruction on the transliteration of Belarusian geographical names in
  Latin letters (2007, adopted by the UN in 2007), with its diacritics: ž, č, š, ŭ, c; е, ё, ю,
  я are je, jo, ju, ja at the start of a word and after a vowel, ў or an apostrophe, and ie, io,
  iu, ia after a consonant (Аляксандр Aliaksandr, Яўген Jaŭhien);
* ``passport``: without diacritics, as Belarusian passports and sanctions lists print names
  (zh, ch, sh, u for ў, ts for ц, kh for х; я, ю, ё are ia, iu, io after a consonant and е is
  e there; all four start with y at the start of a word: Aliaksandr Lukashenka, Siarhei,
  Aleh, Yauhen, Viachaslau);
* ``bgn``: BGN/PCGN (1979): ye, yo, yu, ya wherever е, ё, ю, я stand (Гомель Homyel',
  Беліца Byelitsa), w for ў, y for й, ts, kh (Аляксандр Alyaksandr, Уладзімір Uladzimir).

Sources (stored public pages): BGN/PCGN, its table and examples:
https://wikimili.com/en/BGN/PCGN_romanization_of_Belarusian; the national instruction (2000,
revised 2007, recommended by the UN working group on romanization):
https://friendlywiki.com/article/index.php?title=Romanization_of_Belarusian and
https://www.eki.ee/wgrs/wgr06_3.htm; the passport practice (Aliaksandr Lukashenka,
Sviatlana Tsikhanouskaya): https://en.eurobelarus.info/news/society/2015/07/31/belarusian-identity-reveals-itself-in-transliteration-of-names.html.

Nothing here raises on any ``str``; characters that are not Belarusian Cyrillic pass through.
"""

from __future__ import annotations

import itertools

__all__ = ["SYSTEMS", "is_belarusian", "transliterate"]

#: The systems, most standard first.
SYSTEMS = ("passport", "national", "bgn")

_COMMON = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "з": "z",
    "і": "i",
    "й": "j",
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
    "ы": "y",
    "э": "e",
    "ь": "",
    "'": "",
    "’": "",
    "ʼ": "",
}

_LETTERS = {
    "national": {**_COMMON, "ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ў": "ŭ"},
    "passport": {
        **_COMMON,
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "ў": "u",
        "й": "i",
    },
    "bgn": {**_COMMON, "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "ў": "w", "й": "y"},
}

#: е ё ю я: (at the start, after a vowel, ў, ь or an apostrophe; after a consonant)
_IOTATED = {
    "national": {"е": ("je", "ie"), "ё": ("jo", "io"), "ю": ("ju", "iu"), "я": ("ja", "ia")},
    "passport": {"е": ("ye", "e"), "ё": ("yo", "io"), "ю": ("yu", "iu"), "я": ("ya", "ia")},
    "bgn": {"е": ("ye", "ye"), "ё": ("yo", "yo"), "ю": ("yu", "yu"), "я": ("ya", "ya")},
}

_VOWELS = frozenset("аеёіоуыэюяў'’ʼь")
_CONSONANT_LETTERS = frozenset("бвгґджзклмнпрстфхцчш")


def is_belarusian(text: str) -> bool:
    """Whether Cyrillic ``text`` may be Belarusian: it has ў; or і and none of Ukrainian's и,
    ї, є (Уладзімір); or э after a consonant, which Russian writes only in loanwords
    (Лукашэнка), and none of the letters Belarusian lacks, и, щ and ъ (Рэмович is Russian)."""
    low = text.casefold()
    if "ў" in low:
        return True
    if any(ch in low for ch in "ищъ"):
        return False
    if "і" in low and not any(ch in low for ch in "иїє"):
        return True
    return any(a in _CONSONANT_LETTERS and b == "э" for a, b in itertools.pairwise(low))


def transliterate(text: str, system: str = "passport") -> str:
    """``text`` in Latin letters under one system (:data:`SYSTEMS`); capitals follow the
    input letter by letter (a capital that becomes two letters is capitalised, not doubled up:
    Ж Zh, ЖУК ZHUK).

    >>> transliterate("Аляксандр Лукашэнка"), transliterate("Уладзімір", "bgn")
    ('Aliaksandr Lukashenka', 'Uladzimir')

    Raises:
        ValueError: ``system`` is not one of :data:`SYSTEMS`.
    """
    letters = _LETTERS.get(system)
    if letters is None:
        msg = f"unknown Belarusian system {system!r}; expected one of {', '.join(SYSTEMS)}"
        raise ValueError(msg)
    iotated = _IOTATED[system]
    out: list[str] = []
    prev = ""
    for k, ch in enumerate(text):
        low = ch.casefold() if len(ch.casefold()) == 1 else ch
        pair = iotated.get(low)
        if pair is not None:
            start = not prev or prev not in _LETTERS_SET or prev in _VOWELS
            spelled = pair[0] if start else pair[1]
        else:
            found = letters.get(low)
            spelled = found if found is not None else ch
        if ch != low and spelled:
            nxt = text[k + 1] if k + 1 < len(text) else ""
            whole = nxt.isupper() or (not nxt.isalpha() and k and text[k - 1].isupper())
            spelled = spelled.upper() if whole else spelled[0].upper() + spelled[1:]
        out.append(spelled)
        prev = low
    return "".join(out)


_LETTERS_SET = frozenset(_COMMON) | frozenset("жхцчшўеёюя")
