"""An organisation the knowledge base does not know takes its kind from the head of its name,
the word the rest describes: a party named after a congress is a party, a bank named after a
union is a firm, an association of school boards is no school. A word of arms anywhere still
makes an armed group."""

from __future__ import annotations

import pytest

from newsroom.annotate.entities import org_kind
from newsroom.annotate.knowledge import load_knowledge


@pytest.mark.parametrize(("name", "kind"), [
    ("People's Congress Party", "political-party"),     # 'congress' alone: a parliament
    ("Farmers Union Bank of Ruritania", "company"),      # 'union' alone: an association
    ("State School Boards Association", "ngo"),         # 'school' alone: a school
    ("Regional Telecommunications Administration", "government-body"),
    ("Ministry of Defence", "government-body"),          # the head before 'of'
    ("Mujahideen Shura Council", "armed-group"),         # arms anywhere
    ("Kivu Peace Foundation", "ngo"),
    ("Northfield University", "university"),
    ("Acme Holdings", "organisation"),                   # no word of a kind
])
def test_an_organisation_takes_the_kind_of_the_head_of_its_name(name, kind):
    assert org_kind(name, load_knowledge().lexicon) == kind
