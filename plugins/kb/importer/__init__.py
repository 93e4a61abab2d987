"""Minutes from PDF, Word and text files, and the text of a new minutes file."""
