"""Bangfu Ledger's Qt widgets; every write goes through `app/` (DESIGN.md §3)."""
