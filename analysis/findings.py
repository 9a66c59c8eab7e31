"""Citable numbers: every figure a write-up may quote goes through :func:`record_finding`.

Findings live in ``findings.csv`` beside the figures, one row per ``key`` (stable and readable,
e.g. ``tone.compound.writer.moscow-times``), with ``value``, ``unit``, ``description``,
``notebook`` and ``figure``. Recording a key again replaces its row, and the file is kept sorted
by key, so it is the same whatever order the notebooks run in.

Each row also says what produced it (:func:`provenance`): ``parameters``, the notebook's
parameters whose values differ from its defaults (``voice='writer'``; empty for the default
build); ``corpus``, the corpus's name, size and hash (as every figure's source line gives it);
``version``, the package version; and ``commit``, the git commit (``+dirty`` with uncommitted
changes to the code, notebooks or seeds) -- for a non-default run only. The default build
(``make figures``: default parameters, no ``FRAMING_RUN``) leaves ``commit`` empty: its
``findings.csv`` is committed, and a file that named the commit containing it could never be
byte-identical to what the code at that commit produces. Cite a default finding with the
commit you checked out; a non-default run's rows carry their own.

Recording is cheap: rows wait in memory and the file is read and written once per notebook cell
that recorded something (IPython's ``post_run_cell`` event), or at exit in a script, or when
:func:`read_findings` or :func:`flush_findings` is called, not once per call (4,450 calls used
to rewrite the file 4,450 times). The file is read again just before each write, so two kernels
recording into one folder keep each other's rows.

The file grows with outlets, not articles: a notebook hands :func:`record_findings` its
``articles`` table, and past :data:`~analysis.aggregate.MAX_ARTICLES` articles (the threshold at
which figures switch to outlets) each per-article finding -- a key with an article's id as one of
its segments -- is replaced by its mean, median and number of articles per outlet
(:func:`outlet_rows`). The per-article values stay in the notebook's own CSV tables.
"""

from __future__ import annotations

import ast
import atexit
import functools
import json
import math
import re
import subprocess
import sys
from collections.abc import Iterable
from numbers import Integral, Real
from pathlib import Path

import pandas as pd

from analysis import aggregate, paths
from analysis.text import key_part, outlet_slug

FILENAME = "findings.csv"
#: What a row says, then what produced it (see :func:`provenance`).
PROVENANCE = ["parameters", "corpus", "version", "commit"]
COLUMNS = ["key", "value", "unit", "description", "notebook", "figure", *PROVENANCE]
#: The columns of the table a module's ``*_findings`` function hands to :func:`record_findings`.
ROW_COLUMNS = ["key", "value", "unit", "description", "figure"]
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")


def finding(
    key: str, value: object, unit: str, description: str, figure: str = ""
) -> tuple[str, object, str, str, str]:
    """One row for :func:`findings_table` (``figure``: the slug of the figure that shows it)."""
    return key, value, unit, description, figure


def findings_table(rows: Iterable[tuple[str, object, str, str, str]]) -> pd.DataFrame:
    """:func:`finding` rows as the table :func:`record_findings` takes. ``value`` stays an object
    column, so a count stays an integer next to shares (a float column would write 130000 as
    1.3e+05)."""
    return pd.DataFrame(list(rows), columns=ROW_COLUMNS, dtype=object)


def findings_path(out_dir: str | Path | None = None) -> Path:
    return (Path(out_dir) if out_dir is not None else paths.figures_dir()) / FILENAME


def format_value(value: object) -> str:
    """A value as it is written to the CSV: integers as is, reals to 4 significant digits."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real):
        if math.isnan(float(value)):
            return "nan"
        return f"{float(value):.4g}"
    return str(value)


def record_findings(
    rows: pd.DataFrame,
    *,
    notebook: str,
    figure: str = "",
    out_dir: str | Path | None = None,
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Record many findings at once and return ``rows`` unchanged (so a notebook can show them).

    ``rows`` has ``key``, ``value``, ``unit``, ``description`` and optionally ``figure`` (which
    wins over the ``figure`` argument where it is not empty). One read and one write of the file,
    however many rows. With ``articles`` (``article_id`` and ``outlet``) of more than
    :data:`~analysis.aggregate.MAX_ARTICLES` articles, the per-article rows are recorded as
    :func:`outlet_rows` instead.
    """
    if articles is not None and not aggregate.per_article(len(articles)):
        _record(outlet_rows(rows, articles), notebook=notebook, figure=figure, out_dir=out_dir)
    else:
        _record(rows, notebook=notebook, figure=figure, out_dir=out_dir)
    return rows


def _record(rows: pd.DataFrame, *, notebook: str, figure: str, out_dir: str | Path | None) -> None:
    if rows.empty:
        return
    bad = [k for k in rows["key"] if not _KEY.match(k)]
    if bad:
        raise ValueError(f"finding keys must be dotted lower-case, e.g. 'corpus.words.ap': {bad}")
    figures = rows["figure"] if "figure" in rows.columns else pd.Series("", index=rows.index)
    new = pd.DataFrame(
        {
            "key": rows["key"],
            "value": [format_value(v) for v in rows["value"]],
            "unit": rows["unit"],
            "description": rows["description"],
            "notebook": notebook,
            "figure": figures.fillna("").replace("", figure),
            **provenance(notebook),
        }
    )
    _upsert(new.to_dict("records"), findings_path(out_dir))


#: What replaces a per-article finding past MAX_ARTICLES articles: key segment, statistic, and
#: unit (None: the per-article finding's).
OUTLET_STATISTICS = [
    ("outlet-mean", "mean", None),
    ("outlet-median", "median", None),
    ("outlet-articles", "articles", "articles"),
]


def outlet_rows(rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with each per-article finding (a key one of whose segments is an article's
    :func:`~analysis.text.key_part`) replaced by three rows per outlet: the mean and median of
    its numeric values over the outlet's articles and their number, keyed
    ``<key without the article>.outlet-mean.<outlet slug>`` (``-median``, ``-articles``).
    A per-article finding that is not a number (a list of frames, a flag) is left out."""
    ids = articles["article_id"].drop_duplicates()
    named = aggregate.article_segment(
        rows["key"], pd.Series([key_part(a) for a in ids], index=ids.values)
    )
    per_article = rows[named.notna()].assign(article_id=named.dropna())
    per_article = per_article[per_article["value"].map(_is_number).astype(bool)]
    if per_article.empty:
        return rows[named.isna()]
    outlets = articles.drop_duplicates("article_id").set_index("article_id")["outlet"]
    values = per_article.assign(
        pattern=[
            _without(k, key_part(a))
            for k, a in zip(per_article["key"], per_article["article_id"], strict=True)
        ],
        outlet=per_article["article_id"].map(outlets),
        value=per_article["value"].astype(float),
    )
    first = values.drop_duplicates("pattern").set_index("pattern")
    stats = aggregate.outlet_finding_stats(values)
    summary = [
        _outlet_finding(r, first.loc[r.pattern], segment, statistic, unit)
        for r in stats.itertuples(index=False)
        for segment, statistic, unit in OUTLET_STATISTICS
    ]
    return pd.concat([rows[named.isna()], findings_table(summary)], ignore_index=True)


def _without(key: str, segment: str, instead: str | None = None) -> str:
    """``key`` with its segment ``segment`` taken out (or replaced by ``instead``)."""
    kept = [instead if s == segment else s for s in key.split(".") if s != segment or instead]
    return ".".join(kept)


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _outlet_finding(stat, first: pd.Series, segment: str, statistic: str, unit: str | None):
    value = getattr(stat, statistic)
    where = _without(first["key"], key_part(first["article_id"]), "<article>")
    described = {"mean": "mean", "median": "median", "articles": "number of articles"}[statistic]
    return finding(
        f"{stat.pattern}.{segment}.{outlet_slug(stat.outlet)}",
        int(value) if statistic == "articles" else float(value),
        unit or first["unit"],
        f"{stat.outlet}: {described} over its {stat.articles} articles of the per-article "
        f"finding {where} ({first['unit']}); per article in the notebook's tables",
        first.get("figure", ""),
    )


def notebook_defaults(notebook: str) -> dict[str, object]:
    """The default parameters of ``notebooks/<notebook>.ipynb``: the literal values assigned in
    its cell tagged ``parameters`` ({} if there is no such notebook)."""
    return dict(_defaults(paths.NOTEBOOKS / f"{notebook}.ipynb"))


@functools.cache
def _defaults(path: Path) -> tuple[tuple[str, object], ...]:
    if not path.is_file():
        return ()
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    cell = next((c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    if cell is None:
        return ()
    tree = ast.parse("".join(cell["source"]))
    return tuple(
        (target.id, ast.literal_eval(node.value))
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    )


def changed_parameters(notebook: str) -> dict[str, object]:
    """The parameters of ``notebook`` whose values in the running IPython kernel differ from the
    notebook's defaults (papermill's injected values, or a value changed by hand); {} outside
    IPython."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return {}
    names = shell.user_ns
    return {
        name: names[name]
        for name, default in notebook_defaults(notebook).items()
        if name in names and names[name] != default
    }


def provenance(notebook: str) -> dict[str, str]:
    """The provenance columns of a row recorded now by ``notebook`` (see the module's
    docstring): the changed parameters, the current corpus's label, the package version, and
    the commit unless this is the default build."""
    from analysis import __version__
    from analysis.corpus import last_loaded_label  # (corpus sits above findings; lazy)

    changed = changed_parameters(notebook)
    default_build = not changed and paths.run_name() is None
    return {
        "parameters": "; ".join(f"{name}={value!r}" for name, value in changed.items()),
        "corpus": last_loaded_label(),
        "version": __version__,
        "commit": "" if default_build else _commit(),
    }


@functools.cache
def _commit() -> str:
    """The checked-out commit, ``+dirty`` if the code, notebooks or seeds differ from it; "" out
    of git."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(paths.ROOT), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    head = git("rev-parse", "HEAD")
    if not head:
        return ""
    dirty = git("status", "--porcelain", "--", "analysis", "notebooks", "seeds")
    return head + ("+dirty" if dirty else "")


#: Rows recorded but not yet written, by findings file, then by key (the last recording wins).
_PENDING: dict[Path, dict[str, dict[str, str]]] = {}
_HOOKED: set[str] = set()


def _upsert(rows: list[dict[str, str]], path: Path) -> None:
    """Queue ``rows`` for the findings file at ``path`` (see :func:`flush_findings`)."""
    pending = _PENDING.setdefault(Path(path).resolve(), {})
    for row in rows:
        pending[row["key"]] = row
    _flush_later()


def _flush_later() -> None:
    """Arrange for the queued rows to be written after the running cell, or at exit."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None and "ipython" not in _HOOKED:
        shell.events.register("post_run_cell", _after_cell)
        _HOOKED.add("ipython")
    if "atexit" not in _HOOKED:
        atexit.register(flush_findings)
        _HOOKED.add("atexit")


def _after_cell(result: object = None) -> None:
    flush_findings()


def flush_findings() -> None:
    """Write every queued row: replace the rows of their keys in each findings file (creating
    it), sorted by key. One read and one write per file."""
    while _PENDING:
        path, rows = _PENDING.popitem()
        new = pd.DataFrame(list(rows.values()), columns=COLUMNS)
        table = _read(path)
        from analysis.plots import write_table  # matplotlib loads with it; only when writing

        table = pd.concat([table[~table["key"].isin(new["key"])], new], ignore_index=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_table(
            table.drop_duplicates("key", keep="last").sort_values("key", kind="stable"), path
        )


def record_finding(
    key: str,
    value: object,
    *,
    unit: str,
    description: str,
    notebook: str,
    figure: str = "",
    out_dir: str | Path | None = None,
) -> object:
    """Record one citable number in ``findings.csv`` and return ``value`` unchanged.

    ``key`` is dotted lower-case (``vocabulary.similarity.ap.independent``); ``figure`` is the slug
    of the figure that shows it, if any.
    """
    if not _KEY.match(key):
        raise ValueError(f"finding key {key!r} must be dotted lower-case, e.g. 'corpus.words.ap'")
    row = {
        "key": key,
        "value": format_value(value),
        "unit": unit,
        "description": description,
        "notebook": notebook,
        "figure": figure,
        **provenance(notebook),
    }
    _upsert([row], findings_path(out_dir))
    return value


def merge_findings(source: str | Path, path: str | Path) -> None:
    """Add the rows of the findings file ``source`` to the one at ``path`` (creating it),
    replacing rows of the same key: ``path`` ends as if ``source``'s rows had been recorded
    there (:func:`analysis.run.run` gathers the files of notebooks run side by side so)."""
    _upsert(_read(Path(source)).to_dict("records"), Path(path))
    flush_findings()


def read_findings(path: str | Path | None = None) -> pd.DataFrame:
    """The findings table (empty, with its columns, if nothing was recorded yet), with the rows
    recorded in this process so far."""
    flush_findings()
    return _read(Path(path) if path is not None else findings_path())


def _read(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return table.reindex(columns=COLUMNS, fill_value="")  # (a file from before PROVENANCE)
