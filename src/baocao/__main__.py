"""python -m baocao."""

from baocao.cli.main import run

run()
