"""The package's own error type, raised for every problem with the input corpus."""

from __future__ import annotations


class CorpusError(ValueError):
    """Bad input: an unreadable, empty or binary file, or a manifest that does not fit the folder.

    The message always names the file (or the manifest) and the problem, so a user can fix the
    input without reading a traceback from inside pandas.
    """
