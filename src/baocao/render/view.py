"""Render a report's body through a Jinja template into block markup.

A template writes a small XML vocabulary (``<h1>``…``<h8>``, ``<p>``, ``<li>``,
``<li2>``, ``<star>``, ``<note>``, ``<table>``); autoescaping keeps every value
from the data as text, so nothing a user writes is ever read as markup or as
template code. The template reaches the data only through the functions of
:class:`View`, which records what it showed so that data left out can be
reported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from baocao.blocks.printing import quantity
from baocao.core import vietnamese as vn
from baocao.core.findings import Finding
from baocao.load.source import Source
from baocao.model.period import reference
from baocao.render import sandbox
from baocao.render import templates as template_files
from baocao.render.compare import rows
from baocao.render.sections import tree
from baocao.render.watchdog import Limits, guarded
from baocao.report import Report
from baocao.report.model import Rollup

TEMPLATE_SUFFIX = ".xml.j2"


def builtin_templates() -> Path:
    """The templates shipped with baocao: inside the installed package, or the checkout's."""
    packaged = Path(__file__).resolve().parents[1] / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[3] / "templates"


def available_kinds(user_dir: Path | None) -> list[str]:
    """Report kinds that have a template, user ones first."""
    dirs = [user_dir] if user_dir else []
    names = {
        p.name.removesuffix(TEMPLATE_SUFFIX)
        for d in [*dirs, builtin_templates()]
        for p in d.glob(f"[!_]*{TEMPLATE_SUFFIX}")
    }
    return sorted(names)


def environment(user_dir: Path | None, limits: Limits | None = None) -> jinja2.Environment:
    """The sandbox (see :mod:`baocao.render.sandbox`): strict, autoescaping, over user then built-in templates."""
    folders = [user_dir] if user_dir else []
    env = sandbox.TemplateEnvironment(
        loader=template_files.ConfinedLoader([*folders, builtin_templates()]),
        bytecode_cache=template_files.bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        max_output=(limits or Limits()).max_output,
    )
    own: dict[str, Callable[..., Any]] = dict(
        number=vn.number,
        count=vn.count,
        percent=vn.percent,
        date_long=vn.date_long,
        date_short=vn.date_short,
        words=vn.amount_in_words,
        capitalize=vn.capitalize,
        quantity=quantity,
        roman=vn.roman,
    )
    env.filters.update({name: sandbox.filter_function(function) for name, function in own.items()})
    env.filters["apply"] = lambda value, name: env.filters[name](value)
    return env


@dataclass
class View(sandbox.TemplateView):
    """What a template may read of a report; records what it showed."""

    TEMPLATE_API = frozenset(
        {"cutoff", "reference", "comparisons", "unit_annexes", "unit_reference", "rollup", "previous", "outline"}
    )

    report: Report
    previous: Report | None = None
    shown: set[str] = field(default_factory=set)
    annexes: list[Any] | None = None

    def cutoff(self) -> str | None:
        """The line "Số liệu tính từ ngày … đến ngày …" when the unit asks for it (``cutoff: {show: true}``)."""
        self.shown.add("document.cutoff")
        calendar = self.report.document.calendar
        return calendar.window.sentence if calendar.shown else None

    @property
    def reference(self) -> str:
        """What the previous period is called: "cùng kỳ năm 2021", or its own label."""
        if self.previous is None:
            return ""
        return reference(self.previous.document.period, self.report.document.period)

    def comparisons(self) -> list[dict[str, Any]]:
        """Rows of the comparison annex: the keyed blocks both periods have, then computed totals."""
        if self.previous is None:
            return []
        return rows(self.report, self.previous)

    def outline(self) -> dict[str, Any]:
        """The report's own sections as plain data: opening, numbered sections, closing (see baocao.render.sections)."""
        self.shown.update(("opening", "sections", "closing", "annexes"))
        return tree(self.report, self.previous, self.reference)

    def unit_annexes(self) -> list[Any]:
        """Annexes of tables with one row per unit, for a report compiled by rollup."""
        self.shown.add("rollup")
        if self.report.rollup is None:
            return []
        if self.annexes is None:
            from baocao.render.annex import unit_annexes  # only a rolled-up report needs it

            self.annexes = unit_annexes(self.report)
        return self.annexes

    def unit_reference(self) -> str:
        """The body's sentence naming every table of the per-unit annexes ("Biểu 1. …"); "" when there are none."""
        annexes = self.unit_annexes()
        from baocao.render.annex import reference  # only a rolled-up report needs it

        return reference(annexes)

    def rollup(self) -> Rollup | None:
        """How the report was compiled: units, those left out, those missing."""
        self.shown.add("rollup")
        return self.report.rollup

    def unshown(self) -> list[str]:
        """Parts of the data that hold something but were not shown."""
        return sorted(self.present() - self.shown)

    def present(self) -> set[str]:
        """Parts of the data that hold something."""
        r = self.report
        present = {name for name in ("opening", "sections", "closing", "annexes") if getattr(r, name)}
        present |= {"rollup"} if r.rollup is not None else set()
        present |= {"document.cutoff"} if r.document.calendar.shown else set()
        return present


def render_body(
    report: Report, source: Source, user_dir: Path | None, previous: Report | None = None
) -> tuple[str, list[Finding]]:
    """The body markup of ``report``, and findings about the template or unshown data.

    Every mistake a template can make, and every limit it runs into, is a BC402
    finding with the template's name and line.
    """
    kind = report.document.kind
    where = source.locate(("document", "kind"))
    limits = Limits.from_environment()
    view = View(report, previous)
    doc = report.document
    try:
        with guarded(limits):
            env = environment(user_dir, limits)
            template = env.get_template(kind + TEMPLATE_SUFFIX)
            values = {name: sandbox.plain(value) for name, value in
                      (("doc", doc), ("period", doc.period), ("next_period", doc.period.following()))}  # fmt: skip
            body = template.render(view=view, **values)
    except jinja2.TemplateNotFound as exc:
        if exc.name != kind + TEMPLATE_SUFFIX:
            return "", [_template_finding(source, where, *_template_place(exc, kind), f"no template {exc.message}")]
        available = ", ".join(available_kinds(user_dir))
        return "", [Finding(source.path, *where, "BC401", ("document", "kind"), {"kind": kind, "available": available})]
    except jinja2.TemplateSyntaxError as exc:
        name = Path(exc.filename).name if exc.filename else exc.name or kind + TEMPLATE_SUFFIX
        return "", [_template_finding(source, where, name, exc.lineno, exc.message or "")]
    except (Exception, RecursionError, MemoryError) as exc:
        return "", [_template_finding(source, where, *_template_place(exc, kind), _problem(exc))]
    unused = [
        Finding(
            source.path,
            *source.locate(tuple(_data_loc(name))),
            "BC403",
            tuple(_data_loc(name)),
            {"field": name, "kind": kind},
        )
        for name in view.unshown()
    ]
    return body, unused


def _problem(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "out of memory"
    if isinstance(exc, RecursionError):
        return "too deep: nesting too deep, or a macro, include or loop that calls itself without end"
    text = str(exc).strip() or type(exc).__name__
    return text if isinstance(exc, jinja2.TemplateError) else f"{type(exc).__name__}: {text}"


_PROBLEMS: dict[tuple[str, frozenset[str]], list[tuple[str, Any, dict[str, Any]]]] = {}


def template_findings(report: Report, source: Source, user_dir: Path | None) -> list[Finding]:
    """What build would say about the template on this data (BC401-BC403), for validate.

    With the built-in templates, what a template shows depends on which parts of
    the data hold something, so the answer is kept per report kind and set of
    parts present: a batch renders once per shape of file, not once per file.
    """
    key = (report.document.kind, frozenset(View(report).present())) if user_dir is None else None
    problems = _PROBLEMS.get(key) if key else None
    if problems is None:
        _, findings = render_body(report, source, user_dir)
        problems = [(f.code, f.loc, f.params) for f in findings]
        if key and len(_PROBLEMS) < 512:
            _PROBLEMS[key] = problems
    return [Finding(source.path, *source.locate(loc), code, loc, params) for code, loc, params in problems]


def _data_loc(name: str) -> list[str]:
    """Where in the file an unshown part starts: document.cutoff, or the key of the part."""
    return name.split(".")


def _template_place(exc: BaseException, kind: str) -> tuple[str, int | None]:
    """The template and line where an error arose: the innermost template frame of its traceback."""
    name, line = kind + TEMPLATE_SUFFIX, None
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(TEMPLATE_SUFFIX):
            name, line = Path(filename).name, tb.tb_lineno
        tb = tb.tb_next
    if line is None and getattr(exc, "place", None):
        name, line = exc.place  # type: ignore[attr-defined]
    return name, line


def _template_finding(source: Source, where: tuple[int, int], name: str, line: int | None, problem: str) -> Finding:
    params = {"template": name, "template_line": line or "?", "problem": problem}
    return Finding(source.path, *where, "BC402", ("document", "kind"), params)
