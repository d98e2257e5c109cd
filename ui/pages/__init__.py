"""The six screens of DESIGN.md §6, one module each."""
