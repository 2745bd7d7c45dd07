"""Hostile templates: none runs a command, reads a file outside its folder, passes the limits, or exits 3.

Each probe is a template a stranger could put in a shared templates folder. The
build must end with BC402 naming the template and its line (exit 1), write no
report, leave the marker file unmade and show nothing of the files outside.
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from baocao.cli.main import main

from .conftest import MINIMAL, write

SECRET = "bí-mật-ngoài-thư-mục"


class _Command:
    """Unpickling this runs a shell command that makes a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _pickle(marker: Path) -> str:
    return repr(pickle.dumps(_Command(marker), protocol=0).decode("ascii"))


PROBES: dict[str, str] = {
    "pickle through a model method": '{{ doc.parse_raw(PICKLE, content_type="application/pickle", allow_pickle=True) }}',  # noqa: E501
    "pickle through a nested model": "{{ doc.period.parse_raw(PICKLE, content_type='application/pickle', allow_pickle=True) }}",  # noqa: E501
    "json through a model method": '{{ doc.model_validate_json("{}") }}',
    "file through a model method": "{{ doc.parse_file(SECRET_PATH) }}",
    "model class": "{{ doc.__class__ }}",
    "model mro": "{{ doc.__class__.__mro__[1].__subclasses__() }}",
    "model dict": "{{ doc.__dict__ }}",
    "model dump": "{{ doc.model_dump() }}",
    "record of a list item": "{{ view.outline().sections[0].model_copy() }}",
    "view internals": "{{ view.report.document.parse_file(SECRET_PATH) }}",
    "view globals": "{{ view.outline.__globals__ }}",
    "view init": "{{ view.__init__.__globals__ }}",
    "view previous model": "{{ view.previous.parse_raw('{}') if view.previous else doc.parse_raw('{}') }}",
    "function internals": "{{ view.outline.__self__ }}",
    "cycler internals": "{{ cycler.__init__.__globals__ }}",
    "cycler instance": "{{ cycler(1, 2).__class__.__init__.__globals__ }}",
    "joiner internals": "{{ joiner().__call__.__globals__ }}",
    "namespace internals": "{{ namespace.__init__.__globals__ }}",
    "namespace instance": "{% set ns = namespace() %}{{ ns.__class__.__init__.__globals__ }}",
    "self internals": "{{ self._TemplateReference__context }}",
    "self class": "{{ self.__class__.__init__.__globals__ }}",
    "loop internals": "{% for i in [1] %}{{ loop.__class__.__init__.__globals__ }}{% endfor %}",
    "macro internals": '{% import "_macros.xml.j2" as m with context %}{{ m.topic.__globals__ }}',
    "module internals": '{% import "_macros.xml.j2" as m with context %}{{ m._body_stream }}',
    "attr filter": '{{ ""|attr("__class__") }}',
    "str format": '{{ "{0.__class__}".format(doc) }}',
    "percent format width": '{{ "%999999999d" % 1 }}',
    "dict subclasses": "{{ {}.__class__.__base__.__subclasses__() }}",
    "include absolute": '{% include "/etc/passwd" %}',
    "include parent": '{% include "../secret.txt" %}',
    "include link to a file outside": '{% include "_link.xml.j2" %}',
    "include through a folder link": '{% include "root/secret.txt" %}',
    "include a fifo": '{% include "_fifo.xml.j2" %}',
    "include through a link to /": '{% include "slash/etc/passwd" %}',
    "import through a link to /": '{% import "slash/etc/hostname" as h %}',
    "huge range": "{% for i in range(10**9) %}x{% endfor %}",
    "nested huge loops": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "nested loops in a macro": (
        "{% macro big() %}{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}"
        "{% endfor %}{% endmacro %}{{ big()|length }}"
    ),
    "string multiplication": '{{ ("x" * 10**9)|length }}',
    "string multiplication reversed": "{{ (10**9 * 'x')|length }}",
    "power": "{{ 9 ** (9 ** 9) }}",
    "doubling by concatenation": (
        '{% set ns = namespace(s="xy") %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}'
        "{{ ns.s|length }}"
    ),
    "doubling by plus": '{% set ns = namespace(s="xy") %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}',  # noqa: E501
    "replace blow-up": '{{ "abcdefgh"|replace("", "0123456789")|replace("", "0123456789")|replace("", "0123456789")'
    '|replace("", "0123456789")|replace("", "0123456789")|replace("", "0123456789")|replace("", "0123456789")|length }}',  # noqa: E501
    "join blow-up": '{% set s = "x" * 1000000 %}{{ range(100000)|map("string")|map("replace", "", s)|join|length }}',
    "recursive macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "recursive include": '{% include "probe.xml.j2" %}',
    "recursive extends": '{% extends "probe.xml.j2" %}',
    "division by zero": "<p>{{ 1 / 0 }}</p>",
    "text as a number": '<p>{{ "abc"|number }}</p>',
    "unknown topic": '<p>{{ view.text("nope") }}</p>',
    "unknown filter": "<p>{{ doc.subject|center(1000000000) }}</p>",
    "lipsum": "<p>{{ lipsum(100000) }}</p>",
    "markup: a cell spanning a billion columns": '<table widths="1,1"><tr><td span="999999999">x</td></tr></table>',
    "markup: widths that are not numbers": '<table widths="nan,1"><tr><td>x</td><td>y</td></tr></table>',
    "markup: widths of zero": '<table widths="0,0"><tr><td>x</td><td>y</td></tr></table>',
    "markup: a span that is not a number": '<table widths="1"><tr><td span="all">x</td></tr></table>',
    "markup: nesting past the parser's depth": "{% for i in range(3000) %}<annex>{% endfor %}",
}
LIMITED = {"nested huge loops", "nested loops in a macro", "doubling by concatenation"}


@pytest.fixture
def probe_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """A templates folder with links and a fifo pointing out of it, a secret beside it, a unit file."""
    monkeypatch.setenv("BAOCAO_TEMPLATE_SECONDS", "2")
    monkeypatch.setenv("BAOCAO_TEMPLATE_MAX_MB", "4")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    folder = tmp_path / "tpl"
    folder.mkdir()
    (folder / "_link.xml.j2").symlink_to(secret)
    (folder / "root").symlink_to(tmp_path)
    (folder / "slash").symlink_to("/")
    os.mkfifo(folder / "_fifo.xml.j2")
    source = write(tmp_path, MINIMAL.replace("kind: outline", "kind: probe"))
    return folder, source, secret


@pytest.mark.parametrize("name", sorted(PROBES))
def test_a_hostile_template_is_a_template_error_and_nothing_more(probe_env, tmp_path, name):
    folder, source, secret = probe_env
    marker = tmp_path / "marker"
    text = PROBES[name].replace("PICKLE", _pickle(marker)).replace("SECRET_PATH", repr(str(secret)))
    (folder / "probe.xml.j2").write_text(text, encoding="utf-8")
    target = tmp_path / "out.docx"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["build", str(source), "--templates", str(folder), "-o", str(target)])
    elapsed = time.monotonic() - started
    assert result.exit_code == 1, result.output
    assert "BC402" in result.output and ".xml.j2" in result.output, result.output
    assert "internal error" not in result.output
    assert not marker.exists(), "a command ran"
    assert SECRET not in result.output and "root:" not in result.output
    assert not target.exists()
    assert elapsed < (15 if name in LIMITED else 10)


def test_the_error_names_the_line_of_the_template_it_is_in(probe_env, tmp_path):
    folder, source, _ = probe_env
    (folder / "probe.xml.j2").write_text('{% import "_m.xml.j2" as m %}\n<p>a</p>\n{{ m.boom() }}\n', encoding="utf-8")
    (folder / "_m.xml.j2").write_text("{% macro boom() %}\n<p>\n{{ 1 // 0 }}</p>\n{% endmacro %}\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(source), "--templates", str(folder), "-o", str(tmp_path / "o.docx")]
    )
    assert result.exit_code == 1
    assert "_m.xml.j2, dòng 3" in result.output and "ZeroDivisionError" in result.output


def test_a_link_inside_the_folder_still_works(probe_env, tmp_path):
    folder, source, _ = probe_env
    (folder / "_part.xml.j2").write_text("<p>phần {{ doc.short_name }}</p>", encoding="utf-8")
    (folder / "_alias.xml.j2").symlink_to(folder / "_part.xml.j2")
    (folder / "probe.xml.j2").write_text('{% include "_alias.xml.j2" %}', encoding="utf-8")
    target = tmp_path / "o.docx"
    result = CliRunner().invoke(main, ["build", str(source), "--templates", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "phần UBND xã Tịnh Hà" in [p.text for p in docx.Document(str(target)).paragraphs]


def test_the_limits_can_be_raised(probe_env, tmp_path, monkeypatch):
    folder, source, _ = probe_env
    (folder / "probe.xml.j2").write_text('<p>{{ ("x" * 5000000)|length }}</p>', encoding="utf-8")
    args = ["build", str(source), "--templates", str(folder), "-o", str(tmp_path / "o.docx")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1 and "BAOCAO_TEMPLATE_MAX_MB" in result.output
    monkeypatch.setenv("BAOCAO_TEMPLATE_MAX_MB", "8")
    assert CliRunner().invoke(main, args).exit_code == 0


def test_a_bad_limit_is_a_usage_error(probe_env, tmp_path, monkeypatch):
    _, source, _ = probe_env
    monkeypatch.setenv("BAOCAO_TEMPLATE_SECONDS", "soon")
    result = CliRunner().invoke(main, ["build", str(source), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2 and "BAOCAO_TEMPLATE_SECONDS" in result.output


def test_what_the_vocabulary_documents_still_works(probe_env, tmp_path):
    folder, source, _ = probe_env
    (folder / "probe.xml.j2").write_text(
        "{% set ns = namespace(n=0) %}{% for s in view.outline().sections %}{% set ns.n = ns.n + 1 %}"
        "<p>{{ loop.index }}. {{ s.title|trim }} {{ doc.period.label }}</p>{% endfor %}"
        "<p>{{ ns.n }} {{ doc.signer.name|upper }} {{ doc.date.year }} {{ doc.recipients|join(', ') }}"
        " {{ doc.subject.startswith('tình') }} {{ 'x' * 3 }} {{ 2 ** 10 }} {{ period['year'] }}</p>",
        encoding="utf-8",
    )
    target = tmp_path / "o.docx"
    result = CliRunner().invoke(main, ["build", str(source), "--templates", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "2 NGUYỄN VĂN A 2024 UBND huyện True xxx 1024 2023" in texts


def test_limits_hold_in_worker_processes_of_a_batch(probe_env, tmp_path):
    folder, source, _ = probe_env
    (folder / "probe.xml.j2").write_text(PROBES["nested loops in a macro"], encoding="utf-8")
    units = tmp_path / "units"
    units.mkdir()
    for name in ("a", "b"):
        (units / f"{name}.yaml").write_bytes(source.read_bytes())
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["build", str(units), "--templates", str(folder), "-o", str(tmp_path / "out"), "-j", "2"]
    )
    assert result.exit_code == 1 and result.output.count("BC402") == 2, result.output
    assert "BAOCAO_TEMPLATE_SECONDS" in result.output and time.monotonic() - started < 20


def test_the_memory_limit_stops_a_template_that_piles_up_text(probe_env, tmp_path, monkeypatch):
    folder, source, _ = probe_env
    monkeypatch.setenv("BAOCAO_TEMPLATE_SECONDS", "120")  # memory, not time, must stop it
    (folder / "probe.xml.j2").write_text(PROBES["nested loops in a macro"], encoding="utf-8")
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["build", str(source), "--templates", str(folder), "-o", str(tmp_path / "o.docx")]
    )
    assert result.exit_code == 1 and "too much memory" in result.output, result.output
    assert time.monotonic() - started < 60
