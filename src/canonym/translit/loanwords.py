"""Foreign names written in Hangul, and the sounds they share with their Latin spellings.

Korean copy writes foreign names by ear, under the loanword orthography (외래어 표기법):
블라디미르 푸틴, 세르게이 라브로프, 도널드 트럼프. Such a name is no Korean name to romanize
(``beulladimireu puting``); what survives the transcription is its consonants, and those only
by class: Korean has no v or f (ㅂ, ㅍ), no l/r contrast (ㄹ), no z (ㅈ), and it adds a vowel ㅡ
after a consonant that ends a syllable in the source (블, 르, 프).

:func:`hangul_sounds` and :func:`latin_sounds` give one word's **sound skeleton** under the
same classes, so that ``블라디미르`` and ``Vladimir`` (both ``PLTML``) and ``푸틴`` and ``Putin``
(``PTN``) meet. Vowels and glides are left out on both sides. The classes follow the Korean
loanword orthography's consonant table (National Institute of the Korean Language, 1986):

=========  ==================================  =================================
class      Hangul                              Latin
=========  ==================================  =================================
``P``      ㅂ ㅃ ㅍ                            b p f v ph w (after a vowel: no)
``T``      ㄷ ㄸ ㅌ, a final ㅅ                 d t th
``K``      ㄱ ㄲ ㅋ                            g k c (not before e, i, y) q ck
``S``      ㅅ ㅆ ㅈ ㅉ ㅊ                       s z c (before e, i, y) j sh ch zh ts x (initial)
``L``      ㄹ                                  l r
``M``      ㅁ                                  m
``N``      ㄴ, a final ㅇ                       n ng
``H``      ㅎ                                  h kh
=========  ==================================  =================================

Source: the loanword orthography's tables as summarised on the stored page "Korean
orthography of foreign words" (``romanization.md`` in the project's references lists its
examples; 블라디미르 푸틴 is Vladimir Putin in Yonhap's copy). Nothing here raises on any
``str``.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["hangul_latin", "hangul_sounds", "latin_sounds"]

_S_BASE = 0xAC00
_S_COUNT = 11172
_N_COUNT = 588
_T_COUNT = 28

# initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
_INITIAL_CLASS = "KKNTTLMPPSS-SSSKTPH"
_INITIAL_LATIN = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()  # noqa: SIM905
# vowels: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_VOWEL_LATIN = "a e ya ye o e yo ye o wa we oe yo u wo we wi yu eu ui i".split()  # noqa: SIM905
_EU = 18  # ㅡ
# finals: - ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_FINAL_CLASS = [
    "",
    "K",
    "K",
    "K",
    "N",
    "N",
    "N",
    "T",
    "L",
    "L",
    "L",
    "L",
    "L",
    "L",
    "L",
    "L",
    "M",
    "P",
    "P",
    "T",
    "T",
    "N",
    "T",
    "T",
    "K",
    "T",
    "P",
    "T",
]
_FINAL_LATIN = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]


def _syllables(word: str) -> list[tuple[int, int, int]] | None:
    out = []
    for ch in word:
        index = ord(ch) - _S_BASE
        if not 0 <= index < _S_COUNT:
            return None
        out.append((index // _N_COUNT, (index % _N_COUNT) // _T_COUNT, index % _T_COUNT))
    return out or None


def _collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


@lru_cache(maxsize=8192)
def hangul_sounds(word: str) -> str:
    """The sound skeleton of one Hangul word written as a loanword (``"블라디미르"`` ->
    ``"PLTML"``); empty when the word is not all Hangul syllables."""
    found = _syllables(word)
    if found is None:
        return ""
    out = []
    for initial, _, final in found:
        cls = _INITIAL_CLASS[initial]
        if cls != "-":
            out.append(cls)
        out.append(_FINAL_CLASS[final])
    return _collapse("".join(out))


def hangul_latin(word: str) -> str:
    """A rough Latin spelling of a Hangul loanword, the added ㅡ left out (``"블라디미르"`` ->
    ``"bladimir"``), to show in explanations."""
    found = _syllables(word)
    if found is None:
        return ""
    out = []
    for initial, vowel, final in found:
        lead = _INITIAL_LATIN[initial]
        out.append("" if lead == "-" else lead)
        if vowel != _EU or len(found) == 1:
            out.append(_VOWEL_LATIN[vowel])
        out.append(_FINAL_LATIN[final])
    return _collapse("".join(out).replace("lr", "l"))


_LATIN = (
    (re.compile(r"^x"), "S"),
    (re.compile(r"x"), "KS"),
    (re.compile(r"(?:shch|sch|tsch|dzh|tch|sh|ch|zh|dj|ts|tz)"), "S"),
    (re.compile(r"kh"), "H"),
    (re.compile(r"ph"), "P"),
    (re.compile(r"(?:th|dt)"), "T"),
    (re.compile(r"ng"), "N"),
    (re.compile(r"c(?=[eiy])"), "S"),
    (re.compile(r"[jzs]"), "S"),
    (re.compile(r"(?:ck|[cqgk])"), "K"),
    (re.compile(r"h"), "H"),
    (re.compile(r"[fvbp]"), "P"),
    (re.compile(r"(?<![aeiouy])w"), "P"),
    (re.compile(r"[dt]"), "T"),
    (re.compile(r"[lr]"), "L"),
    (re.compile(r"n"), "N"),
    (re.compile(r"m"), "M"),
    (re.compile(r"[a-z]"), ""),
)


@lru_cache(maxsize=65536)
def latin_sounds(word: str) -> str:
    """The sound skeleton of one Latin word (lower-case ASCII) under the classes Hangul
    loanwords keep (``"vladimir"`` -> ``"PLTML"``, ``"putin"`` -> ``"PTN"``)."""
    for pattern, replacement in _LATIN:
        word = pattern.sub(replacement, word)
    return _collapse(word)
