"""One way to save a figure: PNG + SVG + the CSV of the plotted data, byte-identical every run.

A figure travels with its data (the slug is what a write-up cites): ``save_figure(fig, "01_removed",
data)`` writes ``01_removed.png``, ``01_removed.svg`` and ``01_removed.csv`` to the figures folder.
Timestamps and random ids that matplotlib would embed are switched off, so the files depend only on
the data and the pinned library versions.
"""

from __future__ import annotations

import io
import pickle
import re
from collections.abc import Callable
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from PIL import Image

from analysis import cache, paths
from analysis.plots import drawing
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
) -> dict[str, Path]:
    """Write ``slug``.png, .svg and .csv (the plotted ``data``), close ``fig``, return the paths.

    ``slug`` is ``NN_name`` (the notebook's number first). The CSV has no index, ``\\n`` line
    endings and floats to 10 significant digits, so it diffs cleanly.

    The figure is laid out once (:func:`analysis.plots.drawing.layout`), which gives the tight bounding
    box shared by the PNG and the SVG (both show the same area) and the fingerprint of what the
    figure draws. A figure whose fingerprint, library versions and settings were rendered before
    is written from the content cache (:mod:`analysis.cache`) rather than rendered again. In a
    notebook, ``show`` displays the PNG just written: what the reader sees is the file a write-up
    cites, and the figure is not drawn again by the inline backend.
    """
    written = _paths(slug, out_dir)
    svg, png = _files(fig)
    return _write(written, svg, png, data, show=show)


def save_plot(
    slug: str,
    plot: Callable[..., object],
    *args: object,
    data: pd.DataFrame | None = None,
    out_dir: str | Path | None = None,
    show: bool = True,
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
    """
    written = _paths(slug, out_dir)

    def draw() -> tuple[bytes, bytes, pd.DataFrame | None]:
        result = plot(*args, **kwargs)
        fig, plotted = result if isinstance(result, tuple) else (result, None)
        return (*_files(fig), plotted)

    key = _plot_key(plot, args, kwargs)
    svg, png, plotted = draw() if key is None else cache.cached(key, draw)
    table = data if data is not None else plotted
    if table is None:
        raise TypeError(f"{plot!r} returns only a figure: pass the plotted data=")
    _write(written, svg, png, table, show=show)
    return table


def _plot_key(plot: Callable[..., object], args: tuple, kwargs: dict) -> str | None:
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
    return cache.content_key("plot", [name, arguments, palette(), _settings()])


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


def _files(fig: plt.Figure) -> tuple[bytes, bytes]:
    """``fig``'s SVG and PNG bytes, from the figure cache or rendered; ``fig`` is then closed."""
    bbox, fingerprint = drawing.layout(
        fig, dpi=plt.rcParams["savefig.dpi"], pad_inches=plt.rcParams["savefig.pad_inches"]
    )
    try:
        if fingerprint is None:
            return _render(fig, "svg", bbox), _render(fig, "png", bbox)
        key = cache.content_key("figure", [fingerprint.encode(), _settings()], code=False)
        return cache.cached(key, lambda: (_render(fig, "svg", bbox), _render(fig, "png", bbox)))
    finally:
        plt.close(fig)


def _write(
    written: dict[str, Path], svg: bytes, png: bytes, data: pd.DataFrame, *, show: bool
) -> dict[str, Path]:
    written["svg"].write_bytes(svg)
    written["png"].write_bytes(png)
    write_table(data, written["csv"])
    if show:
        _display_png(png)
    return written


def _render(fig: plt.Figure, fmt: str, bbox) -> bytes:
    """``fig`` as PNG or SVG bytes cropped to ``bbox``, with no timestamp or software stamp.

    The PNG is painted in place from the layout pass (:func:`analysis.plots.drawing.paint`) where it can
    be, else saved by ``savefig``; either way it is encoded by Pillow at PNG_COMPRESSION.
    """
    dpi = plt.rcParams["savefig.dpi"]
    buffer = io.BytesIO()
    if fmt == "png":
        pixels = drawing.paint(fig, bbox, dpi=dpi, pad_inches=plt.rcParams["savefig.pad_inches"])
        if pixels is not None:
            Image.fromarray(pixels, "RGBA").save(
                buffer, format="png", dpi=(dpi, dpi), compress_level=PNG_COMPRESSION
            )
        else:
            fig.savefig(
                buffer,
                format="png",
                metadata={"Software": None},
                bbox_inches=bbox,
                pil_kwargs={"compress_level": PNG_COMPRESSION},
            )
    else:
        fig.savefig(buffer, format=fmt, metadata={"Date": None, "Creator": None}, bbox_inches=bbox)
    return buffer.getvalue()


def _settings() -> bytes:
    """What the files depend on besides the drawing: the library versions and every rcParam."""
    import PIL
    from matplotlib import ft2font

    versions = (matplotlib.__version__, PIL.__version__, ft2font.__freetype_version__)
    ignored = {"backend", "backend_fallback", "interactive"}  # savefig draws with Agg/SVG anyway
    params = sorted((k, repr(v)) for k, v in plt.rcParams.items() if k not in ignored)
    return repr((versions, params)).encode()


def _display_png(png: bytes) -> None:
    """Show ``png`` in a running notebook, at the figure's screen size; elsewhere do nothing."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):
        return
    from IPython.display import Image, display

    pixels = int.from_bytes(png[16:20], "big")  # the IHDR chunk's width field
    scale = SCREEN_DPI / plt.rcParams["savefig.dpi"]
    display(Image(data=png, format="png", width=round(pixels * scale)))


def write_table(data: pd.DataFrame, path: str | Path) -> Path:
    """Write ``data`` as a CSV the same way every time (no index, LF, 10 significant digits)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data.to_csv(path, index=False, lineterminator="\n", float_format="%.10g", encoding="utf-8")
    return path
