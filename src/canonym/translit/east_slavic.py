"""One East Slavic name in its Russian, Ukrainian and Belarusian forms.

The same person is named Николай Петрович, Микола Петрович or Мікалай Пятровіч, and spelled
Nikolai, Mykola or Mikalai in Latin letters: the forms are cognates, not transliterations of
one another. Two kinds of knowledge are given here, both as plain functions of text:

* :func:`cognates`: the given names of ``east_slavic.toml`` (with their sources), each with
  its forms in the three languages and the patronymics made from them, spelled in Latin under
  every system canonym knows for the language (:func:`latin_forms`);
* :func:`loose_key`: a key under which the regular sound correspondences of the three
  languages' spellings of one surname or patronymic meet: Belarusian akanye (Раманаў /
  Романов), я and е (Пятроў / Петров), дз and ц for soft д and т (Дзяніс / Денис), ў for в
  and л before a consonant (Таўсцянкоў / Толстенков, Мажылоўскі / Можиловский), г as h
  (Алег / Олег), and the endings -аў/-оў/-ов, -скі/-ский, -ская/-скaя.

Nothing here knows about tables or matching.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from attrs import frozen
from unidecode import unidecode

from . import belarusian, cyrillic

__all__ = ["Cognate", "cognates", "latin_forms", "loose_key", "patronymic_stem"]


@frozen
class Cognate:
    """One given name in the three languages, and the patronymics made from it.

    Attributes:
        label: the Russian form, to name the class in explanations (``Николай``).
        sex: ``"m"`` or ``"f"``.
        forms: (language, Cyrillic form) pairs.
        patronymics: (language, sex, Cyrillic form) of the patronymics (male names only).
        checked: where the correspondence was checked (see ``east_slavic.toml``).
    """

    label: str
    sex: str
    forms: tuple[tuple[str, str], ...]
    patronymics: tuple[tuple[str, str, str], ...]
    checked: tuple[str, ...]


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    msg = f"east_slavic.toml: a form must be a string or a list of strings, not {value!r}"
    raise ValueError(msg)


def _male_patronymic(lang: str, name: str) -> str:
    """The male patronymic of a male given name by the language's regular rule."""
    if lang == "ru":
        if name.endswith("ий"):
            return name[:-2] + "ьевич"
        if name.endswith(("ей", "ай", "ь")):
            return name[:-1] + "евич"
        return name + "ович"
    if lang == "uk":
        if name.endswith(("о", "а")):
            return name[:-1] + "ович"
        return name + "ович"
    # Belarusian
    if name.endswith("ый"):
        return name[:-2] + "ыевіч"
    if name.endswith(("ей", "ай", "эй", "ій")):
        return name[:-1] + "евіч"  # Георгій: Георгіевіч
    if name.endswith("ь"):
        return name[:-1] + "евіч"  # Генадзь: Генадзевіч
    if name.endswith("ў"):
        return name[:-1] + "вавіч"  # Вячаслаў: Вячаслававіч
    if name.endswith(("а", "о")):
        return name[:-1] + "авіч"
    return name + "авіч"


def _female_patronymic(lang: str, male: str) -> str:
    """The female patronymic made from a male one."""
    if lang == "ru":
        if male.endswith("ич") and not male.endswith("вич"):
            return male[:-2] + "инична"  # Ильич -> Ильинична
        return male[:-2] + "на"
    if lang == "uk":
        if male.endswith("йович"):
            return male[:-5] + "ївна"
        if male.endswith("ович"):
            return male[:-4] + "івна"
        return male[:-2] + "івна"
    if male.endswith("віч"):
        return male[:-3] + "ўна"
    return male[:-2] + "ічна"


@cache
def cognates() -> tuple[Cognate, ...]:
    """The given names of ``east_slavic.toml``, in file order.

    Raises:
        ValueError: a row of the file is malformed (its number and the fault are named).
    """
    raw = (resources.files("canonym.translit") / "east_slavic.toml").read_text("utf-8")
    out: list[Cognate] = []
    for number, row in enumerate(tomllib.loads(raw).get("given", []), start=1):
        try:
            forms = [(lang, form) for lang in ("ru", "uk", "be") for form in _as_list(row[lang])]
            sex = row["sex"]
            checked = tuple(_as_list(row["checked"]))
        except (KeyError, ValueError) as exc:
            msg = f"east_slavic.toml: given name {number}: {exc}"
            raise ValueError(msg) from None
        if sex not in {"m", "f"}:
            msg = f"east_slavic.toml: given name {number}: sex must be 'm' or 'f', not {sex!r}"
            raise ValueError(msg)
        patronymics: list[tuple[str, str, str]] = []
        if sex == "m":
            given = row.get("patronymic", {})
            for lang, form in forms:
                try:
                    males = _as_list(given[lang]) if lang in given else []
                except ValueError as exc:
                    msg = f"east_slavic.toml: given name {number}: patronymic: {exc}"
                    raise ValueError(msg) from None
                for male in males or [_male_patronymic(lang, form)]:
                    patronymics += [(lang, "m", male), (lang, "f", _female_patronymic(lang, male))]
        out.append(
            Cognate(forms[0][1], sex, tuple(forms), tuple(dict.fromkeys(patronymics)), checked)
        )
    return tuple(out)


def latin_forms(lang: str, cyrillic_form: str) -> frozenset[str]:
    """A Cyrillic form spelled in Latin under every system canonym has for its language,
    folded to lower-case ASCII."""
    if lang == "be":
        spelled = {belarusian.transliterate(cyrillic_form, s) for s in belarusian.SYSTEMS}
    else:
        systems = cyrillic.RUSSIAN_SYSTEMS if lang == "ru" else cyrillic.UKRAINIAN_SYSTEMS
        spelled = {cyrillic.transliterate(cyrillic_form, s, lang) for s in systems}
    return frozenset(re.sub(r"[^a-z]", "", unidecode(s).lower()) for s in spelled)


#: Patronymic endings in Latin spellings of the three languages (-ovich, -evych, -avich,
#: -yovych, -ovna, -ivna, -auna, -ichna...), longest first.
_PATRONYMIC_END = re.compile(
    r"(?:[iy]?[oea]v(?:ich|ych|ic|itch|ici|iç)|[iy]?[oe]vn[ai]|[iy]vn[ai]|[ae][uw]n[ai]"
    r"|[iy]chn[ai]|ich)$"
)
_TRAILING_VOWELS = re.compile(r"[aeiouyj]+$")


def patronymic_stem(word: str) -> str | None:
    """The given-name stem of a Latin patronymic, its trailing vowels off (``nikolaevich`` ->
    ``nikol``, ``mykolaiovych`` -> ``mykol``, ``uladzimiravich`` -> ``uladzimir``); ``None``
    when the word has no patronymic ending."""
    stem, n = _PATRONYMIC_END.subn("", word)
    if not n or len(stem) < 2:
        return None
    return _TRAILING_VOWELS.sub("", stem) or None


def given_stem(form: str) -> str:
    """A Latin given name with its trailing vowels off, as :func:`patronymic_stem` leaves a
    patronymic (``nikolai`` -> ``nikol``, ``mykola`` -> ``mykol``)."""
    return _TRAILING_VOWELS.sub("", form) or form


_LOOSE = (
    (re.compile(r"(?:skaya|skaia|skaja|skaa)$"), "ska"),
    (re.compile(r"(?:skii|skiy|skij|skyi|skyy|skyj|sky|ski)$"), "ski"),
    (re.compile(r"(?:aya|aia|aja)$"), "aa"),
    (re.compile(r"(?<=[aeiou])[uw](?=[^aeiou]|$)"), "v"),  # ў: Раманаў, Таўст-, Мажылоўскі
    (re.compile(r"(?<=[aeiou])l(?=[bcdfgkmnpstvz])"), "v"),  # л before a consonant: Толст-
    (re.compile(r"kh"), "X"),
    (re.compile(r"dzh"), "J"),
    (re.compile(r"zh"), "Z"),
    (re.compile(r"(?:shch|sch)"), "Q"),
    (re.compile(r"sh"), "S"),
    (re.compile(r"ch"), "C"),
    (re.compile(r"dz"), "d"),
    (re.compile(r"ts"), "t"),
    (re.compile(r"h"), "g"),
    (re.compile(r"^u(?=[^aeiou])"), "v"),  # Уладзімір / Владимир
    (re.compile(r"^[yji][ae]"), "e"),  # Яфанаў / Ефанов, Yefanov
    (re.compile(r"[iyj][ae]"), "e"),  # Пятроў / Петров, Дзяніс / Денис
    (re.compile(r"o"), "a"),  # akanye: Раманаў / Романов
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
)


def loose_key(word: str) -> str:
    """A coarse key of one Latin word of an East Slavic name (lower-case ASCII), under which
    the regular correspondences of Russian, Ukrainian and Belarusian spellings meet
    (``ramanau``/``romanov``, ``piatrou``/``petrov``, ``taustsiankou``/``tolstenkov``).

    >>> loose_key("ramanau") == loose_key("romanov"), loose_key("piatrou") == loose_key("petrov")
    (True, True)
    """
    for pattern, replacement in _LOOSE:
        word = pattern.sub(replacement, word)
    return word
