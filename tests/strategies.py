"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

import canonym

#: Any text, including control characters, lone surrogates, marks and every script.
any_text = st.text(alphabet=st.characters(codec=None), max_size=60)

#: Text made only of Latin letters (with diacritics), spaces, hyphens and apostrophes.
latin_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x41, max_codepoint=0x7A, categories=["Lu", "Ll"]),
        st.characters(min_codepoint=0xC0, max_codepoint=0x24F, categories=["Lu", "Ll"]),
        st.sampled_from(" -'’,."),
    ),
    max_size=40,
)

#: Hangul syllables.
hangul = st.text(
    alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=4
)

_APOSTROPHES = ["'", "’", "‘", "ʼ"]


@st.composite
def formatting_variant(draw: st.DrawFn, text: str, entity: canonym.Entity) -> str:
    """A spelling of ``text`` that differs only in formatting: case, hyphens and spaces,
    apostrophe shapes, a possessive, a leading honorific, or a ``Family, Given`` order."""
    out = text
    if draw(st.booleans()):
        out = draw(st.sampled_from([out.upper(), out.lower(), out.title(), out.swapcase()]))
    hyphen = draw(st.sampled_from(["-", " ", "", "\u2010"]))  # Jong-un, Jong un, Jongun
    out = out.replace("-", hyphen)
    space = draw(st.sampled_from([" ", "-", "  ", "\u00a0", "\t"]))  # Kim-Jong-Un, Kim  Jong
    out = space.join(out.split(" "))
    apostrophe = draw(st.sampled_from(_APOSTROPHES))
    out = out.replace("'", apostrophe)
    if draw(st.booleans()):
        out = out + apostrophe + "s"
    family = entity.family_name
    if (
        entity.kind is canonym.Kind.PERSON
        and family
        and draw(st.booleans())
        and canonym.name_key(out).startswith(canonym.name_key(family))
        and space == " "
        and out.lower().startswith(family.lower() + " ")
    ):
        out = f"{out[: len(family)]}, {out[len(family) + 1 :]}"
    if draw(st.booleans()):
        out = draw(st.sampled_from(["Comrade ", "Mr ", "the late ", "then-"])) + out
    return out


def is_shared(entity: canonym.Entity, text: str) -> bool:
    """True when ``entity`` marks some spelling with the same key as ``text`` as shared."""
    key = canonym.name_key(text)
    return any(a.shared and canonym.name_key(a.text) == key for a in entity.aliases)


def resolver_from_toml(folder: object, entities: str) -> canonym.Resolver:
    """A resolver over a table file, written in ``folder``, of the ``[[entity]]`` blocks in
    ``entities`` (no shipped tables)."""
    table = Path(str(folder)) / "people.toml"
    table.write_text("schema = 1\n" + entities, encoding="utf-8")
    return canonym.Resolver(canonym.load_tables(table, defaults=False))


def users_resolver(*names: str) -> canonym.Resolver:
    """A user's table: one spelling per person (ids ``P0``, ``P1``...), nothing else."""
    return canonym.Resolver(
        canonym.Tables.from_entities(
            canonym.Entity(
                id=f"P{i}",
                kind=canonym.Kind.PERSON,
                name=n,
                aliases=[canonym.Alias(text=n, script=canonym.detect_script(n))],
            )
            for i, n in enumerate(names)
        )
    )


def assert_finds(found: canonym.Resolution, name: str) -> None:
    """The query is MATCHED to the person tabled as ``name``."""
    assert found.status is canonym.Status.MATCHED, found.explain()
    assert found.entity is not None
    assert found.entity.name == name
