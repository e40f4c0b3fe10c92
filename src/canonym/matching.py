"""The name engine: candidate generation (blocking) and one scoring model over parsed names.

A query and every tabled spelling are parsed by the same analyser (:func:`canonym.names.
parse_name`). :class:`NameIndex` proposes candidates from keys made by the same code on both
sides (romanization-blind part keys, Korean syllable keys, one-deletion neighbours for typos),
and :func:`compare` scores each candidate from features whose weights live in one table,
:data:`WEIGHTS`. Every point of a score is a :class:`Contribution`, so the explanation of a
score adds up to it. Nothing here reads an entity's metadata (country, family name, native
names): a user's table with one Latin spelling per person is matched like a shipped one.

This module knows tables only as the entities and spellings they hold.
"""

from __future__ import annotations

import enum
import heapq
import math
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise
from types import MappingProxyType

import jellyfish
from attrs import evolve, frozen

from .model import Alias, Entity, Kind
from .names import (
    Name,
    Origin,
    Part,
    Reading,
    Role,
    cognate_label,
    compound_first,
    foreign_consonants,
    korean_syllables_only,
    latin_consonants,
    latin_vowel_gaps,
    parse_name,
)

__all__ = [
    "WEIGHTS",
    "Comparison",
    "Contribution",
    "Feature",
    "NameIndex",
    "NameMatch",
    "compare",
]


class Feature(enum.Enum):
    """A feature of the scoring model. Its weight is in :data:`WEIGHTS`."""

    __hash__ = object.__hash__  # hashed by identity, in C: scoring looks weights up often

    #: how well the aligned parts agree: the mean of their similarities (0-1)
    AGREEMENT = "agreement"
    #: a part of one name stands against a different part of the other: another given name,
    #: another patronymic, another Korean syllable (``Jong Un`` / ``Jong Il``)
    CONTRADICTION = "contradiction"
    #: a query part with no counterpart in the tabled name
    EXTRA_PART = "extra-part"
    #: a tabled part the query leaves out (a dropped patronymic or middle name)
    OMITTED_PART = "omitted-part"
    #: one query word, between a first and a last word that agree, that the tabled name
    #: lacks: a father's or middle name the table leaves out (``Yasser Hussein al-Ahmad`` /
    #: ``Yasser al-Ahmad``); another first word is no such thing (``Nabil Omar Haddad`` is not
    #: ``Omar Haddad``)
    EXTRA_MIDDLE = "extra-middle"
    #: no part agrees fully or by its key, and every part is short: near spellings of short
    #: words are near by chance (``Koo Dae-sung`` / ``Chae Sang-woo``: three near syllables)
    NO_ANCHOR = "no-anchor"
    #: only one part agrees, and it is not the family name: a given name alone is no one
    ONE_PART = "one-part"
    #: the query is the tabled name's family name alone (``Putin``, ``Choe``): enough for a
    #: person no one else in the tables shares it with, never more than that
    FAMILY_ALONE = "family-alone"
    #: the aligned parts stand in another order, and not just with the family name moved to
    #: the other end (``Kim U-chung`` / ``Kim Chung U``)
    ORDER = "order"
    #: one of the two names was read through a romanization or transliteration
    GENERATED = "generated"
    #: the entity's own spelling in a syllabic script (Hangul, Han) agrees less than a Latin
    #: spelling does: the value is the difference (``Pak Yeong-il`` is not 박용일, whose Latin
    #: ``Pak Yong Il`` it matches by key)
    NATIVE_DISAGREES = "native-disagrees"
    #: the two Latin names agree letter for letter, run together, but for one letter (deleted,
    #: swapped or replaced): a typing slip, where part-by-part comparison sees another word
    #: (``Nam Hwi-hyo`` / ``Nam Hwi-hyok``, ``Cheo Sin Ok`` / ``Choe Sin Ok``)
    ONE_SLIP = "one-slip"
    #: how many slips of the keys (letters deleted, added, swapped or replaced) the parts
    #: that agree by a near spelling are apart, at most 3: of two names that agree alike part
    #: by part, the nearer by its letters is the likelier (``Oleg Romniev``: ``Rominev``, one
    #: swap, before ``Romanev``, two)
    LETTERS_APART = "letters-apart"
    #: words one name joins with a hyphen (one given name: ``Kwon-bok``, ``Ki-yon``) align
    #: with words the other has apart, or in another order (``Kwon Hyang In Bok``, ``Jon Hyok
    #: Tok Ki``): another name's words, however alike
    SPLIT_HYPHEN = "split-hyphen"


#: Every weight of the scoring model, in one place. A contribution is value x weight; a score
#: is the sum of the contributions, clamped to [0, 1].
WEIGHTS: Mapping[Feature, float] = MappingProxyType(
    {
        Feature.AGREEMENT: 1.0,
        Feature.CONTRADICTION: -0.55,
        Feature.EXTRA_PART: -0.2,
        Feature.OMITTED_PART: -0.06,
        Feature.EXTRA_MIDDLE: -0.15,
        Feature.ONE_PART: -0.35,
        Feature.NO_ANCHOR: -0.3,
        Feature.FAMILY_ALONE: -0.25,
        Feature.ORDER: -0.1,
        Feature.GENERATED: -0.03,
        Feature.NATIVE_DISAGREES: -1.0,
        Feature.ONE_SLIP: -0.15,
        Feature.LETTERS_APART: -0.03,
        Feature.SPLIT_HYPHEN: -0.3,
    }
)

#: Two Latin parts whose keys are less alike than this (:func:`part_similarity`) do not align.
PART_MIN = 0.75
#: What an initial scores against a part that starts with its letter.
INITIAL_AGREEMENT = 0.8
#: What a Korean syllable scores when only its coarse key agrees (-ng/-n, o/u).
LOOSE_AGREEMENT = 0.9
#: What a Hangul syllable scores against a Latin one with its key that none of the systems
#: spells it with (``yeong`` for 용, whose key is that of 영).
SPELLED_APART = 0.8
#: What a part written in Arabic script scores when its consonants are another's.
CONSONANT_AGREEMENT = 0.9
#: What it scores when they are, but it writes a long vowel where the Latin spelling writes
#: another vowel (``حمید`` / ``Ahmad``: the consonants of Hamid, the vowels of another name).
LONG_VOWEL_APART = 0.75
#: What two Latin parts score when they differ but share the romanization-blind key
#: (``sergey`` / ``sergei``).
KEY_AGREEMENT = 0.97
#: What two Latin parts score when they spell one Arabic or Persian name (the same consonants
#: and the same runs of vowels between them: ``Zeitoun`` / ``Zaytun``).
SKELETON_AGREEMENT = 0.85
#: What two Latin parts score when they are forms of one East Slavic name in different
#: languages (``Mykola`` / ``Nikolai``, ``Ramanau`` / ``Romanov``) and agree no better by
#: their spelling.
COGNATE_AGREEMENT = 0.9
#: A word of a foreign name in Han characters and a Latin word whose sounds align fully
#: (``索菲`` / ``Sophie``); each unit of distance takes :data:`HAN_SOUNDS_STEP` from it, and
#: words more than :data:`HAN_SOUNDS_SLACK` apart do not agree.
HAN_SOUNDS_AGREEMENT = 0.85
HAN_SOUNDS_STEP = 0.1
HAN_SOUNDS_SLACK = 0.75
#: Latin names shorter than this many letters (run together) are never read as one slip from
#: another: one letter tells short names apart too often (``Ri Il`` / ``Ri Ik``).
SLIP_MIN = 8
#: A tabled Korean name meets a query that is no Korean name (a slip made a syllable no
#: Korean name has) as one slip from it from this many letters (``Ri Pm Yo`` / ``Ri Pom Yo``).
SYLLABLE_SLIP_MIN = 5
#: The route of a reading made by running a Latin name's letters together.
RUN_TOGETHER = "letters run together"
#: Scripts whose spelling of a name is sharper than any romanization of it.
_SYLLABIC = frozenset({"Hang", "Hani", "Hans", "Hant"})
#: Candidates scoring less than this are not reported at all.
MIN_SCORE = 0.3
#: How many of the best candidates are explained and reported.
MAX_REPORTED = 10
#: How many candidates blocking passes to scoring.
MAX_CANDIDATES = 32
#: Candidates that share keys with one part only are scored while fewer than this many share
#: them with two.
MIN_CANDIDATES = 3
#: Blocking keys shared by more spellings than this add weight only to candidates that rarer
#: keys propose (through a set), unless those are too few.
LONG = 256
#: The most candidates two long keys propose together.
CROWDED = 2000


@frozen
class Contribution:
    """One feature's part of a score: ``points = value * weight``."""

    feature: Feature
    value: float
    weight: float
    detail: str

    @property
    def points(self) -> float:
        """What the feature adds to (or takes from) the score."""
        return self.value * self.weight


@frozen
class Comparison:
    """How one query reading compares with one tabled reading."""

    score: float
    contributions: tuple[Contribution, ...]
    query: Reading
    entry: Reading

    def describe(self) -> str:
        """The contributions as one line: ``+0.95 agreement (...); -0.06 omitted-part``."""
        return "; ".join(
            f"{c.points:+.2f} {c.feature.value} ({c.detail})" for c in self.contributions
        )


def _contribution(feature: Feature, value: float, detail: str) -> Contribution:
    return Contribution(feature=feature, value=value, weight=WEIGHTS[feature], detail=detail)


# ---------------------------------------------------------------------------------------------
# Part similarity and alignment


#: How a pair of parts agrees, for the explanation (``_why``).
(
    _SAME,
    _SAME_KEY,
    _NEAR,
    _INITIAL,
    _COARSE,
    _APART,
    _SURNAME,
    _CONSONANTS,
    _COGNATE,
    _ENDING,
    _SKELETON,
    _LONG_APART,
    _HAN_SOUNDS,
) = range(13)

#: Origins whose names are read syllable by syllable.
_SYLLABLE_ORIGINS = frozenset({Origin.KOREAN, Origin.CHINESE})

#: Agreements that are knowledge, not chance nearness: a name they hold is anchored.
_ANCHORS = frozenset({_CONSONANTS, _COGNATE, _ENDING, _SKELETON})

#: An aligned pair: query part, tabled part, similarity, how they agree.
_Pair = tuple[int, int, float, int]


def _latin_similarity(q: Part, e: Part) -> tuple[float, int]:
    if q.transcribed or e.transcribed:
        # a foreign name in Han, Hangul or Katakana: the sounds a transcription keeps
        return _han_sounds(q, e)
    if q.skeletal or e.skeletal:
        # Arabic script: the consonants are all it writes
        if not q.consonants or not e.consonants:
            return 0.0, _SAME
        if q.consonants == e.consonants:
            if _long_vowels_apart(q, e):
                return LONG_VOWEL_APART, _LONG_APART
            return CONSONANT_AGREEMENT, _CONSONANTS
        near = part_similarity(q.consonants, e.consonants, strict=True)
        latin, arabic = (e, q) if q.skeletal else (q, e)
        if near < 1.0 and not latin.skeletal and "v" in latin.text:
            # a European v, which Arabic script writes ف (Lavrov: لافروف)
            written = foreign_consonants(latin.text)
            near = max(near, part_similarity(written, arabic.consonants, strict=True))
        return (near * CONSONANT_AGREEMENT, _CONSONANTS) if near >= PART_MIN else (0.0, _SAME)
    qr, er = q.role, e.role
    if qr is Role.SUFFIX or er is Role.SUFFIX:
        return (1.0, _SAME) if q.text == e.text else (0.0, _SAME)
    if qr is Role.INITIAL or er is Role.INITIAL:
        if qr is er:
            return (1.0, _SAME) if q.text == e.text else (0.0, _SAME)
        full, initial = (e, q) if qr is Role.INITIAL else (q, e)
        if full.text.startswith(initial.text) or full.key.startswith(initial.key):
            return INITIAL_AGREEMENT, _INITIAL
        return 0.0, _SAME
    if (qr is Role.PATRONYMIC and er is Role.FAMILY) or (
        qr is Role.FAMILY and er is Role.PATRONYMIC
    ):
        return 0.0, _SAME
    if q.text == e.text:
        return 1.0, _SAME
    if q.key == e.key:
        return KEY_AGREEMENT, _SAME_KEY
    if (q.alt and e.key in q.alt) or (e.alt and q.key in e.alt):
        return COGNATE_AGREEMENT, _ENDING  # Putinas / Putin; Abdul / Abd (al-)
    strict = qr is Role.FAMILY or er is Role.FAMILY
    sim = part_similarity(q.key, e.key, strict=strict)
    if sim < PART_MIN:
        # a typo can change a key more than the spelling (vIan -> van, Lxn -> lksn); the
        # spellings themselves are held to the stricter measure, except short ones
        short = max(len(q.text), len(e.text)) <= 4
        sim = part_similarity(q.text, e.text, strict=strict or not short)
    if sim < COGNATE_AGREEMENT and q.cognates and not q.cognates.isdisjoint(e.cognates):
        return COGNATE_AGREEMENT, _COGNATE
    if sim < SKELETON_AGREEMENT and _same_skeleton(q.text, e.text):
        return SKELETON_AGREEMENT, _SKELETON
    if sim >= PART_MIN and _other_compounds(q.text, e.text):
        return 0.0, _SAME
    return (sim, _NEAR) if sim >= PART_MIN else (0.0, _SAME)


def _other_compounds(a: str, b: str) -> bool:
    """Two Arabic compounds of one first name and another second (``Nasiruddin`` /
    ``Nasirullah``): other names, however near their letters."""
    first_a, first_b = compound_first(a), compound_first(b)
    if not first_a or not first_b:
        return False
    return ("d" in a[len(first_a) :]) != ("d" in b[len(first_b) :])


_VOWEL_RUNS = re.compile(r"[aeiouy]+")
_CONSONANT_RUNS = re.compile(r"[^V]+")


def _long_vowels_apart(q: Part, e: Part) -> bool:
    """Whether a word in Arabic script writes a long vowel (ی, و) between two consonants
    where the Latin spelling it is compared with writes only another vowel (``حمید``, ī
    between m and d, against ``Ahmad``, a there); a Latin spelling with nothing there, or
    with a vowel of the kind, agrees."""
    arabic, latin = (q, e) if q.skeletal else (e, q)
    if latin.skeletal or not arabic.long:
        return False
    gaps = latin_vowel_gaps(latin.text)
    if len(gaps) != len(arabic.long):
        return False
    for mark, written in zip(arabic.long, gaps, strict=True):
        if not written or mark in ".B":
            continue
        if mark == "I" and not (any(ch in "iy" for ch in written) or "ee" in written):
            return True  # a lone e is the short vowel (Persian kasre): Vahedi is not وحیدی
        if mark == "U" and not any(ch in "uowv" for ch in written):
            return True
    return False


def _same_skeleton(a: str, b: str) -> bool:
    """Two Latin spellings of one Arabic or Persian name: the same consonants as Arabic script
    writes them (``g``, ``gh``, ``q`` and ``k`` one), and the same run of consonants and vowels
    (``Zeitoun`` / ``Zaytun``, ``Chouman`` / ``Shuman``, ``Vaseqi`` / ``Vaseghi``; never
    ``Bashar`` / ``Bushra``, whose vowels stand elsewhere). Words of five letters or more."""
    if len(a) < 5 or len(b) < 5 or a == b:
        return False
    if latin_consonants(a) != latin_consonants(b):
        return False
    shape_a = _CONSONANT_RUNS.sub("C", _VOWEL_RUNS.sub("V", a))
    return shape_a == _CONSONANT_RUNS.sub("C", _VOWEL_RUNS.sub("V", b))


def _han_sounds(q: Part, e: Part) -> tuple[float, int]:
    """A word of a foreign name in Han characters, Hangul or Katakana against a Latin word, by
    the sounds the transcription keeps of it (:func:`~canonym.translit.loanwords.han_latin_cost`):
    :data:`HAN_SOUNDS_AGREEMENT` less :data:`HAN_SOUNDS_STEP` for each unit of distance, none
    beyond :data:`HAN_SOUNDS_SLACK`. Two transcribed words agree when their patterns are one."""
    han_part, other = (q, e) if q.transcribed else (e, q)
    if other.transcribed:
        return (1.0, _SAME) if q.loan == e.loan else (0.0, _SAME)
    if other.skeletal or other.loan or other.role is Role.INITIAL or not other.text.isascii():
        return 0.0, _SAME
    cost = han_part.han_apart(other, HAN_SOUNDS_SLACK)
    if cost > HAN_SOUNDS_SLACK:
        return 0.0, _SAME
    return HAN_SOUNDS_AGREEMENT - HAN_SOUNDS_STEP * cost, _HAN_SOUNDS


def _why(q: Part, e: Part, sim: float, how: int) -> str:
    if how == _SAME:
        return f"{q.text} = {e.text}"
    if how == _SAME_KEY:
        return f"{q.text} ~ {e.text} (same key)"
    if how == _INITIAL:
        return f"initial {q.text if q.role is Role.INITIAL else e.text} of " + (
            e.text if q.role is Role.INITIAL else q.text
        )
    if how == _COARSE:
        return f"{q.text} ~ {e.text} (coarse key)"
    if how == _APART:
        return f"{q.text} ~ {e.text} (same key, not a spelling of it)"
    if how == _SURNAME:
        return f"surname {q.text} = {e.text}"
    if how == _CONSONANTS:
        return f"{q.text} ~ {e.text} (consonants {q.consonants} / {e.consonants})"
    if how == _LONG_APART:
        return (
            f"{q.text} ~ {e.text} (consonants {q.consonants}, but a long vowel of the Arabic "
            "script stands where the Latin spelling writes another)"
        )
    if how == _SKELETON:
        return f"{q.text} ~ {e.text} (Arabic-name consonants {q.consonants} and vowel runs)"
    if how == _HAN_SOUNDS:
        apart = (HAN_SOUNDS_AGREEMENT - sim) / HAN_SOUNDS_STEP
        return f"{q.text} ~ {e.text} (sounds of the transcription, {apart:.2f} apart)"
    if how == _ENDING:
        if "abd" in (q.text[:3], e.text[:3]):
            return f"{q.text} ~ {e.text} (Abd with its article run in)"
        if compound_first(q.text) or compound_first(e.text):
            return f"{q.text} ~ {e.text} (the first name of a compound, without -uddin, -ullah)"
        return f"{q.text} ~ {e.text} (a Baltic nominative ending)"
    if how == _COGNATE:
        shared = sorted(q.cognates & e.cognates)
        return f"{q.text} ~ {e.text} ({cognate_label(shared[0]) if shared else 'cognates'})"
    return f"{q.text} ~ {e.text} ({sim:.2f})"


def part_similarity(a: str, b: str, *, strict: bool = False) -> float:
    """How alike two part keys are, in [0, 1]: the mean of Jaro-Winkler and of one minus the
    edit distance over the longer length; 0 when the edits are too many for the length (one
    edit in three letters; in four when ``strict``, for family names, which vary less across
    languages than given names do) or when a key of three letters or fewer differs at all."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    shortest = min(len(a), len(b))
    if shortest <= 3:
        # short parts: one letter typed for another (lxn / lin), or one letter lost from a
        # longer word (van / ivan); never a letter more or less between short words (an / ang)
        if strict or shortest < 3 or longest - shortest > 1:
            return 0.0
        one = jellyfish.damerau_levenshtein_distance(a, b) == 1
        return PART_MIN if one and (len(a) == len(b) or longest >= 4) else 0.0
    limit = longest // (4 if strict else 3)
    if longest - shortest > limit:
        return 0.0  # more letters more or less than edits allowed: no need to count them
    edits = jellyfish.damerau_levenshtein_distance(a, b)
    if edits > limit:
        return 0.0
    return (jellyfish.jaro_winkler_similarity(a, b) + 1.0 - edits / longest) / 2.0


#: Part similarities already computed for one query: (query part, tabled part) -> result,
#: with the query part itself, kept alive so that its ``id`` is not reused while the memo is.
_Memo = dict[tuple[int, str, str, int, bool], tuple[float, int, Part]]


def _align(
    q: Sequence[Part], e: Sequence[Part], memo: _Memo | None = None
) -> tuple[list[_Pair], list[int], list[int]]:
    """A one-to-one alignment of parts, greedy by similarity (ties by position). ``memo``
    keeps the similarities of one query's parts across the candidates it is compared with
    (their words recur: every Sergey of the table)."""
    scored = []
    for i, qp in enumerate(q):
        for j, ep in enumerate(e):
            if memo is None:
                sim, how = _latin_similarity(qp, ep)
            else:
                key = (id(qp), ep.text, ep.key, id(ep.role), ep.skeletal)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = (*_latin_similarity(qp, ep), qp)
                sim, how, _ = found
            if sim > 0.0:
                scored.append((-sim, abs(i - j), i, j, how))
    scored.sort()
    used_q: set[int] = set()
    used_e: set[int] = set()
    pairs: list[_Pair] = []
    for neg, _, i, j, how in scored:
        if i in used_q or j in used_e:
            continue
        used_q.add(i)
        used_e.add(j)
        pairs.append((i, j, -neg, how))
    return (
        pairs,
        [i for i in range(len(q)) if i not in used_q],
        [j for j in range(len(e)) if j not in used_e],
    )


def _korean_syllable(q: Part, e: Part) -> tuple[float, int]:
    if q.spelled and e.spelled and q.key != e.key:
        # two Hangul syllables: one only when a system spells both alike (룡 and 용 are both
        # yong in the South); 성 and 선 are not one syllable, whatever Russian print merges
        return (LOOSE_AGREEMENT, _COARSE) if q.spelled & e.spelled else (0.0, _SAME)
    if (q.spelled and not e.spelled) or (e.spelled and not q.spelled):
        # Hangul against Latin: sharper than the key (yeong is 영 only; yong 영 or 용)
        native, latin = (q, e) if q.spelled else (e, q)
        if latin.text in native.spelled:
            return 1.0, _SAME
        if q.key == e.key:
            return SPELLED_APART, _APART
        if latin.key.endswith("N") and not native.key.endswith("N"):
            # a Latin -ng is never written for ㄴ: 선 is son/seon/sun, never sung. (The other
            # way round is Russian print: Сон for 성, Ён for 영, read back as Son, Yon.)
            return 0.0, _SAME
    if q.key == e.key:
        return 1.0, _SAME
    if q.keys & e.keys:
        return LOOSE_AGREEMENT, _COARSE
    return 0.0, _SAME


def _positional(q: Reading, e: Reading) -> tuple[list[_Pair], list[int], list[int]]:
    """Korean and Chinese names: surname to surname, given syllables in order. A syllable one
    name has and the other lacks makes another given name, so it stands against the other
    name's last syllable: a contradiction, not an omission (``Kang Young Man`` is not
    ``Kang Ryong``)."""
    pairs: list[_Pair] = []
    bad_q: list[int] = []
    bad_e: list[int] = []
    if q.parts[0].keys & e.parts[0].keys:
        pairs.append((0, 0, 1.0, _SURNAME))
    else:
        bad_q.append(0)
        bad_e.append(0)
    qg, eg = q.parts[1:], e.parts[1:]
    for k in range(max(len(qg), len(eg))):
        if k >= len(qg) or k >= len(eg):
            bad_q.append(min(k, len(qg) - 1) + 1)
            bad_e.append(min(k, len(eg) - 1) + 1)
            continue
        sim, how = _korean_syllable(qg[k], eg[k])
        if sim > 0.0:
            pairs.append((k + 1, k + 1, sim, how))
        else:
            bad_q.append(k + 1)
            bad_e.append(k + 1)
    return pairs, bad_q, bad_e


#: One feature's value, and what it says (filled in only when a comparison is explained).
_Value = tuple[Feature, float, str]


def _values(
    q: Reading,
    e: Reading,
    pairs: list[_Pair],
    extra: list[int],
    omitted: list[int],
    explain: bool,
) -> list[_Value] | None:
    """The features of one alignment; ``None`` when it names no one. Details are written
    only when ``explain`` (scoring thousands of candidates needs the numbers alone)."""
    if not pairs:
        return None
    if q.route == RUN_TOGETHER:
        a, b = q.parts[0].text, e.parts[0].text
        detail = f"{a} ~ {b} ({pairs[0][2]:.2f})" if explain else ""
        slip = f"{_slip(a, b)}, read as a slip" if explain else ""
        return [(Feature.AGREEMENT, pairs[0][2], detail), (Feature.ONE_SLIP, 1.0, slip)]
    total_w = agreed = 0.0
    for i, _, sim, _ in pairs:
        w = 0.5 if q.parts[i].role is Role.INITIAL else 1.0
        total_w += w
        agreed += w * sim
    detail = ""
    if explain:
        detail = ", ".join(_why(q.parts[i], e.parts[j], sim, how) for i, j, sim, how in pairs)
    out: list[_Value] = [(Feature.AGREEMENT, agreed / total_w, detail)]
    if len(q.parts) == 1 and len(e.parts) > 1:
        if not _is_family(e, pairs[0][1]):
            return None  # a given name alone names no one
        out.append((Feature.FAMILY_ALONE, 1.0, f"{e.parts[pairs[0][1]].text} alone"))
        return out
    # a generational suffix on one side only tells two people apart (Donald Trump Jr.)
    suffixes = [i for i in extra if q.parts[i].role is Role.SUFFIX]
    suffixes += [j for j in omitted if e.parts[j].role is Role.SUFFIX]
    if suffixes:
        extra = [i for i in extra if q.parts[i].role is not Role.SUFFIX]
        omitted = [j for j in omitted if e.parts[j].role is not Role.SUFFIX]
    clashes = min(len(extra), len(omitted))
    if (
        len(pairs) > 1
        and max(p[2] for p in pairs) < KEY_AGREEMENT
        and all(p[3] not in _ANCHORS for p in pairs)
        and all(max(len(q.parts[i].text), len(e.parts[j].text)) <= 5 for i, j, _, _ in pairs)
    ):
        out.append((Feature.NO_ANCHOR, 1.0, "every part only nearly agrees"))
    if clashes:
        what = ""
        if explain:
            what = ", ".join(
                f"{q.parts[i].text} / {e.parts[j].text}"
                for i, j in zip(extra[:clashes], omitted[:clashes], strict=True)
            )
        out.append((Feature.CONTRADICTION, float(clashes), what))
    if suffixes:
        out.append((Feature.CONTRADICTION, float(len(suffixes)), "a suffix on one side"))
    rest = extra[clashes:]
    if not clashes and _middle(rest, pairs, q.parts):
        out.append((Feature.EXTRA_MIDDLE, 1.0, q.parts[rest[0]].text if explain else ""))
    elif rest:
        words = ", ".join(q.parts[i].text for i in rest) if explain else ""
        out.append((Feature.EXTRA_PART, float(len(rest)), words))
    if len(omitted) > clashes:
        words = ", ".join(e.parts[j].text for j in omitted[clashes:]) if explain else ""
        out.append((Feature.OMITTED_PART, float(len(omitted) - clashes), words))
    if len(pairs) == 1 and len(e.parts) > 1:
        out.append((Feature.ONE_PART, 1.0, "one part agrees"))
    if len(pairs) > 2 and not _in_order(pairs):
        out.append((Feature.ORDER, 1.0, "the parts stand in another order"))
    apart = _letters_apart(q, e, pairs, explain)
    if apart is not None:
        out.append(apart)
    split = _split_hyphens(q, e, pairs, explain)
    if split is not None:
        out.append(split)
    return out


def _split_hyphens(q: Reading, e: Reading, pairs: list[_Pair], explain: bool) -> _Value | None:
    """How many pairs of words one name joins with a hyphen (:attr:`Reading.links
    <canonym.names.Reading.links>`) align with words of the other that are not side by side
    in that order (:data:`Feature.SPLIT_HYPHEN`)."""
    if not q.links and not e.links:
        return None
    to_e = {i: j for i, j, _, _ in pairs}
    to_q = {j: i for i, j, _, _ in pairs}
    split: list[str] = []
    for links, ahead, parts in ((q.links, to_e, q.parts), (e.links, to_q, e.parts)):
        for i in links:
            a, b = ahead.get(i), ahead.get(i + 1)
            if a is not None and b is not None and b != a + 1:
                split.append(f"{parts[i].text}-{parts[i + 1].text}")
    if not split:
        return None
    return (Feature.SPLIT_HYPHEN, float(len(split)), ", ".join(split) if explain else "")


_VOWEL = re.compile(r"[aeiouy]")


def _middle(extra: list[int], pairs: list[_Pair], parts: tuple[Part, ...]) -> bool:
    """Whether the query's only unaligned word stands between its first and last words, both
    aligned, and is a name (:data:`Feature.EXTRA_MIDDLE`): three letters or more, a vowel
    among them in Latin, not an initial, which says too little to be a father's name
    (``David U. Wilson`` is not ``David Wilson`` when the table has a ``David H. Wilson``)."""
    if len(extra) != 1 or not 0 < extra[0] < len(parts) - 1:
        return False
    word = parts[extra[0]]
    if word.role is Role.INITIAL or len(word.text) < 3:
        return False
    if not word.skeletal and not _VOWEL.search(word.text):
        return False  # letters no name is made of (a typo: Ok-sn-yon); Arabic script has none
    aligned = {i for i, _, _, _ in pairs}
    return 0 in aligned and len(parts) - 1 in aligned


def _in_order(pairs: list[_Pair]) -> bool:
    """Whether the tabled parts follow the query's order, up to one rotation (the family name
    moved from one end to the other: ``Sergey AKSYONOV`` / ``AKSYONOV Sergey``)."""
    order = [j for _, j in sorted((i, j) for i, j, _, _ in pairs)]
    k = order.index(min(order))
    turned = order[k:] + order[:k]
    return all(a < b for a, b in pairwise(turned))


def _is_family(reading: Reading, j: int) -> bool:
    """Whether part ``j`` of a tabled reading is its family name: the part so marked (in
    capitals), else the first of a Korean or Chinese reading, else the last."""
    marked = [k for k, p in enumerate(reading.parts) if p.role is Role.FAMILY]
    if marked:
        return j in marked
    if reading.origin is not Origin.OTHER:
        return j == 0
    return j == len(reading.parts) - 1 and reading.parts[j].role is Role.UNKNOWN


def _total(q: Reading, e: Reading, values: list[_Value]) -> float:
    points = sum(WEIGHTS[f] * v for f, v, _ in values)
    if q.generated or e.generated:
        points += WEIGHTS[Feature.GENERATED]
    return min(1.0, max(0.0, points))


def _comparison(q: Reading, e: Reading, values: list[_Value]) -> Comparison:
    out = [_contribution(f, v, d) for f, v, d in values]
    if q.generated or e.generated:
        out.append(_contribution(Feature.GENERATED, 1.0, q.route if q.generated else e.route))
    score = min(1.0, max(0.0, sum(c.points for c in out)))
    return Comparison(score=score, contributions=tuple(out), query=q, entry=e)


def _packed(reading: Reading, other: Reading) -> Iterable[Reading]:
    """``reading`` with two neighbouring parts written as one, where the other name has a
    part like the two together (``Roham Bakhsh`` / ``Rohambakhsh``; ``Mohammad-Hossein`` /
    ``محمدحسین``, by consonants when the other is in Arabic script)."""
    by_consonants = any(p.skeletal for p in (*other.parts, *reading.parts))
    if by_consonants:
        targets = [p.consonants for p in other.parts if len(p.consonants) >= 3]
    else:
        targets = [p.key for p in other.parts if len(p.key) >= 6]
    if not targets:
        return
    parts = reading.parts
    for i in range(len(parts) - 1):
        a, b = parts[i], parts[i + 1]
        if a.role is Role.INITIAL or b.role is Role.INITIAL:
            continue
        joined = (
            _REPEATS.sub(r"\1", a.consonants + b.consonants) if by_consonants else a.key + b.key
        )
        if any(part_similarity(joined, k, strict=True) >= PART_MIN for k in targets):
            role = b.role if b.role is not Role.UNKNOWN else a.role
            one = Part(
                text=a.text + b.text,
                key=a.key + b.key,
                role=role,
                # the two skeletons joined, not the two spellings: "mohammad" + "hossein"
                # would read a dh (ذ) across the join
                consonants=_REPEATS.sub(r"\1", a.consonants + b.consonants),
                skeletal=a.skeletal,
            )
            yield evolve(reading, parts=(*parts[:i], one, *parts[i + 2 :]), links=())


_REPEATS = re.compile(r"(.)\1+")

#: A scored pair of readings, not yet explained: score, query reading, tabled reading, values.
_Scored = tuple[float, Reading, Reading, list[_Value]]


def _rate(q: Reading, e: Reading, explain: bool, memo: _Memo | None = None) -> _Scored | None:
    """The best score of one query reading against one tabled reading."""
    if q.origin is not Origin.OTHER and q.origin is e.origin:
        values = _values(q, e, *_positional(q, e), explain)
        return None if values is None else (_total(q, e, values), q, e, values)
    best: _Scored | None = None
    tries = [(q, e)]
    if len(q.parts) != len(e.parts):
        tries += [(x, e) for x in _packed(q, e)] + [(q, x) for x in _packed(e, q)]
    for qq, ee in tries:
        values = _values(qq, ee, *_align(qq.parts, ee.parts, memo), explain)
        if values is not None:
            score = _total(qq, ee, values)
            if best is None or score > best[0]:
                best = (score, qq, ee, values)
    return best


def origins(name: Name) -> frozenset[Origin]:
    """The origins a name reads with, :attr:`~canonym.names.Origin.OTHER` left out."""
    return name.origins


def _shared(
    query: Name,
    entry: Name,
    entity_origins: frozenset[Origin] | None,
    entity_firm: frozenset[Origin] | None,
) -> tuple[frozenset[Origin], frozenset[Origin]]:
    """The origins both names read with, each read so as written by one of them at least
    (only those readings are compared, being the sharper evidence), and the origins both
    read with only through guesses: a Sino-Korean reading of 蔡英文 and a Russian-print
    reading of ``Tsai Ing-wen`` do not make a Korean name, and the two are compared word by
    word too."""
    both = query.origins & (entity_origins if entity_origins is not None else entry.origins)
    if not both:
        return both, both
    firm = query.firm_origins | (entity_firm if entity_firm is not None else entry.firm_origins)
    return both & firm, both - firm


def _best(
    query: Name,
    entry: Name,
    entity_origins: frozenset[Origin] | None,
    explain: bool,
    memo: _Memo | None = None,
    entity_firm: frozenset[Origin] | None = None,
) -> _Scored | None:
    shared, guessed = _shared(query, entry, entity_origins, entity_firm)
    best: _Scored | None = None
    native = [e for e in entry.readings if e.origin is not Origin.OTHER]
    for q in query.readings:
        if len(q.parts) == 1:
            # one word: the family name of the other name (as its Korean or Chinese reading
            # says, when it has one), agreeing fully, by key or by consonants, or no one
            for e in native or entry.readings:
                aligned = _align(q.parts, e.parts, memo)
                if not aligned[0] or not _firm(aligned[0][0]):
                    continue
                values = _values(q, e, *aligned, explain)
                if values is None:
                    continue
                score = _total(q, e, values)
                if best is None or score > best[0]:
                    best = (score, q, e, values)
            continue
        if shared and q.origin not in shared:
            continue
        for e in entry.readings:
            if shared and e.origin is not q.origin:
                continue
            if len(e.parts) == 1 and e.parts[0].transcribed:
                continue  # one word by its sounds names no one (普京 is not Andrei Putin)
            word_by_word = q.origin is Origin.OTHER and e.origin is Origin.OTHER
            guesses = e.origin is q.origin and q.origin in guessed
            if not shared and not word_by_word and not guesses:
                continue
            found = _rate(q, e, explain, memo)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    if shared and (best is None or best[0] < 1.0):
        # Word by word, a spelling that agrees part for part, letter for letter, is the same
        # name even when the syllable readings disagree (Kim Chen Yn, a legacy Russian
        # form, and its own transliteration); keys and near spellings are not enough there
        # (the word-by-word key of Yong is that of Jong).
        # A Korean or Chinese name is all of its syllables: one the other lacks makes
        # another given name (O Chi-hae is not O Chi Hyon Hae), word by word too.
        syllabic = not shared.isdisjoint(_SYLLABLE_ORIGINS)
        for q in query.readings:
            if q.origin is not Origin.OTHER:
                continue
            words = {p.text for p in q.parts}
            for e in entry.readings:
                if e.origin is not Origin.OTHER or not words <= {p.text for p in e.parts}:
                    continue
                if syllabic and (len(e.parts) != len(q.parts) or not _family_moved(q, e, entry)):
                    continue
                found = _rate(q, e, explain, memo)
                if found is not None and _verbatim(found) and (best is None or found[0] > best[0]):
                    best = found
    if best is None or best[0] < 1.0 + WEIGHTS[Feature.ONE_SLIP]:
        least = _slip_floor(query, entry)
        a, b = letters(query, least), letters(entry, least)
        if a and b and abs(len(a) - len(b)) <= 1 and not _syllables_met(query, entry):
            slipped = _slipped(a, b, explain)
            if slipped is not None and (best is None or slipped[0] > best[0]):
                best = slipped
    return best


#: The most slips :data:`Feature.LETTERS_APART` counts.
LETTERS_CAP = 3


def _letters_apart(q: Reading, e: Reading, pairs: list[_Pair], explain: bool) -> _Value | None:
    """How many slips of the keys the near-spelled parts of two names written in Latin are
    apart (at most :data:`LETTERS_CAP`): parts agreeing by knowledge (East Slavic forms,
    consonants, an initial) or through another script count nothing."""
    if q.generated or e.generated:
        return None
    slips = 0
    words = []
    for i, j, _, how in pairs:
        if how in (_NEAR, _SAME_KEY):
            a, b = q.parts[i].text, e.parts[j].text
            if a.isascii() and b.isascii():
                slips += jellyfish.damerau_levenshtein_distance(a, b)
                if explain:
                    words.append(f"{a} / {b}")
    if not slips:
        return None
    return (Feature.LETTERS_APART, float(min(slips, LETTERS_CAP)), ", ".join(words))


def letters(name: Name, least: int = SLIP_MIN) -> str:
    """A Latin name's letters run together (:attr:`~canonym.names.Name.letters`), or "" when
    it has fewer than ``least`` to be read as one slip from another (:data:`SLIP_MIN`;
    :data:`SYLLABLE_SLIP_MIN` between a Korean name and a query that is none)."""
    run = name.letters
    return run if len(run) >= least else ""


def _slip_floor(query: Name, entry: Name) -> int:
    """The fewest letters two names need to be read as one slip apart: fewer when the tabled
    name is a Korean one (:attr:`~canonym.names.Name.korean`) and the query none, its slip
    having made a syllable no Korean name has (``Ri Pm Yo``, ``Pae Thaek-ojng``); a slip that
    makes another syllable makes another name (``Ri Il`` / ``Ri Ik``)."""
    if min(len(query.letters), len(entry.letters)) >= SLIP_MIN:
        return SLIP_MIN
    return SYLLABLE_SLIP_MIN if entry.korean and not query.korean else SLIP_MIN


def _syllables_met(query: Name, entry: Name) -> bool:
    """Whether the two names read with one Korean or Chinese origin, every Korean syllable of
    the query one that Korean names are made of. Their syllables have been compared then, and
    one that differs, or one more or less, is another name, not a slip (``Kim Jong Suk`` is
    not ``Kim Jong Sik``, nor ``Li Hongzhang`` ``Li Hongzhong``, nor ``Jang Ryong`` ``Jang
    U-yong``): a slip is read only where a misspelt syllable kept the names from meeting so
    (``Paek Yong Tyok Hae``)."""
    words = max((len(r.parts) for r in query.readings if r.origin is Origin.OTHER), default=0)
    for q in query.readings:
        if q.origin is Origin.OTHER or q.generated:
            continue
        if q.origin is Origin.KOREAN and not korean_syllables_only(q):
            continue
        for e in entry.readings:
            if e.origin is not q.origin:
                continue
            # a syllable more or less counts only when the query writes each syllable apart:
            # ``mau`` read as ma-u for want of a syllable mau is a guess (Hong Sil-mau)
            if len(e.parts) == len(q.parts) or len(q.parts) == words:
                return True
    return False


def _run_together(text: str) -> Reading:
    part = Part(text=text, key=text, role=Role.UNKNOWN)
    return Reading(Origin.OTHER, (part,), RUN_TOGETHER, "the letters run together")


def _slipped(q_letters: str, e_letters: str, explain: bool) -> _Scored | None:
    """The two names' letters compared as one word, when they differ by one slip of the
    keys (a letter deleted, added, swapped with its neighbour or replaced) and no more."""
    if not q_letters or not e_letters or abs(len(q_letters) - len(e_letters)) > 1:
        return None
    if jellyfish.damerau_levenshtein_distance(q_letters, e_letters) > 1:
        return None
    q, e = _run_together(q_letters), _run_together(e_letters)
    sim = part_similarity(q_letters, e_letters)
    values = _values(q, e, [(0, 0, sim, _NEAR)], [], [], explain)
    if values is None:  # cannot be: one aligned pair always gives values
        return None
    return (_total(q, e, values), q, e, values)


def _slip(a: str, b: str) -> str:
    """The one slip between two spellings, in words (``oe written eo``, ``i left out at
    letter 9``)."""
    if a == b:
        return "the same letters, split otherwise"
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        k = next(
            (i for i, (x, y) in enumerate(zip(longer, shorter, strict=False)) if x != y),
            len(shorter),
        )
        return f"{longer[k]} {'left out' if longer is b else 'added'} at letter {k + 1}"
    k = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
    if k + 1 < len(a) and a[k] == b[k + 1] and a[k + 1] == b[k]:
        return f"{b[k]}{b[k + 1]} written {a[k]}{a[k + 1]}"
    return f"{b[k]} written {a[k]} at letter {k + 1}"


def _family_moved(q: Reading, e: Reading, entry: Name) -> bool:
    """Whether two word-by-word readings of as many words stand in one order, or in the other
    name order with the tabled name's surname (:attr:`~canonym.names.Name.surnames`) moved
    from one end to the other: ``Un Han Jong`` is no other order of ``Han Jong Un``, while
    ``Jong Un Kim`` is of ``Kim Jong Un``."""
    a, b = [p.text for p in q.parts], [p.text for p in e.parts]
    if a == b:
        return True
    moved = {b[0]} if a == b[1:] + b[:1] else set()
    if a == b[-1:] + b[:-1]:
        moved.add(b[-1])
    return not entry.surnames.isdisjoint(moved)


def _verbatim(found: _Scored) -> bool:
    """Every part is spelt alike, and nothing stands against anything."""
    allowed = {Feature.AGREEMENT, Feature.OMITTED_PART}
    values = found[3]
    return values[0][1] == 1.0 and all(f in allowed for f, _, _ in values)


def _firm(pair: _Pair) -> bool:
    """An agreement a single word may rest on: the same spelling, key or consonants."""
    return pair[2] >= KEY_AGREEMENT or (pair[3] == _CONSONANTS and pair[2] >= CONSONANT_AGREEMENT)


def _explained(found: _Scored, memo: _Memo | None = None) -> Comparison:
    """The comparison of a scored pair of readings, with every feature's words: the values
    :func:`_best` found, written out (as :func:`compare` would, without its search)."""
    _, q, e, _ = found
    if len(q.parts) > 1 and q.origin is not Origin.OTHER and q.origin is e.origin:
        aligned = _positional(q, e)
    else:
        aligned = _align(q.parts, e.parts, memo)
    values = _values(q, e, *aligned, True)
    if values is None:  # cannot be: the same alignment gave values without the words
        msg = "a scored pair of readings lost its alignment"
        raise AssertionError(msg)
    return _comparison(q, e, values)


def compare(
    query: Name,
    entry: Name,
    entity_origins: frozenset[Origin] | None = None,
    entity_firm: frozenset[Origin] | None = None,
) -> Comparison | None:
    """The best comparison of two names. When both read with one origin other than
    :attr:`~canonym.names.Origin.OTHER` (both Korean, both Chinese), only those readings are
    compared: their syllables are the sharper evidence (``Hongzhang`` is not ``Hongzhong``).
    ``entity_origins``, the origins of every spelling of the entry's entity, extends this to
    spellings that do not read so themselves (``Li Hongjhong``, a Tongyong spelling, is not
    compared word by word with a pinyin query once ``Li Hongzhong`` reads Chinese)."""
    found = _best(query, entry, entity_origins, True, None, entity_firm)
    return None if found is None else _comparison(found[1], found[2], found[3])


# ---------------------------------------------------------------------------------------------
# Blocking


def _deletions(key: str) -> Iterable[str]:
    for k in range(len(key)):
        yield key[:k] + key[k + 1 :]


def part_keys(reading: Reading, *, table: bool = False) -> list[set[str]]:
    """The blocking keys of a reading, one set for each part that has keys; a query and a
    tabled name that may match share one. A Korean or Chinese reading has one set for each
    given syllable, every key naming the surname too (so one key shared is two parts agreeing).
    Tabled names are also keyed by their consonants, which a query in Arabic script meets."""
    return [keys for _, keys in _keys_by_part(reading, table) if keys]


def _keys_by_part(
    reading: Reading, table: bool, transcriptions: bool = True
) -> list[tuple[Part, set[str]]]:
    """Each part's blocking keys (see :func:`part_keys`); ``transcriptions``: whether a Latin
    query part is keyed for tabled transcriptions in Han (no use when the table has none)."""
    out: list[tuple[Part, set[str]]] = []
    if reading.origin is not Origin.OTHER:
        tag = reading.origin.value[0]
        families = reading.parts[0].keys
        for part in reading.parts[1:]:
            out.append(
                (part, {f"{tag}:{family}:{key}" for family in families for key in part.keys})
            )
        return out
    for part in reading.parts:
        keys: set[str] = set()
        if part.transcribed or (len(part.text) >= 3 and (table or transcriptions)):
            # what Mandarin keeps of a foreign word (理查森: Richardson) meets a Latin word's
            # consonants less those Mandarin drops: r: for a Han query and a tabled Latin
            # word, h: for a Latin query and a tabled transcription
            tag = "h" if part.transcribed == table else "r"
            keys.update(f"{tag}:{key}" for key in part.sound_keys())
        sounds = part.sounds if table or part.loan else ""
        if len(sounds) >= 2:
            # what a Hangul transcription keeps of a Latin word (블라디미르 / Vladimir)
            keys.add(f"s:{sounds}")
        if part.consonants and (table or part.skeletal) and len(part.consonants) >= 2:
            keys.add(f"c:{part.consonants}")
            if len(part.consonants) >= 4:
                keys.update(f"c:{d}" for d in _deletions(part.consonants))
        if table and not part.skeletal and "v" in part.text:
            keys.add(f"c:{foreign_consonants(part.text)}")  # Arabic script's ف for v
        if not (part.skeletal or part.role is Role.INITIAL or len(part.key) < 2):
            # the key, and the spelling too where they differ: a typo can move a key further
            # than one edit (Zanpetzanov's tz is one letter of the key, zt two)
            for form in {part.key, part.text}:
                keys.add(f"o:{form}")
                if len(form) >= 4:
                    keys.update(f"o:{d}" for d in _deletions(form))
            keys.update(f"o:{stem}" for stem in part.alt)  # Putinas: putin
            # one East Slavic name in another language's form (Mykola / Nikolai)
            keys.update(f"n:{tag}" for tag in part.cognates)
        out.append((part, keys))
    # A compound one script writes apart and the other as one word (حبیب الله / Habibullah,
    # محمدباقر / Mohammad Bagher): two neighbours' consonants joined are a key of the first,
    # of a query in Arabic script and of a tabled Latin name
    for (a, keys), (b, _) in pairwise(out):
        if a.skeletal == b.skeletal == (not table) and a.consonants and b.consonants:
            joined = _REPEATS.sub(r"\1", a.consonants + b.consonants)
            if len(joined) >= 3:
                keys.add(f"c:{joined}")
    return out


def _slip_keys(run: str) -> set[str]:
    """The keys that meet when two names' letters run together (:func:`letters`) are one slip
    apart: the letters and every form with one letter left out (a deletion meets the other
    name's letters, a swap or a replacement meets one of the other name's own deletions)."""
    if not run:
        return set()
    return {run, *_deletions(run)}


def _rarest_by_owner(
    by_size: list[tuple[int, str]], owner: dict[str, tuple[int, int]]
) -> list[str]:
    """The rarest long keys, at most two of each part, :data:`LONG_PAIRED` in all: every part
    with long keys is represented, so that two parts can meet."""
    taken: dict[tuple[int, int], int] = defaultdict(int)
    keys: list[str] = []
    for _, key in by_size:
        if taken[owner[key]] < 2:
            taken[owner[key]] += 1
            keys.append(key)
            if len(keys) == LONG_PAIRED:
                break
    return keys


class _SlipIndex:
    """The slip keys of every tabled spelling, as one sorted array of their hashes beside one
    of the entries they came from: a dozen keys for each spelling, unique to it, would cost
    a dictionary entry and a string each (they doubled the name index's memory at 10^5
    names). A hash shared by chance proposes a candidate that scoring then turns away. The
    hashes are this process's (``hash`` of a string); the index is never saved."""

    _SHIFT = 32

    def __init__(self, packed: list[int]) -> None:
        packed.sort()
        mask = (1 << self._SHIFT) - 1
        self._hashes = array("q", ((p >> self._SHIFT) - (1 << 63) for p in packed))
        self._refs = array("q", (p & mask for p in packed))

    @classmethod
    def packed(cls, key: str, ref: int) -> int:
        """A key's hash and an entry's number in one non-negative integer that sorts by the
        hash."""
        return ((hash(key) + (1 << 63)) << cls._SHIFT) | ref

    def refs(self, keys: Iterable[str]) -> set[int]:
        """The entries that have any of ``keys`` (or a key of the same hash)."""
        out: set[int] = set()
        hashes, refs, n = self._hashes, self._refs, len(self._hashes)
        for key in keys:
            h = hash(key)
            i = bisect_left(hashes, h)
            while i < n and hashes[i] == h:
                out.add(refs[i])
                i += 1
        return out


def _query_keys(reading: Reading, transcriptions: bool = True) -> list[tuple[set[str], set[str]]]:
    """A query reading's keys, part by part (:func:`part_keys`), each part's with its
    consonant keys beside it: coarse keys that say a part agrees but propose no one."""
    out: list[tuple[set[str], set[str]]] = []
    for part, group in _keys_by_part(reading, False, transcriptions):
        if not group:
            continue
        second: set[str] = set()
        if reading.origin is Origin.OTHER and not part.skeletal and len(part.consonants) >= 2:
            second.add(f"c:{part.consonants}")
            if len(part.consonants) >= 4:
                second.update(f"c:{d}" for d in _deletions(part.consonants))
        out.append((group, second))
    return out


def reading_keys(reading: Reading, *, table: bool = False) -> set[str]:
    """Every blocking key of a reading (:func:`part_keys`, together)."""
    out: set[str] = set()
    for keys in part_keys(reading, table=table):
        out |= keys
    return out


#: The most long keys (and pairs of them) intersected when a query's rarer keys find too few.
LONG_PAIRED = 6

#: Bits of a query's coverage mask given to each reading (a name has at most
#: :data:`~canonym.names.MAX_NAME_PARTS` parts).
_READING_BITS = 16


@frozen
class NameMatch:
    """A scored candidate of the name engine: the entity, the spelling that matched best, and
    the comparison that gave the score."""

    entity: Entity
    alias: Alias
    comparison: Comparison

    @property
    def score(self) -> float:
        """The comparison's score."""
        return self.comparison.score


class NameIndex:
    """Parsed person names of some tables and their blocking keys. Immutable once built."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._entries: list[tuple[Entity, Alias, Name]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        found_origins: dict[str, frozenset[Origin]] = {}
        firm: dict[str, frozenset[Origin]] = {}
        natives: dict[str, tuple[Name, ...]] = {}
        singles: set[int] = set()  # entries with a reading of one part
        slips: list[int] = []  # the slip keys' hashes, packed with their entries
        for entity in entities:
            if entity.kind is not Kind.PERSON:
                continue
            for alias in entity.aliases:
                name = parse_name(alias.text)
                if not name.readings:
                    continue
                ref = len(self._entries)
                self._entries.append((entity, alias, name))
                found_origins[entity.id] = found_origins.get(entity.id, frozenset()) | origins(name)
                firm[entity.id] = firm.get(entity.id, frozenset()) | name.firm_origins
                if name.script in _SYLLABIC:
                    natives[entity.id] = (*natives.get(entity.id, ()), name)
                keys: set[str] = set()
                for reading in name.readings:
                    keys |= reading_keys(reading, table=True)
                for key in keys:
                    postings[key].append(ref)
                short = SYLLABLE_SLIP_MIN <= len(name.letters) < SLIP_MIN
                least = SYLLABLE_SLIP_MIN if short and name.korean else SLIP_MIN
                run = letters(name, least)
                slips.extend(_SlipIndex.packed(key, ref) for key in _slip_keys(run))
                if min(len(r.parts) for r in name.readings) == 1:
                    singles.add(ref)
        self._slip_index = _SlipIndex(slips)
        self._postings: Mapping[str, tuple[int, ...]] = {k: tuple(v) for k, v in postings.items()}
        self._sets: Mapping[str, frozenset[int]] = {
            k: frozenset(v) for k, v in postings.items() if len(v) > LONG
        }
        self._origins: Mapping[str, frozenset[Origin]] = found_origins
        self._firm: Mapping[str, frozenset[Origin]] = firm
        self._natives: Mapping[str, tuple[Name, ...]] = natives
        self._singles: frozenset[int] = frozenset(singles)
        #: whether any tabled spelling is a transcription in Han (keyed h:)
        self._transcriptions = any(k.startswith("h:") for k in self._postings)

    def __len__(self) -> int:
        return len(self._entries)

    def _checked_by_native(self, query: Name, m: NameMatch) -> NameMatch:
        """``m`` less what the entity's Hangul or Han spellings say against the query."""
        natives = self._natives.get(m.entity.id, ())
        if not natives or m.comparison.query.origin is Origin.OTHER:
            return m
        if m.comparison.query.generated:
            return m  # read through Russian print or another script: too coarse to be judged
        scores = [
            c
            for n in natives
            if (c := compare(query, n, self._origins[m.entity.id], self._firm[m.entity.id]))
            is not None
        ]
        native = max(scores, key=lambda c: c.score, default=None)
        if native is None or native.score >= m.score:
            return m
        gap = m.score - native.score
        note = _contribution(
            Feature.NATIVE_DISAGREES, gap, f"{native.entry.why}: {native.describe()}"
        )
        c = m.comparison
        parts = (*c.contributions, note)
        score = min(1.0, max(0.0, sum(p.points for p in parts)))
        return evolve(m, comparison=evolve(c, score=score, contributions=parts))

    def candidates(self, query: Name) -> list[int]:
        """Entries that share blocking keys with enough of the query's parts, the most and
        rarest shared first, at most :data:`MAX_CANDIDATES` entities' worth.

        Enough parts: two (one Korean or Chinese key names two: the surname and a syllable),
        or one when the query or the entry has only one keyed part. A part agrees by its own
        keys or, for a candidate other keys found, by its consonants (``vladimir`` /
        ``volodymyr``). A tabled name that shares one word of several with the query (every
        Sergey of the table) has the others to stand against it; such names are scored only
        while fewer than :data:`MIN_CANDIDATES` agree in two parts.

        Keys shared by more than :data:`LONG` spellings (a common given name, a surname and
        a common syllable) only add to candidates the rarer keys found, through a set; when
        the rarer keys find too few, the spellings two long keys share are candidates. The
        work is done with set operations on the postings, not entry by entry."""
        readings = [
            (_query_keys(r, self._transcriptions), r.origin is not Origin.OTHER)
            for r in query.readings
        ]
        weight: dict[int, float] = defaultdict(float)
        long_keys: dict[str, int] = {}
        owner: dict[str, tuple[int, int]] = {}
        for r, (groups, _) in enumerate(readings):
            for g, (group, _) in enumerate(groups):
                for key in group:
                    refs = self._postings.get(key)
                    if refs is None or key in long_keys:
                        continue
                    if len(refs) > LONG:
                        long_keys[key] = len(refs)
                        owner[key] = (r, g)
                        continue
                    idf = 1.0 / math.log(2.0 + len(refs))
                    for ref in refs:
                        weight[ref] += idf
        by_size = sorted((size, key) for key, size in long_keys.items())
        if by_size and len(weight) < 2 * MAX_CANDIDATES:
            if len(by_size) == 1:
                first: Sequence[int] = self._postings[by_size[0][1]][:CROWDED]
            else:
                # two parts agreeing: keys of one part (a word and its deletions, or the
                # forms a transcription may stand for) meeting say nothing more than one
                keys = _rarest_by_owner(by_size, owner)
                pairs = [
                    self._sets[a] & self._sets[b]
                    for k, a in enumerate(keys)
                    for b in keys[k + 1 :]
                    if owner[a] != owner[b]
                ][:LONG_PAIRED]
                pool = frozenset().union(*pairs)
                first = sorted(pool) if len(pool) <= CROWDED else heapq.nsmallest(CROWDED, pool)
            weight = defaultdict(float, dict.fromkeys(first, 0.0) | weight)
        found = set(weight)
        if not found:
            return self._slips(query, set())
        kept: set[int] = set()
        for groups, joint in readings:
            agree = [self._hits(found, group | second) for group, second in groups]
            agree = [a for a in agree if a]
            if joint or len(groups) < 2:
                kept.update(*agree)
                continue
            kept.update(*(a & b for k, a in enumerate(agree) for b in agree[k + 1 :]))
            for a in agree:
                kept.update(a & self._singles)
        best = self._ranked(kept, weight, by_size, 2 * MAX_CANDIDATES)
        if len(best) < MIN_CANDIDATES:
            best += self._ranked(found - kept, weight, by_size, MIN_CANDIDATES - len(best))
        return best + self._slips(query, set(best))

    def _slips(self, query: Name, known: set[int]) -> list[int]:
        """Entries whose letters, run together, are one slip from the query's (at most
        :data:`MAX_CANDIDATES`, in table order) that other keys did not propose."""
        short = SYLLABLE_SLIP_MIN <= len(query.letters) < SLIP_MIN
        run = letters(query, SYLLABLE_SLIP_MIN if short and not query.korean else SLIP_MIN)
        out = self._slip_index.refs(_slip_keys(run))
        return sorted(out - known)[:MAX_CANDIDATES]

    def _ranked(
        self, refs: set[int], weight: dict[int, float], long_keys: list[tuple[int, str]], n: int
    ) -> list[int]:
        """The ``n`` entries of ``refs`` with the most weight, the long keys' added (ties by
        position in the table)."""
        if len(refs) > n:
            for size, key in long_keys:
                idf = 1.0 / math.log(2.0 + size)
                for ref in refs.intersection(self._sets[key]):
                    weight[ref] += idf
        return heapq.nlargest(n, sorted(refs), key=weight.__getitem__)

    def _hits(self, found: set[int], keys: set[str]) -> set[int]:
        """The entries of ``found`` that have any of ``keys``."""
        out: set[int] = set()
        for key in keys:
            refs = self._sets.get(key) or self._postings.get(key)
            if refs:
                out.update(found.intersection(refs))
        return out

    def match(self, query: Name, wanted: frozenset[Kind] | None = None) -> list[NameMatch]:
        """Every candidate entity's best comparison with the query, best first."""
        if wanted is not None and Kind.PERSON not in wanted:
            return []
        if not query.readings:
            return []
        # numbers first, for every candidate; words only for the few reported, from the
        # pair of readings that won (the comparison :func:`compare` would make, not redone)
        scored: dict[str, tuple[float, int, _Scored]] = {}
        memo: _Memo = {}
        for ref in self.candidates(query):
            entity, _, name = self._entries[ref]
            found = _best(query, name, self._origins[entity.id], False, memo, self._firm[entity.id])
            if found is None:
                continue
            known = scored.get(entity.id)
            if known is None or found[0] > known[0]:
                scored[entity.id] = (found[0], ref, found)
        ranked = sorted(
            (item for item in scored.items() if item[1][0] >= MIN_SCORE),
            key=lambda item: (-item[1][0], item[0]),
        )
        out: list[NameMatch] = []
        for _, (_, ref, found) in ranked[:MAX_REPORTED]:
            entity, alias, _name = self._entries[ref]
            explained = _explained(found, memo)
            m = NameMatch(entity=entity, alias=alias, comparison=explained)
            if query.script not in _SYLLABIC or any(
                n.script == query.script for n in self._natives.get(entity.id, ())
            ):
                # a Latin spelling of the entity is checked against its Hangul or Han; so is
                # a Hangul query that met a Latin spelling while the entity has its own Hangul
                m = self._checked_by_native(query, m)
            out.append(m)
        return sorted(out, key=lambda m: (-m.score, m.entity.id))
