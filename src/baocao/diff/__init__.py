"""Two periods of one unit compared: what changed, matched by identity (``compare``), and printed (``format``)."""
