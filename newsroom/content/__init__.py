"""Stage 4, content: the Markdown and YAML files under content/, the human-curated source of
truth. Reading and validating them into the archive; writing new ones; the three-way merge of
a re-annotation; the disk half of merge and rename."""
