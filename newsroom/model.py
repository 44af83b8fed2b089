"""Plain data objects shared by the stages. No I/O, no behaviour beyond conversions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# ACLED's six event types and their 25 sub-types (ACLED codebook, 2023).
ACLED_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ),
}
# The types of violence: their events count deaths and a later sentence may go on telling them.
VIOLENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
# What news reports besides ACLED's events, and ACLED does not code: a party's statement that is
# itself the news (an audio message released, an accusation) and diplomacy (a council meeting,
# talks planned). Kept as two types of their own, never folded into "Strategic developments",
# so the events CSV can be read by ACLED's codebook and these filtered out by type.
OTHER_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Statements": ("Statement", "Accusation"),
    "Diplomacy": ("Meeting", "Talks"),
}
EVENT_TYPES: dict[str, tuple[str, ...]] = {**ACLED_EVENT_TYPES, **OTHER_EVENT_TYPES}

ACTOR_KINDS = (
    "person", "state", "armed-force", "armed-group", "organisation", "government-body",
    "international-body", "ngo", "monitor", "media", "political-party", "company",
    "religious-body", "sports-body", "university",
)
# Annotations whose confidence is below this are suggestions: listed for editors, never published.
# The site's own value is the newsroom plugin's `confidence_threshold` in mkdocs.yml. Chosen on the
# tune halves (benchmarks/fit_confidence.py): the lowest threshold at which at least 80% of the
# general-news events kept are real ones (0.6: 205 kept, 165 real, 40 false; 0.5 kept 73 false).
DEFAULT_CONFIDENCE_THRESHOLD = 0.6
# Below this an annotation is not written to content/ at all, not even as a suggestion (but an
# actor or place that a kept event names is: the event refers to it; content/article_file.above_floor).
SUGGESTION_FLOOR = 0.3

PLACE_KINDS = (
    "country", "region", "province", "city", "town", "village", "district", "river", "road",
    "continent", "landmark", "place",
)


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the raw article: `text == raw[start:end]` (Python str indices)."""

    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Image:
    caption: str | None = None
    credit: str | None = None


@dataclass
class Layout:
    """What the reader finds in a raw article besides the story text."""

    title: str
    dek: str | None = None
    dateline: str | None = None      # the text's own date line ("Friday, August 21, 2015")
    filed_from: str | None = None    # a wire dateline's place ("ANTAKYA, Turkey"), as written
    agency: str | None = None        # a wire dateline's agency ("Reuters")
    filed_on: str | None = None      # a wire dateline's date as written ("Feb 7", "1996-12-06")
    filed_from_spans: list[Span] = field(default_factory=list)  # its place and area: place mentions
    byline: str | None = None
    credit: str | None = None        # the closing "Source: News Agencies"
    images: list[Image] = field(default_factory=list)  # photo captions and credits, in order
    related: list[str] = field(default_factory=list)   # "READ MORE:" titles
    sections: list[str] = field(default_factory=list)  # subheadings in the body
    # Stretches of the raw text that the annotator reads (title, dek, caption, story).
    readable: list[Span] = field(default_factory=list)
    # The story itself: paragraphs and subheadings, in order, as spans of the raw text.
    blocks: list[tuple[str, Span]] = field(default_factory=list)  # ("p" | "h", span)


@dataclass
class Actor:
    name: str
    kind: str
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None       # ISO 3166-1 alpha-2, where the actor belongs to one
    wikipedia: str | None = None
    role: str | None = None          # "UN special envoy"
    confidence: float = 1.0          # from its named evidence (annotate/entity_evidence.py)
    signals: dict[str, float] = field(default_factory=dict, compare=False, repr=False)  # that evidence


@dataclass
class Place:
    name: str
    kind: str
    mentions: list[Span] = field(default_factory=list)
    country: str | None = None       # English country name
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    confidence: float = 1.0          # from its named evidence (annotate/entity_evidence.py)
    signals: dict[str, float] = field(default_factory=dict, compare=False, repr=False)  # that evidence
    # The place it lies in, whose point it is shown at, when no gazetteer knows its own ('the
    # village of Balnacoil in Fife': Fife): lat/lon are then that place's (annotate/area_points.py).
    within: str | None = None


@dataclass
class Event:
    type: str
    sub_type: str
    evidence: Span
    actors: list[str] = field(default_factory=list)   # actor names, aggressor first
    place: str | None = None
    when: str | None = None          # the text's own words ("on Thursday")
    date: str | None = None          # ISO date, once the article date is known
    precision: str | None = None     # day | week | month | year
    fatalities: int | None = None
    fatalities_text: str | None = None
    fatalities_qualifier: str | None = None  # exact | at-least | about | at-most
    according_to: str | None = None
    status: str = "reported"         # reported | claimed | planned
    confidence: float = 1.0          # from its named evidence (annotate/confidence.py)
    signals: dict[str, float] = field(default_factory=dict, compare=False, repr=False)  # that evidence


@dataclass
class Annotation:
    """Everything the annotator says about one article."""

    layout: Layout
    sentences: list[Span]
    actors: list[Actor]
    places: list[Place]
    events: list[Event]
    date: str | None = None          # the article's date, if known
