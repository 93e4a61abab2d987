"""Praktikviden's command line for editors: check, new, serve and build."""
