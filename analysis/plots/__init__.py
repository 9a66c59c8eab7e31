"""Every figure of the suite, drawn from the tables the topic modules compute.

One module per notebook topic: a figure ``NN_slug`` is drawn by a ``plot_*`` function in
``analysis/plots/<topic>.py`` (:mod:`~analysis.plots.corpus` for 01, :mod:`~analysis.plots.sources`
for 02, then ``vocabulary``, ``tone``, ``emphasis``, ``reuse`` and ``validation``; ``explorer`` draws
notebook 03's term map). A plot function takes tables and
returns a figure (or a figure and the table it plotted); it computes nothing a reader would cite.
The house style, the palette and the title helper are :mod:`analysis.plots.style`; saving a figure
with its data is :func:`save_plot` / :func:`save_figure` (:mod:`analysis.plots.save`).

This is the only package that imports matplotlib (a test checks it): importing a topic module
never loads it.
"""

from __future__ import annotations

from analysis.plots.save import save_figure, save_plot, write_table
from analysis.plots.style import article_labels, outlet_colour, panels, subplots, suptitle

__all__ = [
    "article_labels",
    "outlet_colour",
    "panels",
    "save_figure",
    "save_plot",
    "subplots",
    "suptitle",
    "write_table",
]
