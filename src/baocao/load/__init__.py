"""Reading a file: YAML with the place of every value (``source``), typed by a model into findings (``typed``)."""
