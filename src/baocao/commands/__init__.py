"""What each command does, without click or rich: one module a command, each a few calls to the stages below.

``files`` reads the files a command is given through the pipeline (load -> model -> checks);
``build``, ``validate``, ``diff``, ``rollup``, ``new``, ``next``, ``upgrade`` and ``schema`` go on
from it. The command line (:mod:`baocao.cli`) parses options, calls one of these, and prints.
"""
