import pickle

import pytest

from quality import Auditor, Config, Document, Entry, Gazetteer, GazetteerError
from quality.gazetteer import load_file


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_txt_one_name_per_line_with_comments(tmp_path):
    p = write(tmp_path, "g.txt", "# people\nSteve Witkoff\n\nKeith Kellogg  # envoy\n")
    entries = load_file(p)
    assert [e.name for e in entries] == ["Steve Witkoff", "Keith Kellogg"]
    assert all(e.kind == "unknown" for e in entries)


def test_tsv_columns_and_lists(tmp_path):
    p = write(tmp_path, "g.tsv",
              "name\tkind\taliases\twrong\tdeprecated\n"
              "Volodymyr Zelensky\tperson\tVolodymyr Zelenskiy|Volodymyr Zelenskyy\tZelenskij\t\n"
              "Kyiv\tcity\t\t\tKiev\n")
    zel, kyiv = load_file(p)
    assert zel.aliases == ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy")
    assert zel.wrong == ("Zelenskij",)
    assert kyiv.deprecated == ("Kiev",) and kyiv.is_place


def test_csv_and_toml(tmp_path):
    c = write(tmp_path, "g.csv", 'name,kind,aliases\n"Erdoğan, Recep",person,Erdogan\n')
    assert load_file(c)[0].name == "Erdoğan, Recep"
    t = write(tmp_path, "g.toml",
              '[[entry]]\nname = "Mumbai"\nkind = "city"\ndeprecated = ["Bombay"]\nsince = 1995\n'
              'note = "renamed in 1995"\n')
    (e,) = load_file(t)
    assert e.deprecated == ("Bombay",) and e.since == 1995 and e.note == "renamed in 1995"


@pytest.mark.parametrize("name,text,message", [
    ("g.tsv", "kind\taliases\nperson\t\n", "g.tsv:1: header has no 'name' column"),
    ("g.tsv", "name\talias\nX\t\n", "g.tsv:1: unknown column 'alias'"),
    ("g.tsv", "name\tkind\n\tperson\n", "g.tsv:2: empty name"),
    ("g.tsv", "name\tkind\nX\tperson\textra\n", "g.tsv:2: 3 cells but the header has 2 columns"),
    ("g.csv", "name,since\nX,soon\n", "g.csv:2: 'since' must be a year"),
    ("g.toml", "[[entry]]\nname = \n", "g.toml: invalid TOML"),
    ("g.toml", "[[entry]]\nname = \"X\"\ncolour = 1\n", "g.toml: entry 1: unknown key 'colour'"),
    ("g.json", "{}", "g.json: unsupported gazetteer format"),
])
def test_malformed_files_name_file_line_and_problem(tmp_path, name, text, message):
    p = write(tmp_path, name, text)
    with pytest.raises(GazetteerError) as exc:
        Gazetteer.load([p], builtin=False)
    assert str(exc.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message.split(":", 1)[1].strip() in str(exc.value)


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(GazetteerError, match="no such gazetteer file"):
        Gazetteer.load([tmp_path / "nope.tsv"], builtin=False)
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Caf\xe9\n")
    with pytest.raises(GazetteerError, match="not UTF-8"):
        Gazetteer.load([p], builtin=False)


def people():
    return Gazetteer([
        Entry("Steve Witkoff", "person"),
        Entry("Keith Kellogg", "person"),
        Entry("Recep Tayyip Erdoğan", "person", aliases=("Recep Tayyip Erdogan",)),
        Entry("Kyiv", "city", deprecated=("Kiev",)),
        Entry("European Union", "org"),
    ])


def test_surname_alone_resolves_and_ascii_folding():
    g = people()
    assert [e.name for e in g.lookup("Witkoff")] == ["Steve Witkoff"]
    assert g.lookup("Erdogan") and g.lookup("ERDOĞAN") and g.lookup("Recep Tayyip Erdogan")
    assert g.is_name_token("Union") and g.is_name_token("Keith")
    assert g.deprecated_form("Kiev").name == "Kyiv"


def test_fuzzy_candidates_come_from_the_index():
    g = people()
    best = g.candidates("Whitkov")[0]
    assert best.form == "Witkoff" and best.same_skeleton
    assert g.candidates("Kloge", min_similarity=0.7)[0].form == "Kellogg"
    assert g.candidates("Zzyzx") == []


def test_pickles_cheaply_and_rebuilds():
    g = people()
    g2 = pickle.loads(pickle.dumps(g))
    assert g2.lookup("Witkoff")[0].name == "Steve Witkoff"


def test_builtin_sources_pickle_as_paths():
    g = Gazetteer.load(builtin=True)
    assert len(pickle.dumps(g)) < 2000  # file names, not entries


def test_large_gazetteer_index_builds_and_answers():
    entries = [Entry(f"Person{i:06d} Surname{i:06d}x", "person") for i in range(20000)]
    entries.append(Entry("Keith Kellogg", "person"))
    g = Gazetteer(entries)
    assert g.candidates("Kelloge")[0].form == "Kellogg"


def test_any_kind_loads_and_its_names_protect_the_forms_they_contain(tmp_path):
    p = write(tmp_path, "g.tsv", "name\tkind\nBombay Velvet\twork\nPeking duck\tdish\n"
                                 "Rio Carnival\tevent\nPixel Phone\tproduct\n")
    gaz = Gazetteer.load([p])
    assert {e.kind for e in gaz.entries if not e.builtin} == {"work", "dish", "event", "product"}
    auditor = Auditor(Config(select=("PL01",)), gaz)
    text = ("Anurag Kashyap's film Bombay Velvet opened in March; later we ate Peking duck "
            "in Bombay with friends.")
    got = [(f.code, f.text, f.start) for f in auditor.audit(Document(text)).findings]
    assert got == [("PL01", "Bombay", text.rindex("Bombay"))]


def test_a_users_accepted_spelling_overrules_the_builtin_deprecated_form(tmp_path):
    p = write(tmp_path, "g.tsv", "name\tkind\nConstantinople\tcity\n")
    gaz = Gazetteer.load([p])
    auditor = Auditor(Config(select=("PL01",)), gaz)
    text = "Ships sailed from Constantinople to Venice, and Kiev sent envoys."
    assert [f.text for f in auditor.audit(Document(text)).findings] == ["Kiev"]


def test_entries_equal_by_value_are_one_key():
    """Entries hash by name only (cheap; they key the name rules' memos): equal entries are
    one key, and entries that share a name but differ stay apart."""
    a = Entry("Steve Witkoff", "person", aliases=("Steven Witkoff",))
    b = Entry("Steve Witkoff", "person", aliases=("Steven Witkoff",), source="x.tsv")
    c = Entry("Steve Witkoff", "person")
    table = {a: 1}
    table[b] = 2
    table[c] = 3
    assert a == b and a != c
    assert table == {a: 2, c: 3}
