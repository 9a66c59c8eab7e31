"""A term explorer for the vocabulary comparison: every term placed by its use in two groups.

In the spirit of scattertext (Kessler 2017): each term is a point whose x is how often the other
group (another outlet, or all the rest) uses it and whose y is how often the chosen group does,
both as *dense-rank percentiles* (:func:`rank_percentile`: the terms' distinct counts ranked,
0 = unused, 1 = the group's most used count), so a handful of very common words does not squeeze
every other term into a corner. Terms above the diagonal lean to the group, terms below to the
other side; the colour is the log-odds z of :func:`analysis.vocabulary.log_odds_z` (the same
statistic as notebook 03's distinctive terms, here for the two sides only).

scattertext itself is not used: its release on PyPI (0.2.2) needs spaCy and gensim, and would
move numpy and scipy off this suite's pins. :class:`TermExplorer` is the ipywidgets version: a
search box (debounced as the KWIC explorer's, :class:`analysis.kwic.KwicExplorer`), the two
groups, a list of the matching terms to pick from, the map with the matches and the picked term
marked, and the picked term's lines in context by group. Headless, it shows the same as HTML:
the terms leaning furthest each way and the first term's lines.

:func:`term_positions` computes; :mod:`analysis.plots.explorer` draws.
"""

from __future__ import annotations

import html

import pandas as pd

from analysis.kwic import DebouncedView, kwic, kwic_html, pattern_problem
from analysis.terms import find_matches
from analysis.vocabulary import DEFAULT_ALPHA0, log_odds_z

REST = "rest"
POSITION_COLUMNS = ["term", "count", "count_other", "x", "y", "z"]


def rank_percentile(counts: pd.Series) -> pd.Series:
    """Dense rank of each count among the distinct counts, scaled to [0, 1]: 0 for the smallest
    count (0 when some term is unused), 1 for the largest; equal counts share a rank. All equal:
    0 everywhere."""
    ranks = counts.rank(method="dense") - 1
    top = ranks.max()
    return ranks / top if top > 0 else ranks * 0.0


def two_sides(counts: pd.DataFrame, group: str, other: str = REST) -> pd.DataFrame:
    """``counts`` (term x group, :func:`analysis.vocabulary.term_table`) as two columns: the
    ``group`` and the ``other`` group, or the sum of every other group (``"rest"``)."""
    if group not in counts.columns:
        raise KeyError(f"no group {group!r} in {list(counts.columns)}")
    if other == REST:
        side = counts.drop(columns=group).sum(axis=1)
    elif other in counts.columns and other != group:
        side = counts[other]
    else:
        raise KeyError(f"other must be {REST!r} or another group of {list(counts.columns)}")
    table = pd.DataFrame({group: counts[group], other: side})
    return table[(table > 0).any(axis=1)]


def term_positions(
    counts: pd.DataFrame, group: str, other: str = REST, *, alpha0: float = DEFAULT_ALPHA0
) -> pd.DataFrame:
    """One row per term either side uses: ``term``, ``count`` (in ``group``), ``count_other``,
    ``x`` / ``y`` (:func:`rank_percentile` of ``count_other`` / ``count``) and ``z`` (log-odds z
    of ``group`` against the other side, prior weight ``alpha0``; > 0: the group uses it more),
    sorted by z, the group's most distinctive term first."""
    table = two_sides(counts, group, other)
    z = log_odds_z(table, alpha0)[group]
    out = pd.DataFrame(
        {
            "term": table.index.astype(str),
            "count": table[group].to_numpy(),
            "count_other": table[other].to_numpy(),
            "x": rank_percentile(table[other]).to_numpy(),
            "y": rank_percentile(table[group]).to_numpy(),
            "z": z.to_numpy(),
        }
    )
    return out.sort_values(["z", "term"], ascending=[False, True], kind="stable").reset_index(
        drop=True
    )[POSITION_COLUMNS]


def search_terms(positions: pd.DataFrame, query: str, *, limit: int = 200) -> pd.DataFrame:
    """The rows of ``positions`` whose term matches ``query`` as the KWIC explorer matches
    text (a word, a glob such as ``withdraw*``, alternatives ``a|b``), at most ``limit``, in
    their order; an empty or unusable query matches nothing."""
    if pattern_problem(query) is not None:
        return positions.iloc[0:0]
    hit = [bool(find_matches(query, term)) and _whole(query, term) for term in positions["term"]]
    return positions[hit].head(limit)


def _whole(query: str, term: str) -> bool:
    """A term matches only if the match covers it all (``war`` is not found in ``war-torn``)."""
    return any(start == 0 and end == len(term) for start, end in find_matches(query, term))


def extremes(positions: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """The ``n`` terms leaning furthest to each side (highest and lowest z), with ``side``."""
    top = positions.head(n).assign(side="group")
    bottom = positions.tail(n).iloc[::-1].assign(side="other")
    return pd.concat([top, bottom[~bottom["term"].isin(top["term"])]], ignore_index=True)


class TermExplorer(DebouncedView):
    """Search the term map, pick a term, read its lines.

    In JupyterLab: a search box, the group and the side it is compared with, a list of the
    matching terms (most distinctive first) and, for the picked term, the map (drawn by
    :func:`analysis.plots.explorer.term_map_png`) with the matches and the term marked, its
    counts, and its KWIC lines in either group. Typing redraws ``delay`` seconds after the last
    key, off the kernel's main thread, and only the latest result is shown. Elsewhere (headless,
    a rendered notebook) the object shows the static HTML of :meth:`render`.
    """

    def __init__(
        self,
        corpus,
        counts: pd.DataFrame,
        group: str,
        other: str = REST,
        *,
        by: str = "outlet",
        window: int = 8,
        max_lines: int = 12,
        delay: float = 0.3,
        **options,
    ):
        self.corpus, self.counts, self.by = corpus, counts, by
        super().__init__(delay)
        self.window, self.max_lines, self.options = window, max_lines, options
        self.group, self.other = group, other
        self.positions = term_positions(counts, group, other)
        self.term = self.positions["term"].iloc[0] if len(self.positions) else ""
        self._widget = None
        self._updating = False  # True while a redraw sets the controls

    # ------------------------------------------------------------------ content

    def lines_for(
        self, term: str, group: str | None = None, other: str | None = None
    ) -> pd.DataFrame:
        """KWIC lines of ``term`` in the two sides being compared (default: the explorer's
        ``group`` and ``other``), with ``group`` (the group of each line's article); none for an
        unusable term."""
        group = self.group if group is None else group
        other = self.other if other is None else other
        if not term or pattern_problem(term) is not None:
            return pd.DataFrame(columns=["group", "outlet", "left", "match", "right"])
        lines = kwic(self.corpus, term, self.window, **self.options)
        groups = self.corpus.articles.set_index("article_id")[self.by].astype(str)
        lines = lines.assign(group=lines["article_id"].map(groups))
        keep = lines["group"] == self.group
        keep |= (
            (lines["group"] != self.group) if self.other == REST else lines["group"] == self.other
        )
        return lines[keep]

    def describe(self, term: str) -> str:
        """One line on ``term``: its counts on each side and its z."""
        return self._describe(term, self.positions, self.group, self.other)

    @staticmethod
    def _describe(term: str, positions: pd.DataFrame, group: str, other: str) -> str:
        row = positions[positions["term"] == term]
        if row.empty:
            return f"<p><code>{html.escape(term)}</code> is not in either side's counted terms.</p>"
        r = row.iloc[0]
        return (
            f"<p><b>{html.escape(term)}</b>: {int(r['count'])} in {html.escape(group)}, "
            f"{int(r['count_other'])} in {html.escape(other)}; log-odds z {r['z']:+.2f}</p>"
        )

    def render(self, term: str | None = None) -> str:
        """The static view as HTML: the terms leaning furthest each way, then ``term`` (default:
        the group's most distinctive) with its lines."""
        term = self.term if term is None else term
        table = extremes(self.positions)
        rows = "".join(
            f"<tr><td>{html.escape(r.side == 'group' and self.group or self.other)}</td>"
            f"<td>{html.escape(r.term)}</td><td>{r.count}</td><td>{r.count_other}</td>"
            f"<td>{r.z:+.2f}</td></tr>"
            for r in table.itertuples()
        )
        head = (
            f"<p class='term-map-count'><b>{len(self.positions)} terms</b>: "
            f"{html.escape(self.group)} against {html.escape(self.other)}</p>"
        )
        leaning = (
            "<table><thead><tr><th>leans to</th><th>term</th><th>count</th>"
            f"<th>other</th><th>z</th></tr></thead><tbody>{rows}</tbody></table>"
        )
        lines = self.lines_for(term)
        return head + leaning + self.describe(term) + kwic_html(lines, max_lines=self.max_lines)

    # ------------------------------------------------------------------ widget

    def widget(self):
        """The interactive widget (built on first use)."""
        if self._widget is None:
            import ipywidgets as widgets

            groups = [str(g) for g in self.counts.columns]
            self._search = widgets.Text(
                value="",
                description="search",
                placeholder="a word, a glob (withdraw*) or a|b",
                continuous_update=True,
            )
            self._group = widgets.Dropdown(options=groups, value=self.group, description=self.by)
            self._other = widgets.Dropdown(
                options=[REST, *groups], value=self.other, description="against"
            )
            self._terms = widgets.Select(
                options=self._options("", self.positions), rows=10, description="terms"
            )
            png = self._png(self.term, "", self.positions, self.group, self.other)
            self._image = widgets.Image(format="png", value=png)
            lines = self._lines_html(self.term, self.group, self.other)
            self._detail = widgets.HTML(self.describe(self.term) + lines)
            for control in (self._search, self._group, self._other, self._terms):
                control.observe(self._schedule, names="value")
            self._widget = widgets.VBox(
                [
                    widgets.HBox([self._search, self._group, self._other]),
                    widgets.HBox([self._image, self._terms]),
                    self._detail,
                ]
            )
        return self._widget

    @staticmethod
    def _options(query: str, positions: pd.DataFrame) -> list[str]:
        """The terms the list offers: those matching ``query``, or the first 200."""
        found = search_terms(positions, query) if query.strip() else positions.head(200)
        return found["term"].tolist()

    @staticmethod
    def _png(term: str, query: str, positions: pd.DataFrame, group: str, other: str) -> bytes:
        from analysis.plots.explorer import term_map_png

        marked = search_terms(positions, query)["term"].tolist() if query.strip() else []
        return term_map_png(positions, group, other, marked=marked, picked=term)

    def _lines_html(self, term: str, group: str, other: str) -> str:
        return kwic_html(self.lines_for(term, group, other), max_lines=self.max_lines)

    def _schedule(self, _change=None) -> None:
        """As :meth:`DebouncedView._schedule`; changes the redraw itself makes to the controls
        (the term list) schedule nothing."""
        if not self._updating:
            super()._schedule(_change)

    def _refresh(self, generation: int) -> None:
        group, other, query = self._group.value, self._other.value, self._search.value
        other = REST if other == group else other
        positions = self.positions
        if (group, other) != (self.group, self.other):
            positions = term_positions(self.counts, group, other)
        options = self._options(query, positions)
        term = self._terms.value if self._terms.value in options else (options or [""])[0]
        png = self._png(term, query, positions, group, other)
        detail = self._describe(term, positions, group, other) + self._lines_html(
            term, group, other
        )
        with self._lock:
            if generation != self._generation:  # changed again while this was computed
                return
            self.group, self.other, self.positions, self.term = group, other, positions, term
            self._updating = True
        try:
            if list(self._terms.options) != options:
                self._terms.options = options
            if term and self._terms.value != term:
                self._terms.value = term
            self._image.value = png
            self._detail.value = detail
        finally:
            self._updating = False

    def _repr_mimebundle_(self, include=None, exclude=None):
        static = {
            "text/html": self.render(),
            "text/plain": extremes(self.positions).to_string(index=False),
        }
        try:
            bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude) or {}
        except ImportError:
            return static
        return {**bundle, **static}


def term_explorer(corpus, counts: pd.DataFrame, group: str, other: str = REST, **options):
    """A :class:`TermExplorer` of ``counts`` (:func:`analysis.vocabulary.term_table` of
    ``corpus``) for ``group`` against ``other`` (another group, or ``"rest"``); ``options`` go
    to it (``by``, ``window``, ``max_lines``, ``delay``) and to :func:`analysis.kwic.kwic`
    (``voice``, ``case``, ``canonical``)."""
    return TermExplorer(corpus, counts, group, other, **options)
