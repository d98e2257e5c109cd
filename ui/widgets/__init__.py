"""Building blocks shared by pages: the record list with its buttons, list editing."""
