"""Render a report's body through a Jinja template into block markup.

A template writes a small XML vocabulary (``<h1>``…``<h4>``, ``<p>``, ``<li>``,
``<li2>``, ``<star>``, ``<note>``, ``<table>``); autoescaping keeps every value
from the data as text, so nothing a user writes is ever read as markup or as
template code. The template reaches the data only through the functions of
:class:`View`, which records what it showed so that data left out can be
reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from baocao import phrases
from baocao.core import vietnamese as vn
from baocao.core.findings import Finding
from baocao.load.source import Source
from baocao.models import Report
from baocao.models.budget import Budget
from baocao.models.document import reference
from baocao.models.figures import Figure, Indicator
from baocao.models.radio import Radio
from baocao.models.rollup import Rollup
from baocao.models.services import PublicServices
from baocao.models.topics import Topic
from baocao.render import sandbox
from baocao.render import templates as template_files
from baocao.render.watchdog import Limits, guarded

TEMPLATE_SUFFIX = ".xml.j2"
EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
BULLETS = {"- ": "li", "+ ": "li2", "* ": "star"}


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
    """The sandbox (see :mod:`baocao.sandbox`): strict, autoescaping, over user then built-in templates."""
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
        quantity=phrases.quantity,
        figure=phrases.figure,
        indicator=phrases.indicator,
        target=phrases.target,
        team=phrases.team,
        citation=phrases.citation,
        procedures=phrases.procedures,
        narrative=narrative,
        roman=vn.roman,
        radio_summary=phrases.radio_summary,
        radio_bands=phrases.radio_bands,
    )
    env.filters.update({name: sandbox.filter_function(function) for name, function in own.items()})
    env.filters["apply"] = lambda value, name: env.filters[name](value)
    return env


def narrative(text: str | None, level: int = 4) -> Markup:
    """User text as blocks: one line, one paragraph; '- ', '+ ', '* ' bullets; '# ' a heading."""
    out = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# "):
            out.append(f"<h{level}>{_inline(line[2:])}</h{level}>")
            continue
        tag = BULLETS.get(line[:2], "p")
        body = line[2:] if tag != "p" else line
        out.append(f"<{tag}>{_inline(body)}</{tag}>")
    return Markup("\n".join(out))


def _inline(text: str) -> str:
    r"""Escape, then turn **bold** and *italic* into tags; ``\*`` is a literal asterisk."""
    escaped = str(escape(text.strip())).replace("\\*", "\x00")  # NUL never reaches here (BC008)
    marked = EMPHASIS.sub(lambda m: f"<b>{m.group(1)}</b>" if m.group(1) else f"<i>{m.group(2)}</i>", escaped)
    return marked.replace("\x00", "*")


@dataclass
class View(sandbox.TemplateView):
    """What a template may read of a report; records what it showed."""

    TEMPLATE_API = frozenset(
        {
            "text", "has", "figures", "indicators", "targets", "cutoff", "citations", "teams", "budget", "radio",
            "services", "reference", "versus", "comparisons", "unit_annexes", "rollup", "previous", "outline",
        }
    )  # fmt: skip

    report: Report
    previous: Report | None = None
    shown: set[str] = field(default_factory=set)

    def _note(self, name: str, items: Iterable[Any]) -> list[Any]:
        self.shown.add(name)
        return list(items)

    def text(self, topic: str) -> str | None:
        """The narrative of a topic."""
        self.shown.add(f"narrative.{_topic(topic).value}")
        return self.report.text(topic)

    def has(self, *topics: str) -> bool:
        """True when any of the topics has narrative, figures, indicators or citations."""
        r = self.report
        wanted = {_topic(t) for t in topics}
        return (
            any(self.report.text(t) for t in wanted)
            or any(f.topic in wanted for f in r.figures)
            or any(i.topic in wanted for i in r.indicators)
            or any(t.topic in wanted for t in r.targets)
            or (Topic.DIRECTION in wanted and bool(r.citations))
        )

    def figures(self, topic: str) -> list[Any]:
        """Figures placed in a topic."""
        return self._note(f"figures.{topic}", (f for f in self.report.figures if f.topic == _topic(topic)))

    def indicators(self, topic: str) -> list[Any]:
        """Indicators placed in a topic."""
        return self._note(f"indicators.{topic}", (i for i in self.report.indicators if i.topic == _topic(topic)))

    def targets(self, topic: str) -> list[Any]:
        """Targets placed in a topic."""
        return self._note(f"targets.{topic}", (t for t in self.report.targets if t.topic == _topic(topic)))

    def cutoff(self) -> str | None:
        """The line "Số liệu tính từ ngày … đến ngày …" when the unit asks for it (``cutoff: {show: true}``)."""
        self.shown.add("document.cutoff")
        calendar = self.report.document.calendar
        return calendar.window.sentence if calendar.shown else None

    def citations(self) -> list[Any]:
        """Every cited document."""
        return self._note("citations", self.report.citations)

    def teams(self) -> list[Any]:
        """Community digital technology teams."""
        return self._note("teams", self.report.teams)

    def budget(self) -> Budget | None:
        """The budget table."""
        self.shown.add("budget")
        return self.report.budget

    def radio(self) -> Radio | None:
        """The radio system."""
        self.shown.add("radio")
        return self.report.radio

    def services(self) -> PublicServices | None:
        """Online public services and dossiers."""
        self.shown.add("public_services")
        return self.report.public_services

    @property
    def reference(self) -> str:
        """What the previous period is called: "cùng kỳ năm 2021", or its own label."""
        if self.previous is None:
            return ""
        return reference(self.previous.document.period, self.report.document.period)

    def versus(self, item: Any) -> str:
        """Written as ", tăng 30 km (7,1%) so với cùng kỳ năm 2021" for a figure or indicator both periods have."""
        if self.previous is None:
            return ""
        if isinstance(item, Figure):
            before = next((f for f in self.previous.figures if f.key == item.key), None)
            if before is None:
                return ""
            return ", " + phrases.versus(item.total - before.total, before.total, item.unit, self.reference)
        if isinstance(item, Indicator):
            old = next((i for i in self.previous.indicators if i.key == item.key), None)
            if old is None:
                return ""
            change = item.shown_percent - old.shown_percent
            return ", " + phrases.versus(change, old.shown_percent, "%", self.reference, points=True)
        return ""

    def comparisons(self) -> list[dict[str, Any]]:
        """Rows of the comparison annex: figures and indicators both periods have, then computed totals."""
        if self.previous is None:
            return []
        from baocao.diff.compare import computed_values

        rows = []
        old_figures = {f.key: f for f in self.previous.keyed("figure")}
        for figure in self.report.keyed("figure"):
            if figure.key in old_figures:
                rows.append(_row(figure.label, figure.unit, old_figures[figure.key].total, figure.total))
        old_indicators = {i.key: i for i in self.previous.keyed("indicator")}
        for item in self.report.keyed("indicator"):
            if item.key in old_indicators:
                old = old_indicators[item.key]
                rows.append(_row(f"{item.label} (tỷ lệ)", "%", old.computed_percent, item.computed_percent))
        old_values = computed_values(self.previous)
        for name, (value, unit) in computed_values(self.report).items():
            if name in old_values:
                rows.append(_row(name, unit, old_values[name][0], value))
        return rows

    def outline(self) -> dict[str, Any]:
        """The unit's own outline as plain data: opening, numbered sections, closing (see baocao.outline)."""
        from baocao.render.sections import tree

        self.shown.update(("opening", "sections", "closing"))
        return tree(self.report, self.previous, self.reference)

    def unit_annexes(self) -> list[Any]:
        """Annexes of tables with one row per unit, for a report compiled by rollup."""
        self.shown.add("rollup")
        if self.report.rollup is None:
            return []
        from baocao.annex import unit_annexes

        return unit_annexes(self.report)

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
        present = {f"narrative.{t.value}" for t in Topic if r.text(t)}
        present |= {f"figures.{f.topic.value}" for f in r.figures}
        present |= {f"indicators.{i.topic.value}" for i in r.indicators}
        present |= {f"targets.{t.topic.value}" for t in r.targets}
        present |= {name for name in ("citations", "teams", "opening", "sections", "closing") if getattr(r, name)}
        present |= {name for name in ("budget", "radio", "public_services", "rollup") if getattr(r, name) is not None}
        present |= {"document.cutoff"} if r.document.calendar.shown else set()
        return present


def _topic(name: str) -> Topic:
    """A topic by name; an unknown one is a template error that lists the topics."""
    try:
        return Topic(name)
    except ValueError:
        names = ", ".join(t.value for t in Topic)
        raise jinja2.TemplateRuntimeError(f"unknown topic '{name}'; the topics are: {names}") from None


def _row(label: str, unit: str | None, old: Decimal | int, new: Decimal | int) -> dict[str, Any]:
    """A row of the comparison annex; the change is worked out as ``baocao diff`` works it out.

    The rate is signed with one decimal ("+7,1%", "-8,0%", "0,0%"); a row of
    percentages shows its change in percentage points and no rate.
    """
    from baocao.diff.compare import Change

    change = Change("annex", (label,), "changed", old, new)
    delta = change.delta or Decimal(0)
    sign = "+" if delta > 0 else ""
    if unit == "%":
        text, relative = f"{sign}{vn.number(delta, 1)} điểm phần trăm", ""
    else:
        text = sign + vn.number(delta)
        rate = change.percent
        relative = "" if rate is None else ("+" if rate > 0 else "") + vn.number(rate, 1) + "%"
    return {
        "label": label, "unit": unit or "", "old": old, "new": new, "change": delta,
        "change_text": text, "relative": relative,
    }  # fmt: skip


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
    """Where in the file an unshown part starts: narrative.x, document.cutoff, or the list's key."""
    head, _, tail = name.partition(".")
    return [head, tail] if head in ("narrative", "document") else [head]


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
