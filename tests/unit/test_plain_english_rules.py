"""plain_english: each rule, and its false friends, one sentence or snippet at a time.

Each row is a piece of Markdown body and the warnings a writer should see for it, as
(rule, what the message says); an empty list means no warning. The style guide is the
site's own content/data/style.yml, so these rows also check that file's entries.
"""

from pathlib import Path

import pytest
from plain_english.guide import load_guide
from plain_english.plain_english import check_source

REPO = Path(__file__).resolve().parents[2]
GUIDE, GUIDE_PROBLEMS = load_guide((REPO / "content" / "data" / "style.yml").read_text())
SETTINGS = {"PLAIN_ENGLISH_READING_AGE": 99}  # the reading age has rows of its own
LONG = ("The Commissioner met residents, councillors, officers, volunteers, charity workers, "
        "youth leaders, shop owners and bus drivers in Hemel Hempstead, Tring, Berkhamsted "
        "and Kings Langley on a wet Tuesday afternoon in March.")  # 31 words

ROWS = [
    # --- long sentences ---------------------------------------------------------------
    (LONG, [("long-sentence", "a sentence of 31 words (more than 25)")]),
    ("The Commissioner met residents in Tring. He listened to them.", []),
    ("He said: \"" + LONG + " It was a good day for everyone who came along.\"", []),
    ("He said: “" + LONG + "”", []),
    ("Residents, councillors, officers, volunteers, charity workers and youth leaders met "
     "in Tring and Berkhamsted with their families and friends on Tuesday to hear what "
     "the Commissioner said: \"We will "
     "listen.\" Then they went home to think.",
     [("long-sentence", "a sentence of 27 words outside the quotation")]),
    ("> " + LONG, []),  # a block quote is a quotation
    ("Dr. Smith and Mr. Jones spoke to St. Albans residents, e.g. the ones in the market. "
     "It went well.", []),  # abbreviations with full stops do not end a sentence
    ("- " + LONG, [("long-sentence", "a sentence of 31 words")]),
    # --- words to avoid ---------------------------------------------------------------
    ("We will tackle burglary in Stevenage.",
     [("avoid", '"tackle" is a word to avoid'), ]),
    ("Tackling knife crime is a priority.", [("avoid", '"Tackling" is a word to avoid')]),
    ("The scheme was delivered by volunteers.", [("avoid", '"delivered" is a word')]),
    ("We will utilise the money well.", [("avoid", '"utilise" is a word to avoid')]),
    ("Going forward, the team will meet monthly.", [("avoid", '"Going forward" is a word')]),
    ("The plan has a key role in reducing crime.", [("avoid", '"key" is a word to avoid')]),
    ("The key to the front door was found.", []),  # "key" as a noun
    ("Key workers can get help with travel.", []),  # an allowed phrase
    ("Cuts will impact frontline officers.", [("avoid", '"impact" is a word to avoid')]),
    ("The impact of the cuts is clear.", []),  # "impact" as a noun
    ("The Commissioner said: \"We will tackle this together.\"", []),  # someone's words
    ("The officer made robust checks.", [("avoid", '"robust" is a word to avoid')]),
    ("She was committed to the project.", [("avoid", '"committed to" is a word')]),
    ("He committed a burglary in Ware.", []),  # a crime is committed
    ("The money was spent in order to buy cameras.", [("avoid", '"in order to" is a word')]),
    ("The non-robust fence fell; uprobust is not a word.", []),  # only whole words
    ("İstanbul police will tackle it.", [("avoid", '"tackle" is a word')]),  # "İ" is 2 in lower case
    # --- abbreviations ----------------------------------------------------------------
    ("The LAGLOs meet monthly.", [("abbreviation", '"LAGLO" is not spelled out')]),
    ("Lesbian and Gay Liaison Officers (LAGLOs) meet monthly. The LAGLOs help victims.", []),
    ("The Police and Crime Commissioner (PCC) spoke. The PCC listened.", []),
    ("The PCC (Police and Crime Commissioner) spoke.", []),  # spelt out just after
    ("The PCC spoke to the Police and Crime Commissioner for Essex.",
     [("abbreviation", '"PCC" is not spelled out')]),  # the meaning came after it
    ("IDAHOBiT is marked on 17 May.", [("abbreviation", '"IDAHOBiT" is not spelled out')]),
    ("Call 0800PCC or see xPCC and PCC_2 for help.", []),  # not words of their own
    ("The BBC and the NHS were there.", []),  # well known
    ("Her Majesty's Inspectorate of Constabulary (HMIC) inspected the force.", []),
    ("Her Majesty’s Inspectorate of Constabulary (HMIC) inspected the force.", []),  # ’
    # --- capitals ---------------------------------------------------------------------
    ("Residents must act NOW to stay safe.", [("capitals", '"NOW" is written in capitals')]),
    ("THE MEETING IS CANCELLED.", [("capitals", '"THE MEETING IS CANCELLED"')]),
    ("Call 999 in an emergency; the A1(M) and M25 were closed.", []),  # digits: road names
    ("World War II ended in 1945.", []),  # a Roman numeral
    ("I met the UK team.", []),
    # --- dates, times and money ---------------------------------------------------------
    ("The event is on 4th June 2017.", [("dates-and-numbers", '"4th June"')]),
    ("The event is on June 4, 2017.", [("dates-and-numbers", '"June 4, 2017": dates are written day first')]),
    ("The event was on 04/06/2017.", [("dates-and-numbers", '"04/06/2017": dates are written in words')]),
    ("The event is on 4 June 2017.", []),
    ("The office is open 9:00am-5pm.", [("dates-and-numbers", '"9:00am-5pm": time ranges use "to"'),
                                        ("dates-and-numbers", '"9:00am": times on the hour')]),
    ("The office is open 9am to 5pm.", []),
    ("Doors open at 17:30.", [("dates-and-numbers", '"17:30": times use the 12-hour clock')]),
    ("The ticket costs £5.00.", [("dates-and-numbers", '"£5.00": whole pounds have no pence')]),
    ("The ticket costs £5.50.", []),
    ("The grant is £1.2m.", [("dates-and-numbers", '"£1.2m": millions and billions')]),
    ("He said: \"See you on 4th June.\"", [("dates-and-numbers", '"4th June"')]),  # quotes too
    ("We meet at 12 noon.", [("dates-and-numbers", '"12 noon": midday is "midday"')]),
    ("Crime fell by 5 per cent.", [("dates-and-numbers", '"5 per cent": percentages use %')]),
    ("The May 2017 report is out.", []),  # a month and a year
    # --- link text ------------------------------------------------------------------
    ("To read the report, [click here](https://example.org/report).",
     [("link-text", 'the link text "click here" makes no sense on its own')]),
    ("Read the report [here](https://example.org/report).",
     [("link-text", 'the link text "here"')]),
    ("See <https://example.org/report> for the report.",
     [("link-text", "the link text is a web address")]),
    ("Read [the inspection report](https://example.org/report).", []),
    ("He said: \"Read it [here](https://example.org/report).\"",
     [("link-text", 'the link text "here"')]),  # quotes too
    # --- code is not prose ------------------------------------------------------------
    ("Type `NOW TACKLE 4th June` into the box.", []),
    # --- accepting one warning on one line --------------------------------------------
    ("We will tackle burglary. <!-- style: accept avoid -->", []),
    ("We will tackle burglary NOW. <!-- style: accept avoid -->",
     [("capitals", '"NOW"')]),  # only the rule named
    ("We will tackle burglary NOW. <!-- style: accept -->", []),  # every rule of the line
    ("We will tackle burglary. <!-- style: accept avod -->",
     [("avoid", '"tackle" is a word to avoid'),
      ("accept", 'the comment "style: accept avod" names no check')]),  # a misspelt name
]


def body(markdown):
    return f"---\ntitle: A test\ndate: 2017-06-04\n---\n{markdown}\n"


@pytest.mark.parametrize("markdown, expected", ROWS, ids=[row[0][:50] for row in ROWS])
def test_each_rule_and_its_false_friends(markdown, expected):
    findings, _ = check_source(body(markdown), "A test", "", GUIDE, SETTINGS)
    got = [(finding.rule, finding.what) for finding in findings]
    assert len(got) == len(expected), got
    for (rule, what), (want_rule, want_what) in zip(sorted(got), sorted(expected)):
        assert rule == want_rule and want_what in what, got


def test_there_are_at_least_forty_rows():
    assert len(ROWS) >= 40


def test_the_sites_style_file_has_no_mistakes():
    assert GUIDE_PROBLEMS == []
    assert len(GUIDE.avoid) >= 30 and "PCC" in GUIDE.abbreviations


def test_a_warning_names_the_line_it_is_on():
    source = body("First paragraph.\n\nSecond one, where we\nwill tackle it.")
    findings, _ = check_source(source, "A test", "", GUIDE, SETTINGS)
    assert [(f.rule, f.line) for f in findings] == [("avoid", 8)]


def test_the_title_and_summary_are_checked_on_their_lines():
    source = ("---\ntitle: We will tackle crime\ndate: 2017-06-04\n"
              "summary: The PCC spoke.\n---\nWords.\n")
    findings, _ = check_source(source, "We will tackle crime", "The PCC spoke.", GUIDE, SETTINGS)
    assert [(f.rule, f.line) for f in findings] == [("avoid", 2), ("abbreviation", 4)]


def test_a_misspelt_check_name_says_which_was_meant():
    findings, _ = check_source(body("We will tackle it. <!-- style: accept avod -->"),
                               "A test", "", GUIDE, SETTINGS)
    (wrong,) = [f for f in findings if f.rule == "accept"]
    assert wrong.line == 5 and wrong.fix.endswith('(did you mean "avoid"?)')


def test_the_fix_says_what_to_write():
    findings, _ = check_source(body("We will tackle burglary."), "A test", "", GUIDE, SETTINGS)
    assert findings[0].fix == ('write "stop", "reduce" or "deal with" instead '
                               "(it is fine if it is sport)")


def test_reading_age_warns_above_the_limit_and_not_for_plain_words():
    hard = ("The Commissioner's comprehensive organisational restructuring necessitates "
            "considerable interdepartmental collaboration, notwithstanding administrative "
            "complications. ") * 10
    easy = "We met people in the town. They told us what they want. We will help. " * 10
    settings = {"PLAIN_ENGLISH_READING_AGE": 14}
    hard_findings, (hard_age, _) = check_source(body(hard), "A test", "", GUIDE, settings)
    easy_findings, (easy_age, _) = check_source(body(easy), "A test", "", GUIDE, settings)
    assert hard_age > 14 > easy_age
    assert [f.rule for f in hard_findings if f.rule == "reading-age"] == ["reading-age"]
    assert hard_findings[0].line == 2  # the title's line, where it can be accepted
    assert not [f for f in easy_findings if f.rule == "reading-age"]


def test_reading_age_leaves_out_quotations():
    quote = ("He said: \"The Commissioner's comprehensive organisational restructuring "
             "necessitates considerable interdepartmental collaboration.\" ")
    plain = "We met people in the town. They told us what they want. "
    _, (age, words) = check_source(body((plain + quote) * 10), "A test", "", GUIDE, SETTINGS)
    _, (plain_age, _) = check_source(body((plain + "He said: \"Yes.\" ") * 10), "A test", "",
                                     GUIDE, SETTINGS)
    assert words == 140  # 12 words of plain text and 2 of "He said" in each of 10
    assert abs(age - plain_age) < 0.5


def test_the_summary_and_the_body_each_spell_an_abbreviation_out():
    """Lists and feeds show the summary alone, and the page shows the body below it."""
    source = ("---\ntitle: A test\ndate: 2017-06-04\nsummary: The Police and Crime "
              "Commissioner (PCC) spoke.\n---\nThe PCC listened.\n")
    findings, _ = check_source(source, "A test", "The Police and Crime Commissioner (PCC) "
                               "spoke.", GUIDE, SETTINGS)
    assert [(f.rule, f.line) for f in findings] == [("abbreviation", 6)]


def test_words_in_capitals_are_named_once_a_page():
    source = "---\ntitle: NEW SCHEME\ndate: 2017-06-04\n---\nThe NEW SCHEME starts.\n"
    findings, _ = check_source(source, "NEW SCHEME", "", GUIDE, SETTINGS)
    assert [(f.rule, f.line) for f in findings] == [("capitals", 2)]


def test_the_reading_age_is_of_the_body_alone():
    hard_title = ("Comprehensive organisational restructuring necessitates considerable "
                  "interdepartmental collaboration")
    easy = "We met people in the town. They told us what they want. We will help. " * 10
    _, with_title = check_source(body(easy), hard_title, "", GUIDE, SETTINGS)
    _, without = check_source(body(easy), "", "", GUIDE, SETTINGS)
    assert with_title == without
