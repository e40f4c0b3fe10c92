"""Foreign names written in Hangul or in Han characters, and the sounds they share with their
Latin spellings.

Korean copy writes foreign names by ear, under the loanword orthography (외래어 표기법):
블라디미르 푸틴, 세르게이 라브로프, 도널드 트럼프. Such a name is no Korean name to romanize
(``beulladimireu puting``); what survives the transcription is its consonants, and those only
by class: Korean has no v or f (ㅂ, ㅍ), no l/r contrast (ㄹ), no z (ㅈ), and it adds a vowel ㅡ
after a consonant that ends a syllable in the source (블, 르, 프).

:func:`hangul_sounds` and :func:`latin_sounds` give one word's **sound skeleton** under the
same classes, so that ``블라디미르`` and ``Vladimir`` (both ``PLTML``) and ``푸틴`` and ``Putin``
(``PTN``) meet; vowels and glides are left out on both sides, so the skeleton serves to find
candidates. :func:`hangul_pattern` writes a word's vowels too, as the Latin vowels each stands
for, in the language of the Han patterns below, so that :func:`han_latin_cost` compares it
(쇼이구 and ``Xyzzyk`` share the skeleton ``SK`` and none of their vowels). The classes follow
the Korean loanword orthography's consonant table (National Institute of the Korean Language,
1986):

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
examples; 블라디미르 푸틴 is Vladimir Putin in Yonhap's copy).

Chinese copy writes foreign names with Han characters read for their sound (索菲·理查森 is
Sophie Richardson, 弗拉基米尔·普京 Vladimir Putin). Mandarin syllables keep less than Korean
does: a consonant that ends a syllable in the source is dropped (理查森, li-cha-sen, for
Ri-char-d-son) or given a syllable of its own with an empty vowel (克雷默, ke-lei-mo, for Kremer);
only n and ng end a syllable. :func:`han_pattern` writes a transcription's syllables as a
pattern of consonant classes (those above, and ``J`` for j, q and x, which stand for the s, t
and k of the source: 普京 for Putin, 基 for di and gi) and of the vowels each syllable may stand
for; :func:`han_latin_cost` aligns it with a Latin word, letting the Latin side lose what
Mandarin drops (an r or l after a vowel, a t, an h) and the Han side add empty vowels and
syllable-final n. Nothing here raises on any ``str``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = [
    "HAN_MARK",
    "REDUCED_KEYS",
    "han_latin_cost",
    "han_pattern",
    "han_reduced",
    "hangul_latin",
    "hangul_pattern",
    "hangul_sounds",
    "katakana_pattern",
    "latin_reduced",
    "latin_sounds",
    "latin_units",
]

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


#: The Latin vowel letters each Hangul vowel (ㅏ ㅐ ㅑ ... ㅣ, in Unicode order) stands for in a
#: loanword, after the loanword orthography's vowel table (ㅓ for the schwa and the English
#: short u and o: 도널드 Donald, 트럼프 Trump); ``*`` for ㅡ, the vowel Korean adds after a
#: consonant that ends a syllable in the source (블, 르, 프), which stands for any or none.
_VOWEL_LETTERS = (
    "ao",  # ㅏ
    "ae",  # ㅐ
    "a",  # ㅑ (ya, ia: the glide is no vowel of its own)
    "ae",  # ㅒ
    "aeou",  # ㅓ
    "eia",  # ㅔ
    "eo",  # ㅕ
    "e",  # ㅖ
    "oau",  # ㅗ
    "ao",  # ㅘ
    "ae",  # ㅙ
    "oe",  # ㅚ
    "o",  # ㅛ
    "uo",  # ㅜ
    "oau",  # ㅝ
    "e",  # ㅞ
    "iu",  # ㅟ
    "u",  # ㅠ
    "*",  # ㅡ
    "ui",  # ㅢ
    "iey",  # ㅣ
)
#: ㅘ ㅙ ㅝ ㅞ ㅟ: after the silent ㅇ they write an English w (윌리엄 William, 워싱턴 Washington).
_W_VOWELS = frozenset({9, 10, 14, 15, 16})


@lru_cache(maxsize=8192)
def hangul_pattern(word: str) -> str:
    """The sound pattern of one Hangul word written as a loanword, in the language of
    :func:`han_pattern` so that :func:`han_latin_cost` aligns it with a Latin word
    (``"푸틴"`` -> ``"+P.vuow.T.viey.N"``): the consonant classes of :func:`hangul_sounds`,
    each syllable's vowel as the Latin vowels it stands for, a vowel straight after another
    (the 이 of 세르게이, the 우 of 벨로우소프) one the Latin side may run into the first or
    leave out, and a lower-case ``w`` for the w a silent ㅇ's ㅘ, ㅝ or ㅟ writes. Empty
    when the word is not all Hangul syllables."""
    found = _syllables(word)
    if found is None:
        return ""
    units: list[str] = []
    for initial, vowel, final in found:
        cls = _INITIAL_CLASS[initial]
        if cls != "-" and (not units or units[-1] != cls):
            units.append(cls)  # 블라: the l of the source once
        elif cls == "-" and vowel in _W_VOWELS:
            units.append("w")
        glide = cls == "-" and bool(units) and units[-1].startswith("v")
        units.append("v" + _VOWEL_LETTERS[vowel] + ("?" if glide else ""))
        if _FINAL_CLASS[final]:
            units.append(_FINAL_CLASS[final])
    return HAN_MARK + ".".join(units)


# ---------------------------------------------------------------------------------------------
# Foreign names in Katakana (Japanese transcription)

#: Each Katakana syllable: its consonant class in the pattern language of :func:`han_pattern`
#: (``J`` for ジ and チ, which stand for the source's j, ch or z, and for its d or t before i:
#: ウラジーミル Vladimir, プーチン Putin; ``w`` for a w that may stand for nothing) and its
#: vowel. Rows in the order of the Unicode block from ア.
_KANA = {
    **dict(zip("アイウエオ", [("", v) for v in "aiueo"], strict=True)),
    **dict(zip("カキクケコ", [("K", v) for v in "aiueo"], strict=True)),
    **dict(zip("ガギグゲゴ", [("K", v) for v in "aiueo"], strict=True)),
    **dict(zip("サシスセソ", [("S", v) for v in "aiueo"], strict=True)),
    **dict(
        zip("ザジズゼゾ", [("S", "a"), ("J", "i"), ("S", "u"), ("S", "e"), ("S", "o")], strict=True)
    ),
    **dict(
        zip("タチツテト", [("T", "a"), ("J", "i"), ("S", "u"), ("T", "e"), ("T", "o")], strict=True)
    ),
    **dict(
        zip("ダヂヅデド", [("T", "a"), ("J", "i"), ("S", "u"), ("T", "e"), ("T", "o")], strict=True)
    ),
    **dict(zip("ナニヌネノ", [("N", v) for v in "aiueo"], strict=True)),
    **dict(
        zip("ハヒフヘホ", [("H", "a"), ("H", "i"), ("P", "u"), ("H", "e"), ("H", "o")], strict=True)
    ),
    **dict(zip("バビブベボ", [("P", v) for v in "aiueo"], strict=True)),
    **dict(zip("パピプペポ", [("P", v) for v in "aiueo"], strict=True)),
    **dict(zip("マミムメモ", [("M", v) for v in "aiueo"], strict=True)),
    **dict(zip("ヤユヨ", [("", v) for v in "auo"], strict=True)),
    **dict(zip("ラリルレロ", [("L", v) for v in "aiueo"], strict=True)),
    **dict(zip("ワヰヱヲ", [("w", "a"), ("w", "i"), ("w", "e"), ("w", "o")], strict=True)),
    "ヴ": ("P", "u"),
}
#: Small vowels that take the place of the syllable's own (ティ ti, ファ fa, ショ sho).
_KANA_SMALL = dict(zip("ァィゥェォャュョ", "aiueoauo", strict=True))
#: The Latin vowels each Japanese vowel stands for in a transcription (ア for the English
#: short u of トランプ Trump, エ for the a of ジェームズ James).
_KANA_VOWELS = {"a": "aou", "i": "iey", "u": "uo", "e": "ea", "o": "oau"}


@lru_cache(maxsize=8192)
def katakana_pattern(word: str) -> str:
    """The sound pattern of one Katakana word of a foreign name, in the language of
    :func:`han_pattern` so that :func:`han_latin_cost` aligns it with a Latin word
    (``"プーチン"`` -> ``"+P.vuo?.J.viey.n"``): each syllable's consonant class and the Latin
    vowels its vowel stands for. The vowel Japanese adds after a consonant that ends a
    syllable in the source (the u of ス, ク, プ, ル, the o of ト and ド) may stand for none, as
    may a vowel straight after another (the イ of セルゲイ); the long mark ー and the small ッ
    add nothing; ン is a syllable-final n (the source's n or m: トランプ); a ウ before a
    consonant at the start is the source's v or w (ウラジーミル). Empty when the word is not
    all Katakana."""
    if not word:
        return ""
    units: list[str] = []
    for k, ch in enumerate(word):
        if ch in "ーッ":
            continue
        if ch == "ン":
            units.append("n")
            continue
        small = _KANA_SMALL.get(ch)
        if small is not None:
            if units and units[-1].startswith("v"):
                units[-1] = "v" + _KANA_VOWELS[small]  # ティ, ショ: the small vowel is it
                if small == "e" and len(units) > 1 and units[-2] == "J":
                    units[-2] = "D"  # ジェ, チェ: the source's j or ch, or a d or t before e
            else:
                units.append("v" + _KANA_VOWELS[small])
            continue
        found = _KANA.get(ch)
        if found is None:
            return ""
        cls, vowel = found
        after = word[k + 1] if k + 1 < len(word) else ""
        if ch == "ウ" and not units and after in _KANA and _KANA[after][0]:
            units.append("w")  # ウラジーミル: the v of Vladimir
            continue
        if cls:
            units.append(cls)
        added = (vowel == "u" and cls not in ("", "w")) or (vowel == "o" and cls == "T")
        glide = not cls and bool(units) and units[-1].startswith("v")
        optional = "?" if (added or glide) and after not in _KANA_SMALL else ""
        units.append("v" + _KANA_VOWELS[vowel] + optional)
    return HAN_MARK + ".".join(units) if units else ""


# ---------------------------------------------------------------------------------------------
# Foreign names in Han characters (Xinhua-style transcription)

#: Marks a Han transcription's pattern (a part's ``loan``) apart from a Hangul skeleton.
HAN_MARK = "+"

# pinyin initials, longest first, and their classes: lower-case ones may stand for nothing
# in the source (w- before a vowel; they are never required of the Latin side)
_PINYIN_CLASS = (
    ("zh", "S"),
    ("ch", "S"),
    ("sh", "S"),
    ("b", "P"),
    ("p", "P"),
    ("f", "P"),
    ("w", "w"),
    ("d", "T"),
    ("t", "T"),
    ("g", "K"),
    ("k", "K"),
    ("h", "H"),
    ("j", "J"),
    ("q", "J"),
    ("x", "J"),
    ("z", "S"),
    ("c", "S"),
    ("s", "S"),
    ("r", "L"),
    ("l", "L"),
    ("m", "M"),
    ("n", "N"),
    ("y", ""),
)
#: The Latin vowels a pinyin final stands for; ``*`` any vowel or none (an empty vowel or a
#: schwa: 克 ke, 森 sen), ``?`` none besides those listed (布 bu for the b of Brian).
_FINAL_VOWELS = {
    "a": "aeou",
    "ia": "aeo",
    "ua": "aeo",
    "ai": "aeiy",
    "uai": "aeiy",
    "ao": "aou",
    "iao": "aou",
    "an": "aeou",
    "ang": "aeou",
    "ian": "aei",
    "uan": "aeo",
    "iang": "aeo",
    "uang": "aeo",
    "e": "*",
    "ei": "eiay",
    "ui": "eiay",
    "i": "iey",
    "ie": "eiya",
    "o": "oaue",
    "uo": "oau",
    "ou": "ou",
    "iu": "ou",
    "u": "uo",
    "en": "*",
    "eng": "eoa",
    "in": "iey",
    "ing": "iey",
    "un": "uo",
    "ong": "ou",
    "iong": "ou",
    "ue": "ouea",
    "ve": "ouea",
    "er": "*",
}
_EMPTY_I = frozenset({"z", "c", "s", "zh", "ch", "sh", "r"})  # 斯 si, 兹 zi: no vowel
_EMPTY_U = frozenset({"b", "p", "f", "m", "d", "t", "g", "k", "h"})  # 布 bu, 夫 fu
_PALATAL = frozenset({"j", "q", "x", "y"})  # their u is ü


def _syllable_units(syllable: str) -> list[str]:
    if syllable == "er":
        return ["l"]  # 尔: an r or l of the source, or nothing
    initial, cls = "", ""
    for letters, c in _PINYIN_CLASS:
        if syllable.startswith(letters):
            initial, cls = letters, c
            break
    final = syllable[len(initial) :]
    if final == "i" and initial in _EMPTY_I:
        vowels = "*"
    elif final == "u" and initial in _EMPTY_U:
        vowels = "uo?"
    elif initial in _PALATAL and final in ("u", "un", "uan", "ue"):
        vowels = {"u": "uiey", "un": "iuey", "uan": "aeu", "ue": "ouea"}[final]
    else:
        vowels = _FINAL_VOWELS.get(final, "*")
    units = [cls] if cls else []
    units.append("v" + vowels)
    if final.endswith(("n", "ng")):
        units.append("n")  # a syllable-final n: the source's n or m, or nothing
    return units


def han_pattern(syllables: Sequence[str]) -> str:
    """The sound pattern of one word of a foreign name in Han characters, from the pinyin of
    its characters (``["suo", "fei"]`` -> ``"+S.voau.P.veiay"``): consonant classes (upper
    case; lower case for one that may stand for nothing) and, after ``v``, the vowels a
    syllable may stand for. Empty for no syllables."""
    units: list[str] = []
    for syllable in syllables:
        more = _syllable_units(syllable.lower())
        if units and units[-1] == "n" and more[0] == "N":
            units.pop()  # 安娜 an-na: one n of the source (Anna)
        units += more
    return HAN_MARK + ".".join(units) if units else ""


@lru_cache(maxsize=4096)
def _han_units(pattern: str) -> tuple[tuple[bool, str], ...]:
    """(is a vowel, value) for each unit of a pattern."""
    if not pattern.startswith(HAN_MARK):
        return ()
    out = []
    for unit in pattern[len(HAN_MARK) :].split("."):
        if unit.startswith("v"):
            out.append((True, unit[1:]))
        elif unit:
            out.append((False, unit))
    return tuple(out)


_KEY_OPTIONS = {
    "J": ("S", "K", "T"),
    "K": ("K", "S"),
    "n": ("N", "M", ""),
    "w": ("P", ""),
    "l": ("L", ""),
    "D": ("S", "T"),
}
#: The most keys :func:`han_reduced` gives one pattern.
REDUCED_KEYS = 32
#: The classes a transcription drops where they end a syllable of the source (an r or l after
#: a vowel, a final t or d, an h): kept in a key only before a vowel.
_SYLLABLE_FINAL = frozenset("LTH")


def han_reduced(pattern: str) -> frozenset[str]:
    """The keys (:func:`latin_reduced`) a Latin word a pattern may stand for can have, at most
    :data:`REDUCED_KEYS`: J as S, K or T (基 for gi, di), K as S (a ch read k), a
    syllable-final n as n, m or nothing; an l, t or h before a full vowel kept, before an
    added or optional one (特 te for the final t of Robert, 르 for the r of Vladimir) kept or
    not, before a consonant or at the end dropped."""
    units = _han_units(pattern)
    keys = [""]
    for k, (vowel, unit) in enumerate(units):
        if vowel:
            continue
        options = _KEY_OPTIONS.get(unit, (unit,))
        if unit in _SYLLABLE_FINAL:
            after = units[k + 1] if k + 1 < len(units) else (False, "")
            if not after[0]:
                continue
            if "*" in after[1] or "?" in after[1]:
                options = (unit, "")
        keys = [k + o for k in keys for o in options][:REDUCED_KEYS]
    return frozenset(_collapse(k) for k in keys if k)


_LATIN_TOKENS = re.compile(
    r"shch|sch|tsch|dzh|tch|sh|ch|zh|dj|ts|tz|kh|ph|th|dt|ng|ck|[aeiouy]+|[a-z]"
)
_TOKEN_CLASS = {
    "kh": "H",
    "ph": "P",
    "th": "T",
    "dt": "T",
    "ck": "K",
    "q": "K",
    "g": "K",
    "k": "K",
    "h": "H",
    "d": "T",
    "t": "T",
    "l": "L",
    "r": "L",
    "n": "N",
    "m": "M",
    "j": "S",
    "z": "S",
    "s": "S",
    "f": "P",
    "v": "P",
    "b": "P",
    "p": "P",
}


@lru_cache(maxsize=65536)
def latin_units(word: str) -> tuple[tuple[bool, str], ...]:
    """One Latin word (lower-case ASCII) as (is a vowel, value) units: consonant classes as
    :func:`latin_sounds` has them (repeats collapsed) and runs of vowels as written
    (``"richardson"`` -> L i S a L T S o N)."""
    tokens = _LATIN_TOKENS.findall(word)
    out: list[tuple[bool, str]] = []
    for k, token in enumerate(tokens):
        after = tokens[k + 1] if k + 1 < len(tokens) else ""
        before = tokens[k - 1] if k else ""
        if token[0] in "aeiouy" and not (token == "y" and after[:1] in tuple("aeiou")):
            out.append((True, token))
            continue
        if token == "y":
            continue  # a glide
        if token == "x":
            cls = "S" if k == 0 else "KS"
        elif len(token) >= 2 and token not in _TOKEN_CLASS and token != "ng":
            cls = "S"  # sh, ch, zh, ts, ...
        elif token == "ng":
            cls = "NK" if after[:1] in tuple("aeiouy") else "N"  # An-ge-la, but Wang
        elif token == "c":
            cls = "S" if after[:1] in ("e", "i", "y") else "K"
        elif token == "w":
            if before[:1] in tuple("aeiouy"):
                continue  # a vowel's glide (Andrew)
            cls = "P"
        else:
            cls = _TOKEN_CLASS.get(token, "")
        for c in cls:
            if not out or out[-1] != (False, c):
                out.append((False, c))
    return tuple(out)


def latin_reduced(word: str) -> str:
    """The blocking key a Latin word shares with a transcription of it: its consonant classes
    (:func:`latin_units`), an l or r, a t or d and an h only before a vowel (transcriptions
    drop them where they end a syllable), repeats collapsed (``"richardson"`` -> ``"LSN"``)."""
    units = latin_units(word)
    kept = [
        unit
        for k, (vowel, unit) in enumerate(units)
        if not vowel and (unit not in _SYLLABLE_FINAL or (k + 1 < len(units) and units[k + 1][0]))
    ]
    return _collapse("".join(kept))


def _consonant_cost(han: str, latin: str, before_i: bool = True) -> float | None:
    """What one Han consonant class costs against one Latin class; ``before_i``: the Latin
    consonant is followed by i or y, before which Mandarin j, q, x stand for a t or a k too
    (基 for di, gi and ki; 京 for the tin of Putin; never 杰 for the ge of Sergey)."""
    upper = han.upper()
    if upper == latin or (han == "w" and latin == "P"):
        return 0.0
    if han == "J" and (latin in "SH" or (before_i and latin in "TK")):
        return 0.0
    if han == "D" and latin in "ST":
        return 0.0  # ジェ for the de of Medvedev (Russian palatal д), or for je, che
    if (upper == "N" and latin == "M") or (han == "K" and latin == "S"):
        return 0.5  # 申 shen for Schim-; 迈克尔 for Michael, whose ch is a k
    return None


_FAR = 99.0


@lru_cache(maxsize=65536)
def han_latin_cost(pattern: str, word: str, limit: float = _FAR) -> float:
    """How far a Han transcription's pattern (:func:`han_pattern`) is from one Latin word
    (lower-case ASCII): 0 when every sound of each is found in the other as Mandarin
    transcription writes it (``弗拉基米尔`` / ``vladimir``), more for what one side has that the
    other does not (an l or r after a vowel, a t or an h dropped: 0.25 to 0.5; another
    consonant: 1; another vowel: 0.75). Large when the two have nothing to align; some
    number above ``limit`` as soon as the two are further apart than that."""
    han, latin = _han_units(pattern), latin_units(word)
    if not han or not latin:
        return _FAR
    n, m = len(han), len(latin)
    cost = [[_FAR] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        if min(cost[i]) > limit:
            return _FAR  # every way on passes through row i, and no step costs less than 0
        # the last consonant of the Han side so far: the Latin side may repeat it (mpf: 普夫)
        last = next((han[p][1] for p in range(i - 1, -1, -1) if not han[p][0]), "")
        for j in range(m + 1):
            here = cost[i][j]
            if here >= _FAR:
                continue
            if i < n:
                vowel, unit = han[i]
                if vowel:
                    step = 0.0 if ("*" in unit or "?" in unit) else 0.5
                elif unit.islower() or unit.upper() == last.upper():
                    step = 0.25
                else:
                    step = 1.0
                cost[i + 1][j] = min(cost[i + 1][j], here + step)
            if j < m:
                vowel, unit = latin[j]
                if vowel:
                    step = 0.25 if j == m - 1 else 0.5
                else:
                    step = 0.5 if unit in "LTH" else 1.0
                    if unit == "L" and j and latin[j - 1][0]:
                        step = 0.25  # an r or l after a vowel
                    if last and last != "J" and _consonant_cost(last, unit) == 0.0:
                        step = 0.25
                cost[i][j + 1] = min(cost[i][j + 1], here + step)
            if i < n and j < m and han[i][0] == latin[j][0]:
                if han[i][0]:
                    allowed = han[i][1]
                    step_or = (
                        0.0 if "*" in allowed or any(c in allowed for c in latin[j][1]) else 0.75
                    )
                    found: float | None = step_or
                else:
                    follows = latin[j + 1] if j + 1 < m else (False, "")
                    before_i = follows[0] and follows[1][0] in "iy"
                    found = _consonant_cost(han[i][1], latin[j][1], before_i)
                if found is not None:
                    cost[i + 1][j + 1] = min(cost[i + 1][j + 1], here + found)
    return cost[n][m]
