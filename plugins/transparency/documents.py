"""Documents that must stay documents (a signed decision notice, a budget report as
PDF), attached to the page that publishes them and shown as GOV.UK shows attachments:
title, file type, size, number of pages, and a way to ask for an accessible format.

    documents:
      - file: documents/2017/budget-report-2017-18.pdf
        title: Budget report 2017 to 2018

The file lives under content/documents/ and is published as it is, at the same path.
A PDF is read (pypdf) for its pages, and whether it is tagged, without which a screen
reader cannot follow its headings and tables.
"""

import os
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from site_core import WARNING, Problem

FOLDER = "documents"  # in content/: the only place documents are published from
FILE_TYPES = {  # as GOV.UK names them on an attachment
    ".pdf": "PDF", ".odt": "OpenDocument Text", ".ods": "OpenDocument Spreadsheet",
    ".docx": "MS Word Document", ".xlsx": "MS Excel Spreadsheet", ".csv": "CSV",
}


@dataclass(frozen=True)
class Attachment:
    title: str
    url: str  # site-relative: "documents/2017/budget-report-2017-18.pdf"
    file_type: str  # "PDF"
    size: str  # "245 KB"
    pages: int | None = None

    @property
    def details(self):
        """"PDF, 245 KB, 12 pages"."""
        parts = [self.file_type, self.size]
        if self.pages:
            parts.append(f"{self.pages} {'page' if self.pages == 1 else 'pages'}")
        return ", ".join(parts)


def size_text(size):
    """The size as GOV.UK writes it: 812 bytes, 245 KB, 1.2 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def attachments_of(value, content_path):
    """(Attachments, problems) of a `documents:` value."""
    if value in (None, "", []):
        return [], []
    entries = value if isinstance(value, list) else [value]
    found, problems = [], []
    for entry in entries:
        attachment, entry_problems = _attachment(entry, content_path)
        problems += entry_problems
        if attachment:
            found.append(attachment)
    return found, problems


def _attachment(entry, content_path):
    if not isinstance(entry, dict) or not str(entry.get("file") or "").strip():
        return None, [Problem("a document has no file",
                              "give each document a file: and a title:, for example "
                              "file: documents/2017/budget-report.pdf", key="documents")]
    name = str(entry["file"]).strip().lstrip("/")
    title = str(entry.get("title") or "").strip()
    where = {"key": "documents", "text": name}
    if not title:
        return None, [Problem(f'document "{name}" has no title',
                              "add title: and the document's name as readers should see it", **where)]
    if name.split("/", 1)[0] != FOLDER:
        return None, [Problem(f'document "{name}" is not in the documents folder',
                              f"put it in content/{FOLDER}/ and write file: {FOLDER}/...", **where)]
    extension = os.path.splitext(name)[1].lower()
    if extension not in FILE_TYPES:
        return None, [Problem(f'document "{name}" is not a kind of file the site publishes',
                              f"save it as one of {', '.join(sorted(FILE_TYPES))}; better still, "
                              "put its content on a page", **where)]
    path = os.path.join(content_path, name)
    if not os.path.isfile(path):
        return None, [Problem(f'document "{name}" is not there', f"add the file to content/{FOLDER}/, "
                              "or correct the name", **where)]
    pages, problems = None, []
    if extension == ".pdf":
        pages, problems = _pdf_pages(path, name, where)
        if pages is None:
            return None, problems
    return Attachment(title, name, FILE_TYPES[extension], size_text(os.path.getsize(path)), pages), problems


def _pdf_pages(path, name, where):
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            return None, [Problem(f'document "{name}" is locked with a password',
                                  "publish a copy without a password", **where)]
        pages = len(reader.pages)
        catalogue = reader.trailer["/Root"]
        mark_info = catalogue.get("/MarkInfo")
        tagged = bool(mark_info and mark_info.get_object().get("/Marked"))
    except (PdfReadError, OSError, ValueError, KeyError) as error:
        return None, [Problem(f'document "{name}" cannot be read as a PDF ({error})',
                              "export it again as PDF from the program that made it", **where)]
    if tagged:
        return pages, []
    return pages, [Problem(
        f'document "{name}" is a PDF without tags, so a screen reader cannot follow its '
        "headings, lists and tables",
        'export it again with tags (in Word: Save as PDF, Options, "Document structure tags for '
        'accessibility"), or put its content on a page', level=WARNING, **where)]
