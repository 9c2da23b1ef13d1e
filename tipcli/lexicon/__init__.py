"""The words tipcli shares across cleaning, extraction and rendering, each list kept once."""
