"""Random edits of a content folder, as people make them, for the live preview's
equivalence test (test_live_equivalence.py).

`Editor(content, rng, today)` changes the files on disk and says which paths it changed
(edited, created or deleted), one `Step` at a time. Every edit leaves valid content
(no error in the build's report), except a "break" step, which puts one content error
into one file and brings, as `step.fix()`, the step that repairs that file.

The edits keep the content valid on their own terms: a release that other files link to
is renamed with the links rewritten, deleted with the links turned into plain text, and
never scheduled (a link to a release that is held back is an error); dates are never
after `today` unless the edit schedules a release on purpose; corrections and withdrawal
are dated between the release and `today`, and such a release keeps its date.

Everything is drawn from the one `random.Random` given, and files are listed sorted, so
one seed replays the same edits on the same archive.
"""

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from site_core import slugify

# [text]({filename}/news/2017-04-03-x.md) or ...md#anchor), as content links to content.
LINK_RE = re.compile(r"\[([^\]]*)\]\(\{filename\}/([^)#\s]+)(#[^)\s]*)?\)")
KEY_RE = re.compile(r"([A-Za-z_][\w-]*):")

SENTENCES = [
    "The Commissioner met residents in {place} to hear what matters to them.",
    "Officers will report on progress at the next Police and Crime Panel.",
    "{person} said: \"This is about keeping people in {place} safe.\"",
    "The scheme is paid for from the Commissioner's community safety fund.",
    "Local groups in {place} can apply for a share of the money until the spring.",
    "Figures for the last quarter show fewer incidents in {place}.",
    "Partners include the county council, schools & local charities.",
    "The work follows the priorities in the Police and Crime Plan.",
    "A survey of 1,200 residents in {place} shaped the plans.",
    "Volunteers will help to run the project in {place} and nearby villages.",
]
PLACES = ["Hitchin", "Watford", "St Albans", "Stevenage", "Hertford", "Tring", "Ware",
          "Bishop's Stortford", "Welwyn Garden City", "Hemel Hempstead"]
PEOPLE = ["David Lloyd", "the Chief Constable", "Inspector Amy Clarke",
          "the Deputy Commissioner"]
TITLE_STARTS = ["Commissioner backs", "New funding for", "Residents asked about",
                "Extra patrols for", "Partnership launched on", "Review published on"]
TITLE_SUBJECTS = ["safer streets", "rural crime", "road safety", "victims' services",
                  "youth projects", "fraud prevention", "neighbourhood policing"]
TITLE_EXTRAS = ["", "", " & partners", ": what it means for you", " \u2013 an update",
                " (\"Safer Streets\")"]
CONTACT_LABELS = ["main line", "helpline", "enquiries", "office", "advice line"]

# The kinds of edit (`Editor.step(kind)`), each at least once in a long enough plan.
KINDS = [
    "release_body", "release_title", "release_summary", "release_date", "tag_add",
    "tag_remove", "release_rename", "release_new", "release_delete", "release_link",
    "district_day", "faq", "contacts", "page", "register",
    # beyond the brief: release_life's front matter, which moves a release out of lists
    "release_schedule", "release_withdraw", "release_correction",
]
WEIGHTS = {"release_body": 3, "release_link": 2, "release_title": 2, "release_summary": 2,
           "release_date": 2, "release_new": 1.5, "release_rename": 1.5, "tag_add": 1.5,
           "tag_remove": 1.5, "district_day": 1.5, "faq": 1.5, "contacts": 1.5, "page": 1.5,
           "release_delete": 1, "release_schedule": 0.5, "release_withdraw": 0.5,
           "release_correction": 0.5, "register": 1}
BREAKS = ["no_title", "bad_yaml", "unclosed_front_matter", "bad_date", "missing_link",
          "contacts_key", "bad_district"]
# Keep the archive from emptying.
MIN_RELEASES = 8


@dataclass
class Step:
    kind: str
    what: str  # one line, for the failure message
    changed: set = field(default_factory=set)  # absolute Paths: edited, created or deleted
    fix: object = None  # a break step: a callable that repairs the file, returning a Step

    def merged(self, other):
        return Step(f"{self.kind}+{other.kind}", f"{self.what}; and {other.what}",
                    self.changed | other.changed)


def dump(value):
    """A YAML value on one line, as a person might write it (strings always quoted)."""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(dump(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {dump(item)}" for key, item in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a YAML string


def as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


class Doc:
    """A content file: its front matter as (key, lines) blocks, as written, and its body."""

    def __init__(self, text):
        lines = text.splitlines(keepends=True)
        if not lines or lines[0] != "---\n" or "---\n" not in lines[1:]:
            raise ValueError("no front matter")
        end = lines.index("---\n", 1)
        self.blocks = []
        for line in lines[1:end]:
            match = KEY_RE.match(line)
            if match:
                self.blocks.append([match.group(1), [line]])
            elif self.blocks:  # a continuation: "  - a visit", a folded value
                self.blocks[-1][1].append(line)
            else:
                self.blocks.append([None, [line]])
        self.body = "".join(lines[end + 1:])

    @classmethod
    def read(cls, path):
        return cls(path.read_text(encoding="utf-8"))

    def keys(self):
        return [key for key, _ in self.blocks]

    def get(self, key, default=None):
        for name, lines in self.blocks:
            if name == key:
                return (yaml.safe_load("".join(lines)) or {}).get(key, default)
        return default

    def set_raw(self, key, line):
        """Put `line` (without its newline) in place of the key's block, or at the end."""
        for block in self.blocks:
            if block[0] == key:
                block[1] = [line + "\n"]
                return
        self.blocks.append([key, [line + "\n"]])

    def set(self, key, value):
        self.set_raw(key, f"{key}: {dump(value)}")

    def remove(self, key):
        self.blocks = [block for block in self.blocks if block[0] != key]

    def front_matter(self):
        return "".join(line for _, lines in self.blocks for line in lines)

    def text(self):
        return "---\n" + self.front_matter() + "---\n" + self.body

    def write(self, path):
        path.write_text(self.text(), encoding="utf-8")


def paragraphs(body):
    """The plain paragraphs of a body (no heading, list, table, quote, link or HTML): the
    ones an edit may rewrite without breaking anything."""
    return [part for part in body.split("\n\n")
            if len(part) > 40 and not re.match(r"\s*([#>|<!*-]|\d+\.|\s{4})", part)
            and "](" not in part and "{" not in part and "<" not in part]


class Editor:
    def __init__(self, content, rng, today):
        self.content = Path(content)
        self.rng = rng
        self.today = today
        self.count = 0

    # --- what is there -------------------------------------------------------------
    def files(self, folder):
        return sorted((self.content / folder).glob("*.md"))

    def releases(self):
        return self.files("news")

    def rel(self, path):
        return path.relative_to(self.content).as_posix()

    def all_markdown(self):
        return sorted(self.content.rglob("*.md"))

    def linking_to(self, path):
        """Files whose text links to `path` with {filename}."""
        target = self.rel(path)
        return [other for other in self.all_markdown() if other != path and any(
            m.group(2) == target for m in LINK_RE.finditer(other.read_text(encoding="utf-8")))]

    def published(self, path):
        """A release that is not scheduled (a link to it is good)."""
        date = Doc.read(path).get("date")
        return date is None or as_date(date) <= self.today

    def plain_releases(self):
        """Releases with no correction, withdrawal or removal: their date may move."""
        return [path for path in self.releases() if not {"changes", "withdrawn", "removed"}
                & set(Doc.read(path).keys())]

    def tags_in_use(self):
        tags = set()
        for folder in ("news", "district-days"):
            for path in self.files(folder):
                value = Doc.read(path).get("tags") or []
                tags.update(str(tag) for tag in (value if isinstance(value, list) else [value]))
        return sorted(tags)

    def phones(self):
        """(name, phone) of each entry of the directory with a phone number."""
        data = yaml.safe_load((self.content / "data/contacts.yml").read_text(encoding="utf-8"))
        entries = data.get("contacts", []) if isinstance(data, dict) else data
        return [(str(e["name"]), str(e["phone"])) for e in entries or []
                if isinstance(e, dict) and e.get("name") and e.get("phone")]

    # --- words -----------------------------------------------------------------------
    def next(self):
        self.count += 1
        return self.count

    def sentence(self):
        return self.rng.choice(SENTENCES).format(place=self.rng.choice(PLACES),
                                                 person=self.rng.choice(PEOPLE))

    def paragraph(self, number):
        parts = [self.sentence() for _ in range(self.rng.randint(2, 3))]
        parts.insert(1, f"This is change number {number}.")
        if self.rng.random() < 0.3:
            phones = self.phones()
            if phones:
                name, phone = self.rng.choice(phones)
                parts.append(f"For help, call {name} on {phone}.")
        return " ".join(parts)

    def title(self, number):
        return (f"{self.rng.choice(TITLE_STARTS)} {self.rng.choice(TITLE_SUBJECTS)} "
                f"{number}{self.rng.choice(TITLE_EXTRAS)}")

    def summary(self, number):
        return f"Summary {number}: {self.sentence()}"

    def past_day(self, start=datetime.date(2013, 1, 1)):
        """A day from `start` to today (the build's "now" is today at noon)."""
        end = self.today
        start = min(start, end)
        return start + datetime.timedelta(days=self.rng.randint(0, (end - start).days))

    # --- steps -------------------------------------------------------------------------
    def plan(self, steps, breaks):
        """The kinds of `steps` steps: every kind once (as far as they go), the rest
        drawn by weight, in random order, with `breaks` "break" steps (each followed by
        its fix, which counts as a step too)."""
        edits = steps - 2 * breaks
        kinds = self.rng.sample(KINDS, len(KINDS))[:edits]
        names = list(WEIGHTS)
        kinds += self.rng.choices(names, [WEIGHTS[n] for n in names], k=edits - len(kinds))
        self.rng.shuffle(kinds)
        for _ in range(breaks):
            kinds.insert(self.rng.randint(1, len(kinds)), "break")
        return kinds

    def step(self, kind):
        """Make one edit of `kind` (another kind if it cannot be made now)."""
        for _ in range(50):
            made = getattr(self, kind)()
            if made is not None:
                return made
            names = list(WEIGHTS)
            kind = self.rng.choices(names, [WEIGHTS[n] for n in names])[0]
        raise RuntimeError("no edit could be made")

    def random_step(self):
        names = list(WEIGHTS)
        return self.step(self.rng.choices(names, [WEIGHTS[n] for n in names])[0])

    def rewrite_a_paragraph(self, doc, number, candidates=None):
        """Replace one of `candidates` (the body's paragraphs) by a new one; append one
        to a body that has none."""
        candidates = paragraphs(doc.body) if candidates is None else candidates
        if candidates:
            doc.body = doc.body.replace(self.rng.choice(candidates), self.paragraph(number), 1)
        else:
            doc.body = doc.body.rstrip("\n") + "\n\n" + self.paragraph(number) + "\n"

    def _edit_doc(self, path, kind, what, change):
        doc = Doc.read(path)
        change(doc)
        doc.write(path)
        return Step(kind, f"{what} in {self.rel(path)}", {path})

    # Press releases
    def release_body(self):
        path = self.rng.choice(self.releases())
        number = self.next()

        def change(doc):
            self.rewrite_a_paragraph(doc, number)
        return self._edit_doc(path, "release_body", "rewrote a paragraph", change)

    def release_title(self):
        path = self.rng.choice(self.releases())
        title = self.title(self.next())
        return self._edit_doc(path, "release_title", f"title -> {title!r}",
                              lambda doc: doc.set("title", title))

    def release_summary(self):
        path = self.rng.choice(self.releases())
        summary = self.summary(self.next())
        return self._edit_doc(path, "release_summary", "new summary",
                              lambda doc: doc.set("summary", summary))

    def release_date(self):
        candidates = self.plain_releases()
        if not candidates:
            return None
        path = self.rng.choice(candidates)
        others = [p for p in candidates if p != path and self.published(p)]
        if others and self.rng.random() < 0.3:  # the same day as another: the tie-breaker
            date = as_date(Doc.read(self.rng.choice(others)).get("date"))
        else:
            date = self.past_day()
        return self._edit_doc(path, "release_date", f"date -> {date}",
                              lambda doc: doc.set("date", date))

    def tag_add(self):
        path = self.rng.choice(self.releases())
        doc = Doc.read(path)
        tags = doc.get("tags") or []
        tags = tags if isinstance(tags, list) else [tags]
        choices = [tag for tag in self.tags_in_use() if tag not in tags]
        if not choices or self.rng.random() < 0.25:
            tag = f"Live topic {self.next()}"  # a new topic page
        else:
            tag = self.rng.choice(choices)
        return self._edit_doc(path, "tag_add", f"added tag {tag!r}",
                              lambda doc: doc.set("tags", tags + [tag]))

    def tag_remove(self):
        candidates = []
        for path in self.releases():
            tags = Doc.read(path).get("tags")
            if isinstance(tags, list) and len(tags) > 1:
                candidates.append((path, tags))
        if not candidates:
            return None
        path, tags = self.rng.choice(candidates)
        tag = self.rng.choice(tags)
        return self._edit_doc(path, "tag_remove", f"removed tag {tag!r}",
                              lambda doc: doc.set("tags", [t for t in tags if t != tag]))

    def release_rename(self):
        path = self.rng.choice(self.releases())
        number = self.next()
        match = re.match(r"(\d{4}-\d{2}-\d{2})-(.+)", path.stem)
        prefix, slug = (match.group(1) + "-", match.group(2)) if match else ("", path.stem)
        slug = "-".join(slug.split("-")[:4] + ["renamed", str(number)])
        new = path.with_name(f"{prefix}{slug}.md")
        doc = Doc.read(path)
        if doc.get("slug") is not None:
            doc.set("slug", slug)
        linking = self.linking_to(path)
        old_target, new_target = self.rel(path), self.rel(new)
        new.write_text(doc.text(), encoding="utf-8")
        path.unlink()
        for other in linking:
            text = other.read_text(encoding="utf-8")
            other.write_text(text.replace("{filename}/" + old_target, "{filename}/" + new_target),
                             encoding="utf-8")
        return Step("release_rename", f"renamed {old_target} -> {new_target} "
                    f"({len(linking)} files link to it)", {path, new, *linking})

    def release_new(self):
        model = Doc.read(self.rng.choice(self.releases()))
        number = self.next()
        title = self.title(number)
        date = self.today - datetime.timedelta(days=self.rng.randint(0, 14))
        tags = self.rng.sample(self.tags_in_use(), 2) if len(self.tags_in_use()) >= 2 else []
        doc = Doc("---\n---\n")
        for key in model.keys():  # the model's keys, in its order, with new values
            if key == "title":
                doc.set(key, title)
            elif key == "date":
                doc.set(key, date)
            elif key == "summary":
                doc.set(key, self.summary(number))
            elif key == "tags" and tags:
                doc.set(key, tags)
            elif key == "districts":
                doc.set(key, model.get(key))
        for key, value in (("title", title), ("date", date)):
            if doc.get(key) is None:
                doc.set(key, value)
        body = [self.paragraph(number), "## Background", self.paragraph(self.next())]
        targets = [p for p in self.releases() if self.published(p)]
        if targets and self.rng.random() < 0.5:
            target = self.rng.choice(targets)
            body.append(f"Read our [earlier announcement]({{filename}}/{self.rel(target)}).")
        doc.body = "\n\n".join(body) + "\n"
        path = self.content / "news" / f"{date.isoformat()}-{slugify(title)}.md"
        if path.exists():
            return None
        doc.write(path)
        return Step("release_new", f"new release {self.rel(path)}", {path})

    def release_delete(self):
        releases = self.releases()
        if len(releases) <= MIN_RELEASES:
            return None
        path = self.rng.choice(releases)
        target = self.rel(path)
        linking = self.linking_to(path)
        for other in linking:  # the links become plain text
            text = other.read_text(encoding="utf-8")
            text = LINK_RE.sub(lambda m: m.group(1) if m.group(2) == target else m.group(0), text)
            other.write_text(text, encoding="utf-8")
        path.unlink()
        return Step("release_delete", f"deleted {target} ({len(linking)} files linked to it)",
                    {path, *linking})

    def release_link(self):
        releases = self.releases()
        targets = [p for p in releases if self.published(p)]
        if len(releases) < 2 or not targets:
            return None
        target = self.rng.choice(targets)
        path = self.rng.choice([p for p in releases if p != target])
        number = self.next()
        link = f"Read about [our announcement {number}]({{filename}}/{self.rel(target)})."

        def change(doc):
            doc.body = doc.body.rstrip("\n") + "\n\n" + link + "\n"
        return self._edit_doc(path, "release_link", f"linked to {self.rel(target)}", change)

    def release_schedule(self):
        candidates = [p for p in self.plain_releases() if not self.linking_to(p)]
        if not candidates:
            return None
        path = self.rng.choice(candidates)
        date = self.today + datetime.timedelta(days=self.rng.randint(3, 60))
        return self._edit_doc(path, "release_schedule", f"scheduled for {date}",
                              lambda doc: doc.set("date", date))

    def release_withdraw(self):
        candidates = [p for p in self.releases() if self.published(p)
                      and not {"withdrawn", "removed"} & set(Doc.read(p).keys())]
        if not candidates:
            return None
        path = self.rng.choice(candidates)
        day = self.past_day(as_date(Doc.read(path).get("date")))
        number = self.next()

        def change(doc):
            doc.set("withdrawn", day)
            doc.set("withdrawn_reason", f"Withdrawn in change {number}: it was issued "
                                        "by the previous Commissioner.")
        return self._edit_doc(path, "release_withdraw", f"withdrawn on {day}", change)

    def release_correction(self):
        candidates = [p for p in self.releases() if self.published(p)
                      and "removed" not in Doc.read(p).keys()]
        if not candidates:
            return None
        path = self.rng.choice(candidates)
        doc = Doc.read(path)
        changes = doc.get("changes") or []
        day = self.past_day(max([as_date(doc.get("date"))]
                                + [as_date(c["date"]) for c in changes]))
        number = self.next()
        entry = {"date": day, "note": f"Corrected a figure (change {number})."}
        return self._edit_doc(path, "release_correction", f"correction dated {day}",
                              lambda doc: doc.set("changes", changes + [entry]))

    # Other content
    def district_day(self):
        reports = self.files("district-days")
        if not reports:
            return None
        path = self.rng.choice(reports)
        number = self.next()
        how = self.rng.choice(["body", "summary", "title", "tag"])

        def change(doc):
            if how == "summary":
                doc.set("summary", self.summary(number))
            elif how == "title":
                doc.set("title", f"Commissioner's District Day, report {number}")
            elif how == "tag":
                tags = doc.get("tags") or []
                doc.set("tags", [*tags, f"Live topic {number}"])
            else:
                self.rewrite_a_paragraph(doc, number)
        return self._edit_doc(path, "district_day", f"District Day report: {how}", change)

    def faq(self):
        pages = self.files("faq")
        if not pages:
            return None
        path = self.rng.choice(pages)
        number = self.next()
        how = self.rng.choice(["answer", "question", "title", "modified"])

        def change(doc):
            if how == "title":
                doc.set("title", f"Questions about change {number}")
            elif how == "modified":
                start = as_date(doc.get("date") or datetime.date(2013, 1, 1))
                doc.set("modified", self.past_day(start))
            elif how == "question":
                doc.body = (doc.body.rstrip("\n") + f"\n\n## Can I ask question {number}?\n\n"
                            + self.paragraph(number) + "\n")
            else:
                first = doc.body.split("\n\n")[0]
                self.rewrite_a_paragraph(doc, number,
                                         [p for p in paragraphs(doc.body) if p != first])
        return self._edit_doc(path, "faq", f"FAQ: {how}", change)

    def page(self):
        pages = self.files("pages")
        if not pages:
            return None
        path = self.rng.choice(pages)
        number = self.next()
        how = self.rng.choice(["body", "body", "title", "summary"])

        def change(doc):
            if how == "title":
                doc.set("title", f"{doc.get('title')} ({number})")
            elif how == "summary":
                doc.set("summary", self.summary(number))
            else:
                self.rewrite_a_paragraph(doc, number)
        return self._edit_doc(path, "page", f"page: {how}", change)

    def contacts(self):
        """A new name for an entry with a phone number, or its phone_display regrouped."""
        path = self.content / "data/contacts.yml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        entries, current = [], None  # [{"name": index, "phone": index, ...}]
        for index, line in enumerate(lines):
            match = re.match(r"(\s*)(- )?(\w+):\s*(.*)$", line)
            if not match or line.lstrip().startswith("#"):
                continue
            if match.group(2) and match.group(3) == "id":
                current = {}
                entries.append(current)
            if current is not None:
                current[match.group(3)] = index
        entries = [e for e in entries if "phone" in e and "name" in e]
        if not entries:
            return None
        entry = self.rng.choice(entries)
        number = self.next()

        def key_value(key):
            match = re.match(r"(\s*)(\w+):\s*(.*)$", lines[entry[key]])
            return match.group(1), match.group(3)

        if "phone_display" in entry and self.rng.random() < 0.4:
            indent, phone = key_value("phone")
            digits = re.sub(r"\D", "", phone)
            cuts = sorted(self.rng.sample(range(2, len(digits) - 1), 2))
            shown = f"{digits[:cuts[0]]} {digits[cuts[0]:cuts[1]]} {digits[cuts[1]:]}"
            lines[entry["phone_display"]] = f"{indent}phone_display: {shown}\n"
            what = f"phone_display -> {shown}"
        else:
            indent, name = key_value("name")
            base = re.sub(r" \([^)]*\d+\)$", "", yaml.safe_load(name) if name else "")
            new = f"{base} ({self.rng.choice(CONTACT_LABELS)} {number})"
            lines[entry["name"]] = f"{indent}name: {dump(new)}\n"
            what = f"name -> {new!r}"
        path.write_text("".join(lines), encoding="utf-8")
        return Step("contacts", f"contacts.yml: {what}", {path})

    def register(self):
        """A month of spending over £500 (plugins/transparency): a new file, or a row
        added to one; the register's pages, /transparency/ and its feed follow."""
        folder = self.content / "transparency" / "spending"
        files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
        number = self.next()
        if files and self.rng.random() < 0.6:
            path = self.rng.choice(files)
            text = path.read_text(encoding="utf-8")
        else:
            path = folder / f"2017-{self.rng.randint(1, 9):02d}.csv"
            text = path.read_text(encoding="utf-8") if path.exists() else \
                "Date,Supplier,Expense type,Description,Amount\n"
        month = path.stem
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([
            f"{month}-{self.rng.randint(1, 28):02d}", f"{self.rng.choice(PLACES)} Supplies {number}",
            "Supplies", self.sentence(), f"{self.rng.randint(501, 90000)}.{self.rng.randint(0, 99):02d}"])
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text + out.getvalue(), encoding="utf-8")
        return Step("register", f"spending row added to {self.rel(path)}", {path})

    # --- errors ------------------------------------------------------------------------
    def break_step(self):
        """Put one content error into one file; `fix()` writes that file back as it was
        just before (other edits made with the break stay)."""
        for _ in range(50):
            kind = self.rng.choice(BREAKS)
            made = self._break(kind)
            if made is not None:
                return made
        raise RuntimeError("no error could be made")

    def _break(self, kind):
        documents = self.releases() + self.files("faq") + self.files("pages") \
            + self.files("district-days")
        if kind == "contacts_key":
            path = self.content / "data/contacts.yml"
        elif kind == "bad_district":
            if not self.files("district-days"):
                return None
            path = self.rng.choice(self.files("district-days"))
        elif kind == "bad_date":
            path = self.rng.choice(self.releases())
        elif kind == "missing_link":
            # A scheduled release is held back, and so are the checks of its body.
            published = [path for path in self.releases() if self.published(path)]
            if not published:
                return None
            path = self.rng.choice(published)
        else:
            path = self.rng.choice(documents)
        before = path.read_bytes()
        text = before.decode("utf-8")
        number = self.next()
        if kind == "contacts_key":
            text, count = re.subn(r"^(\s*)phone:", r"\1phnoe:", text, count=1, flags=re.M)
            what = 'misspelt key "phnoe" in contacts.yml'
            if not count:
                return None
        else:
            doc = Doc(text)
            if kind == "no_title":
                doc.remove("title")
                what = "removed the title line"
            elif kind == "bad_yaml":
                doc.set_raw("title", 'title: "A title with no closing quote')
                what = "unclosed quote in the front matter"
            elif kind == "bad_date":
                doc.set_raw("date", "date: 2017-13-45")
                what = "date 2017-13-45"
            elif kind == "bad_district":
                district = str(doc.get("district") or "Dacorum")
                doc.set("district", district[:-2] + district[-1])
                what = f"district misspelt ({district[:-2] + district[-1]!r})"
            elif kind == "missing_link":
                doc.body = (doc.body.rstrip("\n") + f"\n\nSee [a release that is not there]"
                            f"({{filename}}/news/2016-01-01-no-such-release-{number}.md).\n")
                what = "link to a file that does not exist"
            text = doc.text()
            if kind == "unclosed_front_matter":
                text = "---\n" + doc.front_matter() + doc.body
                what = "front matter never closed"
        path.write_text(text, encoding="utf-8")

        def fix():
            path.write_bytes(before)
            return Step("fix", f"repaired {self.rel(path)}", {path})
        return Step(f"break:{kind}", f"{what} in {self.rel(path)}", {path}, fix)
