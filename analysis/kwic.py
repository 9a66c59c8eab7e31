"""Reading words in context: a concordance (KWIC), log-Dice collocates and an explorer.

A statistic says a word is distinctive; only the lines it stands in say how it is used.
:func:`kwic` lists every occurrence of a word, phrase, glob or regex with the words around it,
matched exactly as :func:`analysis.terms.find_matches` defines (whole words of
:data:`analysis.text.WORD_PATTERN`). :func:`collocates` ranks the words found near it by log-Dice.
:func:`explorer` is the interactive version for JupyterLab, with a static table when run headless.

Like the rest of :mod:`analysis.vocabulary`, every function reads the canonical articles unless
``canonical=False``, and the text of ``voice`` (all / writer / quoted).
"""

from __future__ import annotations

import html
import re
import threading
from collections import Counter

import numpy as np
import pandas as pd

from analysis.terms import find_matches, normalise, stop_word_list
from analysis.text import WORD_RE
from analysis.vocabulary import term_table, voice_text

KWIC_COLUMNS = ["article_id", "outlet", "paragraph", "start", "left", "match", "right"]
_SPACE = re.compile(r"\s+")


def _matches(corpus, pattern, *, case: bool, canonical: bool, voice: str):
    """The corpus (canonical or not), and every text unit of ``voice`` in which ``pattern``
    occurs, with the (start, end) spans of its occurrences, in corpus order."""
    corpus = corpus.canonical() if canonical else corpus
    units = voice_text(corpus, voice).reset_index(drop=True)
    if not isinstance(pattern, re.Pattern):
        find_matches(pattern, "", case=case)  # an invalid pattern fails here, not per unit
    spans = [find_matches(pattern, t, case=case) for t in units["text"]]
    found = units.assign(spans=spans)
    return corpus, found[[bool(s) for s in spans]]


def _word_spans(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the words of ``text``."""
    spans = np.array([m.span() for m in WORD_RE.finditer(text)], dtype=np.int64).reshape(-1, 2)
    return spans[:, 0], spans[:, 1]


def _window(starts, ends, start: int, end: int, window: int) -> tuple[int, int]:
    """Offsets of the ``window``-th word before ``start`` and the end of the ``window``-th word
    after ``end`` (or ``start``/``end`` themselves when there are no words on that side)."""
    before = int(np.searchsorted(ends, start, side="right"))
    after = int(np.searchsorted(starts, end, side="left"))
    left = int(starts[max(before - window, 0)]) if before else start
    right = int(ends[min(after + window, len(ends)) - 1]) if after < len(ends) else end
    return left, right


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def kwic(
    corpus,
    pattern: str | re.Pattern,
    window: int = 8,
    *,
    case: bool = False,
    canonical: bool = True,
    voice: str = "all",
) -> pd.DataFrame:
    """Every occurrence of ``pattern`` with ``window`` words of context on each side.

    ``pattern`` is a word, a phrase, a glob (``"withdraw*"``), alternatives (``"Kyiv|Kiev"``) or a
    compiled regex (see :func:`analysis.terms.find_matches`). Context stays within the
    paragraph (or, for ``voice`` writer/quoted, within the sentence piece) and is shown as written,
    white space collapsed. Returns one row per occurrence: article_id, outlet, paragraph, start
    (offset of the match in the paragraph or piece), left, match, right; in corpus order.
    """
    corpus, found = _matches(corpus, pattern, case=case, canonical=canonical, voice=voice)
    outlets = corpus.articles.set_index("article_id")["outlet"]
    rows = []
    for unit in found.itertuples(index=False):
        text = unit.text
        starts, ends = _word_spans(text)
        for start, end in unit.spans:
            lo, hi = _window(starts, ends, start, end, window)
            rows.append(
                (
                    unit.article_id,
                    outlets[unit.article_id],
                    unit.paragraph,
                    start,
                    _clean(text[lo:start]),
                    _clean(text[start:end]),
                    _clean(text[end:hi]),
                )
            )
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def concordance(
    corpus, terms: list[str], window: int = 8, *, max_lines: int = 6, **options
) -> pd.DataFrame:
    """:func:`kwic` lines for several ``terms``, at most ``max_lines`` each (the first in corpus
    order), stacked with a ``term`` column first and ``lines`` (the term's total occurrences)."""
    tables = []
    for term in terms:
        lines = kwic(corpus, term, window, **options)
        tables.append(lines.head(max_lines).assign(term=term, lines=len(lines)))
    if not tables:
        return pd.DataFrame(columns=["term", "lines", *KWIC_COLUMNS])
    return pd.concat(tables, ignore_index=True)[["term", "lines", *KWIC_COLUMNS]]


def collocates(
    corpus,
    pattern: str | re.Pattern,
    *,
    window: int = 5,
    min_count: int = 2,
    case: bool = False,
    canonical: bool = True,
    voice: str = "all",
) -> pd.DataFrame:
    """Words found within ``window`` words of ``pattern``, ranked by log-Dice (Rychlý 2008).

    ``log_dice = 14 + log2(2 f_xy / (f_x + f_y))``: f_xy is how often the word stands within the
    window of an occurrence of the node, f_x how often the node occurs, f_y how often the word
    occurs in the same text (counted by the suite's tokenisation, stop words removed). 14 is the
    maximum (the two always occur together); each point less halves the association. Words with
    f_xy below ``min_count`` are left out. Returns term, cooccurrences, term_count, node_count,
    log_dice; sorted by log_dice, then term.
    """
    corpus, found = _matches(corpus, pattern, case=case, canonical=canonical, voice=voice)
    stop = set(stop_word_list(True))
    near: Counter[str] = Counter()
    node_count = 0
    for text, spans in zip(found["text"], found["spans"], strict=True):
        starts, ends = _word_spans(text)
        words = [normalise(text[s:e]) for s, e in zip(starts, ends, strict=True)]
        for start, end in spans:
            node_count += 1
            first = int(np.searchsorted(ends, start, side="right"))
            last = int(np.searchsorted(starts, end, side="left"))
            around = words[max(first - window, 0) : first] + words[last : last + window]
            near.update(w for w in around if w not in stop and "'" not in w)
    columns = ["term", "cooccurrences", "term_count", "node_count", "log_dice"]
    if not near:
        return pd.DataFrame(columns=columns)
    totals = term_table(corpus, by="article_id", canonical=False, voice=voice).sum(axis=1)
    table = pd.DataFrame({"term": list(near), "cooccurrences": list(near.values())}).query(
        "cooccurrences >= @min_count"
    )
    table["term_count"] = table["term"].map(totals).fillna(0).astype("int64")
    table["node_count"] = node_count
    table["log_dice"] = 14 + np.log2(
        2 * table["cooccurrences"] / (table["node_count"] + table["term_count"])
    )
    return table.sort_values(["log_dice", "term"], ascending=[False, True], kind="stable")[
        columns
    ].reset_index(drop=True)


# --------------------------------------------------------------------------- showing lines


def kwic_html(lines: pd.DataFrame, *, max_lines: int = 30) -> str:
    """KWIC lines as an HTML table (left context right-aligned, match in bold), by outlet."""
    rows = []
    for line in lines.head(max_lines).itertuples(index=False):
        rows.append(
            "<tr>"
            f"<td>{html.escape(line.outlet)}</td>"
            f"<td style='text-align:right'>{html.escape(line.left)}</td>"
            f"<td><b>{html.escape(line.match)}</b></td>"
            f"<td style='text-align:left'>{html.escape(line.right)}</td>"
            "</tr>"
        )
    more = len(lines) - max_lines
    footer = f"<p>… and {more} more lines</p>" if more > 0 else ""
    if not rows:
        return "<p>No occurrences.</p>"
    return f"<table><tbody>{''.join(rows)}</tbody></table>{footer}"


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` (as typed into the explorer) is not a usable KWIC pattern, or None.

    A pattern matches whole words (see :func:`analysis.vocabulary.find_matches`), so every word
    of every alternative needs a letter, a digit or ``?``: ``"("`` or ``"*"`` would match
    punctuation or nothing at all, and ``"a||b"`` has an empty alternative.
    """
    alternatives = [a.split() for a in pattern.split("|")]
    if not pattern.strip():
        return "empty pattern"
    if not all(alternatives):
        return "an empty alternative (nothing between two |, or at an end)"
    for words in alternatives:
        for word in words:
            if not any(ch.isalnum() or ch == "?" for ch in word):
                return (
                    f"{word!r} has no letter or digit: patterns match whole words "
                    "(* and ? are the only wildcards)"
                )
    return None


class DebouncedView:
    """What the explorers share: a redraw ``delay`` seconds after the last change of a control
    (at once if ``delay`` is 0), of which only the latest is shown. A subclass observes its
    controls with :meth:`_schedule` and defines ``_refresh(generation)``, which shows its result
    only if ``generation`` is still ``self._generation`` (checked under ``self._lock``)."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._generation = 0  # bumped by every change; only the latest result is shown
        self._timer: threading.Timer | None = None

    def _schedule(self, _change=None) -> None:
        """Redraw after ``delay`` seconds without a further change (at once if ``delay`` is 0)."""
        with self._lock:
            self._generation += 1
            generation = self._generation
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self.delay > 0:
                self._timer = threading.Timer(self.delay, self._refresh, args=(generation,))
                self._timer.daemon = True
                self._timer.start()
                return
        self._refresh(generation)

    def _refresh(self, generation: int) -> None:
        raise NotImplementedError

    def wait(self) -> None:
        """Block until a pending redraw (if any) has run: for tests and scripts."""
        timer = self._timer
        if timer is not None:
            timer.join()


class KwicExplorer(DebouncedView):
    """Type a term, see its lines by outlet.

    In JupyterLab it is an ipywidgets text box, an outlet menu and a table that follows the box
    as the user types: each keystroke restarts a ``delay``-second timer, and the concordance is
    computed (off the kernel's main thread) only when typing pauses, so a large corpus is not
    searched once per letter. The table always starts with the number of lines, and says so when
    the pattern cannot be used (:func:`pattern_problem`). Anywhere without a widget front end (a
    headless run, a rendered notebook) the same object shows the static concordance of the
    initial term; in JupyterLab the project's settings save the widget state in the notebook
    (``jupyter/overrides.json``), so a reopened notebook shows the last concordance typed.
    """

    def __init__(
        self,
        corpus,
        term: str,
        *,
        window: int = 8,
        max_lines: int = 30,
        delay: float = 0.3,
        **options,
    ):
        self.corpus, self.window, self.max_lines, self.options = corpus, window, max_lines, options
        super().__init__(delay)
        self.term = term
        self.lines = self.lines_for(term)
        self._widget = None

    def lines_for(self, term: str) -> pd.DataFrame:
        """The KWIC lines for ``term`` (an invalid or empty pattern gives no lines)."""
        if pattern_problem(term) is not None:
            return pd.DataFrame(columns=KWIC_COLUMNS)
        return kwic(self.corpus, term, self.window, **self.options)

    def render(self, term: str, outlet: str = "all") -> str:
        """The explorer's table for ``term`` (and one ``outlet``, or "all") as HTML: first the
        number of lines, or why the pattern cannot be used, then the concordance."""
        problem = pattern_problem(term)
        if problem is not None:
            what = "Type a word, a phrase, a glob (withdraw*) or alternatives (Kyiv|Kiev)."
            if term.strip():
                what = (
                    f"Invalid pattern <code>{html.escape(term)}</code>: "
                    f"{html.escape(problem, quote=False)}."
                )
            return f"<p class='kwic-count'><b>0 lines</b>. {what}</p>"
        lines = self.lines_for(term)
        everywhere = len(lines)
        where = ""
        if outlet != "all":
            lines = lines[lines["outlet"] == outlet]
            where = f" in {html.escape(outlet)} ({everywhere} in all outlets)"
        count = f"{len(lines)} line{'' if len(lines) == 1 else 's'}"
        head = (
            f"<p class='kwic-count'><b>{count}</b> for <code>{html.escape(term)}</code>{where}</p>"
        )
        return head + kwic_html(lines, max_lines=self.max_lines)

    def widget(self):
        """The interactive widget (built on first use)."""
        if self._widget is None:
            import ipywidgets as widgets

            self._box = widgets.Text(
                value=self.term,
                description="term",
                placeholder="a word, phrase, glob (withdraw*) or Kyiv|Kiev",
                continuous_update=True,  # every keystroke reaches the kernel; debounced below
            )
            self._outlet = widgets.Dropdown(
                options=["all", *pd.unique(self.corpus.articles["outlet"])], description="outlet"
            )
            self._table = widgets.HTML(self.render(self.term))
            self._box.observe(self._schedule, names="value")
            self._outlet.observe(self._schedule, names="value")
            self._widget = widgets.VBox(
                [widgets.HBox([self._box, self._outlet]), self._table],
                layout=widgets.Layout(min_height="4em"),
            )
        return self._widget

    def _refresh(self, generation: int) -> None:
        term, outlet = self._box.value, self._outlet.value
        table = self.render(term, outlet)
        with self._lock:
            if generation != self._generation:  # typed on while this was computed
                return
            self.term = term
            self._table.value = table

    def _repr_mimebundle_(self, include=None, exclude=None):
        static = {
            "text/html": self.render(self.term),
            "text/plain": self.lines[["outlet", "left", "match", "right"]]
            .head(self.max_lines)
            .to_string(index=False),
        }
        try:
            bundle = self.widget()._repr_mimebundle_(include=include, exclude=exclude) or {}
        except ImportError:
            return static
        return {**bundle, **static}


def explorer(
    corpus, term: str, *, window: int = 8, max_lines: int = 30, delay: float = 0.3, **options
) -> KwicExplorer:
    """An interactive concordance starting from ``term`` (see :class:`KwicExplorer`), redrawn
    ``delay`` seconds after the user stops typing; ``options`` go to :func:`kwic` (``case``,
    ``canonical``, ``voice``)."""
    return KwicExplorer(corpus, term, window=window, max_lines=max_lines, delay=delay, **options)
