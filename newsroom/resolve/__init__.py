"""Stage 3, resolving: one identity per real-world entity across the archive (the registry of
entity files, near-duplicates for review, one page per real-world event, the pure half of
merge and rename). Pure: records in, decisions out."""
