"""Korean names: Hangul jamo arithmetic, romanization by system, and romanization-blind keys.

Pure text functions; nothing here knows about entity tables.

* :func:`split_name` splits ``최룡해`` into the surname ``최`` and the given name ``룡해``
  (two-syllable surnames such as ``남궁`` are known).
* :func:`romanize_name` spells a Hangul name under each system: McCune-Reischauer (``mr``, with
  breves and apostrophes; ``mr-plain`` without), ALA-LC (``alalc``), the US IC standard
  (``odni``), Revised Romanization (``rr``, ``rr-hyphen``), the DPRK system (``dprk``) and its
  diacritic-free KCNA practice (``kcna``, ``kcna-hyphen``) where the given name's first initial
  is voiceless.
* :func:`spellings` adds the press forms of surnames (Lee/Yi/Rhee, Park, Choi, Roh, ...) and of
  common given-name syllables (Young, Hee, Sung, Wook, ...).
* :func:`skeleton` maps a romanized given name to a key that is blind to the differences
  between those systems (k/g, ch/j, t/d, p/b, o/eo/ŏ, u/eu/ŭ, ae/e, hyphens and spaces), and
  :func:`hangul_skeleton` computes the same key straight from Hangul. :func:`surname_classes`
  maps any spelling of a surname (Latin, Hangul or Cyrillic) to the surname it may be.
* :func:`cyrillic_korean_skeleton` reads a Korean name written in Russian (the Kontsevich
  system, ``Чхве Рён Хэ``) back into the same keys, at the coarser level Cyrillic allows.

The surname and syllable tables are data (``ko_names.toml``), each spelling tagged by system.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from itertools import islice, product

from attrs import frozen

__all__ = [
    "SYSTEMS",
    "Surname",
    "census_surname",
    "census_surname_keys",
    "cyrillic_korean_skeleton",
    "cyrillic_korean_skeletons",
    "decompose",
    "hangul_skeleton",
    "is_hangul",
    "loose",
    "romanize_name",
    "russian_route",
    "skeleton",
    "spellings",
    "split_name",
    "surname_classes",
    "surnames",
]

S_BASE, L_COUNT, V_COUNT, T_COUNT = 0xAC00, 19, 21, 28
N_COUNT = V_COUNT * T_COUNT
S_COUNT = L_COUNT * N_COUNT

#: The systems :func:`romanize_name` spells a name in, in this order.
SYSTEMS: tuple[str, ...] = (
    "kcna",
    "kcna-hyphen",
    "dprk",
    "rr",
    "rr-hyphen",
    "mr",
    "mr-plain",
    "alalc",
    "odni",
)

# Jamo tables, one cell per jamo (kept as strings: a table reads better in one line).
# Initial consonants, in Unicode order: ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ.
# (word-initial or after a voiceless sound, between voiced sounds)
_MR_L = "k kk n t tt r m p pp s ss - ch tch ch' k' t' p' h".split()  # noqa: SIM905
_MR_L_VOICED = "g kk n d tt r m b pp s ss - j tch ch' k' t' p' h".split()  # noqa: SIM905
_RR_L = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()  # noqa: SIM905
_KP_L = "k kk n t tt r m p pp s ss - j jj ch kh th ph h".split()  # noqa: SIM905
_KP_L_VOICED = "g kk n d tt r m b pp s ss - j jj ch kh th ph h".split()  # noqa: SIM905
# Vowels: ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ.
_RR_V = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()  # noqa: SIM905
_MR_V = "a ae ya yae ŏ e yŏ ye o wa wae oe yo u wŏ we wi yu ŭ ŭi i".split()  # noqa: SIM905
_KCNA_V = "a ae ya yae o e yo ye o wa wae oe yo u wo we wi yu u ui i".split()  # noqa: SIM905
# Finals: none ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ.
_T = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()  # noqa: SIM905
# Finals after which the next initial is voiced (MR, DPRK): vowels, ㄴ ㄹ ㅁ ㅇ and clusters
# ending in them.
_VOICING_FINALS = frozenset({0, 4, 5, 6, 8, 10, 11, 16, 21})


def is_hangul(text: str) -> bool:
    """True when every letter of ``text`` is a precomposed Hangul syllable (and there is one)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(S_BASE <= ord(ch) < S_BASE + S_COUNT for ch in letters)


def decompose(syllable: str) -> tuple[int, int, int]:
    """Return the (initial, vowel, final) jamo indexes of a precomposed Hangul syllable.

    >>> decompose("최")
    (14, 11, 0)

    Raises:
        ValueError: ``syllable`` is not one precomposed Hangul syllable.
    """
    index = ord(syllable) - S_BASE if len(syllable) == 1 else -1
    if not 0 <= index < S_COUNT:
        msg = f"{syllable!r} is not a precomposed Hangul syllable"
        raise ValueError(msg)
    return index // N_COUNT, (index % N_COUNT) // T_COUNT, index % T_COUNT


@cache
def _two_syllable_surnames() -> frozenset[str]:
    """The two-syllable surnames the surname table has a row for (남궁, 황보, 제갈, 선우): a
    rarer one unknown there (사공, 서문) is read as a surname and a given name's first
    syllable, as every spelling system then agrees."""
    return frozenset(h for row in surnames() for h in row.hangul if len(h) == 2)


def split_name(name: str) -> tuple[str, str]:
    """Split a Hangul name into surname and given name: ``최룡해`` -> (``최``, ``룡해``).

    Spaces are ignored; a two-syllable surname of the surname table (``남궁``, ``황보``,
    ``제갈``, ``선우``) is kept whole when the name is longer than two syllables.
    """
    syllables = "".join(ch for ch in unicodedata.normalize("NFC", name) if not ch.isspace())
    if len(syllables) > 2 and syllables[:2] in _two_syllable_surnames():
        return syllables[:2], syllables[2:]
    return syllables[:1], syllables[1:]


# ---------------------------------------------------------------------------------------------
# Romanization


def _syllables(word: str, system: str, *, initial_voiceless: bool) -> list[str]:
    """Romanize the syllables of one word (a surname or a given name) under ``system``."""
    out: list[str] = []
    previous_final: int | None = None
    for index, ch in enumerate(word):
        try:
            lead, vowel, final = decompose(ch)
        except ValueError:
            out.append(ch)
            previous_final = None
            continue
        voiced = previous_final is not None and previous_final in _VOICING_FINALS
        if index == 0 and initial_voiceless:
            voiced = False
        if system == "rr":
            onset, nucleus = _RR_L[lead], _RR_V[vowel]
        elif system == "mr":
            onset = (_MR_L_VOICED if voiced else _MR_L)[lead]
            nucleus = _MR_V[vowel]
            if onset == "s" and nucleus in {"i", "wi"}:
                onset = "sh"
        else:  # "dprk" (with breves) and "kcna" (without)
            onset = (_KP_L_VOICED if voiced else _KP_L)[lead]
            nucleus = (_MR_V if system == "dprk" else _KCNA_V)[vowel]
        coda = _T[final]
        out.append(f"{onset.strip('-')}{nucleus}{coda.strip('-')}")
        previous_final = final
    return out


def _surname_spelling(surname: str, system: str) -> str:
    """A surname's spelling under ``system``.

    DPRK and KCNA spellings follow the Hangul (노 No, 로 Ro, 리 Ri: the North's Hangul already
    records the initial-sound difference). MR and RR use the conventional spelling of the
    surname's South Korean Hangul (이 Yi / I, 박 Pak / Bak) and romanize a North Korean form
    letter by letter (리 Ri).
    """
    row = _surname_rows_by_hangul().get(surname)
    if system in {"rr", "mr"} and row is not None and surname == row.hangul[0]:
        return row.rr if system == "rr" else row.mr
    return _cap("".join(_syllables(surname, system, initial_voiceless=True)))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)
def romanize_name(name: str) -> dict[str, str]:
    """Spell a Hangul name under every system in :data:`SYSTEMS`.

    The surname and the given name are romanized separately (no sound linking across them);
    surnames take their conventional spelling in each system (``김`` is ``Kim`` in MR and KCNA,
    ``Gim`` in RR). Returns ``{}`` when ``name`` is not Hangul.

    >>> romanize_name("최룡해")["kcna"], romanize_name("최룡해")["mr"]
    ('Choe Ryong Hae', "Ch'oe Ryonghae")
    >>> romanize_name("노광철")["kcna"], romanize_name("노광철")["rr"]
    ('No Kwang Chol', 'No Gwangcheol')
    """
    if not is_hangul(name):
        return {}
    surname, given = split_name(name)
    if not given:
        return {}
    rr = _syllables(given, "rr", initial_voiceless=False)
    mr = _syllables(given, "mr", initial_voiceless=True)
    dprk = _syllables(given, "dprk", initial_voiceless=True)
    kcna = _syllables(given, "kcna", initial_voiceless=True)
    mr_plain = [_plain(s) for s in mr]
    odni = [_odni(s) for s in mr]
    sr, sm, sk = (_surname_spelling(surname, s) for s in ("rr", "mr", "kcna"))
    s_odni = _odni(sm)
    return {
        "kcna": f"{sk} {' '.join(_cap(s) for s in kcna)}",
        "kcna-hyphen": f"{sk} {_cap('-'.join(kcna))}",
        "dprk": f"{_surname_spelling(surname, 'dprk')} {' '.join(_cap(s) for s in dprk)}",
        "rr": f"{sr} {_cap(_rr_join(rr))}",
        "rr-hyphen": f"{sr} {_cap('-'.join(rr))}",
        "mr": f"{sm} {_cap(_mr_join(mr))}",
        "mr-plain": f"{_plain(sm)} {_cap(_rr_join(mr_plain))}",
        "alalc": f"{sm} {_cap('-'.join(mr))}",
        "odni": f"{s_odni} {_cap('-'.join(odni))}",
    }


def _rr_join(syllables: list[str]) -> str:
    """Join RR (or diacritic-free MR) syllables into one word, with the hyphen RR allows
    where the letters would read otherwise: between two vowels (가으 ``Ga-eu``, not ``Gaeu``,
    which reads 개우)."""
    out = syllables[:1]
    for syllable in syllables[1:]:
        vowels = out[-1][-1:] in set("aeiou") and syllable[:1] in set("aeiou")
        out.append(("-" if vowels else "") + syllable)
    return "".join(out)


def _mr_join(syllables: list[str]) -> str:
    """Join MR syllables into one word, with the apostrophe MR writes between an ``n`` final
    and a ``g`` onset, so that ``n'g`` (선권 ``sŏn'gwŏn``) is not read as ``ng`` (성원), and a
    hyphen between two plain vowels, as the plain MR and RR writers put it, so that no
    reader takes the two for one (게우 ``Ke-u``, not ``Keu``, which reads 그)."""
    out = syllables[:1]
    for syllable in syllables[1:]:
        ends_n = out[-1].endswith("n") and not out[-1].endswith("ng")
        vowels = out[-1][-1:] in set("aeiou") and syllable[:1] in set("aeiou")
        mark = "'" if ends_n and syllable.startswith("g") else "-" if vowels else ""
        out.append(mark + syllable)
    return "".join(out)


_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}


def _keeps_initial(press: str, kcna: str) -> bool:
    """Whether a press form keeps the initial ㄹ or ㄴ that KCNA writes: the South drops it
    only at the start of a name (룡 is Yong there, but 가룡 is Ka-ryong, never Ka-yong)."""
    return not (kcna[:1].lower() in {"r", "l", "n"} and press[:1].lower() in {"y", "i", "e"})


def _voice(press: str, kcna: str) -> str:
    """Voice a press syllable's initial where KCNA voices it (after a vowel or a nasal):
    경 after 갼 is "gyong" in KCNA, so its press form "Kyung" becomes "Gyung" there."""
    if kcna[:1] not in {"g", "d", "b", "j"}:
        return press
    for plain, voiced in _VOICED.items():
        if press.lower().startswith(plain):
            return voiced.capitalize() + press[len(plain) :]
    return press


def _odni(text: str) -> str:
    return text.replace("ŏ", "o'").replace("ŭ", "u'")


def _plain(text: str) -> str:
    return text.replace("ŏ", "o").replace("ŭ", "u").replace("'", "")


@lru_cache(maxsize=4096)
def spellings(name: str, limit: int = 64) -> dict[str, str]:
    """Every spelling of a Hangul name this module knows, each with the system that gives it.

    The systems of :func:`romanize_name`, then ``press`` forms: each press spelling of the
    surname combined with the KCNA, RR and press forms of the given name (hyphenated, as
    Yonhap and most English-language papers write them). At most ``limit`` spellings.
    """
    systems = romanize_name(name)
    if not systems:
        return {}
    out: dict[str, str] = {}
    for system, spelled in systems.items():
        out.setdefault(spelled, system)
    surname, given = split_name(name)
    row = _surname_rows_by_hangul().get(surname)
    if row is not None:
        # the strict RR surname (Bak, Gim, I) goes with RR given names only, already above
        family = [f for f in row.press if f != row.rr or row.rr in {row.kcna, row.mr}]
    else:
        family = [systems["kcna"].split(" ")[0]]
    kcna = _syllables(given, "kcna", initial_voiceless=True)
    rr = _syllables(given, "rr", initial_voiceless=False)
    table = _syllable_press()
    options = [
        list(
            dict.fromkeys(
                [
                    k.capitalize(),
                    r.capitalize(),
                    *(_voice(p, k) for p in table.get(ch, ()) if at == 0 or _keeps_initial(p, k)),
                ]
            )
        )
        for at, (ch, k, r) in enumerate(zip(given, kcna, rr, strict=False))
    ]
    givens: list[str] = []
    for combo in islice(product(*options), 32):
        givens.append(_cap("-".join(part.lower() for part in combo)))
    for fam, giv in product(family, dict.fromkeys(givens)):
        if len(out) >= limit:
            break
        out.setdefault(f"{fam} {giv}", "press")
    return dict(islice(out.items(), limit))


# ---------------------------------------------------------------------------------------------
# Romanization-blind keys

# Ordered rewrites of a romanized given name (lower case, ASCII, no separators). Longest first
# at each position: a single left-to-right pass with an alternation of literal strings.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("oung", "oN"),  # Young = Yong
    ("ng", "N"),  # final ㅇ, kept apart from n
    ("ch", "c"),
    ("j", "c"),
    ("kh", "k"),
    ("g", "k"),
    ("th", "t"),
    ("d", "t"),
    ("ph", "p"),
    ("b", "p"),
    ("sh", "s"),
    ("rh", "l"),
    ("r", "l"),
    ("yeo", "yo"),
    ("eo", "o"),
    ("eui", "i"),  # the South's press ㅢ (Chung Eui-yong): ui, as Hui, Hee and Hi are one
    ("eu", "u"),
    ("woo", "u"),  # Wook = Uk (욱), Sunwoo (우)
    ("oo", "u"),
    ("ou", "u"),
    ("wu", "u"),
    ("wae", "we"),
    ("oe", "we"),
    ("oi", "we"),
    ("ae", "e"),
    ("ee", "i"),
    ("ui", "i"),
    ("weo", "wo"),
)


def _rewriter(rules: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    """One left-to-right pass replacing literal strings, the longest listed first at each
    position (an alternation of literals: no backtracking)."""
    table = dict(rules)
    pattern = re.compile("|".join(re.escape(k) for k, _ in rules))
    return lambda text: pattern.sub(lambda m: table[m.group(0)], text)


_skeleton_rewrite = _rewriter(_SKELETON_RULES)
_REPEATS = re.compile(r"(.)\1+")
_SYLLABLE_BREAK = re.compile(r"(?<=[aeiouwy])[-‐‑ ]+(?=[aeiou])")
_BREVE_BREAK = re.compile("(?<=\u0306)(?=[aeou])|(?<=[aeiou])(?=[ou]\u0306)")


@lru_cache(maxsize=65536)
def skeleton(romanized: str) -> str:
    """Return the romanization-blind key of a romanized Korean name part.

    Case, diacritics, apostrophes, hyphens and spaces are ignored, so every system's spelling of
    one given name meets: ``Ryong Hae``, ``Ryong-hae``, ``Ryonghae`` -> ``lyoNhe``; and
    ``Kwangch'ŏl``, ``Gwangcheol``, ``Kwang Chol`` -> ``kwaNcol``.

    >>> skeleton("Kwangch'ŏl") == skeleton("Gwang-cheol") == skeleton("Kwang Chol")
    True
    >>> skeleton("Jong Un") == skeleton("Jong Il")
    False
    """
    folded = _BREVE_BREAK.sub("|", unicodedata.normalize("NFD", romanized.casefold()))
    folded = "".join(ch for ch in folded if (ch.isascii() and ch.isalpha()) or ch in "-‐‑ |")
    # a hyphen or space between two vowels ends a syllable: Ga-eu is 가으, not 개우 (gaeu),
    # so no vowel digraph is read across it (nor across a vowel with a breve, which MR writes
    # as a vowel of its own: Kyŏoe, Keŭ); every other separator is ignored
    folded = _SYLLABLE_BREAK.sub("|", folded)
    folded = "".join(ch for ch in folded if ch.isalpha() or ch == "|")
    rewritten = _skeleton_rewrite(folded).replace("|", "")
    # A final and the next initial may spell one sound twice in one system and once in another
    # (Bakgeun / Pakkun / Pakun): runs of one letter count once.
    # MR writes ㅉ "tch" and a final ㅅ before ㅈ "t-ch"; KCNA writes both with "j".
    return _REPEATS.sub(r"\1", _REPEATS.sub(r"\1", rewritten).replace("tc", "c"))


@lru_cache(maxsize=65536)  # every spelling of a name gives the same key
def loose(key: str) -> str:
    """Coarsen a :func:`skeleton` key for spellings that merge more (Russian transcription,
    South Korean press): -ng = -n, o = u, yo = yu, and ㄹ/ㄴ dropped before y/i."""
    # Russian transcription writes ㅇ and ㄴ alike (н), so 영길 "Ён Гиль" reads "yongil":
    # after -ng, a following k/g counts as part of it.
    key = key.replace("Nk", "N")
    key = _REPEATS.sub(r"\1", key.replace("N", "n").replace("o", "u"))
    return re.sub(r"^[ln](?=[yi])", "", key)


def hangul_skeleton(given: str) -> str:
    """The :func:`skeleton` of a Hangul given name (through its KCNA spelling).

    >>> hangul_skeleton("룡해") == skeleton("Ryong-hae") == skeleton("Ryonghae")
    True
    """
    return skeleton("-".join(_syllables(given, "kcna", initial_voiceless=True)))


# ---------------------------------------------------------------------------------------------
# Surname data


@frozen
class Surname:
    """One Korean surname and its spellings (a row of ``ko_names.toml``)."""

    hangul: tuple[str, ...]
    hanja: str
    rr: str
    mr: str
    kcna: str
    press: tuple[str, ...]
    cyrillic: tuple[str, ...]

    @property
    def key(self) -> str:
        """The surname's class id: its first Hangul spelling."""
        return self.hangul[0]


@cache
def _data() -> dict[str, object]:
    raw = (resources.files("canonym.translit") / "ko_names.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@cache
def surnames() -> tuple[Surname, ...]:
    """The surname table, in file order."""
    rows = _data()["surname"]
    assert isinstance(rows, list)
    return tuple(
        Surname(
            hangul=tuple(r["hangul"]),
            hanja=r["hanja"],
            rr=r["rr"],
            mr=r["mr"],
            kcna=r["kcna"],
            press=tuple(dict.fromkeys(r["press"])),
            cyrillic=tuple(r["cyrillic"]),
        )
        for r in rows
    )


@cache
def census_surnames() -> frozenset[str]:
    """Every Korean surname in Hangul (``[census]`` of ``ko_names.toml``: the census lists,
    the North's initial-sound forms too), the closed class surnames are drawn from."""
    table = _data()["census"]
    assert isinstance(table, dict)
    return frozenset(table["surnames"])


@cache
def census_surname_keys() -> frozenset[str]:
    """The :func:`skeleton` of every spelling the systems give each one-syllable surname of
    the census (:func:`census_surnames`), those the surname table lacks too (동: ``Tong``,
    ``Dong``)."""
    out: set[str] = set()
    for surname in census_surnames():
        if len(surname) != 1:
            continue
        for spelled in spellings(surname + "철", limit=64):
            word = _plain(spelled.split(" ", 1)[0]).casefold()
            if word:
                out.add(skeleton(word))
    return frozenset(out)


def census_surname(word: str) -> bool:
    """Whether a Latin word is a spelling of a one-syllable Korean surname of the census."""
    return skeleton(_plain(word).casefold()) in census_surname_keys()


@cache
def _surname_rows_by_hangul() -> dict[str, Surname]:
    return {h: row for row in surnames() for h in row.hangul}


@cache
def _syllable_press() -> dict[str, tuple[str, ...]]:
    table = _data().get("syllables", {})
    assert isinstance(table, dict)
    return {k: tuple(v) for k, v in table.items()}


def _latin_key(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFD", text.casefold()) if ch.isascii() and ch.isalpha()
    )


@cache
def _surname_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for row in surnames():
        spellings_ = {row.rr, row.mr, _plain(row.mr), row.kcna, *row.press, *row.hangul}
        for form in row.hangul:
            for system in ("rr", "mr", "kcna"):
                spellings_.add("".join(_syllables(form, system, initial_voiceless=True)))
        for spelled in spellings_:
            index.setdefault(_latin_key(spelled) or spelled, set()).add(row.key)
        for cyr in row.cyrillic:
            index.setdefault(cyr.casefold().replace("ё", "е"), set()).add(row.key)
    return {k: frozenset(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def surname_classes(token: str) -> frozenset[str]:
    """The surnames (class ids, e.g. ``"이"``) a spelling may stand for: Latin (``Lee``,
    ``Rhee``, ``Ri``), Hangul (``리``) or Cyrillic (``Ли``). Empty when unknown.

    >>> sorted(surname_classes("Rhee")) == sorted(surname_classes("리")) == ["이"]
    True
    """
    text = unicodedata.normalize("NFC", token.strip())
    if is_hangul(text):
        return _surname_index().get(text, frozenset())
    latin = _latin_key(text)
    if latin:
        return _surname_index().get(latin, frozenset())
    return _surname_index().get(text.casefold().replace("ё", "е"), frozenset())


# ---------------------------------------------------------------------------------------------
# Korean names in Russian (Kontsevich)

_KONTSEVICH = (
    ("чх", "ch"),
    ("чж", "j"),
    ("дж", "j"),
    ("кх", "kh"),
    ("тх", "th"),
    ("пх", "ph"),
    ("нъ", "ng"),
    ("ль", "l"),
    ("ый", "ui"),
    ("ва", "wa"),
    ("вэ", "we"),
    ("ве", "we"),
    ("во", "wo"),
    ("ви", "wi"),
    ("а", "a"),
    ("б", "b"),
    ("в", "w"),
    ("г", "g"),
    ("д", "d"),
    ("е", "e"),
    ("ё", "yo"),
    ("ж", "j"),
    ("з", "j"),
    ("и", "i"),
    ("й", "i"),
    ("к", "k"),
    ("л", "l"),
    ("м", "m"),
    ("н", "n"),
    ("о", "o"),
    ("п", "p"),
    ("р", "r"),
    ("с", "s"),
    ("т", "t"),
    ("у", "u"),
    ("ф", "p"),
    ("х", "h"),
    ("ц", "ch"),
    ("ч", "ch"),
    ("ш", "s"),
    ("щ", "s"),
    ("ъ", ""),
    ("ы", "u"),
    ("ь", ""),
    ("э", "e"),
    ("ю", "yu"),
    ("я", "ya"),
    ("і", "i"),
    ("ї", "i"),
    ("є", "e"),
)
_kontsevich_rewrite = _rewriter(_KONTSEVICH)


def kontsevich_latin(text: str) -> str:
    """A Korean name part in Russian (Kontsevich) Cyrillic, in Korean-romanization letters:
    ``Кванчхоль`` -> ``kwanchhol``; what :func:`skeleton` reads."""
    return _kontsevich_rewrite(text.casefold())


def cyrillic_korean_skeleton(given: str) -> str:
    """The :func:`loose` key of a Korean given name written in Cyrillic (``Рён Хэ``), so that
    it meets the loose key of the same name in Hangul or Latin letters.

    >>> cyrillic_korean_skeleton("Рён Хэ") == loose(hangul_skeleton("룡해"))
    True
    """
    text = given.casefold()
    latin = _kontsevich_rewrite(text)
    return loose(skeleton(latin))


def cyrillic_korean_skeletons(given: str) -> frozenset[str]:
    """:func:`cyrillic_korean_skeleton` of ``given`` and of its readings with ``е`` taken as
    ``ё`` (Russian print mostly drops the dots: ``Цой Рен Хэ``, ``Ким Е Чжон``); at most 8."""
    words = given.casefold().split()
    options = [list(dict.fromkeys([w, w.replace("е", "ё")])) if "е" in w else [w] for w in words]
    return frozenset(
        cyrillic_korean_skeleton(" ".join(combo)) for combo in islice(product(*options), 8)
    )


_RUSSIAN_ROUTE = (
    ("chkh", "ch"),
    ("tkh", "th"),
    ("pkh", "ph"),
    ("kkh", "kh"),
    ("chzh", "j"),
    ("dzh", "j"),
    ("zh", "j"),
    ("tsz", "ch"),
    ("ts", "ch"),
    ("kh", "h"),
    ("v", "w"),
)
_russian_route_rewrite = _rewriter(_RUSSIAN_ROUTE)
_VOWELS = "aeiou"


def russian_route(word: str) -> frozenset[str]:
    """Readings of a Latin word that came through Russian (``Chkhve``, ``Gvan``, ``Yn``) in
    Korean-romanization letters (``chwe``, ``gwan``, ``un``): the Russian transliteration's
    digraphs undone (чх chkh, х kh, ц ts, в v, ы y, й y), and, because Russian print drops the
    dots of ё, each ``e`` also read as ``yo``. At most 4 readings."""
    text = _russian_route_rewrite(word.casefold())
    out = []
    for i, ch in enumerate(text):
        if ch == "y" and (i + 1 == len(text) or text[i + 1] not in _VOWELS):
            out.append("i" if i and text[i - 1] in _VOWELS else "u")  # й after a vowel, else ы
        else:
            out.append(ch)
    plain = "".join(out)
    readings = [plain]
    if "e" in plain:
        readings.append(re.sub(r"y?e", "yo", plain))
    return frozenset(readings)
