"""Corpus mode: cross-document evidence, determinism, merge/save/load."""
import json
import pickle
import random

import pytest
from click.testing import CliRunner

from quality import Auditor, Config, Document, Entry, Gazetteer
from quality.cli import cli as main
from quality.corpus import CorpusStats
from quality.readers import read_documents
from tests.helpers import SEEDS


def seed_docs():
    return list(read_documents([str(SEEDS)]))


def no_gazetteer(**kw):
    return Auditor(Config(builtin_gazetteer=False, **kw), Gazetteer())


def flagged(reports, codes=("NM11", "PL11")):
    return sorted((r.document.path.rsplit("/", 1)[-1][:3], f.code, f.text, f.suggestion)
                  for r in reports for f in r.findings if f.code in codes)


def test_consensus_finds_variants_without_any_gazetteer():
    got = flagged(no_gazetteer().audit_corpus(seed_docs()))
    assert ("001", "NM11", "Whitkov", "Witkoff") in got
    assert ("001", "NM11", "Kloge", "Kellogg") in got
    assert ("001", "NM11", "Whitker", "Whitaker") in got
    assert ("001", "PL11", "Epirus", "European") in got
    # two spellings equally attested (Zelensky, Zelenskiy): flagged, but no single fix
    assert ("001", "NM11", "Zelenski", None) in got
    assert len(got) == 5


def test_evidence_is_in_the_message():
    reports = no_gazetteer().audit_corpus(seed_docs())
    msgs = [f.message for r in reports for f in r.findings if f.text == "Whitkov"]
    assert "Witkoff in 4 documents, Whitkov in 1" in msgs[0]


def test_corpus_mode_off_or_single_document_is_silent():
    assert flagged(no_gazetteer(corpus=False).audit_corpus(seed_docs())) == []
    assert flagged(no_gazetteer().audit_corpus(seed_docs()[1:2])) == []


def test_well_attested_similar_names_are_not_merged():
    docs = [Document(t, f"d{i}") for i, t in enumerate([
        "Secretary of State Marco Rubio met Alexander Fomin in Istanbul on Friday.",
        "Marco Rubio and Deputy Minister Alexander Fomin spoke in Istanbul.",
        "Economist Robert Rubin and Anna Fomina attended the Istanbul meeting.",
        "Robert Rubin said Anna Fomina had left Istanbul on Friday.",
        "Rubio, Rubin, Fomin and Fomina were all in Istanbul, officials said.",
    ])]
    assert flagged(no_gazetteer().audit_corpus(docs)) == []


def test_same_output_whatever_the_order_and_number_of_workers():
    docs = seed_docs()
    base = {r.document.path: r.to_dict() for r in Auditor().audit_corpus(docs)}
    for seed in (1, 2):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        again = {r.document.path: r.to_dict() for r in Auditor().audit_corpus(shuffled)}
        assert json.dumps(again, sort_keys=True) == json.dumps(base, sort_keys=True)


def test_cli_json_identical_for_shuffled_paths_and_jobs():
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    shuffled = files[:]
    random.Random(5).shuffle(shuffled)
    run = lambda *a: CliRunner().invoke(main, ["lint", "--format", "json", *a]).stdout  # noqa: E731
    assert run(*files) == run(*shuffled) == run("-j", "2", *shuffled)


def test_stats_merge_and_round_trip_equal_one_pass():
    docs = seed_docs()
    whole = CorpusStats().add_all(docs)
    left = CorpusStats().add_all(docs[:2])
    right = CorpusStats().add_all(docs[2:])
    merged = left.merge(right)
    assert merged.to_json() == whole.to_json()
    loaded = CorpusStats.from_json(whole.to_json())
    a = no_gazetteer().audit_corpus(docs, stats=loaded)
    b = no_gazetteer().audit_corpus(docs)
    assert flagged(a) == flagged(b)


def test_audit_corpus_streams_both_passes_from_a_factory():
    calls = []

    def source():
        calls.append(1)
        return iter(seed_docs())

    reports = list(no_gazetteer().audit_corpus(source))
    assert len(reports) == 5 and len(calls) == 2


def test_gazetteer_learn_writes_a_loadable_tsv(tmp_path):
    out = tmp_path / "learned.tsv"
    result = CliRunner().invoke(main, ["gazetteer", "learn", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Steve Witkoff\tperson\t\tWhitkov\t\tWitkoff: 4 documents; Whitkov: 1 document" in text
    gaz = Gazetteer.load([out], builtin=False)
    assert gaz.wrong_form("Kloge").name == "Keith Kellogg"


STORIES = [
    "Parliament passed the budget on Tuesday after a long debate over defence spending.",
    "Floods forced thousands from their homes in the river valley, officials said on Monday.",
    "The central bank held interest rates steady, citing slowing inflation in the spring.",
    "A new vaccine trial began in three hospitals, the health ministry announced.",
]
FOOTER = "Tap here to get our morning briefing in your inbox every day"


def test_recurring_lines_across_stories_are_learned_boilerplate():
    docs = [Document(f"{s}\n\n{FOOTER}\n", f"d{i}") for i, s in enumerate(STORIES)]
    reports = list(no_gazetteer(select=("BP11",)).audit_corpus(docs))
    assert all([(f.code, f.text, f.suggestion) for f in r.findings] == [("BP11", FOOTER, "")]
               for r in reports)
    assert "4 documents of 4 different stories" in reports[0].findings[0].message


@pytest.mark.parametrize("line,boilerplate", [
    # a topic heading naming a dated event, repeated above different days' stories
    ("2031 Lakeland floods", False),
    ("Economic impact of the 2031 Lakeland floods", False),
    # furniture, even with a year in it
    ("Tap here for our 2031 Lakeland floods live blog every morning", True),
    ("Read more about the 2031 Lakeland floods here.", True),
    ("Sign up for our weekly newsletter on the 2031 Lakeland floods and more", True),
])
def test_event_headings_are_not_learned_boilerplate(line, boilerplate):
    docs = [Document(f"{line}\n\n{s}\n", f"d{i}") for i, s in enumerate(STORIES)]
    reports = list(no_gazetteer(select=("BP11",)).audit_corpus(docs))
    assert all(bool(r.findings) == boilerplate for r in reports)


def test_lines_shared_by_versions_of_one_story_are_not_boilerplate():
    title = "Rubio and Lavrov meet in Riyadh for Ukraine talks"
    body = ("Marco Rubio met Sergei Lavrov and Yuri Ushakov in Riyadh with Steve Witkoff and "
            "Mike Waltz, and Kirill Dmitriev joined the talks on Ukraine.")
    docs = [Document(f"{title}\n\n{body} Version {i}.", f"v{i}") for i in range(4)]
    reports = no_gazetteer(select=("BP11",)).audit_corpus(docs)
    assert all(r.findings == () for r in reports)


def test_consensus_place_spelling_uses_the_gazetteer_kind():
    gaz = Gazetteer([Entry("Kekertsuatsiak", "place")])
    auditor = Auditor(Config(select=("PL12", "NM11"), builtin_gazetteer=False), gaz)
    # Versions of one story (the same people and places): only versions may overrule a
    # spelling this loosely like the canonical one.
    right = [f"Iceberg photo {i}: Kira Petersen took it on Kekertsuatsiak near Ilulissat in "
             "Greenland last summer." for i in range(5)]
    wrong = ("Iceberg photo 5: Kira Petersen photographed it on Kekerattsusiak near Ilulissat "
             "in Greenland last summer.")
    docs = [Document(t, f"v{i}") for i, t in enumerate(right + [wrong])]
    got = [(f.code, f.text, f.suggestion) for r in auditor.audit_corpus(docs) for f in r.findings]
    assert got == [("PL12", "Kekerattsusiak", "Kekertsuatsiak")]
    assert all(r.findings == () for r in auditor.audit_corpus(docs[:5]))
    # the same spelling quoted as a name given as written
    quoted = wrong.replace("on Kekerattsusiak", 'on the islet "Kekerattsusiak"')
    docs[-1] = Document(quoted, "v5")
    assert all(r.findings == () for r in auditor.audit_corpus(docs))


def test_parallel_first_pass_equals_the_sequential_one():
    from quality.parallel import gather_parallel

    docs = seed_docs()
    docs = docs + docs[:2] + [Document("A short one.", id="x"), Document("Another.", id="y")]
    one = CorpusStats().add_all(docs)
    two = gather_parallel(docs, jobs=2, batch=2)
    assert two.to_json() == one.to_json()


def test_tables_built_in_two_processes_equal_those_built_in_one():
    import pytest
    from quality.parallel import prepare_parallel

    docs = seed_docs()
    # each seed twice (versions of one story: the story tables have something to hold)
    docs = docs + [Document(d.text.replace("said", "stated"), path=f"{d.path}-v") for d in docs]
    stats = CorpusStats().add_all(docs)
    one, two = stats.finalize().prepare(), prepare_parallel(stats.finalize())
    for name in one.SHARED_TABLES:
        assert pickle.dumps(getattr(two, name)) == pickle.dumps(getattr(one, name)), name
    auditor = no_gazetteer()
    assert [auditor.audit(d, two).to_dict() for d in docs] == \
        [auditor.audit(d, one).to_dict() for d in docs]
    with pytest.raises(ValueError, match="not a shared table"):
        stats.finalize().prepare({"stats": None})


def _consensus(texts):
    docs = [Document(t, f"d{i}") for i, t in enumerate(texts)]
    return flagged(no_gazetteer(select=("NM11", "PL12")).audit_corpus(docs), ("NM11", "PL12"))


def test_consensus_needs_the_same_thing_not_a_look_alike():
    # Carolingian is built on no misspelling of Carolina; Columbian is derived from Columbia;
    # Westbury is a compound of West: none is a rare spelling of them.
    texts = [f"Report {i}: rain fell across North Carolina and Columbia on the West Coast."
             for i in range(4)]
    texts.append("The Carolingian abbey near Westbury held a Columbian map, the curator said.")
    assert _consensus(texts) == []


def test_consensus_needs_a_shared_context():
    # Jourdain appears in an unrelated document: another name, not a misspelling of Jordan.
    texts = [f"Story {i}: Amman welcomed aid for refugees crossing from Jordan, Ayman Safadi said."
             for i in range(4)]
    texts.append("The painter Jourdain exhibited in Lyon and Grenoble before the war.")
    texts.append("Later, Jourdain's students opened a studio in Lyon near Grenoble.")
    assert _consensus(texts) == []


def test_consensus_fires_on_versions_of_one_story():
    texts = [f"Version {i}: Ayman Safadi met Marco Rubio in Amman to discuss aid for Gaza."
             for i in range(4)]
    texts.append("Version 4: Ayman Safady met Marco Rubio in Amman to discuss aid for Gaza.")
    assert _consensus(texts) == [("d4", "NM11", "Safady", "Safadi")]


def test_a_document_that_writes_both_spellings_tells_them_apart():
    texts = [f"Story {i}: Emperor Tenmu founded the shrine near Nara, the chronicle says."
             for i in range(4)]
    texts.append("Emperor Tenji ruled before Emperor Tenmu. Tenji moved the court from Nara; "
                 "Tenji died in 672.")
    assert _consensus(texts) == []


def test_records_spilled_to_disk_give_the_same_statistics(monkeypatch):
    from quality.corpus import _Records
    docs = seed_docs()
    whole = CorpusStats().add_all(docs)
    monkeypatch.setattr(_Records, "SPILL_BYTES", 1000)  # every record goes to the file
    spilled = CorpusStats().add_all(docs)
    assert spilled._records._file is not None
    assert spilled.to_json() == whole.to_json()
    assert pickle.loads(pickle.dumps(spilled)).to_json() == whole.to_json()
    a = no_gazetteer().audit_corpus(docs, stats=spilled)
    assert [r.to_dict() for r in a] == [r.to_dict() for r in no_gazetteer().audit_corpus(docs)]


def test_statistics_keep_no_strings_per_document():
    stats = CorpusStats().add_all(seed_docs())
    assert not hasattr(stats, "profiles") and stats.documents == 5
    rec = next(stats.records())
    assert all(isinstance(h, int) for h in rec.names + rec.bigram_ctx + rec.lines)


def test_statistics_from_another_version_are_refused():
    import pytest
    for bad in ('{"format": 1, "documents": 0}', "not json", "[]"):
        with pytest.raises(ValueError, match="not a quality corpus-statistics file"):
            CorpusStats.from_json(bad)
    good = json.loads(CorpusStats().add_all(seed_docs()).to_json())
    for damage in ({"records": "%%%"}, {"records": "AAAA"}, {"form_given": 5}):
        with pytest.raises(ValueError, match="damaged"):
            CorpusStats.from_json(json.dumps({**good, **damage}))


def test_a_prepared_view_travels_without_the_records():
    docs = seed_docs()
    view = CorpusStats().add_all(docs).finalize().prepare()
    light = pickle.loads(pickle.dumps(view))
    assert list(light.stats.records()) == []
    auditor = no_gazetteer()
    assert [auditor.audit(d, light).to_dict() for d in docs] == \
        [auditor.audit(d, view).to_dict() for d in docs]


SITE_BODIES = [
    "Mayor Alice Brandt of Leeds approved the Kirkstall budget with Councillor Omar Haddad.",
    "Floods closed the Severn road near Worcester, and Inspector Tom Rigby asked drivers to wait.",
    "The Ashmolean museum in Oxford reopened with maps lent by Professor Ines Carvalho of Porto.",
    "A bakery run by Yusuf Demir on Mill Street in Bradford sold out before nine in the morning.",
]


def test_lines_recurring_on_one_site_are_its_boilerplate(tmp_path):
    # Records of one site (the `url` field) share a short standing line (too short for BP11).
    lines = [json.dumps({"id": i, "url": f"https://www.example.com/news/{i}",
                         "text": f"{body}\nTips and corrections welcome\n"})
             for i, body in enumerate(SITE_BODIES)]
    (tmp_path / "pages.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(read_documents([str(tmp_path / "pages.jsonl")]))
    assert {d.site for d in docs} == {f"https://www.example.com/news/{i}" for i in range(4)}
    reports = list(no_gazetteer(select=("BP",)).audit_corpus(docs))
    got = [[(f.code, f.text, f.suggestion) for f in r.findings] for r in reports]
    assert got == [[("BP16", "Tips and corrections welcome", "")]] * 4
    assert "4 of 4 documents of example.com" in reports[0].findings[0].message


def test_site_lines_need_the_same_site_and_more_than_one_story(tmp_path):
    # The same line on four different sites is no site's boilerplate (too short for BP11).
    docs = [Document(f"{b}\nTips and corrections welcome\n", "p.jsonl", str(i),
                     site=f"https://site{i}.example/") for i, b in enumerate(SITE_BODIES)]
    assert all(r.findings == () for r in no_gazetteer(select=("BP16",)).audit_corpus(docs))
    # Versions of one story on one site share their title: not boilerplate.
    title = "Rubio and Lavrov meet in Riyadh for Ukraine talks"
    body = ("Marco Rubio met Sergei Lavrov and Yuri Ushakov in Riyadh with Steve Witkoff and "
            "Mike Waltz, and Kirill Dmitriev joined the talks on Ukraine.")
    docs = [Document(f"{title}\n\n{body} Version {i}.", "v.jsonl", str(i), site="example.com")
            for i in range(4)]
    assert all(r.findings == () for r in no_gazetteer(select=("BP16",)).audit_corpus(docs))


OTHER_BODIES = [
    "The Kirkstall bridge in Leeds will close for repairs in May, the council said on Monday.",
    "Severn Trent said the Worcester treatment works would be upgraded over the next two years.",
    "Oxford's Pitt Rivers museum is to return a carved canoe to Porto's maritime collection.",
    "Bradford's Mill Street market will open on Sundays from June, traders were told this week.",
    "A Leeds choir won the regional final in Harrogate with a programme of Welsh hymns.",
    "Worcester cathedral's bells will ring again after a restoration paid for by local donors.",
]


@pytest.mark.parametrize("header,expected", [
    # Pages of one site share their header (masthead and menu): that header tells the site
    # when neither a record field nor a folder does, and the site's standing line is found.
    # The masthead itself is that site's boilerplate too.
    ("The Harbour Gazette\nNews, Views and More\nSince 1887\n",
     [("BP16", "The Harbour Gazette\nNews, Views and More"),
      ("BP16", "Tips and corrections welcome")]),
    # A title and a standfirst are no header: no site, no evidence.
    ("Example News reports on the budget\nA long day in the council chamber.\n", []),
    # Short lines between blank lines are a writer's headings, not a page's header.
    ("Armed conflicts and attacks\n\nMiddle Eastern crisis\n\nLaw and crime\n\n", []),
])
def test_pages_sharing_a_header_are_one_site(header, expected):
    docs = [Document(f"{header}{b}\nTips and corrections welcome\n", None, str(i))
            for i, b in enumerate(SITE_BODIES)]
    docs += [Document(f"Other Paper\nNews {i}\n{b}\nTips and corrections welcome\n", None,
                      f"o{i}") for i, b in enumerate(OTHER_BODIES)]
    reports = list(no_gazetteer(select=("BP16",)).audit_corpus(docs))
    for r in reports[:4]:
        assert [(f.code, f.text) for f in r.findings] == expected
    if expected:
        assert ("pages headed 'the harbour gazette / news, views and more / since 0000'"
                in reports[0].findings[1].message)


def test_versions_of_one_story_under_one_header_are_not_its_site_lines():
    body = SITE_BODIES[0]
    docs = [Document(f"The Harbour Gazette\nNews, Views and More\nSince 1887\n"
                     f"Leeds approves the Kirkstall budget\n{body} Update {i}.\n"
                     "Tips and corrections welcome\n", None, str(i)) for i in range(4)]
    assert all(r.findings == () for r in no_gazetteer(select=("BP16",)).audit_corpus(docs))


def test_site_line_counts_merge_and_round_trip():
    docs = [Document(f"{b}\nTips and corrections welcome\n", "p.jsonl", str(i),
                     site="example.com") for i, b in enumerate(SITE_BODIES)]
    whole = CorpusStats().add_all(docs)
    parts = CorpusStats().add_all(docs[:2]).merge(CorpusStats().add_all(docs[2:]))
    assert parts.site_lines.to_dict() == whole.site_lines.to_dict()
    back = CorpusStats.from_json(whole.to_json())
    assert back.site_lines.count("example.com", "Tips and corrections welcome")[:2] == (4, 4)


def test_spilled_records_can_be_read_by_two_readers_at_once(monkeypatch):
    from quality.corpus import _Records
    monkeypatch.setattr(_Records, "SPILL_BYTES", 1000)
    stats = CorpusStats().add_all(seed_docs())
    a, b = stats.records(), stats.records()
    pairs = list(zip(a, b))  # interleaved reads of the one file
    assert len(pairs) == 5 and all(x == y for x, y in pairs)


def test_short_sentences_recurring_on_one_site_are_speech(tmp_path):
    # Transcripts in one folder all close with "Thank you very much.": speech, not furniture.
    docs = [Document(f"{b}\nThank you very much.\n(Applause)\n", str(tmp_path / f"{i}.txt"))
            for i, b in enumerate(SITE_BODIES)]
    assert all(r.findings == () for r in no_gazetteer(select=("BP",)).audit_corpus(docs))


def _versions(texts, select=("NM12",)):
    docs = [Document(t, f"d{i}") for i, t in enumerate(texts)]
    reports = no_gazetteer(select=select).audit_corpus(docs)
    return [(r.document.path, f.code, f.text, f.suggestion) for r in reports for f in r.findings]


ZELENSKY = "President {} Zelensky met envoy Steve Witkoff in Riyadh and Jeddah on Monday, aides said."


@pytest.mark.parametrize("texts,expected", [
    # a first name the other versions write another way before the same surname
    ([ZELENSKY.format("Volodymyr")] * 3 + [ZELENSKY.format("Volodimir")],
     [("d3", "NM12", "Volodimir", "Volodymyr")]),
    # one other version is not enough
    ([ZELENSKY.format("Volodymyr"), ZELENSKY.replace("{} ", ""), ZELENSKY.replace("{} ", ""),
      ZELENSKY.format("Volodimir")], []),
    # a document that writes both spellings tells two names apart
    ([ZELENSKY.format("Volodymyr")] * 3
     + [ZELENSKY.format("Volodimir") + " Volodymyr Zelensky's aide agreed."], []),
    # the other spelling somewhere else in the story: no shared place, no finding
    (["Markov met envoy Steve Witkoff in Riyadh and Jeddah on Monday, aides said."] * 3
     + ["Envoy Steve Witkoff met Markova in Riyadh and Jeddah on Monday, aides said."], []),
])
def test_versions_of_one_story_name_one_person_one_way(texts, expected):
    assert _versions(texts) == expected


def test_version_name_gives_the_count():
    texts = [ZELENSKY.format("Volodymyr")] * 3 + [ZELENSKY.format("Volodimir")]
    docs = [Document(t, f"d{i}") for i, t in enumerate(texts)]
    (f,) = [f for r in no_gazetteer(select=("NM12",)).audit_corpus(docs) for f in r.findings]
    assert "3 of the 3 other versions write 'Volodymyr' here (both precede 'Zelensky')" in f.message


@pytest.mark.parametrize("last,expected", [
    ("", [("d3", "Sudanese", "Syrian")]),
    # the document names the word's base: the writer means that place
    (" Aid agencies in Sudan were not consulted.", []),
])
def test_version_substitution_is_quiet_when_the_base_is_named(last, expected):
    story = ("Envoy Kwabena Oduro met Tamsin Kerridge in Valletta on Friday to discuss the {} "
             "civil war, aides of Oduro and Kerridge said after the Valletta talks.")
    docs = [Document(story.format("Syrian"), f"d{i}") for i in range(3)]
    docs.append(Document(story.format("Sudanese") + last, "d3"))
    reports = no_gazetteer().audit_corpus(docs)
    assert [(r.document.path, f.text, f.suggestion) for r in reports for f in r.findings
            if f.code == "PL11"] == expected


def test_a_digest_naming_hundreds_does_not_join_unrelated_stories():
    # Two stories, three versions each; two days' digest pages name the people of both among
    # many others. Each digest shares three names and more with every version, but it is no
    # version of either, and it must not make the two stories one.
    rubio = ("Marco Rubio met Sergei Lavrov and Yuri Ushakov in Riyadh, with Steve Witkoff and "
             "Mike Waltz beside him, version {}.")
    storm = ("Storm Boris flooded Nysa and Klodzko; Donald Tusk and Karel Havlicek toured "
             "Opava with Pavel Blazek, version {}.")
    others = " ".join(f"Person{chr(65 + i)}{chr(97 + j)}x met Envoy{chr(65 + j)}{chr(97 + i)}z."
                      for i in range(10) for j in range(6))
    digest = ("Day {}: Marco Rubio, Sergei Lavrov and Yuri Ushakov in Riyadh; Donald Tusk, "
              "Karel Havlicek and Pavel Blazek in Opava. " + others)
    docs = ([Document(rubio.format(i), id=f"r{i}") for i in range(3)]
            + [Document(storm.format(i), id=f"s{i}") for i in range(3)]
            + [Document(digest.format(i), id=f"d{i}") for i in range(2)])
    view = CorpusStats().add_all(docs).finalize()
    stories = sorted(sorted(k.split("\x1f")[-1] for k in m) for m in view.story_members.values())
    assert stories == [["d0", "d1"], ["r0", "r1", "r2"], ["s0", "s1", "s2"]]


def test_topic_neighbours_each_like_the_next_do_not_chain_into_one_story():
    # Four articles on one topic, each naming three of the next one's people: every
    # neighbouring pair passes the test for versions, but the first and the third share no
    # one. Versions of one story are like the story as a whole, not only like one member.
    names = [f"Vel{chr(97 + i)}orskin" for i in range(15)]
    docs = [Document("Talks at the ministry were attended by " + ", ".join(names[3 * d:3 * d + 6])
                     + f" on day {d}.", id=f"n{d}") for d in range(4)]
    view = CorpusStats().add_all(docs).finalize()
    stories = sorted(sorted(k.split("\x1f")[-1] for k in m) for m in view.story_members.values())
    assert stories == [["n0", "n1"], ["n2", "n3"]]
    # the most alike pairs join first, ties in key order: the input order changes nothing
    view = CorpusStats().add_all(docs[::-1]).finalize()
    assert sorted(sorted(k.split("\x1f")[-1] for k in m)
                  for m in view.story_members.values()) == stories
    # versions that all share their names stay one story
    same = [Document("Talks at the ministry were attended by " + ", ".join(names[:6])
                     + f" on day {d}.", id=f"v{d}") for d in range(4)]
    view = CorpusStats().add_all(same).finalize()
    assert [len(m) for m in view.story_members.values()] == [4]
