"""What the site writes is safe and valid whatever a title holds: CSV cells never run as
spreadsheet formulas (OWASP's rule), JSON is strict, feeds are XML, and MkDocs reads every
generated page's front matter back whole (an emoji once made it drop the lot)."""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET

import pytest
from mkdocs.utils.meta import get_data

from newsroom.site.exports import csv_cell, strict_json, xml_text
from newsroom.site.pages.base import PlannedPage, page_title, yaml_json


@pytest.mark.parametrize("cell,written", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Acme", "Acme"), ("", ""), (-33.4, -33.4), (59, 59),  # numbers are no formula
])
def test_a_csv_cell_that_starts_like_a_formula_is_text(cell: object, written: object) -> None:
    assert csv_cell(cell) == written


def test_json_is_strict_and_nan_becomes_null() -> None:
    text = strict_json({"lat": math.nan, "lon": math.inf, "n": [1.5, -math.inf]})
    assert json.loads(text, parse_constant=lambda name: pytest.fail(name)) == {"lat": None, "lon": None,
                                                                               "n": [1.5, None]}


def test_xml_text_drops_what_xml_cannot_hold() -> None:
    title = xml_text("Bell\x07 & <rings>\x00 🔥")
    assert title == "Bell &amp; &lt;rings&gt; 🔥"
    assert ET.fromstring(f"<title>{title}</title>").text == "Bell & <rings> 🔥"


@pytest.mark.parametrize("title", ["Fire 🔥 at the depot", "Zoë’s “quote”", "NEL\x85 and LS\u2028 kept",
                                   "tab\tand\nnewline", "\ufeffbom", "Ελληνικά العربية 中文"])
def test_mkdocs_reads_a_generated_page_front_matter_back_whole(title: str) -> None:
    page = PlannedPage("x/", ("index", "x/"), "content/x.md", lambda: {"title": title, "feed": "x/feed.xml"},
                       lambda: "")
    assert get_data(page.markdown)[1] == {"title": title, "feed": "x/feed.xml"}
    assert yaml_json("🔥") == '"🔥"'  # the character itself, not a surrogate pair libyaml refuses


def test_a_page_title_holds_no_control_character() -> None:
    assert page_title("Bell\x07 <b>rings</b> & \ud83d") == "Bell ‹b›rings‹/b› &amp; "
