"""Stage 2, annotating: a raw article and the language model -> its actors, places and events,
with offsets into the raw text. Pure: `newsroom.cli.loading` loads the model, the knowledge
base and the GeoNames index, and nothing here touches the disk."""
