"""Every alias tagged with a romanization system is what canonym's own romanizer gives (issue 15).

For each person in the shipped tables, each alias whose ``system`` canonym can itself spell
from one of the person's native names is compared with that spelling; an alias that is not the
system's output must be tagged ``press`` (or another non-system tag) or corrected.

Systems checked against canonym's output (the native names of the person are the input):

* Hangul -> Latin (:func:`canonym.translit.hangul.romanize_name`): ``rr``, ``mr``, ``alalc``,
  ``odni``, ``kcna``, ``dprk``;
* Cyrillic -> Latin (:func:`canonym.translit.cyrillic.transliterate`, Russian natives for the
  Russian systems, Ukrainian natives for the Ukrainian ones): ``bgn``, ``icao``, ``iso9``,
  ``alalc``, ``french``, ``gost-b``, ``mvd310``, ``gost52535``, ``scholarly``, ``german``,
  ``kmu2010``, ``bgn1965``, ``odni``;
* Han -> Latin (:mod:`canonym.translit.han`): ``pinyin`` (tone marks do not count),
  ``wade-giles`` (from the pinyin);
* ``palladius`` (Chinese in Russian): canonym reads Palladius but does not write it, so the
  alias is read back to pinyin (:func:`canonym.translit.palladius.to_pinyin`) and compared with
  the pinyin of the native name.

``kontsevich`` (Korean in Russian): canonym reads it but has no Hangul -> Cyrillic writer, so
it is only checked for consistency: one person's Kontsevich aliases agree with one another, and
the given name starts with a voiceless consonant (к т п ч, not г д б дж), the same convention
canonym's MR and DPRK writers follow (romanization.md §1.3, §3.1).

Not checked (canonym has no writer for them, or they are not systems): ``press``, ``kcna`` on
Russian names (KCNA's English), ``garbled``, ``legacy``, ``exonym``, ``foreign``, ``full-name``,
``display``, ``tongyong``, ``abbreviation``. Titles and organisations are left out: their
``kcna`` tags mark KCNA's English wording, not a romanization.

What does not count in the comparison: case, hyphens and spaces (``Gim Jeong-eun`` is RR's
``Gim Jeongeun``), and the typographic form of an apostrophe (’ ‘ ʼ are '). Apostrophes and
diacritics themselves do count: in MR, ALA-LC, ODNI and Wade-Giles they are letters (``Ch'oe``,
``ŏ``), and ``mr-plain`` is a different system from ``mr``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym import Alias, Entity
from canonym.translit import cyrillic, han, hangul, palladius

HANGUL_SYSTEMS = frozenset({"rr", "mr", "alalc", "odni", "kcna", "dprk"})
CYRILLIC_SYSTEMS = frozenset(cyrillic.RUSSIAN_SYSTEMS + cyrillic.UKRAINIAN_SYSTEMS) - {"press"}
HAN_SYSTEMS = frozenset({"pinyin", "wade-giles"})
CHECKED = HANGUL_SYSTEMS | CYRILLIC_SYSTEMS | HAN_SYSTEMS | {"palladius"}
#: Tags on persons' aliases that this test knowingly does not compare with a writer.
UNCHECKED = frozenset(
    {
        "press",
        "garbled",
        "legacy",
        "exonym",
        "foreign",
        "full-name",
        "nickname",
        "display",
        "tongyong",
        "abbreviation",
        "kontsevich",  # consistency checks only (below)
        "kcna",  # on Russian names: KCNA's English, not a Hangul romanization
    }
)

#: Mismatches where canonym's romanizer, not the table, departs from the system's rules.
ROMANIZER_GAPS: dict[tuple[str, str, str], str] = {}

_APOSTROPHES = str.maketrans(dict.fromkeys("’‘ʼ`´", "'"))
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")
_DIAERESIS = "\u0308"


def spelling_key(text: str, system: str) -> str:
    """``text`` with what does not distinguish two spellings of one system taken out: case,
    hyphens and spaces, typographic apostrophes; for pinyin also the tone marks."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_APOSTROPHES)
    if system == "pinyin":
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize(
            "NFC",
            "".join(c for c in decomposed if not unicodedata.combining(c) or c == _DIAERESIS),
        )
    return _SEPARATORS.sub("", text)


def natives(entity: Entity) -> list[Alias]:
    return [a for a in entity.aliases if a.native]


def emitted(entity: Entity, system: str) -> set[str]:
    """What canonym writes under ``system`` for the entity's native names (empty: it writes
    nothing there, and the alias is out of this test's scope)."""
    out: set[str] = set()
    for native in natives(entity):
        text = native.text
        if native.script == "Hang" and system in HANGUL_SYSTEMS:
            spelled = hangul.romanize_name(text).get(system)
            if spelled:
                out.add(spelled)
        elif native.script == "Cyrl" and system in CYRILLIC_SYSTEMS:
            lang = cyrillic.guess_language(text)
            systems = cyrillic.RUSSIAN_SYSTEMS if lang == "ru" else cyrillic.UKRAINIAN_SYSTEMS
            if system in systems:
                out.add(cyrillic.transliterate(text, system, lang))
        elif native.script == "Hani" and system in HAN_SYSTEMS | {"palladius"}:
            pinyin = han.han_name_to_pinyin(text)
            if pinyin is None:
                continue
            if system == "wade-giles":
                wg = han.pinyin_to_wade_giles(pinyin)
                if wg:
                    out.add(wg)
            else:  # pinyin, and palladius (compared after reading the alias back to pinyin)
                out.add(pinyin)
    return out


def reads_as(alias: Alias) -> tuple[str, str]:
    """The alias text to compare and the system whose key to compare it under."""
    if alias.system == "palladius":
        return palladius.to_pinyin(alias.text) or alias.text, "pinyin"
    return alias.text, str(alias.system)


def matches(alias: Alias, spelled: set[str]) -> bool:
    text, system = reads_as(alias)
    key = spelling_key(text, system)
    return any(key == spelling_key(s, system) for s in spelled)


def persons() -> list[Entity]:
    return [e for e in canonym.default_tables().entities if e.kind.value == "person"]


def checked_aliases() -> Iterator[tuple[Entity, Alias]]:
    for entity in persons():
        for alias in entity.aliases:
            if alias.native or alias.system not in CHECKED:
                continue
            if emitted(entity, alias.system):
                yield entity, alias


def _cases() -> list[Any]:
    cases: list[Any] = []
    for entity, alias in checked_aliases():
        marks = []
        gap = ROMANIZER_GAPS.get((entity.id, alias.text, str(alias.system)))
        if gap:
            marks.append(pytest.mark.xfail(strict=True, reason=gap))
        cases.append(
            pytest.param(
                entity.id, alias, id=f"{entity.id}|{alias.system}|{alias.text}", marks=marks
            )
        )
    return cases


CASES = _cases()


@pytest.mark.parametrize(("entity_id", "alias"), CASES)
def test_tagged_alias_is_what_canonym_writes(entity_id: str, alias: Alias) -> None:
    entity = canonym.default_tables()[entity_id]
    spelled = emitted(entity, str(alias.system))
    assert matches(alias, spelled), (
        f"{entity_id}: alias {alias.text!r} is tagged {alias.system!r}, but canonym writes "
        f"{sorted(spelled)} under {alias.system!r} for {[n.text for n in natives(entity)]}; "
        f"tag it 'press' (with a note) or correct it"
    )


def test_the_check_is_not_vacuous() -> None:
    systems = {str(alias.system) for _, alias in checked_aliases()}
    assert len(CASES) >= 60
    assert {"rr", "mr", "alalc", "odni", "kcna", "bgn", "icao", "iso9", "french"} <= systems
    assert {"kmu2010", "pinyin", "wade-giles", "palladius"} <= systems


def test_every_system_tag_on_a_person_is_classified() -> None:
    """A new tag must be added to the checked systems or knowingly to the unchecked ones."""
    tags = {str(a.system) for e in persons() for a in e.aliases if a.system and not a.native}
    assert tags <= CHECKED | UNCHECKED, sorted(tags - CHECKED - UNCHECKED)


def test_romanizer_gaps_are_current() -> None:
    """Each recorded gap still names a checked alias (no stale xfail)."""
    current = {(e.id, a.text, str(a.system)) for e, a in checked_aliases()}
    assert set(ROMANIZER_GAPS) <= current


# -- Kontsevich: canonym does not write it; two consistency checks ---------------------------

_VOICED_START = re.compile(r"^(дж|чж|г|д|б)", re.IGNORECASE)
_PLAIN_LEADS = frozenset({0, 3, 7, 12})  # ㄱ ㄷ ㅂ ㅈ


def kontsevich_aliases() -> Iterator[tuple[Entity, Alias, str]]:
    for entity in persons():
        hangul_names = [n.text for n in natives(entity) if n.script == "Hang"]
        for alias in entity.aliases:
            if alias.system == "kontsevich" and len(hangul_names) == 1:
                yield entity, alias, hangul_names[0]


def test_kontsevich_aliases_of_one_person_agree() -> None:
    spellings: dict[str, set[str]] = {}
    for entity, alias, _ in kontsevich_aliases():
        spellings.setdefault(entity.id, set()).add(spelling_key(alias.text, "kontsevich"))
    assert spellings
    disagree = {k: v for k, v in spellings.items() if len(v) > 1}
    assert not disagree, disagree


@pytest.mark.parametrize(
    ("entity_id", "text", "native"),
    [pytest.param(e.id, a.text, n, id=f"{e.id}|{a.text}") for e, a, n in kontsevich_aliases()],
)
def test_kontsevich_given_name_starts_voiceless(entity_id: str, text: str, native: str) -> None:
    """Kontsevich writes ㄱ ㄷ ㅂ ㅈ as к т п ч at the start of a word and г д б дж only
    between voiced sounds inside it; the surname is a word of its own (romanization.md §3.1),
    so the given name's first consonant is voiceless (Но Кванчхоль, Ким Чон Ын)."""
    _, given = hangul.split_name(native)
    lead, _, _ = hangul.decompose(given[0])
    words = text.split()
    assert len(words) >= 2
    if lead in _PLAIN_LEADS:
        assert not _VOICED_START.match(words[1]), (
            f"{entity_id}: {text!r} voices the given name's first consonant; Kontsevich does "
            f"not (tag it 'press')"
        )


# -- the comparison accepts what the romanizer writes ----------------------------------------

hangul_names = st.text(
    alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=2, max_size=4
)


@given(hangul_names, st.sampled_from(sorted(HANGUL_SYSTEMS)))
def test_comparison_accepts_the_romanizers_spellings(name: str, system: str) -> None:
    """canonym's own spelling, re-tagged, passes; so do its hyphenated form, a change of case
    and hyphens written as spaces (formatting that does not count)."""
    spelled = hangul.romanize_name(name)
    assert spelled
    outputs = {spelled[system]}
    variants = {spelled[system], spelled[system].upper(), spelled[system].replace("-", " ")}
    if f"{system}-hyphen" in spelled:
        variants.add(spelled[f"{system}-hyphen"])
    for text in variants:
        assert matches(Alias(text=text, script="Latn", system=system), outputs), text


@given(hangul_names)
def test_comparison_tells_rr_from_mr(name: str) -> None:
    """The comparison is not blind to the system: an MR spelling tagged ``rr`` passes only
    when RR happens to spell the name the same way."""
    spelled = hangul.romanize_name(name)
    same = spelling_key(spelled["mr"], "mr") == spelling_key(spelled["rr"], "rr")
    assert matches(Alias(text=spelled["mr"], script="Latn", system="rr"), {spelled["rr"]}) is same
