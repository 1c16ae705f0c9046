"""The input family: documents that could not be read at all."""
from __future__ import annotations

from .base import rule


@rule("IN01", "unreadable-input", "input", "error",
      "A file or record that could not be read or decoded (the rest of the run goes on).",
      "(a file saved as Windows-1252) caf\\xe9 au lait",
      "(the same file saved as UTF-8) café au lait")
def unreadable_input(rule, ctx):
    """Reported by the auditor for a document the readers could not produce: a missing or
    unreadable file, bytes that are not UTF-8, a malformed JSONL or CSV record. The message
    says what went wrong and where; nothing is ever written to the input. This check itself
    looks at no text."""
    return iter(())


RULES = (unreadable_input,)
