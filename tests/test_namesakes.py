"""Bodies of one name in several countries ('Democratic Party' of the US, of Hong Kong): the
knowledge base's is read only where the story's geography allows it; a story set in another
country names that country's body of the name, titled so readers tell the two apart, with a
page of its own that no later story of the other body is filed under."""

from __future__ import annotations

from newsroom.model import Actor, Span
from newsroom.resolve.registry import Registry, actor_record, assign

US_PARTY = {"name": "Democratic Party", "kind": "political-party", "country": "US",
            "wikipedia": "Democratic Party (United States)"}


def _parties(annotator, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.name, a.country, a.wikipedia) for a in annotator(text).actors if "Party" in a.name]


def test_a_story_set_in_another_country_names_that_country_s_body(annotator):
    text = ("Vote count\n\nThe Democratic Party won two seats in Kowloon West, and the Civic Party took Hong Kong "
            "Island, in Sunday's Hong Kong election.\n")
    assert _parties(annotator, text) == [("Democratic Party (Hong Kong)", "HK", None), ("Civic Party", None, None)]
    # Its file will keep no alias other countries' bodies bear: later stories are not read by it.
    (party,) = [a for a in annotator(text).actors if a.country == "HK"]
    assert party.aliases == [] and [m.text for m in party.mentions] == ["Democratic Party"]
    assert _parties(annotator, "Coalition talks\n\nThe Labour Party opened coalition talks in Wellington, New "
                               "Zealand, on Tuesday, a week after the vote in Auckland.\n") == [
        ("Labour Party (New Zealand)", "NZ", None)]


def test_the_known_body_stays_where_the_story_allows_it(annotator):
    known = ("Democratic Party", "US", "Democratic Party (United States)")
    # Its own country's places, or none at all.
    assert _parties(annotator, "Primary\n\nThe Democratic Party held its primary in Ohio and Iowa.\n") == [known]
    assert _parties(annotator, "Primary\n\nThe Democratic Party held its primary on Tuesday.\n") == [known]
    # Countries named as actors, not as where the story is ('both Russia and America').
    assert _parties(annotator, "Trade\n\nBrazil and India both criticised the Democratic Party's tariff plan on "
                               "Tuesday.\n") == [known]
    # Places spread over several countries say nothing of where the story is set.
    assert _parties(annotator, "Summit\n\nThe Democratic Party sent delegates from Boston to Paris, Lyon and "
                               "Marseille.\n") == [known]


def _actor(name: str, country: str | None = None, wikipedia: str | None = None) -> Actor:
    return Actor(name, "political-party", [Span(0, 16, "Democratic Party")], [], country, wikipedia)


def test_the_other_country_s_body_gets_a_page_of_its_own():
    registry = Registry(actors={"democratic-party": dict(US_PARTY)})
    namesake = _actor("Democratic Party (Hong Kong)", "HK")
    ids = assign(registry, [namesake], [])
    assert ids.actor_ids == ["democratic-party-hong-kong"]
    assert ids.new_actors["democratic-party-hong-kong"] == {**actor_record(namesake), "country": "HK"}
    # An earlier reading of the story that filed it under the US party's page does not hold it there ...
    earlier = {"actors": {"democratic party": "democratic-party"}}
    assert assign(registry, [namesake], [], earlier).actor_ids == ["democratic-party-hong-kong"]
    # ... and the knowledge base's body, and a name no country is known for, still find that page.
    assert assign(registry, [_actor("Democratic Party", "US", "Democratic Party (United States)")], []).actor_ids \
        == ["democratic-party"]
    assert assign(registry, [_actor("Democratic Party")], []).actor_ids == ["democratic-party"]
