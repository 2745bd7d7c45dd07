"""The command line: the click program, the language it speaks, and how findings are printed."""
