"""Text normalisation: one function for table entries and queries alike.

This module is the bottom of canonym's text layer. It knows nothing of tables or resolving:
everything here is a pure function of a ``str``.

:func:`normalize` turns any string into a canonical, comparable form:

* Unicode NFKC (full-width letters, ligatures and compatibility jamo are unified);
* invisible characters (zero-width joiners, direction marks, soft hyphens, BOMs) removed and
  control characters treated as spaces;
* quotes, apostrophes and dashes folded (``’ ʼ ‘ ′`` are apostrophes; ``‐ ‑`` are hyphens;
  ``– — ―`` separate words);
* case folded, Latin diacritics removed (``Ch'ŏe`` → ``choe``), Cyrillic ``ё`` read as ``е``;
  Unidecode is used only as the last resort, for Latin letters that have no decomposition
  (``ł``, ``ø``, ``ß``); letters of other scripts (Hangul, Cyrillic, Han, ...) are kept as they are;
* KCNA-style glued words split (``ComradeKim`` → ``comrade kim``);
* possessives removed (``Kim's``, ``Pak’s``, ``Workers'``), then all apostrophes;
* hyphens and spaces both become token boundaries (``Jong-un`` → ``jong un``);
* a surname-first comma form reordered (``KIM, Jong Un`` → ``jong un kim``);
* leading honorifics and qualifiers removed (``Comrade``, ``Mr``, ``Marshal``, ``then-``,
  ``former``, ``the late``), and ``then-`` anywhere;
* a few British/American spellings unified (``defence`` → ``defense``).

:func:`name_key` then removes the token boundaries, so ``Jong-un``, ``Jong Un``, ``Jong-Un`` and
``Jongun`` all meet. :func:`analyze` does both and records what it removed.

Normalisation is idempotent: ``normalize(normalize(s)) == normalize(s)`` for every string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from attrs import frozen
from unidecode import unidecode

__all__ = [
    "APOSTROPHES",
    "LEADING_QUALIFIERS",
    "Normalized",
    "analyze",
    "detect_script",
    "name_key",
    "normalize",
    "without_surrogates",
]

#: Words (and two-word phrases) removed from the start of a name or title, in their
#: normalised form. They carry respect or time, not identity.
LEADING_QUALIFIERS: frozenset[str] = frozenset(
    {
        "comrade",
        "comrades",
        "respected",
        "dear",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mme",
        "madam",
        "dr",
        "sir",
        "marshal",
        "vice marshal",
        "then",
        "former",
        "late",
        "the",
    }
)

# Spelling variants unified at the token level (British -> American, Latinate forms).
_SPELLING: dict[str, str] = {
    "defence": "defense",
    "organisation": "organization",
    "organisations": "organizations",
    "centre": "center",
    "programme": "program",
    "labour": "labor",
    "honour": "honor",
    "praesidium": "presidium",
}

#: Every character the normaliser reads as an apostrophe.
APOSTROPHES = _APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\u02b9\u02ba\uff07\u201b"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f'
_HYPHENS = "-\u2010\u2011\u2012\u00ad\ufe63\uff0d"
_DASHES = "\u2013\u2014\u2015\u2212\u2e3a\u2e3b"
_INVISIBLE = {
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u00ad",
}

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, " "),
        **dict.fromkeys(_HYPHENS, "-"),
        **dict.fromkeys(_DASHES, " "),
        **dict.fromkeys(_INVISIBLE, ""),
    }
)

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
# after a word, or after a closing quote folded to a space (``«Вагнер»'s``)
_POSSESSIVE = re.compile(r"(?<=\S)'s(?!\w)|(?<=s)'(?!\w)|(?<= )'s(?!\w)")
_THEN = re.compile(r"(?<![^\W\d_])then-", re.IGNORECASE)


@frozen(kw_only=True)
class Normalized:
    """The result of :func:`analyze`: a query or alias in canonical form, with what was removed.

    Attributes:
        original: the input text.
        normalized: the canonical form: lower-case tokens separated by single spaces.
        key: ``normalized`` without spaces; what the index is keyed on.
        tokens: the tokens of ``normalized``.
        removed: qualifiers removed from the front (``("comrade",)``), in order.
        reordered: True when a ``Family, Given`` comma form was turned around.
    """

    original: str
    normalized: str
    key: str
    tokens: tuple[str, ...]
    removed: tuple[str, ...] = ()
    reordered: bool = False


def _fold_char(ch: str) -> str:
    """Fold one character (already NFKC and case-folded) to its comparable form."""
    if ch < "\x80":
        return ch
    category = unicodedata.category(ch)
    if category[0] == "M":
        # Combining marks that survive NFKC are diacritics on Latin letters or decoration.
        return ""
    if category[0] == "C" or category[0] == "Z":
        return " "
    if category == "Nd":
        return str(unicodedata.digit(ch, 0))
    if category[0] != "L":
        return " "
    name = unicodedata.name(ch, "")
    if name.startswith("LATIN"):
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if base.isascii():
            return base
        folded = unidecode(ch).lower()
        return "".join(c for c in folded if c.isalnum() and c.isascii())
    if ch == "ё":
        return "е"
    return ch


def _fold(text: str) -> str:
    """NFKC, punctuation folding, case folding and per-character folding."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    text = _CAMEL.sub(" ", text)
    text = _THEN.sub(" ", text)
    text = text.casefold()
    text = _POSSESSIVE.sub("", text)
    out = text if text.isascii() else "".join(map(_fold_char_cached, text))
    # What remains: ASCII letters/digits, letters of other scripts, spaces, apostrophes,
    # hyphens, commas and ASCII punctuation. Apostrophes and periods vanish inside words
    # (Ch'oe, U.S.); other punctuation separates words.
    out = out.replace("'", "").replace(".", "")
    return _SEPARATOR.sub(" ", out)


# Everything but letters, digits, spaces, hyphens and commas (``\w`` is ``str.isalnum`` plus
# the underscore, so the underscore is named too).
_SEPARATOR = re.compile(r"[^\w \-,]|_")
# Characters repeat endlessly across names: fold each distinct one once.
_fold_char_cached = lru_cache(maxsize=8192)(_fold_char)


def _strip_leading(tokens: list[str]) -> tuple[list[str], list[str]]:
    removed: list[str] = []
    while len(tokens) > 1:
        two = " ".join(tokens[:2])
        if two in LEADING_QUALIFIERS and len(tokens) > 2:
            removed.append(two)
            tokens = tokens[2:]
        elif tokens[0] in LEADING_QUALIFIERS:
            removed.append(tokens[0])
            tokens = tokens[1:]
        else:
            break
    return tokens, removed


def _tokens(part: str) -> list[str]:
    return [_SPELLING.get(t, t) for t in part.replace("-", " ").split()]


#: Strings up to this length are memoised by :func:`analyze`; longer ones are not kept.
_CACHE_MAX_LEN = 256


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate (which no encoding can write: it is not text, and
    arrives from undecodable bytes, ``os.fsdecode`` or a JSON escape) read as U+FFFD, the
    replacement character; the same length, so offsets into it are offsets into ``text``."""
    if text.isascii():
        return text
    return _LONE_SURROGATE.sub("\ufffd", text)


def analyze(text: str) -> Normalized:
    """Normalise ``text`` and report what was done.

    Never raises on a ``str``; raises :class:`TypeError` for anything else.
    """
    if not isinstance(text, str):
        msg = f"canonym normalises text (str), not {type(text).__name__}"
        raise TypeError(msg)
    if len(text) <= _CACHE_MAX_LEN:
        return _analyze_cached(text)
    return _analyze(text)


# Plain ASCII names (letters, spaces and hyphens, no camel case): most table entries and
# queries, and every generated spelling. Folding leaves them as they are, lower-cased.
_PLAIN = re.compile(r"[A-Za-z]+(?:[ \-]+[A-Za-z]+)*")


def _fold_quick(text: str) -> str:
    """:func:`_fold`, with a shortcut for plain ASCII names (the same result, faster)."""
    lowered = text.lower()
    if _PLAIN.fullmatch(text) and not _CAMEL.search(text) and "then-" not in lowered:
        return lowered
    return _fold(text)


def _analyze(text: str) -> Normalized:
    folded = _fold_quick(text)
    reordered = False
    parts = [p for p in (p.strip(" -") for p in folded.split(",")) if p]
    removed: list[str] = []
    if len(parts) == 2:
        family, removed = _strip_leading(_tokens(parts[0]))
        given = _tokens(parts[1])
        if len(family) == 1 and 1 <= len(given) <= 3:
            tokens = [*given, *family]
            reordered = True
        else:
            tokens = family + given
    else:
        tokens = [t for p in parts for t in _tokens(p)]
    tokens, more = _strip_leading(tokens)
    removed.extend(more)
    normalized = " ".join(tokens)
    return Normalized(
        original=text,
        normalized=normalized,
        key=normalized.replace(" ", ""),
        tokens=tuple(tokens),
        removed=tuple(removed),
        reordered=reordered,
    )


_analyze_cached = lru_cache(maxsize=16384)(_analyze)


def normalize(text: str) -> str:
    """Return the canonical form of ``text`` (see the module documentation for the steps).

    >>> normalize("KIM, Jong-Un")
    'jong un kim'
    >>> normalize("Comrade Ch'oe Ryong-hae’s")
    'choe ryong hae'
    """
    return analyze(text).normalized


def name_key(text: str) -> str:
    """Return the lookup key of ``text``: its normal form with the token boundaries removed.

    >>> name_key("Kim Jong-un") == name_key("Kim Jongun") == name_key("KIM JONG UN")
    True
    """
    return analyze(text).key


_SCRIPT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("LATIN", "Latn"),
    ("HANGUL", "Hang"),
    ("CYRILLIC", "Cyrl"),
    ("CJK", "Hani"),
    ("HIRAGANA", "Hira"),
    ("KATAKANA", "Kana"),
    ("HALFWIDTH KATAKANA", "Kana"),
    ("GREEK", "Grek"),
    ("ARABIC", "Arab"),
    ("HEBREW", "Hebr"),
)


def detect_script(text: str) -> str:
    """Return the ISO 15924 code of the script most letters of ``text`` are in.

    ``"Zyyy"`` when there are no letters, ``"Zzzz"`` for a script canonym does not name.

    >>> detect_script("최룡해"), detect_script("Чхве Рён Хэ"), detect_script("习近平")
    ('Hang', 'Cyrl', 'Hani')
    """
    if text.isascii():  # most names: Latin letters, or no letters at all
        return "Latn" if any(ch.isalpha() for ch in text) else "Zyyy"
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = _char_script(ch)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return "Zyyy"
    return max(sorted(counts), key=lambda s: counts[s])


@lru_cache(maxsize=8192)
def _char_script(ch: str) -> str:
    """The ISO 15924 code of one letter's script (``Zzzz`` for one canonym does not name)."""
    name = unicodedata.name(ch, "")
    return next((code for prefix, code in _SCRIPT_PREFIXES if name.startswith(prefix)), "Zzzz")
