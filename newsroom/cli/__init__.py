"""The command line (`build.py`), and the edge where the annotator's model, knowledge and
GeoNames index are loaded from disk."""
