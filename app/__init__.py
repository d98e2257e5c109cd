"""Bangfu Ledger domain layer: plain Python, never Qt (DESIGN.md §3)."""

__version__ = "0.1.0"
APP_NAME = "BangfuLedger"
