"""Lay a figure out once, fingerprint what it draws, and paint its PNG pixels from that layout.

:func:`analysis.plots.save_figure` crops the PNG and the SVG to the figure's tight bounding box,
so the figure must be laid out before either is written. matplotlib does that pass (for
``bbox_inches="tight"``) by running the whole draw with the renderer's ``draw_*`` calls switched
off. :func:`layout` runs the same pass but, instead of discarding those calls, feeds each call's
name and arguments into a sha256: paths and their transforms, colours, line widths and dashes,
clip boxes, hatches, text strings with their font, anchor and alignment, image pixels, group ids,
and the rasterising switches. The digest is the figure's *fingerprint*: two figures with the same
fingerprint send the renderer the same calls, in the same order, at the PNG resolution.

The figure cache keys on it (with the library versions and every rcParam), so an unchanged figure
is written from the cache instead of being rendered again as PNG and SVG. An argument of a type not
described here (a filter function, a non-affine transform handed to the renderer, ...) makes the
fingerprint ``None``, and that figure is simply rendered without the cache: the fingerprint is
never guessed.

:func:`paint` then draws the PNG's pixels with the same renderer, so the text measured while laying
out is not measured again.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator

import matplotlib
import numpy as np
from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Bbox, BboxBase, Transform, TransformedPath

#: The renderer calls that matplotlib's own layout pass switches off, and the rasterising and
#: filter switches (which change the SVG, though not the Agg drawing).
CALLS = tuple(
    name
    for name in dir(RendererBase)
    if name.startswith("draw_") or name in ("open_group", "close_group")
) + ("start_rasterizing", "stop_rasterizing", "start_filter", "stop_filter")


class Unfingerprintable(TypeError):
    """A renderer call had an argument that :func:`feed` does not describe."""


_PLAIN = frozenset({type(None), bool, int, float, str})


def feed(digest: hashlib._Hash, value: object) -> None:
    """Add ``value`` to ``digest`` by its type and content (never by identity)."""
    kind = type(value)
    if kind in _PLAIN:  # repr tells 1, 1.0, '1' and None apart
        digest.update(f"{value!r};".encode())
    elif kind is tuple or kind is list:
        if all(type(item) in _PLAIN for item in value):  # a colour, a dash pattern: one repr
            digest.update(f"{value!r};".encode())
        else:
            digest.update(f"{kind.__name__}[{len(value)}](".encode())
            for item in value:
                feed(digest, item)
            digest.update(b")")
    elif isinstance(value, bool | int | float | str | np.generic):
        digest.update(f"{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, bytes):
        digest.update(b"bytes:%d;" % len(value) + value)
    elif isinstance(value, np.ma.MaskedArray):  # the mask is part of what is drawn
        feed(digest, ("masked", np.asarray(value.data), np.ma.getmaskarray(value)))
    elif isinstance(value, np.ndarray):
        array = np.ascontiguousarray(value)
        if array.dtype == object:
            feed(digest, array.tolist())
        else:
            digest.update(f"array:{array.dtype.str}:{array.shape};".encode())
            digest.update(array.tobytes())
    elif isinstance(value, list | tuple):  # a named tuple, say
        feed(digest, (type(value).__name__, list(value)))
    elif isinstance(value, dict):
        feed(digest, sorted(value.items(), key=lambda item: repr(item[0])))
    elif isinstance(value, Path):
        feed(digest, ("Path", value.vertices, value.codes, value.should_simplify))
        feed(digest, (value.simplify_threshold, value._interpolation_steps))
    elif isinstance(value, TransformedPath):
        feed(digest, ("TransformedPath", value.get_fully_transformed_path()))
    elif isinstance(value, Transform):
        if not value.is_affine:
            raise Unfingerprintable(f"non-affine transform {type(value).__name__}")
        feed(digest, ("Affine", value.get_matrix()))
    elif isinstance(value, BboxBase):
        feed(digest, ("Bbox", value.get_points()))
    elif isinstance(value, GraphicsContextBase):
        # Most of a graphics context is plain (colour, width, dashes): one repr for those.
        plain, other = [], []
        for name, item in sorted(vars(value).items()):
            simple = type(item) in _PLAIN or (
                type(item) is tuple and all(type(i) in _PLAIN for i in item)
            )
            (plain if simple else other).append((name, item))
        digest.update(f"GC:{plain!r};".encode())
        feed(digest, other)
    elif isinstance(value, FontProperties):
        feed(digest, ("Font", value.get_family(), value.get_style(), value.get_variant()))
        feed(digest, (value.get_weight(), value.get_stretch(), value.get_size_in_points()))
        feed(digest, (value.get_file(), value.get_math_fontfamily()))
    elif isinstance(value, Text):
        # What the SVG writer reads from the Text artist: where its anchor lands and how the
        # string is aligned on it.
        anchor = value.get_transform().transform(value.get_unitless_position())
        feed(digest, ("Text", value.get_text(), anchor, value.get_rotation()))
        feed(digest, (value.get_horizontalalignment(), value.get_verticalalignment()))
        feed(digest, (value.get_rotation_mode(), value.get_usetex()))
    else:
        raise Unfingerprintable(type(value).__name__)


@contextlib.contextmanager
def _recording(renderer: RendererBase, digest: hashlib._Hash) -> Iterator[list[str]]:
    """Replace the renderer's calls by ones that only feed ``digest``; yield the problems met."""
    problems: list[str] = []

    def recorder(name: str):
        def record(*args, **kwargs):
            if not problems:
                try:
                    feed(digest, (name, args, kwargs))
                except Unfingerprintable as exc:
                    problems.append(f"{name}: {exc}")

        return record

    saved = {name: renderer.__dict__.get(name) for name in CALLS}
    for name in CALLS:
        setattr(renderer, name, recorder(name))
    try:
        yield problems
    finally:
        for name, method in saved.items():
            if method is None:
                delattr(renderer, name)
            else:
                setattr(renderer, name, method)


def layout(fig: Figure, *, dpi: float, pad_inches: float) -> tuple[Bbox, str | None]:
    """Lay ``fig`` out at ``dpi`` without painting; return its tight bounding box and the
    fingerprint of what it draws (``None`` when a call could not be fingerprinted).

    The box is what ``savefig(bbox_inches="tight")`` would crop to (in inches, padded by
    ``pad_inches``), widened to whole pixels at ``dpi`` so that the PNG and the SVG cover exactly
    the same area. The figure's canvas keeps one renderer per size and resolution, and matplotlib
    caches text extents per renderer: when ``dpi`` is the figure's own (the house style sets both
    to 150), the extents measured by ``tight_layout()`` as the figure was made are reused here,
    and again by :func:`paint`.
    """
    screen_dpi = fig.dpi
    fig.set_dpi(dpi)
    try:
        if not hasattr(fig.canvas, "get_renderer"):  # not an Agg canvas: lay out the plain way
            fig.draw_without_rendering()
            return _whole_pixels(fig.get_tightbbox().padded(pad_inches), dpi), None
        renderer = fig.canvas.get_renderer()
        digest = hashlib.sha256()
        with _recording(renderer, digest) as problems:
            fig.draw(renderer)
        bbox = _whole_pixels(fig.get_tightbbox(renderer).padded(pad_inches), dpi)
        feed(digest, ("crop", bbox, dpi))
        return bbox, None if problems else digest.hexdigest()
    finally:
        fig.set_dpi(screen_dpi)


def _whole_pixels(bbox: Bbox, dpi: float) -> Bbox:
    """``bbox`` (inches) widened outwards to the nearest whole pixels at ``dpi``."""
    x0, y0, x1, y1 = bbox.extents * dpi
    # Within a millionth of a pixel counts as on the pixel edge (floating-point noise).
    snapped = np.floor([x0 + 1e-6, y0 + 1e-6]), np.ceil([x1 - 1e-6, y1 - 1e-6])
    return Bbox(np.array(snapped) / dpi)


def _saved_as_drawn() -> bool:
    """Whether ``savefig`` keeps the figure's own face and edge colours (the default)."""
    params = matplotlib.rcParams
    colours = params["savefig.facecolor"], params["savefig.edgecolor"]
    return colours == ("auto", "auto") and not params["savefig.transparent"]


def paint(fig: Figure, bbox: Bbox, *, dpi: float, pad_inches: float) -> np.ndarray | None:
    """The RGBA pixels of ``fig`` painted at ``dpi`` and cropped to ``bbox`` (from :func:`layout`).

    The figure is painted on its own canvas, by the renderer whose text extents :func:`layout`
    already measured, and then cropped; ``savefig(bbox_inches=bbox)`` would instead move the
    figure onto a new canvas the size of the box and measure every text again. The pixels are
    the same but for the phase of hatch patterns, which follows the canvas origin. Where the box
    reaches past the canvas only by its padding, the padding is filled with the figure's face
    colour, as ``savefig`` fills it. Returns ``None`` (the caller then uses ``savefig``) when the
    figure is not on an Agg canvas, draws something beyond its canvas (painting in place would
    cut it off), or when rcParams make ``savefig`` change the figure's colours.
    """
    if not hasattr(fig.canvas, "get_renderer") or not _saved_as_drawn():
        return None
    screen_dpi = fig.dpi
    fig.set_dpi(dpi)
    try:
        width, height = (round(v) for v in fig.bbox.size)
        left, low, right, high = bbox.padded(-pad_inches).extents * dpi  # what the figure draws
        if min(left, low) < -1e-6 or right > width + 1e-6 or high > height + 1e-6:
            return None
        fig.canvas.draw()
        canvas = np.asarray(fig.canvas.get_renderer().buffer_rgba())
    finally:
        fig.set_dpi(screen_dpi)
    x0, y0, x1, y1 = np.rint(bbox.extents * dpi).astype(int)
    face = np.rint(np.array(to_rgba(fig.get_facecolor())) * 255).astype(np.uint8)
    pixels = np.empty((y1 - y0, x1 - x0, 4), dtype=np.uint8)
    pixels[:] = face
    # Canvas rows run from the top; bbox y from the bottom. Where the box starts before the
    # canvas (padding only), the canvas lands that far into the box.
    top, bottom = height - y1, height - y0
    src = canvas[max(top, 0) : min(bottom, height), max(x0, 0) : min(x1, width)]
    row, column = max(-top, 0), max(-x0, 0)
    pixels[row : row + src.shape[0], column : column + src.shape[1]] = src
    return pixels
