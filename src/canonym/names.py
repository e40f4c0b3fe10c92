"""A person's name, parsed from its spelling alone: parts, script and likely origins.

:func:`parse_name` is the one analyser of the name engine (docs/matching.md): it runs on table
spellings and on queries alike, and it needs nothing but the text. It says what the name *is*
(which parts it has, which is the family name, whether it reads as Korean, Chinese, East Slavic
or something else, and why) so that matching can compare like with like. Metadata never
switches a reading on or off.

This module knows nothing of tables or of matching.
"""

from __future__ import annotations

import enum
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import NamedTuple, cast

from attrs import evolve, field, frozen
from unidecode import unidecode

from .text import APOSTROPHES, analyze, detect_script, without_surrogates
from .translit import arabic, cyrillic, east_slavic, han, hangul, loanwords, palladius
from .translit.scripts import CYRILLIC, HAN, HANGUL, script_for

__all__ = [
    "MAX_NAME_PARTS",
    "UNLISTED",
    "Name",
    "Origin",
    "Part",
    "Reading",
    "Role",
    "cognate_label",
    "cognate_tags",
    "compound_first",
    "foreign_consonants",
    "korean_surname_keys",
    "korean_syllables_only",
    "parse_name",
    "part_key",
]


class Origin(enum.Enum):
    """Where a reading of a name comes from."""

    # members are singletons: hashed by identity, in C (Enum hashes its name in Python, and
    # scoring hashes these millions of times)
    __hash__ = object.__hash__

    #: a Korean surname and romanized (or Hangul) Korean syllables
    KOREAN = "korean"
    #: a Chinese surname and pinyin or Wade-Giles syllables
    CHINESE = "chinese"
    #: anything else: East Slavic, Arabic, Persian, English names...; compared part by part
    OTHER = "other"


class Role(enum.Enum):
    """What one part of a name is."""

    __hash__ = object.__hash__

    FAMILY = "family"
    GIVEN = "given"
    #: an East Slavic patronymic (``Valeryevich``, ``Mikhailovna``, ``Uladzimiravich``)
    PATRONYMIC = "patronymic"
    #: one letter (``V.``, ``S. K.``)
    INITIAL = "initial"
    #: a generational suffix (``Jr.``, ``III``): it tells a son from his father
    SUFFIX = "suffix"
    #: not known: a word of a name whose order is not known
    UNKNOWN = "unknown"


@frozen
class Part:
    """One part of a reading: a surname, a given-name syllable, a word.

    Attributes:
        text: the part as read (lower-case ASCII for Latin readings; Hangul for Hangul).
        key: its romanization-blind key: spellings of one part under different systems share
            it (``choe``/``ch'oe``/``choi``/``최`` share the surname class ``최``).
        role: what the part is.
        alt: further keys the part may also have (a coarser Korean key, pinyin readings of a
            Wade-Giles syllable); the part agrees with another that shares any key.
        spelled: for a Hangul syllable, its Latin spellings under the romanization systems:
            a Latin syllable among them agrees more than one that only shares the key.
        consonants: the word's consonant skeleton (:func:`latin_consonants`,
            :func:`arabic_consonants`), what Arabic script writes of a name.
        skeletal: the part was written in Arabic script, without short vowels: it agrees by
            its consonants alone.
        loan: for a word of a transcription of a foreign name, the pattern of its sounds
            (marked with :data:`~canonym.translit.loanwords.HAN_MARK`), which a Latin word is
            compared with: in Han characters
            (:func:`~canonym.translit.loanwords.han_pattern`), besides the word's pinyin; in
            Hangul (:func:`~canonym.translit.loanwords.hangul_pattern`; the part is
            ``skeletal``, its key the sound skeleton, :attr:`sounds`) or Katakana
            (:func:`~canonym.translit.loanwords.katakana_pattern`; ``skeletal``, no key), all
            that is compared of it.
        long: for a word in Arabic script, the long vowels it writes between each two
            of its consonants (:func:`canonym.translit.arabic.long_vowels`: ``حمید`` is
            ``.I``, a ی between m and d), which a Latin spelling of it writes too.
        cognates: tags of the East Slavic name knowledge the part has
            (:func:`cognate_tags`): one given name in another language's form (``mykola`` and
            ``nikolai``), the patronymic made from it, or a surname's loose key; two parts
            that share a tag are forms of one name.
    """

    text: str
    key: str
    role: Role
    alt: frozenset[str] = frozenset()
    spelled: frozenset[str] = frozenset()
    consonants: str = ""
    skeletal: bool = False
    cognates: frozenset[str] = frozenset()
    loan: str = ""
    long: str = ""
    #: the key and the further keys (``alt`` and ``key`` together), made once
    keys: frozenset[str] = field(init=False, eq=False, repr=False)
    #: whether the part is a word of a foreign name transcribed in Han, Hangul or Katakana,
    #: compared by the pattern of its sounds (:attr:`loan`), made once
    transcribed: bool = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "keys", self.alt | {self.key})
        object.__setattr__(self, "transcribed", self.loan[:1] == loanwords.HAN_MARK)

    def han_apart(self, latin: Part, limit: float) -> float:
        """How far a :attr:`transcribed` part's sounds are from a Latin part's spelling
        (:func:`~canonym.translit.loanwords.han_latin_cost`); some number above ``limit``
        when they are further apart than that."""
        return loanwords.han_latin_cost(self.loan, latin.text, limit)

    def sound_keys(self) -> frozenset[str]:
        """The keys a :attr:`transcribed` part and a Latin word it may stand for share:
        :func:`~canonym.translit.loanwords.han_reduced` of the one,
        :func:`~canonym.translit.loanwords.latin_reduced` of the other."""
        if self.transcribed:
            return loanwords.han_reduced(self.loan)
        if self.skeletal or not self.text.isascii():
            return frozenset()
        key = loanwords.latin_reduced(self.text)
        return frozenset({key}) if key else frozenset()

    @property
    def sounds(self) -> str:
        """The sound skeleton (:mod:`canonym.translit.loanwords`): a Hangul loanword's own
        (its :attr:`key`), or what a Hangul transcription would keep of a Latin word; "" for
        a word in Arabic script or a transcription in Han or Katakana."""
        if self.skeletal:
            return self.key if self.loan else ""
        if self.loan or not self.text.isascii():
            return ""
        return loanwords.latin_sounds(self.text)


@frozen
class Reading:
    """One way to read a name.

    Attributes:
        origin: the reading's origin.
        parts: its parts; family first for Korean and Chinese readings, as written otherwise.
        route: how the reading was made: ``"as written"`` or the romanization used
            (``"kcna romanization"``, ``"bgn transliteration"``).
        why: why the name reads so (``"surname 최 and Korean syllables"``).
        generated: the reading was made by romanizing another script.
        links: the parts joined by a hyphen to the next part (``0`` for ``Ryong-hae`` read
            word by word): one given name, whose words another name has side by side.
    """

    origin: Origin
    parts: tuple[Part, ...]
    route: str
    why: str
    generated: bool = False
    links: tuple[int, ...] = ()


@frozen
class Name:
    """A parsed name: the text, its script, and its readings (at least one when the name has
    letters).

    Facts of the readings are made once, with the name: :attr:`origins`, the origins it
    reads with (:attr:`Origin.OTHER` left out); :attr:`firm_origins`, those it reads with as
    written, not only through another script or Russian print (``Tsai Ing-wen`` reads as
    Korean only as Russian print of 채); :attr:`letters`, a Latin name's letters run
    together as written (``Choe Sin Ok``: ``choesinok``; "" in another script); and
    :attr:`korean`, whether it reads as written as a Korean name that could be, a Korean
    surname and syllables of Korean names (:func:`korean_syllables_only`: ``Ri Pom Yo``, not
    ``Ri Pm Yo``)."""

    original: str
    script: str
    readings: tuple[Reading, ...]
    origins: frozenset[Origin] = field(init=False, eq=False, repr=False)
    firm_origins: frozenset[Origin] = field(init=False, eq=False, repr=False)
    letters: str = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        found = frozenset(r.origin for r in self.readings if r.origin is not Origin.OTHER)
        object.__setattr__(self, "origins", found)
        firm = frozenset(r.origin for r in self.readings if not r.generated) & found
        object.__setattr__(self, "firm_origins", firm)
        run = ""
        if self.script == "Latn":
            for reading in self.readings:
                if reading.origin is Origin.OTHER and not reading.generated:
                    run = "".join(p.text for p in reading.parts)
                    break
        object.__setattr__(self, "letters", run if run.isalpha() else "")

    @cached_property
    def surnames(self) -> frozenset[str]:
        """The words its Korean and Chinese readings, as written, take for the surname (empty
        when it reads as neither): the only words a name in the other order may move from
        one end to the other (``Jong Un Kim`` for ``Kim Jong Un``, never ``Un Han Jong`` for
        ``Han Jong Un``)."""
        return frozenset(
            r.parts[0].text
            for r in self.readings
            if r.origin in (Origin.KOREAN, Origin.CHINESE) and not r.generated
        )

    @cached_property
    def korean(self) -> bool:
        """Whether the name reads as written as a Korean name that could be: a Korean surname
        and syllables of Korean names (:func:`korean_syllables_only`)."""
        return any(
            r.origin is Origin.KOREAN and korean_syllables_only(r)
            for r in self.readings
            if not r.generated
        )


# ---------------------------------------------------------------------------------------------
# Latin parts

#: Particles and honorifics that are not parts of the name proper (``al-Assad`` = ``Assad``;
#: ``born`` before a maiden name).
_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "at", "az", "ur", "ud", "born", "nee"})

#: East Slavic patronymics, as the common romanizations end them (``-ovich``, ``-ovych``,
#: ``-ovič``, ``-owitsch``, ``-owicz``, ``-ovitj``; ``-ovna``, ``-ivna``, Belarusian ``-auna``).
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})

_PATRONYMIC = re.compile(
    r"(?:[oeiay]v|[oe]w)(?:ich|ych|ic|ici|itch|itj|itx|itsch|icz|its|itz)$"
    r"|(?:ov|ev|iv|av|ow|ew)na$|[ae]una$|ichna$|ovny$"
)

_KO_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|tch|ch|sh|kh|th|ph|[gknrdlmbpsjhtcwy])?"
    r"(?:yeo|yae|wae|weo|you|eui|eo|eu|ae|oe|wa|wo|we|wi|ui|ya|yo|yu|ye|oo|ou|ee|a|e|i|o|u)"
    r"(?:ng|ck|k|n|l|r|m|b|p|t)?"  # press finals: Duck (덕), Sub (섭)
)

_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


_QUOTES = re.compile(r"['`\u2019]")
_SPACES = re.compile(r"[\s,;/()]+")
_JOINERS = re.compile(r"[-\u2010\u2011.]+")


def _fold_word(text: str) -> str:
    """Lower-case ASCII letters and digits of a word, apostrophes and marks dropped."""
    if text.isascii():
        return _QUOTES.sub("", text.lower())
    folded = unidecode(unicodedata.normalize("NFKC", text)).casefold()
    return _QUOTES.sub("", folded)


@lru_cache(maxsize=65536)
def part_key(word: str) -> str:
    """The romanization-blind key of one Latin word (lower-case ASCII): the spellings of one
    word under the common systems share it (``yevgeniy``/``evgenij``/``evgenii``).

    >>> part_key("yuryevich") == part_key("iurevich")
    True
    """
    key = cyrillic.latin_skeleton(word) or word
    # Ukrainian and Belarusian write г as h where Russian writes g (Serhiy / Sergey)
    return key.replace("g", "h")


_TONE_NUMBERS = re.compile(r"(?<=[a-zA-Zü])[1-5](?=[a-zA-Z]|\b)")


class _Word(NamedTuple):
    """A folded word of a Latin spelling."""

    text: str
    #: written in capitals (the family-name convention of sanctions lists: ``AKSYONOV``)
    upper: bool
    #: joined by a hyphen, without a dot, to a neighbouring word (``hae`` of ``Ryong-hae``):
    #: a syllable of a given name, never a surname or an initial on its own
    joined: bool = False
    #: joined so to the next word (``ryong`` of ``Ryong-hae``)
    linked: bool = False


def _latin_words(text: str) -> list[_Word]:
    """The words of a Latin spelling, folded, each with whether it was written in capitals
    (``Sergey AKSYONOV``) and whether a hyphen joins it to a neighbour (``Ryong-hae``); pinyin
    tone numbers are dropped (``Xi2 Jin4ping2``)."""
    text = _TONE_NUMBERS.sub("", text)
    out: list[_Word] = []
    for raw in _SPACES.split(text if text.isascii() else unicodedata.normalize("NFKC", text)):
        if not raw:
            continue
        upper = len(raw) > 1 and raw.isupper()
        pieces = _JOINERS_KEPT.split(raw)
        words: list[tuple[str, bool, bool]] = []
        for k in range(0, len(pieces), 2):
            word = _WORD_SPLIT.sub("", _fold_word(pieces[k]))
            dotted = k + 1 < len(pieces) and "." in pieces[k + 1]
            if dotted and word in _LETTER_DIGRAPHS:
                word = word[0]  # Ю. read as Yu.: an initial, whatever its letters
            if word:
                hyphened = k + 2 < len(pieces) and not dotted
                words.append((word, dotted or (k > 0 and "." in pieces[k - 1]), hyphened))
        last = len(words) - 1
        out.extend(
            _Word(word, upper, last > 0 and not dotted, linked and n < last)
            for n, (word, dotted, linked) in enumerate(words)
        )
    return out


#: The joiners, kept by the split (a dot after a word makes it an initial).
_JOINERS_KEPT = re.compile(r"([-\u2010\u2011.]+)")
#: The Latin spellings of one Cyrillic letter (Ю Yu/Iu/Ju, Ж Zh, Щ Shch...): followed by a
#: dot, such a word is an initial.
_LETTER_DIGRAPHS = frozenset(
    {"yu", "ya", "ye", "yo", "iu", "ia", "ie", "io", "ju", "ja", "je", "jo", "zh", "ch", "sh"}
    | {"kh", "ts", "tc", "shch", "sch", "dz", "dzh"}
)


@cache
def _surname_data() -> dict[str, object]:
    raw = (resources.files("canonym") / "data" / "linker_words.toml").read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


@cache
def _chinese_surnames() -> frozenset[str]:
    return frozenset(cast("list[str]", _surname_data()["chinese_surnames"]))


@cache
def _chinese_surname_readings() -> dict[str, frozenset[str]]:
    """Each Chinese surname's pinyin, its Wade-Giles spellings and its customary spellings
    (``Koo``, ``Ker``, ``Chern``: ``chinese_surname_spellings`` in the data), to the pinyin it
    reads."""
    out: dict[str, set[str]] = {}
    for surname in _chinese_surnames():
        out.setdefault(surname, set()).add(surname)
        wade_giles = han.pinyin_to_wade_giles(surname.capitalize())
        if wade_giles:
            out.setdefault(_fold_word(wade_giles), set()).add(surname)
    customary = cast("dict[str, str]", _surname_data()["chinese_surname_spellings"])
    for spelling, surname in customary.items():
        out.setdefault(spelling, set()).add(surname)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=16384)
def korean_syllables(word: str) -> tuple[tuple[str, ...], ...]:
    """Ways to split a romanized Korean given-name word into one to three syllables, fewest
    first (``ryonghae`` -> ``(("ryong", "hae"),)``); empty when it is not Korean-shaped."""
    if not word or len(word) > 15:
        return ()
    out: list[tuple[str, ...]] = []

    def walk(rest: str, done: tuple[str, ...]) -> None:
        if len(out) >= 4 or len(done) > 3:
            return
        if not rest:
            if done:
                out.append(done)
            return
        for end in range(min(len(rest), 6), 0, -1):
            piece = rest[:end]
            if _KO_SYLLABLE.fullmatch(piece):
                walk(rest[end:], (*done, piece))

    walk(word, ())
    if not out:
        return ()
    # the fewest syllables; and two, the usual length of a given name (Suil: su-il, not suil)
    fewest = min(len(o) for o in out)
    return tuple(o for o in out if len(o) == fewest or (len(o) == 2 and len(word) >= 4))


#: The class of a Korean surname the surname table lacks: this mark, then its loose key.
UNLISTED = "~"


@lru_cache(maxsize=4096)
def _korean_part(syllable: str) -> Part:
    key = hangul.skeleton(syllable.replace("ck", "k"))
    alt = {hangul.loose(key)}
    # a syllable that came through Russian print (En for 영, Yn for 은) meets it coarsely
    alt.update(hangul.loose(hangul.skeleton(r)) for r in hangul.russian_route(syllable))
    if _LEGACY_CLOSED_E.search(syllable):
        # e before a final consonant is no Sino-Korean syllable's: the ㅓ of the Russian
        # forms before Kontsevich (Kim Ir Sen, Kim Chen Ir)
        alt.add(hangul.loose(hangul.skeleton(_LEGACY_CLOSED_E.sub("o", syllable))))
    return Part(text=syllable, key=key, role=Role.GIVEN, alt=frozenset(alt))


_LEGACY_CLOSED_E = re.compile(r"(?<=[^aeiouwy])e(?=(?:ng|[nlmkpr])$)")


def _korean_readings(
    words: list[str],
    route: str,
    generated: bool,
    capitals: tuple[bool, ...] = (),
    joined: tuple[bool, ...] = (),
) -> list[Reading]:
    """Korean readings of folded Latin words: a surname first or last, every other word one to
    three romanized Korean syllables, three given syllables at most. The surname is the word
    in capitals when one is (``YUN Chol``, ``Kyung-Chik HAN``), else a listed surname at either
    end, else a one-syllable first word (a surname the table lacks: ``Min``). A word hyphened
    to its neighbour is a given-name syllable, not the surname (``jun`` of ``Ri Song-gi-jun``),
    unless every word is."""
    if not 2 <= len(words) <= 4:
        return []
    ends: tuple[int, ...] = (0, len(words) - 1)
    if joined and not all(joined):
        ends = tuple(at for at in ends if not joined[at])
    marked = [i for i in ends if capitals and capitals[i] and not all(capitals)]
    places: list[tuple[int, frozenset[str]]] = []
    for at in marked or ends:
        classes = hangul.surname_classes(words[at])
        if classes:
            places.append((at, classes))
        elif (
            at == 0
            and hangul.skeleton(words[0]) in korean_surname_keys()
            and (words[0],) in korean_syllables(words[0])
        ):
            # a census surname the table lacks, first as Korean writes it (Tong of Tong
            # Chang Ho, 동), beside any listed surname at the end (Ho, 허)
            places.append((0, frozenset()))
    if not places:
        at = marked[0] if marked else 0
        if at in ends and (words[at],) in korean_syllables(words[at]):
            # a surname the table lacks (Min, Pyon): known by its sound alone
            places.append((at, frozenset()))
    out: list[Reading] = []
    for family_at, classes in places:
        family = words[family_at]
        given_words = words[1:] if family_at == 0 else words[:-1]
        splits: list[tuple[str, ...]] = [()]
        for word in given_words:
            options = korean_syllables(word)
            if not options:
                splits = []
                break
            splits = [(*s, *o) for s in splits for o in options if len(s) + len(o) <= 3]
        # the surname also by its sound, so that a surname the table lacks (or a spelling it
        # lacks: ISO 9's Čoe folded to Coe) meets the same sound on the other side
        sound = frozenset({UNLISTED + hangul.skeleton(family)})
        for syllables in splits[:4]:
            key = min(classes) if classes else min(sound)
            fam = Part(text=family, key=key, role=Role.FAMILY, alt=classes | sound)
            parts = (fam, *(_korean_part(s) for s in syllables))
            why = f"surname {key} ({family}) and Korean syllables"
            out.append(Reading(Origin.KOREAN, parts, route, why, generated))
    return out


def _pinyin_options(words: list[str]) -> list[tuple[str, ...]]:
    """Pinyin syllables of given-name words, read as pinyin and as Wade-Giles (whatever the
    surname's spelling: ``Teng-hui`` of ``Lee Teng-hui`` is Denghui)."""
    options: list[tuple[str, ...]] = []
    joined = "".join(words)
    pinyin = han.pinyin_syllables(joined)
    if pinyin is not None:
        options.append(tuple(pinyin))
    for reading in sorted(han.wade_giles_candidates(" ".join(words))):
        syllables = han.pinyin_syllables(_fold_word(reading).replace(" ", ""))
        if syllables is not None and tuple(syllables) not in options:
            options.append(tuple(syllables))
    return options[:8]


def _chinese_readings(words: list[str], route: str, generated: bool) -> list[Reading]:
    """A Chinese reading: a Chinese surname first, then one or two words of pinyin or
    Wade-Giles syllables (two or three syllables in all)."""
    if not 2 <= len(words) <= 3:
        return []
    family, given = words[0], words[1:]
    surnames = _chinese_surname_readings().get(family)
    if not surnames:
        return []
    options = _pinyin_options(given)
    options = [o for o in options if 1 <= len(o) <= 2]
    if not options:
        return []
    # one key per given name reading; the family part carries every surname reading
    first = options[0]
    alts = frozenset("-".join(o) for o in options)
    fam = Part(text=family, key=min(surnames), role=Role.FAMILY, alt=frozenset(surnames))
    given_part = Part(text="".join(given), key="-".join(first), role=Role.GIVEN, alt=alts)
    why = f"Chinese surname {family} and pinyin or Wade-Giles syllables"
    return [Reading(Origin.CHINESE, (fam, given_part), route, why, generated)]


#: Titles that stand before a name in other languages' copy (``Президент Путин``,
#: ``Präsident Putin``). English titles are left to the title grammar, which checks them
#: against the offices a person held (``Foreign Minister Choe``).
_TITLES_ABROAD = frozenset(
    {
        "prezident",
        "prasident",
        "presidente",
        "premer",
        "ministr",
        "ministre",
        "generalnyi",
        "marechal",
        "tovarishch",
        "genosse",
        "camarade",
    }
)


def _untitled(words: list[_Word]) -> list[_Word]:
    """``words`` without the titles in other languages before the name (``Президент
    Путин``): such a title is not a part of the name; one word at least is left."""
    k = 0
    while k < len(words) - 1 and words[k][0] in _TITLES_ABROAD:
        k += 1
    return words[k:]


def _other_reading(
    words: list[_Word], route: str, generated: bool, syllables: bool = False
) -> Reading | None:
    """The word-by-word reading; with ``syllables`` (the name reads as Korean as written), a
    word of one letter is a syllable, not an initial."""
    mixed = any(w.upper for w in words) and not all(w.upper for w in words)
    parts: list[Part] = []
    links: list[int] = []
    kept_linked = False
    last = max(
        (n for n, w in enumerate(words) if w.text not in _PARTICLES or len(words) == 1),
        default=-1,
    )
    for n, (word, upper, joined, linked) in enumerate(words):
        if word in _PARTICLES and len(words) > 1:
            kept_linked = False
            continue
        if kept_linked:
            links.append(len(parts) - 1)
        kept_linked = linked
        if word in _SUFFIXES and parts:
            role = Role.SUFFIX
        elif len(word) == 1 and not joined and not syllables:
            # one letter hyphened to a word is a syllable (the u of Kim U-chung), not an initial
            role = Role.INITIAL
        elif mixed and upper:
            role = Role.FAMILY  # the capitals of a sanctions list: YANUKOVYCH, not a patronymic
        elif _PATRONYMIC.search(word) and len(word) > 5 and (n != last or _of_a_given_name(word)):
            # a last word so shaped is a patronymic only when made from a given name
            # (Vladimir Vladimirovich); else a family name (Viktor Yanukovych, Statkevich)
            role = Role.PATRONYMIC
        else:
            role = Role.UNKNOWN
        parts.append(_word_part(word, role))
    if not parts:
        return None
    return Reading(Origin.OTHER, tuple(parts), route, "read word by word", generated, tuple(links))


@lru_cache(maxsize=65536)
def _word_part(word: str, role: Role) -> Part:
    """One word of a word-by-word reading as a part, made once for each word and role (the
    same words recur in every table and query: Sergey, Vladimirovich)."""
    return Part(
        text=word,
        key=part_key(word),
        role=role,
        alt=_baltic_stem(word),
        consonants=latin_consonants(word),
        cognates=cognate_tags(word, role is Role.PATRONYMIC),
    )


#: A nominative ending Lithuanian and Latvian add to foreign names (Vladimiras Putinas,
#: Sergejus Lavrovas, Marks Blats).
_BALTIC_END = re.compile(r"(?:a|i|u|y|e)s$|(?<=[bcdfgklmnprtvz])s$")


def _baltic_stem(word: str) -> frozenset[str]:
    """The key of ``word`` without a Baltic nominative ending, or ``abd`` for the Arabic
    ``Abdul``/``Abdel``/``Abdur`` (``Abd al-Rahman``, whose article is a particle), or the
    first name of an Arabic compound written as one word without its ``-uddin`` or ``-ullah``
    (``Nasiruddin``: Nasir, ``Shafiqullah``: Shafiq), as a further key; none when the word has
    no such ending or too little is left."""
    if _ABD_ARTICLE.fullmatch(word):
        return frozenset({part_key("abd")})
    compound = compound_first(word)
    if compound:
        return frozenset({part_key(compound)})
    stem = _BALTIC_END.sub("", word)
    if stem == word or len(stem) < 4:
        return frozenset()
    return frozenset({part_key(stem)})


#: The second name of an Arabic compound run into the first: -ud-din (religion) and -ullah
#: (God), as Afghan and Pakistani names write them (Nasiruddin, Ghiassouddine, Shafiqullah,
#: Hamdullah, Sirajuddin); the first name alone is the name's short form.
_COMPOUND_END = re.compile(r"(?:[uoea]+d+[ie]+ne?|[uoa]+l+ah?)$")


def compound_first(word: str) -> str:
    """The first name of an Arabic compound written as one folded word, without its
    ``-uddin`` or ``-ullah`` (``"nasiruddin"`` -> ``"nasir"``); "" for any other word, or when
    fewer than four letters are left (``mullah``, ``ruhollah``)."""
    first = _COMPOUND_END.sub("", word)
    return first if first != word and len(first) >= 4 else ""


#: ``Abd`` with the article run into it: Abdul, Abdel, Abdal, Abdol, Abdoul, Abdur, Abdus.
_ABD_ARTICLE = re.compile(r"abd(?:ul|el|al|ol|oul|ur|us|ud|u)")


# ---------------------------------------------------------------------------------------------
# East Slavic name knowledge: one name in Russian, Ukrainian and Belarusian forms

#: Endings of East Slavic surnames and patronymics in Latin spellings: the words whose loose
#: key (:func:`canonym.translit.east_slavic.loose_key`) is a tag.
_SLAVIC_END = re.compile(
    r"(?:[oe]v|[oe]va|in|ina|yn|yna|sk[iy]+|sk[iy]?[ij]|skaya|skaia|skaja|ska|enko|enka|"
    r"[ae][uw]|ou|ich|ych|[oe]vna|ivna|[ae]una|chuk|uk|ets|yuk|iuk)$"
)


@cache
def _cognate_index() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], list[str]]:
    """Part key of a given name's Latin form -> its class tags; patronymic stem -> tags; and
    each class's label (its Russian form), by number."""
    given: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    labels: list[str] = []
    for number, cognate in enumerate(east_slavic.cognates()):
        labels.append(cognate.label)
        for lang, form in cognate.forms:
            for latin in east_slavic.latin_forms(lang, form):
                given.setdefault(part_key(latin), set()).add(f"g{number}")
                if cognate.sex == "m":
                    stems.setdefault(east_slavic.given_stem(latin), set()).add(f"p{number}")
        for lang, _, form in cognate.patronymics:
            for latin in east_slavic.latin_forms(lang, form):
                stem = east_slavic.patronymic_stem(latin)
                if stem:
                    stems.setdefault(stem, set()).add(f"p{number}")
    return (
        {k: frozenset(v) for k, v in given.items()},
        {k: frozenset(v) for k, v in stems.items()},
        labels,
    )


def _of_a_given_name(word: str) -> bool:
    """Whether a patronymic-shaped word is the patronymic of a given name the East Slavic
    tables know (``vladimirovich``, ``volodymyrovych``; not ``yanukovych``)."""
    return any(tag.startswith("p") for tag in cognate_tags(word, True))


@lru_cache(maxsize=65536)
def cognate_tags(word: str, patronymic: bool = False) -> frozenset[str]:
    """The East Slavic tags of one folded Latin word: ``g<n>`` for a form of given name
    ``n`` of ``east_slavic.toml`` (``mykola``, ``mikalai`` and ``nikolai`` share one),
    ``p<n>m``/``p<n>f`` for a patronymic made from it, and ``~<key>`` for a surname or
    patronymic by its loose key (``ramanau``/``romanov``)."""
    if len(word) < 3 or not word.isascii():
        return frozenset()
    given, stems, _ = _cognate_index()
    tags = set(given.get(part_key(word), ()))
    if not tags and word.endswith("er") and len(word) >= 5:
        # the English -er of Alexander and Peter: Aleksandr, Petr
        tags.update(given.get(part_key(word[:-2] + "r"), ()))
    if patronymic:
        stem = east_slavic.patronymic_stem(word)
        female = word.endswith(("na", "ny"))
        for tag in stems.get(stem, ()) if stem else ():
            tags.add(tag + ("f" if female else "m"))
    if len(word) >= 5 and (patronymic or _SLAVIC_END.search(word)):
        tags.add("~" + east_slavic.loose_key(word))
    return frozenset(tags)


def cognate_label(tag: str) -> str:
    """What a tag of :func:`cognate_tags` stands for, in words."""
    if tag.startswith("~"):
        return f"one East Slavic form ({tag[1:]})"
    labels = _cognate_index()[2]
    kind, number = tag[0], int(tag[1:].rstrip("mf"))
    if kind == "g":
        return f"forms of the given name {labels[number]}"
    return f"patronymics of {labels[number]}"


def _latin_readings(
    text: str,
    route: str,
    generated: bool,
    *,
    origins: bool = True,
    russian_print: bool = True,
) -> list[Reading]:
    """The readings of a Latin name: Korean and Chinese ones (unless not ``origins``: the
    romanizations of a Hangul or Han name, which has its own), the Korean one of a name that
    came through Russian print (unless not ``russian_print``: the transliterations of a
    Cyrillic name, read as Kontsevich already), and word by word."""
    words = _untitled(_latin_words(text))
    if not words:
        return []
    readings: list[Reading] = []
    if origins:
        readings = _origin_readings(words, route, generated, russian_print)
    # a one-letter word of a Korean name as written is a syllable (the surname O, the U of
    # Kim U Chol), not an initial: og is not the O of O Jon Hwan Dong
    korean = any(r.origin is Origin.KOREAN and r.route == route for r in readings)
    other = _other_reading(words, route, generated, korean)
    if other is not None:
        readings.append(other)
    return readings


def _origin_readings(
    words: list[_Word], route: str, generated: bool, russian_print: bool
) -> list[Reading]:
    kept = [w for w in words if w.text not in _PARTICLES]
    plain = [w.text for w in kept]
    capitals = tuple(w.upper for w in kept)
    joined = tuple(w.joined for w in kept)
    readings = _korean_readings(plain, route, generated, capitals, joined)
    chinese = _chinese_readings(plain, route, generated)
    if russian_print and not readings and not chinese and 2 <= len(plain) <= 4:
        # a Korean name that came through Russian print (Chkhve Ryon Khe, No Gvan Chkhol)
        through = [min(hangul.russian_route(w)) for w in plain]
        if through != plain:
            readings = _korean_readings(through, "Latin of Russian print", True, capitals, joined)
        # a Chinese one (Si Tszinpin: Си Цзиньпин, Xi Jinping), each way it may be read
        for pinyin in palladius.latin_to_pinyin(" ".join(plain)):
            chinese += _chinese_readings(
                [_fold_word(w) for w in pinyin.split()], "Latin of Russian print", True
            )
    return readings + chinese


# ---------------------------------------------------------------------------------------------
# Other scripts: each gives Latin spellings (tagged with their system) or native readings

#: Latin letters that EU lists mix into Cyrillic words (``Сергiй``), and what they stand for.
_HOMOGLYPHS = str.maketrans(
    {
        "i": "і",
        "a": "а",
        "e": "е",
        "o": "о",
        "c": "с",
        "p": "р",
        "x": "х",
        "y": "у",
        "I": "І",
        "A": "А",
        "B": "В",
        "C": "С",
        "E": "Е",
        "H": "Н",
        "K": "К",
        "M": "М",
        "O": "О",
        "P": "Р",
        "T": "Т",
        "X": "Х",
        "Y": "У",
    }
)
_CYR_WORD = re.compile(r"\w+")
_LOOKALIKES = frozenset(chr(k) for k in _HOMOGLYPHS)


def _repair_cyrillic(text: str) -> str:
    """Latin look-alike letters inside Cyrillic words read as the Cyrillic letters."""
    if _LOOKALIKES.isdisjoint(text):
        return text  # most Cyrillic names: nothing to repair

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = word.translate(_HOMOGLYPHS)
        if all(cyrillic.is_cyrillic(ch) for ch in fixed if ch.isalpha()):
            return fixed
        return word

    return _CYR_WORD.sub(fix, text)


def _loanword_reading(text: str) -> Reading | None:
    """A foreign name written in Hangul (블라디미르 푸틴), word by word by the sounds Korean
    keeps of it (:mod:`canonym.translit.loanwords`)."""
    parts: list[Part] = []
    for word in re.split(r"[\s·・•‧∙⋅･]+", text):
        sounds = loanwords.hangul_sounds(word)
        if not sounds:
            continue
        shown = loanwords.hangul_latin(word)
        pattern = loanwords.hangul_pattern(word)
        parts.append(Part(text=shown, key=sounds, role=Role.UNKNOWN, loan=pattern, skeletal=True))
    if not parts:
        return None
    why = "a foreign name in Hangul, by the sounds Korean keeps of it"
    return Reading(Origin.OTHER, tuple(parts), "Hangul loanword", why, True)


def _katakana_readings(text: str) -> list[Reading]:
    """A foreign name written in Katakana (ウラジーミル・プーチン), word by word by the pattern
    of its sounds (:func:`~canonym.translit.loanwords.katakana_pattern`), and also letter by
    letter through Unidecode."""
    text = unicodedata.normalize("NFKC", text)
    parts: list[Part] = []
    for word in _KANA_WORDS.split(text):
        if not word:
            continue
        pattern = loanwords.katakana_pattern(word)
        if not pattern:
            parts = []
            break
        shown = re.sub(r"[^a-z]", "", unidecode(word).lower())
        parts.append(Part(text=shown, key="", role=Role.UNKNOWN, loan=pattern, skeletal=True))
    readings = _fallback_readings(text)
    if parts:
        why = "a foreign name in Katakana, by the sounds Japanese keeps of it"
        readings.insert(0, Reading(Origin.OTHER, tuple(parts), "Katakana", why, True))
    return readings


#: What parts the words of a name in Katakana: the middle dot, the double hyphen (ジャン＝ポール),
#: spaces.
_KANA_WORDS = re.compile(r"[\s・·•‧∙⋅･=＝゠]+")


def _hangul_readings(text: str) -> list[Reading]:
    letters = "".join(ch for ch in text if not ch.isspace())
    if not 2 <= len(letters) <= 5:
        return []
    surname, given = hangul.split_name(letters)
    classes = hangul.surname_classes(surname)
    if len(surname) == 1:
        classes |= {UNLISTED + hangul.hangul_skeleton(surname)}
    readings: list[Reading] = []
    if classes and 1 <= len(given) <= 3:
        listed = classes - {c for c in classes if c.startswith(UNLISTED)}
        fam = Part(text=surname, key=min(listed or classes), role=Role.FAMILY, alt=classes)
        parts: list[Part] = [fam]
        for syllable in given:
            key = hangul.hangul_skeleton(syllable)
            loose = {hangul.loose(key)}
            # the initial ㄹ/ㄴ dropped in the South (룡 Ryong / Yong)
            loose.add(hangul.loose(hangul.skeleton(_south(syllable))))
            parts.append(
                Part(
                    text=syllable,
                    key=key,
                    role=Role.GIVEN,
                    alt=frozenset(loose),
                    spelled=_syllable_spellings(syllable),
                )
            )
        why = f"Hangul: surname {surname}, given name {given}"
        readings.append(Reading(Origin.KOREAN, tuple(parts), "Hangul syllables", why))
    for sp in HANGUL.spellings(letters):
        readings += _latin_readings(sp.text, f"{sp.system} romanization", True, origins=False)
    return readings


@lru_cache(maxsize=8192)
def _syllable_spellings(syllable: str) -> frozenset[str]:
    """The folded Latin spellings of one Hangul given-name syllable under the systems
    (KCNA, RR, MR, press): ``영`` is ``yong``, ``yeong`` or ``young``, never ``yung``; ``성``
    is ``song``, ``seong`` or the South's press ``sung``."""
    named = hangul.spellings("김" + syllable, limit=256)
    # each spelling is "<surname> <given>": keep the given syllable
    out = {_fold_word(s.split(" ", 1)[1]).replace(" ", "") for s in named if " " in s}
    out.add(_fold_word(_south(syllable)))
    return frozenset(w for w in out if w)


@cache
def korean_surname_keys() -> frozenset[str]:
    """The keys of every Latin spelling (KCNA, RR, MR, press) of every one-syllable Korean
    surname of the census (:func:`canonym.translit.hangul.census_surnames`): a surname-shaped
    word whose key is not here is no Korean surname (``rem``, ``pwe``, ``ang``)."""
    out = set(hangul.census_surname_keys())
    for surname in hangul.census_surnames():
        if len(surname) == 1:
            folded = _fold_word(_south(surname))
            if folded:
                out.add(hangul.skeleton(folded))
    return frozenset(out)


@cache
def name_syllable_keys() -> frozenset[str]:
    """The keys of every Latin spelling (KCNA, RR, MR, press) of every Sino-Korean syllable: a
    romanized syllable whose key is not here is no syllable of a Korean name (``tyok``,
    ``twaek``, ``eo`` as a whole word), however well it is shaped."""
    out: set[str] = set()
    for syllable in han.sino_korean_syllables():
        out.update(_korean_part(spelling).key for spelling in _syllable_spellings(syllable))
    return frozenset(out)


def korean_syllables_only(reading: Reading) -> bool:
    """Whether every syllable of a Korean reading is a syllable of Korean names (the Latin
    spelling of a Sino-Korean syllable): ``Tyok`` is shaped like one and is none; and its
    surname a Korean surname (the census's, :func:`korean_surname_keys`):
    ``Rem`` of ``Rem Kum-hwi`` and ``Ang`` of ``Ang Mi-won``, read by their sound since the
    surname table lacks them, are none; ``Min``, which it lacks too, is one."""
    known = name_syllable_keys()
    surnames = korean_surname_keys()
    for part in reading.parts:
        if part.role is not Role.FAMILY:
            if part.key not in known:
                return False
        elif part.key.startswith(UNLISTED) and part.key[len(UNLISTED) :] not in surnames:
            return False
    return True


def _south(syllable: str) -> str:
    """The RR spelling of a syllable at the start of a South Korean given name."""
    return hangul.romanize_name("김" + syllable).get("rr", "").split(" ")[-1]


#: Cyrillic letters that only Ukrainian writes: a Korean name spelt with them writes ㅡ as
#: ``и`` (Russian ``ы``) and ㅣ as ``і`` (``Кім Чен Ин``, Kim Jong Un).
_UKRAINIAN_ONLY = frozenset("іїєґ")
#: ``е`` between consonants of a Korean syllable that ends in one (``Сен``, ``Чер``): ㅓ in
#: the transcription before Kontsevich's, which Russian print keeps for the oldest names
#: (``Ким Ир Сен``, ``Ким Чен Ын``); no Sino-Korean syllable has ㅔ and a final consonant.
_LEGACY_EO = re.compile(r"(?<=[бвгджзклмнпрстфхцчшщ])е(?=[нрлкмп]ь?(?![аеёиоуыэюяіїє]))")


def _kontsevich_parts(word: str, ukrainian: bool = False) -> list[Part] | None:
    """The given-name syllables of one Cyrillic word read as Kontsevich (``Кванчхоль``).
    Russian print drops the dots of ё, so a syllable with е also reads as ё (``Е Чжон``);
    after a consonant it also reads as ㅓ, as the transcription before Kontsevich's wrote it
    (``Чен`` for 정, ``Сен`` for 성). In Ukrainian (``ukrainian``) и is ㅡ."""
    word = word.casefold()
    if ukrainian:
        word = word.replace("и", "ы").replace("і", "и")
    latin = re.sub(r"[^a-z]", "", hangul.kontsevich_latin(word))
    options = korean_syllables(latin)
    if not options:
        return None
    others = []
    for variant in (word.replace("е", "ё"), _LEGACY_EO.sub("о", word)):
        spelled = re.sub(r"[^a-z]", "", hangul.kontsevich_latin(variant))
        if spelled != latin:
            found = korean_syllables(spelled)
            if found and len(found[0]) == len(options[0]):
                others.append(found[0])
    out: list[Part] = []
    for k, syllable in enumerate(options[0]):
        key = hangul.loose(hangul.skeleton(syllable))
        alt = {key} | {hangul.loose(hangul.skeleton(other[k])) for other in others}
        out.append(Part(text=syllable, key=key, role=Role.GIVEN, alt=frozenset(alt)))
    return out


def _cyrillic_readings(text: str) -> list[Reading]:
    text = _repair_cyrillic(text)
    readings: list[Reading] = []
    words = re.split(r"[\s\-\u2010\u2011]+", text.strip())
    if 2 <= len(words) <= 4:
        classes = hangul.surname_classes(words[0])
        given_parts: list[Part] = []
        ukrainian = not _UKRAINIAN_ONLY.isdisjoint(text.casefold())
        for word in words[1:] if classes else []:
            found = _kontsevich_parts(word, ukrainian)
            if found is None:
                given_parts = []
                break
            given_parts += found
        if given_parts and len(given_parts) <= 3:
            # a Korean name in Russian (Kontsevich): Чхве Рён Хэ, Но Кванчхоль
            fam = Part(text=words[0].casefold(), key=min(classes), role=Role.FAMILY, alt=classes)
            why = f"Korean surname {words[0]} in Cyrillic (Kontsevich)"
            readings.append(
                Reading(Origin.KOREAN, (fam, *given_parts), "Kontsevich Cyrillic", why, True)
            )
    for sp in CYRILLIC.spellings(text):
        spelled = _latin_readings(
            sp.text, f"{sp.system} transliteration", True, russian_print=False
        )
        if sp.system == "palladius":
            # read back to pinyin, a name is Chinese or nothing (Анна Ли is no Angna Li)
            spelled = [r for r in spelled if r.origin is Origin.CHINESE]
        readings += spelled
    return readings


def _han_readings(text: str) -> list[Reading]:
    """A Chinese name (a common surname and one or two characters) reads as Chinese and
    word by word in pinyin and Wade-Giles; a transcription of a foreign name (``弗拉基米尔·普京``,
    or longer than three characters) is never split: each of its words is one part."""
    words = [w for w in re.split(r"[\s·・•‧∙⋅･]+", text) if w]
    native = len(words) == 1 and 2 <= len(words[0]) <= 3
    readings: list[Reading] = []
    if native:
        syllables = [han.han_name_to_pinyin(ch) for ch in words[0]]
        if all(syllables):
            pinyin = [re.sub(r"[^a-z]", "", _fold_word(str(p))) for p in syllables]
            family = Part(text=pinyin[0], key=pinyin[0], role=Role.FAMILY)
            given = "-".join(pinyin[1:])
            why = f"Han: surname {words[0][0]}, given name {words[0][1:]}"
            readings.append(
                Reading(
                    Origin.CHINESE,
                    (family, Part(text="".join(pinyin[1:]), key=given, role=Role.GIVEN)),
                    "pinyin from Han",
                    why,
                    True,
                )
            )
        for sp in HAN.spellings(text):
            readings += _latin_readings(sp.text, f"{sp.system} from Han", True, origins=False)
    if native:
        # a Korean name in Hanja (金正恩, 崔龙海, as Chinese and Japanese copy writes it) reads
        # as its Sino-Korean syllables, then as a Hangul name would
        korean = han.korean_reading(words[0])
        for r in _hangul_readings(korean) if korean else []:
            if r.origin is Origin.KOREAN:
                why = f"Han read as Korean: {korean} ({r.why})"
                readings.append(evolve(r, route="Sino-Korean reading", why=why, generated=True))
    if native and readings and _fold_word(readings[0].parts[0].text) in _chinese_surnames():
        return readings
    parts: list[Part] = []
    for word in words:
        read = han.han_name_to_pinyin(word)
        heard = han.char_syllables(word)
        if read is None or heard is None:
            return readings
        joined = re.sub(r"[^a-z]", "", _fold_word(read))
        # and by the sounds Mandarin keeps of a foreign word (理查森 / Richardson)
        loan = loanwords.han_pattern(heard)
        parts.append(Part(text=joined, key=part_key(joined), role=Role.UNKNOWN, loan=loan))
    why = "a transcription in Han characters, read word by word and by its sounds"
    readings.append(Reading(Origin.OTHER, tuple(parts), "pinyin from Han", why, True))
    return readings


# Consonant skeletons: Arabic script writes consonants and long vowels, so a name written in it
# meets its Latin spellings (Mohammad, Muhammad, Mohamed) by consonants alone.

_LATIN_CONSONANTS = (
    (re.compile(r"sch|sh|ch"), "S"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"kh"), "x"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?:th|dh)"), "z"),
    # gh is غ in Arabic names and ق or غ in Persian ones (Sadegh صادق, Gholam غلام), q is ق:
    # one class with k and g, which Arabic script writes ک, گ
    (re.compile(r"gh|q|ck|c|g"), "k"),
    (re.compile(r"p"), "b"),  # Arabic has no p; Persian پ is read as b as well
    (re.compile(r"(?<=[aeiou])h$"), ""),  # -ah, -eh: Arabic ة, Persian ه (Abdullah, Fatemeh)
    (re.compile(r"[aeiouyvw']"), ""),  # و is v, w, u or o: dropped on both sides
    (re.compile(r"(.)\1+"), r"\1"),
)


@lru_cache(maxsize=65536)
def latin_consonants(word: str) -> str:
    """The consonant skeleton of a Latin word as Arabic script would write it: vowels, ``v``,
    ``w`` and ``y`` dropped (و and ی are vowels or consonants), ``sh``/``kh`` read as the
    letters they stand for, ``g``, ``gh``, ``q`` and ``k`` one (Persian writes ق and غ alike
    in Latin: ``sadegh``, ``sadiq``, صادق -> ``sdk``), doubles once (``muhammad``,
    ``mohamed`` -> ``mhmd``; ``zeitoun``, ``zaytun`` -> ``ztn``)."""
    for pattern, replacement in _LATIN_CONSONANTS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=16384)
def foreign_consonants(word: str) -> str:
    """The consonant skeleton of a Latin word with a ``v``, as Arabic script writes a European
    name: the v as ف, f (``lavrov`` -> ``lfrf``, as لافروف; ``vladimir`` -> ``fldmr``), where
    :func:`latin_consonants` leaves it out (Persian writes v as و). "" for a word without v."""
    return latin_consonants(word.replace("v", "f")) if "v" in word else ""


_LATIN_VOWELS = frozenset("aeiouyvw'")


@lru_cache(maxsize=65536)
def latin_vowel_gaps(word: str) -> tuple[str, ...]:
    """The vowel letters a Latin word writes between each two consonants of
    :func:`latin_consonants` (``hamid``: ``("a", "i")``; ``ahmad``: ``("", "a")``); () when
    the two cannot be lined up."""
    skeleton = latin_consonants(word)
    for pattern, replacement in _LATIN_CONSONANTS[:-2]:
        word = pattern.sub(replacement, word)
    letters: list[str] = []
    gaps: list[str] = []
    gap = ""
    for ch in word:
        if ch in _LATIN_VOWELS:
            gap += ch
            continue
        if letters and letters[-1] == ch:
            gap = ""  # a doubled letter is one (muhammad)
            continue
        if letters:
            gaps.append(gap)
        letters.append(ch)
        gap = ""
    if "".join(letters) != skeleton:
        return ()
    return tuple(gaps)


#: The consonant skeleton of an Arabic or Persian word (:func:`canonym.translit.arabic.consonants`).
arabic_consonants = arabic.consonants


def _arabic_readings(text: str) -> list[Reading]:
    parts: list[Part] = []
    for word in re.split(r"[\s\u200c\-]+", text):
        skeleton = arabic.consonants(word)
        if skeleton:
            shown = _fold_word(unidecode(word)) or skeleton
            parts.append(
                Part(
                    text=shown,
                    key=skeleton,
                    role=Role.UNKNOWN,
                    consonants=skeleton,
                    skeletal=True,
                    long=arabic.long_vowels(word),
                )
            )
    if not parts:
        return []
    why = "Arabic script: consonants, as its Latin spellings write them"
    return [Reading(Origin.OTHER, tuple(parts), "Arabic consonants", why, True)]


#: Scripts with a reader of their own above; the fallback reads the other registered
#: scripts through their spellings (Greek), and anything else through Unidecode (a Hangul
#: transcription of a foreign name, 마리야 자하로바, is no Korean name to romanize).
_READERS = frozenset({"Hang", "Cyrl", "Hani", "Hans", "Hant", "Arab"})


def _fallback_readings(text: str) -> list[Reading]:
    """Any other script: its registered spellings (Greek), else Unidecode's letters."""
    script = detect_script(text)
    registered = script_for(script) if script not in _READERS else None
    if registered is not None:
        readings: list[Reading] = []
        for sp in registered.spellings(text):
            readings += _latin_readings(sp.text, f"{sp.system} transliteration", True)
        if readings:
            return readings
    spelled = unidecode(text)
    return _latin_readings(spelled, "unidecode transliteration", True) if spelled.strip() else []


#: A text of more words than this is not one person's name (a sentence, a list): it has no
#: reading, so the name engine never aligns it word by word with every candidate.
MAX_NAME_PARTS = 10

#: A possessive ending (``Kim Yeong-nam's``, ``Lavrovs'``), as the normaliser drops it.
_POSSESSIVE = re.compile(rf"(?<=\S)[{APOSTROPHES}]s(?!\w)|(?<=s)[{APOSTROPHES}](?!\w)")
#: A bracketed note after a name is not part of it: ``Pak Yong Il (KPA GPB)``.
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@lru_cache(maxsize=65536)
def parse_name(text: str) -> Name:
    """Parse a name from its spelling alone (any script): its readings, best first.

    >>> [r.origin.value for r in parse_name("Choe Ryong-hae").readings]
    ['korean', 'other']
    >>> [p.key for p in parse_name("최룡해").readings[0].parts]
    ['최', 'lyoN', 'he']
    """
    original = text
    text = without_surrogates(text)  # a lone surrogate is no letter of any name
    text = _BRACKETED.sub(" ", text).strip() or text
    text = _POSSESSIVE.sub("", text)
    if not text.isascii() and any(cyrillic.is_cyrillic(ch) for ch in text):
        text = _repair_cyrillic(text)
    a = analyze(text)
    script = detect_script(text)
    if not a.key or len(a.tokens) > MAX_NAME_PARTS:
        return Name(original=original, script=script, readings=())
    source = " ".join(a.tokens) if a.reordered or a.removed else text
    readings: list[Reading]
    if script == "Latn":
        readings = _latin_readings(source, "as written", False)
    elif script == "Hang":
        readings = _hangul_readings(source)
        if len(source.split()) >= 2 or not any(r.origin is Origin.KOREAN for r in readings):
            # written with spaces (Korean names are not) or no Korean name: a foreign name
            loan = _loanword_reading(source)
            readings += [loan] if loan is not None else []
    elif script == "Cyrl":
        readings = _cyrillic_readings(source)
    elif script in {"Hani", "Hans", "Hant"}:
        readings = _han_readings(source)
    elif script == "Arab":
        readings = _arabic_readings(source)
    elif script == "Kana":
        readings = _katakana_readings(source)
    else:
        readings = []
    if not readings:
        readings = _fallback_readings(source)
    return Name(original=original, script=script, readings=tuple(_distinct(readings)))


def _distinct(readings: Iterable[Reading]) -> list[Reading]:
    seen: set[tuple[Origin, tuple[str, ...]]] = set()
    out: list[Reading] = []
    for r in readings:
        key = (r.origin, tuple(p.key for p in r.parts))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
