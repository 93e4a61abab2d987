"""Editors' files read into the model: minutes, committees, reports, links, sanitised HTML, attachments."""
