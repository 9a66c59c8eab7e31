"""One way to spread work over cores or a cluster: :func:`map_chunks`, built on Dask.

Every step that looks at one article, sentence or pair at a time (cleaning, quotations,
VADER, readability, term counts, frame and fact matching, MinHash signatures, pair scores) hands
its work here as ``func(chunk, *args)`` over consecutive chunks of its items, and gets the
results back in the order of the chunks, so the combined result is the same whatever runs it:

- **in this process**, when there are fewer items than the step's threshold (:data:`MIN_ARTICLES`
  for work per article, :data:`MIN_TEXTS` for work per sentence, paragraph or pair): starting
  workers costs more than it saves on a small corpus, and the seeds never start any;
- **on all local cores** (the default): Dask's multiprocessing scheduler, one process per core;
- **on a Dask cluster**: ``scheduler="tcp://host:8786"`` (a ``dask-scheduler`` address) or a
  ``dask.distributed.Client``; the workers need this package installed at the same version.

``scheduler=None`` takes the ``FRAMING_SCHEDULER`` environment variable
(``make figures SCHEDULER=tcp://…`` sets it for every notebook); ``"sync"`` runs everything in
this process, ``"processes"`` is the local default, on :func:`local_cores` processes
(``FRAMING_WORKERS``, else every core: ``make figures`` gives each of the notebooks it runs at
once its share of the cores). A stage with more than one chunk shows a
progress bar (tqdm: text in a terminal, a widget in JupyterLab) once it has run for
:data:`PROGRESS_AFTER` seconds.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import os
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

#: Below this many articles, work per article runs in this process (faster than starting workers).
MIN_ARTICLES = 200
#: Below this many texts (sentences, paragraphs, pairs), work per text runs in this process.
MIN_TEXTS = 20_000
#: Chunks per worker: enough to balance uneven chunks, few enough to keep the overhead small.
CHUNKS_PER_WORKER = 4
#: A stage shows its progress bar once it has run this many seconds.
PROGRESS_AFTER = 2.0
#: The environment variable that names the scheduler when none is passed.
SCHEDULER_ENV = "FRAMING_SCHEDULER"
#: The environment variable that says how many local processes a step may use (default: cores).
WORKERS_ENV = "FRAMING_WORKERS"

_CLIENTS: dict[str, Any] = {}
_CURRENT: contextvars.ContextVar[object] = contextvars.ContextVar("scheduler", default=None)


def scheduler_from_env() -> object:
    """The scheduler set by :func:`using`, else ``FRAMING_SCHEDULER`` if set and not empty,
    else ``None`` (all local cores)."""
    current = _CURRENT.get()
    if current is not None:
        return current
    return os.environ.get(SCHEDULER_ENV, "").strip() or None


@contextlib.contextmanager
def using(scheduler: object) -> Iterator[None]:
    """Within the block, steps called without a scheduler use ``scheduler`` (``None``: no
    change). :func:`analysis.load_corpus` wraps the quotation finding it calls in it."""
    if scheduler is None:
        yield
        return
    token = _CURRENT.set(scheduler)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def local_cores() -> int:
    """How many local processes a step uses when not told: ``FRAMING_WORKERS`` if set, else
    every core."""
    share = os.environ.get(WORKERS_ENV, "").strip()
    return int(share) if share else os.cpu_count() or 1


def _client(scheduler: object):
    """The ``distributed.Client`` for ``scheduler`` (a Client, or an address: one connection per
    address and process), or ``None`` for the local schedulers."""
    if scheduler is None or scheduler in ("processes", "sync"):
        return None
    if isinstance(scheduler, str):
        if "://" not in scheduler:
            raise ValueError(
                f"scheduler {scheduler!r}: expected an address such as 'tcp://host:8786', "
                "'processes' (all local cores) or 'sync' (this process)"
            )
        client = _CLIENTS.get(scheduler)
        if client is None or client.status in ("closed", "closing"):
            from distributed import Client

            client = _CLIENTS[scheduler] = Client(scheduler, set_as_default=False)
        return client
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler
    raise TypeError(f"scheduler must be an address, 'processes', 'sync' or a Client: {scheduler!r}")


def n_workers(scheduler: object = None, workers: int | None = None) -> int:
    """How many tasks can run at once: ``workers`` (default: the local cores), or the threads of
    the cluster's workers."""
    scheduler = scheduler if scheduler is not None else scheduler_from_env()
    if scheduler == "sync":
        return 1
    client = _client(scheduler)
    if client is not None:
        return max(1, sum(client.nthreads().values()))
    return workers or local_cores()


def n_chunks(
    n_items: int,
    *,
    min_items: int,
    workers: int | None = None,
    scheduler: object = None,
    per_worker: int = CHUNKS_PER_WORKER,
) -> int:
    """How many chunks :func:`map_chunks` splits ``n_items`` into: 1 (this process) below
    ``min_items`` items, with ``workers=1`` and no ``scheduler``, or with one worker; else
    ``per_worker`` per worker (never more than the items)."""
    if n_items < max(min_items, 2):
        return 1
    if workers == 1 and scheduler is None:  # asked for one process: the environment can't overrule
        return 1
    available = n_workers(scheduler, workers)
    if available < 2:
        return 1
    return min(n_items, available * per_worker)


def split(items: Sequence, parts: int, sizes: Sequence[int] | None = None) -> list[Sequence]:
    """``items`` cut into ``parts`` consecutive slices (none empty): of near-equal length, or,
    given each item's ``sizes`` (its bytes, say), of near-equal total size, so that no chunk of
    long articles keeps one core busy after the others are done."""
    total = sum(sizes) if sizes is not None else 0
    if not total or len(items) <= parts:
        size = math.ceil(len(items) / max(parts, 1)) or 1
        return [items[i : i + size] for i in range(0, len(items), size)]
    cuts, reached = [0], 0
    for i, item_size in enumerate(sizes):
        reached += item_size
        # cut after the item that takes the running total past the next part's share
        if reached * parts >= total * len(cuts) and i + 1 < len(items) and len(cuts) < parts:
            cuts.append(i + 1)
    cuts.append(len(items))
    return [items[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def map_chunks(
    func: Callable[..., Any],
    items: Sequence,
    *args: Any,
    min_items: int,
    workers: int | None = None,
    scheduler: object = None,
    per_worker: int = CHUNKS_PER_WORKER,
    sizes: Sequence[int] | None = None,
    desc: str = "",
) -> list:
    """``[func(chunk, *args) for chunk in chunks of items]``, run where :func:`n_chunks` says.

    ``func`` must be a module-level function (workers import it by name) and pure: a chunk's
    result depends only on the chunk and ``args``. Results come back in chunk order; below the
    threshold the list has one element, ``func(items, *args)``, computed in this process.
    ``sizes`` (one per item, e.g. its bytes) makes chunks of near-equal total size
    (:func:`split`) rather than of near-equal numbers of items.
    """
    parts = n_chunks(
        len(items), min_items=min_items, workers=workers, scheduler=scheduler, per_worker=per_worker
    )
    if parts == 1:
        return [func(items, *args)]
    return run_chunks(
        func, split(items, parts, sizes), *args, workers=workers, scheduler=scheduler, desc=desc
    )


def run_chunks(
    func: Callable[..., Any],
    chunks: Sequence,
    *args: Any,
    workers: int | None = None,
    scheduler: object = None,
    desc: str = "",
) -> list:
    """``[func(chunk, *args) for chunk in chunks]`` on the local cores or the cluster, in order,
    with a progress bar for a long stage. An exception in a chunk is raised here as it was
    raised there (a :class:`analysis.CorpusError` stays one)."""
    scheduler = scheduler if scheduler is not None else scheduler_from_env()
    if scheduler == "sync" or len(chunks) <= 1:
        return [func(chunk, *args) for chunk in chunks]
    desc = desc or getattr(func, "__name__", "chunks").strip("_")
    client = _client(scheduler)
    if client is not None:
        return _on_cluster(client, func, chunks, args, desc)
    return _on_local_cores(func, chunks, args, workers or local_cores(), desc)


def _progress(total: int, desc: str):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="chunk", delay=PROGRESS_AFTER, file=sys.stderr)


def _on_local_cores(func, chunks, args, workers: int, desc: str) -> list:
    import dask
    import dask.multiprocessing
    from dask.callbacks import Callback

    # Each chunk goes into the graph as one opaque value: Dask would otherwise walk every job
    # and row of it looking for Dask collections (a second of the parent's time on 2,225 files).
    tasks = [
        dask.delayed(func, pure=False)(
            dask.delayed(chunk, name=f"chunk-{uuid.uuid4().hex}", traverse=False), *args
        )
        for chunk in chunks
    ]
    keys = {task.key for task in tasks}

    class _Bar(Callback):
        def __init__(self, bar):
            super().__init__()
            self.bar = bar

        def _posttask(self, key, result, dsk, state, worker_id):
            if key in keys:
                self.bar.update(1)

    # fork (where the platform has it) starts workers without re-importing the package, as the
    # standard library's process pools do on Linux; elsewhere Dask's default (spawn).
    context = (
        "fork" if sys.platform.startswith("linux") else dask.config.get("multiprocessing.context")
    )
    with (
        dask.config.set({"multiprocessing.context": context}),
        _progress(len(tasks), desc) as bar,
        _Bar(bar),
    ):
        # The scheduler's function, not its name: a name makes Dask import distributed to look
        # for a client first (0.6 s of this process's time, once).
        return list(dask.compute(*tasks, scheduler=dask.multiprocessing.get, num_workers=workers))


#: Environment variables a cluster worker gets from the process that hands it work (local
#: workers are forked and have them): the current corpus's story-lexicon folder, so that
#: quotations on a cluster are attributed with the corpus's own actors.yml (analysis.lexicon).
FORWARDED_ENV = ("FRAMING_LEXICONS",)


def _in_env(env: dict[str, str], func, chunk, *args):
    """``func(chunk, *args)`` with ``env`` set first (on a cluster worker)."""
    os.environ.update(env)
    return func(chunk, *args)


def _on_cluster(client, func, chunks, args, desc: str) -> list:
    from distributed import as_completed

    shared = [client.scatter(a, broadcast=True) if _large(a) else a for a in args]
    env = {name: os.environ[name] for name in FORWARDED_ENV if name in os.environ}
    futures = [client.submit(_in_env, env, func, chunk, *shared, pure=False) for chunk in chunks]
    try:
        with _progress(len(futures), desc) as bar:
            for _ in as_completed(futures, loop=client.loop):
                bar.update(1)
        return client.gather(futures)
    finally:
        for future in futures:
            future.release()


def _large(value: object) -> bool:
    """Worth sending to each worker once rather than with every chunk."""
    try:
        return len(value) > 1_000  # type: ignore[arg-type]
    except TypeError:
        return False


def flatten(parts: list[list]) -> list:
    """The lists of :func:`map_chunks` joined into one, in order."""
    return [item for part in parts for item in part]
