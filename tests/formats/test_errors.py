"""The loaders' error: one line naming the file, the library's words kept apart."""

from __future__ import annotations

from comparer.formats.errors import LoadError


def test_the_message_names_the_file_and_the_problem() -> None:
    error = LoadError("notes/v2.docx", "is an encrypted Word document")
    assert str(error) == "notes/v2.docx: is an encrypted Word document"
    assert (error.path, error.problem, error.detail) == (
        "notes/v2.docx",
        "is an encrypted Word document",
        "",
    )


def test_the_librarys_detail_is_kept_but_never_shown() -> None:
    error = LoadError("v2.pdf", "is damaged", detail="PdfReadError: EOF marker not found")
    assert str(error) == "v2.pdf: is damaged"
    assert error.detail == "PdfReadError: EOF marker not found"


def test_a_name_with_a_line_break_stays_on_one_line() -> None:
    error = LoadError("a\nb.txt", "no such file")
    assert "\n" not in str(error)
    assert str(error).endswith(": no such file")
    assert error.path == "a\nb.txt"  # the real name is kept for the caller
