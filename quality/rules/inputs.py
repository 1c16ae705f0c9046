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


@rule("IN02", "audit-failure", "input", "error",
      "A check failed on this document (a bug): its findings are missing; the run goes on.",
      "(a document on which one rule raised an exception)",
      "(the same document once the bug is fixed)")
def audit_failure(rule, ctx):
    """Reported by the auditor when a rule raises on a document: the other rules' findings
    are kept, the message names the rule and the kind of error (never the text), and the
    document scores 0 because it was not fully audited. Please report it."""
    return iter(())


@rule("IN03", "too-many-findings", "input", "info",
      "More findings than max-findings in one document: the rest are counted, not listed.",
      "(a document with 120,000 findings) ... and 119,000 more finding(s) not listed",
      "(max-findings = 0 lists every finding)")
def too_many_findings(rule, ctx):
    """Reported by the auditor when a document has more findings than `max-findings` (1,000
    by default; 0 for no limit): the most severe (then most confident, then first) are listed,
    this finding says how many more there are, and the score counts them all. One
    pathological document cannot flood the output."""
    return iter(())


@rule("IN04", "document-too-large", "input", "info",
      "A document longer than max-document-size, audited in windows of that size.",
      "(a 12 MB document) audited in 7 windows",
      "(max-document-size = 0 audits any document whole)")
def document_too_large(rule, ctx):
    """Reported by the auditor when a document is longer than `max-document-size`
    (2,000,000 characters by default; 0 for no limit): it is audited in consecutive windows
    of at most that size, cut at a blank line, line break or space, so its cost stays linear
    and bounded. Checks that read the whole document (a repeated title, its language) see
    one window at a time. Nothing is skipped."""
    return iter(())


RULES = (unreadable_input, audit_failure, too_many_findings, document_too_large)
