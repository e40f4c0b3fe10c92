"""One interface over the scripts canonym reads: a registry of :class:`Script` objects.

Every script turns a name written in it into Latin spellings of one shape, each tagged with the
system that gives it (:class:`Spelling`). The name analyser (:mod:`canonym.names`) reads every
script through this registry; a new script or system is one module with a :class:`Script`
and one line in :data:`SCRIPTS`, and ``tests/test_scripts.py`` checks it like every other.

Nothing here knows about tables or matching.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import islice
from typing import Protocol

from attrs import frozen
from unidecode import unidecode

from . import arabic, belarusian, cyrillic, han, hangul, palladius

__all__ = [
    "ARABIC",
    "CYRILLIC",
    "GREEK",
    "HAN",
    "HANGUL",
    "SCRIPTS",
    "Script",
    "Spelling",
    "script_for",
]


@frozen
class Spelling:
    """A Latin spelling of a name and the system that gives it (``kcna``, ``bgn``, ``pinyin``)."""

    text: str
    system: str


class Script(Protocol):
    """A script canonym reads."""

    #: the ISO 15924 code of the script (``Hang``, ``Cyrl``, ``Hani``, ``Arab``, ``Grek``)
    code: str

    def detects(self, text: str) -> bool:
        """Whether ``text`` is written in this script."""
        ...

    def spellings(self, text: str) -> Sequence[Spelling]:
        """Latin spellings of ``text``, most standard first; empty when there are none."""
        ...


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch.isalpha()]


class _Hangul:
    code = "Hang"

    def detects(self, text: str) -> bool:
        return hangul.is_hangul(text)

    def spellings(self, text: str) -> Sequence[Spelling]:
        letters = "".join(ch for ch in text if not ch.isspace())
        return tuple(
            Spelling(spelled, system)
            for spelled, system in islice(hangul.spellings(letters).items(), 3)
        )


#: The transliteration systems a Cyrillic name is read through: the press's, the standard
#: one, and ISO 9 (whose single letters the normaliser folds to the plainest spelling).
_CYRILLIC_SYSTEMS = {"ru": ("press", "bgn", "icao", "iso9"), "uk": ("kmu2010", "icao", "iso9")}


class _Cyrillic:
    code = "Cyrl"

    def detects(self, text: str) -> bool:
        letters = _letters(text)
        return bool(letters) and all(cyrillic.is_cyrillic(ch) for ch in letters)

    def spellings(self, text: str) -> Sequence[Spelling]:
        lang = cyrillic.guess_language(text)
        out: dict[str, Spelling] = {}
        systems = _CYRILLIC_SYSTEMS[lang]
        for system, spelled in zip(
            systems, cyrillic.transliterate_many(text, systems, lang), strict=True
        ):
            out.setdefault(spelled, Spelling(spelled, system))
        if belarusian.is_belarusian(text):  # Аляксандр Лукашэнка: Aliaksandr Lukashenka
            for system in belarusian.SYSTEMS:
                spelled = belarusian.transliterate(text, system)
                out.setdefault(spelled, Spelling(spelled, f"be-{system}"))
        pinyin = palladius.to_pinyin(text)  # a Chinese name: Си Цзиньпин is Xi Jinping
        if pinyin is not None:
            out.setdefault(pinyin, Spelling(pinyin, "palladius"))
        return tuple(out.values())


class _Han:
    code = "Hani"

    def detects(self, text: str) -> bool:
        return han.is_han(text)

    def spellings(self, text: str) -> Sequence[Spelling]:
        return tuple(Spelling(spelled, system) for system, spelled in han.spellings(text).items())


#: Modern Greek as it writes foreign names, before Unidecode reads the rest letter by letter:
#: ντ is d, μπ b, γκ g, ου u, and β is v (Βλαντίμιρ Πούτιν is Vladimir Putin).
_GREEK_RULES = (
    (re.compile(r"ντ", re.IGNORECASE), "d"),
    (re.compile(r"μπ", re.IGNORECASE), "b"),
    (re.compile(r"γκ|γγ", re.IGNORECASE), "g"),
    (re.compile(r"ου|ού", re.IGNORECASE), "u"),
    (re.compile(r"β", re.IGNORECASE), "v"),
)


class _Greek:
    code = "Grek"

    def detects(self, text: str) -> bool:
        letters = _letters(text)
        return bool(letters) and all("GREEK" in unicodedata.name(ch, "") for ch in letters)

    def spellings(self, text: str) -> Sequence[Spelling]:
        for pattern, latin in _GREEK_RULES:
            text = pattern.sub(latin, text)
        spelled = unidecode(text).strip()
        return (Spelling(spelled, "elot-names"),) if spelled else ()


class _Arabic:
    """Arabic and Persian script. Its Latin spellings are rough (no short vowels are written):
    :func:`canonym.names.arabic_consonants` is what the name engine compares them by."""

    code = "Arab"

    def detects(self, text: str) -> bool:
        letters = _letters(text)
        return bool(letters) and all("ARABIC" in unicodedata.name(ch, "") for ch in letters)

    def spellings(self, text: str) -> Sequence[Spelling]:
        spelled = arabic.spell(text)
        return (Spelling(spelled, "consonants"),) if spelled else ()


HANGUL: Script = _Hangul()
CYRILLIC: Script = _Cyrillic()
HAN: Script = _Han()
GREEK: Script = _Greek()
ARABIC: Script = _Arabic()

#: Every script canonym reads, by ISO 15924 code (Han also under its simplified and
#: traditional codes).
SCRIPTS: dict[str, Script] = {s.code: s for s in (HANGUL, CYRILLIC, HAN, GREEK, ARABIC)} | {
    "Hans": HAN,
    "Hant": HAN,
}


def script_for(code: str) -> Script | None:
    """The registered script of an ISO 15924 code (``detect_script``'s answer), or ``None``."""
    return SCRIPTS.get(code)
