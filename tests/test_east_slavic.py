"""East Slavic name knowledge: Belarusian transliteration, the cognate table of given names
and patronymics, and the loose key of surnames (canonym.translit.belarusian, .east_slavic)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import canonym
from canonym.matching import compare
from canonym.names import cognate_tags, parse_name
from canonym.translit import belarusian, east_slavic
from strategies import any_text

# ---------------------------------------------------------------------------------------------
# Belarusian transliteration


@pytest.mark.parametrize(
    ("cyrillic", "system", "latin"),
    [
        ("Аляксандр Лукашэнка", "passport", "Aliaksandr Lukashenka"),
        ("Святлана Ціханоўская", "passport", "Sviatlana Tsikhanouskaya"),
        ("Сяргей", "passport", "Siarhei"),
        ("Яўген", "passport", "Yauhen"),
        ("Уладзімір", "national", "Uladzimir"),
        ("Яўген", "national", "Jaŭhien"),
        ("Святлана Ціханоўская", "national", "Sviatlana Cichanoŭskaja"),
        ("Гомель", "bgn", "Homyel"),  # BGN/PCGN's own example (ь dropped here)
        ("Брагін", "bgn", "Brahin"),
        ("Віцебск", "bgn", "Vitsyebsk"),
        ("ЖУК", "passport", "ZHUK"),
    ],
)
def test_belarusian_systems(cyrillic: str, system: str, latin: str) -> None:
    assert belarusian.transliterate(cyrillic, system) == latin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Аляксандр Лукашэнка", True),  # э after a consonant
        ("Уладзімір", True),  # і and no и
        ("Яўген", True),  # ў
        ("Володимир Зеленський", False),  # Ukrainian: и beside і
        ("Сергей Лавров", False),
        ("Андрей Рэмович Белоусов", False),  # э after a consonant, but и: Russian
    ],
)
def test_belarusian_is_told_from_russian_and_ukrainian(text: str, expected: bool) -> None:
    assert belarusian.is_belarusian(text) is expected


def test_an_unknown_belarusian_system_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown Belarusian system"):
        belarusian.transliterate("Мінск", "iso9")


@given(any_text, st.sampled_from(belarusian.SYSTEMS))
def test_belarusian_transliteration_never_raises_and_leaves_no_belarusian_letter(
    text: str, system: str
) -> None:
    out = belarusian.transliterate(text, system)
    assert not any(ch in out.casefold() for ch in "аеёіоуыэюяўжхцчш")


# ---------------------------------------------------------------------------------------------
# The table of given names


def test_every_row_names_three_languages_and_its_sources() -> None:
    rows = east_slavic.cognates()
    assert len(rows) >= 50
    for row in rows:
        assert {lang for lang, _ in row.forms} == {"ru", "uk", "be"}, row.label
        assert row.checked, row.label
        assert set(row.checked) <= {
            "ru-uk",
            "be",
            "wiki-names",
            "esum",
            "people",
            "dictionary",
            "name-sites",
        }, row.label
        if row.sex == "m":
            assert {sex for _, sex, _ in row.patronymics} == {"m", "f"}, row.label


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mykola", "Nikolai"),
        ("Mikalai", "Nikolay"),
        ("Uladzimir", "Vladimir"),
        ("Volodymyr", "Vladimir"),
        ("Dzmitry", "Dmitriy"),
        ("Dmytro", "Dmitry"),
        ("Yauhen", "Yevgeniy"),
        ("Katsiaryna", "Yekaterina"),
        ("Aleh", "Oleg"),
    ],
)
def test_forms_of_one_given_name_share_a_tag(a: str, b: str) -> None:
    assert cognate_tags(a.lower()) & cognate_tags(b.lower())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mikalaevich", "nikolaevich"),
        ("mykolaiovych", "nikolaevich"),
        ("uladzimiravich", "vladimirovich"),
        ("volodymyrovych", "vladimirovich"),
        ("volodymyrivna", "vladimirovna"),
        ("dmytrovych", "dmitrievich"),
    ],
)
def test_patronymics_of_one_name_share_a_tag(a: str, b: str) -> None:
    assert cognate_tags(a, True) & cognate_tags(b, True)


def test_a_patronymic_keeps_its_sex() -> None:
    male = {t for t in cognate_tags("vladimirovich", True) if t.startswith("p")}
    female = {t for t in cognate_tags("vladimirovna", True) if t.startswith("p")}
    assert male
    assert female
    assert not male & female


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mykola", "Mikhail"),
        ("Oleg", "Olga"),
        ("Ivan", "Ivanna"),
        ("Aleksandr", "Aleksandra"),
        ("Vladimir", "Vadim"),
    ],
)
def test_different_names_share_no_given_name_tag(a: str, b: str) -> None:
    given_a = {t for t in cognate_tags(a.lower()) if t.startswith("g")}
    given_b = {t for t in cognate_tags(b.lower()) if t.startswith("g")}
    assert not given_a & given_b


def test_no_two_rows_share_a_latin_form() -> None:
    # a Latin spelling that two rows made would make two names one
    owners: dict[str, set[str]] = {}
    for row in east_slavic.cognates():
        for lang, form in row.forms:
            for latin in east_slavic.latin_forms(lang, form):
                owners.setdefault(latin, set()).add(row.label)
    shared = {latin: labels for latin, labels in owners.items() if len(labels) > 1}
    assert not shared


# ---------------------------------------------------------------------------------------------
# The loose key


@pytest.mark.parametrize(
    ("belarusian_form", "russian_form"),
    [
        ("ramanau", "romanov"),
        ("piatrou", "petrov"),
        ("yafanau", "efanov"),
        ("taustsiankou", "tolstenkov"),
        ("mazhylouski", "mozhilovsky"),
        ("baturytskaia", "baturitskaya"),
        ("lukashenka", "lukashenko"),
        ("tsikhanouskaya", "tikhanovskaya"),
    ],
)
def test_the_loose_key_joins_belarusian_and_russian_surnames(
    belarusian_form: str, russian_form: str
) -> None:
    assert east_slavic.loose_key(belarusian_form) == east_slavic.loose_key(russian_form)


@pytest.mark.parametrize(
    ("a", "b"), [("petrov", "popov"), ("ivanov", "ivanova"), ("orlov", "volkov")]
)
def test_the_loose_key_keeps_other_surnames_apart(a: str, b: str) -> None:
    assert east_slavic.loose_key(a) != east_slavic.loose_key(b)


_WORDS = st.text(alphabet="abdeghiklmnoprstuvyz", min_size=1, max_size=12)


@given(_WORDS)
def test_the_loose_key_is_never_longer_than_the_word(word: str) -> None:
    assert 0 < len(east_slavic.loose_key(word)) <= len(word)


@given(_WORDS, _WORDS)
def test_sharing_a_tag_is_symmetric(a: str, b: str) -> None:
    assert bool(cognate_tags(a) & cognate_tags(b)) == bool(cognate_tags(b) & cognate_tags(a))


# ---------------------------------------------------------------------------------------------
# In the engine


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Vitali Mikalaevich YAFANAU", "Vitaly Nikolaevich EFANOV"),
        ("Aleh Uladzimiravich PIATROU", "Oleg Vladimirovich PETROV"),
        ("Mykola Patrushev", "Nikolai Patrushev"),
        ("Аляксандр Рыгоравіч Лукашэнка", "Aleksandr Grigoryevich Lukashenko"),
    ],
)
def test_a_name_in_one_language_reaches_its_form_in_another(query: str, entry: str) -> None:
    found = compare(parse_name(query), parse_name(entry))
    assert found is not None
    assert found.score >= 0.8, found.describe()
    assert "East Slavic" in found.describe() or "given name" in found.describe()


def test_the_evidence_names_the_equivalence() -> None:
    r = canonym.Resolver(
        canonym.Tables.from_entities(
            [
                canonym.Entity(
                    id="P1",
                    kind=canonym.Kind.PERSON,
                    name="Nikolai Platonovich Patrushev",
                    aliases=[canonym.Alias(text="Nikolai Platonovich Patrushev", script="Latn")],
                )
            ]
        )
    )
    found = r.resolve("Mykola Platonovych Patrushev")
    assert found.status is canonym.Status.MATCHED, found.explain()
    assert "forms of the given name Николай" in found.explain()


def test_no_equivalence_turns_one_shipped_person_into_another() -> None:
    # two tabled persons whose names differ may not become one through the knowledge: no
    # pair of shipped persons' Latin spellings compares above the ambiguity floor by it
    tables = canonym.default_tables()
    people = [
        (e.id, parse_name(a.text))
        for e in tables.of_kind(canonym.Kind.PERSON)
        for a in e.aliases
        if a.text.isascii() and len(a.text.split()) >= 2
    ]
    for (id_a, a), (id_b, b) in itertools.combinations(people, 2):
        if id_a == id_b:
            continue
        found = compare(a, b)
        if found is None:
            continue
        said = found.describe()
        if "East Slavic" not in said and "given name" not in said and "patronymic" not in said:
            continue
        assert found.score < 0.7, (a.original, b.original, found.describe())


# ---------------------------------------------------------------------------------------------
# Baltic nominative endings


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Vladimiras Putinas", "Vladimir Putin"),
        ("Sergejus Lavrovas", "Sergey Lavrov"),
        ("Marks Blats", "Mark Blatt"),
    ],
)
def test_a_baltic_ending_is_no_other_name(query: str, entry: str) -> None:
    found = compare(parse_name(query), parse_name(entry))
    assert found is not None
    assert found.score >= 0.85, found.describe()
    assert "Baltic" in found.describe()


@pytest.mark.parametrize(("query", "entry"), [("Ivas Lis", "Iva Li"), ("Kimas", "Kim")])
def test_short_words_keep_their_ending(query: str, entry: str) -> None:
    found = compare(parse_name(query), parse_name(entry))
    assert found is None or "Baltic" not in found.describe()


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Ю. Ушаков", "Yuri Ushakov"),
        ("Ю.В. Ушаков", "Iurii Viktorovich Ushakov"),
        ("Yu. V. Ushakov", "Yuri Viktorovich Ushakov"),
        ("С. К. Шойгу", "Sergei Kuzhugetovich Shoigu"),
    ],
)
def test_a_cyrillic_initial_is_an_initial_whatever_its_latin_letters(
    query: str, entry: str
) -> None:
    found = compare(parse_name(query), parse_name(entry))
    assert found is not None
    assert found.score >= 0.8, found.describe()
    assert "initial" in found.describe()


def test_a_digraph_without_a_dot_is_a_word() -> None:
    # Yu is a name (a Korean or Chinese surname), not an initial, unless a dot follows it
    parts = parse_name("Yu Myong Hwan").readings[-1].parts
    assert parts[0].role is not canonym.names.Role.INITIAL


@pytest.mark.parametrize(
    ("given", "male", "female"),
    [
        ("Вячаслаў", "Вячаслававіч", "Вячаславаўна"),
        ("Генадзь", "Генадзевіч", "Генадзеўна"),
        ("Васіль", "Васілевіч", "Васілеўна"),
        ("Георгій", "Георгіевіч", "Георгіеўна"),
        ("Аляксандр", "Аляксандравіч", "Аляксандраўна"),
    ],
)
def test_belarusian_patronymics_follow_the_stems_last_sound(
    given: str, male: str, female: str
) -> None:
    from canonym.translit import east_slavic

    made = east_slavic._male_patronymic("be", given)
    assert made == male
    assert east_slavic._female_patronymic("be", made) == female
