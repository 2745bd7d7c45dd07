"""baocao: compile Vietnamese administrative reports from YAML data."""

__version__ = "0.1.0"
