"""Editors' metadata: the field table, single values, YAML front matter and its one canonical form."""
