"""Laying a report out: the Jinja sandbox, what a template sees, the section tree, annexes, a compared period."""
