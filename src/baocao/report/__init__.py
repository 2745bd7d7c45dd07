"""A unit's report as data: the document header, its own sections of blocks, what a roll-up keeps of its units."""

from baocao.report.model import Report

__all__ = ["Report"]
