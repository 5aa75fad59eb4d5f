"""The CSV registers (plugins/transparency/registers.py): good files become tables;
each mistake a spreadsheet can make is a message with its line and the fix."""

from decimal import Decimal

import pytest
from transparency.periods import parse_period
from transparency.registers import BY_NAME, decode, money_text, parse_money, read_table

SPENDING = BY_NAME["spending"]
APRIL = parse_period("2017-04")
HEADER = "Date,Supplier,Expense type,Description,Amount\n"


def read(text, register=SPENDING, period=APRIL):
    return read_table(register, period, "spending/2017-04.csv", text)


def messages(text, **kwargs):
    return [(p.line, p.what, p.fix) for p in read(text, **kwargs)[1]]


def test_a_good_file_is_a_table_with_its_total():
    table, problems = read(HEADER + '2017-04-03,Herts CC,Premises,Rent,"£1,250.00"\n'
                           "2017-04-21,Zephyr Ltd,Supplies,,612.40\n\n,,,,\n")
    assert problems == []
    assert [row["Supplier"].text for row in table.rows] == ["Herts CC", "Zephyr Ltd"]
    assert table.lines == [2, 3]
    assert table.total == Decimal("1862.40")
    assert money_text(table.total) == "£1,862.40"
    assert table.rows[0]["Date"].text == "3 April 2017"


def test_columns_may_come_in_any_order_and_any_case():
    table, problems = read("amount,SUPPLIER,Date,Expense type,Description\n600,A Ltd,2017-04-01,X,\n")
    assert problems == [] and table.rows[0]["Amount"].value == Decimal(600)


def test_a_missing_column_is_named_with_the_whole_first_line():
    assert messages("Date,Supplier,Description,Amount\n2017-04-03,A,B,600\n") == [
        (1, 'the column "Expense type" is missing',
         "add it to the first line: Date,Supplier,Expense type,Description,Amount,Why it is good value")]


def test_a_mistyped_column_is_one_mistake_with_a_suggestion():
    assert messages("Date,Suplier,Expense type,Description,Amount\n2017-04-03,A,B,C,600\n") == [
        (1, 'the column "Suplier" is not one of the spending over £500 register\'s',
         'the first line names these columns: Date,Supplier,Expense type,Description,Amount,Why it is good value '
         '(did you mean "Supplier"?)')]


@pytest.mark.parametrize("amount", ["£1.2m", "twelve", "1,23", "12k", "£"])
def test_an_amount_that_is_not_money(amount):
    [(line, what, fix)] = messages(HEADER + f'2017-04-03,A,B,C,"{amount}"\n')
    assert (line, what) == (2, f'Amount "{amount}" is not an amount of money')
    assert fix.startswith("write pounds and pence in figures, for example 1250.00 or £1,250.00")


@pytest.mark.parametrize("text, value", [
    ("£1,250.00", "1250.00"), ("1250", "1250"), ("-£20.5", "-20.5"), ("£ 600", "600"),
    ("1,234,567.89", "1234567.89")])
def test_money_written_the_ways_finance_systems_write_it(text, value):
    assert parse_money(text) == Decimal(value)


def test_a_british_date_is_shown_the_way_to_write_it():
    [(line, what, fix)] = messages(HEADER + "03/04/2017,A,B,C,600\n")
    assert (line, what) == (2, 'Date "03/04/2017" is not written as year-month-day')
    assert fix.startswith("write 2017-04-03 if you mean 3 April 2017")


def test_a_date_outside_the_files_month():
    assert messages(HEADER + "2017-05-02,A,B,C,600\n") == [
        (2, "Date 2017-05-02 is not in April 2017, the month this file is for",
         "correct the date, or move the row to the file of its month")]


def test_an_empty_required_value_and_a_row_with_too_many_values():
    assert messages(HEADER + "2017-04-03,,B,C,600\n2017-04-04,A,B,C,D,600\n") == [
        (2, '"Supplier" is empty', "write the supplier in this row"),
        (3, "this row has 6 values but the first line names 5 columns",
         'put a value that holds a comma inside "double quotation marks", and leave an empty '
         "value between two commas for a column with nothing in it")]


def test_every_mistake_of_a_file_is_reported_at_once():
    found = messages(HEADER + "2017-04-31,,B,C,lots\n2017-04-05,A,B,C,600\n03/04/2017,A,B,C,1\n")
    assert [line for line, _, _ in found] == [2, 2, 2, 4]


def test_a_row_that_spans_lines_is_reported_on_its_first_line():
    found = messages(HEADER + '2017-04-03,A,B,"two\nlines",600\n2017-04-04,A,B,C,x\n')
    assert [line for line, _, _ in found] == [4]


def test_an_empty_file_and_a_file_with_no_rows():
    assert messages("") == [(1, "the file is empty", "start it with the line "
                                 "Date,Supplier,Expense type,Description,Amount,Why it is good value")]
    [(line, what, _)] = messages(HEADER)
    assert (line, what) == (2, "the file has no rows under its first line")


def test_a_quotation_mark_left_open_is_found():
    table, problems = read(HEADER + '2017-04-03,"A,B,C,600\n')
    assert problems, "an open quotation mark swallows the rest of the file"


def test_windows_spreadsheets_pound_sign():
    assert decode("Amount\n£600\n".encode("cp1252")) == "Amount\n£600\n"
    assert decode("\ufeffAmount\n".encode("utf-8")) == "Amount\n"


def test_a_link_must_be_a_web_address():
    register = BY_NAME["hmicfrs-reports"]
    text = ("Published,Report,Report link,Comments published,Comments link\n"
            "2017-03-02,PEEL,www.example.org,,\n")
    [(line, what, _)] = messages(text, register=register, period=parse_period("2017-06-01"))
    assert (line, what) == (2, 'Report link "www.example.org" is not a web address')


def test_rows_sort_by_a_column_money_largest_first():
    table, _ = read(HEADER + "2017-04-03,b,X,,600\n2017-04-01,A,X,,28500\n2017-04-02,c,X,,1250\n")
    assert [r["Supplier"].text for r in table.sorted_rows(SPENDING.column("Supplier"))] == ["A", "b", "c"]
    assert [r["Amount"].text for r in table.sorted_rows(SPENDING.column("Amount"))] == [
        "£28,500", "£1,250", "£600"]
    assert [r["Supplier"].text for r in table.sorted_rows(SPENDING.column("Date"))] == ["A", "c", "b"]


def test_an_optional_column_is_shown_only_when_a_row_fills_it():
    table, _ = read(HEADER + "2017-04-03,A,X,,600\n")
    assert [column.name for column in table.columns] == [
        "Date", "Supplier", "Expense type", "Amount"]
    table, _ = read(HEADER.strip() + ",Why it is good value\n2017-04-03,A,X,,600,Three quotes\n")
    assert [column.name for column in table.columns][-1] == "Why it is good value"


@pytest.mark.parametrize("register", list(BY_NAME.values()), ids=list(BY_NAME))
def test_every_registers_example_row_reads_and_each_required_column_is_asked_for(register):
    from transparency.registers import period_of_file
    period = period_of_file(register, {"month": "2017-04", "financial year": "2017-18"}.get(
        register.period, "2017-04-01"))
    table, problems = read_table(register, period, "x.csv", register.header + "\n" + register.example_row + "\n")
    assert problems == [] and len(table.rows) == 1
    for column in register.columns:
        if not column.required:
            continue
        header = ",".join(c.name for c in register.columns if c is not column)
        found = read_table(register, period, "x.csv", header + "\n")[1]
        assert [(p.line, p.what) for p in found] == [(1, f'the column "{column.name}" is missing')]
