"""The built-in knowledge under quality/data/: well-formed, sorted, consistent."""
import pytest

from quality.data_files import DATA_DIR, lines
from quality.gazetteer import BUILTIN_FILES, Gazetteer, load_file
from quality.text import fold


def order(name: str) -> tuple[str, str]:
    """The build script's order: accent- and case-insensitive, ties by the exact string."""
    return fold(name), name


@pytest.fixture(scope="module")
def builtin():
    return Gazetteer.load(builtin=True)


@pytest.mark.parametrize("name", BUILTIN_FILES)
def test_builtin_files_load_and_have_no_duplicate_names(name):
    entries = load_file(DATA_DIR / name)
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    assert names == sorted(names, key=order)


def test_no_flagged_form_is_an_accepted_spelling(builtin):
    for e in builtin.entries:
        for form in e.wrong + e.deprecated:
            others = [x.name for x in builtin.lookup(form) if x.name != e.name]
            assert not builtin.is_accepted(form) or not others, (form, e.name, others)


def test_no_suggested_name_is_itself_flagged(builtin):
    flagged = set(builtin.wrong_forms) | set(builtin.deprecated_forms)
    for e in builtin.entries:
        if e.wrong or e.deprecated:
            assert e.name not in flagged, e.name


def test_house_styles_are_accepted(builtin):
    for form in ("Zelenskiy", "Zelenskyy", "Erdogan", "Erdoğan", "Turkiye", "Türkiye", "Kyiv"):
        assert builtin.is_accepted(form), form
    assert builtin.deprecated_form("Kiev").name == "Kyiv"
    assert builtin.deprecated_form("Constantinople").name == "Istanbul"


# Data files whose first non-comment row is a header naming the columns.
WITH_HEADER = {"exonyms.tsv", "language_names.tsv", "script_homoglyphs.tsv", "script_names.tsv",
               "romanisation.tsv", *BUILTIN_FILES}
# Rewrite rules applied in the order written (longest letter groups first): not sorted.
ORDERED = {"romanisation.tsv"}
LISTS = sorted(p.name for p in DATA_DIR.iterdir()
               if p.suffix in (".txt", ".tsv") and p.name not in BUILTIN_FILES)


@pytest.mark.parametrize("name", LISTS)
def test_phrase_lists_and_tables_are_sorted_without_duplicates(name):
    rows = list(lines(name))
    if name in WITH_HEADER:
        rows = rows[1:]
    keys = [r.split("\t")[0] for r in rows] if name.endswith(".tsv") else rows
    assert keys, name
    if name in ORDERED:
        assert len(rows) == len(set(rows)), f"{name} has duplicates"
        return
    assert keys in (sorted(keys), sorted(keys, key=order)), f"{name} is not sorted"
    if name != "boilerplate_lines.tsv":  # one phrase may match in several ways there
        assert len(keys) == len(set(keys)), f"{name} has duplicates"


def test_boilerplate_word_lists_are_sorted_lists_of_strings():
    from quality.data_files import toml

    for name, words in toml("boilerplate_words.toml").items():
        assert words and all(isinstance(w, str) and w for w in words), name
        assert words == sorted(set(words)), f"{name} is not sorted or has duplicates"


def test_page_classifier_thresholds_are_documented():
    from quality.rules.boilerplate.page import Params, params

    text = (DATA_DIR / "boilerplate_page.toml").read_text(encoding="utf-8").splitlines()
    assert params() == Params(**params().__dict__)
    for key in Params.__dataclass_fields__:
        i = next(n for n, l in enumerate(text) if l.startswith(f"{key} ="))
        assert text[i - 1].startswith("#") or text[i - 2].startswith("#"), key
