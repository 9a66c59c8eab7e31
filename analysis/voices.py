"""Whose words a sentence carries, named once for the whole suite.

:func:`analysis.quotes.sentence_voice` labels every sentence of ``corpus.sentences`` with one of
:data:`SENTENCE_VOICES`; the topic functions take a ``voice=`` option (:data:`VOICE_OPTIONS`) and
findings and figures call the voices by :data:`VOICE_NAMES`.
"""

from __future__ import annotations

#: The labels of ``corpus.sentences["voice"]``: the writer's own, wholly quoted, or both.
SENTENCE_VOICES = ("authorial", "quoted", "mixed")
#: The ``voice=`` option of the topic functions -> the sentence voices it keeps whole
#: (``None``: all the text, whatever its voice).
VOICE_OPTIONS = {"all": None, "writer": ("authorial",), "quoted": ("quoted",)}
#: How the sentence voices are called in finding keys and figures.
VOICE_NAMES = {"authorial": "writer", "quoted": "quoted", "mixed": "mixed"}


def check_voice(voice: str) -> tuple[str, ...] | None:
    """The sentence voices ``voice`` keeps (see :data:`VOICE_OPTIONS`); ``ValueError`` if
    ``voice`` is not an option."""
    if voice not in VOICE_OPTIONS:
        raise ValueError(f"voice must be one of {list(VOICE_OPTIONS)}, not {voice!r}")
    return VOICE_OPTIONS[voice]
