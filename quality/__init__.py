"""quality: audit text corpora for translation artifacts, boilerplate and misspelt names.

    >>> import quality
    >>> report = quality.audit("Special envoy Steve Whitkov arrived in Kiev.")
    >>> [(f.code, f.text, f.suggestion) for f in report.findings]
"""
__version__ = "0.1.0"

from .model import Document, Finding, Report, Severity  # noqa: E402
from .config import Config, ConfigError  # noqa: E402
from .gazetteer import Entry, Gazetteer, GazetteerError  # noqa: E402
from .audit import Auditor, audit  # noqa: E402
from .fixes import apply_fixes  # noqa: E402
from .corpus import CorpusStats  # noqa: E402
from .batch import batch_audit  # noqa: E402

__all__ = [
    "Auditor", "Config", "ConfigError", "CorpusStats", "Document", "Entry", "Finding", "Gazetteer",
    "GazetteerError", "Report", "Severity", "apply_fixes", "audit", "batch_audit", "__version__",
]
