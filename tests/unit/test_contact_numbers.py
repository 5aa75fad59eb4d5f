"""Contact directory: parsing, formatting, near misses and finding numbers in text."""

import pytest

from contact_directory.linking import find_numbers, link_numbers
from contact_directory.numbers import (
    CHARGE_03, CHARGE_FREE, CHARGE_FREEPHONE, InvalidNumber, dialled_digits, near_miss,
    parse_number,
)


@pytest.mark.parametrize("written, key, display, is_short, charge", [
    # geographic, written every way press releases write it
    ("01707 806100", "+441707806100", "01707 806100", False, None),
    ("01707806100", "+441707806100", "01707 806100", False, None),
    ("01707.806100", "+441707806100", "01707 806100", False, None),
    ("01707.806.100", "+441707806100", "01707 806100", False, None),
    ("01707-806100", "+441707806100", "01707 806100", False, None),
    ("(01707) 806100", "+441707806100", "01707 806100", False, None),
    ("020 7946 0018", "+442079460018", "020 7946 0018", False, None),
    ("0207 946 0018", "+442079460018", "020 7946 0018", False, None),
    # international forms
    ("+44 1707 806100", "+441707806100", "01707 806100", False, None),
    ("+44 (0)1707 806100", "+441707806100", "01707 806100", False, None),
    ("+441707806100", "+441707806100", "01707 806100", False, None),
    ("0044 1707 806100", "+441707806100", "01707 806100", False, None),
    ("+1 212 555 0100", "+12125550100", "+1 212-555-0100", False, None),
    # 03 numbers, 0300 and 03000 groupings of the same number
    ("03000 11 55 55", "+443000115555", "0300 011 5555", False, CHARGE_03),
    ("0300 011 5555", "+443000115555", "0300 011 5555", False, CHARGE_03),
    ("0300 123 4567", "+443001234567", "0300 123 4567", False, CHARGE_03),
    # freephone
    ("08 08 16 89 111", "+448081689111", "0808 168 9111", False, CHARGE_FREEPHONE),
    ("0808 168 9111", "+448081689111", "0808 168 9111", False, CHARGE_FREEPHONE),
    ("0800 123 4567", "+448001234567", "0800 123 4567", False, CHARGE_FREEPHONE),
    # mobile
    ("07400 123456", "+447400123456", "07400 123456", False, None),
    ("07400 123 456", "+447400123456", "07400 123456", False, None),
    # short codes and Relay UK
    ("999", "999", "999", True, CHARGE_FREE),
    ("112", "112", "112", True, CHARGE_FREE),
    ("101", "101", "101", True, None),
    ("116 123", "116123", "116 123", True, CHARGE_FREE),
    ("18000", "18000", "18000", True, CHARGE_FREE),
    ("18001 101", "18001101", "18001 101", True, None),
    ("18001101", "18001101", "18001 101", True, None),
    ("18001 01707 806100", "1800101707806100", "18001 01707 806100", True, None),
])
def test_parse_and_format(written, key, display, is_short, charge):
    number = parse_number(written)
    assert (number.key, number.display, number.is_short, number.charge) == (key, display, is_short, charge)
    assert number.href == f"tel:{key}"


@pytest.mark.parametrize("written, message", [
    ("01707 80610", '"01707 80610" is not a valid UK phone number'),
    ("0170 780 610", '"0170 780 610" is not a valid UK phone number'),
    ("07700 900123", '"07700 900123" is not a valid UK phone number'),  # Ofcom's drama range
    ("0123456789", '"0123456789" is not a valid UK phone number'),
    ("18001", '"18001" is not a valid UK phone number'),
    ("phone us", '"phone us" is not a phone number'),
    ("  ", "the number is empty"),
])
def test_invalid_numbers_say_why(written, message):
    with pytest.raises(InvalidNumber) as caught:
        parse_number(written)
    assert str(caught.value) == message


@pytest.mark.parametrize("typed, listed, slip", [
    ("03000115556", "03000115555", "one digit"),
    ("03000115555", "03000115555", None),
    ("03000151555", "03000115555", "two swapped digits"),
    ("01707860100", "01707806100", "two swapped digits"),
    ("0170780610", "01707806100", "one missing digit"),
    ("017078061000", "01707806100", "one extra digit"),
    ("01707806199", "01707806100", None),  # two digits different: another number
    ("01707608100", "01707806100", None),  # a swap that is not adjacent
    ("08081689112", "08081689111", "one digit"),
    ("998", "999", "one digit"),
])
def test_near_miss(typed, listed, slip):
    assert near_miss(typed, listed) == slip


@pytest.mark.parametrize("written, digits", [
    ("+44 (0)1707 80610", "0170780610"),
    ("0044 1707 80610", "0170780610"),
    ("01707 80610", "0170780610"),
])
def test_dialled_digits(written, digits):
    assert dialled_digits(written) == digits


@pytest.mark.parametrize("text, found", [
    ("by phone on 03000 11 55 55", ["03000 11 55 55"]),
    ("You can also call Victim Support on 08 08 16 89 111.", ["08 08 16 89 111"]),
    ("call the office on 01707.806100 or 01707 806100", ["01707.806100", "01707 806100"]),
    ("call +44 (0)1707 806100 from abroad", ["+44 (0)1707 806100"]),
    ("ring 07400 123456 for the duty officer", ["07400 123456"]),
    ("call 01707 80610 today", ["01707 80610"]),  # found, so that it can be reported
    ("Call 101 to report hate crime, or 999 in an emergency.", ["101", "999"]),
    ("In an emergency, call 999. For anything else, call 101.", ["999", "101"]),
    ("Deaf or speech-impaired: Relay UK 18001 101 (18000 in an emergency)", ["18001 101", "18000"]),
    ("Textphone: 18001 01707 806100", ["18001 01707 806100"]),
    ("£999 was taken. Call 101.", ["101"]),
    # not phone numbers
    ("Recorded hate crime rose from 1,597 in 2015/16 to 2,080 in 2016/17.", []),
    ("a total of £1,346,615.00 has been recovered", []),
    ("£1,346,615 for victims", []),
    ("The scheme began on 01/04/2017.", []),
    ("The scheme began on 01.04.2017.", []),
    ("between 5pm and 2am (5pm to 2am and 7pm to 4am)", []),
    ("1597 in 2015/16", []),
    ("those truly urgent 999 calls", []),
    ("Section 136 of the Mental Health Act and 101 other rules", []),
    ("101 ways to stay safe online", []),
    ("calls rose to 1,101 last year", []),
    ("call 101-105 in the list", []),
    ("the 2016/17 budget was £783,393", []),
    ("In 2012 the three forces, in 2013 and 2014", []),
])
def test_find_numbers(text, found):
    assert [f.raw for f in find_numbers(text)] == found


def link_everything(found):
    return "tel:" + found.raw.replace(" ", "")


@pytest.mark.parametrize("html, expected", [
    ("<p>Call 101 now</p>", '<p>Call <a class="pcc-tel" href="tel:101">101</a> now</p>'),
    ("<p>Call <strong>101</strong></p>",
     '<p>Call <strong><a class="pcc-tel" href="tel:101">101</a></strong></p>'),
    ('<p><a href="/contact/">Call us</a> on 101</p>',
     '<p><a href="/contact/">Call us</a> on <a class="pcc-tel" href="tel:101">101</a></p>'),
    # the words before a short code must be in the same block
    ("<p>Call us.</p><p>999 is free</p>", "<p>Call us.</p><p>999 is free</p>"),
    # never inside links, attributes, code or scripts
    ('<p>Call <a href="tel:101">101</a></p>', '<p>Call <a href="tel:101">101</a></p>'),
    ('<p>Call <code>01707 806100</code></p>', '<p>Call <code>01707 806100</code></p>'),
    ('<img alt="call 01707 806100" src="x.png">', '<img alt="call 01707 806100" src="x.png">'),
    ('<p title="call 999">x</p>', '<p title="call 999">x</p>'),
    ("<pre>call 999</pre>", "<pre>call 999</pre>"),
    ("<p>No digits here</p>", "<p>No digits here</p>"),
])
def test_link_numbers(html, expected):
    assert link_numbers(html, link_everything)[0] == expected


def test_link_numbers_leaves_a_number_unlinked_when_told():
    html, found = link_numbers("<p>on 03000 11 55 56</p>", lambda found: None)
    assert html == "<p>on 03000 11 55 56</p>"
    assert [f.raw for f in found] == ["03000 11 55 56"]


def test_a_tel_link_written_by_hand_is_checked_but_left_alone():
    seen = []
    html = '<p>Call <a href="tel:+441707806101">the office</a></p>'
    linked, found = link_numbers(html, lambda item: seen.append(item.raw))
    assert linked == html
    assert seen == ["+441707806101"] == [f.raw for f in found]
