"""The house style of every figure: rcParams, one palette, and the few layout helpers all plots share.

Importing :mod:`analysis.plots` applies :data:`STYLE`. Every colour a figure uses by meaning (an
outlet, a side, a frame, a zone, a verb group) is defined here, once, so it is the same in every
figure and a reader learns it once.
"""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd

from analysis.actors import CIVILIANS, SPEAKER_TYPES

#: House style for every figure: readable at a glance, identical across machines.
STYLE = {
    # One resolution for laying out and for saving, so text is measured once (save._draw);
    # notebooks show figures at SCREEN_DPI.
    "figure.dpi": 150,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "framing",
    "path.simplify": False,
    # Glyphs drawn from their outlines, not snapped by FreeType's hinter: the PNG depends less on
    # the FreeType build, and text lays out about 30% faster (matplotlib's own image tests do so).
    "text.hinting": "none",
}
plt.rcParams.update(STYLE)

# --------------------------------------------------------------------------- palette

#: Colours by outlet, fixed so an outlet looks the same in every figure (colour-blind safe).
OUTLET_COLOURS = {
    "Financial Times": "#E69F00",
    "Associated Press": "#0072B2",
    "The Independent": "#D55E00",
    "The Moscow Times": "#009E73",
}
#: Colours for outlets of another corpus, picked by the name's hash.
FALLBACK_COLOURS = ["#56B4E9", "#CC79A7", "#000000", "#7F7F7F", "#8C564B"]
#: Colour of each side in every figure of notebook 02 (Okabe-Ito, colour-blind safe).
SIDE_COLOURS = {
    "Russia": "#D55E00",
    "Ukraine": "#0072B2",
    "West": "#009E73",
    CIVILIANS: "#E69F00",
    "other": "#CC79A7",
    "unknown": "#999999",
}
#: Colour of each speaker type, and of quotations nobody is given (``sources.TYPE_ORDER``).
TYPE_COLOURS = dict(
    zip(
        (*SPEAKER_TYPES, "unattributed"),
        [
            "#0072B2",
            "#56B4E9",
            "#000000",
            "#009E73",
            "#CC79A7",
            "#E69F00",
            "#D55E00",
            "#F0E442",
            "#999999",
            "#DDDDDD",
        ],
        strict=True,
    )
)
#: Frame colours, by the frame's place in the dictionary (tab10 without its grey and olive).
FRAME_COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
)
#: Where in an article a fact is first reported, darkest for the most prominent place.
ZONE_COLOURS = {
    "headline": "#08306b",
    "standfirst": "#2171b5",
    "lead": "#6baed6",
    "body": "#c6dbef",
    "absent": "#ffffff",
}
#: Colour of each group of attribution verbs (``cues.yml``); "none" is a quotation with no verb.
VERB_GROUP_COLOURS = {
    "neutral": "#BBBBBB",
    "assertive": "#0072B2",
    "doubt": "#D55E00",
    "alarmed": "#E69F00",
    "other": "#009E73",
    "unlisted": "#F0E442",
    "none": "#FFFFFF",
}


def outlet_colour(outlet: str) -> str:
    """The outlet's fixed colour; an outlet from another corpus gets one by its name's hash."""
    if outlet in OUTLET_COLOURS:
        return OUTLET_COLOURS[outlet]
    return FALLBACK_COLOURS[sum(outlet.encode()) % len(FALLBACK_COLOURS)]


def frame_colours(names: list[str]) -> dict[str, str]:
    """A fixed colour per frame name, by position (cycling after eight)."""
    return {n: FRAME_COLOURS[i % len(FRAME_COLOURS)] for i, n in enumerate(names)}


def palette() -> bytes:
    """Every colour above, as bytes: part of a plot's cache key (a notebook may change one)."""
    colours = (OUTLET_COLOURS, FALLBACK_COLOURS, SIDE_COLOURS, FRAME_COLOURS, ZONE_COLOURS)
    return repr([sorted(c.items()) if isinstance(c, dict) else c for c in colours]).encode() + (
        repr(sorted(VERB_GROUP_COLOURS.items())).encode()
    )


# --------------------------------------------------------------------------- layout


def subplots(*args: object, **kwargs: object) -> tuple[plt.Figure, object]:
    """``plt.subplots`` with the house style in force (importing this module applies it)."""
    return plt.subplots(*args, **kwargs)


def panels(n: int, *, width: float, height: float, columns: int = 2) -> tuple[plt.Figure, list]:
    """A figure of ``n`` panels, ``columns`` to a row, each ``width`` × ``height`` inches.

    Returns the figure and a flat list of the ``n`` axes; spare cells of the grid are removed.
    """
    rows = max(1, -(-n // columns))
    columns = max(1, min(columns, n))
    fig, axes = plt.subplots(rows, columns, figsize=(width * columns, height * rows), squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.remove()
    return fig, flat[:n]


def suptitle(fig: plt.Figure, text: str, *, fontsize: float | str = 11) -> None:
    """The figure's title, bold, flush with its left edge (every multi-panel figure has one)."""
    fig.suptitle(text, x=0.01, ha="left", fontsize=fontsize, fontweight="bold")


def article_labels(articles: pd.DataFrame, *, ids: str = "repeated") -> pd.Series:
    """A short label per article of ``articles`` (``corpus.articles``) for figures, by
    ``article_id``. ``ids="repeated"``: its outlet, or "outlet (article_id)" when the outlet has
    more than one article in ``articles``; ``ids="always"``: "article_id" over "(outlet)"."""
    outlets = articles.set_index("article_id")["outlet"].astype(str)
    if ids == "always":
        labels = [f"{i}\n({o})" for i, o in outlets.items()]
        return pd.Series(labels, index=outlets.index, name="label")
    if ids != "repeated":
        raise ValueError(f"ids must be 'repeated' or 'always', not {ids!r}")
    repeated = outlets.duplicated(keep=False)
    return outlets.where(~repeated, outlets + " (" + outlets.index + ")").rename("label")


def wrap(text: object, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters (a tick or table label)."""
    return "\n".join(textwrap.wrap(str(text), width)) or str(text)
