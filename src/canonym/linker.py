"""Link every person, title and organisation mentioned in a text.

:func:`canonym.link` (and :func:`canonym.link_many`, for many texts) return a
:class:`Document`: its :class:`Mention` objects in order of appearance, each with exact
character offsets into the original text, its kind, status, id, score, the office named with it
(``title_id``) and its :class:`~canonym.Resolution`.

How mentions are found (docs/linking.md):

1. **Tokens.** Words with their offsets; ``then-`` is split off its word, KCNA's glued
   ``ComradeKim`` is split in two, a possessive stays on its word (the span leaves it out).
2. **Spellings.** Every run of up to :data:`MAX_SPAN_TOKENS` tokens whose key is a key of the
   index (any spelling, generated spelling, reordered name or family name) is a candidate;
   the longest wins, left to right, spans never overlap.
3. **Title grammar.** Runs that start with a role, country or qualifier word and that no
   spelling covers are read by the title grammar.
4. **Names the tables lack.** Runs of two or three capitalised words shaped like a Korean name
   (a known surname, then syllables), or next to an office, are resolved like any query and
   reported as person mentions, UNMATCHED when nobody fits.
5. **Context.** A title mention's country or qualifier words to its left join it; an ambiguous
   organisation takes a country possessive to its left when that decides it; a person next to
   an office is resolved with it (``Foreign Minister Choe``); a short form (``Choe``, ``Pak``,
   ``Putin``) takes the person of the document's full mentions with that family name, and is
   AMBIGUOUS when several fit.
"""

from __future__ import annotations

import html
import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

from .model import Candidate, Entity, Evidence, Kind, Method, Resolution, Status, as_date
from .parallel import in_processes
from .resolver import Resolver, default_resolver
from .text import analyze, without_surrogates
from .titles import parse_title, title_words
from .translit import east_slavic, han, hangul

if TYPE_CHECKING:
    import datetime as _dt
    from collections.abc import Iterable

    from .lookups import SpellingLookups

__all__ = [
    "MAX_SPAN_TOKENS",
    "Document",
    "EntityMentions",
    "LinkerWords",
    "Mention",
    "link",
    "link_many",
    "link_text",
    "linker_words",
]

#: The longest run of tokens tried as one spelling.
MAX_SPAN_TOKENS = 16

_WORD = re.compile(r"[^\W_](?:[\w'’ʼ\-‐‑.]*[^\W_])?")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_THEN = re.compile(r"^then[-‐‑]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’ʼ]s?$")
#: English contractions, capitalised at the start of a sentence or as ``I’m``: never a name,
#: though ``I’m`` reads as the Korean surname Im (an apostrophe in a name follows a
#: consonant: ``Ch’oe``).
_CONTRACTION = re.compile(
    r"(?:i|you|we|they|he|she|it|that|there|here|who|what|where|let)['’ʼ](?:m|re|ve|ll|d)"
    r"|\w+n['’ʼ]t",
    re.IGNORECASE,
)


@frozen
class _Token:
    start: int
    end: int  # end of the name part (a possessive excluded)
    text: str
    key: str
    capital: bool
    upper: bool


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for m in _WORD.finditer(text):
        word, start = m.group(), m.start()
        pieces: list[tuple[int, str]] = []
        then = _THEN.match(word)
        if then:
            pieces.append((start, word[: then.end()]))
            start, word = start + then.end(), word[then.end() :]
        cuts = [0, *(c.start() for c in _CAMEL.finditer(word)), len(word)]
        if len(cuts) == 3 and word[:1].isupper():  # ComradeKim, SecretaryKim
            pieces += [(start + a, word[a:b]) for a, b in pairwise(cuts)]
        else:
            pieces.append((start, word))
        for begin, piece in pieces:
            possessive = _POSSESSIVE.search(piece)
            name = piece[: possessive.start()] if possessive and len(piece) > 2 else piece
            name = name.rstrip(".")
            if not name:
                continue
            key = "then" if _THEN.match(name) else analyze(name).key
            if not key:
                continue
            letters = [c for c in name if c.isalpha()]
            out.append(
                _Token(
                    start=begin,
                    end=begin + len(name),
                    text=name,
                    key=key,
                    capital=(name[:1].isupper() or not name[:1].isascii())
                    and not _CONTRACTION.fullmatch(name),
                    upper=bool(letters) and all(c.isupper() for c in letters),
                )
            )
    return out


@frozen(kw_only=True)
class Mention:
    """One mention of a person, title or organisation in a text.

    Attributes:
        start, end: offsets of the mention in the text, in Unicode code points.
        text: ``text[start:end]``.
        kind: what it names (for an UNMATCHED name: the kind it looks like).
        status: MATCHED, AMBIGUOUS or UNMATCHED.
        id: the entity's id when MATCHED.
        score: the resolution's score.
        title_id: the office named with a person (``Foreign Minister Choe``), if any.
        via: how it was found: ``spelling``, ``title-grammar``, ``name-shape``, and how it was
            decided when context did it: ``+title``, ``+coreference``.
        resolution: the full :class:`~canonym.Resolution`.
        cluster: for a person the tables lack, a key shared by the mentions of that person in
            this document: the full name (``Kim Yong-bok``) and its short forms (``Kim``)
            after it or before it; ``~`` and the full name's normalised form. ``None`` for
            everyone else.
        held: for a MATCHED person in a document linked with a date (``link(text, on=...)``),
            the ids of the titles the tables say the person held on that date, in table
            order (``("kp.fm",)`` for Choe Son Hui in 2025); empty otherwise.
    """

    start: int
    end: int
    text: str
    kind: Kind
    status: Status
    id: str | None
    score: float
    title_id: str | None
    via: str
    resolution: Resolution = field(repr=False)
    cluster: str | None = None
    held: tuple[str, ...] = ()

    @property
    def candidates(self) -> tuple[Candidate, ...]:
        """The ranked candidates of the mention's resolution."""
        return self.resolution.candidates

    def explain(self) -> str:
        """A readable account of how the mention was found and resolved."""
        head = f"[{self.start}:{self.end}] {self.text!r} ({self.kind.value}, found by {self.via})"
        return head + "\n" + self.resolution.explain()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data (offsets in code points)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind.value,
            "status": self.status.value,
            "id": self.id,
            "score": round(self.score, 4),
            "title_id": self.title_id,
            "via": self.via,
            "candidates": [c.id for c in self.resolution.candidates],
            "cluster": self.cluster,
            "held": list(self.held),
        }


@frozen
class EntityMentions:
    """One entity of a document with its mentions."""

    entity: Entity
    mentions: tuple[Mention, ...]

    @property
    def count(self) -> int:
        """How many times the entity is mentioned."""
        return len(self.mentions)


@frozen
class Document:
    """A linked text: the text and its mentions in order of appearance."""

    text: str
    mentions: tuple[Mention, ...]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)

    @property
    def entities(self) -> tuple[EntityMentions, ...]:
        """Each distinct matched entity with its mentions, in order of first mention."""
        seen: dict[str, tuple[Entity, list[Mention]]] = {}
        for m in self.mentions:
            entity = m.resolution.entity
            if m.status is Status.MATCHED and entity is not None:
                seen.setdefault(entity.id, (entity, []))[1].append(m)
        return tuple(EntityMentions(e, tuple(ms)) for e, ms in seen.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: the mentions and the entities with their counts."""
        return {
            "mentions": [m.to_dict() for m in self.mentions],
            "entities": [
                {
                    "id": em.entity.id,
                    "name": em.entity.name,
                    "kind": em.entity.kind.value,
                    "count": em.count,
                }
                for em in self.entities
            ],
        }

    def to_html(self, title: str = "canonym") -> str:
        """A standalone HTML page: the text with every mention highlighted, its id on hover."""
        parts: list[str] = []
        at = 0
        for m in self.mentions:
            parts.append(html.escape(self.text[at : m.start]))
            tip = f"{m.id or m.status.value} ({m.kind.value}, {m.score:.2f}, {m.via})"
            if m.title_id:
                tip += f" - title {m.title_id}"
            if m.id is None and m.candidates:
                tip += " - candidates: " + ", ".join(c.id for c in m.candidates[:5])
            label = m.id or m.status.value
            extra = ""
            if m.cluster is not None:
                # a person the tables lack: the mentions of one such person share a label
                tip += f" - not in the tables; same person as {m.cluster[1:]!r}"
                label = m.cluster
                extra = f' untabled" data-cluster="{html.escape(m.cluster)}'
            parts.append(
                f'<mark class="{m.kind.value} {m.status.value}{extra}" title="{html.escape(tip)}">'
                f"{html.escape(self.text[m.start : m.end])}"
                f"<sub>{html.escape(label)}</sub></mark>"
            )
            at = m.end
        parts.append(html.escape(self.text[at:]))
        body = "".join(parts)
        return _HTML.format(title=html.escape(title), body=body, count=len(self.mentions))


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font: 16px/1.6 Georgia, serif; max-width: 46em; margin: 2em auto; white-space: pre-wrap; }}
mark {{ padding: 0 .15em; border-radius: .2em; }}
mark sub {{ font: 10px monospace; color: #444; margin-left: .2em; }}
mark.person {{ background: #cfe8ff; }} mark.title {{ background: #ffe7b3; }}
mark.organisation {{ background: #d8f5d0; }}
mark.ambiguous {{ outline: 2px dashed #c60; }}
mark.unmatched {{ outline: 2px dotted #c00; background: #eee; }}
mark.untabled {{ outline: 2px solid #808; background: #f3e6f5; }}
header {{ font: 13px sans-serif; color: #555; white-space: normal; }}
</style></head><body>
<header>{title}: {count} mentions. Blue: person, amber: title, green: organisation;
dashed: ambiguous, dotted grey: not in the tables, solid purple: a person the tables lack,
labelled with the full name its mentions share. Hover a mention for its id, score and how it
was found.</header>
{body}
</body></html>
"""


# ---------------------------------------------------------------------------------------------


@frozen
class _Span:
    i: int
    j: int  # token indexes [i, j)
    resolution: Resolution
    via: str
    cluster: str | None = None


class _Memo:
    """A resolver whose answers are remembered for one document: news repeats its names, and
    adversarial text ("Kim Kim Kim ...") repeats them a million times."""

    def __init__(self, resolver: Resolver) -> None:
        self.inner = resolver
        self.spellings = resolver.spellings
        self.memo: dict[tuple[str, frozenset[Kind] | None, object], Resolution] = {}

    def resolve(
        self,
        text: str,
        *,
        kinds: set[Kind] | frozenset[Kind] | None = None,
        on: _dt.date | str | None = None,
    ) -> Resolution:
        key = (text, frozenset(kinds) if kinds is not None else None, on)
        found = self.memo.get(key)
        if found is None:
            found = self.inner.resolve(text, kinds=kinds, on=on)
            if len(self.memo) < 100_000:
                self.memo[key] = found
        return found


def link(
    text: str, *, resolver: Resolver | None = None, on: _dt.date | str | None = None
) -> Document:
    """Find and resolve every person, title and organisation mentioned in ``text``.

    ``resolver`` holds the tables to link against (the default resolver, over the shipped
    tables, when ``None``); ``on`` is the document's date, which decides who held an office
    then. Returns a :class:`Document` whose mentions carry exact offsets into ``text`` (see
    docs/linking.md). Raises :class:`TypeError` for anything that is not a ``str``.

    >>> [m.id for m in link("Choe Ryong Hae met Sergei Shoigu.").mentions]
    ['kp.choe-ryong-hae', 'ru.sergei-shoigu']
    """
    return link_text(resolver if resolver is not None else default_resolver(), text, on=on)


def link_many(
    texts: Iterable[str],
    *,
    resolver: Resolver | None = None,
    workers: int = 1,
    chunk: int = 8,
    on: _dt.date | str | None = None,
) -> Iterator[Document]:
    """Link many texts, yielding documents in input order as they are ready.

    With ``workers`` > 1 the texts are linked in that many processes, ``chunk`` texts at a
    time, as :meth:`Resolver.resolve_many <canonym.Resolver.resolve_many>` resolves them
    (forked workers inherit the resolver; others start once from it saved as bytes)."""
    r = resolver if resolver is not None else default_resolver()
    if workers <= 1:
        for text in texts:
            yield link_text(r, text, on=on)
        return
    job = ("each", link_text, on, True)
    for batch in in_processes(r, r.to_bytes, _from_parent, texts, workers, chunk, job):
        yield from batch


def _from_parent(data: bytes) -> Resolver:
    """A worker's resolver, from the bytes its parent saved."""
    return Resolver.from_bytes(data, name="<parent process>")


def link_text(resolver: Resolver, text: str, *, on: _dt.date | str | None = None) -> Document:
    """Link every mention in ``text`` with ``resolver`` (see the module documentation)."""
    if not isinstance(text, str):
        msg = f"link() takes a str, not {type(text).__name__}"
        raise TypeError(msg)
    text = without_surrogates(text)  # U+FFFD for a lone surrogate: the same offsets
    tokens = _tokens(text)
    resolver = _Memo(resolver)  # type: ignore[assignment]  # same interface, answers memoised
    spans = _spelling_spans(resolver, text, tokens, on)
    spans = _title_grammar_spans(resolver, text, tokens, spans, on)
    spans = _served_offices(resolver, text, tokens, spans, on)
    spans = _portfolio_tails(text, tokens, spans)
    spans = _name_shape_spans(resolver, text, tokens, spans, on)
    spans = sorted(spans, key=lambda s: s.i)
    spans = _extend_left(resolver, text, tokens, spans, on)
    spans = _places(text, tokens, spans)
    spans = _with_titles(resolver, text, tokens, spans, on)
    spans = _bracketed(text, tokens, spans)
    spans = _coreference(resolver, text, tokens, spans)
    spans = _stranger_natives(resolver, text, tokens, spans)
    spans = _document_offices(text, tokens, spans)
    day = as_date(on) if on is not None else None
    mentions = [_mention(text, tokens, s, day) for s in spans]
    return Document(text, tuple(m for m in mentions if m is not None))


def _served_offices(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    on: _dt.date | str | None,
) -> list[_Span]:
    """An office named after "aide to (the)", "adviser to", ... is served, not held: the whole
    phrase is linked when the tables have it as a title ("Aide to the President of Russia"),
    and otherwise the office is no mention (the aide is not the president)."""
    serving = linker_words().serving_words
    starts = {s.i: s for s in spans}
    out = []
    for s in spans:
        named = starts.get(s.j)  # "adviser to Russian President Vladimir Putin": his office
        k = s.i - 1
        if k >= 0 and tokens[k].key == "the":
            k -= 1
        if (
            _kind(s.resolution) is not Kind.TITLE
            or (named is not None and _kind(named.resolution) is Kind.PERSON)
            or k < 1
            or tokens[k].key != "to"
            or tokens[k - 1].key not in serving
            or text[tokens[k - 1].end : tokens[s.j - 1].end].count("\n") > 1
        ):
            out.append(s)
            continue
        whole = resolver.resolve(_slice(text, tokens, k - 1, s.j), kinds={Kind.TITLE}, on=on)
        if whole.status is Status.MATCHED:
            out.append(_Span(k - 1, s.j, whole, "served-office"))
    return out


def _portfolio_tails(text: str, tokens: list[_Token], spans: list[_Span]) -> list[_Span]:
    """A matched office followed by "for" and a capitalised portfolio ("Aide to the President
    of Russia for Foreign Policy") is linked with it: the portfolio says which of the office's
    holders, not another office."""
    taken = _covered(spans)
    out = []
    for s in spans:
        k = s.j
        if (
            _kind(s.resolution) is Kind.TITLE
            and s.resolution.status is Status.MATCHED
            and k + 1 < len(tokens)
            and tokens[k].key == "for"
            and k not in taken
        ):
            end = k + 1
            while (
                end < len(tokens)
                and end - k <= 3
                and end not in taken
                and tokens[end].capital
                and text[tokens[end - 1].end : tokens[end].start] == " "
            ):
                end += 1
            if end > k + 1 and text[tokens[k - 1].end : tokens[k].start] == " ":
                s = evolve(s, j=end)
        out.append(s)
    return out


def _slice(text: str, tokens: list[_Token], i: int, j: int) -> str:
    return text[tokens[i].start : tokens[j - 1].end]


def _spelling_spans(
    resolver: Resolver, text: str, tokens: list[_Token], on: _dt.date | str | None
) -> list[_Span]:
    spellings = resolver.spellings
    found: list[tuple[int, int]] = []
    for i in range(len(tokens)):
        key = ""
        for j in range(i, min(len(tokens), i + MAX_SPAN_TOKENS)):
            if j > i and _sentence_end(text, tokens, j - 1):
                break  # "... in Russia. Foreign Minister Lavrov": two sentences, not one title
            key += tokens[j].key
            if not spellings.starts_a_spelling(key):
                break
            if spellings.is_spelling(key) and _acceptable(spellings, tokens, i, j + 1):
                found.append((i, j + 1))
        found.extend(_slavic_windows(spellings, text, tokens, i))
    chosen: list[_Span] = []
    taken: set[int] = set()
    for i, j in sorted(found, key=lambda s: (-(s[1] - s[0]), s[0])):
        if taken.intersection(range(i, j)):
            continue
        r = resolver.resolve(_slice(text, tokens, i, j), on=on)
        if r.status is Status.UNMATCHED:
            continue
        chosen.append(_Span(i, j, r, "spelling"))
        taken.update(range(i, j))
    return chosen


def _slavic_windows(
    spellings: SpellingLookups, text: str, tokens: list[_Token], i: int
) -> list[tuple[int, int]]:
    """Two or three capitalised words from ``i``, with nothing between them, that share the
    romanization-blind key of a tabled Russian or Ukrainian person's name (``Sergei Shoygu``
    for a person tabled as ``Сергей Шойгу`` and ``Sergey Shoygu``): the index files the
    standard systems' spellings of native names, not every mixture the press writes."""
    out: list[tuple[int, int]] = []
    for j in (i + 2, i + 3):
        if j > len(tokens):
            break
        last = tokens[j - 1]
        if not last.capital or not last.key.isalpha() or not last.key.isascii():
            break  # a longer run holds the same word
        if j == i + 2 and not (tokens[i].capital and tokens[i].key.isascii()):
            break
        if text[tokens[j - 2].end : last.start].strip():
            break
        words = [t.key for t in tokens[i:j]]
        if any("-" in t.text for t in tokens[i:j]):  # as the resolver will read it
            words = list(analyze(_slice(text, tokens, i, j)).tokens)
        if spellings.has_slavic_name(words):
            out.append((i, j))
    return out


def _acceptable(spellings: SpellingLookups, tokens: list[_Token], i: int, j: int) -> bool:
    """A spelling found in running text must look like a name where names need capitals."""
    key = "".join(t.key for t in tokens[i:j])
    kinds = spellings.kinds_spelled(key, tuple(t.key for t in tokens[i:j]))
    first = tokens[i]
    if kinds == {Kind.PERSON} and not first.capital:
        return False
    if j - i == 1:
        hits = spellings.spellings_keyed(key)
        acronyms = hits and all(
            a.text.replace(".", "").isupper() and len(a.text) <= 6 for a in hits
        )
        if acronyms and not first.upper:
            return False  # "Un" in a sentence is not the UN
        if not hits and not first.capital:
            return False
    return True


def _covered(spans: list[_Span]) -> set[int]:
    return {k for s in spans for k in range(s.i, s.j)}


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s")
#: Words written with a full stop that does not end a sentence: "Gen. Pak", "Mr. Kim".
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "st", "jr", "sr"}
    | {"prof", "rev", "hon", "gov", "sen", "rep", "amb", "min", "pres", "vice", "no", "vs"}
)


def _sentence_start(text: str, tokens: list[_Token], k: int) -> bool:
    """Whether token ``k`` starts a sentence (or the text, or a paragraph)."""
    return (
        k == 0
        or _sentence_end(text, tokens, k - 1)
        or "\n\n" in text[tokens[k - 1].end : tokens[k].start]
    )


def _sentence_end(text: str, tokens: list[_Token], k: int) -> bool:
    """Whether a sentence ends between token ``k`` and the next: a full stop (or ! ?) and a
    space, after a word that is not an initial (``A. Matsegora``), a dotted abbreviation
    (``U.S.``) or a title abbreviation (``Gen.``)."""
    gap = text[tokens[k].end : tokens[k + 1].start]
    if not _SENTENCE_END.match(gap):
        return False
    word = tokens[k].text
    return len(word) > 1 and "." not in word and tokens[k].key not in _ABBREVIATIONS


def _title_grammar_spans(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    on: _dt.date | str | None,
) -> list[_Span]:
    """Runs that start with a role, country or qualifier word, read by the title grammar. A
    run may swallow spelling spans of titles and organisations when it reads as one office
    ("GENERAL SECRETARY OF WPK" over "GENERAL SECRETARY" + "WPK")."""
    words = title_words()
    country_words = {w for p, _ in words.countries for w in p}
    variants = {w for variant, _ in words.synonyms for w in variant}  # vice, chair, defence
    role_words = words.roles | variants
    starters = role_words | words.qualifiers | country_words
    joiners = {"of", "the", "for", "and", "to"}  # "to": an envoy's posting
    owner = {k: s for s in spans for k in range(s.i, s.j)}
    swallowable = {
        k for k, s in owner.items() if _kind(s.resolution) in {Kind.TITLE, Kind.ORGANISATION, None}
    }
    out = list(spans)
    dropped: set[int] = set()  # spans swallowed by a longer office, removed at the end
    i = 0
    while i < len(tokens):
        first = owner.get(i)
        # an organisation's name may open an office's ("IAEA chief", "Chinese Foreign
        # Ministry spokesperson") when a role word follows it
        org_first = (
            first is not None
            and first.i == i
            and _kind(first.resolution) is Kind.ORGANISATION
            and first.j < len(tokens)
            and tokens[first.j].key in role_words
        )
        if not org_first and (
            tokens[i].key not in starters
            or (
                first is not None
                and (
                    first.i != i
                    or (
                        first.resolution.status is Status.MATCHED
                        and _kind(first.resolution) is not Kind.TITLE
                    )
                )
            )
        ):
            i += 1
            continue
        j = i
        while (
            j < len(tokens)
            and j - i < MAX_SPAN_TOKENS
            and (j not in owner or j in swallowable)
            and (tokens[j].key in starters or tokens[j].key in joiners or tokens[j].capital)
            and _joined(text, tokens, j, country_words)
            if j > i
            else True
        ):
            j += 1
        best: _Span | None = None
        for end in range(j, i, -1):
            if tokens[end - 1].key in joiners:
                continue
            if (
                tokens[end - 1].key in country_words
                and tokens[end - 1].key.endswith(("an", "ese"))  # Russian, Chinese: adjectives
                and end < len(tokens)
                and tokens[end].capital
                and not text[tokens[end - 1].end : tokens[end].start].strip()
            ):
                continue  # "head of Russian Railways": the country word names something else
            inside = {owner[k].i for k in range(i, end) if k in owner}
            # never cut a spelling span in two
            if any(owner[k].j > end for k in range(i, end) if k in owner):
                continue
            if first is not None and end <= first.j:
                break  # no longer than the span already there
            span = _slice(text, tokens, i, end)
            parsed = parse_title(span)
            if parsed is None:
                continue
            bare = not (parsed.organisation or parsed.country)
            if bare and (len(parsed.role.split()) < 2 or first is not None):
                continue  # a bare role ("head of a delegation") names no office
            r = resolver.resolve(span, kinds={Kind.TITLE}, on=on)
            if r.status is Status.MATCHED or (
                r.status is Status.AMBIGUOUS
                and not inside
                and any(c.method is Method.TITLE for c in r.candidates)
            ):
                # a compound role alone ("Minister of Energy") only where the document's
                # country says whose (see _document_offices)
                best = _Span(i, end, r, BARE_OFFICE if bare else "title-grammar")
                break
        if best is not None:
            dropped.update(id(owner[k]) for k in range(best.i, best.j) if k in owner)
            out.append(best)
            for k in range(best.i, best.j):
                owner[k] = best
            i = best.j
        else:
            i += 1
    return [s for s in out if id(s) not in dropped]


_POSSESSIVE_GAPS = {"'s", "’s", "'", "’"}

#: How a compound role named without organisation or country was found ("Minister of
#: Energy"): kept only when the document's country is the office's.
BARE_OFFICE = "title-grammar-bare"


def _joined(text: str, tokens: list[_Token], j: int, country_words: set[str]) -> bool:
    """True when token ``j`` follows token ``j - 1`` with only spaces between, or with a
    possessive after a country word ("Secretary of Russia's Security Council")."""
    gap = text[tokens[j - 1].end : tokens[j].start].strip(" \n")
    if gap in {".", ".,"} and "." in tokens[j - 1].text:
        return True  # KCNA's "of the C.C., WPK": an abbreviation and its party
    if gap in {"'", "’"} and tokens[j - 1].key.endswith("s"):
        return True  # "Workers' Party": a plural's possessive inside a name
    return not gap or (gap in _POSSESSIVE_GAPS and tokens[j - 1].key in country_words)


_SYLLABLE = re.compile(r"^[A-Z][a-z]{0,5}(?:[-‐‑][a-zA-Z]{1,6})?$|^[A-Z]{1,6}(?:[-‐‑][A-Z]{1,6})?$")
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-‐‑'’][A-Za-z][a-z]+)*$|^[A-Z]{2,}(?:[-‐‑][A-Z]{2,})*$")

# A name word in Cyrillic (Чхве, Белоусов, Рён-Хэ) and a Korean name in Hangul (최룡해):
# found by shape, kept only when it resolves to one tabled person (no cue words in these scripts)
_CYRILLIC_NAME = re.compile(
    r"^[А-ЯЁЄІЇҐЎ][а-яёєіїґўʼ'’]+(?:[-‐‑][А-ЯЁЄІЇҐЎа-яёєіїґў][а-яёєіїґўʼ'’]+)?$"
)
_HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")

_APPOSITION = re.compile(
    r"^\s*,\s*(?:a|an|the|who|whose|himself|herself)\b|^\s+(?:said|says|told|added|wrote)\b"
)


_KO_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|tch|ch|sh|kh|th|ph|[gknrdlmbpsjhtc])?"
    r"(?:yeo|yae|wae|weo|weu|eo|eu|ae|oe|wa|wo|we|wi|ui|ya|yo|yu|ye|oo|ou|ee|a|e|i|o|u)"
    r"(?:ng|k|n|l|m|p|t)?"
)
_KO_GIVEN = re.compile(rf"^{_KO_SYLLABLE}(?:[-‐‑]?{_KO_SYLLABLE})?$")


def _korean_shaped(tokens: list[_Token], i: int, j: int) -> bool:
    """A known Korean surname (one of the census's, in any romanization: ``Tong`` too), then
    words that read as romanized Korean syllables."""
    first = tokens[i].text
    if not hangul.surname_classes(first) and not hangul.census_surname(first):
        return False
    return all(
        _SYLLABLE.match(t.text) and _KO_GIVEN.match(t.text.lower()) for t in tokens[i + 1 : j]
    )


def _slavic_shaped(tokens: list[_Token], i: int, j: int) -> bool:
    """An East Slavic given name in a Latin spelling (Oleg, Dmytro, Yuri, Iryna), then a
    family name, or a patronymic and a family name."""
    return tokens[i].key in _slavic_given_names()


@cache
def _slavic_given_names() -> frozenset[str]:
    """The Latin spellings of the given names of ``east_slavic.toml``, in every language's
    systems (lower case), and the English -er of Alexander and Peter."""
    out: set[str] = set()
    for cognate in east_slavic.cognates():
        for lang, form in cognate.forms:
            out.update(east_slavic.latin_forms(lang, form))
    out.update(f[:-1] + "er" for f in list(out) if f.endswith(("ndr", "tr")))
    return frozenset(w for w in out if len(w) >= 3)


def _chinese_shaped(tokens: list[_Token], i: int, j: int) -> bool:
    if j - i != 2 or tokens[i].key not in linker_words().chinese_surnames:
        return False
    return han.pinyin_syllables(tokens[i + 1].key) is not None


@frozen
class LinkerWords:
    """The linker's word lists, from ``data/linker_words.toml``."""

    common_words: frozenset[str]
    chinese_surnames: frozenset[str]
    person_cues_before: frozenset[str]
    place_words: frozenset[str]
    building_words: frozenset[str]
    not_name_words: frozenset[str]
    serving_words: frozenset[str]


@cache
def linker_words() -> LinkerWords:
    """The linker's word lists (loaded once); ``not_name_words`` includes the title grammar's
    role and country words."""
    raw = (resources.files("canonym") / "data" / "linker_words.toml").read_bytes()
    data = tomllib.loads(raw.decode("utf-8"))
    words = title_words()
    not_names = set(data["not_name_words"]) | set(words.roles) | set(data["place_words"])
    not_names |= {w for p, _ in words.countries for w in p}
    not_names |= {w for p, _ in words.loose_countries for w in p}
    return LinkerWords(
        common_words=frozenset(data["common_words"]),
        serving_words=frozenset(data["serving_words"]),
        chinese_surnames=frozenset(data["chinese_surnames"]),
        person_cues_before=frozenset(data["person_cues_before"]),
        place_words=frozenset(data["place_words"]),
        building_words=frozenset(data["building_words"]),
        not_name_words=frozenset(not_names),
    )


def _name_shape_spans(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    on: _dt.date | str | None,
) -> list[_Span]:
    """Persons the tables may lack: two or three capitalised name words shaped like a Korean or
    Chinese name, or with a cue around them: an office or a word such as "spokesman", "By" or
    "said" before, an apposition (", a researcher", ", who") or "said" after."""
    # a lone family name ("Lee" of "Lee Sang-min") gives way to a whole name
    weak = {s.i: s for s in spans if s.j - s.i == 1 and _family_only(s.resolution)}
    taken = _covered([s for s in spans if s.i not in weak])
    after_title = {
        s.j
        for s in spans
        if s.resolution.candidates and s.resolution.candidates[0].entity.kind is Kind.TITLE
    }
    lw = linker_words()
    stop = lw.not_name_words
    out = [s for s in spans if s.i not in weak]
    named_ends: set[int] = set()
    i = 0
    while i < len(tokens):
        if i in taken or not tokens[i].capital:
            if i in weak:
                out.append(weak[i])
            i += 1
            continue
        found = _native_name_span(resolver, text, tokens, i, taken, on)
        for size in (3, 2) if found is None else ():
            j = i + size
            if j > len(tokens) or taken.intersection(range(i, j)):
                continue
            run = tokens[i:j]
            # right after an office, a capitalised short word is the name's ("General
            # Secretary To Lam"), though it is a common word elsewhere
            lead = i in after_title and tokens[i].capital and not _sentence_start(text, tokens, i)
            if not all(
                _NAME_WORD.match(t.text) and (t.key not in stop or (k == 0 and lead))
                for k, t in enumerate(run)
            ):
                continue
            gaps = [text[tokens[k].end : tokens[k + 1].start] for k in range(i, j - 1)]
            if any(g.strip() or "\n\n" in g for g in gaps):
                continue  # punctuation or a paragraph between the words: not one name
            following = text[tokens[j - 1].end : tokens[j - 1].end + 40]
            if (
                j < len(tokens)
                and tokens[j].key in lw.place_words
                and not text[tokens[j - 1].end : tokens[j].start].strip()
            ):
                continue  # "Kim Il Sung Square"
            before = tokens[i - 1].key if i else ""
            cued = (
                i in after_title
                or (
                    before in lw.person_cues_before
                    and not text[tokens[i - 1].end : tokens[i].start].strip()
                )
                or (before == "and" and i - 1 in named_ends)
                or bool(_APPOSITION.match(following))
            )
            shaped = (
                _korean_shaped(tokens, i, j)
                or _chinese_shaped(tokens, i, j)
                or _slavic_shaped(tokens, i, j)
            )
            # a lone family name found by its spelling, its given name before it in a form
            # the tables lack (Byacheslav Wolodin): the whole name, if it names that person
            family = weak.get(j - 1)
            if not (shaped or cued or family):
                continue
            r = resolver.resolve(_slice(text, tokens, i, j), kinds={Kind.PERSON}, on=on)
            if family is not None and not (shaped or cued):
                alone = family.resolution
                if not _whole_name(r, j - i) or r.id not in {
                    alone.id,
                    *(c.entity.id for c in alone.candidates),
                }:
                    continue
            if r.status is Status.AMBIGUOUS and r.method is Method.NEAR:
                r = _unmatched(r, "a name shaped like a person's; the nearest tabled people differ")
            found = _Span(i, j, r, "name-shape")
            break
        if found is not None:
            out.append(found)
            taken.update(range(found.i, found.j))
            named_ends.add(found.j)
            i = found.j
        else:
            if i in weak:
                out.append(weak[i])
            i += 1
    return out


#: Evidence that a match took a word of the query for nothing of the name (or for nothing
#: but its family name): "Then Volodin" is Volodin alone.
_PART_OF_NAME_ONLY = frozenset(
    {"feature:family-alone", "feature:extra-part", "feature:extra-middle", "feature:one-part"}
)


def _whole_name(r: Resolution, words: int) -> bool:
    """Whether ``r`` is MATCHED by every one of the ``words`` words of its query
    (``Byacheslav Wolodin``, its given name read too), none dropped by the normaliser
    (``Then``) nor left over, and not by the family name alone."""
    if r.status is not Status.MATCHED or r.method is Method.FAMILY_NAME:
        return False
    return len(analyze(r.query).tokens) == words and not any(
        e.rule in _PART_OF_NAME_ONLY for e in r.evidence
    )


def _native_name_span(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    i: int,
    taken: set[int],
    on: _dt.date | str | None,
) -> _Span | None:
    """A person written in Cyrillic or Hangul whom the tables hold only in other spellings
    (a user's ``Choe Ryong-hae`` met as ``Чхве Рён Хэ`` or ``최룡해``): kept only when MATCHED,
    and only when its first word adds to the match (not ``Вчера`` of ``Вчера Белоусов``)."""
    if _HANGUL_NAME.match(tokens[i].text):
        sizes: tuple[int, ...] = (1,)
    elif _CYRILLIC_NAME.match(tokens[i].text):
        sizes = (3, 2)
    else:
        return None
    for size in sizes:
        j = i + size
        if j > len(tokens) or taken.intersection(range(i, j)):
            continue
        if size > 1 and not all(_CYRILLIC_NAME.match(t.text) for t in tokens[i:j]):
            continue
        if any(text[tokens[k].end : tokens[k + 1].start].strip() for k in range(i, j - 1)):
            continue
        r = resolver.resolve(_slice(text, tokens, i, j), kinds={Kind.PERSON}, on=on)
        if r.status is not Status.MATCHED:
            continue
        if size > 1:
            rest = resolver.resolve(_slice(text, tokens, i + 1, j), kinds={Kind.PERSON}, on=on)
            if rest.status is Status.MATCHED and rest.id == r.id and rest.score >= r.score:
                return None  # the first word adds nothing: not part of the name
        return _Span(i, j, r, "name-shape")
    return None


def _family_only(r: Resolution) -> bool:
    return r.method is Method.FAMILY_NAME or (
        bool(r.candidates) and all(c.method is Method.FAMILY_NAME for c in r.candidates)
    )


def _unmatched(r: Resolution, why: str) -> Resolution:
    return Resolution(
        query=r.query,
        normalized=r.normalized,
        status=Status.UNMATCHED,
        score=r.score,
        method=r.method,
        candidates=r.candidates,
        evidence=[*r.evidence, Evidence(rule="unmatched-name", detail=why)],
    )


def _kind(r: Resolution) -> Kind | None:
    if r.entity is not None:
        return r.entity.kind
    kinds = {c.entity.kind for c in r.candidates}
    return kinds.pop() if len(kinds) == 1 else None


def _extend_left(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    on: _dt.date | str | None,
) -> list[_Span]:
    """Country and qualifier words to the left of a title join it; an ambiguous
    organisation takes a country possessive when that decides it."""
    words = title_words()
    country_words = {w for p, _ in words.countries for w in p} | {
        w for p, _ in words.loose_countries for w in p
    }
    left_words = country_words | words.qualifiers | {"then-"}
    taken = _covered(spans)
    out: list[_Span] = []
    for s in spans:
        kind = _kind(s.resolution)
        if kind in {Kind.TITLE, None} and s.i > 0 and tokens[s.i - 1].key in _RANKS:
            i = s.i
            while (
                i > 0
                and (i - 1) not in taken
                and (tokens[i - 1].key in left_words or tokens[i - 1].key in _RANKS)
            ):
                i -= 1
            wider = resolver.resolve(_slice(text, tokens, i, s.j), kinds={Kind.TITLE}, on=on)
            if wider.status is Status.UNMATCHED:
                continue  # "Russian Deputy Foreign Minister": another office, not a tabled one
            taken.update(range(i, s.i))
            out.append(_Span(i, s.j, wider, s.via + "+rank"))
            continue
        if kind in {Kind.TITLE, Kind.ORGANISATION}:
            i = s.i
            while (
                i > 0
                and (i - 1) not in taken
                and i - s.i > -4
                and (tokens[i - 1].key in left_words or _THEN.match(tokens[i - 1].text))
            ):
                if text[tokens[i - 1].end : tokens[i].start].strip(" ’'s"):
                    break
                i -= 1
            if i < s.i:
                r = resolver.resolve(_slice(text, tokens, i, s.j), on=on)
                better = (
                    kind is Kind.TITLE
                    and r.status is not Status.UNMATCHED
                    and _kind(r) is Kind.TITLE
                    and (r.id == s.resolution.id or s.resolution.status is not Status.MATCHED)
                ) or (
                    kind is Kind.ORGANISATION
                    and s.resolution.status is not Status.MATCHED
                    and r.status is Status.MATCHED
                )
                if better:
                    taken.update(range(i, s.i))
                    s = _Span(i, s.j, r, s.via)
        out.append(s)
    return out


_PLACE_USE = frozenset({"in", "at", "inside", "outside", "near", "around"})
_RANKS = frozenset({"deputy", "vice", "first", "assistant", "senior", "junior", "chief"})
#: What may stand between a person and the office that follows: "Kim Yong Nam served as
#: foreign minister", "Choe Son Hui, minister of Foreign Affairs".
_NAME_TO_TITLE = frozenset(
    {",", "", "as", "served as", "became", "was", "is", "was named", "was appointed", "remains"}
)


def _places(text: str, tokens: list[_Token], spans: list[_Span]) -> list[_Span]:
    """Drop names used as places: a person's name in "Kim Il Sung Square", a one-word body in
    "in the Kremlin" or "by the Kremlin wall"."""
    lw = linker_words()
    out = []
    for s in spans:
        kind = _kind(s.resolution)
        nxt = tokens[s.j].key if s.j < len(tokens) else ""
        if (
            kind is Kind.PERSON
            and nxt in lw.place_words
            and tokens[s.j].capital
            and not text[tokens[s.j - 1].end : tokens[s.j].start].strip()
        ):
            continue
        if kind is Kind.ORGANISATION and s.j - s.i == 1:
            before = [t.key for t in tokens[max(0, s.i - 2) : s.i]]
            if nxt in lw.building_words or (
                len(before) == 2 and before[1] == "the" and before[0] in _PLACE_USE
            ):
                continue
        out.append(s)
    return out


def _bracketed(text: str, tokens: list[_Token], spans: list[_Span]) -> list[_Span]:
    """An ambiguous name followed by a native-script name in brackets that decides it:
    "Pak Yong Il (박영일)"."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, t = out[k], out[k + 1]
        if s.resolution.status is not Status.AMBIGUOUS or t.resolution.entity is None:
            continue
        between = text[tokens[s.j - 1].end : tokens[t.i].start]
        closing = text[tokens[t.j - 1].end : tokens[t.j - 1].end + 1]
        if between.strip() != "(" or closing != ")":
            continue
        entity = t.resolution.entity
        if entity.id in {c.id for c in s.resolution.candidates}:
            detail = f"the name in brackets after it, {t.resolution.query!r}, is {entity.id}"
            out[k] = _Span(s.i, s.j, _decided(s.resolution, entity, detail), s.via + "+brackets")
    return out


def _sentences(text: str, tokens: list[_Token]) -> list[int]:
    """The number of the sentence each token is in."""
    out: list[int] = []
    number = 0
    for k in range(len(tokens)):
        out.append(number)
        if k + 1 < len(tokens) and (
            _sentence_end(text, tokens, k) or "\n\n" in text[tokens[k].end : tokens[k + 1].start]
        ):
            number += 1
    return out


def _document_offices(text: str, tokens: list[_Token], spans: list[_Span]) -> list[_Span]:
    """An ambiguous mention ("the Defence Ministry", "Пак Ён Иль") takes the one candidate that
    the document names elsewhere, directly or through its offices; with two such candidates,
    an office takes the one a person named in its own sentence held ("Choe ... since she
    became foreign minister"), and otherwise it stays ambiguous."""
    sentence = _sentences(text, tokens)
    held: dict[int, set[str]] = {}  # sentence -> titles its persons held
    for s in spans:
        e = s.resolution.entity
        if s.resolution.status is Status.MATCHED and e is not None and e.kind is Kind.PERSON:
            held.setdefault(sentence[s.i], set()).update(o.title for o in e.offices)
    named: set[str] = set()
    for s in spans:
        e = s.resolution.entity
        if s.resolution.status is Status.MATCHED and e is not None:
            named.add(e.id)
            named.update(x for x in (e.organisation, e.parent) if x)
            if s.resolution.title is not None:
                named.add(s.resolution.title.id)
                if s.resolution.title.organisation:
                    named.add(s.resolution.title.organisation)
    # the country the document is about: the one most of its matched names belong to
    countries = Counter(
        s.resolution.entity.country
        for s in spans
        if s.resolution.status is Status.MATCHED
        and s.resolution.entity is not None
        and s.resolution.entity.country
    )
    home = None
    if countries:
        (top, n), *rest = countries.most_common(2)
        if n >= 3 and n >= 2 * (rest[0][1] if rest else 0):
            home = top
    out = []
    for s in spans:
        r = s.resolution
        kinds = {c.entity.kind for c in r.candidates}
        if "coreference" in s.via:
            out.append(s)  # already read against the document's own names (and strangers)
            continue
        if s.via == BARE_OFFICE:
            local = [c.entity for c in r.candidates if home and c.entity.country == home]
            if len(local) != 1:
                continue  # no country of the document's decides whose office: no mention
            if r.status is not Status.MATCHED or r.entity is not local[0]:
                detail = f"{local[0].id} is {home}'s, the country the document is about"
                s = _Span(s.i, s.j, _decided(r, local[0], detail), s.via + "+document")
            out.append(s)
            continue
        if r.status is Status.AMBIGUOUS and kinds and len(kinds) == 1:
            fits = [
                c.entity
                for c in r.candidates
                if c.entity.id in named or (c.entity.organisation or "") in named
            ]
            detail = "the document names {} elsewhere"
            if len(fits) > 1 and kinds == {Kind.TITLE}:
                near = [f for f in fits if f.id in held.get(sentence[s.i], ())]
                if near:
                    fits = near
                    detail = "{} was held by a person named in the same sentence"
            if len(fits) != 1 and home is not None and kinds != {Kind.PERSON}:
                # no single candidate named elsewhere: the document's own country decides
                # among bare offices and bodies ("foreign ministry" in a Seoul story)
                local = [c.entity for c in r.candidates if c.entity.country == home]
                if len(local) == 1:
                    fits = local
                    detail = f"{{}} is {home}'s, the country the document is about"
            if len(fits) == 1:
                detail = detail.format(fits[0].id)
                s = _Span(s.i, s.j, _decided(r, fits[0], detail), s.via + "+document")
        out.append(s)
    return out


def _with_titles(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    on: _dt.date | str | None,
) -> list[_Span]:
    """A person right after an office, or an office right after a person and a comma,
    is resolved together with it. A bare role word right before a person ("President
    Putin") is an office only when the person decides which: alone it is not a mention."""
    out = sorted([*spans, *_bare_roles(resolver, text, tokens, spans, on)], key=lambda s: s.i)
    for k, s in enumerate(out):
        if _kind(s.resolution) is not Kind.PERSON and not (
            s.resolution.status is not Status.MATCHED
            and any(c.entity.kind is Kind.PERSON for c in s.resolution.candidates)
        ):
            continue
        for n in (k - 1, k + 1):
            if not 0 <= n < len(out):
                continue
            t = out[n]
            if _kind(t.resolution) is not Kind.TITLE and not any(
                c.entity.kind is Kind.TITLE for c in t.resolution.candidates
            ):
                continue
            between = text[tokens[min(s.j, t.j) - 1].end : tokens[max(s.i, t.i)].start]
            if n < k and between.strip():
                continue  # "TITLE NAME" must be adjacent
            if n > k and (" ".join(between.split()) not in _NAME_TO_TITLE or t.via == "bare-role"):
                continue  # "NAME, TITLE", "NAME served as TITLE"; a bare role binds forward
            title_text = _slice(text, tokens, t.i, t.j)
            name_text = _slice(text, tokens, s.i, s.j)
            combined = f"{title_text} {name_text}" if n < k else f"{name_text}, {title_text}"
            r = resolver.resolve(combined, on=on)
            if r.status is Status.MATCHED and r.entity is not None and r.entity.kind is Kind.PERSON:
                out[k] = _Span(s.i, s.j, _retext(r, name_text), s.via + "+title")
                if r.title is not None and t.resolution.status is not Status.MATCHED:
                    detail = f"the office of {r.entity.id}, named with it"
                    decided = _decided(t.resolution, r.title, detail)
                    out[n] = _Span(t.i, t.j, decided, t.via + "+name")
                break
    return [s for s in out if s.via != "bare-role"]  # undecided bare roles are no mention


def _bare_roles(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    on: _dt.date | str | None,
) -> list[_Span]:
    """Capitalised role words ("President", "Premier") standing right before a person."""
    roles = title_words().roles
    taken = _covered(spans)
    out = []
    for s in spans:
        k = s.i - 1
        if k < 0 or k in taken or _kind(s.resolution) is not Kind.PERSON:
            continue
        word = tokens[k]
        if not word.capital or word.key not in roles or text[word.end : tokens[s.i].start] != " ":
            continue
        # a capitalised qualifier before it is part of the office ("Acting President")
        first = k
        if (
            k > 0
            and k - 1 not in taken
            and tokens[k - 1].capital
            and tokens[k - 1].key in title_words().qualifiers
            and text[tokens[k - 1].end : word.start] == " "
        ):
            first = k - 1
        r = resolver.resolve(_slice(text, tokens, first, s.i), kinds={Kind.TITLE}, on=on)
        if r.status is Status.UNMATCHED and first != k:
            first = k
            r = resolver.resolve(word.text, kinds={Kind.TITLE}, on=on)
        if r.status is not Status.UNMATCHED:
            out.append(_Span(first, s.i, r, "bare-role"))
    return out


def _retext(r: Resolution, query: str) -> Resolution:
    return Resolution(
        query=query,
        normalized=analyze(query).normalized,
        status=r.status,
        entity=r.entity,
        score=r.score,
        method=r.method,
        candidates=r.candidates,
        evidence=r.evidence,
        title=r.title,
    )


def _coreference(
    resolver: Resolver, text: str, tokens: list[_Token], spans: list[_Span]
) -> list[_Span]:
    """Short forms take the person of the document's full mentions with that family name."""
    full: list[tuple[int, Entity]] = []
    for s in spans:
        r = s.resolution
        if (
            r.status is Status.MATCHED
            and r.entity is not None
            and r.entity.kind is Kind.PERSON
            and r.method is not Method.FAMILY_NAME
        ):
            full.append((s.i, r.entity))
    # the family-name words the tabled full mentions are written with in this document
    tabled_surfaces = {
        tokens[k].key
        for s in spans
        if s.resolution.status is Status.MATCHED
        and s.resolution.entity is not None
        and s.resolution.entity.kind is Kind.PERSON
        and s.j - s.i >= 2
        for k in (s.i, s.j - 1)
    }
    by_family: dict[str, dict[str, Entity]] = {}
    for _, entity in full:
        for key in resolver.spellings.family_keys(entity.id):
            by_family.setdefault(key, {})[entity.id] = entity
    # people the document names in full and the tables lack, by family name (either end)
    strangers: dict[str, dict[str, str]] = {}
    clusters: dict[int, str] = {}
    for s in spans:
        if s.resolution.status is Status.UNMATCHED and s.j - s.i >= 2:
            if _kind(s.resolution) not in {None, Kind.PERSON}:
                continue
            cluster = "~" + s.resolution.normalized
            clusters[s.i] = cluster
            for k in (s.i, s.j - 1):
                strangers.setdefault(tokens[k].key, {})[cluster] = s.resolution.query
    out: list[_Span] = []
    for s in spans:
        r = s.resolution
        short = s.j - s.i == 1 and (
            r.method is Method.FAMILY_NAME
            or any(c.method is Method.FAMILY_NAME for c in r.candidates)
        )
        if not short:
            out.append(evolve(s, cluster=clusters[s.i]) if s.i in clusters else s)
            continue
        people = by_family.get(tokens[s.i].key, {})
        others = strangers.get(tokens[s.i].key, {})
        if others and not people:
            # a person the tables lack, named in full in the document, before a tabled namesake
            out.append(_stranger_span(r, s.i, s.j, s.via + "+coreference", others))
        elif others and people and tokens[s.i].key not in tabled_surfaces:
            # the tabled namesakes are written otherwise here (Ri Chang-ho): the short form
            # spelled like the stranger's name (Lee of Lee Seong-kweun) is the stranger's
            why = "spelled as the document writes {}, whom the tables lack"
            out.append(_stranger_span(r, s.i, s.j, s.via + "+coreference", others, why))
        elif others and people:
            ids = ", ".join(sorted(people))
            detail = f"the document names {ids} and {', '.join(sorted(others.values()))} so"
            out.append(
                _Span(
                    s.i, s.j, _ambiguous(r, list(people.values()), detail), s.via + "+coreference"
                )
            )
        elif len(people) == 1:
            (entity,) = people.values()
            detail = f"the document names {entity.id} ({entity.name}) in full"
            out.append(_Span(s.i, s.j, _decided(r, entity, detail), s.via + "+coreference"))
        elif len(people) > 1:
            ids = ", ".join(sorted(people))
            out.append(
                _Span(
                    s.i,
                    s.j,
                    _ambiguous(
                        r,
                        list(people.values()),
                        f"the document names several people so: {ids}",
                    ),
                    s.via + "+coreference",
                )
            )
        elif tokens[s.i].key in linker_words().common_words:
            continue  # "No", "So", "May": a word, unless the person is named in full
        elif r.status is Status.MATCHED:
            # one tabled person has this family name, and no one the tables lack is named
            # so in the document: what resolve() says of it (Putin), the linker says too
            out.append(s)
        else:
            # no full mention: the tables alone do not decide a bare family name
            out.append(
                _Span(
                    s.i,
                    s.j,
                    _ambiguous(
                        r,
                        [c.entity for c in r.candidates],
                        "a family name alone, and no full mention in the document decides it",
                    ),
                    s.via,
                )
            )
    return sorted(
        out + _stranger_short_forms(resolver, text, tokens, out, strangers), key=lambda s: s.i
    )


def _stranger_short_forms(
    resolver: Resolver,
    text: str,
    tokens: list[_Token],
    spans: list[_Span],
    strangers: dict[str, dict[str, str]],
) -> list[_Span]:
    """The family name of a person the tables lack, standing alone elsewhere in the document
    (``Oleg Belozerov ... Belozerov said``), where no tabled spelling made it a mention: the
    same person, in the same cluster (none when two such people share it)."""
    if not strangers:
        return []
    taken = _covered(spans)
    # a common word ("Ha", "Song") is this person's name too: the document names them in full
    stop = linker_words().not_name_words
    out: list[_Span] = []
    for k, token in enumerate(tokens):
        others = strangers.get(token.key)
        if not others or k in taken or not token.capital or token.key in stop:
            continue
        if not _NAME_WORD.match(token.text):
            continue
        beside = [
            n
            for n in (k - 1, k + 1)
            if 0 <= n < len(tokens)
            and n not in taken
            and not text[tokens[min(n, k)].end : tokens[max(n, k)].start].strip()
        ]
        if any(tokens[n].capital and _NAME_WORD.match(tokens[n].text) for n in beside):
            continue  # part of a longer capitalised run: another name, not this short form
        r = resolver.resolve(token.text, kinds={Kind.PERSON})
        if r.status is Status.MATCHED:
            continue  # a tabled person of that family name: the spelling spans decide
        out.append(_stranger_span(r, k, k + 1, "name-shape+coreference", others))
    return out


def _stranger_span(
    r: Resolution,
    i: int,
    j: int,
    via: str,
    others: dict[str, str],
    why: str | None = None,
) -> _Span:
    """A short form of the people the tables lack that the document names in full (``others``:
    cluster -> full name): UNMATCHED, in their cluster when there is one such person."""
    names = ", ".join(sorted(others.values()))
    one = len(others) == 1
    if why is not None:
        detail = why.format(names)
    elif one:
        detail = f"the document names {names}, whom the tables lack, in full"
    else:
        detail = f"the document names several people the tables lack so: {names}"
    return _Span(i, j, _ambiguous(r, [], detail), via, next(iter(others)) if one else None)


def _stranger_natives(
    resolver: Resolver, text: str, tokens: list[_Token], spans: list[_Span]
) -> list[_Span]:
    """A person the tables lack, written in Hangul or Cyrillic in brackets right after their
    Latin name ("Woo Won-shik (우원식)"): the same person, in the same cluster."""
    taken = _covered(spans)
    out = list(spans)
    for s in spans:
        k = s.j
        if s.cluster is None or k >= len(tokens) or k in taken:
            continue
        if text[tokens[k - 1].end : tokens[k].start].strip() != "(":
            continue
        j = k
        while (
            j < len(tokens)
            and j not in taken
            and (_HANGUL_NAME.match(tokens[j].text) or _CYRILLIC_NAME.match(tokens[j].text))
        ):
            j += 1
        if j == k or text[tokens[j - 1].end : tokens[j - 1].end + 1] != ")":
            continue
        r = resolver.resolve(_slice(text, tokens, k, j), kinds={Kind.PERSON})
        if r.status is Status.MATCHED:
            continue  # a tabled person's native name: not this stranger
        detail = f"written in brackets after {s.resolution.query!r}, whom the tables lack"
        out.append(_Span(k, j, _ambiguous(r, [], detail), "brackets+coreference", s.cluster))
    return sorted(out, key=lambda x: x.i)


def _decided(r: Resolution, entity: Entity, detail: str) -> Resolution:
    evidence = [*r.evidence, Evidence(rule="context", detail=detail)]
    method = Method.FAMILY_NAME if entity.kind is Kind.PERSON else Method.TITLE
    candidate = Candidate(entity=entity, score=0.9, method=method, evidence=evidence)
    return Resolution(
        query=r.query,
        normalized=r.normalized,
        status=Status.MATCHED,
        entity=entity,
        score=0.9,
        method=method,
        candidates=[candidate],
        evidence=evidence,
        title=r.title,
    )


def _ambiguous(r: Resolution, people: list[Entity], detail: str) -> Resolution:
    evidence = [*r.evidence, Evidence(rule="coreference", detail=detail)]
    candidates = [
        Candidate(entity=e, score=0.75, method=Method.FAMILY_NAME, evidence=evidence)
        for e in sorted(people, key=lambda e: e.id)
    ]
    return Resolution(
        query=r.query,
        normalized=r.normalized,
        status=Status.AMBIGUOUS if candidates else Status.UNMATCHED,
        score=0.75 if candidates else 0.0,
        method=Method.FAMILY_NAME,
        candidates=candidates,
        evidence=evidence,
    )


def _mention(text: str, tokens: list[_Token], s: _Span, day: _dt.date | None) -> Mention | None:
    r = s.resolution
    kind = _kind(r) or Kind.PERSON
    held: tuple[str, ...] = ()
    if day is not None and r.status is Status.MATCHED and r.entity is not None:
        held = tuple(dict.fromkeys(o.title for o in r.entity.offices if o.covers(day)))
    start, end = tokens[s.i].start, tokens[s.j - 1].end
    if _THEN.match(tokens[s.i].text) and s.j - s.i == 1:
        return None
    return Mention(
        start=start,
        end=end,
        text=text[start:end],
        kind=kind,
        status=r.status,
        id=r.id,
        score=r.score,
        title_id=r.title_id,
        via=s.via,
        resolution=r,
        cluster=s.cluster,
        held=held,
    )
