"""Decode the raw bytes of an article file, or refuse them with a clear error.

Written by hand rather than with a charset detector (charset-normalizer, chardet) on purpose:
a detector guesses, and its guess can change between versions or with a few bytes of input,
which would make the corpus (and every figure) depend on a probability. News text comes in a
small known set of encodings, so the rule is a fixed cascade that is the same on every run:

1. a byte-order mark decides: UTF-8 (``utf-8-sig``) or UTF-16 (``utf-16``);
2. a file with NUL bytes, or that starts like a known binary format, is refused;
3. strict UTF-8;
4. strict cp1252 (Windows Western), the usual encoding of text pasted from older systems;
5. otherwise the file is refused, naming the first undecodable byte.

Line endings are normalised to ``\\n``. An HTML page decodes like any text; the corpus loader
then extracts its article (:func:`analysis.inputs.extract_html`). A control character refuses a
text file, not an HTML page: pages carry them in scripts and attributes, where no reader sees
them (the extractor is handed the page with each one as a space).
"""

from __future__ import annotations

import re

from analysis.errors import CorpusError

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF (WebP/WAV/AVI) file",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: C0 control characters other than tab, newline, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(raw: bytes, *, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of file ``name``.

    ``text`` has no BOM and ``\\n`` line endings. Raises :class:`CorpusError` naming ``name`` for
    an empty or whitespace-only file, a binary file or undecodable bytes.
    """
    if not raw:
        raise CorpusError(f"{name}: empty file")
    text, encoding = _decode(raw, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(f"{name}: file holds only whitespace")
    control = CONTROL.search(text)
    if control and not _is_html(text):
        raise CorpusError(
            f"{name}: looks binary (control character {control.group()!r} at character "
            f"{control.start()}), not article text"
        )
    return text, encoding


def _is_html(text: str) -> bool:
    from analysis.inputs import looks_like_html

    return looks_like_html(text)


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise CorpusError(
                    f"{name}: starts with a {encoding} byte-order mark but byte {exc.start} "
                    "cannot be decoded as that"
                ) from None
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise CorpusError(f"{name}: is {kind}, not a text file")
    if b"\x00" in raw:
        raise CorpusError(f"{name}: contains NUL bytes; looks binary, not a text file")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise CorpusError(
                f"{name}: undecodable bytes: byte {utf8_error.start} "
                f"({raw[utf8_error.start : utf8_error.start + 1]!r}) is not UTF-8, "
                "and the file is not cp1252 or UTF-16 with a byte-order mark either"
            ) from None
