"""Resolve and link pandas columns: one row of answers for each row of names.

This module is an optional extra (``pip install 'canonym[pandas]'``); ``import canonym`` never
imports it, nor pandas.

>>> import pandas as pd
>>> import canonym.pandas
>>> names = pd.Series(["Choe Ryong Hae", "최룡해", None, "nobody at all"])
>>> answers = canonym.pandas.resolve_series(names)
>>> list(answers["id"].fillna("-")), list(answers["status"].fillna("-"))
(['kp.choe-ryong-hae', 'kp.choe-ryong-hae', '-', '-'], ['matched', 'matched', '-', 'unmatched'])

A missing value (``None``, ``NaN``, ``pandas.NA``, ``NaT``) gives missing answers; any other
value that is not text is answered UNMATCHED (evidence ``not-text``), or raises
:class:`TypeError` with ``strict=True``. Text columns have the pandas ``"string"`` dtype and
scores are ``float64``, whatever the input, so that frames of answers concatenate cleanly.
:mod:`canonym.dask` builds its partitions with the same code.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

try:
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    _msg = f"canonym.pandas needs pandas, an optional extra: pip install 'canonym[pandas]' ({exc})"
    raise ImportError(_msg, name=exc.name) from exc

from .decide import as_kinds
from .explain import not_text
from .linker import link
from .model import Kind, Resolution, Status
from .resolver import Resolver, default_resolver

if TYPE_CHECKING:
    import datetime as _dt

__all__ = [
    "COLUMNS",
    "LINK_COLUMNS",
    "frame_of",
    "is_missing",
    "link_series",
    "resolve_column",
    "resolve_series",
]

#: The columns of :func:`resolve_series`: the matched id (missing unless MATCHED), the status,
#: the score, the matched entity's display name (missing unless MATCHED), the method, and the
#: best candidates as ``id (score)`` joined by ``"; "``.
COLUMNS = ("id", "status", "score", "name", "method", "candidates")

#: The columns of :func:`link_series`, one row a mention: the input row's label, the
#: mention's offsets and text, what it names, status, id, score, the office held, how found.
LINK_COLUMNS = (
    "row",
    "start",
    "end",
    "text",
    "kind",
    "status",
    "id",
    "score",
    "title_id",
    "via",
    "cluster",
    "held",
)


def is_missing(value: object) -> bool:
    """``None``, NaN, ``pandas.NA`` or ``NaT``: a missing value in a column."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _candidates(r: Resolution, best: int) -> str:
    return "; ".join(f"{c.id} ({c.score:.2f})" for c in r.candidates[:best])


def frame_of(
    resolutions: Iterable[Resolution | None],
    index: Any = None,
    *,
    columns: tuple[str, ...] = COLUMNS,
    best: int = 3,
) -> Any:
    """A pandas dataframe of answers, one row each (``None`` for a missing input gives a row
    of missing values), with the column names ``columns`` (in the order of :data:`COLUMNS`;
    only as many as given) and ``index``."""
    text = pd.StringDtype()
    rows = list(resolutions)
    matched = [r if r is not None and r.status is Status.MATCHED else None for r in rows]
    values: list[Any] = [
        pd.array([r.id if r else None for r in matched], dtype=text),
        pd.array([r.status.value if r else None for r in rows], dtype=text),
        pd.array([r.score if r else math.nan for r in rows], dtype="float64"),
        pd.array([r.entity.name if r and r.entity else None for r in matched], dtype=text),
        pd.array([r.method.value if r else None for r in rows], dtype=text),
        pd.array([_candidates(r, best) if r else None for r in rows], dtype=text),
    ]
    data = {name: values[k] for k, name in enumerate(columns)}
    return pd.DataFrame(data, index=index)


def _answers(
    values: Iterable[object],
    resolver: Resolver,
    kinds: frozenset[Kind] | None,
    on: _dt.date | str | None,
    strict: bool,
) -> list[Resolution | None]:
    out: list[Resolution | None] = []
    for value in values:
        if is_missing(value):
            out.append(None)
        elif isinstance(value, str):
            out.append(resolver.resolve(value, kinds=kinds, on=on))
        elif strict:
            msg = f"resolve_series() takes text, not {type(value).__name__}: {value!r}"
            raise TypeError(msg)
        else:
            out.append(not_text(value))
    return out


def resolve_series(
    series: Any,
    resolver: Resolver | None = None,
    *,
    kinds: Collection[Kind | str] | None = None,
    on: _dt.date | str | None = None,
    best: int = 3,
    strict: bool = False,
) -> Any:
    """Resolve every value of a pandas Series: a dataframe with the series' index and the
    columns :data:`COLUMNS`.

    Args:
        series: the names, titles or organisations.
        resolver: the resolver to use; :func:`canonym.default_resolver` when ``None``.
        kinds: only consider entities of these kinds (``Kind`` members or their names).
        on: the date the texts speak of (see :meth:`canonym.Resolver.resolve`).
        best: how many candidates the ``candidates`` column lists.
        strict: raise :class:`TypeError` for a value that is neither text nor missing.

    Raises:
        TypeError: ``series`` is not a pandas Series (or, with ``strict``, a value is not
            text).
    """
    if not isinstance(series, pd.Series):
        msg = f"expected a pandas Series, not {type(series).__name__}"
        raise TypeError(msg)
    r = resolver if resolver is not None else default_resolver()
    answers = _answers(series.tolist(), r, as_kinds(kinds), on, strict)
    return frame_of(answers, series.index, best=best)


def resolve_column(
    frame: Any,
    column: str,
    resolver: Resolver | None = None,
    *,
    prefix: str = "canonym_",
    kinds: Collection[Kind | str] | None = None,
    on: _dt.date | str | None = None,
    best: int = 3,
    strict: bool = False,
) -> Any:
    """``frame`` with the answers for one of its columns added as ``prefix`` + each of
    :data:`COLUMNS`; ``frame`` itself is unchanged.

    Raises:
        TypeError: ``frame`` is not a pandas DataFrame.
        KeyError: ``frame`` has no column ``column``.
        ValueError: an added column's name is already in ``frame``.
    """
    if not isinstance(frame, pd.DataFrame):
        msg = f"expected a pandas DataFrame, not {type(frame).__name__}"
        raise TypeError(msg)
    if column not in frame.columns:
        msg = f"the dataframe has no column {column!r}"
        raise KeyError(msg)
    names = tuple(prefix + c for c in COLUMNS)
    clash = [n for n in names if n in frame.columns]
    if clash:
        msg = f"the dataframe already has column(s) {clash}: choose another prefix"
        raise ValueError(msg)
    answers = resolve_series(frame[column], resolver, kinds=kinds, on=on, best=best, strict=strict)
    answers.columns = list(names)
    return pd.concat([frame, answers], axis=1)


def link_series(
    series: Any,
    resolver: Resolver | None = None,
    *,
    on: _dt.date | str | None = None,
) -> Any:
    """Link every text of a pandas Series: a dataframe with one row per mention and the
    columns :data:`LINK_COLUMNS` (``row`` is the text's index label; a missing or empty text
    has no rows).

    Raises:
        TypeError: ``series`` is not a pandas Series, or a value is neither text nor missing.
    """
    if not isinstance(series, pd.Series):
        msg = f"expected a pandas Series, not {type(series).__name__}"
        raise TypeError(msg)
    r = resolver if resolver is not None else default_resolver()
    rows: dict[str, list[Any]] = {name: [] for name in LINK_COLUMNS}
    for label, value in series.items():
        if is_missing(value):
            continue
        if not isinstance(value, str):
            msg = f"link_series() takes text, not {type(value).__name__}: {value!r}"
            raise TypeError(msg)
        for m in link(value, resolver=r, on=on).mentions:
            for name, item in zip(
                LINK_COLUMNS,
                (
                    label,
                    m.start,
                    m.end,
                    m.text,
                    m.kind.value,
                    m.status.value,
                    m.id,
                    m.score,
                    m.title_id,
                    m.via,
                    m.cluster,
                    "; ".join(m.held) or None,
                ),
                strict=True,
            ):
                rows[name].append(item)
    text = pd.StringDtype()
    return pd.DataFrame(
        {
            "row": pd.Series(rows["row"], dtype=object),
            "start": pd.array(rows["start"], dtype="int64"),
            "end": pd.array(rows["end"], dtype="int64"),
            **{n: pd.array(rows[n], dtype=text) for n in ("text", "kind", "status", "id")},
            "score": pd.array(rows["score"], dtype="float64"),
            **{n: pd.array(rows[n], dtype=text) for n in ("title_id", "via", "cluster", "held")},
        }
    )
