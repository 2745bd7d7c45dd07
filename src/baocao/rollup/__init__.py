"""The level above from its units: summed by section (``sections``) or by the keys of a đề cương (``outline``)."""
