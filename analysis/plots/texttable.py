"""A table of text pairs as a figure, with word-level differences marked (notebook 06).

The layout engine of :func:`side_by_side`: monospaced text laid out in character cells, so the
figure's height follows the text exactly and the PNG and SVG agree word for word."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.transforms import Affine2D

from analysis.plots.style import DRAW_HEIGHT, FIG_WIDTH, SOURCE_SPACE, fit_lines

_MONO = "DejaVu Sans Mono"


@functools.cache
def _char_width(fontsize: float) -> float:
    """The width in inches of one character cell of :data:`_MONO` at ``fontsize``.

    A monospaced font lays out exactly, except that the PNG renderer rounds each glyph's advance
    to whole pixels: the cell is the widest advance at the figure and the saved-figure
    resolution, so words never overlap (at worst the gaps between them widen a little).
    """
    dpis = {plt.rcParams["figure.dpi"], plt.rcParams["savefig.dpi"]} - {"figure"}
    widths = [0.602 * fontsize / 72]
    for dpi in sorted(dpis):
        fig = plt.figure(dpi=dpi)
        text = fig.text(0, 0, "x" * 100, fontfamily=_MONO, fontsize=fontsize)
        widths.append(text.get_window_extent(fig.canvas.get_renderer()).width / 100 / dpi)
        plt.close(fig)
    return max(widths)


def _wrap(runs: Sequence[tuple[str, bool]], width: int) -> list[list[tuple[int, str, bool]]]:
    """Runs laid out in lines of at most ``width`` characters, broken at spaces: each line a
    list of ``(column, text, changed)`` pieces (one word each)."""
    lines: list[list[tuple[int, str, bool]]] = [[]]
    column = 0
    for text, changed in runs:
        for piece in re.split(r"(\s+)", text):
            if not piece:
                continue
            if piece.isspace():
                column += 1 if column else 0
                continue
            if column and column + len(piece) > width:
                lines.append([])
                column = 0
            lines[-1].append((column, piece, changed))
            column += len(piece)
    return lines


def side_by_side(
    rows: Sequence[tuple[str, Sequence[tuple[str, bool]], Sequence[tuple[str, bool]], bool]],
    *,
    title: str,
    headers: tuple[str, str, str],
    note: str,
    width: int | None = None,
) -> Figure:
    """A table figure of text pairs with word-level differences marked.

    ``rows`` are ``(label, left_runs, right_runs, muted)`` with runs as from
    :func:`mark_differences`. Changed words are struck through in orange on the left and bold
    blue on the right, each on a tinted ground so the marking survives greyscale; ``muted``
    rows (unchanged sentences) are grey. Text is monospaced and wrapped at ``width`` characters
    (default: what fits the print width), so the layout is exact and the figure's height follows
    the text. Rows that would run past the print height are left out, and the last line says
    how many (the CSV beside the figure has them all).
    """
    page = _Page(width=width)
    width = page.columns
    title = fit_lines(title, page.width_in - 0.2, fontsize=page.title_size)
    note = fit_lines(note, page.width_in - 0.2, fontsize=page.note_size, bold=False)
    page.top = page.heading_height(title, note)
    laid = [(label.split("\n"), _wrap(a, width), _wrap(b, width), m) for label, a, b, m in rows]
    heights = [page.row_height(max(len(lb), len(a), len(b))) for lb, a, b, _ in laid]
    room = DRAW_HEIGHT - page.top - 0.45
    kept = 0
    while kept < len(heights) and sum(heights[: kept + 1]) <= room:
        kept += 1
    left_out = len(laid) - kept
    laid, heights = laid[:kept], heights[:kept]
    tail = 0.3 if left_out else 0.0
    fig = plt.figure(figsize=(page.width_in, page.top + sum(heights) + 0.2 + tail + SOURCE_SPACE))
    page.attach(fig)
    page.heading(title, note, headers)
    y = page.first_row
    for (label, left, right, muted), height in zip(laid, heights, strict=True):
        page.rule(y)
        for n, text in enumerate(label):
            page.write(page.x_label, page.line_y(y, n), text, changed=False, muted=False)
        for x, lines, side in ((page.x_left, left, "left"), (page.x_right, right, "right")):
            for n, pieces in enumerate(lines):
                for column, text, changed in pieces:
                    x_piece = x + column * page.char
                    page.write(x_piece, page.line_y(y, n), text, changed, muted, side=side)
        y -= height
    page.rule(y)
    if left_out:
        page.write(
            page.x_label,
            y - 0.15,
            f"\u2026 and {left_out:,} more rows, left out to fit the page: all {len(rows):,} are in "
            "the CSV",
            changed=False,
            muted=True,
        )
    return fig


class _Page:
    """Geometry (in inches) of a :func:`side_by_side` figure and the few ways it draws."""

    fontsize = 7.0
    title_size = 9.0
    note_size = 7.0
    pad = 0.06
    top = 0.75
    label_width = 1.1
    styles = {
        "left": {"color": "#B34A00", "ground": "#FBE1CF", "fontweight": "normal"},
        "right": {"color": "#005A8C", "ground": "#D6E9F6", "fontweight": "bold"},
    }

    def __init__(self, *, width: int | None) -> None:
        self.char = _char_width(self.fontsize)
        self.line = 1.3 * self.fontsize / 72
        if width is None:  # the widest columns that fit the print width
            width = int((FIG_WIDTH - 0.1 - self.label_width - 0.3 - 0.1) / (2 * self.char))
        self.columns = width
        self.x_label = 0.1
        self.x_left = self.x_label + self.label_width
        self.x_right = self.x_left + width * self.char + 0.2
        self.width_in = self.x_right + width * self.char + 0.1

    def heading_height(self, title: str, note: str) -> float:
        """Inches above the first row: the title's and the note's lines, then the headers."""
        lines = title.count("\n") + 1, note.count("\n") + 1
        return (
            0.12
            + lines[0] * 1.25 * self.title_size / 72
            + 0.06
            + lines[1] * 1.25 * (self.note_size / 72)
            + 0.25
        )

    def row_height(self, lines: int) -> float:
        return lines * self.line + 2 * self.pad

    def line_y(self, row_top: float, n: int) -> float:
        return row_top - self.pad - self.line * (n + 0.5)

    def attach(self, fig: Figure) -> None:
        self.fig = fig
        self.height = fig.get_figheight()
        self.first_row = self.height - self.top
        # Inches from the figure's lower left, through the figure transform rather than
        # fig.dpi_scale_trans: savefig's tight cropping moves the figure transform with the crop
        # but not dpi_scale_trans, which would shift every word off the cropped page.

        width, height = fig.get_size_inches()
        self.inches = Affine2D().scale(1 / width, 1 / height) + fig.transFigure

    def heading(self, title: str, note: str, headers: tuple[str, str, str]) -> None:
        text = functools.partial(self.fig.text, transform=self.inches)
        title_lines = title.count("\n") + 1
        text(
            self.x_label,
            self.height - 0.1,
            title,
            fontsize=self.title_size,
            fontweight="bold",
            va="top",
        )
        note_y = self.height - 0.1 - title_lines * 1.25 * self.title_size / 72 - 0.06
        text(self.x_label, note_y, note, fontsize=self.note_size, color="#444444", va="top")
        for x, header in zip((self.x_label, self.x_left, self.x_right), headers, strict=True):
            text(x, self.first_row + 0.06, header, fontsize=7.5, fontweight="bold", va="bottom")

    def rule(self, y: float) -> None:
        self._line([self.x_label, self.width_in - 0.1], [y, y], color="#BBBBBB", lw=0.5)

    def write(
        self, x: float, y: float, text: str, changed: bool, muted: bool, *, side: str = "left"
    ) -> None:
        """One word at ``(x, y)``: plain, grey (``muted``) or marked as changed on ``side``."""

        font = {"fontfamily": _MONO, "fontsize": self.fontsize, "va": "center"}
        if not changed or muted:
            colour = "#777777" if muted else "#111111"
            self.fig.text(x, y, text, transform=self.inches, color=colour, **font)
            return
        style = self.styles[side]
        width = len(text) * self.char
        ground = Rectangle(
            (x - 0.15 * self.char, y - 0.45 * self.line),
            width + 0.3 * self.char,
            0.9 * self.line,
            transform=self.inches,
            color=style["ground"],
            lw=0,
            zorder=0,
        )
        self.fig.add_artist(ground)
        self.fig.text(
            x,
            y,
            text,
            transform=self.inches,
            color=style["color"],
            fontweight=style["fontweight"],
            **font,
        )
        if side == "left":
            self._line([x, x + width], [y, y], color=style["color"], lw=0.7)

    def _line(self, xs: list[float], ys: list[float], **style: object) -> None:

        self.fig.add_artist(Line2D(xs, ys, transform=self.inches, **style))
