"""The shape of the package, held by ``make lint``: layers that cannot be crossed, no import cycle, no private
name imported across modules, an import inside a function only with its reason, a short top level.

Imports are read from the source with ``ast``, those inside functions included, as import-linter reads
them. The layers, top to bottom: a module imports from its own package and from the layers below it, never
from a layer above it nor from another package of its own layer (those are independent of each other).
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "baocao"
LAYERS: list[set[str]] = [
    {"__main__"},  # python -m baocao
    {"cli", "api"},  # the command line, and baocao as a library
    {"commands"},  # what each command does: one module a command
    {"rollup", "diff", "upgrade"},  # the level above's data; two periods compared; the format by topic
    {"render", "write", "form"},  # Jinja and the section tree; markup, DOCX, PDF, schemas, atomic output; workbooks
    {"check"},  # the checks that span a report
    {"outline"},  # the đề cương: its model and regime, where one is found, the file `new` writes
    {"report"},  # a unit's report: header, sections, what a roll-up keeps; carried to the next period
    {"blocks"},  # one module per block type, and the registry
    {"model"},  # scalar types, periods, the reporting calendar
    {"load"},  # YAML read with positions; pydantic errors as findings
    {"core"},  # findings, messages, errors, Vietnamese words and numbers, YAML writing
]
TOP_LEVEL_MODULES = 12


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    found = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> list[tuple[str, list[str], int, bool]]:
    """(module imported, names taken from it, line, inside a function) of each import of the package.

    A name read from an imported module (``loader._walk`` after ``from baocao.load import source as
    loader``) counts as a name taken from it, so that a private name read that way is seen too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside |= {id(sub) for sub in ast.walk(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    bound: dict[str, str] = {}  # a local name bound to a module of the package: the module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno, id(node) in inside) for alias in node.names]
            bound |= {alias.asname: alias.name for alias in node.names if alias.asname}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append((full, [], node.lineno, id(node) in inside) if full in known else
                             (base, [alias.name], node.lineno, id(node) in inside))  # fmt: skip
                if full in known:
                    bound[alias.asname or alias.name] = full
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in bound:
            found.append((bound[node.value.id], [node.attr], node.lineno, False))
    return [(module, names, line, nested) for module, names, line, nested in found if module.startswith(PACKAGE)]


def graph() -> tuple[dict[str, set[str]], list[str]]:
    """The modules each module imports (the package's own face aside), and what is wrong in how it imports them."""
    known = modules()
    edges: dict[str, set[str]] = defaultdict(set)
    problems = []
    for name, path in known.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for target, names, line, nested in imports(name, path, set(known)):
            while target not in known:
                target = target.rpartition(".")[0]
            if target == name:
                continue
            edges[name].add(target)
            where = f"{path.relative_to(SRC)}:{line}"
            problems += [f"{where}: private name {target}.{n}" for n in names if n.startswith("_") and n[1:2] != "_"]
            if nested and not _says_why(lines, line):
                problems.append(f"{where}: an import inside a function says why (# …), or moves up")
    return edges, problems


def _says_why(lines: list[str], line: int) -> bool:
    """True when the import's line, or a comment line just above its group of imports, says why it is there."""
    at = line - 1
    while at > 0 and lines[at - 1].strip().startswith(("from ", "import ")) and "#" not in lines[at]:
        at -= 1
    return "#" in lines[at] or (at > 0 and lines[at - 1].strip().startswith("#"))


def layer(module: str) -> tuple[int, str]:
    """The layer of a module (its index from the top) and its package there; the package root is below all."""
    parts = module.split(".")
    if len(parts) == 1:
        return len(LAYERS), PACKAGE
    for index, packages in enumerate(LAYERS):
        if parts[1] in packages:
            return index, parts[1]
    raise AssertionError(f"{module}: a package no layer names: add it to LAYERS in {Path(__file__).name}")


def crossings(edges: dict[str, set[str]]) -> list[str]:
    """The imports of a layer above, or of another package of the same layer."""
    crossed = []
    for module, targets in sorted(edges.items()):
        here, mine = layer(module)
        for target in sorted(targets):
            there, theirs = layer(target)
            if there < here or (there == here and theirs != mine):
                crossed.append(f"{module} imports {target}")
    return crossed


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The sets of modules that import each other, directly or not (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in edges.get(module, ()):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(modules()):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_a_layer_above_it_or_a_package_of_its_own_layer():
    crossed = crossings(graph()[0])
    assert crossed == [], "\n".join(crossed)


def test_no_import_cycle_counting_imports_inside_functions():
    assert cycles(graph()[0]) == []


def test_no_private_name_across_modules_and_an_import_in_a_function_says_why():
    _, problems = graph()
    assert problems == [], "\n".join(problems)


def test_the_top_of_the_package_is_a_few_modules_and_its_packages():
    top = [path.name for path in (SRC / PACKAGE).glob("*.py")]
    assert len(top) <= TOP_LEVEL_MODULES, top
    packages = {path.name for path in (SRC / PACKAGE).iterdir() if (path / "__init__.py").is_file()}
    assert packages == set().union(*LAYERS) - {"api", "__main__"}


def test_the_checker_sees_what_it_must_refuse(tmp_path, monkeypatch):
    """Upward imports hidden in functions, private names and cycles, in a package made for the test."""
    files = {
        "__init__.py": "",
        "core/__init__.py": "def f():\n    from baocao.blocks import kinds  # needed late\n",
        "core/words.py": "from baocao.core import grammar as g\n\nX = g._rule\n",
        "core/grammar.py": "_rule = 1\n",
        "blocks/__init__.py": "from baocao.core import _hidden\nfrom baocao.blocks import kinds, one\n",
        "blocks/kinds.py": "from baocao.blocks import helpers\n",
        "blocks/helpers.py": "def g():\n    from baocao.blocks import kinds\n",
        "blocks/late.py": "def h():\n    from baocao.blocks import REGISTRY  # at call time\n",
        "blocks/one.py": "from baocao.blocks import late\n",
    }
    for name, text in files.items():
        path = tmp_path / PACKAGE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "SRC", tmp_path)
    edges, problems = graph()
    assert crossings(edges) == ["baocao.core imports baocao.blocks.kinds"]  # read inside a function
    assert any("private name baocao.core._hidden" in p for p in problems)
    assert any("core/words.py:3: private name baocao.core.grammar._rule" in p for p in problems)
    assert any("blocks/helpers.py:2: an import inside a function says why (# …)" in p for p in problems)
    assert sorted(cycles(edges)) == [
        ["baocao.blocks", "baocao.blocks.late", "baocao.blocks.one"],  # through the package's face, in a function
        ["baocao.blocks.helpers", "baocao.blocks.kinds"],
    ]


def test_each_command_of_the_program_is_a_module_of_commands():
    """``cli.main.run`` imports ``baocao.commands.<name>`` before it runs the command ``name``."""
    from baocao.cli.main import command_module, main

    assert {command_module(name) for name in main.commands} <= set(modules())
