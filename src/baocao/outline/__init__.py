"""outline."""
