"""The registry of block types, and the models it builds from them: a block entry, what a đề cương expects.

The model of one entry of ``content`` (:class:`Entry`: a line of text, or a mapping with one
key naming its type) and of one entry of a đề cương's ``expects`` are built from the
registered types, once per set of types, the first time a file needs them: a type
registered later (a test's sample type) is a key of both from then on.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Annotated, Any, Self

from pydantic import BaseModel, GetCoreSchemaHandler, create_model, model_validator
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from baocao.blocks.base import BlockType, BlockTypeError
from baocao.model.fields import DEFERRED, Model, field


def one_of(entry: BaseModel) -> str:
    """The one field an entry sets, naming its type; the one_block error when it sets none or several."""
    named = [name for name in type(entry).model_fields if getattr(entry, name) is not None]
    if len(named) != 1:
        raise PydanticCustomError("one_block", "one block per entry", {"found": ", ".join(named) or "—"})
    return named[0]


class Block(Model):
    """One entry of a section: text, or one typed block named by its key (a field per registered type)."""

    @model_validator(mode="after")
    def _one_type(self) -> Self:
        one_of(self)
        return self

    @cached_property
    def kind(self) -> str:
        """The block's type, its one key."""
        return one_of(self)

    @property
    def value(self) -> Any:
        """The block's content, typed by its type's model."""
        return getattr(self, self.kind)


class Expect(Model):
    """One expected entry of a đề cương's section, named by its block type (a field per type a đề cương may ask)."""

    @model_validator(mode="after")
    def _one_type(self) -> Self:
        one_of(self)
        return self

    @property
    def kind(self) -> str:
        """The block type expected."""
        return one_of(self)

    @property
    def item(self) -> Any:
        """What is expected: the type's model of an expected item."""
        return getattr(self, self.kind)


def _deferred(annotation: Any) -> Any:
    """A model validated by its own validator (see :class:`baocao.model.fields.Deferred`); lists of them too."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Annotated[annotation, DEFERRED]
    if typing.get_origin(annotation) is list:
        (inner,) = typing.get_args(annotation)
        return list[_deferred(inner)]  # type: ignore[misc]
    return annotation


def models_in(annotation: Any, seen: set[Any] | None = None) -> set[str]:
    """The names of the models and choices (enums) a type is made of, as its JSON Schema defines them."""
    seen = set() if seen is None else seen
    if annotation is None or annotation in seen or isinstance(annotation, (str, typing.ForwardRef)):
        return set()
    seen.add(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {annotation.__name__}
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        names = {annotation.__name__}
        for info in annotation.model_fields.values():
            names |= models_in(info.annotation, seen)
        return names
    names = set()
    for arg in typing.get_args(annotation):
        names |= models_in(arg, seen)
    return names


class Registry(Mapping[str, BlockType]):
    """The block types by name, in the order they are listed; it refuses a name registered twice."""

    def __init__(self, kinds: list[BlockType]) -> None:
        self._kinds: dict[str, BlockType] = {}
        self._built: dict[str, type[BaseModel]] = {}
        self._path_names: dict[str, tuple[str, str] | None] | None = None
        for kind in kinds:
            self.register(kind)

    def register(self, kind: BlockType) -> None:
        """Add a block type: from now on every stage handles it (``Sphinx.add_node`` refuses a name taken too)."""
        if not isinstance(kind, BlockType):
            raise BlockTypeError(f"{kind!r} is not a BlockType: declare it with baocao.blocks.base.declare")
        if kind.name in self._kinds:
            raise BlockTypeError(f"block type {kind.name!r} is registered already")
        named = {"Expected"}.union(*(other.definitions for other in self._kinds.values()), kind.definitions)
        unnamed = sorted((models_in(kind.model) | models_in(kind.expected)) - named)
        if unnamed:
            raise BlockTypeError(
                f"block type {kind.name!r}: the JSON Schema has no Vietnamese name for {', '.join(unnamed)}: "
                "add each to its 'definitions' (title, description)"
            )
        for part, said in kind.path_names.items():
            for other in self._kinds.values():
                if part in other.path_names and other.path_names[part] != said:
                    raise BlockTypeError(
                        f"block type {kind.name!r} names {part!r} in a diff otherwise than {other.name!r} does: "
                        "say it the same way, or give the field another name"
                    )
        self._kinds[kind.name] = kind
        self._built.clear()
        self._path_names = None

    def unregister(self, name: str) -> None:
        """Take a block type out again (a test's sample type, once its test is done)."""
        del self._kinds[name]
        self._built.clear()
        self._path_names = None

    def __getitem__(self, name: str) -> BlockType:
        return self._kinds[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def path_names(self) -> dict[str, tuple[str, str] | None]:
        """How diff names the fields of the registered types in a change's path (None: a list passed over)."""
        if self._path_names is None:
            self._path_names = {part: said for kind in self._kinds.values() for part, said in kind.path_names.items()}
        return self._path_names

    def keyless(self, name: str) -> bool:
        """True for a type a đề cương asks for without a key (free text): the section says whether it is there."""
        expected = self._kinds[name].expected
        return expected is not None and "key" not in expected.model_fields

    def entry_model(self) -> type[Block]:
        """The model of one entry of ``content``: a field per block type, of which an entry sets one."""
        built = self._built.get("Block")
        if built is None:
            fields: dict[str, Any] = {
                name: (_deferred(kind.model) | None, field(kind.title, kind.description, default=None))
                for name, kind in self._kinds.items()
            }
            built = create_model("Block", __base__=Block, __doc__=Block.__doc__, **fields)
            self._built["Block"] = built
        return typing.cast(type[Block], built)

    def expect_model(self) -> type[Expect]:
        """The model of one entry of a đề cương's ``expects``: a field per block type a đề cương may ask for."""
        built = self._built.get("Expect")
        if built is None:
            fields: dict[str, Any] = {
                name: (kind.expected | None, field(kind.title, default=None))
                for name, kind in self._kinds.items()
                if kind.expected is not None
            }
            built = create_model("Expect", __base__=Expect, __doc__=Expect.__doc__, **fields)
            self._built["Expect"] = built
        return typing.cast(type[Expect], built)


class Built:
    """A field typed by a model the registry builds: validated by it as it stands when a file is read.

    ``Annotated[Block, Built(REGISTRY.entry_model)]``: the model is asked for at each
    validation, so a type registered after the field's own model was built is taken too;
    errors keep their places, and the JSON Schema is the model's.
    """

    def __init__(self, model: typing.Callable[[], type[BaseModel]], before: typing.Callable[[Any], Any]) -> None:
        self.model = model
        self.before = before

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        def validate(data: Any) -> Any:
            return self.model().model_validate(self.before(data))

        def json_schema(_schema: Any, generate: Any) -> Any:
            return generate.generate_json_schema.generate_inner(self.model().__pydantic_core_schema__)

        return core_schema.no_info_plain_validator_function(
            validate, metadata={"pydantic_js_annotation_functions": [json_schema]}
        )
