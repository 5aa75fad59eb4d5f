"""The registers: spending, grants, contracts, gifts and hospitality, premises and
inspection reports, kept as CSV files that a spreadsheet can save.

Each register is a folder of content/transparency/ holding one file per period, named
by it (spending/2017-04.csv, grants/2017-18.csv, premises/2017-04-01.csv). `read_table`
turns one file into a Table, or into Problems that name the row and the fix; a file with
an error is not published half-read.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from site_core import Problem, close_matches, did_you_mean, slugify
from site_core.dates import not_a_date, parse_date

from .periods import DAY, MONTH, YEAR, parse_period

TEXT, DATE, MONEY, LINK = "text", "date", "money", "link"


@dataclass(frozen=True)
class Column:
    name: str  # as the file's first line and the table's heading write it
    kind: str = TEXT
    required: bool = True
    sortable: bool = False  # a version of the table sorted by it is published too
    in_period: bool = False  # a date that must fall in the month or year of its file
    empty: str = ""  # what an empty cell shows: "Not yet" where something is still to come

    @property
    def slug(self):
        return slugify(self.name)


@dataclass(frozen=True)
class Register:
    name: str  # its folder and the start of its address: "spending"
    title: str  # "Spending over £500"
    about: str  # one sentence under the title
    period: str  # the kind of period its files are named by: MONTH, YEAR or DAY
    columns: tuple
    total: str | None = None  # the money column to add up
    searched: str | None = None  # the column a resident searches by (supplier, recipient)
    example_row: str = ""  # a whole row, for messages

    def column(self, name):
        return next(column for column in self.columns if column.name == name)

    @property
    def header(self):
        return ",".join(column.name for column in self.columns)


REGISTERS = (
    Register("spending", "Spending over £500",
             "Every payment of more than £500, month by month.", MONTH,
             (Column("Date", DATE, sortable=True, in_period=True), Column("Supplier", sortable=True),
              Column("Expense type"), Column("Description", required=False),
              Column("Amount", MONEY, sortable=True),
              # the Order asks why it is good value; a statement for every row may go on the page
              Column("Why it is good value", required=False)),
             total="Amount", searched="Supplier",
             example_row="2017-04-03,Hertfordshire County Council,Premises,Rent for April,1250.00,"
                         "Rent set by the lease"),
    Register("grants", "Crime and disorder reduction grants",
             "Each grant made to reduce crime and disorder, month by month: who received it, "
             "how much and what for.", MONTH,
             (Column("Date awarded", DATE, sortable=True, in_period=True), Column("Recipient", sortable=True),
              Column("Purpose"), Column("Conditions", required=False),
              Column("Amount", MONEY, sortable=True),
              Column("Why it will reduce crime", required=False)),  # the Order asks for it
             total="Amount", searched="Recipient",
             example_row="2017-04-12,Watford Community Safety Partnership,Youth diversion,Annual report,"
                         "15000,Fewer young people drawn into crime"),
    Register("contracts", "Contracts and invitations to tender over £10,000",
             "Each contract worth more than £10,000 and each invitation to tender for one.", DAY,
             (Column("Reference", required=False), Column("Title", sortable=True),
              Column("Supplier", required=False, sortable=True), Column("Stage"),
              Column("Start date", DATE, required=False, sortable=True),
              Column("End date", DATE, required=False), Column("Value", MONEY, sortable=True)),
             total="Value", searched="Supplier",
             example_row="C-2017-04,Victim support services,Victim Support,Contract awarded,"
                         "2017-04-01,2020-03-31,1200000"),
    Register("gifts-and-hospitality", "Gifts and hospitality",
             "Gifts and hospitality offered to the Commissioner and senior staff, accepted or not.",
             YEAR,
             (Column("Date", DATE, sortable=True, in_period=True), Column("Received by", sortable=True),
              Column("Offered by", sortable=True), Column("Description"),
              Column("Value", MONEY, required=False), Column("Accepted or declined")),
             searched="Offered by",
             example_row="2017-05-02,David Lloyd,Rotary Club of Watford,Dinner,35,Accepted"),
    Register("premises", "Premises and land",
             "The buildings and land the Commissioner owns or rents.", DAY,
             (Column("Name", sortable=True), Column("Address"), Column("Use"),
              Column("Owned or leased", sortable=True)),
             searched="Name",
             example_row="Police Headquarters,\"Stanborough Road, Welwyn Garden City, AL8 6XF\","
                         "Offices,Owned"),
    Register("hmicfrs-reports", "Inspection reports and the Commissioner's comments",
             "Each report of His Majesty's Inspectorate of Constabulary and Fire & Rescue "
             "Services on the force, and the Commissioner's comments on it.", DAY,
             (Column("Published", DATE, sortable=True), Column("Report", sortable=True),
              Column("Report link", LINK), Column("Comments published", DATE, required=False, empty="Not yet"),
              Column("Comments link", LINK, required=False)),
             searched="Report",
             example_row="2017-04-27,PEEL: police effectiveness 2016,https://www.justiceinspectorates"
                         ".gov.uk/hmicfrs/,2017-04-28,/news/2017/hmic-inspection-improvements/"),
)
BY_NAME = {register.name: register for register in REGISTERS}
PERIOD_EXAMPLES = {MONTH: "2017-04.csv (April 2017)", YEAR: "2017-18.csv (the financial year "
                   "2017 to 2018)", DAY: "2017-04-01.csv (the register as it stood that day)"}

_MONEY = re.compile(r"(?P<sign>-)?£?(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<pence>\d{1,2}))?")


@dataclass(frozen=True)
class Cell:
    text: str  # as the table shows it
    value: object = None  # what it sorts by: a date, a Decimal or the text folded


@dataclass
class Table:
    register: Register
    period: object  # periods.Period
    path: str
    rows: list = field(default_factory=list)  # of {column name: Cell}
    lines: list = field(default_factory=list)  # the line each row starts on

    @property
    def columns(self):
        """The columns shown and downloaded: every required one, and each other one that
        has a value in some row (an empty optional column is left out)."""
        return [column for column in self.register.columns
                if column.required or any(row[column.name].text for row in self.rows)]

    @property
    def total(self):
        if not self.register.total:
            return None
        return sum((row[self.register.total].value or Decimal(0) for row in self.rows), Decimal(0))

    def newest_date(self):
        dates = [cell.value for row in self.rows for cell in row.values()
                 if isinstance(cell.value, datetime.date)]
        return max(dates) if dates else None

    def sorted_rows(self, column):
        """The rows by `column`: money largest first, anything else A to Z or oldest first;
        an empty cell last."""
        reverse = column.kind == MONEY
        filled = [row for row in self.rows if row[column.name].value is not None]
        empty = [row for row in self.rows if row[column.name].value is None]
        return sorted(filled, key=lambda row: row[column.name].value, reverse=reverse) + empty


def money_text(amount):
    """£1,234.56; whole pounds without pence (£1,250)."""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        return f"{sign}£{int(amount):,}"
    return f"{sign}£{amount:,.2f}"


def parse_money(text):
    """The Decimal of "£1,234.56", "1234.5" or "-£20"; None for anything else."""
    found = _MONEY.fullmatch(text.replace(" ", ""))
    if not found:
        return None
    pounds = Decimal(found.group("pounds").replace(",", ""))
    pence = Decimal(f"0.{found.group('pence')}") if found.group("pence") else Decimal(0)
    return -(pounds + pence) if found.group("sign") else pounds + pence


def period_of_file(register, stem):
    """The Period a register's file is for, from its name, or None."""
    return parse_period(stem, register.period)


def file_name_problem(register, name):
    return Problem(f'the file name "{name}" does not say which '
                   f"{'day' if register.period == DAY else register.period} it is for",
                   f"name it by the {register.period}, for example {PERIOD_EXAMPLES[register.period]}",
                   line=1)


def decode(data):
    """The text of a CSV file: UTF-8, or Windows' own encoding, which a spreadsheet saving
    "CSV (comma delimited)" often uses (a £ sign is then one byte, 0xA3)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(register, period, path, text):
    """(Table, problems) of one register file's text."""
    problems = []
    table = Table(register, period, path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        header = []
    names = [name.strip() for name in header]
    if not any(names):
        return table, [Problem("the file is empty", f"start it with the line {register.header}", line=1)]
    positions = _header_positions(register, names, problems)
    if problems:
        return table, problems
    line = reader.line_num + 1
    for cells in _rows(reader, problems):
        row_line, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue  # a spreadsheet's empty row
        row = _row(register, period, cells, positions, len(names), row_line, problems)
        if row is not None:
            table.rows.append(row)
            table.lines.append(row_line)
    if not table.rows and not problems:
        problems.append(Problem("the file has no rows under its first line",
                                f"add one line per entry, for example {register.example_row}", line=2))
    return table, problems


def _rows(reader, problems):
    try:
        yield from reader
    except csv.Error as error:
        problems.append(Problem(f"the file cannot be read past here: {error}",
                                "check the quotation marks on this line: a value with a comma "
                                'goes in "double quotation marks", and each one is closed',
                                line=reader.line_num))


def _header_positions(register, names, problems):
    known = [column.name for column in register.columns]
    folded = {name.lower(): name for name in known}
    positions, suggested = {}, set()
    for index, name in enumerate(names):
        column = folded.get(name.lower())
        if column is None:
            matches = close_matches(name, known)
            suggested.update(matches)
            problems.append(Problem(
                f'the column "{name}" is not one of the {register.title.lower()} register\'s',
                f"the first line names these columns: {register.header}"
                f"{did_you_mean(matches)}", line=1))
        elif column in positions:
            problems.append(Problem(f'the column "{column}" is named twice in the first line',
                                    "remove one of the two, and its cells", line=1))
        else:
            positions[column] = index
    for column in register.columns:
        # A mistyped column ("Suplier") is one mistake: its suggestion is not also missing.
        if column.required and column.name not in positions and column.name not in suggested:
            problems.append(Problem(f'the column "{column.name}" is missing',
                                    f"add it to the first line: {register.header}", line=1))
    return positions


def _row(register, period, cells, positions, width, line, problems):
    if len(cells) != width:
        problems.append(Problem(
            f"this row has {len(cells)} values but the first line names {width} columns",
            'put a value that holds a comma inside "double quotation marks", and leave an '
            "empty value between two commas for a column with nothing in it", line=line))
        return None
    row, before = {}, len(problems)
    for column in register.columns:
        index = positions.get(column.name)
        text = cells[index].strip() if index is not None else ""
        row[column.name] = _cell(column, text, period, line, problems)
    return row if len(problems) == before else None


def _cell(column, text, period, line, problems):
    if not text:
        if column.required:
            problems.append(Problem(f'"{column.name}" is empty', f"write the {column.name.lower()} "
                                    "in this row", line=line))
        return Cell("")
    if column.kind == MONEY:
        amount = parse_money(text)
        if amount is None:
            problems.append(Problem(f'{column.name} "{text}" is not an amount of money',
                                    "write pounds and pence in figures, for example 1250.00 or "
                                    "£1,250.00 (no words, no letters such as k or m)", line=line))
            return Cell(text)
        return Cell(money_text(amount), amount)
    if column.kind == DATE:
        try:
            day = parse_date(text).date()
        except ValueError:
            what, fix = not_a_date(f'{column.name} "{text}"', text, "", datetime.date(2017, 4, 3))
            problems.append(Problem(what, fix, line=line))
            return Cell(text)
        if column.in_period and period.kind in (MONTH, YEAR) and not period.start <= day <= period.end:
            problems.append(Problem(
                f"{column.name} {day:%Y-%m-%d} is not in {period.label}, the "
                f"{period.kind} this file is for",
                "correct the date, or move the row to the file of its "
                f"{period.kind}", line=line))
        return Cell(f"{day.day} {day:%B %Y}", day)
    if column.kind == LINK:
        if not (text.startswith("https://") or text.startswith("http://") or text.startswith("/")):
            problems.append(Problem(f'{column.name} "{text}" is not a web address',
                                    "write the full address, starting with https://, or an "
                                    "address on this site starting with /", line=line))
            return Cell(text)
        return Cell(text, text)
    return Cell(text, text.casefold())
