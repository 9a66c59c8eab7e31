"""The term map of notebook 03's explorer: each term by its use in a group and on the other side."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.text import Text

from analysis.plots.style import (
    FIG_WIDTH,
    NEUTRAL,
    SIGN_COLOURS,
    SOURCE_SPACE,
    described,
    finding_room,
    finish,
    headed,
    suptitle,
)

#: |z| from which a term is coloured as leaning to one side (two-sided 5%, read loosely: the
#: z of word counts treats words as independent draws).
LEANING_Z = 1.96
MARKED = "#E69F00"


def _points(positions: pd.DataFrame) -> pd.DataFrame:
    """One point per distinct (x, y, leaning): how many terms sit there (``terms``)."""
    leaning = np.select(
        [positions["z"] >= LEANING_Z, positions["z"] <= -LEANING_Z], ["group", "other"], "even"
    )
    return (
        positions.assign(leaning=leaning)
        .groupby(["x", "y", "leaning"])
        .size()
        .rename("terms")
        .reset_index()
    )


#: Where a label may sit, in points from its dot, tried in this order: right then left of the
#: dot, just above then just below it, then further down and up, a row at a time.
LABEL_SPOTS = [(dx, dy) for dy in (2, -9, -20, 13, -31, 24, -42) for dx in (3, "left")]


def _place_labels(ax, labels: dict[tuple[float, float], str]) -> None:
    """Write each label at the first of :data:`LABEL_SPOTS` where it overlaps no label already
    written and stays inside the axes (else at the first spot), with a thin line back to its
    dot when it sits a row or more away. Close dots (the most used words sit together at the
    top right) otherwise print their labels over each other. Written here because
    adjustText's forces leave labels of one row stacked when the row is the axes' edge."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = []
    for (x, y), text in sorted(labels.items(), key=lambda item: (-item[0][1], item[0][0])):
        label = None
        for dx, dy in LABEL_SPOTS:
            if label is not None:
                label.remove()
            label = _label_at(ax, text, (x, y), dx, dy, renderer)
            box = _text_box(label, renderer)
            inside = (
                frame.x0 <= box.x0
                and box.x1 <= frame.x1
                and frame.y0 <= box.y0
                and box.y1 <= frame.y1
            )
            if inside and not any(box.overlaps(other) for other in taken):
                break
        else:
            label.remove()
            label = _label_at(ax, text, (x, y), *LABEL_SPOTS[0], renderer)
        taken.append(_text_box(label, renderer))


def _text_box(label, renderer):
    """Where ``label``'s words are drawn, without the line back to its dot."""
    label.update_positions(renderer)
    return Text.get_window_extent(label, renderer)


def _label_at(ax, text: str, point: tuple[float, float], dx, dy: float, renderer):
    """``text`` written ``dy`` points above ``point`` and ``dx`` points right of it, or ending
    3 points left of it (``dx`` "left"); a thin line back to the dot if ``dy`` is a row away."""
    far = abs(dy) > 10
    options = {"arrowprops": {"arrowstyle": "-", "color": NEUTRAL, "lw": 0.5}} if far else {}
    left = dx == "left"
    return ax.annotate(
        text,
        point,
        xytext=(-3 if left else dx, dy),
        textcoords="offset points",
        ha="right" if left else "left",
        fontsize=7,
        **options,
    )


def _point_labels(positions: pd.DataFrame, n: int) -> dict[tuple[float, float], str]:
    """Labels for the ``n`` terms leaning furthest each way and the 3 most used overall, one
    per position: its first two terms (by |z|) and how many more share it."""
    used = positions["count"] + positions["count_other"]
    named = pd.concat([positions.head(n), positions.tail(n), positions.loc[used.nlargest(3).index]])
    named = named.drop_duplicates("term")
    labels = {}
    for (x, y), part in named.groupby(["x", "y"], sort=False):
        terms = part.reindex(part["z"].abs().sort_values(ascending=False, kind="stable").index)[
            "term"
        ]
        more = len(terms) - 2
        labels[(x, y)] = ", ".join(terms.head(2)) + (f" +{more}" if more > 0 else "")
    return labels


@described(
    f"The term map: each term placed by how often the other side (across) and the group (up) use it, as the dense rank of its count from 0 (unused) to 1 (most used); a dot per position, larger where terms share it; blue where the group leans to the term (z at least {LEANING_Z}), rose where the other side does, grey else; the {{labels}} terms leaning furthest each way are named"
)
def plot_term_map(
    positions: pd.DataFrame,
    group: str,
    other: str,
    *,
    marked: list[str] | tuple[str, ...] = (),
    picked: str | None = None,
    labels: int = 6,
    finding: str = "",
):
    """The term map: x = the other side's dense-rank percentile of a term's count, y = the
    group's (``positions`` is :func:`analysis.explorer.term_positions`'s). A dot per position,
    its area growing with the terms that share it; blue where the group leans to the terms
    (z ≥ 1.96), rose where the other side does, grey else. The ``labels`` terms leaning furthest
    each way are named; ``marked`` terms (a search) are ringed in orange and ``picked`` named in
    bold. Returns the figure and ``positions``. Points of the same position with different
    leanings overlap; the CSV beside the figure has every term."""
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 5.6 + SOURCE_SPACE + finding_room(finding)))
    points = _points(positions)
    colours = {
        "group": SIGN_COLOURS["positive"],
        "other": SIGN_COLOURS["negative"],
        "even": NEUTRAL,
    }
    for leaning, part in points.groupby("leaning"):
        ax.scatter(
            part["x"],
            part["y"],
            s=8 + 10 * np.sqrt(part["terms"]),
            color=colours[leaning],
            alpha=0.55,
            linewidths=0,
        )
    for leaning, label in (
        ("group", f"leans to {group}"),
        ("other", f"leans to {other}"),
        ("even", "neither"),
    ):
        if (points["leaning"] == leaning).any():
            ax.scatter([], [], s=18, color=colours[leaning], alpha=0.55, label=label)
    ax.plot([0, 1], [0, 1], color=NEUTRAL, lw=0.6, ls="--")
    ring = positions[positions["term"].isin(marked)]
    ax.scatter(ring["x"], ring["y"], s=40, facecolors="none", edgecolors=MARKED, linewidths=1)
    if picked:
        row = positions[positions["term"] == picked]
        for r in row.itertuples():
            ax.annotate(
                f"{r.term} ({r.count} / {r.count_other})",
                (r.x, r.y),
                xytext=(4, -10),
                textcoords="offset points",
                fontsize=8,
                fontweight="bold",
            )
            ax.scatter([r.x], [r.y], s=60, color=MARKED, zorder=3)
    ax.set_xlim(-0.03, 1.1)
    ax.set_ylim(-0.03, 1.05)
    ax.set_xlabel(f"{other}: rank of the term's count (dense, 0 = unused, 1 = most used)")
    ax.set_ylabel(f"{group}: rank of the term's count")
    # under the axis title, not in the plot, where it covered the labels of the foot's right end
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=3, fontsize=7, frameon=False)
    suptitle(
        fig,
        headed(
            finding,
            f"{group} against {other}: {len(positions):,} terms placed by how often each side "
            f"uses them; above the diagonal, terms {group} uses more",
        ),
    )
    finish(fig)
    # last: a label's place is chosen from its drawn size, so limits and layout must be final
    _place_labels(ax, _point_labels(positions, labels))
    return fig, positions


def term_map_png(positions: pd.DataFrame, group: str, other: str, **options) -> bytes:
    """:func:`plot_term_map` as PNG bytes at screen resolution, for the explorer widget."""
    fig, _ = plot_term_map(positions, group, other, **options)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()
