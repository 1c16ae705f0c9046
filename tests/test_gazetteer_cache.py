"""A large gazetteer's built tables kept in the cache folder (quality/gazetteer_cache.py)."""
import os

import pytest

from quality import Auditor, Document, Gazetteer
from quality import gazetteer_cache
from quality.gazetteer import TABLES

PEOPLE = ("name\tkind\twrong\n"
          "Steve Witkoff\tperson\tWhitkov\n"
          "Keith Kellogg\tperson\tKloge\n"
          "Marco Rubio\tperson\t\n"
          "Andriy Yermak\tperson\t\n")
TEXT = ("US envoy Steve Whitkov met Andriy Yermak in Geneva on Sunday. Keith Kloge joined the "
        "talks later, and Marco Rubio said the meeting went well.\n")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A cache folder of its own, and every gazetteer large enough to be cached."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("QUALITY_CACHE_DIR", str(folder))
    monkeypatch.setattr(gazetteer_cache, "MIN_BYTES", 0)
    return folder


def _gazetteer_file(tmp_path, text=PEOPLE):
    path = tmp_path / "people.tsv"
    path.write_text(text, encoding="utf-8")
    return path


def _findings(auditor):
    return [(f.code, f.start, f.end, f.suggestion) for f in auditor.audit(Document(TEXT)).findings]


def _cached_files(folder):
    return sorted(folder.glob("gazetteer-*.pickle")) if folder.is_dir() else []


def test_built_once_then_loaded_with_the_same_findings(cache, tmp_path):
    path = _gazetteer_file(tmp_path)
    first = Auditor(gazetteer=Gazetteer.load([path]))
    assert len(_cached_files(cache)) == 1
    expected = _findings(first)
    assert ("NM02", TEXT.index("Whitkov"), TEXT.index("Whitkov") + 7, "Witkoff") in expected

    again = Gazetteer.load([path])
    assert again.__dict__.get("_from_cache")  # loaded, not built
    assert set(TABLES) <= set(again.tables)   # the rules' tables came with it
    assert _findings(Auditor(gazetteer=again)) == expected
    assert [e.name for e in again.lookup("Witkoff")] == ["Steve Witkoff"]


def test_an_edited_gazetteer_is_built_again(cache, tmp_path):
    path = _gazetteer_file(tmp_path)
    Auditor(gazetteer=Gazetteer.load([path]))
    path.write_text(PEOPLE.replace("Kloge", "Kloger"), encoding="utf-8")
    edited = Gazetteer.load([path])
    assert not edited.__dict__.get("_from_cache")  # the old tables are never read for it
    assert edited.wrong_form("Kloger") and not edited.wrong_form("Kloge")
    Auditor(gazetteer=edited)
    assert len(_cached_files(cache)) == 2


def test_a_damaged_cache_file_is_ignored(cache, tmp_path):
    path = _gazetteer_file(tmp_path)
    expected = _findings(Auditor(gazetteer=Gazetteer.load([path])))
    (cached,) = _cached_files(cache)
    cached.write_bytes(b"not a pickle")
    gaz = Gazetteer.load([path])
    assert not gaz.__dict__.get("_from_cache")
    assert _findings(Auditor(gazetteer=gaz)) == expected


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("QUALITY_CACHE_DIR", str(blocker / "cache"))  # under a file
    monkeypatch.setattr(gazetteer_cache, "MIN_BYTES", 0)
    path = _gazetteer_file(tmp_path)
    auditor = Auditor(gazetteer=Gazetteer.load([path]))
    assert any(f.code == "NM02" for f in auditor.audit(Document(TEXT)).findings)


def test_small_gazetteers_and_entries_in_memory_are_not_cached(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("QUALITY_CACHE_DIR", str(folder))
    Auditor(gazetteer=Gazetteer.load([_gazetteer_file(tmp_path)]))  # under MIN_BYTES
    Auditor()  # the built-in gazetteer
    assert _cached_files(folder) == []
    monkeypatch.setattr(gazetteer_cache, "MIN_BYTES", 0)
    from quality import Entry
    Auditor(gazetteer=Gazetteer([Entry("Steve Witkoff", "person")]))
    assert _cached_files(folder) == []


def test_only_the_most_recently_used_files_are_kept(cache, tmp_path):
    for n in range(gazetteer_cache.KEEP + 2):
        path = _gazetteer_file(tmp_path, PEOPLE + f"Person Number{n}\tperson\t\n")
        Auditor(gazetteer=Gazetteer.load([path]))
    assert len(_cached_files(cache)) == gazetteer_cache.KEEP
    assert all(os.path.getsize(p) > 0 for p in _cached_files(cache))


def test_a_pickle_of_another_shape_is_ignored(cache, tmp_path):
    import pickle
    path = _gazetteer_file(tmp_path)
    expected = _findings(Auditor(gazetteer=Gazetteer.load([path])))
    (cached,) = _cached_files(cache)
    for foreign in ((1, 2, 3), ((), None, {}), "text"):
        cached.write_bytes(pickle.dumps(foreign))
        gaz = Gazetteer.load([path])
        assert not gaz.__dict__.get("_from_cache")
        assert _findings(Auditor(gazetteer=gaz)) == expected


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_a_cache_others_may_write_is_not_read(cache, tmp_path):
    path = _gazetteer_file(tmp_path)
    Auditor(gazetteer=Gazetteer.load([path]))
    (cached,) = _cached_files(cache)
    os.chmod(cache, 0o777)  # a shared folder: anyone could have put the file there
    assert not Gazetteer.load([path]).__dict__.get("_from_cache")
    os.chmod(cache, 0o700)
    os.chmod(cached, 0o666)
    assert not Gazetteer.load([path]).__dict__.get("_from_cache")
    os.chmod(cached, 0o600)
    assert Gazetteer.load([path]).__dict__.get("_from_cache")


def test_a_gazetteer_edited_after_loading_is_saved_as_its_new_bytes(cache, tmp_path):
    path = _gazetteer_file(tmp_path)
    gaz = Gazetteer.load([path])  # parsed now ...
    path.write_text(PEOPLE.replace("Kloge", "Kloger"), encoding="utf-8")  # ... edited after
    Auditor(gazetteer=gaz)  # builds and saves what the file holds when it is digested
    again = Gazetteer.load([path])
    assert again.__dict__.get("_from_cache")
    assert again.wrong_form("Kloger") and not again.wrong_form("Kloge")


def test_rules_that_read_no_names_build_no_cache(cache, tmp_path):
    from quality import Config
    from dataclasses import replace
    path = _gazetteer_file(tmp_path)
    config = replace(Config(), select=("RW",), gazetteer=(str(path),))
    Auditor(config)
    assert _cached_files(cache) == []
