"""The build's files: which may be read, the cache between builds, scratch folders and the swap."""
