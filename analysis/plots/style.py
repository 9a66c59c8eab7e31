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

#: Print size: every saved figure fits a 7 in × 9 in column-and-a-half page box, and no text is
#: smaller than 7 pt at that size (tests/test_print.py checks every saved SVG).
PRINT_WIDTH, PRINT_HEIGHT, MIN_FONT = 7.0, 9.0, 7.0
#: Room a plot leaves for everything around its axes (titles, labels, legends): the figure
#: sizes below are the drawing area the budget allows, a little under the print box.
FIG_WIDTH = 6.8

#: House style for every figure: sized for print (PRINT_WIDTH), identical across machines.
STYLE = {
    # One resolution for laying out and for saving, so text is measured once (save._draw);
    # notebooks show figures at SCREEN_DPI.
    "figure.dpi": 150,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 8.5,
    "axes.labelsize": 8,
    "xtick.labelsize": 7.5,
    "ytick.labelsize": 7.5,
    "legend.fontsize": 7.5,
    "legend.title_fontsize": 7.5,
    "figure.titlesize": 9.5,
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
    # Text from articles is text: "$1.13bn ... $540m" in a cell must not be set as mathematics
    # between its two dollar signs (matplotlib's default parses any "$...$" pair).
    "text.parse_math": False,
}
plt.rcParams.update(STYLE)

# --------------------------------------------------------------------------- palette
# One colour system. Outlets take the Okabe-Ito colours (Okabe & Ito 2008, safe for the common
# colour-vision deficiencies); sides take Paul Tol's "muted" scheme (also colour-blind safe),
# using only colours no outlet has, so a colour names an outlet or a side, never both; verb
# groups take Tol's "light" scheme and frames his "bright" one. Outlets are always named
# beside their marks too: past eight outlets colours repeat, names do not.

#: Colours by outlet, fixed so an outlet looks the same in every figure (Okabe-Ito).
OUTLET_COLOURS = {
    "Financial Times": "#E69F00",
    "Associated Press": "#0072B2",
    "The Independent": "#D55E00",
    "The Moscow Times": "#009E73",
}
#: Colours for outlets of another corpus, picked by the name's hash (the rest of Okabe-Ito,
#: then the seed outlets' colours: another corpus does not have the seed outlets).
FALLBACK_COLOURS = [
    "#56B4E9",
    "#CC79A7",
    "#000000",
    "#E69F00",
    "#0072B2",
    "#D55E00",
    "#009E73",
]
#: Colour of each side in every figure of notebook 02 (Tol muted: wine, sand, indigo, teal).
SIDE_COLOURS = {
    "Russia": "#882255",
    "Ukraine": "#DDCC77",
    "West": "#332288",
    CIVILIANS: "#999933",
    "other": "#44AA99",
    "unknown": "#BBBBBB",
}
#: Colour of each speaker type, and of quotations nobody is given (``sources.TYPE_ORDER``): Paul
#: Tol's muted set and a pale grey, none an outlet's colour.
TYPE_COLOURS = dict(
    zip(
        (*SPEAKER_TYPES, "unattributed"),
        [
            "#332288",
            "#88CCEE",
            "#117733",
            "#44AA99",
            "#999933",
            "#DDCC77",
            "#CC6677",
            "#882255",
            "#AA4499",
            "#DDDDDD",
        ],
        strict=True,
    )
)
#: Frame colours, by the frame's place in the dictionary (Tol bright's seven, then near-black).
FRAME_COLOURS = (
    "#4477AA",
    "#EE6677",
    "#228833",
    "#CCBB44",
    "#66CCEE",
    "#AA3377",
    "#BBBBBB",
    "#222222",
)
#: Where in an article a fact is first reported, darkest for the most prominent place.
ZONE_COLOURS = {
    "headline": "#08306b",
    "standfirst": "#2171b5",
    "lead": "#6baed6",
    "body": "#c6dbef",
    "absent": "#ffffff",
}
#: Colour of each group of attribution verbs (``cues.yml``; Tol light); "none" is a quotation
#: with no verb.
VERB_GROUP_COLOURS = {
    "neutral": "#DDDDDD",
    "assertive": "#77AADD",
    "doubt": "#EE8866",
    "alarmed": "#EEDD88",
    "other": "#99DDFF",
    "unlisted": "#FFAABB",
    "none": "#FFFFFF",
}
#: Signs of a signed bar (keyness, sentiment drivers): over-used / positive, under-used / negative.
SIGN_COLOURS = {"positive": "#4477AA", "negative": "#EE6677"}
#: Marks that carry no category (a single series, a total).
NEUTRAL = "#777777"


def ink(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (by its relative luminance)."""
    from matplotlib.colors import to_rgb

    red, green, blue = to_rgb(colour)
    return "black" if 0.299 * red + 0.587 * green + 0.114 * blue > 0.55 else "white"


def outlet_colour(outlet: str) -> str:
    """The outlet's fixed colour. An outlet of another corpus gets the next free colour by its
    place among the loaded corpus's other outlets (sorted), so up to seven new outlets never
    share one; an outlet not in that corpus gets one by its name's hash."""
    if outlet in OUTLET_COLOURS:
        return OUTLET_COLOURS[outlet]
    others = [o for o in _loaded_outlets() if o not in OUTLET_COLOURS]
    if outlet in others:
        return FALLBACK_COLOURS[others.index(outlet) % len(FALLBACK_COLOURS)]
    return FALLBACK_COLOURS[sum(outlet.encode()) % len(FALLBACK_COLOURS)]


def _loaded_outlets() -> tuple[str, ...]:
    from analysis.corpus import last_loaded_outlets

    return last_loaded_outlets()


def frame_colours(names: list[str]) -> dict[str, str]:
    """A fixed colour per frame name, by position (cycling after eight)."""
    return {n: FRAME_COLOURS[i % len(FRAME_COLOURS)] for i, n in enumerate(names)}


def palette() -> bytes:
    """Every colour above, as bytes: part of a plot's cache key (a notebook may change one)."""
    colours = (
        OUTLET_COLOURS,
        FALLBACK_COLOURS,
        SIDE_COLOURS,
        FRAME_COLOURS,
        ZONE_COLOURS,
        VERB_GROUP_COLOURS,
        SIGN_COLOURS,
        NEUTRAL,
        _loaded_outlets(),
    )
    return repr([sorted(c.items()) if isinstance(c, dict) else c for c in colours]).encode()


# --------------------------------------------------------------------------- layout


def subplots(*args: object, **kwargs: object) -> tuple[plt.Figure, object]:
    """``plt.subplots`` with the house style in force (importing this module applies it)."""
    return plt.subplots(*args, **kwargs)


#: Inches kept free at the bottom of every figure for its source line (save._files draws it).
SOURCE_SPACE = 0.22
#: Height, in inches, a figure may use for its drawing (the print height, less the source line
#: and a margin for the tight crop).
DRAW_HEIGHT = PRINT_HEIGHT - SOURCE_SPACE - 0.2


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


def panel_layout(
    n: int,
    items: int,
    *,
    row: float = 0.16,
    chrome: float = 0.75,
    min_width: float = 2.1,
    max_columns: int = 4,
    header: float = 0.7,
) -> tuple[int, float, float, int]:
    """How ``n`` small multiples of ``items`` rows each fit the print box.

    Each panel needs ``chrome`` inches (title, axis) plus ``row`` inches per item; the figure
    has ``header`` inches for its title. Returns ``(columns, panel width, panel height, items
    shown per panel)``: the fewest columns (each at least ``min_width`` wide) at which the most
    items fit, never fewer than one.
    """
    best = None
    for columns in range(1, max_columns + 1):
        width = FIG_WIDTH / columns
        if columns > 1 and width < min_width:
            break
        rows = -(-max(n, 1) // columns)
        per_panel = (DRAW_HEIGHT - header) / rows
        fit = max(1, min(items, int((per_panel - chrome) / row)))
        if best is None or fit > best[3]:
            best = (columns, width, min(per_panel, chrome + row * fit), fit)
        if fit >= items or columns >= n:
            break
    return best


def finish(fig: plt.Figure, *, bottom: float = 0.0) -> None:
    """``tight_layout`` that keeps room for the source line at the bottom of the figure
    (:data:`SOURCE_SPACE`, plus ``bottom`` inches for a figure legend); a suptitle is kept
    clear by ``tight_layout`` itself."""
    fig.tight_layout(rect=(0, (SOURCE_SPACE + bottom) / fig.get_figheight(), 1, 1))


def described(text: str):
    """Give a plot function its plain description: what the figure draws, for a reader who
    cannot see it (the alt text after the finding, :func:`analysis.plots.save.alt_text`).

    The docstring stays for programmers (argument names, the functions whose tables it
    draws); the description names no code. ``{name}`` fields are filled from the call's
    arguments, so that it says "the 8 most quoted", not the argument's name.
    """

    def attach(plot):
        plot.description = " ".join(text.split())
        return plot

    return attach


def headed(finding: str, text: str) -> str:
    """A figure title that states its finding first (a sentence computed from the data, e.g.
    "The Moscow Times quotes Vladimir Putin for 69% of its quoted words"), then what is drawn."""
    return f"{finding}\n{text}" if finding else text


def finding_room(finding: str, *, width: float = FIG_WIDTH, fontsize: float = 9.5) -> float:
    """The inches a figure grows by to keep its plot's height under a title headed by
    ``finding`` (its wrapped lines, at ~1.25 line spacing); 0 without one."""
    if not finding:
        return 0.0
    return (fit_lines(finding, width, fontsize=fontsize).count("\n") + 1) * fontsize * 1.25 / 72


def suptitle(fig: plt.Figure, text: str, *, fontsize: float | str = 9.5) -> None:
    """The figure's title, bold, flush with its left edge (every multi-panel figure has one);
    each line is wrapped to the figure's width."""
    fig.suptitle(
        fit_lines(text, fig.get_figwidth(), fontsize=fontsize, bold=True),
        x=0.01,
        y=0.995,
        ha="left",
        va="top",
        fontsize=fontsize,
        fontweight="bold",
    )


def fit_lines(text: str, inches: float, *, fontsize: float = 8.5, bold: bool = True) -> str:
    """``text`` with each line wrapped to about ``inches`` at ``fontsize`` (DejaVu Sans averages
    0.55 em a character, 0.6 in bold)."""
    per_char = (0.6 if bold else 0.55) * fontsize / 72
    width = max(20, int(inches / per_char))
    return "\n".join(wrap(line, width) for line in text.split("\n"))


def sentence_figure(title: str, sentence: str) -> plt.Figure:
    """A result with one item or none, stated as a sentence rather than drawn as a chart of
    one bar: the figure keeps its slug (a write-up may cite it) and says what was found.
    ``title`` (a finding first, :func:`headed`) is wrapped to the figure's width."""
    lines = wrap(sentence, 95)
    title = fit_lines(title, FIG_WIDTH - 0.1, fontsize=9)
    head = 0.16 * title.count("\n")  # inches the title's extra lines take
    fig = plt.figure(
        figsize=(FIG_WIDTH, 0.55 + head + 0.16 * (lines.count("\n") + 1) + SOURCE_SPACE)
    )
    fig.text(0.01, 1 - 0.08 / fig.get_figheight(), title, va="top", fontweight="bold", fontsize=9)
    fig.text(0.01, 1 - (0.34 + head) / fig.get_figheight(), lines, va="top", fontsize=8)
    return fig


def capped(shown: int, total: int, what: str) -> str:
    """ "the 8 of 20 outlets with the most articles" style note, or "" when nothing is cut."""
    return "" if shown >= total else f"{shown:,} of {total:,} {what} shown (all in the CSV)"


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
    """``text`` broken into lines of at most ``width`` characters (a tick or table label); a
    word longer than ``width`` stays whole on its own line ("Entertainment", not "Entertainmen/t")."""
    return "\n".join(textwrap.wrap(str(text), width, break_long_words=False)) or str(text)
