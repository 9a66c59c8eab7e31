"""Peak resident memory of a process and all its descendants, for the benchmark scripts.

``with TreeMemory() as memory: ...`` samples this process's tree (Dask workers, kernels)
every 0.2 s; ``memory.peak`` is the largest sum seen, in bytes. ``TreeMemory(pid, limit=…)``
watches another process and kills its descendants when the sum passes ``limit`` bytes
(``memory.killed``), so that a runaway step fails alone instead of taking the machine.
Run as a script, it does nothing.
"""

from __future__ import annotations

import contextlib
import os
import threading

import psutil


class TreeMemory(threading.Thread):
    def __init__(self, pid: int | None = None, *, limit: float = float("inf"), every: float = 0.2):
        super().__init__(daemon=True)
        self.root = psutil.Process(pid or os.getpid())
        self.limit = limit
        self.every = every
        self.peak = 0
        self.killed = False
        self._done = threading.Event()

    def sample(self) -> int:
        try:
            tree = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return 0
        total = 0
        for proc in tree:
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        self.peak = max(self.peak, total)
        if total > self.limit and not self.killed:
            self.killed = True
            for proc in tree[1:]:
                with contextlib.suppress(psutil.Error):
                    proc.kill()
        return total

    def run(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(self.every)

    def __enter__(self) -> TreeMemory:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self.join()
        self.sample()
