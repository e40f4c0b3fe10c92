"""One conformance test for every registered script (canonym.translit.scripts.SCRIPTS): its
spellings have one shape, and each of them reaches the name it spells through the engine."""

from __future__ import annotations

import pytest

import canonym
from canonym.matching import compare
from canonym.names import parse_name
from canonym.translit.scripts import SCRIPTS, Script, Spelling, script_for

#: Names as each script writes them: people of the news and the dev lists' kinds of name.
SAMPLES: dict[str, list[str]] = {
    "Hang": ["최룡해", "최선희", "김정은", "노광철", "리선권", "박정천"],
    "Cyrl": [
        "Андрей Белоусов",
        "Сергей Лавров",
        "Володимир Зеленський",
        "Чхве Рён Хэ",
        "Си Цзиньпин",  # Palladius
        "Сі Цзіньпін",  # its Ukrainian variant
    ],
    "Hani": ["习近平", "王毅", "李鸿忠", "崔龙海"],
    "Grek": ["Βλαντίμιρ Πούτιν", "Αντρέι Μπελούσοφ"],
    "Arab": ["محمد", "حسن روحانی", "بشار الأسد"],
}


@pytest.mark.parametrize("code", sorted({s.code for s in SCRIPTS.values()}))
def test_every_script_has_samples(code: str) -> None:
    assert SAMPLES.get(code), f"add sample names for {code}"


@pytest.mark.parametrize(
    ("code", "name"), [(code, name) for code, names in SAMPLES.items() for name in names]
)
def test_a_script_gives_latin_spellings_tagged_with_their_system(code: str, name: str) -> None:
    script: Script | None = script_for(code)
    assert script is not None
    assert canonym.detect_script(name) == code
    assert script.detects(name)
    spellings = script.spellings(name)
    assert spellings, name
    for spelling in spellings:
        assert isinstance(spelling, Spelling)
        assert spelling.system
        assert canonym.detect_script(spelling.text) == "Latn", spelling
    assert len({s.text for s in spellings}) == len(spellings)  # one entry per spelling


@pytest.mark.parametrize(
    ("code", "name"), [(code, name) for code, names in SAMPLES.items() for name in names]
)
def test_every_spelling_reaches_the_name_it_spells(code: str, name: str) -> None:
    script = script_for(code)
    assert script is not None
    native = parse_name(name)
    for spelling in script.spellings(name):
        found = compare(parse_name(spelling.text), native)
        assert found is not None, spelling
        assert found.score >= 0.8, (spelling, found.describe())


@pytest.mark.parametrize("text", ["Kim Jong Un", "", "123", "Choe Ryong-hae"])
def test_scripts_do_not_claim_latin_text(text: str) -> None:
    assert not any(s.detects(text) for s in SCRIPTS.values())
