"""Newsroom archive: raw news articles in, an annotated, cross-linked static site out.

Stages, one module each:

- ``reader``      raw article text -> layout (title, dek, credits, story blocks)
- ``annotate``    layout + language model -> actors, places, events with offsets
- ``resolve``     in-article mentions -> archive-wide entity ids (the registry in ``content/``)
- ``content``     annotations <-> Markdown files with YAML front matter under ``content/``
- ``site``        ``content/`` -> pages generated in memory inside the MkDocs build
"""

__version__ = "0.1.0"
