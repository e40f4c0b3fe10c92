"""A seeded generator of synthetic name tables, and of queries against them.

Entities are persons with Korean (KCNA display name; half also list the Hangul name), Russian
(BGN display name; half also list the Cyrillic name), Chinese (pinyin), Arabic and English
names. Each gets a few
aliases; queries are either aliases as tabled ("exact") or variants no table lists: another
romanization system's spelling, the native script, a press form, or a one-letter typo.

``python benchmarks/synth.py --aliases 10000 --out /tmp/synth.jsonl`` writes a table file.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from canonym import name_key
from canonym.translit import cyrillic, hangul

_KO_SURNAMES = [
    "김",
    "이",
    "리",
    "박",
    "최",
    "정",
    "강",
    "조",
    "윤",
    "장",
    "림",
    "한",
    "오",
    "신",
    "서",
    "권",
    "황",
    "안",
    "송",
    "전",
    "홍",
    "유",
    "고",
    "문",
    "양",
    "손",
    "배",
    "백",
    "허",
    "남",
]
_KO_SYLLABLES = list(
    "영용정성철광수민준현석선희은일남혁호진경명금근원주연여태동훈기상우재종순옥미숙향"
    "국권길덕두룡림만무문범복봉삼세송승시신실애옥완운웅윤의인자전제중지찬창춘충치택평하학한해향화환효휘흥"
)
_RU_GIVEN = [
    "Сергей",
    "Андрей",
    "Владимир",
    "Дмитрий",
    "Алексей",
    "Николай",
    "Михаил",
    "Иван",
    "Юрий",
    "Евгений",
    "Александр",
    "Валерий",
    "Игорь",
    "Олег",
    "Павел",
    "Мария",
    "Елена",
    "Татьяна",
    "Ольга",
    "Наталья",
]
_RU_FAMILY = [
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Петров",
    "Волков",
    "Соловьёв",
    "Васильев",
    "Зайцев",
    "Павлов",
    "Семёнов",
    "Голубев",
    "Виноградов",
    "Богданов",
    "Воробьёв",
    "Фёдоров",
    "Михайлов",
    "Беляев",
    "Тарасов",
    "Белов",
    "Комаров",
    "Орлов",
    "Киселёв",
    "Макаров",
    "Андреев",
    "Ковалёв",
    "Ильин",
    "Гусев",
    "Титов",
    "Кузьмин",
    "Кудрявцев",
    "Баранов",
    "Куликов",
    "Алексеев",
    "Степанов",
    "Яковлев",
    "Сорокин",
    "Сергеев",
    "Романов",
    "Захаров",
    "Борисов",
    "Королёв",
    "Герасимов",
    "Пономарёв",
    "Григорьев",
    "Шойгу",
    "Белоусов",
    "Лавров",
]
_RU_STEMS = [
    "Бел",
    "Чер",
    "Сол",
    "Вол",
    "Мор",
    "Гор",
    "Лес",
    "Бор",
    "Кам",
    "Пес",
    "Сав",
    "Тих",
    "Ром",
    "Ник",
    "Вас",
    "Жук",
    "Зуб",
    "Кур",
    "Лук",
    "Мед",
    "Ряб",
    "Сер",
    "Тар",
    "Фом",
    "Хох",
    "Шуб",
    "Щег",
    "Юд",
    "Яр",
    "Дем",
]
_RU_MIDDLES = ["", "ан", "ен", "ов", "ин", "уш", "ыш", "ат", "ет", "ич"]
# Patronymics for the male given names (one in two Russian persons gets one).
_RU_PATRONYMICS = [
    "Сергеевич",
    "Андреевич",
    "Владимирович",
    "Дмитриевич",
    "Алексеевич",
    "Николаевич",
    "Михайлович",
    "Иванович",
    "Юрьевич",
    "Евгеньевич",
    "Александрович",
    "Валерьевич",
    "Игоревич",
    "Олегович",
    "Павлович",
    "Петрович",
    "Викторович",
    "Анатольевич",
    "Борисович",
    "Геннадьевич",
]
_RU_FEMALE_PATRONYMICS = [p.removesuffix("ич") + "на" for p in _RU_PATRONYMICS]
_RU_ENDINGS = ["ов", "ев", "ин", "ский", "цкий"]
_ZH_FAMILY = [
    "Li",
    "Wang",
    "Zhang",
    "Liu",
    "Chen",
    "Yang",
    "Zhao",
    "Huang",
    "Zhou",
    "Wu",
    "Xu",
    "Sun",
    "Hu",
    "Zhu",
    "Gao",
    "Lin",
    "He",
    "Guo",
    "Ma",
    "Luo",
]
_ZH_SYLLABLES = [
    "jin",
    "ping",
    "hong",
    "zhong",
    "qiang",
    "wei",
    "ming",
    "hua",
    "jun",
    "guo",
    "xiao",
    "lin",
    "yong",
    "jie",
    "tao",
    "hai",
    "dong",
    "feng",
    "yi",
    "jian",
    "bo",
    "chao",
    "cheng",
    "fang",
    "gang",
    "hui",
    "kai",
    "lei",
    "li",
    "long",
    "mei",
    "ning",
    "peng",
    "qing",
    "rong",
    "shan",
    "sheng",
    "tian",
    "xin",
    "xue",
    "yan",
    "yu",
    "yun",
    "zhi",
]
_AR_GIVEN = [
    ["Mohammed", "Muhammad", "Mohamed"],
    ["Ahmed", "Ahmad"],
    ["Abdul", "Abd al"],
    ["Hussein", "Hussain", "Husayn"],
    ["Omar", "Umar"],
    ["Yusuf", "Youssef"],
    ["Khaled", "Khalid"],
    ["Ali"],
    ["Hassan", "Hasan"],
    ["Ibrahim", "Ebrahim"],
]
_AR_FAMILY = [
    ["al-Rashid", "el-Rashid"],
    ["al-Hakim", "el-Hakim"],
    ["Haddad"],
    ["al-Masri", "el-Masry"],
    ["Nasser", "Nasir"],
    ["Mansour", "Mansur"],
    ["al-Tamimi"],
    ["Karimi"],
    ["Saleh", "Salih"],
    ["Qureshi", "Kureishi"],
]
_EN_GIVEN = [
    "John",
    "Mary",
    "James",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Susan",
    "Richard",
    "Jessica",
    "Thomas",
    "Sarah",
]
_EN_FAMILY = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
]


# English family names built from a stem and an ending (Ashford, Brookman, ...).
_EN_STEMS = [
    "Ash", "Brook", "Clay", "Dun", "Elm", "Fair", "Gold", "Hart", "Holt", "Kings", "Lang",
    "Mill", "North", "Oak", "Pen", "Ray", "Stan", "Thorn", "Wake", "West", "White", "Wood",
    "Black", "Brad", "Carl", "Ed", "Fen", "Glen", "Ham", "Lock",
]  # fmt: skip
_EN_ENDINGS = ["ford", "man", "ton", "ley", "wood", "field", "well", "by", "more", "worth"]
_INITIALS = "ABCDEFGHJKLMNPRSTW"
# Arabic family names built as nisbas: al-<stem>i
_AR_STEMS = [
    "Baghdad", "Basr", "Dimashq", "Hashim", "Husayn", "Jabir", "Khalil", "Mahmud", "Najaf",
    "Qahtan", "Rahman", "Sabir", "Shams", "Tikrit", "Yaman", "Zubayr", "Halab", "Kuf",
    "Mosul", "Nabhan", "Anbar", "Harir", "Jazair", "Makk",
]  # fmt: skip


def _typo(rng: random.Random, text: str) -> str:
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 4:
        return text
    i = rng.choice(letters[1:-1])
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :] if i + 1 < len(text) else text


# Korean and Russian persons whose native-script name the table lists; for the others, a
# query in Hangul or Cyrillic must be transliterated to meet the romanized names.
_NATIVE_SHARE = 0.5


def _person(rng: random.Random, n: int) -> tuple[dict[str, object], list[str]]:
    """One entity in the table format, and variant spellings of it that it does not list."""
    kind = rng.choices(["ko", "ru", "zh", "ar", "en"], weights=[35, 25, 15, 10, 15])[0]
    entity: dict[str, object] = {"id": f"x.p{n}", "kind": "person"}
    variants: list[str] = []
    if kind == "ko":
        native = rng.choice(_KO_SURNAMES) + "".join(
            rng.choices(_KO_SYLLABLES, k=rng.choice([2, 2, 3]))
        )
        names = hangul.romanize_name(native)
        entity.update(
            name=names["kcna"],
            native=[native] if rng.random() < _NATIVE_SHARE else [],
            country="kp",
            family_name=names["kcna"].split()[0],
            aliases=[names["kcna-hyphen"]],
        )
        press = [s for s, sys_ in hangul.spellings(native).items() if sys_ == "press"]
        variants = [names["rr-hyphen"], names["mr-plain"], native, *press[:2]]
    elif kind == "ru":
        family = (
            rng.choice(_RU_FAMILY)
            if rng.random() < 0.3
            else (rng.choice(_RU_STEMS) + rng.choice(_RU_MIDDLES) + rng.choice(_RU_ENDINGS))
        )
        given = rng.choice(_RU_GIVEN)
        if rng.random() < 0.5:
            female = _RU_GIVEN.index(given) >= 15
            given += " " + rng.choice(_RU_FEMALE_PATRONYMICS if female else _RU_PATRONYMICS)
        native = f"{given} {family}"
        systems = cyrillic.transliterations(native, "ru")
        entity.update(
            name=systems["bgn"],
            native=[native] if rng.random() < _NATIVE_SHARE else [],
            country="ru",
            family_name=systems["bgn"].split()[-1],
            aliases=[systems["press"]],
        )
        variants = [systems["icao"], systems["iso9"], native, _typo(rng, systems["bgn"])]
    elif kind == "zh":
        name = f"{rng.choice(_ZH_FAMILY)} {''.join(rng.choices(_ZH_SYLLABLES, k=2)).capitalize()}"
        entity.update(name=name, country="cn", family_name=name.split()[0])
        variants = [name.upper(), _typo(rng, name)]
    elif kind == "ar":
        given, family = rng.choice(_AR_GIVEN), rng.choice(_AR_FAMILY)
        if rng.random() < 0.6:
            family = [f"al-{rng.choice(_AR_STEMS)}i"]
        father = f"bin {rng.choice(_AR_GIVEN)[0]} " if rng.random() < 0.7 else ""
        entity.update(
            name=f"{given[0]} {father}{family[0]}",
            family_name=family[0],
            aliases=[f"{given[-1]} {father}{family[0]}"],
        )
        variants = [
            *[f"{g} {father}{f}" for g in given for f in family][1:4],
            _typo(rng, f"{given[0]} {father}{family[0]}"),
        ]
    else:
        family = (
            rng.choice(_EN_FAMILY)
            if rng.random() < 0.2
            else rng.choice(_EN_STEMS) + rng.choice(_EN_ENDINGS)
        )
        middle = f"{rng.choice(_INITIALS)}. " if rng.random() < 0.7 else ""
        name = f"{rng.choice(_EN_GIVEN)} {middle}{family}"
        entity.update(name=name, family_name=name.split()[-1])
        variants = [_typo(rng, name), name.upper()]
    listed = [*entity.get("aliases", []), *entity.get("native", [])]  # type: ignore[misc]
    tabled = {str(entity["name"]), *(str(a) for a in listed)}
    return entity, [v for v in variants if v not in tabled]


def generate(aliases: int, seed: int = 7) -> tuple[list[dict[str, object]], list[tuple[str, str]]]:
    """Entities totalling about ``aliases`` spellings, and (variant, entity id) queries."""
    rng = random.Random(seed)
    entities: list[dict[str, object]] = []
    queries: list[tuple[str, str]] = []
    taken: set[str] = set()
    count = 0
    misses = 0
    while count < aliases and misses < 10_000:
        entity, variants = _person(rng, len(entities))
        spellings = [str(entity["name"]), *entity.get("aliases", []), *entity.get("native", [])]  # type: ignore[misc]
        keys = {name_key(str(x)) for x in spellings}
        if keys & taken:
            # a homonym of an earlier entity: real, but not what this measures; a pool that
            # runs dry stops the generator after 10,000 misses in a row
            misses += 1
            continue
        misses = 0
        taken |= keys
        entities.append(entity)
        count += 1 + len(entity.get("aliases", [])) + len(entity.get("native", []))  # type: ignore[arg-type]
        queries.extend((v, str(entity["id"])) for v in variants)
    return entities, queries


def write_jsonl(entities: list[dict[str, object]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write('{"schema": 1}\n')
        for entity in entities:
            f.write(json.dumps(entity, ensure_ascii=False) + "\n")


def iter_aliases(entities: list[dict[str, object]]) -> Iterator[tuple[str, str]]:
    for e in entities:
        yield str(e["name"]), str(e["id"])
        for a in [*e.get("aliases", []), *e.get("native", [])]:  # type: ignore[misc]
            yield str(a), str(e["id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aliases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    entities, queries = generate(args.aliases, args.seed)
    write_jsonl(entities, args.out)
    print(
        f"{len(entities)} entities, {sum(1 for _ in iter_aliases(entities))} spellings, "
        f"{len(queries)} variant queries -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
