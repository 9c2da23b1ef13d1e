"""tipcli: look up TIP Report ratings, figures and quotes with their evidence."""

__version__ = "0.1.0"

# Bump whenever cleaning, passage splitting, search normalisation or any
# extractor changes what lands in the store: a store built by another
# extraction version is rebuilt automatically on its next use.
EXTRACTION_VERSION = "11"
