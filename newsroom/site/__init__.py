"""The site side: reads ``content/`` alone (never seeds, never the model) and generates the
article, actor, place, event and index pages in memory inside the MkDocs build."""
