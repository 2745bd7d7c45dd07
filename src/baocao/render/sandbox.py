"""What a template may touch: the sandbox policy of the report templates.

A template is code that agencies share, so it is treated as untrusted. It sees
plain, read-only values only:

- records (:class:`Record`): a data object's fields and documented computed
  values by name, and nothing else (no methods of the model behind it);
- tuples of values, ``str`` and ``Markup``, numbers (``int``, ``Decimal``),
  dates, booleans and ``None``;
- the documented functions of ``view`` and the documented filters.

Every attribute a template reads goes through :meth:`TemplateEnvironment.getattr`,
which answers from an allowlist; anything else is an undefined value, whose use is a
template error. New data types fit without changing the policy: a pydantic model or a
dataclass becomes a record of its fields and properties; its methods stay invisible.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, ClassVar

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import BlockReference, Context, LoopContext, TemplateReference, markup_join, str_join
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment, safe_range
from jinja2.utils import Cycler, Joiner, Namespace
from markupsafe import Markup
from pydantic import BaseModel

from baocao.render.watchdog import TemplateLimit, checkpoint

POLICY_VERSION = "2"  # part of the template cache's key: compiled code follows the policy
MAX_INT_BITS = 4096
STR_METHODS = frozenset(
    {"startswith", "endswith", "upper", "lower", "strip", "lstrip", "rstrip", "title", "capitalize", "isdigit"}
)
LOOP_ATTRIBUTES = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
     "previtem", "nextitem", "cycle", "changed"}
)  # fmt: skip
DICT_METHODS = frozenset({"items", "keys", "values", "get"})
# Jinja's own filters that are bounded by their input and never reach outside the data.
SAFE_BUILTIN_FILTERS = (
    "abs", "batch", "default", "d", "dictsort", "e", "escape", "first", "float", "groupby", "int", "items",
    "last", "length", "list", "lower", "map", "max", "min", "reject", "rejectattr", "reverse", "round",
    "select", "selectattr", "slice", "sort", "string", "sum", "title", "trim", "unique", "upper",
)  # fmt: skip


class Record(Mapping[str, Any]):
    """A read-only record: a data object's fields and documented values, by name."""

    __slots__ = ("_names", "_origin", "_values")

    def __init__(self, origin: Any, names: frozenset[str]) -> None:
        self._origin = origin
        self._names = names
        self._values: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._values:
            origin = self._origin
            value = origin[name] if isinstance(origin, Mapping) else getattr(origin, name)
            self._values[name] = plain(value)
        return self._values[name]

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._names))

    def __len__(self) -> int:
        return len(self._names)

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self._origin is other._origin

    def __hash__(self) -> int:
        return id(self._origin)

    def __str__(self) -> str:
        return str(self._origin)

    __repr__ = __str__


class Function:
    """A documented function of the data, as a template calls it: records in, plain values out."""

    __slots__ = ("_function",)

    def __init__(self, function: Callable[..., Any]) -> None:
        self._function = function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call with the data objects behind records; the result as plain values."""
        return plain(self._function(*map(unwrap, args), **{k: unwrap(v) for k, v in kwargs.items()}))

    def __repr__(self) -> str:
        return "<function>"


@functools.cache
def _names(cls: type) -> frozenset[str]:
    """The names a record of ``cls`` shows: fields, computed values defined by baocao, listed methods."""
    names: set[str] = set()
    if issubclass(cls, BaseModel):
        names |= set(cls.model_fields) | set(cls.model_computed_fields)
    elif dataclasses.is_dataclass(cls):
        names |= {f.name for f in dataclasses.fields(cls)}
    for klass in cls.__mro__:
        if not klass.__module__.startswith("baocao."):
            continue
        for name, member in vars(klass).items():
            if not name.startswith("_") and isinstance(member, (property, functools.cached_property)):
                names.add(name)
    return frozenset(names)


PLAIN_TYPES = (str, int, float, Decimal, dt.date, type(None), Function, Markup)


def plain(value: Any) -> Any:
    """``value`` as a template may see it; anything without a plain form is refused."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PLAIN_TYPES):
        return value
    if isinstance(value, Record):
        return value
    if isinstance(value, BaseModel) or (dataclasses.is_dataclass(value) and not isinstance(value, type)):
        return Record(value, _names(type(value)))
    if isinstance(value, Mapping):
        return Record(value, frozenset(k for k in value if isinstance(k, str)))
    if isinstance(value, (list, tuple, set, frozenset, Iterator)):
        return tuple(plain(item) for item in value)
    raise TemplateLimit(f"a template cannot use a value of type {type(value).__name__}")


def unwrap(value: Any) -> Any:
    """The data objects behind records, for baocao's own functions and filters."""
    if isinstance(value, Record):
        return value._origin
    if isinstance(value, tuple) and any(isinstance(item, Record) for item in value):
        return [unwrap(item) for item in value]
    return value


def filter_function(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter of baocao's own, taking records as the data objects they show."""

    @functools.wraps(function)
    def wrapper(value: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            result = function(unwrap(value), *map(unwrap, args), **{k: unwrap(v) for k, v in kwargs.items()})
        except (ArithmeticError, TypeError, ValueError, AttributeError, KeyError) as exc:
            shown = repr(value) if isinstance(value, (str, int, Decimal)) else type(value).__name__
            raise jinja2.TemplateRuntimeError(
                f"the filter '{function.__name__}' cannot take {shown[:60]} ({type(exc).__name__})"
            ) from None
        return plain(result)

    return wrapper


class _Generator(CodeGenerator):
    """Compiled code that checks: ``a ~ b`` joined within the size limit, every loop through a checkpoint."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        wrapped = isinstance(node.iter, nodes.Call) and isinstance(node.iter.node, nodes.EnvironmentAttribute)
        if not wrapped:
            checked = nodes.EnvironmentAttribute("checked_iter", lineno=node.iter.lineno)
            node.iter = nodes.Call(checked, [node.iter], [], None, None, lineno=node.iter.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        markup = "True" if frame.eval_ctx.autoescape else "False"
        if frame.eval_ctx.volatile:
            markup = "context.eval_ctx.autoescape"
        self.write(f"environment.join_checked({markup}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class TemplateEnvironment(SandboxedEnvironment):
    """The sandbox with baocao's allowlist: only documented names are reachable."""

    code_generator_class = _Generator
    intercepted_binops = frozenset({"*", "**", "+", "%"})
    max_output = 32 * 1024 * 1024

    def __init__(self, *args: Any, max_output: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_output = max_output
        self.globals.clear()
        self.globals.update(range=safe_range, namespace=Namespace, cycler=Cycler, joiner=Joiner, dict=dict)
        builtin = self.filters
        self.filters = {name: builtin[name] for name in SAFE_BUILTIN_FILTERS}
        self.filters.update(join=self._join, replace=self._replace)

    # --- what a template can read ------------------------------------------
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Only what :func:`_allowed` lists (used by Jinja's own helpers)."""
        return _allowed(obj, attr)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``obj.attribute`` in a template: a record's value, a documented name, or undefined."""
        if isinstance(obj, Record):
            return obj[attribute] if attribute in obj else self.undefined(obj=obj, name=attribute)
        if isinstance(obj, (TemplateReference, dict)) and not (isinstance(obj, dict) and attribute in DICT_METHODS):
            return self.getitem(obj, attribute)
        if not _allowed(obj, attribute):
            return (
                self.unsafe_undefined(obj, attribute)
                if hasattr(obj, attribute)
                else self.undefined(obj=obj, name=attribute)
            )
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            return self.undefined(obj=obj, name=attribute)
        if isinstance(obj, TemplateView) and callable(value):
            return Function(value)
        return plain(value) if isinstance(obj, TemplateView) else value

    def getitem(self, obj: Any, argument: Any) -> Any:
        """``obj[argument]``: a record's or mapping's value, an item of a sequence, or undefined."""
        if isinstance(obj, (Record, dict)) or (isinstance(obj, TemplateReference) and isinstance(argument, str)):
            try:
                return obj[argument]
            except (KeyError, TypeError):
                return self.undefined(obj=obj, name=argument)
        if isinstance(obj, (tuple, list, str, range)) and isinstance(argument, (int, slice)):
            try:
                return obj[argument]
            except IndexError:
                return self.undefined(obj=obj, name=str(argument))
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        return self.undefined(obj=obj, name=str(argument))

    # --- sizes ---------------------------------------------------------------
    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**``, ``+``, ``%`` with their results' sizes checked first where they could explode."""
        if operator == "*":
            _check_repeat(left, right, self.max_output)
            _check_repeat(right, left, self.max_output)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_INT_BITS:
                raise TemplateLimit(f"{left} ** {right} is too large")
        elif operator == "%" and isinstance(left, str):
            raise TemplateLimit("'%' formatting of text is not available in templates")
        result = self.binop_table[operator](left, right)
        if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
            raise TemplateLimit("a number is too large")
        return self._sized(result)

    @staticmethod
    def checked_iter(iterable: Any) -> Iterator[Any]:
        """The items of a loop, with a checkpoint every 64 of them."""
        for index, item in enumerate(iterable):
            if not index & 63:
                checkpoint()
            yield item

    def join_checked(self, markup: bool, parts: tuple[Any, ...]) -> str:
        """``a ~ b``: the parts joined, within the output limit."""
        joined: str = self._sized(markup_join(parts) if markup else str_join(parts))
        return joined

    def concat(self, parts: Any) -> str:
        """Output and macro bodies: joined while within the output limit."""
        kept: list[str] = []
        size = 0
        try:
            for part in parts:
                size += len(part)
                if not len(kept) & 1023:
                    checkpoint()
                if size > self.max_output:
                    raise TemplateLimit(_too_long(self.max_output))
                kept.append(part)
        except TemplateLimit as exc:
            exc.place = _suspended_place(parts)  # type: ignore[attr-defined]
            raise
        return "".join(kept)

    @jinja2.pass_eval_context
    def _join(self, eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
        """The ``join`` filter, its result's size checked before it is built."""
        items = list(value)
        if attribute is not None:
            items = [jinja2.filters.make_attrgetter(self, attribute)(item) for item in items]
        size = sum(len(str(item)) for item in items) + len(d) * len(items)
        if size > self.max_output:
            raise TemplateLimit(_too_long(self.max_output))
        joined: str = jinja2.filters.do_join(eval_ctx, items, d)
        return joined

    @jinja2.pass_eval_context
    def _replace(self, eval_ctx: Any, s: str, old: str, new: str, count: int | None = None) -> str:
        """The ``replace`` filter, its result's size checked before it is built."""
        found = str(s).count(str(old)) if old else len(str(s)) + 1
        if len(str(s)) + found * max(len(str(new)) - len(str(old)), 0) > self.max_output:
            raise TemplateLimit(_too_long(self.max_output))
        return jinja2.filters.do_replace(eval_ctx, s, old, new, count)

    def _sized(self, value: Any) -> Any:
        if isinstance(value, (str, tuple, list)) and len(value) > self.max_output:
            raise TemplateLimit(_too_long(self.max_output))
        return value


def _suspended_place(parts: Any) -> tuple[str, int] | None:
    """Template name and line where a suspended render function stands (its debug info maps the line)."""
    frame = getattr(parts, "gi_frame", None)
    if frame is None or not isinstance(frame.f_globals.get("name"), str):
        return None
    pairs = [pair.split("=") for pair in str(frame.f_globals.get("debug_info", "")).split("&") if "=" in pair]
    line = next((int(t) for t, c in reversed(pairs) if int(c) <= frame.f_lineno), 1)
    return frame.f_globals["name"], line


def _too_long(limit: int) -> str:
    return f"the output would exceed {limit // (1024 * 1024)} MiB (BAOCAO_TEMPLATE_MAX_MB)"


def _check_repeat(sequence: Any, times: Any, limit: int) -> None:
    if isinstance(sequence, (str, tuple, list)) and isinstance(times, int) and not isinstance(times, bool):
        cap = limit if isinstance(sequence, str) else MAX_RANGE
        if len(sequence) * times > cap:
            raise TemplateLimit(_too_long(limit) if isinstance(sequence, str) else "a list would be too long")


class TemplateView:
    """Base of the object passed as ``view``: the names in its ``TEMPLATE_API`` are the only way in."""

    TEMPLATE_API: ClassVar[frozenset[str]] = frozenset()


def _allowed(obj: Any, attr: str) -> bool:
    """The allowlist of attributes, by the type of the object."""
    if attr.startswith("_"):
        return False
    if isinstance(obj, TemplateView):
        return attr in obj.TEMPLATE_API
    if isinstance(obj, LoopContext):
        return attr in LOOP_ATTRIBUTES
    if isinstance(obj, str):
        return attr in STR_METHODS
    if isinstance(obj, Namespace):
        return True
    if isinstance(obj, Cycler):
        return attr in {"next", "reset", "current"}
    if isinstance(obj, jinja2.environment.TemplateModule):
        return attr in vars(obj)
    if isinstance(obj, BlockReference):
        return attr == "super"
    if isinstance(obj, dict):
        return attr in DICT_METHODS
    if isinstance(obj, dt.date):
        return attr in {"year", "month", "day"}
    return False
