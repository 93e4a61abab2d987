"""Domain core of Praktikviden: model, field tables, parsing and validation (no Pelican imports)."""
