"""The public API: exports, version, typing marker, and the one-way import layering."""

from __future__ import annotations

import ast
import importlib.metadata
from pathlib import Path

import pytest

import canonym

PACKAGE = Path(canonym.__file__).parent


def test_all_names_exist_and_have_docstrings() -> None:
    for name in canonym.__all__:
        obj = getattr(canonym, name)
        if callable(obj) and not isinstance(obj, int | float | str):
            assert obj.__doc__, name


def test_version_comes_from_metadata() -> None:
    assert canonym.__version__ == importlib.metadata.version("canonym")


def test_py_typed_and_data_ship_with_the_package() -> None:
    assert (PACKAGE / "py.typed").exists()
    for name in ("persons.toml", "titles.toml", "organisations.toml"):
        assert (PACKAGE / "data" / name).exists()


# Each module may import only the canonym modules listed for it.
ALLOWED = {
    "_gc": set(),
    "errors": set(),
    "text": set(),
    "translit/hangul": set(),
    "translit/cyrillic": set(),
    "translit/han": set(),
    "translit/arabic": set(),
    "translit/palladius": {"han"},
    "translit/belarusian": set(),
    "translit/east_slavic": {"belarusian", "cyrillic"},
    # the script registry: one interface over the script modules beside it
    "translit/scripts": {"arabic", "belarusian", "cyrillic", "han", "hangul", "palladius"},
    "model": set(),
    "titles": {"text"},
    # the name engine: the analyser knows text and scripts; matching knows names and the model
    "names": {"text", "translit"},
    "matching": {"model", "names"},
    # the exact lookups ask the analyser which word of a spelling is its surname
    "lookups": {"index", "model", "names", "text", "titles"},
    "decide": {"model", "text"},
    "parallel": {"errors", "model", "tables"},
    "offices": {"decide", "lookups", "model", "text"},
    "explain": {"lookups", "matching", "model"},
    "formats": {"errors", "model", "text"},
    "tables": {"_gc", "errors", "formats", "model", "text"},
    "index": {"_gc", "model", "tables", "text", "titles", "translit"},
    # the pipeline: lookups, the name engine, offices and the decision, put in order
    "engine": {
        "_gc",
        "decide",
        "explain",
        "index",
        "lookups",
        "matching",
        "model",
        "names",
        "offices",
        "text",
    },
    # the API around the engine: tables, persistence, batches; it knows nothing of the linker,
    # which drives a resolver through its public methods only
    "resolver": {
        "decide",
        "engine",
        "explain",
        "index",
        "lookups",
        "matching",
        "model",
        "offices",
        "parallel",
        "snapshot",
        "store",
        "tables",
        "text",
    },
    "snapshot": {"_gc", "index", "model", "tables"},
    "store": {"_gc", "errors", "model", "tables"},
    # the linker drives a resolver and asks its spelling lookups (resolver.spellings) what
    # runs of words may name; it names the two classes only for type checking and reads no
    # index tier
    "linker": {"model", "parallel", "text", "titles", "translit", "resolver", "lookups"},
    "cli": {"__init__", "store"},
    "dask": {
        "linker",
        "model",
        "pandas",
        "resolver",
        "store",
    },
    "pandas": {
        "decide",
        "explain",
        "linker",
        "model",
        "resolver",
    },  # store.write_atomically: public, for atomic output files
}


def canonym_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level >= 1 and node.module:
                found.add(node.module.split(".")[0])
            elif node.level >= 1:  # from . import formats
                found.update(alias.name for alias in node.names)
            elif node.module and node.module.split(".")[0] == "canonym":
                parts = node.module.split(".")
                found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "canonym":
                    parts = alias.name.split(".")
                    found.add(parts[1] if len(parts) > 1 else "__init__")
    return found


def test_layers_point_one_way() -> None:
    for module, allowed in ALLOWED.items():
        imports = canonym_imports(PACKAGE / f"{module}.py")
        assert imports <= allowed, (module, imports - allowed)


#: Entity metadata the name engine must never read: origin comes from the spelling alone.
METADATA = {"country", "family_name", "native", "wikidata", "offices", "organisation"}


@pytest.mark.parametrize("module", ["names", "matching"])
def test_the_name_engine_reads_no_entity_metadata(module: str) -> None:
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    read = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert not read & METADATA, read & METADATA


def test_import_does_not_build_tables() -> None:
    import subprocess
    import sys

    code = (
        "import canonym, canonym.tables, canonym.resolver;"
        "assert canonym.tables.default_tables.cache_info().currsize == 0;"
        "assert canonym.resolver.default_resolver.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_import_is_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, canonym; "
        "loaded = [m for m in sys.modules if m.startswith('canonym.')]; "
        "assert loaded == [], loaded; "
        "assert canonym.normalize('KIM, Jong Un') == 'jong un kim'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_building_leaves_the_collector_as_it_was() -> None:
    import gc

    import canonym

    assert gc.isenabled()
    canonym.Resolver(canonym.load_tables())
    assert gc.isenabled()
    gc.disable()
    try:
        canonym.Resolver(canonym.load_tables())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_linker_reads_no_index() -> None:
    # the linker works through the public engine: resolve() and resolver.spellings
    tree = ast.parse((PACKAGE / "linker.py").read_text(encoding="utf-8"))
    read = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert not read & {"index", "tiers", "span_keys", "key_prefixes", "lookup", "turned_people"}
