"""The set-up promises: exact pins, the same in pyproject.toml and environment.yml."""

from __future__ import annotations

import re
import tomllib

import yaml

from analysis import paths

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;]+)$")


def _pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = {}
    for spec in specs:
        match = PIN.match(spec)
        assert match, f"pyproject.toml: {spec!r} is not an exact pin"
        pins[match[1].lower()] = match[2]
    return pins


def _environment_pins() -> dict[str, str]:
    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return {m[1].lower(): m[2] for m in map(PIN.match, pip) if m}


def test_every_dependency_is_pinned_exactly_and_environment_agrees():
    assert _pyproject_pins() == _environment_pins()


def test_installed_versions_are_the_pinned_ones():
    from importlib.metadata import version

    for name, pinned in _pyproject_pins().items():
        assert version(name) == pinned, name


def test_lexicons_read_the_same_with_the_fast_yaml_parser():
    """paths.read_yaml uses libyaml's C parser; it must build what the pure-Python one builds."""
    import yaml

    from analysis import paths

    assert hasattr(yaml, "CSafeLoader"), "PyYAML without libyaml: lexicons load slowly"
    lexicons = sorted([*paths.LEXICONS.glob("*.yml"), *paths.SEED_LEXICONS.glob("*.yml")])
    assert len(lexicons) >= 11
    for path in lexicons:
        with open(path, encoding="utf-8") as handle:
            assert paths.read_yaml(path) == yaml.safe_load(handle), path.name
