"""Stage 1, reading: a raw article as received -> its layout (title, dek, credits, datelines,
story blocks). Pure apart from `seeds`, which reads the files in seeds/."""
