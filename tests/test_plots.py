"""The drawing layer stays in ``analysis/plots/``: topic modules compute tables, plots draw them."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import paths

PACKAGE = paths.ROOT / "analysis"
PLOTS = PACKAGE / "plots"
TOPICS = ("corpus", "sources", "vocabulary", "tone", "emphasis", "reuse")


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_only_the_plots_package_imports_matplotlib():
    outside = sorted(p for p in PACKAGE.rglob("*.py") if PLOTS not in p.parents)
    offenders = {
        str(p.relative_to(paths.ROOT)): sorted(
            m for m in _imported_modules(p) if m.split(".")[0] == "matplotlib"
        )
        for p in outside
    }
    assert len(outside) > 20  # the scan saw the package, not an empty folder
    assert {p: m for p, m in offenders.items() if m} == {}


def test_the_scan_would_see_an_import_inside_a_function(tmp_path):
    source = tmp_path / "m.py"
    source.write_text(
        "def f():\n    from matplotlib.patches import Patch\n    import matplotlib.pyplot as plt\n"
    )
    assert _imported_modules(source) == {"matplotlib.patches", "matplotlib.pyplot"}


def test_importing_every_topic_module_does_not_load_matplotlib():
    modules = [p.stem for p in PACKAGE.glob("*.py") if p.stem not in {"__init__", "__main__"}]
    script = (
        "import importlib, sys\n"
        f"for name in {sorted(modules)!r}:\n"
        "    importlib.import_module('analysis.' + name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_one_plots_module_per_notebook_topic_and_every_plot_function_lives_there():
    assert sorted(p.stem for p in PLOTS.glob("*.py") if p.stem in TOPICS) == sorted(TOPICS)
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        plots = [
            n.name
            for n in tree.body
            if isinstance(n, ast.FunctionDef) and n.name.startswith("plot_")
        ]
        assert plots == [], f"{path.name} draws: {plots}"


def test_article_labels_name_the_article_where_the_outlet_does_not():
    import pandas as pd

    from analysis.plots import article_labels

    articles = pd.DataFrame({"article_id": ["ft-v2", "ft-v1", "ap"], "outlet": ["FT", "FT", "AP"]})
    assert article_labels(articles).tolist() == ["FT (ft-v2)", "FT (ft-v1)", "AP"]
    assert article_labels(articles, ids="always").to_dict() == {
        "ft-v2": "ft-v2\n(FT)",
        "ft-v1": "ft-v1\n(FT)",
        "ap": "ap\n(AP)",
    }


def test_the_base_layer_imports_no_topic_module():
    """README's Layout: the base modules sit below every topic, so two topics can share them."""
    base = ("text", "sentences", "terms", "voices", "stats", "lexicon", "paths", "errors")
    topics = {"corpus", "clean", "actors", "quotes", "sources", "vocabulary", "kwic", "tone"}
    topics |= {"readability", "emphasis", "numbers", "reuse", "provenance", "plots"}
    for name in base:
        imported = {m.split(".")[1] for m in _imported_modules(PACKAGE / f"{name}.py") if "." in m}
        assert not imported & topics, f"{name}.py imports {sorted(imported & topics)}"
    for name in ("emphasis", "tone"):  # they share the matcher through analysis.terms
        assert "analysis.vocabulary" not in _imported_modules(PACKAGE / f"{name}.py")


def test_dollar_amounts_in_article_text_are_drawn_as_written(tmp_path):
    """Two dollar signs in a cell ("$1.13bn ... $540m") are money, not a mathematics span:
    the SVG (text kept as text) holds the string in one text element, not as math glyphs."""
    import matplotlib.pyplot as plt

    from analysis.plots import style  # noqa: F401  (the house rcParams)

    written = "$1.13bn (£600m); 639m; $540m"
    fig, ax = plt.subplots()
    ax.text(0, 0, written)
    fig.savefig(tmp_path / "money.svg")
    plt.close(fig)
    svg = (tmp_path / "money.svg").read_text(encoding="utf-8")
    assert f">{written}</text>" in svg


#: What marks code in a sentence for a reader: a backtick, an UPPER_CASE constant, a dotted
#: module path (analysis.vocabulary.similarity), a snake_case name (reuse_matrix) or a keyword
#: argument (all_pairs=True).
CODE_NAME = re.compile(
    r"`|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[a-z_]\w*\.[a-z_]\w*\.[a-z_]\w*|\b[a-z]+_[a-z_]+\b|\w=\w"
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("past `analysis.aggregate.MAX_ARTICLES` articles", True),
        ("the MAX_ARTICLES - 1 outlets", True),
        ("(analysis.vocabulary.similarity, up to 40 articles)", True),
        ("Heatmap of reuse_matrix", True),
        ("(all_pairs=True)", True),
        ("quoted words per speaker (the top most quoted)", False),
        (
            'The Independent\'s "mr" (z = 2.87); ft-v2 and U.S. forces; 1,000 words; G² = 29.2',
            False,
        ),
    ],
)
def test_the_code_name_pattern_finds_code_not_prose(text, code):
    assert bool(CODE_NAME.search(text)) is code


def test_no_alt_text_names_code():
    alt = pd.read_csv(paths.ROOT / "figures" / "alt_text.csv", dtype=str, keep_default_na=False)
    assert len(alt) > 30
    assert {r.slug: r.alt for r in alt.itertuples() if CODE_NAME.search(r.alt)} == {}


def _plot_functions():
    import importlib
    import inspect

    for module in sorted(PLOTS.glob("*.py")):
        if module.stem.startswith("_") or module.stem in ("save", "style", "texttable"):
            continue
        loaded = importlib.import_module(f"analysis.plots.{module.stem}")
        for name, function in inspect.getmembers(loaded, inspect.isfunction):
            if name.startswith("plot_") and function.__module__ == loaded.__name__:
                yield f"{module.stem}.{name}", function


def test_every_plot_has_a_plain_description_for_its_alt_text():
    """Its fields filled from the plot's defaults (a field that is no argument raises)."""
    from analysis.plots.save import alt_text

    plots = dict(_plot_functions())
    assert len(plots) > 30
    missing = [name for name, plot in plots.items() if not getattr(plot, "description", "")]
    assert missing == []
    described = {name: alt_text(plot) for name, plot in plots.items()}
    assert {n: text for n, text in described.items() if CODE_NAME.search(text)} == {}


def test_alt_text_says_the_number_an_argument_gives():
    from analysis.plots import sources
    from analysis.plots.save import alt_text

    text = alt_text(sources.plot_words_by_speaker, None, top=10, finding="Daily quotes X most")
    assert text.startswith("Daily quotes X most. One panel per outlet: quoted words per speaker")
    assert "(the 10 most quoted)" in text
    assert "(the 8 most quoted)" in alt_text(sources.plot_words_by_speaker, None)


def test_words_by_speaker_says_so_when_no_article_has_a_quotation():
    """A corpus without quotations (tests/fixtures/timeline_corpus) drew no panel and failed."""
    from analysis.plots.sources import plot_words_by_speaker

    columns = ["outlet", "articles", "speaker", "side", "speaker_type", "quotes", "quoted_words"]
    fig = plot_words_by_speaker(pd.DataFrame(columns=[*columns, "share_of_words"]), finding="None")
    texts = [t.get_text() for t in fig.texts]
    assert texts[0].startswith("None\nQuoted words per speaker")
    assert texts[1] == "No article has a quotation."


def test_counts_in_titles_have_thousands_separators():
    """The BBC run's titles said "N = 2225 articles"; counts past 999 are grouped as in the
    findings ("2,225")."""
    from analysis.plots import emphasis, style

    assert style.capped(1200, 3400, "outlets") == "1,200 of 3,400 outlets shown (all in the CSV)"
    units = pd.DataFrame({"article_id": [f"a{i}" for i in range(1500)], "zone": "body"})
    assert emphasis._n_label(units) == "N = 1,500 articles, 1,500 body sentences"


def test_words_by_type_with_every_type_stays_within_seven_inches(tmp_path):
    """With all ten speaker types in the legend (the BBC run) the legend's five columns made
    02_words_by_type 7.29 in wide when saved tight; four columns keep it within the page."""
    import matplotlib.pyplot as plt
    from PIL import Image

    from analysis.plots import sources as source_plots

    rows = [
        {
            "outlet": outlet,
            "type": kind,
            "share_of_words": 0.1,
            "quoted_words": 1000,
            "quotes": 10,
            "articles": 500,
        }
        for outlet in ("business", "entertainment", "politics")
        for kind in source_plots.TYPE_ORDER
    ]
    fig = source_plots.plot_words_by_type(pd.DataFrame(rows))
    fig = fig[0] if isinstance(fig, tuple) else fig
    path = tmp_path / "by_type.png"
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    assert Image.open(path).size[0] <= 7.0 * 100 + 1
