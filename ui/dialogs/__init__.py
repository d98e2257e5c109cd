"""Dialogs: one file per form, plus the small `ask` functions tests replace."""
