"""Shared fixtures and Hypothesis profiles.

Profiles: ``dev`` (default, quick), ``ci`` (more examples) and ``fuzz`` (a long run,
``CANONYM_FUZZ_EXAMPLES`` examples per property, 20000 by default); choose with
``HYPOTHESIS_PROFILE=ci``. Unit tests of the machinery use the small synthetic table in
``fixtures/mini.toml``; tests of the shipped data use the default tables.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import canonym

settings.register_profile(
    "dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# A long fuzz run of the robustness properties (docs/guarantees.md):
#   HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_reliability.py -k survive
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("CANONYM_FUZZ_EXAMPLES", "20000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
MINI = FIXTURES / "mini.toml"


@pytest.fixture(scope="session")
def mini_tables() -> canonym.Tables:
    return canonym.load_tables(MINI, defaults=False)


@pytest.fixture(scope="session")
def mini(mini_tables: canonym.Tables) -> canonym.Resolver:
    return canonym.Resolver(mini_tables)


@pytest.fixture(scope="session")
def shipped() -> canonym.Resolver:
    return canonym.default_resolver()
