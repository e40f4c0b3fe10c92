"""Arabic and Persian script: the consonants a name writes, and a Latin spelling of them.

Arabic script writes no short vowels, so canonym compares a name written in it with a Latin
spelling by consonant skeletons (``محمد`` and ``Muhammad``, ``Mohamed`` are ``mhmd``); see
:func:`canonym.names.latin_consonants` for the Latin side. Nothing here knows about tables.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["consonants", "long_vowels", "spell"]

#: Arabic and Persian letters, as :func:`canonym.names.latin_consonants` writes the Latin
#: ones; long vowels, hamza and ain dropped (they are vowels or nothing in Latin spellings).
_ARABIC = str.maketrans(
    {
        **dict.fromkeys("اآأإٱءئؤعىيیوۀةه", ""),
        "ب": "b",
        "پ": "b",
        "ت": "t",
        "ط": "t",
        "ث": "z",
        "ج": "j",
        "چ": "S",
        "ح": "h",
        "خ": "x",
        "د": "d",
        "ض": "z",
        "ذ": "z",
        "ر": "r",
        "ز": "z",
        "ژ": "j",
        "ظ": "z",
        "س": "s",
        "ص": "s",
        "ش": "S",
        "غ": "k",  # one class with ق, ک and گ: Latin gh writes ق and غ alike (Persian)
        "ف": "f",
        "ق": "k",
        "ك": "k",
        "ک": "k",
        "گ": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ٹ": "t",
        "ڈ": "d",
        "ڑ": "r",
        "ں": "n",
    }
)
# ه is h between letters but mostly a vowel at a word's end (Zahra / Fatemeh): kept inside
_ARABIC_H = re.compile(r"ه(?=.)")


def consonants(word: str) -> str:
    """The consonant skeleton of an Arabic or Persian word, article ``ال`` taken off:
    ``محمد`` -> ``mhmd``, ``الحسن`` -> ``hsn``."""
    word = _prepared(word).translate(_ARABIC)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-zA-Z]", "", word))


def _prepared(word: str) -> str:
    """The word without vowel marks and without the article ``ال``, a non-final ه read as h."""
    word = unicodedata.normalize("NFKC", word)
    word = re.sub(r"[\u064b-\u065f\u0670]", "", word)  # vowel marks
    if word.startswith("ال") and len(word) > 3 and word != "الله":
        word = word[2:]
    return _ARABIC_H.sub("h", word)


#: The letters that write a long vowel between two consonants: ی (ī, ē), و (ū, ō).
_LONG = {"ی": "I", "ي": "I", "ى": "I", "ئ": "I", "و": "U", "ؤ": "U"}


def long_vowels(word: str) -> str:
    """What the word writes between each two consonants of :func:`consonants`: ``I`` for ی,
    ``U`` for و, ``B`` for both, ``.`` for neither (short vowels are not written):
    ``حمید`` (hmd) -> ``.I``, ``احمد`` -> ``..``. "" when the two cannot be lined up."""
    word = _prepared(word)
    letters: list[str] = []
    gaps: list[set[str]] = []
    gap: set[str] = set()
    for ch in word:
        if ch in _LONG:
            gap.add(_LONG[ch])
            continue
        letter = re.sub(r"[^a-zA-Z]", "", ch.translate(_ARABIC))
        if not letter:
            continue
        if letters and letters[-1] == letter:
            gap = set()  # a doubled letter is one: what stood between is inside it
            continue
        if letters:
            gaps.append(gap)
        letters.append(letter)
        gap = set()
    if "".join(letters) != consonants(word):
        return ""
    return "".join(("B" if len(g) > 1 else next(iter(g))) if g else "." for g in gaps)


_SPELL = str.maketrans({"S": "sh", "x": "kh"})


def spell(text: str) -> str:
    """A Latin spelling of an Arabic or Persian name, word by word, by its consonants
    (``بشار الأسد`` -> ``bshr sd``): rough, but what the consonant comparison reads.

    >>> spell("محمد حسن")
    'mhmd hsn'
    """
    words = [consonants(w).translate(_SPELL) for w in re.split(r"[\s\u200c\-]+", text)]
    return " ".join(w for w in words if w)
