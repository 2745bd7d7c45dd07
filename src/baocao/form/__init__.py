"""Workbooks: the form a clerk fills in Excel, read back with its findings at their cells; a report's tables.

- :mod:`~baocao.form.layout`: the plan of a form, made from a unit's data and what the đề cương asks;
- :mod:`~baocao.form.workbook`: the plan written with XlsxWriter (typed, validated, locked cells);
- :mod:`~baocao.form.read`: a filled form read with python-calamine into a unit's data, every value at its cell;
- :mod:`~baocao.form.values`: a value between the data's text and a cell's number, date or word;
- :mod:`~baocao.form.tables`: the figures and tables of a report as a plain workbook (``build --xlsx``).
"""
