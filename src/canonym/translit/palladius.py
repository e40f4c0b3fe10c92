"""Chinese names in Cyrillic: the Palladius system, read back to pinyin.

Russian writes Chinese names in the Palladius system (Си Цзиньпин, Ли Хунчжун, Ван И); its
Ukrainian variant writes і for и, є for е and е for э (Сі Цзіньпін). :func:`to_pinyin` reads
such a name back into pinyin syllables (``"Си Цзиньпин"`` → ``"Xi Jinping"``), so that it meets
a table that spells the person in pinyin; :func:`latin_to_pinyin` reads its Latin
transliteration the same way (``"Si Tszinpin"``, as Russian sources write it in Latin letters).

The table is made from the pinyin inventory of :mod:`canonym.translit.han` by the rules of the
system (initials, finals, syllables with no initial), as published in Palladius's
Chinese-Russian dictionary (1888) and summarised on the stored pages "Cyrillization of Chinese"
(https://wikimili.com/en/Cyrillization_of_Chinese, https://memim.com/cyrillization-of-chinese.html):

* initials: b p m f d t n l g k h → б п м ф д т н л г к х; j q x → цз ц с; z c s → цз ц с;
  zh ch sh r → чж ч ш ж;
* finals: a ai ao an ang → а ай ао ань ан; e ei en eng er → э эй энь эн эр; o ou ong → о оу
  ун; i → и (ы after z, c, s); ia iao ian iang ie iu in ing iong → я яо янь ян е ю инь ин юн;
  u ua uo uai ui un uan uang → у уа о уай уй унь уань уан; ü üe üan ün → юй юэ юань юнь (the
  u of ju, qu, xu, yu is ü); hui is хуэй;
* no initial: yi ya ye you yan yin yang ying yong → и я е ю янь инь ян ин юн; yu yue yuan yun
  → юй юэ юань юнь; wu → у, w before another vowel → в (wei вэй, wang ван);
* ng before a vowel is written нъ (Чанъань): the ъ is a separator and is dropped.

Nothing here raises on any ``str``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice, product

from .han import PINYIN_SYLLABLES

#: Syllables rare in names, read only when nothing else is written so (ло: luo, not lo).
_RARE = frozenset({"o", "lo", "yo", "lue", "nue", "me"})

__all__ = ["syllables", "to_pinyin"]

_INITIALS = {
    "b": "б",
    "p": "п",
    "m": "м",
    "f": "ф",
    "d": "д",
    "t": "т",
    "n": "н",
    "l": "л",
    "g": "г",
    "k": "к",
    "h": "х",
    "j": "цз",
    "q": "ц",
    "x": "с",
    "zh": "чж",
    "ch": "ч",
    "sh": "ш",
    "r": "ж",
    "z": "цз",
    "c": "ц",
    "s": "с",
}

_FINALS = {
    "a": "а",
    "ai": "ай",
    "ao": "ао",
    "an": "ань",
    "ang": "ан",
    "e": "э",
    "ei": "эй",
    "en": "энь",
    "eng": "эн",
    "er": "эр",
    "o": "о",
    "ou": "оу",
    "ong": "ун",
    "i": "и",
    "ia": "я",
    "iao": "яо",
    "ian": "янь",
    "iang": "ян",
    "ie": "е",
    "iu": "ю",
    "in": "инь",
    "ing": "ин",
    "iong": "юн",
    "u": "у",
    "ua": "уа",
    "uo": "о",
    "uai": "уай",
    "ui": "уй",
    "un": "унь",
    "uan": "уань",
    "uang": "уан",
    "ü": "юй",
    "üe": "юэ",
    "üan": "юань",
    "ün": "юнь",
}

_ZERO = {
    "yi": "и",
    "ya": "я",
    "yo": "ё",
    "ye": "е",
    "you": "ю",
    "yan": "янь",
    "yin": "инь",
    "yang": "ян",
    "ying": "ин",
    "yong": "юн",
    "yao": "яо",
    "yu": "юй",
    "yue": "юэ",
    "yuan": "юань",
    "yun": "юнь",
    "wu": "у",
}


def _cyrillic(syllable: str) -> str | None:
    """One pinyin syllable (toneless, ü written ü) in Palladius Cyrillic."""
    if syllable in _ZERO:
        return _ZERO[syllable]
    if syllable == "hui":
        return "хуэй"
    if syllable.startswith("w"):  # wa ва, wei вэй, wang ван (wu is у, above)
        rest = _FINALS.get(syllable[1:])
        return None if rest is None else "в" + rest
    for size in (2, 1):
        initial = _INITIALS.get(syllable[:size])
        if initial is None:
            continue
        final = syllable[size:]
        if syllable[:size] in {"j", "q", "x"} and final.startswith("u"):
            final = "ü" + final[1:]  # ju, que, xuan, jun: the u is ü
        if syllable[:size] in {"z", "c", "s"} and final == "i":
            return initial + "ы"
        spelled = _FINALS.get(final)
        return None if spelled is None else initial + spelled
    return _FINALS.get(syllable)


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Palladius Cyrillic -> the pinyin syllables it writes, most common first."""
    out: dict[str, list[str]] = {}
    for syllable in sorted(PINYIN_SYLLABLES, key=lambda s: (s in _RARE, len(s), s)):
        spelled = _cyrillic(syllable.replace("v", "ü"))
        if spelled is not None:
            out.setdefault(spelled, []).append(syllable)
    return {k: tuple(v) for k, v in out.items()}


_LONGEST = 6

#: The Ukrainian variant's letters, as the Russian system writes them (і и, є е, е э);
#: Ukrainian и (for Russian ы after ц, с, цз) is handled in :func:`_russian`.
_UKRAINIAN = str.maketrans({"і": "и", "є": "е", "е": "э", "ї": "и"})


def _russian(word: str) -> str:
    """A word of the Ukrainian variant in the Russian system's letters."""
    out = []
    for k, ch in enumerate(word):
        if ch == "и" and k and word[k - 1] in "цсз":
            out.append("ы")
        else:
            out.append(ch.translate(_UKRAINIAN))
    return "".join(out)


@lru_cache(maxsize=4096)
def syllables(word: str, ukrainian: bool = False) -> tuple[str, ...] | None:
    """The pinyin syllables of one Palladius word (``"цзиньпин"`` → ``("jin", "ping")``), the
    fewest that spell it; ``None`` when it is not Palladius. ``ukrainian``: the word is in
    the Ukrainian variant."""
    word = word.casefold().replace("ъ", "")
    if ukrainian:
        word = _russian(word)
    if not word or len(word) > 24:
        return None
    table = _table()
    best: list[tuple[str, ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            done = best[start]
            readings = table.get(word[start:end])
            if done is None or readings is None:
                continue
            found = (*done, readings[0])
            known = best[end]
            if known is None or len(found) < len(known):
                best[end] = found
    return best[-1]


def to_pinyin(text: str) -> str | None:
    """A name in Palladius Cyrillic read as pinyin, each word capitalised (``"Си Цзиньпин"``
    → ``"Xi Jinping"``); ``None`` when a word is not Palladius or the text is not a name of
    two or three words. A name with a letter only Ukrainian has (і, ї, є) is read in the
    Ukrainian variant.

    >>> to_pinyin("Си Цзиньпин"), to_pinyin("Ли Хунчжун"), to_pinyin("Сі Цзіньпін")
    ('Xi Jinping', 'Li Hongzhong', 'Xi Jinping')
    """
    words = text.replace("-", " ").split()
    if not 2 <= len(words) <= 3 or len(text) > 64:
        return None
    ukrainian = any(ch in text.casefold() for ch in "іїєґ")
    out = []
    for word in words:
        found = syllables(word, ukrainian)
        if not found:
            return None
        out.append("".join(found).capitalize())
    return " ".join(out)


#: The letters Palladius writes in the two commonest Latin transliterations of Russian:
#: BGN/PCGN (``tszin'``) and ICAO (``tszin``); BGN writes е as ye only at a word's start or
#: after a vowel, which no Palladius syllable has but е itself (ye).
_LATIN_LETTERS: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g",), "д": ("d",), "е": ("e", "ye"),
    "ж": ("zh",), "з": ("z",), "и": ("i",), "й": ("y", "i"), "к": ("k",), "л": ("l",),
    "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u",), "ф": ("f",), "х": ("kh",), "ц": ("ts",), "ч": ("ch",), "ш": ("sh",),
    "ы": ("y",), "ь": ("",), "ъ": ("",), "э": ("e",), "ю": ("yu", "iu"), "я": ("ya", "ia"),
}  # fmt: skip
#: Letters only the Latin of the Russian transcription writes (цз, чж, х): a name without
#: them is read as pinyin or Wade-Giles, not through Russian.
_RUSSIAN_LATIN = re.compile(r"tsz|chzh|kh")
_SOFT = re.compile(r"[’'ʹʼ]")


@cache
def _latin_table() -> dict[str, tuple[str, ...]]:
    """Each Palladius syllable's Latin transliterations (the soft sign dropped) to its
    pinyin."""
    out: dict[str, list[str]] = {}
    for written, pinyin in _table().items():
        options = [_LATIN_LETTERS.get(ch, ("",)) for ch in written]
        for letters in product(*options):
            latin = "".join(letters)
            if latin:
                known = out.setdefault(latin, [])
                known += [p for p in pinyin if p not in known]
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def latin_syllables(word: str) -> tuple[tuple[str, ...], ...] | None:
    """The pinyin syllables of one word in the Latin of Palladius, the fewest that spell it,
    each with every pinyin it may stand for (``"tszinpin"`` → ``(("jin", "jing"), ("pin",
    "ping"))``: without the soft sign, -инь and -ин are one); ``None`` when it is no such
    word."""
    word = _SOFT.sub("", word.casefold())
    if not word or len(word) > 32 or not word.isascii() or not word.isalpha():
        return None
    table = _latin_table()
    best: list[tuple[tuple[str, ...], ...] | None] = [None] * (len(word) + 1)
    best[0] = ()
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 2 * _LONGEST), end):
            done = best[start]
            readings = table.get(word[start:end])
            if done is None or readings is None:
                continue
            found = (*done, readings)
            known = best[end]
            if known is None or len(found) < len(known):
                best[end] = found
    return best[-1]


#: The most pinyin readings :func:`latin_to_pinyin` gives one name.
MAX_LATIN_READINGS = 8


def latin_to_pinyin(text: str) -> tuple[str, ...]:
    """A Chinese name in the Latin transliteration of its Russian (Palladius) form read as
    pinyin, each way its syllables may be read, the likeliest first, at most
    :data:`MAX_LATIN_READINGS` (``"Si Tszinpin"`` → ``"Xi Jinpin"``, ``"Xi Jinping"``...);
    empty unless it has two or three words that all read so and letters only that Latin
    writes (``tsz``, ``chzh``, ``kh``).

    >>> "Xi Jinping" in latin_to_pinyin("Si Tszinpin"), latin_to_pinyin("Xi Jinping")
    (True, ())
    """
    words = text.replace("-", " ").split()
    if not 2 <= len(words) <= 3 or len(text) > 64 or not _RUSSIAN_LATIN.search(text.casefold()):
        return ()
    per_word: list[list[str]] = []
    for word in words:
        found = latin_syllables(word)
        if not found:
            return ()
        spelled = ["".join(choice).capitalize() for choice in islice(product(*found), 8)]
        per_word.append(spelled)
    return tuple(" ".join(w) for w in islice(product(*per_word), MAX_LATIN_READINGS))
