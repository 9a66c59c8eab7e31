"""One way to save a figure: PNG + SVG + the CSV of the plotted data, byte-identical every run.

A figure travels with its data (the slug is what a write-up cites): ``save_figure(fig, "01_removed",
data)`` writes ``01_removed.png``, ``01_removed.svg`` and ``01_removed.csv`` to the figures folder.
Timestamps and random ids that matplotlib would embed are switched off, so the files depend only on
the data and the pinned library versions.
"""

from __future__ import annotations

import inspect
import io
import pickle
import re
from collections.abc import Callable
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.transforms import Bbox
from PIL import Image

from analysis import cache, paths
from analysis.narrative import ALT_TEXT, doc_summary
from analysis.plots.style import palette

_SLUG = re.compile(r"^\d{2}_[a-z0-9][a-z0-9_-]*$")

#: Resolution at which a notebook shows a saved PNG (pixels per inch of figure).
SCREEN_DPI = 100
#: zlib level for the PNGs. On the 29 figures of the seeds, level 3 encodes in 0.9 s against 1.3 s
#: at Pillow's default (6), and the files come out 4% smaller (6.09 MB against 6.37 MB).
PNG_COMPRESSION = 3


def save_figure(
    fig: plt.Figure,
    slug: str,
    data: pd.DataFrame,
    *,
    out_dir: str | Path | None = None,
    show: bool = True,
    alt: str = "",
) -> dict[str, Path]:
    """Write ``slug``.png, .svg and .csv (the plotted ``data``), close ``fig``, return the paths.

    ``alt`` is the figure's alt text (default: its title), recorded in ``alt_text.csv`` beside
    the figures and given to the image a notebook shows.

    ``slug`` is ``NN_name`` (the notebook's number first). The CSV has no index, ``\\n`` line
    endings and floats to 10 significant digits, so it diffs cleanly.

    The figure is drawn once at the saving resolution, which gives the tight bounding box that
    the PNG and the SVG share (both show the same area) and the PNG's pixels; the SVG is written
    from the same figure. Nothing is cached here (:func:`save_plot` caches a whole plot). In a
    notebook, ``show`` displays the PNG just written: what the reader sees is the file a write-up
    cites, and the figure is not drawn again by the inline backend.
    """
    written = _paths(slug, out_dir)
    title = fig.get_suptitle() or " ".join(ax.get_title() for ax in fig.axes[:1])
    svg, png = _files(fig, source_line(slug))
    return _write(written, svg, png, data, show=show, alt=alt or " ".join(title.split()) or slug)


def save_plot(
    slug: str,
    plot: Callable[..., object],
    *args: object,
    data: pd.DataFrame | None = None,
    out_dir: str | Path | None = None,
    show: bool = True,
    alt: str | None = None,
    **kwargs: object,
) -> pd.DataFrame:
    """Draw ``plot(*args, **kwargs)`` and save it as :func:`save_figure` would; return the data.

    ``plot`` returns a figure, or a figure and the table it plotted; the CSV holds ``data`` if
    given, else that table.

    When ``plot`` is one of this package's functions, the files and the table are cached under
    its name, the pickled arguments, the package's code, the library versions
    (:func:`analysis.cache.content_key`) and every rcParam: when none of these changed, the
    figure is neither built nor laid out again. That is safe because the figure never leaves
    this function, so nothing can change it between drawing and saving; to adjust a figure by
    hand, call ``plot`` and :func:`save_figure` instead. Arguments that cannot be pickled, or a
    ``plot`` defined elsewhere (a notebook's own), leave the call uncached.

    ``alt`` is the figure's alt text; by default :func:`alt_text`: the ``finding`` the title
    states (when ``plot`` takes one), then what ``plot``'s docstring says it draws.
    """
    written = _paths(slug, out_dir)
    source = source_line(slug)

    def draw() -> tuple[bytes, bytes, pd.DataFrame | None]:
        result = plot(*args, **kwargs)
        fig, plotted = result if isinstance(result, tuple) else (result, None)
        return (*_files(fig, source), plotted)

    key = _plot_key(plot, args, kwargs, source)
    svg, png, plotted = draw() if key is None else cache.cached(key, draw)
    table = data if data is not None else plotted
    if table is None:
        raise TypeError(f"{plot!r} returns only a figure: pass the plotted data=")
    _write(written, svg, png, table, show=show, alt=alt or alt_text(plot, *args, **kwargs))
    return table


def alt_text(plot: Callable[..., object], *args: object, **kwargs: object) -> str:
    """A figure's alt text for the call ``plot(*args, **kwargs)``: its ``finding`` (the sentence
    its title states, when given), then what it draws: ``plot``'s plain description
    (:func:`analysis.plots.style.described`, its fields filled from the call's arguments), or
    for a plot without one (a notebook's own), the first sentence of its docstring."""
    finding = kwargs.get("finding")
    description = getattr(plot, "description", None)
    if description is None:
        summary = doc_summary(plot)
        description = re.split(r"(?<=[a-z)])\.\s", summary, maxsplit=1)[0]
    else:
        call = inspect.signature(plot).bind_partial(*args, **kwargs)
        call.apply_defaults()
        description = description.format(**call.arguments)
    drawn = f"{description.rstrip('.')}."
    return " ".join(part for part in (f"{finding}." if finding else "", drawn) if part)


def record_alt_text(folder: Path, slug: str, alt: str) -> Path:
    """Set the alt text of ``slug`` in ``folder/alt_text.csv`` (one row per figure, by slug),
    which the README's figure gallery reads."""
    path = folder / ALT_TEXT
    table = (
        pd.read_csv(path, dtype=str, keep_default_na=False)
        if path.is_file()
        else pd.DataFrame(columns=["slug", "alt"])
    )
    table = pd.concat([table[table["slug"] != slug], pd.DataFrame([{"slug": slug, "alt": alt}])])
    return write_table(table.sort_values("slug", kind="stable"), path)


def source_line(slug: str) -> str:
    """The line at the foot of every figure: the corpus it was drawn from (its label, from
    :func:`analysis.corpus.last_loaded_label`), the package version and the figure's slug.

    Not the git commit: the committed figures would have to name the commit that adds them,
    which cannot be known before it is made, and a hash of the code would change every figure
    at every commit, so the byte-identical figures test could not pass on a branch that touches
    no figure. The corpus label (with its sha256) and the version identify what was drawn;
    cite the commit beside the slug (README, How to cite).
    """
    from importlib.metadata import PackageNotFoundError, version

    from analysis.corpus import last_loaded_label

    try:
        package = f"analysis {version('analysis')}"
    except PackageNotFoundError:  # pragma: no cover - the package is always installed
        package = "analysis"
    corpus = last_loaded_label() or "no corpus loaded"
    return f"Source: {corpus} · framing suite, {package} · figure {slug}"


def _plot_key(
    plot: Callable[..., object], args: tuple, kwargs: dict, source: str = ""
) -> str | None:
    """The content-cache key of a plot call; ``None`` when an argument cannot be pickled or
    ``plot`` is not a function of this package (whose source the key would not cover)."""
    module = getattr(plot, "__module__", None) or ""
    if not module.startswith("analysis.") or not hasattr(plot, "__qualname__"):
        return None
    try:
        arguments = _canonical_pickle((args, sorted(kwargs.items())))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    name = f"{module}.{plot.__qualname__}".encode()
    # The colours are the package setting a notebook is likeliest to change as it runs.
    return cache.content_key("plot", [name, arguments, source.encode(), palette(), _settings()])


class _CanonicalPickler(pickle.Pickler):
    """Pickles pandas objects by content: columns, dtypes, values and index in order.

    A plain pickle of a DataFrame also records how pandas happens to hold it in memory (its
    blocks), which differs between a table computed and the same table read back from the cache;
    equal tables must give equal keys. The output is only hashed, never loaded.
    """

    def reducer_override(self, obj: object) -> object:
        if isinstance(obj, pd.DataFrame):
            columns = [obj.iloc[:, i] for i in range(obj.shape[1])]
            return tuple, ((("DataFrame", obj.attrs, obj.index, columns),),)
        if isinstance(obj, pd.Series):
            return tuple, ((("Series", obj.name, repr(obj.dtype), obj.to_numpy(), obj.index),),)
        if isinstance(obj, pd.Index):
            return tuple, ((("Index", obj.names, repr(obj.dtype), obj.to_numpy()),),)
        return NotImplemented


def _canonical_pickle(value: object) -> bytes:
    buffer = io.BytesIO()
    _CanonicalPickler(buffer, protocol=5).dump(value)
    return buffer.getvalue()


def _paths(slug: str, out_dir: str | Path | None) -> dict[str, Path]:
    """Where ``slug``'s PNG, SVG and CSV go (the folder is created)."""
    if not _SLUG.match(slug):
        raise ValueError(f"figure slug {slug!r} must look like '01_removed_by_reason'")
    out = Path(out_dir) if out_dir is not None else paths.figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    return {kind: out / f"{slug}.{kind}" for kind in ("png", "svg", "csv")}


def _files(fig: plt.Figure, source: str = "") -> tuple[bytes, bytes]:
    """``fig``'s SVG and PNG bytes, cropped to one box; ``fig`` is then closed.

    ``source`` is written in 7 pt grey at the figure's lower left, in the strip every plot
    keeps free for it (:data:`analysis.plots.style.SOURCE_SPACE`).

    The figure is drawn once, on its own canvas at the saving resolution: that draw gives the
    tight bounding box (what ``savefig(bbox_inches="tight")`` would crop to, widened to whole
    pixels so that the PNG and the SVG cover exactly the same area) and, cropped, the PNG's
    pixels. ``savefig(bbox_inches="tight")`` would lay the figure out once without painting and
    then paint it again on a new canvas the size of the box, measuring every text twice. The
    pixels are the same but for the phase of hatch patterns, which follows the canvas origin.
    """
    dpi, pad = plt.rcParams["savefig.dpi"], plt.rcParams["savefig.pad_inches"]
    if source:
        stamp(fig, source)
    try:
        bbox, pixels = _draw(fig, dpi=dpi, pad_inches=pad)
        svg = io.BytesIO()
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=bbox)
        png = io.BytesIO()
        if pixels is not None:
            Image.fromarray(pixels, "RGBA").save(
                png, format="png", dpi=(dpi, dpi), compress_level=PNG_COMPRESSION
            )
        else:
            fig.savefig(
                png,
                format="png",
                metadata={"Software": None},
                bbox_inches=bbox,
                pil_kwargs={"compress_level": PNG_COMPRESSION},
            )
        return svg.getvalue(), png.getvalue()
    finally:
        plt.close(fig)


def stamp(fig: plt.Figure, source: str) -> None:
    """Write ``source`` in 7 pt grey at ``fig``'s lower left (the source line)."""
    width, height = fig.get_size_inches()
    fig.text(0.05 / width, 0.06 / height, source, fontsize=7, color="#555555")


def _draw(fig: plt.Figure, *, dpi: float, pad_inches: float) -> tuple[Bbox, np.ndarray | None]:
    """Draw ``fig`` at ``dpi``; return its tight box (inches, padded by ``pad_inches``, widened
    to whole pixels) and the RGBA pixels inside it, or ``None`` for the pixels when ``savefig``
    must paint them: the figure is not on an Agg canvas, it draws something beyond its canvas
    (cropping the canvas would cut it off), or rcParams make ``savefig`` change its colours.

    Where the box reaches past the canvas only by its padding, the padding is filled with the
    figure's face colour, as ``savefig`` fills it.
    """
    screen_dpi = fig.dpi
    fig.set_dpi(dpi)
    try:
        if not hasattr(fig.canvas, "buffer_rgba"):  # not an Agg canvas: lay out the plain way
            fig.draw_without_rendering()
            return _whole_pixels(fig.get_tightbbox().padded(pad_inches), dpi), None
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        bbox = _whole_pixels(fig.get_tightbbox(renderer).padded(pad_inches), dpi)
        width, height = (round(v) for v in fig.bbox.size)
        left, low, right, high = bbox.padded(-pad_inches).extents * dpi  # what the figure draws
        inside = min(left, low) >= -1e-6 and right <= width + 1e-6 and high <= height + 1e-6
        if not (inside and _saved_as_drawn()):
            return bbox, None
        canvas = np.asarray(renderer.buffer_rgba())
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
    return bbox, pixels


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


def _write(
    written: dict[str, Path],
    svg: bytes,
    png: bytes,
    data: pd.DataFrame,
    *,
    show: bool,
    alt: str,
) -> dict[str, Path]:
    written["svg"].write_bytes(svg)
    written["png"].write_bytes(png)
    write_table(data, written["csv"])
    record_alt_text(written["png"].parent, written["png"].stem, alt)
    if show:
        _display_png(png, alt)
    return written


def _settings() -> bytes:
    """What the files depend on besides the drawing: the library versions and every rcParam."""
    import PIL
    from matplotlib import ft2font

    versions = (matplotlib.__version__, PIL.__version__, ft2font.__freetype_version__)
    ignored = {"backend", "backend_fallback", "interactive"}  # savefig draws with Agg/SVG anyway
    params = sorted((k, repr(v)) for k, v in plt.rcParams.items() if k not in ignored)
    return repr((versions, params)).encode()


def _display_png(png: bytes, alt: str = "") -> None:
    """Show ``png`` in a running notebook, at the figure's screen size, with its alt text (and
    the alt text under it, for readers who cannot see it); elsewhere do nothing."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    from IPython.display import Image, Markdown, display

    pixels = int.from_bytes(png[16:20], "big")  # the IHDR chunk's width field
    scale = SCREEN_DPI / plt.rcParams["savefig.dpi"]
    display(Image(data=png, format="png", width=round(pixels * scale), alt=alt or None))
    if alt:
        display(Markdown(f"*Alt text:* {alt}"))


def write_table(data: pd.DataFrame, path: str | Path) -> Path:
    """Write ``data`` as a CSV the same way every time (no index, LF, 10 significant digits)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data.to_csv(path, index=False, lineterminator="\n", float_format="%.10g", encoding="utf-8")
    return path
