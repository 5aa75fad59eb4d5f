"""Documents attached to a page (plugins/transparency/documents.py): what GOV.UK shows of
an attachment, and every way a document can be wrong."""

import pytest
from transparency.documents import attachments_of, size_text

from conftest import make_pdf as pdf


def messages(value, content):
    return [(p.level, p.what, p.fix, p.key, p.text) for p in attachments_of(value, str(content))[1]]


def test_a_tagged_pdf_is_shown_with_type_size_and_pages(tmp_path):
    file = pdf(tmp_path / "documents" / "2017" / "budget.pdf")
    [attachment], problems = attachments_of(
        [{"file": "documents/2017/budget.pdf", "title": "Budget report"}], str(tmp_path))
    assert problems == []
    assert (attachment.title, attachment.url, attachment.pages) == (
        "Budget report", "documents/2017/budget.pdf", 3)
    assert attachment.details == f"PDF, {size_text(file.stat().st_size)}, 3 pages"


def test_other_files_have_no_page_count(tmp_path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "spend.ods").write_bytes(b"x" * 3000)
    [attachment], _ = attachments_of({"file": "/documents/spend.ods", "title": "Spend"}, str(tmp_path))
    assert attachment.details == "OpenDocument Spreadsheet, 3 KB"


@pytest.mark.parametrize("size, text", [(812, "812 bytes"), (250_880, "245 KB"), (1_258_291, "1.2 MB")])
def test_sizes_as_govuk_writes_them(size, text):
    assert size_text(size) == text


def test_an_untagged_pdf_is_a_warning_and_still_published(tmp_path):
    pdf(tmp_path / "documents" / "notice.pdf", tagged=False)
    value = [{"file": "documents/notice.pdf", "title": "Signed notice"}]
    assert len(attachments_of(value, str(tmp_path))[0]) == 1
    [(level, what, fix, key, text)] = messages(value, tmp_path)
    assert (level, key, text) == ("warning", "documents", "documents/notice.pdf")
    assert what == ('document "documents/notice.pdf" is a PDF without tags, so a screen reader '
                    "cannot follow its headings, lists and tables")


@pytest.mark.parametrize("value, expected", [
    ([{"title": "No file"}], ("a document has no file", "give each document a file: and a title:, "
                              "for example file: documents/2017/budget-report.pdf")),
    ([{"file": "documents/a.pdf"}], ('document "documents/a.pdf" has no title',
                                     "add title: and the document's name as readers should see it")),
    ([{"file": "images/a.pdf", "title": "A"}], ('document "images/a.pdf" is not in the documents folder',
                                                "put it in content/documents/ and write file: documents/...")),
    ([{"file": "documents/a.exe", "title": "A"}], ('document "documents/a.exe" is not a kind of file the site publishes',
                                                   "save it as one of .csv, .docx, .ods, .odt, .pdf, .xlsx; "
                                                   "better still, put its content on a page")),
    ([{"file": "documents/missing.pdf", "title": "A"}], ('document "documents/missing.pdf" is not there',
                                                         "add the file to content/documents/, or correct the name")),
])
def test_each_mistake_names_the_document_and_the_fix(tmp_path, value, expected):
    assert [(what, fix) for _, what, fix, _, _ in messages(value, tmp_path)] == [expected]


def test_a_locked_or_broken_pdf_is_an_error(tmp_path):
    pdf(tmp_path / "documents" / "locked.pdf", password="secret")
    (tmp_path / "documents" / "broken.pdf").write_bytes(b"%PDF-1.7 not really")
    found = messages([{"file": "documents/locked.pdf", "title": "A"},
                      {"file": "documents/broken.pdf", "title": "B"}], tmp_path)
    assert [what.split(" (")[0] for _, what, _, _, _ in found] == [
        'document "documents/locked.pdf" is locked with a password',
        'document "documents/broken.pdf" cannot be read as a PDF']
    assert all(level == "error" for level, *_ in found)
