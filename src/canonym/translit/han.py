"""Chinese names written in Han characters; conversion between pinyin and Wade–Giles.

Everything here is a pure function of its input and never raises on any ``str``:

* :func:`is_han` tells whether a text is (mostly) written in CJK ideographs;
* :func:`pinyin_syllables` segments a toneless pinyin word (``"jinping"`` → ``["jin", "ping"]``)
  against a complete inventory of standard Mandarin syllables;
* :func:`han_name_to_pinyin` reads a name in simplified or traditional characters in Mandarin
  (``"习近平"`` → ``"Xi Jinping"``), surname first;
* :func:`pinyin_to_wade_giles` and :func:`wade_giles_to_pinyin` convert between the two
  romanizations syllable by syllable (``"Xi Jinping"`` ↔ ``"Hsi Chin-p'ing"``);
  :func:`wade_giles_candidates` lists every reading of a Wade–Giles spelling whose aspiration
  apostrophes or umlauts may have been dropped;
* :func:`spellings` gives all romanizations of a Han-character name;
* :func:`korean_reading` reads a Korean name written in Han characters (Hanja) in Hangul
  (``"金正恩"`` → ``"김정은"``), from the Sino-Korean readings in ``hanja.txt``.

Character readings come from Unidecode (the first Mandarin reading of each character), corrected
by a small table for common surname and given-name characters that it reads wrongly (for example
沈 Shen, 曾 Zeng, 叶 Ye, 宁 Ning, 朴 Piao). Readings of polyphonic characters remain a guess:
treat generated Mandarin readings as unreliable evidence.

Texts longer than 256 characters are not names; the functions give up on them (``None``,
``{}`` or an empty set).
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources

from unidecode import unidecode

__all__ = [
    "PINYIN_SYLLABLES",
    "char_syllables",
    "han_name_to_pinyin",
    "is_han",
    "korean_reading",
    "pinyin_syllables",
    "pinyin_to_wade_giles",
    "sino_korean_syllables",
    "spellings",
    "wade_giles_candidates",
    "wade_giles_to_pinyin",
]

# ---------------------------------------------------------------------------------------------
# Pinyin syllable inventory
# ---------------------------------------------------------------------------------------------

_INVENTORY_TEXT = """
a ai an ang ao e ei en eng er o ou
ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
fa fan fang fei fen feng fo fou fu
da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nun nuo
nü nüe nue
la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun
luo lü lüe lue
ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
zhun zhuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
sa sai san sang sao se sen seng si song sou su suan sui sun suo
ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
wa wai wan wang wei wen weng wo wu
"""

#: Every standard toneless Mandarin pinyin syllable (lower case; ``ü`` written as ``ü``, with the
#: common ASCII spellings ``lue``/``nue`` of ``lüe``/``nüe`` also accepted). Interjections
#: without a vowel (``m``, ``n``, ``ng``, ``hm``, ``hng``) and ``ê`` are left out.
PINYIN_SYLLABLES: frozenset[str] = frozenset(_INVENTORY_TEXT.split())

_MAX_SYLLABLE = max(len(s) for s in PINYIN_SYLLABLES)
#: Longer texts are not names: every function gives up on them (keeps the cost linear).
_MAX_INPUT = 256
#: Syllables that begin with a vowel: pinyin writes an apostrophe before them inside a word.
_VOWEL_INITIAL = frozenset("aeo")

_APOSTROPHES = frozenset("'’‘ʼʻ`´′")
_HYPHENS = frozenset("-‐‑‒–—")
_MIDDLE_DOTS = frozenset("·・•‧∙⋅･")


def _strip_tones(text: str) -> str:
    """Lower-case ``text`` and remove pinyin tone marks, keeping the diaeresis of ``ü``."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0308")
    return unicodedata.normalize("NFC", kept)


def _segment(
    piece: str, valid: Callable[[str], bool], max_len: int, forbid_vowel_start: bool
) -> list[str] | None:
    """Split ``piece`` into the fewest strings accepted by ``valid``.

    With ``forbid_vowel_start`` a non-first part may not begin with a, e or o (pinyin would have
    written an apostrophe there). Ties go to the segmentation with the longer earlier parts.
    """
    n = len(piece)
    # best[i] = segmentation of piece[i:], computed right to left.
    best: list[list[str] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        choice: list[str] | None = None
        for j in range(min(n, i + max_len), i, -1):
            rest = best[j]
            if rest is None:
                continue
            part = piece[i:j]
            if not valid(part):
                continue
            if forbid_vowel_start and rest and rest[0][0] in _VOWEL_INITIAL:
                continue
            if choice is None or len(rest) + 1 < len(choice):
                choice = [part, *rest]
        best[i] = choice
    return best[0]


def _segment_pinyin_piece(piece: str) -> list[str] | None:
    """Segment an apostrophe-free run of pinyin letters."""
    if not piece:
        return None
    found = _segment(piece, PINYIN_SYLLABLES.__contains__, _MAX_SYLLABLE, True)
    if found is None:
        # Writers often drop the apostrophe (tianan for tian'an): accept vowel-initial syllables.
        found = _segment(piece, PINYIN_SYLLABLES.__contains__, _MAX_SYLLABLE, False)
    return found


def pinyin_syllables(word: str) -> list[str] | None:
    """Segment a toneless pinyin word into syllables, or return ``None``.

    The word is matched case-insensitively; tone marks are ignored (the diaeresis of ``ü`` is
    kept). Apostrophes and hyphens are syllable boundaries (``xi'an`` → ``["xi", "an"]``).
    Without them the standard pinyin reading is chosen: a syllable starting with a, e or o
    never follows another one unmarked, and otherwise the segmentation with fewest syllables
    wins (``jinping`` → ``["jin", "ping"]``, ``xian`` → ``["xian"]``, ``xinan`` →
    ``["xi", "nan"]``). Every returned syllable is in :data:`PINYIN_SYLLABLES`, and joining
    them gives back the word without its separators.

    >>> pinyin_syllables("hongzhong")
    ['hong', 'zhong']
    """
    if len(word) > _MAX_INPUT:
        return None
    text = _strip_tones(word)
    pieces: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch in _APOSTROPHES or ch in _HYPHENS:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
    pieces.append("".join(current))
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        found = _segment_pinyin_piece(piece)
        if found is None:
            return None
        out.extend(found)
    return out or None


def _join_pinyin(syllables: list[str]) -> str:
    """Join pinyin syllables into one word, with an apostrophe before a/e/o after the first."""
    parts: list[str] = []
    for i, syl in enumerate(syllables):
        if i and syl[0] in _VOWEL_INITIAL:
            parts.append("'")
        parts.append(syl)
    return "".join(parts)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


# ---------------------------------------------------------------------------------------------
# Han characters
# ---------------------------------------------------------------------------------------------

_HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # Unified Ideographs
    (0xF900, 0xFAFF),  # Compatibility Ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2EBEF),  # Extensions C-F, I
    (0x2F800, 0x2FA1F),  # Compatibility Supplement
    (0x30000, 0x323AF),  # Extensions G, H
)


def _is_han_char(ch: str) -> bool:
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def is_han(text: str) -> bool:
    """True when more than half of the letters in ``text`` are CJK ideographs.

    Non-letters (spaces, punctuation, digits, the middle dot) are ignored; text without any
    ideograph is never Han.

    >>> is_han("习近平"), is_han("習近平 (Xi)"), is_han("Xi Jinping")
    (True, True, False)
    """
    han = letters = 0
    for ch in text:
        if _is_han_char(ch):
            han += 1
            letters += 1
        elif unicodedata.category(ch).startswith("L"):
            letters += 1
    return han > 0 and 2 * han > letters


#: Two-character surnames (simplified and traditional forms) with their readings.
_COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"),
    "歐陽": ("ou", "yang"),
    "司马": ("si", "ma"),
    "司馬": ("si", "ma"),
    "诸葛": ("zhu", "ge"),
    "諸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "东方": ("dong", "fang"),
    "東方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"),
    "尉遲": ("yu", "chi"),
    "公孙": ("gong", "sun"),
    "公孫": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"),
    "長孫": ("zhang", "sun"),
    "夏侯": ("xia", "hou"),
    "轩辕": ("xuan", "yuan"),
    "軒轅": ("xuan", "yuan"),
    "令狐": ("ling", "hu"),
    "宇文": ("yu", "wen"),
    "司徒": ("si", "tu"),
    "司空": ("si", "kong"),
    "端木": ("duan", "mu"),
    "独孤": ("du", "gu"),
    "獨孤": ("du", "gu"),
    "南宫": ("nan", "gong"),
    "南宮": ("nan", "gong"),
    "西门": ("xi", "men"),
    "西門": ("xi", "men"),
    "呼延": ("hu", "yan"),
    "万俟": ("mo", "qi"),
    "萬俟": ("mo", "qi"),
    "澹台": ("tan", "tai"),
    "澹臺": ("tan", "tai"),
    "公冶": ("gong", "ye"),
    "申屠": ("shen", "tu"),
    "闻人": ("wen", "ren"),
    "聞人": ("wen", "ren"),
    "钟离": ("zhong", "li"),
    "鍾離": ("zhong", "li"),
    "鐘離": ("zhong", "li"),
    "淳于": ("chun", "yu"),
    "单于": ("chan", "yu"),
    "單于": ("chan", "yu"),
    "赫连": ("he", "lian"),
    "赫連": ("he", "lian"),
    "拓跋": ("tuo", "ba"),
    "闾丘": ("lü", "qiu"),
    "閭丘": ("lü", "qiu"),
    "东郭": ("dong", "guo"),
    "東郭": ("dong", "guo"),
    "公羊": ("gong", "yang"),
    "左丘": ("zuo", "qiu"),
    "濮阳": ("pu", "yang"),
    "濮陽": ("pu", "yang"),
    "亓官": ("qi", "guan"),
}

#: Readings of characters when they are the (single-character) surname, where Unidecode's
#: first Mandarin reading is not the surname reading.
_SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng",
    "覃": "qin",
    "翟": "zhai",
    "单": "shan",
    "單": "shan",
    "解": "xie",
    "缪": "miao",
    "繆": "miao",
    "仇": "qiu",
    "查": "zha",
    "柏": "bai",
    "朴": "piao",
    "樸": "piao",
    "区": "ou",
    "區": "ou",
    "秘": "bi",
    "繁": "po",
    "重": "chong",
    "员": "yun",
    "員": "yun",
    "藏": "zang",
    "句": "gou",
    "召": "shao",
    "盖": "ge",
    "蓋": "ge",
    "乐": "yue",
    "樂": "yue",
    "折": "she",
    "黑": "he",
    "长": "chang",
    "長": "chang",
}

#: Readings of characters anywhere in a name, where Unidecode's reading is wrong for names.
_CHAR_READINGS: dict[str, str] = {
    "叶": "ye",
    "薛": "xue",
    "葉": "ye",
    "宁": "ning",
    "寧": "ning",
    "沈": "shen",
    "万": "wan",
    "娜": "na",
    "洁": "jie",
    "乾": "qian",
    "晟": "sheng",
    "卡": "ka",  # kǎ (卡尔 Karl, 卡特 Carter); Unidecode gives the rarer qiǎ
}

_STRIP_IN_NAMES = frozenset(" \t\n\r\u00a0\u3000") | _MIDDLE_DOTS | frozenset("\u200b")


def _char_reading(ch: str) -> str | None:
    """Mandarin reading (lower-case toneless pinyin) of one Han character, or ``None``."""
    reading = _CHAR_READINGS.get(ch)
    if reading is None:
        reading = unidecode(ch).strip().lower()
    return reading if reading in PINYIN_SYLLABLES else None


def char_syllables(word: str) -> list[str] | None:
    """The Mandarin reading (lower-case toneless pinyin) of each character of ``word``, as
    in a transcription of a foreign name (no surname readings): ``"索菲"`` -> ``["suo",
    "fei"]``. ``None`` when a character has none.

    >>> char_syllables("普京")
    ['pu', 'jing']
    """
    if not word or len(word) > _MAX_INPUT:
        return None
    out = []
    for ch in word:
        reading = _char_reading(ch) if _is_han_char(ch) else None
        if reading is None:
            return None
        out.append(reading)
    return out


def han_name_to_pinyin(text: str) -> str | None:
    """Romanize a Chinese personal name written in Han characters as press-style pinyin.

    The first character (or a known two-character compound surname such as 欧阳 or 诸葛, when
    a given name follows) is the surname; the remaining characters form the given name, written
    as one word (with an apostrophe before a syllable starting with a, e or o). Both parts are
    capitalised. Spaces and middle dots are removed first. Simplified and traditional characters
    both work. Returns ``None`` if the text is not Han or a character has no reading.

    >>> han_name_to_pinyin("习近平"), han_name_to_pinyin("習近平"), han_name_to_pinyin("金正恩")
    ('Xi Jinping', 'Xi Jinping', "Jin Zheng'en")
    """
    if len(text) > _MAX_INPUT or not is_han(text):
        return None
    chars = [ch for ch in text if ch not in _STRIP_IN_NAMES]
    if not chars or not all(_is_han_char(ch) for ch in chars):
        return None
    head = "".join(chars[:2])
    if len(chars) >= 3 and head in _COMPOUND_SURNAMES:
        surname = list(_COMPOUND_SURNAMES[head])
        rest = chars[2:]
    else:
        first = _SURNAME_READINGS.get(chars[0]) or _char_reading(chars[0])
        if first is None:
            return None
        surname = [first]
        rest = chars[1:]
    given: list[str] = []
    for ch in rest:
        reading = _char_reading(ch)
        if reading is None:
            return None
        given.append(reading)
    words = [_capitalise(_join_pinyin(surname))]
    if given:
        words.append(_capitalise(_join_pinyin(given)))
    return " ".join(words)


# ---------------------------------------------------------------------------------------------
# Pinyin -> Wade-Giles
# ---------------------------------------------------------------------------------------------

_PINYIN_INITIALS: tuple[str, ...] = (
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s",
)  # fmt: skip

_WG_INITIAL: dict[str, str] = {
    "b": "p",
    "p": "p'",
    "m": "m",
    "f": "f",
    "d": "t",
    "t": "t'",
    "n": "n",
    "l": "l",
    "g": "k",
    "k": "k'",
    "h": "h",
    "j": "ch",
    "q": "ch'",
    "x": "hs",
    "zh": "ch",
    "ch": "ch'",
    "sh": "sh",
    "r": "j",
    "z": "ts",
    "c": "ts'",
    "s": "s",
    "": "",
}

#: Whole syllables whose Wade–Giles form does not follow from initial + final.
_WG_WHOLE: dict[str, str] = {
    "zi": "tzu",
    "ci": "tz'u",
    "si": "ssu",
    "zhi": "chih",
    "chi": "ch'ih",
    "shi": "shih",
    "ri": "jih",
    "er": "erh",
    "e": "o",
    "yi": "i",
    "ye": "yeh",
    "yan": "yen",
    "you": "yu",
    "yong": "yung",
    "yu": "yü",
    "yue": "yüeh",
    "yuan": "yüan",
    "yun": "yün",
    "lue": "lüeh",
    "nue": "nüeh",
    "gui": "kuei",
    "kui": "k'uei",
    "guo": "kuo",
    "kuo": "k'uo",
    "huo": "huo",
    "shuo": "shuo",
}

#: Pinyin finals (after an initial) whose Wade–Giles spelling differs.
_WG_FINAL: dict[str, str] = {
    "ong": "ung",
    "iong": "iung",
    "ian": "ien",
    "ie": "ieh",
    "üe": "üeh",
    "uo": "o",
}


def _split_initial(syllable: str) -> tuple[str, str]:
    for initial in _PINYIN_INITIALS:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial, syllable[len(initial) :]
    return "", syllable


def _syllable_to_wg(syllable: str) -> str:
    """Wade–Giles spelling of one pinyin syllable from :data:`PINYIN_SYLLABLES`."""
    whole = _WG_WHOLE.get(syllable)
    if whole is not None:
        return whole
    if syllable[0] in "yw":  # ya yang yao yin ying yo; wa wai wan wang wei wen weng wo wu
        return syllable
    initial, final = _split_initial(syllable)
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]
    if final == "e":
        final = "o" if initial in ("g", "k", "h") else "e"
    else:
        final = _WG_FINAL.get(final, final)
    return _WG_INITIAL[initial] + final


#: Wade–Giles spelling of every pinyin syllable.
_PINYIN_TO_WG: dict[str, str] = {s: _syllable_to_wg(s) for s in sorted(PINYIN_SYLLABLES)}


def _words(name: str) -> list[str]:
    return name.split()


def pinyin_to_wade_giles(name: str) -> str | None:
    """Convert a name in pinyin to Wade–Giles, word by word, or return ``None``.

    Each word is segmented into syllables (see :func:`pinyin_syllables`; tone marks are ignored)
    and each syllable converted; the syllables of a word are joined with hyphens and only the
    first letter is capitalised. Returns ``None`` when a word cannot be segmented.

    >>> pinyin_to_wade_giles("Xi Jinping"), pinyin_to_wade_giles("Mao Zedong")
    ("Hsi Chin-p'ing", 'Mao Tse-tung')
    """
    if len(name) > _MAX_INPUT:
        return None
    out: list[str] = []
    for word in _words(name):
        syllables = pinyin_syllables(word)
        if syllables is None:
            return None
        out.append(_capitalise("-".join(_PINYIN_TO_WG[s] for s in syllables)))
    return " ".join(out) if out else None


# ---------------------------------------------------------------------------------------------
# Wade-Giles -> pinyin
# ---------------------------------------------------------------------------------------------

#: Pinyin syllables that are rare in names: when a Wade–Giles form has several readings they
#: come last (``o`` reads as ``e``, ``lo`` as ``luo``).
_RARE_PINYIN = frozenset({"o", "lo", "yo", "lue", "nue", "me"})


def _plain(text: str) -> str:
    """Remove the umlaut: ``ü`` → ``u``."""
    return text.replace("ü", "u")


def _build_wg_tables() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    exact: dict[str, list[str]] = {}
    for pinyin, wg in _PINYIN_TO_WG.items():
        exact.setdefault(wg, []).append(pinyin)
    extra = {
        "szu": "si",
        "sze": "si",
        "kui": "gui",
        "k'ui": "kui",
        "ke": "ge",
        "k'e": "ke",
        "he": "he",
        "yi": "yi",
    }
    alias: dict[str, list[str]] = {}
    for wg, pinyins in exact.items():
        for pinyin in pinyins:
            alias.setdefault(_plain(wg), []).append(pinyin)
    for wg, pinyin in extra.items():
        alias.setdefault(wg, []).append(pinyin)

    def order(readings: list[str]) -> tuple[str, ...]:
        unique = list(dict.fromkeys(readings))
        return tuple(sorted(unique, key=lambda p: p in _RARE_PINYIN))

    return (
        {k: order(v) for k, v in exact.items()},
        {k: order(v) for k, v in alias.items()},
    )


_WG_EXACT, _WG_ALIAS = _build_wg_tables()
_MAX_WG = max(len(k) for k in (*_WG_EXACT, *_WG_ALIAS))
_WG_ASPIRABLE = ("ch", "ts", "tz", "p", "t", "k")

#: When a Wade–Giles name carries no apostrophe at all, its aspiration marks may have been
#: stripped. For these syllables the aspirated reading is much more frequent in names than the
#: unaspirated one (which is rare as a name character), so it is preferred there
#: (``Chin-ping`` → ``Jinping``, ``Chin-tao`` → ``Jintao``); every other syllable reads
#: unaspirated (``chin`` → ``jin``, ``chung`` → ``zhong``).
_PREFER_IF_STRIPPED: dict[str, str] = {
    "ping": "ping",
    "peng": "peng",
    "pei": "pei",
    "pan": "pan",
    "tao": "tao",
    "tien": "tian",
    "tang": "tang",
    "tieh": "tie",
    "kai": "kai",
    "kun": "kun",
    "chiu": "qiu",
    "tsai": "cai",
    "tsao": "cao",
    "tsui": "cui",
}


def _normalise_wg(text: str) -> str:
    """Lower-case, unify apostrophes, drop diacritics other than the umlaut (ê → e, ŭ → u)."""
    text = text.lower()
    text = "".join("'" if ch in _APOSTROPHES else ch for ch in text)
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0308")
    return unicodedata.normalize("NFC", kept)


def _aspirated(syllable: str) -> str | None:
    if "'" in syllable:
        return None
    for initial in _WG_ASPIRABLE:
        if syllable.startswith(initial) and len(syllable) > len(initial):
            return initial + "'" + syllable[len(initial) :]
    return None


@lru_cache(maxsize=4096)
def _wg_readings(syllable: str, stripped: bool) -> tuple[str, ...]:
    """Pinyin readings of one normalised Wade–Giles syllable, best first.

    The exact reading comes first; a syllable written without an apostrophe may also be an
    aspirated one whose apostrophe was lost (read after it), and one without an umlaut may have
    lost it. With ``stripped`` (the name has no apostrophe anywhere), the preference table for
    names whose apostrophes were dropped applies.
    """
    forms = [syllable]
    asp = _aspirated(syllable)
    if asp is not None:
        forms.append(asp)
    readings: list[str] = []
    for form in forms:
        readings.extend(_WG_EXACT.get(form, ()))
        readings.extend(_WG_ALIAS.get(_plain(form), ()))
    unique = list(dict.fromkeys(readings))
    preferred = _PREFER_IF_STRIPPED.get(syllable) if stripped else None
    if preferred is not None and preferred in unique:
        unique.remove(preferred)
        unique.insert(0, preferred)
    return tuple(unique)


def _wg_word_syllables(word: str) -> list[str] | None:
    """Split a normalised Wade–Giles word into syllables (hyphens first, then by inventory)."""
    out: list[str] = []
    pieces = "".join("-" if ch in _HYPHENS else ch for ch in word).split("-")
    for piece in pieces:
        if not piece:
            continue

        def valid(part: str) -> bool:
            return bool(_wg_readings(part, False))

        found = _segment(piece, valid, _MAX_WG, False)
        if found is None:
            return None
        out.extend(found)
    return out or None


def _wg_word_readings(name: str) -> list[list[tuple[str, ...]]] | None:
    """Per word, the list of per-syllable readings; ``None`` when a word fails."""
    if len(name) > _MAX_INPUT:
        return None
    normalised = _normalise_wg(name)
    stripped = "'" not in normalised
    words: list[list[tuple[str, ...]]] = []
    for word in _words(normalised):
        syllables = _wg_word_syllables(word)
        if syllables is None:
            return None
        words.append([_wg_readings(s, stripped) for s in syllables])
    return words or None


def wade_giles_to_pinyin(name: str) -> str | None:
    """Convert a name in Wade–Giles to pinyin, word by word, or return ``None``.

    Hyphenated syllables are read one by one (an unhyphenated word is segmented). Apostrophes
    mark aspiration; when the name carries none they may have been stripped, and a syllable such
    as ``chin`` is read unaspirated (``jin`` rather than ``qin``) except for a few syllables
    whose aspirated reading is much more frequent in names (``ping``, ``tao``, ``kai`` ...).
    Umlauts may be missing (``Hsueh`` = ``Hsüeh``). Use :func:`wade_giles_candidates` for every
    reading.

    >>> wade_giles_to_pinyin("Hsi Chin-p'ing"), wade_giles_to_pinyin("Mao Tse-tung")
    ('Xi Jinping', 'Mao Zedong')
    """
    words = _wg_word_readings(name)
    if words is None:
        return None
    out: list[str] = []
    for word in words:
        out.append(_capitalise(_join_pinyin([readings[0] for readings in word])))
    return " ".join(out)


_MAX_CANDIDATES = 16


def wade_giles_candidates(name: str) -> frozenset[str]:
    """Every pinyin reading of a Wade–Giles name, aspirated and unaspirated (at most 16).

    A syllable written without an apostrophe may be aspirated or not; one without an umlaut may
    have lost it. The reading given by :func:`wade_giles_to_pinyin` is always included.

    >>> sorted(wade_giles_candidates("Hsi Chin-ping"))
    ['Xi Jinbing', 'Xi Jinping', 'Xi Qinbing', 'Xi Qinping']
    """
    words = _wg_word_readings(name)
    if words is None:
        return frozenset()
    # Best-first over rank vectors (one rank per syllable), so the cap keeps the combinations
    # closest to the preferred reading.
    options = [readings for word in words for readings in word]
    sizes = [len(word) for word in words]
    start = (0,) * len(options)
    heap: list[tuple[int, tuple[int, ...]]] = [(0, start)]
    seen = {start}
    out: set[str] = set()
    while heap and len(out) < _MAX_CANDIDATES:
        total, ranks = heapq.heappop(heap)
        chosen = [opts[r] for opts, r in zip(options, ranks, strict=True)]
        parts: list[str] = []
        pos = 0
        for size in sizes:
            parts.append(_capitalise(_join_pinyin(chosen[pos : pos + size])))
            pos += size
        out.add(" ".join(parts))
        for k, opts in enumerate(options):
            if ranks[k] + 1 < len(opts):
                nxt = (*ranks[:k], ranks[k] + 1, *ranks[k + 1 :])
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (total + 1, nxt))
    return frozenset(out)


def spellings(text: str) -> dict[str, str]:
    """All romanizations of a Chinese name written in Han characters.

    Returns ``{"pinyin": ..., "wade-giles": ...}`` (a key is left out when its conversion
    fails), or ``{}`` when ``text`` is not Han.

    >>> spellings("习近平")
    {'pinyin': 'Xi Jinping', 'wade-giles': "Hsi Chin-p'ing"}
    """
    out: dict[str, str] = {}
    pinyin = han_name_to_pinyin(text)
    if pinyin is None:
        return out
    out["pinyin"] = pinyin
    wade_giles = pinyin_to_wade_giles(pinyin)
    if wade_giles is not None:
        out["wade-giles"] = wade_giles
    return out


# ---------------------------------------------------------------------------------------------
# Sino-Korean readings (Hanja)
# ---------------------------------------------------------------------------------------------


@cache
def _hanja() -> tuple[dict[str, str], dict[str, str]]:
    """Character -> its Hangul reading, and the surnames read otherwise (``hanja.txt``)."""
    raw = (resources.files("canonym.translit") / "hanja.txt").read_text(encoding="utf-8")
    readings: dict[str, str] = {}
    surnames: dict[str, str] = {}
    for line in raw.splitlines():
        if not line or line.startswith("#"):
            continue
        if line.startswith("@surname "):
            _, char, reading = line.split()
            surnames[char] = reading
            continue
        reading, chars = line.split(" ", 1)
        for char in chars:
            readings[char] = reading
    return readings, surnames


@cache
def sino_korean_syllables() -> frozenset[str]:
    """Every Hangul syllable that is the Sino-Korean reading of some character (``hanja.txt``):
    the syllables Korean given names are almost always made of."""
    readings, surnames = _hanja()
    return frozenset(readings.values()) | frozenset(surnames.values())


def korean_reading(text: str) -> str | None:
    """A name of two to four Han characters read as Korean: each character's Sino-Korean
    reading, the first read as a surname (``金`` is 김 as a surname, 금 otherwise); ``None``
    when the text is not such a name or a character has no reading here.

    >>> korean_reading("金正恩"), korean_reading("崔龙海")
    ('김정은', '최룡해')
    """
    chars = [unicodedata.normalize("NFKC", ch) for ch in text if ch not in _STRIP_IN_NAMES]
    if not 2 <= len(chars) <= 4 or not all(len(ch) == 1 and _is_han_char(ch) for ch in chars):
        return None
    readings, surnames = _hanja()
    first = surnames.get(chars[0]) or readings.get(chars[0])
    rest = [readings.get(ch) for ch in chars[1:]]
    if first is None or any(r is None for r in rest):
        return None
    return first + "".join(r for r in rest if r is not None)
