"""Newsroom archive: raw news articles in, an annotated, cross-linked static site out.

Stages, one package each, in the order of the flow:

- ``read``      raw article text -> layout (title, dek, credits, datelines, story blocks)
- ``annotate``  layout + language model + knowledge -> actors, places, events with offsets
- ``resolve``   in-article entities -> archive-wide identities (registry, review, event pages)
- ``content``   content/ files: read, validated, written, merged three ways
- ``site``      content/ -> pages generated in memory inside the MkDocs build
- ``cli``       `build.py`: the commands, and the loading of the model and gazetteer

Shared by all: ``model`` (plain data objects), ``text`` (names and slugs), ``errors``.
"""

__version__ = "0.1.0"
