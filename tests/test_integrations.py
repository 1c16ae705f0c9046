"""Dataframe engines: quality.batch_audit (Hugging Face datasets), Ray Data, datatrove.

The Ray, datatrove and datasets tests skip when the package is not installed (`.ci/run`
installs the extras); each compares with the command line on the same records."""
import json

import pytest
from click.testing import CliRunner

import quality
from quality import Auditor, Config, CorpusStats
from quality.batch import batch_documents, batch_stats
from quality.cli import cli as main
from quality.readers import read_documents
from tests.helpers import SEEDS

EXTRA = [
    ("x1", "Parliament passed the budget on Tuesday after a long debate over defence spending.\n\n"
           "The Valley Courier has served readers along the river since 1887.\n"),
    ("x2", "Floods forced thousands from their homes in the river valley, officials said.\n\n"
           "The Valley Courier has served readers along the river since 1887.\n"),
    ("x3", "The central bank held interest rates steady, citing slowing inflation.\n\n"
           "The Valley Courier has served readers along the river since 1887.\n"),
    ("x4", "Специальный посланник прибыл в Киев. The envoy arrived in Kiev on Monday."),
]


def records():
    """(id, text) of the seeds plus a few short records (a recurring footer, mixed script)."""
    seeds = [(d.path.rsplit("/", 1)[-1], d.text) for d in read_documents([str(SEEDS)])]
    return seeds + EXTRA


def cli_results(tmp_path, *flags):
    """{id: (score, language, findings)} from `quality lint --format json` on a JSONL file."""
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
                            for i, t in records()), encoding="utf-8")
    out = CliRunner().invoke(main, ["lint", "--format", "json", *flags, str(path)]).stdout
    return {d["id"]: (d["score"], d["language"], d["findings"])
            for d in json.loads(out)["documents"]}


def rows_results(rows):
    return {r["id"]: (r["quality_score"], r["quality_language"], r["quality_findings"])
            for r in rows}


def batches(n):
    recs = records()
    for i in range(0, len(recs), n):
        part = recs[i:i + n]
        yield {"id": [r[0] for r in part], "text": [r[1] for r in part]}


# ---------------------------------------------------------------------- batch_audit
def test_batch_audit_equals_the_command_line(tmp_path):
    auditor = Auditor()
    stats = CorpusStats()
    for b in batches(3):
        stats.merge(batch_stats(b, id_column="id"))
    view = stats.finalize()
    rows = []
    for b in batches(3):
        out = quality.batch_audit(b, auditor, view, id_column="id")
        rows += [dict(zip(out, vals)) for vals in zip(*out.values())]
    assert rows_results(rows) == cli_results(tmp_path)
    plain = []
    for b in batches(4):
        out = quality.batch_audit(b, id_column="id")
        plain += [dict(zip(out, vals)) for vals in zip(*out.values())]
    assert rows_results(plain) == cli_results(tmp_path, "--no-corpus")


@pytest.mark.parametrize("value, error", [
    (None, "field 'text' is missing or null"),
    (7, "field 'text' is not a string"),
])
def test_batch_audit_reports_a_bad_row_and_goes_on(value, error):
    out = quality.batch_audit({"text": [value, "Talks resumed in Kiev."]})
    assert [f["code"] for f in out["quality_findings"][0]] == ["IN01"]
    assert out["quality_findings"][0][0]["message"] == error
    assert [f["code"] for f in out["quality_findings"][1]] == ["PL01"]


def test_batch_without_the_text_column_is_a_clear_error():
    with pytest.raises(KeyError, match="no column 'text'"):
        quality.batch_audit({"body": ["x"]})


def test_rows_without_ids_are_told_apart_by_their_text():
    docs = batch_documents({"text": ["one text here", "another text", "one text here"]})
    stats = CorpusStats().add_all(docs)
    assert stats.documents == 2  # the exact duplicate counts once


@pytest.mark.parametrize("cut", range(0, 10))
def test_merged_halves_equal_the_whole(cut):
    recs = records()
    whole = batch_stats({"id": [r[0] for r in recs], "text": [r[1] for r in recs]}, id_column="id")
    left = batch_stats({"id": [r[0] for r in recs[:cut]], "text": [r[1] for r in recs[:cut]]},
                       id_column="id")
    right = batch_stats({"id": [r[0] for r in recs[cut:]], "text": [r[1] for r in recs[cut:]]},
                        id_column="id")
    assert right.merge(left).to_json() == whole.to_json()
    assert CorpusStats.from_json(whole.to_json()).to_json() == whole.to_json()


def test_hugging_face_datasets_map(tmp_path):
    datasets = pytest.importorskip("datasets")
    recs = records()
    ds = datasets.Dataset.from_dict({"id": [r[0] for r in recs], "text": [r[1] for r in recs]})
    out = ds.map(quality.batch_audit, batched=True, batch_size=4,
                 fn_kwargs={"id_column": "id"}, load_from_cache_file=False)
    assert rows_results(out) == cli_results(tmp_path, "--no-corpus")


# ---------------------------------------------------------------------- Ray Data
@pytest.fixture(scope="module")
def ray_runtime():
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             configure_logging=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def test_ray_audit_dataset_equals_the_command_line(ray_runtime, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from quality.integrations.ray import audit_dataset

    recs = records()
    path = tmp_path / "records.parquet"
    pq.write_table(pa.table({"id": [r[0] for r in recs], "text": [r[1] for r in recs]}), path)
    ds = ray_runtime.data.read_parquet(str(path)).repartition(3)
    corpus = audit_dataset(ds, id_column="id", batch_size=2, concurrency=1).take_all()
    assert rows_results(corpus) == cli_results(tmp_path)
    alone = audit_dataset(ds, Config(corpus=False), id_column="id", concurrency=1).take_all()
    assert rows_results(alone) == cli_results(tmp_path, "--no-corpus")


# ---------------------------------------------------------------------- datatrove
def test_datatrove_pipeline_annotates_and_filters(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from quality.integrations.datatrove import QualityAnnotator, QualityFilter, QualityStats

    src = tmp_path / "in"
    src.mkdir()
    (src / "records.jsonl").write_text("".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in records()),
        encoding="utf-8")
    common = dict(tasks=1, workers=1, skip_completed=False)
    LocalPipelineExecutor(pipeline=[JsonlReader(str(src)), QualityStats(str(tmp_path / "stats"))],
                          logging_dir=str(tmp_path / "log1"), **common).run()
    LocalPipelineExecutor(pipeline=[
        JsonlReader(str(src)),
        QualityAnnotator(stats=str(tmp_path / "stats")),
        JsonlWriter(str(tmp_path / "all"), compression=None),
        QualityFilter(min_score=60, rules=("BP11",),
                      exclusion_writer=JsonlWriter(str(tmp_path / "dropped"), compression=None)),
        JsonlWriter(str(tmp_path / "kept"), compression=None),
    ], logging_dir=str(tmp_path / "log2"), **common).run()

    def read(folder):
        return [json.loads(line) for p in sorted((tmp_path / folder).glob("*.jsonl"))
                for line in p.read_text(encoding="utf-8").splitlines()]

    cli = cli_results(tmp_path)
    annotated = {d["id"]: (d["metadata"]["quality_score"], d["metadata"]["quality_language"],
                           d["metadata"]["quality_findings"]) for d in read("all")}
    assert annotated == cli
    dropped = {d["id"]: d["metadata"]["filter_reason"] for d in read("dropped")}
    kept = {d["id"] for d in read("kept")}
    assert kept | set(dropped) == set(cli) and not kept & set(dropped)
    for i, (score, _, findings) in cli.items():
        if score < 60:
            assert dropped[i] == "quality_score_below_60"
        elif any(f["code"] == "BP11" for f in findings):
            assert dropped[i] == "quality_rule_BP11"
        else:
            assert i in kept
    assert "quality_rule_BP11" in dropped.values()


def test_datatrove_filter_refuses_unknown_rules():
    pytest.importorskip("datatrove")
    from quality.integrations.datatrove import QualityFilter

    with pytest.raises(ValueError, match="unknown rule selector"):
        QualityFilter(rules=("XX99",))
