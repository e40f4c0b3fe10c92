"""The title grammar: read a mention of an office into its parts.

``Russia's then-Defence Minister`` is a country (``ru``), a qualifier (``then``) and a role
(``defense minister``); ``vice director of the General Political Bureau of the Korean People's
Army`` is a role (``deputy director``) and an organisation phrase (``general political bureau of
korean people army``). The words come from a data table (``data/title_words.toml``): qualifiers,
country words, word-level synonyms (vice = deputy, chairperson = chairman, defence = defense,
foreign affairs = foreign) and the words offices are named with.

This module works on text only; which organisation a phrase names, and which office a role of
an organisation is, are the index's business (it knows the tables).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import TypeVar

from attrs import frozen

from .text import analyze

__all__ = [
    "TitleParse",
    "TitleWords",
    "parse_title",
    "split_country",
    "strip_joiners",
    "title_words",
]

_T = TypeVar("_T")

_THEN = re.compile(r"(?<![^\W\d_])then[-\u2010\u2011]", re.IGNORECASE)


@frozen
class TitleWords:
    """The grammar's word lists, from ``data/title_words.toml``."""

    qualifiers: frozenset[str]
    synonyms: tuple[
        tuple[tuple[str, ...], tuple[str, ...]], ...
    ]  # (variant, canonical), longest first
    roles: frozenset[str]
    countries: tuple[tuple[tuple[str, ...], str], ...]  # (words, code), longest first
    loose_countries: tuple[tuple[tuple[str, ...], frozenset[str]], ...]  # (words, codes)


@cache
def title_words() -> TitleWords:
    """The grammar's word lists (loaded once)."""
    raw = (resources.files("canonym") / "data" / "title_words.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    synonyms = [
        (analyze(v).tokens, analyze(row["canonical"]).tokens)
        for row in data["synonym"]
        for v in row["variants"]
    ]
    countries = [(analyze(w).tokens, row["code"]) for row in data["country"] for w in row["words"]]
    return TitleWords(
        qualifiers=frozenset(data["qualifiers"]),
        synonyms=tuple(sorted(synonyms, key=lambda s: -len(s[0]))),
        roles=frozenset(data["roles"]),
        countries=tuple(sorted(countries, key=lambda c: -len(c[0]))),
        loose_countries=tuple(
            (analyze(w).tokens, frozenset(row["codes"]))
            for row in data.get("loose_country", [])
            for w in row["words"]
        ),
    )


@frozen
class TitleParse:
    """A title mention read into its parts.

    Attributes:
        role: the office's words, canonicalised (``"deputy director"``, ``"defense minister"``).
        organisation: the words naming the organisation (``"general political bureau of korean
            people army"``), or ``""``.
        country: the country code a country word gave (``"ru"``), or ``None``.
        qualifiers: qualifier words removed (``("then",)``).
        posting: the country an envoy is sent to (``"kp"`` in "Russian Ambassador to the
            DPRK"), or ``None``.
    """

    role: str
    organisation: str
    country: str | None
    qualifiers: tuple[str, ...]
    posting: str | None = None


_Phrases = dict[str, tuple[tuple[tuple[str, ...], _T], ...]]


def _by_first_word(table: Iterable[tuple[tuple[str, ...], _T]]) -> _Phrases[_T]:
    """A phrase table indexed by its phrases' first word, each word's phrases in table order
    (longest first): at a position only the phrases starting with its word can match."""
    out: dict[str, list[tuple[tuple[str, ...], _T]]] = {}
    for phrase, value in table:
        if phrase:
            out.setdefault(phrase[0], []).append((phrase, value))
    return {word: tuple(phrases) for word, phrases in out.items()}


@cache
def _synonyms_by_first() -> _Phrases[tuple[str, ...]]:
    return _by_first_word(title_words().synonyms)


@cache
def _countries_by_first() -> _Phrases[str]:
    return _by_first_word(title_words().countries)


def _replace(tokens: list[str], table: _Phrases[tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for variant, canonical in table.get(tokens[i], ()):
            if tuple(tokens[i : i + len(variant)]) == variant:
                out.extend(canonical)
                i += len(variant)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def strip_joiners(tokens: list[str]) -> list[str]:
    """Drop the joining words (of, the, for, and) at either end of a run of tokens."""
    while tokens and tokens[0] in {"of", "the", "for"}:
        tokens = tokens[1:]
    while tokens and tokens[-1] in {"of", "the", "for", "and"}:
        tokens = tokens[:-1]
    return tokens


def _countries(tokens: list[str] | tuple[str, ...]) -> tuple[str | None, list[str]]:
    countries = _countries_by_first()
    country: str | None = None
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        for phrase, code in countries.get(tokens[i], ()):
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                country = country or code
                i += len(phrase)
                break
        else:
            kept.append(tokens[i])
            i += 1
    return country, kept


def _posting(tokens: list[str]) -> tuple[str | None, list[str]]:
    """Take "to [the] <country>" out of a title's tokens: the country an envoy is sent to."""
    for i, token in enumerate(tokens):
        if token != "to":
            continue
        k = i + 1 + (tokens[i + 1 : i + 2] == ["the"])
        for phrase, code in _countries_by_first().get(tokens[k] if k < len(tokens) else "", ()):
            if tuple(tokens[k : k + len(phrase)]) == phrase:
                return code, tokens[:i] + tokens[k + len(phrase) :]
    return None, tokens


def split_country(text: str) -> tuple[frozenset[str], str]:
    """Take the country words out of a mention: ``"Russia's MFA"`` -> (``{"ru"}``, ``"mfa"``).
    A leading word that may mean several countries gives them all (``"Korea's ..."``).

    >>> split_country("North Korea's Ministry of National Defence")
    (frozenset({'kp'}), 'ministry of national defense')
    """
    tokens = analyze(text).tokens
    country, kept = _countries(tokens)
    if country is not None:
        return frozenset({country}), " ".join(strip_joiners(kept))
    for phrase, codes in title_words().loose_countries:
        if tokens[: len(phrase)] == phrase and len(tokens) > len(phrase):
            return codes, " ".join(strip_joiners(list(tokens[len(phrase) :])))
    return frozenset(), " ".join(strip_joiners(list(tokens)))


@lru_cache(maxsize=16384)
def parse_title(text: str) -> TitleParse | None:
    """Read a title mention; ``None`` when it has no role word at all.

    >>> p = parse_title("Russia's then-Defence Minister")
    >>> (p.role, p.organisation, p.country)
    ('defense minister', '', 'ru')
    >>> parse_title("vice-director of the General Political Bureau of the KPA").role
    'deputy director'
    """
    words = title_words()
    a = analyze(text)
    qualifiers = [*(q for q in a.removed if q in words.qualifiers)]
    if _THEN.search(text):
        qualifiers.insert(0, "then")
    tokens: list[str] = []
    for token in a.tokens:
        if token in words.qualifiers:
            qualifiers.append(token)
        else:
            tokens.append(token)
    # "to [the] <country>": where an envoy is posted ("Ambassador to the DPRK")
    posting, tokens = _posting(tokens)
    # Country words anywhere ("North Korea's Supreme People's Assembly", "of the DPRK").
    country, kept = _countries(tokens)
    tokens = _replace(kept, _synonyms_by_first())
    if not tokens or not any(t in words.roles for t in tokens):
        return None
    if "of" in tokens or "for" in tokens:
        # "<role> of <organisation>", or "for" it ("spokesperson for the Foreign Ministry")
        cut = min(tokens.index(w) for w in ("of", "for") if w in tokens)
        role, rest = tokens[:cut], strip_joiners(tokens[cut + 1 :])
        if role and role[-1] == "minister" and rest:
            # "minister of foreign [of the DPRK]" = "foreign minister"
            if "of" in rest:
                inner = rest.index("of")
                role, rest = [*role[:-1], *rest[:inner], "minister"], strip_joiners(rest[inner:])
            elif all(t in words.roles for t in rest):
                role, rest = [*role[:-1], *rest, "minister"], []
    else:
        cut = len(tokens)
        while cut > 0 and tokens[cut - 1] in words.roles:
            cut -= 1
        role, rest = tokens[cut:], tokens[:cut]
    role = strip_joiners(role)
    if not role:
        return None
    return TitleParse(
        role=" ".join(role),
        organisation=" ".join(strip_joiners(rest)),
        country=country,
        qualifiers=tuple(qualifiers),
        posting=posting,
    )
