"""A spaCy pipeline component: canonym's mentions as ``doc.ents``, with ``ent.kb_id_`` set.

This module is an optional extra (``pip install 'canonym[spacy]'``); ``import canonym`` never
imports it, nor spaCy. Importing it registers the factory ``"canonym"``:

```pycon
>>> import spacy
>>> import canonym.spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("canonym")
>>> doc = nlp("Foreign Minister Choe Son Hui met Sergei Lavrov.")
>>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]  # doctest: +NORMALIZE_WHITESPACE
[('Foreign Minister', 'TITLE', 'kp.fm'), ('Choe Son Hui', 'PERSON', 'kp.choe-son-hui'),
 ('Sergei Lavrov', 'PERSON', 'ru.sergei-lavrov')]

```

What the component does with a ``Doc``: it links ``doc.text`` with a canonym resolver
(:func:`canonym.link`) and makes each mention a
span: label ``PERSON``, ``TITLE`` or ``ORG`` (:data:`LABELS`), ``kb_id_`` the entity's id
when the mention is MATCHED and ``""`` otherwise (an AMBIGUOUS or UNMATCHED mention is still an
entity span, with no id: spaCy's convention for "not linked"). ``span._.canonym`` is the
:class:`canonym.Mention` (status, score, candidates, ``explain()``) and ``doc._.canonym`` the
:class:`canonym.Document`. A mention whose offsets fall inside a token is widened to whole
tokens; one that overlaps an entity already in ``doc.ents`` is left out, unless
``overwrite_ents`` is set; an existing entity with exactly a mention's extent gets its
``kb_id_``.

Configuration (``nlp.add_pipe("canonym", config={...})``), all optional:

- ``tables``: paths of your table files, loaded with the shipped tables
  (:meth:`canonym.Resolver.load`); ``defaults = false`` for yours alone.
- ``index``: the path of a saved resolver (:meth:`canonym.Resolver.open`); excludes ``tables``.
- ``threshold``: the resolver's threshold; ``on``: the date offices are read at (``2024-06``).
- ``overwrite_ents``: replace overlapping entities instead of keeping them.
- ``matched_only``: make spans of MATCHED mentions only.

:func:`displacy_data` turns a processed ``Doc`` into the input of ``displacy.render(...,
style="ent", manual=True)``, with the id and a Wikidata link where the entity has one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

try:
    from spacy.language import Language  # type: ignore[import-not-found, unused-ignore]
    from spacy.tokens import Doc, Span  # type: ignore[import-not-found, unused-ignore]
    from spacy.util import filter_spans  # type: ignore[import-not-found, unused-ignore]
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    _msg = f"canonym.spacy needs spaCy, an optional extra: pip install 'canonym[spacy]' ({exc})"
    raise ImportError(_msg, name=exc.name) from exc

from .linker import Mention, link
from .model import Kind, Status
from .resolver import DEFAULT_THRESHOLD, Resolver, default_resolver

__all__ = ["LABELS", "CanonymComponent", "displacy_data"]

#: The entity label of each kind of mention (spaCy's own ``PERSON`` and ``ORG``).
LABELS: dict[Kind, str] = {
    Kind.PERSON: "PERSON",
    Kind.TITLE: "TITLE",
    Kind.ORGANISATION: "ORG",
}

WIKIDATA = "https://www.wikidata.org/wiki/"

for _cls in (Doc, Span):
    if not _cls.has_extension("canonym"):
        _cls.set_extension("canonym", default=None)


class CanonymComponent:
    """The ``"canonym"`` pipeline component (made by ``nlp.add_pipe("canonym")``)."""

    def __init__(
        self,
        resolver: Resolver,
        *,
        on: str | None = None,
        overwrite_ents: bool = False,
        matched_only: bool = False,
    ) -> None:
        self.resolver = resolver
        self.on = on
        self.overwrite_ents = overwrite_ents
        self.matched_only = matched_only

    def __call__(self, doc: Any) -> Any:
        """Link ``doc.text`` and set ``doc.ents``, ``kb_id_`` and the ``_.canonym`` values."""
        document = link(doc.text, resolver=self.resolver, on=self.on)
        doc._.canonym = document
        mine: list[Any] = []
        for mention in document.mentions:
            if self.matched_only and mention.status is not Status.MATCHED:
                continue
            span = doc.char_span(
                mention.start,
                mention.end,
                label=LABELS[mention.kind],
                kb_id=mention.id or "",
                alignment_mode="expand",
            )
            if (
                span is None
            ):  # pragma: no cover - "expand" always finds tokens for a non-empty range
                continue
            span._.canonym = mention
            mine.append(span)
        mine = filter_spans(mine)  # two mentions widened onto the same tokens: the longer
        if self.overwrite_ents:
            doc.ents = filter_spans(mine + [e for e in doc.ents if not _overlaps(e, mine)])
            return doc
        kept = list(doc.ents)
        extents = {(e.start, e.end): i for i, e in enumerate(kept)}
        added = []
        for span in mine:
            at = extents.get((span.start, span.end))
            if at is not None:
                old = kept[at]
                linked = Span(doc, old.start, old.end, label=old.label, kb_id=span.kb_id)
                linked._.canonym = span._.canonym
                kept[at] = linked
            elif not _overlaps(span, kept):
                added.append(span)
        doc.ents = sorted(kept + added, key=lambda s: s.start)
        return doc


def _overlaps(span: Any, others: Sequence[Any]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


@Language.factory(  # type: ignore[untyped-decorator, misc, unused-ignore]
    "canonym",
    default_config={
        "tables": [],
        "defaults": True,
        "index": None,
        "threshold": DEFAULT_THRESHOLD,
        "on": None,
        "overwrite_ents": False,
        "matched_only": False,
    },
)
def make_component(
    nlp: Any,
    name: str,
    tables: list[str],
    defaults: bool,
    index: str | None,
    threshold: float,
    on: str | None,
    overwrite_ents: bool,
    matched_only: bool,
) -> CanonymComponent:
    """Build the component from its configuration (see the module's docstring)."""
    if index is not None and tables:
        msg = "canonym component: give `index` (a saved resolver) or `tables`, not both"
        raise ValueError(msg)
    if index is not None:
        resolver = Resolver.open(index)
    elif tables or not defaults or threshold != DEFAULT_THRESHOLD:
        resolver = Resolver.load(*tables, defaults=defaults, threshold=threshold)
    else:
        resolver = default_resolver()
    return CanonymComponent(
        resolver, on=on, overwrite_ents=overwrite_ents, matched_only=matched_only
    )


def displacy_data(doc: Any, *, title: str | None = None) -> dict[str, Any]:
    """What ``spacy.displacy.render(data, style="ent", manual=True)`` draws for ``doc``.

    Every entity of ``doc.ents`` with its label; a linked one (``kb_id_``) also shows its id,
    with a link to Wikidata when canonym's entity has a Wikidata id.
    """
    ents = []
    for ent in doc.ents:
        item: dict[str, Any] = {
            "start": ent.start_char,
            "end": ent.end_char,
            "label": ent.label_,
        }
        if ent.kb_id_:
            item["kb_id"] = ent.kb_id_
            mention: Mention | None = ent._.canonym
            entity = mention.resolution.entity if mention is not None else None
            if entity is not None and entity.wikidata:
                item["kb_url"] = WIKIDATA + entity.wikidata
            else:
                item["kb_url"] = "#" + ent.kb_id_
        ents.append(item)
    return {"text": doc.text, "ents": ents, "title": title}
