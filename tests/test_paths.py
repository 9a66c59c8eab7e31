"""Where figures go: `make figures` writes figures/, another corpus and interactive runs do not."""

from __future__ import annotations

import pytest

from analysis import paths


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, paths.ROOT / "figures"),
        ({"FRAMING_RUN": "lab"}, paths.BUILD / "runs" / "lab" / "figures"),
        ({"FRAMING_RUN": ""}, paths.ROOT / "figures"),
        ({"FRAMING_FIGURES_DIR": "/tmp/out"}, paths.Path("/tmp/out")),
        # an explicit folder wins over the run name (make figures CORPUS=... from a lab terminal)
        ({"FRAMING_FIGURES_DIR": "/tmp/out", "FRAMING_RUN": "lab"}, paths.Path("/tmp/out")),
    ],
)
def test_figures_dir(monkeypatch, env, expected):
    monkeypatch.delenv("FRAMING_FIGURES_DIR", raising=False)
    monkeypatch.delenv("FRAMING_RUN", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert paths.figures_dir() == expected


@pytest.mark.parametrize("name", ["../figures", "a/b", ".."])
def test_a_run_name_cannot_point_outside_build_runs(monkeypatch, name):
    monkeypatch.delenv("FRAMING_FIGURES_DIR", raising=False)
    monkeypatch.setenv("FRAMING_RUN", name)
    with pytest.raises(ValueError, match="FRAMING_RUN"):
        paths.figures_dir()


def test_shown_is_relative_to_the_root_inside_it():
    assert paths.shown(paths.ROOT / "figures" / "03_keyness.csv") == "figures/03_keyness.csv"
    assert paths.shown("/elsewhere/x.csv") == "/elsewhere/x.csv"


def test_make_lab_names_its_run_and_make_figures_and_test_do_not():
    """`make lab` must not write the committed figures; a terminal opened inside JupyterLab
    inherits FRAMING_RUN, so `make figures` and `make test` clear it."""
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    recipes = {}
    target = None
    for line in makefile.splitlines():
        if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
            target = line.split(":")[0]
        elif line.startswith("\t") and target:
            recipes.setdefault(target, []).append(line.strip())
    assert any(r.startswith("FRAMING_RUN=lab ") for r in recipes["lab"])
    assert any(r.startswith("env -u FRAMING_RUN ") for r in recipes["figures"])
    assert any(r.startswith("env -u FRAMING_RUN ") for r in recipes["test"])
