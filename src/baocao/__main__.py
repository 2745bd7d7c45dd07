"""python -m baocao."""

from baocao.cli import main

main()
