"""Hypothesis strategies for hostile text, shared by tests/test_properties.py and
bench/fuzz.py: fragments that the rules react to (names, exonyms, calqued articles, glued
words, look-alike letters, controls, bidi characters, boilerplate lines) mixed with arbitrary
Unicode, joined in any order."""
from hypothesis import strategies as st

FRAGMENTS = [
    "Kiev", "Kyiv", "Odessa", "Constantinople", "Bombay", "Zelenski", "Zelensky", "Zelenski-Zelenski",
    "Witkof", "Witkoff", "Whitkov", "Steve", "Keith Kellogg", "Erdogan", "Erdoğan", "THE ", "OR ",
    "OneTrump", "ConstantinopleOdessa", "two -day", " -", "Mr.", "Dr.", "U.S.", "St.", "; ",
    "Pаris", "а", "Москва", "τον Πούτιν", "α", "cafÃ©", "donâ€™t", "\ufffd", "\u200b", "\u00ad",
    "\u202e", "\u2066", "\u2069", "\u061c", "\x00", "\x07", "\x19", "\x85", "\u00a0", "\t", "\r",
    "\r\n", "\n", "\n\n", " ", ", ", ". ", "! ", "? ", "\"", "“", "”", "‘", "’", "'", "(", ")",
    "The post ", " appeared first on ", "Example News", "You may also like", "Share this:",
    "Advertisement", "Related articles", "Subscribe to our newsletter", "© 2024 Example",
    "The Kremlin", "the", "said", "officials", "in", "and", "talks", "ended", "Monday", "-",
    "—", "…", "ΟΙ ", "Ο ", "Η ", "https://example.com", "#", "*", "`", "\ufeff", "\u0558",
    "\U00031350", "\U0001f600", "\u0301", "e\u0301", "ß", "İ", "ǅ", "\u2028", "\u05e9\u05dc",
]

fragment = st.sampled_from(FRAGMENTS) | st.text(max_size=6)
texts = st.lists(fragment, max_size=40).map("".join)
