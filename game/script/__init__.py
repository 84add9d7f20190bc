"""Scene scripts: the YAML format, its loader and checks, and the pure scene runner."""
