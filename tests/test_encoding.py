"""Decoding raw bytes: the encodings that load, and the inputs refused with a clear error."""

from __future__ import annotations

import pytest

from analysis import CorpusError
from analysis.encoding import decode_bytes

TEXT = "Putin’s “dialogue” — café\nSecond paragraph."


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_decodes_known_encodings(raw, encoding):
    text, used = decode_bytes(raw, name="a.txt")
    assert (text, used) == (TEXT, encoding)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_become_lf(newline):
    text, _ = decode_bytes(f"one{newline}{newline}two{newline}".encode(), name="a.txt")
    assert text == "one\n\ntwo\n"


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20)


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "only whitespace"),
        ("\ufeff \n".encode(), "only whitespace"),
        (PNG, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"%PDF-1.7\n", "PDF"),
        (b"text\x00with\x00nul", "NUL bytes"),
        (b"abc \x81\x8d\x8f bytes", "undecodable bytes"),
        (b"ok\x07bell", "looks binary"),
    ],
)
def test_refuses_bad_bytes_naming_the_file(raw, problem):
    with pytest.raises(CorpusError, match=problem) as info:
        decode_bytes(raw, name="folder/bad.txt")
    assert str(info.value).startswith("folder/bad.txt: ")


@pytest.mark.parametrize(
    "raw", [b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", b"  <html lang='en'></html>"]
)
def test_html_decodes_like_text(raw):
    """An HTML page is no longer refused here: the loader extracts its article (analysis.inputs)."""
    assert decode_bytes(raw, name="page.html") == (raw.decode(), "utf-8")


def test_corpus_error_is_a_value_error():
    assert issubclass(CorpusError, ValueError)
