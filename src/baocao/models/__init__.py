"""Pydantic models of a unit's report file."""

from baocao.models.report import Report

__all__ = ["Report"]
