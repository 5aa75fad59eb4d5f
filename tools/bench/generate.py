"""A synthetic archive of press releases, District Day reports and FAQ pages.

The benchmark builds the same archive twice: with our configuration (YAML front
matter, read by pelican-yaml-metadata) and with plain Pelican, which cannot read
YAML front matter, so it gets the same files with Pelican's own Markdown metadata
header (`Title:`, `Date:`, `Tags:`, `Summary:` ...). Bodies are identical.

Everything is drawn from one seeded random generator: the same size and seed
always give the same files. Photos, when asked for, are photos.py's, seeded too.
"""

import datetime
import os
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from district_days.districts import parse_districts
from site_core import slugify

from . import photos as synthetic_photos

# The site's own list (content/data/districts.yml), so that every district a synthetic
# item names is one the build knows.
_DISTRICTS_FILE = Path(__file__).resolve().parents[2] / "content" / "data" / "districts.yml"
DISTRICTS = [d.name for d in parse_districts(_DISTRICTS_FILE.read_text(encoding="utf-8"))[0]]

TAGS = [
    "Anti-social behaviour", "Back-office services", "Beacon", "Burglary", "Business crime",
    "Child sexual exploitation", "Community safety", "Community safety grants",
    "Council tax", "County lines", "Criminal justice", "Cyber crime", "Domestic abuse",
    "Drugs", "Finance", "Fire and rescue", "Fly-tipping", "Fraud and scams", "Hate crime",
    "Inspections", "Knife crime", "Mental health", "Modern slavery", "Neighbourhood policing",
    "Offender management", "Online safety", "Partnerships", "Police and Crime Plan",
    "Public consultation", "Restorative justice", "Road safety", "Rural crime",
    "Sexual violence", "Shared services", "Speeding", "Street triage", "Technology",
    "Victims", "Volunteers", "Youth",
]

# Used when content/data/contacts.yml is not there (or has no phone numbers).
FALLBACK_CONTACTS = [
    ("Beacon", "03000 11 55 55"),
    ("the Office of the Police and Crime Commissioner", "01707 806100"),
    ("Crimestoppers", "0800 555 111"),
    ("Hertfordshire Constabulary", "101"),
]

PEOPLE = ["David Lloyd", "the Chief Constable", "Inspector Sarah Jones", "the Deputy Commissioner"]
PLACES = [
    "Berkhamsted", "Hemel Hempstead", "Hertford", "Bishop's Stortford", "Borehamwood",
    "Hitchin", "Letchworth", "Harpenden", "Rickmansworth", "Cheshunt", "Welwyn Garden City",
    "Hatfield", "Royston", "Tring", "Ware", "Bushey", "Potters Bar", "Baldock",
]
SUBJECTS = [
    "a new scheme to tackle {tag}", "funding for {tag} projects", "a review of {tag}",
    "extra patrols against {tag}", "a campaign about {tag}", "a partnership on {tag}",
    "results of the {tag} survey", "a pilot to reduce {tag}",
]
SENTENCES = [
    "The Commissioner said the scheme would make a real difference to people in {place}.",
    "Local officers have worked with councils, charities and residents since the spring.",
    "{person} said: \"We listened to what residents told us and we are acting on it.\"",
    "The project will run for twelve months and its results will be published.",
    "Figures show a fall in reported incidents over the last year in {place}.",
    "Volunteers from the community will help to deliver the work in {place}.",
    "The money comes from the Commissioner's community safety fund.",
    "{person} thanked everyone who took part in the consultation.",
    "Residents can find out more at drop-in sessions held across the county.",
    "The work supports the priorities in the Police and Crime Plan.",
    "Partners include the county council, the NHS and local housing providers.",
    "A report on the first six months will go to the Police and Crime Panel.",
]
QUESTIONS = [
    "How do I contact the Commissioner?", "What does the Commissioner do?",
    "How is the police budget set?", "Can I attend a Police and Crime Panel meeting?",
    "How do I make a complaint about the police?", "What happens to money from seized assets?",
    "How are community safety grants awarded?", "Who checks how well the police are doing?",
]


@dataclass
class Item:
    """One content file: where it goes, its metadata (in YAML order) and its Markdown body."""

    path: str  # relative to the content folder
    metadata: dict
    body: str
    links: list = field(default_factory=list)  # {filename} targets, relative to content/


def load_contacts(data_dir):
    """(name, phone) pairs from contacts.yml, or the fallback list if there are none."""
    contacts_file = Path(data_dir) / "contacts.yml" if data_dir else None
    if contacts_file and contacts_file.is_file():
        entries = yaml.safe_load(contacts_file.read_text(encoding="utf-8"))
        if isinstance(entries, dict):  # a file may wrap its list, e.g. {contacts: [...]}
            entries = next((v for v in entries.values() if isinstance(v, list)), [])
        pairs = [
            (str(entry["name"]), str(entry["phone"]))
            for entry in entries or []
            if isinstance(entry, dict) and entry.get("name") and entry.get("phone")
        ]
        if pairs:
            return pairs
    return list(FALLBACK_CONTACTS)


def _paragraph(rng, tag):
    count = rng.randint(2, 4)
    sentences = (
        rng.choice(SENTENCES).format(place=rng.choice(PLACES), person=rng.choice(PEOPLE), tag=tag)
        for _ in range(count)
    )
    return " ".join(_capitalised(sentence) for sentence in sentences)


def _capitalised(sentence):
    return sentence[0].upper() + sentence[1:]


def _release_body(rng, tag, contacts, earlier):
    """A few paragraphs, a heading or two, sometimes a list, a link or a phone number."""
    links = []
    parts = [_paragraph(rng, tag.lower()), _paragraph(rng, tag.lower())]
    parts.append("## Background")
    parts.append(_paragraph(rng, tag.lower()))
    if rng.random() < 0.5:
        parts.append("The work will:")
        parts.append("\n".join(
            f"- {rng.choice(['support', 'protect', 'listen to', 'help'])} "
            f"{rng.choice(['victims', 'residents', 'young people', 'businesses'])} in {place}"
            for place in rng.sample(PLACES, rng.randint(2, 5))
        ))
    if earlier and rng.random() < 0.4:
        target = rng.choice(earlier)
        links.append(target)
        parts.append(f"Read our [earlier announcement]({{filename}}/{target}) for the background.")
    parts.append("## What happens next")
    parts.append(_paragraph(rng, tag.lower()))
    if rng.random() < 0.3:
        name, phone = rng.choice(contacts)
        parts.append(f"For help and advice, call {name} on {phone}.")
    return "\n\n".join(parts) + "\n", links


def _release(rng, index, day, contacts, earlier, used_slugs):
    tags = rng.sample(TAGS, rng.randint(1, 3))
    subject = rng.choice(SUBJECTS).format(tag=tags[0].lower())
    title = f"Commissioner announces {subject} in {rng.choice(PLACES)}"
    slug = slugify(title)
    if slug in used_slugs:
        slug = f"{slug}-{index}"
    used_slugs.add(slug)
    metadata = {
        "title": title,
        "date": day,
        # Two sentences, well under content_checks' 300-character limit for summaries.
        "summary": f"The Police and Crime Commissioner has announced {subject}. "
                   + _capitalised(rng.choice(SENTENCES[:2] + SENTENCES[3:]).format(
                       place=rng.choice(PLACES), person=rng.choice(PEOPLE), tag=tags[0])),
        "tags": tags,
    }
    if rng.random() < 0.3:
        metadata["districts"] = rng.sample(DISTRICTS, rng.randint(1, 2))
    body, links = _release_body(rng, tags[0], contacts, earlier)
    return Item(f"news/{day.isoformat()}-{slug}.md", metadata, body, links)


def _district_day(rng, district, day, used_slugs):
    slug = slugify(district)
    if (day.year, slug) in used_slugs:  # a second visit in one year gets its own slug
        slug = f"{slug}-{day.strftime('%B').lower()}-{day.day}"
    used_slugs.add((day.year, slug))
    visits = [f"{rng.choice(['Community centre', 'Youth club', 'Police station', 'Food bank'])}, "
              f"{place}" for place in rng.sample(PLACES, rng.randint(2, 4))]
    tags = rng.sample(TAGS, 2)
    metadata = {
        "title": f"Commissioner visits {district} on District Day",
        "date": day,
        "summary": f"The Commissioner spent a day in {district}, meeting residents and partners.",
        "tags": tags,
        "district": district,
        "visits": visits,
    }
    body = "\n\n".join(
        f"## {visit}\n\n{_paragraph(rng, tags[0].lower())}" for visit in visits
    )
    return Item(f"district-days/{day.isoformat()}-{slug}.md", metadata, body + "\n")


def _faq(rng, number, day):
    questions = rng.sample(QUESTIONS, rng.randint(3, 6))
    metadata = {
        "title": f"Questions to the Commissioner, part {number}",
        "date": day,
        "modified": day + datetime.timedelta(days=10),
        "summary": "Answers to common questions about the Commissioner's work.",
    }
    body = _paragraph(rng, "policing") + "\n\n" + "\n\n".join(
        f"## {question}\n\n{_paragraph(rng, 'policing')}" for question in questions
    )
    return Item(f"faq/questions-{number}.md", metadata, body + "\n")


def _pages():
    return [
        Item(f"pages/{slug}.md", {"title": title, "summary": f"{title} of this website."},
             f"This page describes the {title.lower()} of this website.\n")
        for slug, title in [("about", "About"), ("accessibility", "Accessibility"),
                            ("privacy", "Privacy")]
    ]


def build_items(releases, seed=0, contacts=FALLBACK_CONTACTS):
    """Every item of an archive with `releases` press releases, about releases/50
    District Day reports and a few FAQ pages, oldest first."""
    rng = random.Random(seed)
    start = datetime.date(2013, 1, 1)
    span_days = 365 * 10
    items, earlier, used = [], [], set()
    for index in range(releases):
        day = start + datetime.timedelta(days=index * span_days // max(releases, 1))
        item = _release(rng, index, day, contacts, earlier, used)
        items.append(item)
        earlier.append(item.path)
    reports = max(1, releases // 50)
    used_reports = set()
    for index in range(reports):
        day = start + datetime.timedelta(days=index * span_days // reports + 3)
        items.append(_district_day(rng, DISTRICTS[index % len(DISTRICTS)], day, used_reports))
    for number in range(1, max(2, releases // 500) + 1):
        items.append(_faq(rng, number, start + datetime.timedelta(days=number * 30)))
    items.extend(_pages())
    return items


SUPPLIERS = ["Hertfordshire County Council", "Beacon Victim Care", "Herts Fleet Services",
             "Stanborough Office Supplies", "Eastern Forensics Ltd", "County Interpreting Service",
             "Three Counties Estates", "Hitchin Print Works", "Watford Training Centre"]


def register_files(releases, seed=0):
    """(path, CSV text) of the transparency registers of an archive: spending over £500
    for every month of the ten years (releases/100 rows a month: 50 at 5,000 releases),
    grants for every month (a few rows each), as the plugins/transparency registers."""
    rng = random.Random(seed)
    files = []
    rows = max(2, releases // 100)
    for year in range(2013, 2023):
        for month in range(1, 13):
            spending = ["Date,Supplier,Expense type,Description,Amount"]
            for _ in range(rows):
                spending.append(f"{year}-{month:02d}-{rng.randint(1, 28):02d},{rng.choice(SUPPLIERS)},"
                                f"Services,{rng.choice(SUBJECTS).format(tag='crime').capitalize()},"
                                f"{rng.randint(501, 90000)}.{rng.randint(0, 99):02d}")
            files.append((f"transparency/spending/{year}-{month:02d}.csv", "\n".join(spending) + "\n"))
            grants = ["Date awarded,Recipient,Purpose,Conditions,Amount"]
            for number in range(rng.randint(1, 4)):
                grants.append(f"{year}-{month:02d}-{rng.randint(1, 28):02d},{rng.choice(DISTRICTS)} "
                              f"Community Safety Partnership,Youth work {number},,{rng.randint(1000, 40000)}")
            files.append((f"transparency/grants/{year}-{month:02d}.csv", "\n".join(grants) + "\n"))
    return files


def _yaml_value(value):
    if isinstance(value, (datetime.date, list)):
        return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True).strip().removesuffix("\n...")
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=10_000).strip()


def render_yaml(item):
    """The file as our site has it: YAML front matter between --- lines."""
    lines = [f"{key}: {_yaml_value(value)}" for key, value in item.metadata.items()]
    return "---\n" + "\n".join(lines) + "\n---\n" + item.body


def render_pelican(item):
    """The same file with Pelican's own Markdown metadata header, for plain Pelican."""
    lines = []
    for key, value in item.metadata.items():
        if isinstance(value, list):
            value = (", " if key == "tags" else "; ").join(value)
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        lines.append(f"{key.capitalize()}: {value}")
    # Plain Pelican takes the slug from the title, and titles repeat (every "visits
    # Dacorum" report); its URLs have no year, so the file name, date included, is the slug.
    lines.append(f"Slug: {Path(item.path).stem}")
    return "\n".join(lines) + "\n\n" + item.body


def write_archive(target, releases, seed=0, style="yaml", data_dir=None, photos=False,
                  photos_from=None):
    """Write an archive into `target` (a content folder). `style` is "yaml" (ours) or
    "pelican" (plain Pelican). Copies `data_dir` (the real content/data) into
    target/data when it exists, and writes the transparency registers (ours only). With `photos`, some releases get photos (photos.py),
    painted here, or linked from the content folder `photos_from` that already has them.
    Returns the items written."""
    target = Path(target)
    if data_dir and Path(data_dir).is_dir():
        # Not the real site's list of published URLs: the synthetic site has other URLs.
        shutil.copytree(data_dir, target / "data", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("published-urls.txt"))
    items = build_items(releases, seed, load_contacts(data_dir))
    if photos:
        paths = synthetic_photos.add_photos(items[:releases], seed)
        if photos_from:
            _link_files(Path(photos_from), target, paths)
        else:
            synthetic_photos.write_photos(target, paths, seed)
    render = render_yaml if style == "yaml" else render_pelican
    if style == "yaml":  # plain Pelican has no registers to read
        for relative, text in register_files(releases, seed):
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            (target / relative).write_text(text, encoding="utf-8")
    for item in items:
        path = target / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(item), encoding="utf-8")
    return items


def _link_files(source, target, paths):
    """The same files under `target`: hard links (no copy of 4 MB photos), or copies
    where the file system has none."""
    for path in paths:
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source / path, target / path)
        except OSError:
            shutil.copyfile(source / path, target / path)
