"""What the build makes from the model besides pages.

Registers, calendar feeds, the open-data export, the editor's configuration, search terms and
Danish formatting.
"""
