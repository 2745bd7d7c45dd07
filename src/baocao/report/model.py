"""The root of a unit's file: one unit, one period, one report; and what a rolled-up report keeps of its units."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Self

from pydantic import PrivateAttr, TypeAdapter, model_validator

from baocao.blocks import REGISTRY, Block, Entry
from baocao.blocks.base import Measure, key_of
from baocao.blocks.table import Column
from baocao.core.findings import Loc
from baocao.model.fields import DEFERRED, Model, Text, field
from baocao.report import dating
from baocao.report.document import Document
from baocao.report.sections import Annex, Numbering, Section, blocks_of, text_or_block


class UnitRow(Model):
    """One unit's values, as it reported them, for the annexes of one row per unit."""

    name: Text = field("Tên đơn vị")
    file: Text | None = field("Tệp dữ liệu", default=None)
    summary: dict[str, dict[str, Any]] = field(
        "Số liệu theo loại khối và mã",
        "Giá trị của các khối có mã (số liệu, tỷ lệ…) mà phụ lục theo đơn vị in, theo loại khối rồi theo mã.",
        default={},
    )
    blocks: dict[str, dict[str, Any]] = field(
        "Các mục theo đơn vị theo mã",
        "Số liệu, chỉ tiêu, tỷ lệ, câu trả lời, biểu mẫu của các mục đề cương ghi by_unit, như đơn vị đã viết.",
        default={},
    )

    @model_validator(mode="after")
    def _typed_summary(self) -> Self:
        """Each value of ``summary`` typed as its block type keeps it (a rolled-up file read back)."""
        for kind, values in self.summary.items():
            entry = REGISTRY.get(kind)
            if entry is None or entry.summary is None:
                raise ValueError(f"loại khối '{kind}' không có bảng theo đơn vị")
            adapter = _adapter(entry.summary.model)
            for key, value in values.items():
                values[key] = adapter.validate_python(value)
        return self


@cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


class ByUnit(Model):
    """An item of the units' đề cương with one annex row per unit: its type, key, label, unit, form."""

    kind: Text = field("Loại khối")
    key: Text = field("Mã")
    label: Text = field("Tên")
    unit: Text | None = field("Đơn vị tính", default=None)
    choices: list[Text] = field("Các câu trả lời (khối answer)", default=[])
    columns: list[Column] = field("Các cột (biểu mẫu)", default=[])

    @model_validator(mode="after")
    def _annexed_kind(self) -> Self:
        entry = REGISTRY.get(self.kind)
        if entry is None or entry.annex is None:
            annexed = ", ".join(name for name, kind in REGISTRY.items() if kind.annex is not None)
            raise ValueError(f"loại khối '{self.kind}' không có dòng phụ lục theo đơn vị; các loại có: {annexed}")
        return self


class Skipped(Model):
    """A unit left out of the roll-up, and why."""

    name: Text = field("Đơn vị hoặc tệp")
    reason: Text = field("Lý do")


class Rollup(Model):
    """How a report was compiled from its units' reports."""

    outline: Text | None = field("Đề cương các đơn vị theo", "Mã đề cương mà mọi đơn vị đã báo cáo theo.", default=None)
    by_unit: list[ByUnit] = field("Các mục có phụ lục theo đơn vị", "Theo đề cương của các đơn vị.", default=[])
    units: list[UnitRow] = field("Các đơn vị đã tổng hợp", default=[])
    skipped: list[Skipped] = field("Các đơn vị không tổng hợp", default=[])
    missing: list[Text] = field("Các đơn vị chưa gửi báo cáo", default=[])


class Report(Model):
    """A báo cáo on information, communications and digital transformation."""

    document: Document = field("Thông tin văn bản")
    numbering: Numbering = field(
        "Cách đánh số đề mục",
        "Kiểu số của từng cấp mục, từ ngoài vào trong: 'I. 1. 1.1. a)' (mặc định), '1. a)', 'I. 1. a)'…",
        default=["I.", "1.", "1.1.", "a)"],
    )
    opening: list[Entry] = field(
        "Phần mở đầu",
        "Trước mục đầu tiên: căn cứ, lý do báo cáo. Bỏ trống để viết theo văn bản yêu cầu.",
        default=[],
        json_schema_extra=text_or_block,
    )
    sections: list[Section] = field("Các mục của báo cáo", "Theo thứ tự in; baocao tự đánh số.", default=[])
    closing: list[Entry] = field(
        "Phần kết thúc", "Bỏ trống để viết 'Trên đây là báo cáo …'.", default=[], json_schema_extra=text_or_block
    )
    annexes: list[Annex] = field(
        "Các phụ lục của báo cáo",
        "In sau chữ ký, mỗi phụ lục một trang riêng, với dòng '(Kèm theo Báo cáo số … ngày … của …)'.",
        default=[],
    )
    rollup: Annotated[Rollup, DEFERRED] | None = field(
        "Tổng hợp từ các đơn vị", "Do lệnh baocao rollup ghi; không cần viết tay.", default=None
    )
    _outline: Any = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _dated_after_what_it_cites(self) -> Self:
        """The date line's year is never before a document the report cites."""
        self.document.cites(dating.cited_dates(block.value for _, block in self.blocks()))
        return self

    @property
    def followed(self) -> Any:
        """The đề cương the report follows (an :class:`~baocao.outline.model.Outline`), once found."""
        return self._outline

    def follow(self, outline: Any) -> None:
        """Check and print the report under this đề cương: its sections, expected items and regime."""
        self._outline = outline
        stated = self.document.cutoff and self.document.cutoff.window
        cutoff, _, deadline = outline.schedule(self.document.period, stated)
        self.document.under_regime(cutoff, deadline)

    def blocks(self) -> Iterator[tuple[Loc, Block]]:
        """Every block of the report, with the place of its value in the file."""
        yield from blocks_of(self.opening, self.sections, self.closing, self.annexes)

    def measures(self, kind: str) -> list[tuple[str, Measure]]:
        """The keyed blocks of one type that have a number to compare, in order: (key, measure)."""
        measure = REGISTRY[kind].measure
        found = []
        for _, block in self.blocks():
            key = key_of(block.value)
            if block.kind == kind and key and measure is not None and (value := measure(block.value)) is not None:
                found.append((key, value))
        return found

    def computed(self) -> dict[str, tuple[Decimal | int, str]]:
        """The totals baocao computes for the report, by name with their unit: of the first block of each type."""
        values: dict[str, tuple[Decimal | int, str]] = {}
        for name, kind in REGISTRY.items():
            if kind.computed is None:
                continue
            first = next((block.value for _, block in self.blocks() if block.kind == name), None)
            if first is not None:
                values |= kind.computed(first)
        return values
