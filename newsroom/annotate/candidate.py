"""A stretch of text that may name an actor or a place: what the finders (`mentions`,
`missed_names`) find and `entities` decides about."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A stretch of text that may name an actor or place. `ref` keys into the knowledge base."""

    start: int
    end: int
    label: str         # COUNTRY | FORCES | STATE | ACTOR | PLACE | ROAD | TEAM | PERSON | ORG | GPE | LOC | FAC
    ref: str | None    # country code, known actor name or known place name
    source: str        # kb | rule | ner | guess | placed (guess, placed: kept only if the gazetteer backs them)
    #                    | inner (a town inside a venue's name, kept beside the venue)
    tokens: tuple[int, int]  # token range [i, j) in the doc

    @property
    def length(self) -> int:
        return self.end - self.start

    def as_person(self) -> Candidate:
        """The same stretch, read as a person's name (a name the story gives a person elsewhere)."""
        return Candidate(self.start, self.end, "PERSON", self.ref, self.source, self.tokens)
