"""canonym.spacy: the pipeline component on spacy.blank("en") and the displaCy data."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy")

import canonym  # noqa: E402
import canonym.spacy as cs  # noqa: E402

NAMES = [
    "Choe Ryong Hae",
    "최룡해",
    "Андрей Белоусов",
    "Kim",
    "Foreign Minister Choe Son Hui",
    "Vladimir Putin",
    "Reuters",
    "nobody special",
    "Defence Minister",
]
FILLER = ["met", "said", "in Pyongyang", "and", "yesterday", "."]


@pytest.fixture(scope="module")
def nlp() -> object:
    pipeline = spacy.blank("en")
    pipeline.add_pipe("canonym")
    return pipeline


def test_the_module_example_runs() -> None:
    assert doctest.testmod(cs, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def test_mentions_become_entities_with_kb_ids(nlp: object) -> None:
    doc = nlp("North Korean Defense Minister No Gwansuk met Kim and Андрей Белоусов. Putin spoke.")  # type: ignore[operator]
    got = [(e.text, e.label_, e.kb_id_, e._.canonym.status) for e in doc.ents]
    assert got == [
        ("North Korean Defense Minister", "TITLE", "kp.defmin", canonym.Status.MATCHED),
        ("No Gwansuk", "PERSON", "kp.no-kwang-chol", canonym.Status.MATCHED),
        ("Kim", "PERSON", "", canonym.Status.AMBIGUOUS),  # an entity, not linked
        ("Андрей Белоусов", "PERSON", "ru.andrei-belousov", canonym.Status.MATCHED),
        ("Putin", "PERSON", "ru.vladimir-putin", canonym.Status.MATCHED),
    ]
    assert isinstance(doc._.canonym, canonym.Document)
    assert doc.ents[1]._.canonym.title_id == "kp.defmin"


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(NAMES + FILLER), min_size=1, max_size=12))
def test_entities_are_what_link_finds(nlp: object, words: list[str]) -> None:
    """On text whose mentions fall on token boundaries, the entities are link()'s mentions."""
    text = " ".join(words)
    doc = nlp(text)  # type: ignore[operator]
    mentions = canonym.link(text).mentions
    spans = {(m.start, m.end, m.id or "", cs.LABELS[m.kind]) for m in mentions}
    ents = {(e.start_char, e.end_char, e.kb_id_, e.label_) for e in doc.ents}
    assert ents <= spans
    # a mention is left out only when widening to tokens made it overlap another
    for m in mentions:
        if (m.start, m.end, m.id or "", cs.LABELS[m.kind]) not in ents:
            assert any(e.start_char < m.end and m.start < e.end_char for e in doc.ents)


def test_existing_entities_are_kept_and_linked_when_they_coincide() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": "Vladimir Putin"},
            {"label": "GPE", "pattern": [{"LOWER": "choe"}, {"LOWER": "ryong"}]},
        ]
    )
    nlp.add_pipe("canonym")
    doc = nlp("Vladimir Putin met Choe Ryong Hae and Kim Jong Un.")
    got = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert got == [
        ("Vladimir Putin", "PER", "ru.vladimir-putin"),  # the ruler's label, canonym's id
        ("Choe Ryong", "GPE", ""),  # overlaps canonym's mention: kept as it was
        ("Kim Jong Un", "PERSON", "kp.kim-jong-un"),
    ]


def test_overwrite_ents_replaces_overlapping_entities() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": [{"LOWER": "choe"}, {"LOWER": "ryong"}]}])  # type: ignore[attr-defined]
    nlp.add_pipe("canonym", config={"overwrite_ents": True})
    doc = nlp("Choe Ryong Hae spoke.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Choe Ryong Hae", "kp.choe-ryong-hae")]


def test_matched_only_and_dates() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("canonym", config={"matched_only": True, "on": "2023-05-01"})
    doc = nlp("Kim met the Russian Defense Minister.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Russian Defense Minister", "ru.defmin")]


def test_tables_and_saved_resolvers_from_the_config(tmp_path: Path) -> None:
    table = tmp_path / "people.csv"
    table.write_text("id,name\nQ1,Choe Ryong-hae\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("canonym", config={"tables": [str(table)], "defaults": False})
    assert [e.kb_id_ for e in nlp("최룡해 and Kim Jong Un").ents] == ["Q1", ""]  # not tabled

    saved = tmp_path / "people.canonym"
    canonym.Resolver.load(table, defaults=False).save(saved)
    other = spacy.blank("en")
    other.add_pipe("canonym", config={"index": str(saved)})
    assert [e.kb_id_ for e in other("Чхве Рён Хэ spoke").ents] == ["Q1"]

    with pytest.raises(ValueError, match="not both"):
        spacy.blank("en").add_pipe("canonym", config={"index": str(saved), "tables": [str(table)]})
    with pytest.raises(canonym.TableError, match=r"missing\.csv"):
        spacy.blank("en").add_pipe("canonym", config={"tables": [str(tmp_path / "missing.csv")]})


def test_displacy_data_renders_with_ids_and_wikidata_links(nlp: object) -> None:
    doc = nlp("Vladimir Putin met Kim.")  # type: ignore[operator]
    data = cs.displacy_data(doc, title="t")
    assert data["ents"][0] == {
        "start": 0,
        "end": 14,
        "label": "PERSON",
        "kb_id": "ru.vladimir-putin",
        "kb_url": "https://www.wikidata.org/wiki/Q7747",
    }
    assert data["ents"][1] == {"start": 19, "end": 22, "label": "PERSON"}  # not linked
    html = spacy.displacy.render(data, style="ent", manual=True, page=False)
    assert "ru.vladimir-putin" in html
    assert "Q7747" in html


def test_without_spacy_the_import_error_says_which_extra() -> None:
    code = (
        "import sys; sys.modules['spacy'] = None\n"
        "try:\n    import canonym.spacy\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'canonym[spacy]'" in out.stdout
