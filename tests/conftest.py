"""Shared fixtures: the real seeds (skipped when ../shared is absent) and helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import Config, Converter, get_plugin_manager

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS_DIR.glob("*.txt")) if SEEDS_DIR.is_dir() else []


def seed_params() -> list[object]:
    """Parametrize over the seeds, or one skipped case when they are absent."""
    if not SEED_FILES:
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/seeds is absent"))]
    return [pytest.param(path, id=path.name[:3]) for path in SEED_FILES]


@pytest.fixture
def converter() -> Converter:
    """A converter with the built-in plugins only and default settings."""
    return Converter(config=Config(), host=get_plugin_manager(load_entrypoints=False))


@pytest.fixture(scope="session")
def seed_converter() -> Converter:
    """One converter shared by the seed tests (building hosts is not free)."""
    return Converter(config=Config(), host=get_plugin_manager(load_entrypoints=False))
