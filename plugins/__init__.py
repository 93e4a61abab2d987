"""Praktikviden Pelican plugins; each feature is a subpackage loaded via PLUGINS."""
