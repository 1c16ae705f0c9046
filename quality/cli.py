"""The command line: `quality lint`, `fix`, `filter`, `rules`, `explain`, `gazetteer learn`.

A thin layer of options over the library: options shared by the auditing commands are
declared once (AUDIT_OPTIONS); reading is readers.py, auditing audit.py and parallel.py,
every file written or rewritten goes through writers.py.

Exit status (CONTRACT.md): 0 clean, 1 something at or above the failing bar, 2 the run could not
be done (bad option, config or gazetteer) with a one-line message on standard error.
"""
from __future__ import annotations

import contextlib
import os
import sys
from typing import Optional
from dataclasses import replace

import click

from . import __version__
from .audit import Auditor, unknown_selectors
from .baseline import dumps as baseline_dumps, entries as baseline_entries
from .config import ConfigError, load as load_config
from .gazetteer import GazetteerError
from .fixes import safe_only
from .model import Severity
from .parallel import audit_stream
from .readers import document_source, is_compressed
from .reporters import REPORTERS
from .rules import ALL_RULES, by_code
from .terminal import Progress, RunSummary, colour_diff_line, use_colour
from .writers import atomic_output, rewrite, rewrite_records, splices_records, unified_diff


class UsageProblem(click.ClickException):
    exit_code = 2

    def show(self, file=None):
        click.echo(f"quality: error: {self.format_message()}", err=True)


def _split(values) -> tuple[str, ...]:
    out = []
    for v in values or ():
        out.extend(x for x in v.replace(",", " ").split() if x)
    return tuple(out)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quality")
def cli() -> None:
    """Audit text corpora for translation artifacts, boilerplate and misspelt names."""


def main(argv=None) -> None:
    """The console entry point: click's usage errors become one line on standard error
    (`quality: error: ...`, exit 2), as the output contract asks."""
    try:
        cli.main(args=argv, prog_name="quality", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        hint = f" (see `quality {exc.ctx.command_path.split(' ', 1)[1]} --help`)" \
            if exc.ctx is not None and " " in exc.ctx.command_path else " (see `quality --help`)"
        click.echo(f"quality: error: {exc.format_message()}{hint}", err=True)
        sys.exit(2)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("quality: aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)


def audit_options(command):
    """The options every auditing command (lint, fix, filter) takes, declared once: which rules,
    which gazetteer, which language, which config, which record fields, corpus mode; then
    --quiet. The command receives them as keyword arguments, takes `quiet` itself and hands
    the rest to `_setup`."""
    for option in reversed(AUDIT_OPTIONS + (QUIET_OPTION,)):
        command = option(command)
    return command


QUIET_OPTION = click.option(
    "-q", "--quiet", is_flag=True,
    help="Nothing on standard error but errors: no progress, notes or summary.")
JOBS_OPTION = click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1,
                           show_default=True, help="Worker processes.")
STATISTICS_OPTION = click.option(
    "--statistics", is_flag=True,
    help="After the summary, the number of findings per rule (standard error).")


AUDIT_OPTIONS = (
    click.option("--select", multiple=True, metavar="CODES",
                 help="Only these rules: codes, names, code prefixes or categories "
                      "(comma-separated)."),
    click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rules (same forms)."),
    click.option("--gazetteer", "gazetteers", multiple=True, metavar="FILE",
                 help="Extra gazetteer (.txt/.csv/.tsv/.toml); repeatable."),
    click.option("--no-builtin-gazetteer", is_flag=True, help="Start from an empty gazetteer."),
    click.option("--lang", default=None, metavar="CODE", help="Expected language [default: en]."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                 help="Config file (default: quality.toml or [tool.quality] in pyproject.toml)."),
    click.option("--text-field", default=None, help="Text field of .jsonl/.csv/.parquet records [text]."),
    click.option("--id-field", default=None, help="Id field of .jsonl/.csv/.parquet records [id]."),
    click.option("--stdin-filename", metavar="NAME", default=None,
                 help="Read standard input (-) as a file of this name: its format comes from "
                      "the name (x.jsonl.gz, notes.md) and findings are reported under it."),
    click.option("--no-corpus", is_flag=True,
                 help="Audit each document alone (no cross-document evidence)."),
    click.option("--baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
                 help="Report only findings this baseline (from --write-baseline) lacks."),
    click.option("--corpus-stats", type=click.Path(dir_okay=False), default=None,
                 metavar="FILE",
                 help="Corpus statistics from FILE (written by `quality corpus-stats`) "
                      "instead of from the files given: stable results in any batching."),
    click.option("--follow-symlinks", is_flag=True, default=None,
                 help="Read (and with fix --write, write) through symbolic links that lead out "
                      "of the folders given."),
)


def _setup(paths, *, select=(), ignore=(), gazetteers=(), no_builtin_gazetteer=False,
           lang=None, config_path=None, text_field=None, id_field=None, no_corpus=False,
           keep_records=False, baseline=None, write_baseline=None, follow_symlinks=None,
           stdin_filename=None, corpus_stats=None, **overrides):
    """The audit options (AUDIT_OPTIONS) and a command's own config `overrides` -> config
    (file, then flags), a validated rule selection, the Auditor and the document source
    (whose Documents carry their records with `keep_records`). A user error becomes exit 2
    with one line."""
    try:
        cfg = load_config(config_path)
        cfg = cfg.with_overrides(
            select=_split(select) or None, ignore=_split(ignore) or None, lang=lang,
            text_field=text_field, id_field=id_field, corpus=False if no_corpus else None,
            gazetteer=(cfg.gazetteer + tuple(gazetteers)) if gazetteers else None,
            builtin_gazetteer=False if no_builtin_gazetteer else None, baseline=baseline,
            follow_symlinks=follow_symlinks or None, **overrides)
        if write_baseline:  # record every finding: no older baseline hides any
            cfg = replace(cfg, baseline=None)
        bad = unknown_selectors(cfg.select + cfg.ignore + tuple(k for k, _ in cfg.severity)
                                + tuple(s for _, sel in cfg.per_path_ignores for s in sel)
                                + cfg.extend_safe_fixes + cfg.extend_unsafe_fixes)
        if bad:
            raise ConfigError(f"unknown rule selector {bad[0]!r} (see `quality rules`)")
        auditor = Auditor(cfg)
        if corpus_stats is not None:
            auditor.corpus_stats = _load_corpus_stats(corpus_stats)
        return cfg, auditor, _source(paths, cfg, keep_records, stdin_filename)
    except (ConfigError, GazetteerError) as exc:
        raise UsageProblem(str(exc)) from None


def _load_corpus_stats(path: str):
    from .corpus import CorpusStats
    from .readers import InputError, read_regular

    try:
        return CorpusStats.from_json(read_regular(path, limit=2**31).decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read corpus statistics ({exc.strerror or exc})") \
            from None
    except (InputError, UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise ConfigError(f"{path}: not a corpus-statistics file written by "
                          "`quality corpus-stats` (of this version)") from None


def _source(paths, cfg, keep_records=False, stdin_filename=None):
    return document_source(paths, cfg.extensions, cfg.text_field, cfg.id_field,
                           keep_records=keep_records, follow_symlinks=cfg.follow_symlinks,
                           stdin_name=stdin_filename)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(sorted(REPORTERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 [default: warning].")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when a document scores below this.")
@JOBS_OPTION
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", metavar="FILE",
              help="Write the report to FILE, replaced only when the run completes.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Record every finding in FILE (for --baseline) and exit 0.")
@STATISTICS_OPTION
@audit_options
def lint(paths, fmt, fail_on, min_score, jobs, output, write_baseline, statistics, quiet,
         **options) -> None:
    """Audit PATHS (files, folders, or - for standard input)."""
    cfg, auditor, source = _setup(paths, fail_on=fail_on, min_score=min_score,
                                  write_baseline=write_baseline, **options)
    _check_writable(output)
    if write_baseline:
        _check_writable(write_baseline)
    recorded = [] if write_baseline else None

    # Findings quote any script; a lone surrogate (from a record's id, say) is written as
    # its escape, which keeps JSON valid, rather than stopping the run.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
    bar = Severity.parse(cfg.fail_on)
    failed = False
    count = 0
    crashed = None
    summary = RunSummary()
    try:
        with atomic_output(output) as out:
            reporter = REPORTERS[fmt](out)
            reporter.colour = use_colour(out)
            reporter.start()
            try:
                for report in _audit(auditor, source, jobs, quiet, out):
                    summary.add(report)
                    count += 1
                    worst = report.worst()
                    if worst is not None and worst.rank >= bar.rank:
                        failed = True
                    if cfg.min_score is not None and report.score < cfg.min_score:
                        failed = True
                    reporter.document(report)
                    if recorded is not None:
                        recorded.extend(baseline_entries(report, write_baseline))
            except (BrokenPipeError, KeyboardInterrupt):
                raise
            except Exception as exc:  # a bug outside any one document: close the output
                crashed = exc
            reporter.finish()
        if count == 0:
            click.echo("quality: no documents found (folders are searched for "
                       f"{', '.join(cfg.extensions)} files, also .gz/.zst; .jsonl/.csv/.parquet "
                       "files named on the command line are read record by record)", err=True)
        _summarise(summary, quiet, statistics)
    except BrokenPipeError:  # `quality lint ... | head`
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1 if failed else 0)
    if crashed is not None:
        raise UsageProblem(f"internal error ({type(crashed).__name__}) after {count} "
                           "document(s); the report holds those documents")
    if recorded is not None:
        try:
            with atomic_output(write_baseline) as fh:
                fh.write(baseline_dumps(recorded))
        except OSError as exc:
            raise UsageProblem(f"{write_baseline}: cannot write baseline "
                               f"({exc.strerror or exc})") from None
        if not quiet:
            click.echo(f"quality: {len(recorded)} finding(s) recorded in {write_baseline}",
                       err=True)
        sys.exit(0)
    sys.exit(1 if failed else 0)


def _check_writable(path: str) -> None:
    """`-o FILE` must be creatable before the audit starts, not fail after it."""
    import os

    folder = os.path.dirname(os.path.abspath(path))
    if path != "-" and not (os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK)):
        raise UsageProblem(f"{path}: cannot write (no writable folder {folder})")


def _audit(auditor, source, jobs, quiet, output=None):
    """The Reports of the run, with a progress display on standard error when that is a
    terminal and `output` (where the report goes) is not a pipe (see terminal.Progress),
    unless `quiet`."""
    progress = Progress(sys.stderr, enabled=False if quiet else None, output=output)
    return progress.reports(audit_stream(auditor, progress.source(source), jobs))


def _summarise(summary: RunSummary, quiet: bool, statistics: bool, extra=()) -> None:
    """The closing summary on standard error (unless quiet), and the per-rule statistics
    when asked for."""
    lines = [] if quiet else [*extra, *summary.lines()]
    if statistics:
        lines += summary.statistics() or ["no findings"]
    for line in lines:
        click.echo(line, err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--write", is_flag=True,
              help="Rewrite the files in place (atomically; .jsonl/.csv record by record) "
                   "instead of printing a diff.")
@click.option("--unsafe-fixes", is_flag=True,
              help="Also apply unsafe fixes: deleted boilerplate, reworded phrases, evidence "
                   "from other documents, less certain findings.")
@audit_options
def fix(paths, write, unsafe_fixes, quiet, **options) -> None:
    """Apply the safe suggested fixes to PATHS: a unified diff on standard output, each hunk
    headed by the rule and evidence of its changes, or with --write the files rewritten in
    place (exit status 1 when a file was changed, as pre-commit expects). Record files (.jsonl,
    .csv) are rewritten record by record, keeping every other field and record byte for byte;
    Parquet and compressed files are never rewritten. `quality fix -` reads standard input and
    writes the fixed text to standard output."""
    if "-" in paths:
        if len(paths) > 1:
            raise UsageProblem("`-` (standard input) cannot be fixed together with other paths")
        _fix_stdin(unsafe_fixes, options)
        return
    # Every fix is applied, however many there are, and the fixed texts fixed again (with
    # the corpus statistics of the fixed texts) until nothing changes: one run reaches the
    # fixed point, and a second run changes nothing. The report of the first round names
    # the fixes in the diff.
    cfg, auditor, source = _setup(paths, max_findings=0, **options)
    unsafe_fixes = unsafe_fixes or cfg.unsafe_fixes
    choose = None if unsafe_fixes else safe_only
    fixed = auditor.fixed_texts(source, choose)
    roots = None if cfg.follow_symlinks else [os.path.realpath(p) for p in paths if p != "-"]
    changed = written = held_back = 0
    colour = use_colour(sys.stdout)
    records: Optional[tuple[str, list]] = None  # the record file being read: (path, changes)

    def flush() -> None:
        nonlocal written
        if records is not None and any(records[1]):
            problem = rewrite_records(records[0], cfg.text_field, records[1], roots)
            if problem:
                click.echo(f"quality: {records[0]}: not rewritten: {problem}", err=True)
            else:
                written += 1
                if not quiet:
                    click.echo(f"fixed {records[0]}", err=True)

    for index, report in enumerate(_audit(auditor, source, 1, quiet, sys.stdout)):
        doc = report.document
        record_file = write and doc.id is not None and splices_records(doc.path)
        if records is not None and (not record_file or records[0] != doc.path):
            flush()
            records = None
        if record_file and records is None:
            records = (doc.path, [])
        if doc.error is not None:
            click.echo(f"quality: {doc.path}: skipped: {doc.error}", err=True)
            if records is not None:
                records[1].append(None)
            continue
        chosen = report.findings if unsafe_fixes else safe_only(report.findings)
        held_back += sum(f.fix_safety == "unsafe" for f in report.findings) - \
            sum(f.fix_safety == "unsafe" for f in chosen)
        new = fixed.get(index, doc.text)
        if records is not None:
            records[1].append((doc.text, new) if new != doc.text else None)
        if new == doc.text:
            continue
        changed += 1
        where = doc.path if doc.id is None else f"{doc.path}#{doc.id}"
        if records is not None:
            continue
        if not write or doc.id is not None or is_compressed(doc.path):
            if write:
                click.echo(f"quality: {where}: Parquet and compressed files are not rewritten; "
                           "showing the diff", err=True)
            notes = [(f.start, f"{f.code} ({f.fix_safety}): {f.message}")
                     for f in chosen if f.suggestion is not None]
            diff = unified_diff(doc.text, new, where, notes)
            sys.stdout.writelines(map(colour_diff_line, diff) if colour else diff)
            continue
        problem = rewrite(doc.path, doc.text, new, roots)
        if problem:
            changed -= 1
            click.echo(f"quality: {doc.path}: not rewritten: {problem}", err=True)
        else:
            written += 1
            if not quiet:
                click.echo(f"fixed {doc.path}", err=True)
    flush()
    if not quiet:
        click.echo(f"{changed} document(s) {'fixed' if write else 'with fixes'}", err=True)
        if held_back:
            click.echo(f"{held_back} unsafe fix(es) not applied (--unsafe-fixes applies them)",
                       err=True)
    if written:  # as pre-commit expects of a hook that modifies files
        sys.exit(1)


def _fix_stdin(unsafe_fixes: bool, options: dict) -> None:
    """`quality fix -`: standard input to standard output, fixed; input that cannot be
    decoded passes through unchanged (exit status 1)."""
    from .model import Document
    from .readers import MARKDOWN_SUFFIXES, RECORD_SUFFIXES, decode, format_suffix

    name = options.get("stdin_filename") or "-"
    if format_suffix(name) in RECORD_SUFFIXES or is_compressed(name):
        raise UsageProblem(f"`quality fix -` reads plain text or Markdown, not {name}")
    markup = "markdown" if format_suffix(name) in MARKDOWN_SUFFIXES else None
    cfg, auditor, _ = _setup((), max_findings=0, **options)
    unsafe_fixes = unsafe_fixes or cfg.unsafe_fixes
    data = sys.stdin.buffer.read()
    text, err = decode(data)
    sys.stdout.flush()
    if err is not None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        click.echo(f"quality: -: not fixed: {err}", err=True)
        sys.exit(1)
    new = auditor.fixed(Document(text, name, markup=markup),
                        choose=None if unsafe_fixes else safe_only)
    sys.stdout.buffer.write(new.encode("utf-8", "surrogateescape"))
    sys.stdout.flush()


@cli.command("corpus-stats")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True, metavar="FILE",
              help="Where to write the statistics (JSON, replaced when complete).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
def corpus_stats(paths, output, config_path) -> None:
    """Write the corpus statistics of PATHS (what corpus mode gathers in its first pass) to
    FILE, for `lint --corpus-stats FILE`: a repository keeps the file, and a hook that sees a
    few changed files at a time still judges them against the whole corpus."""
    try:
        cfg = load_config(config_path)
        stats = Auditor(cfg).gather(_source(paths, cfg)())
    except (ConfigError, GazetteerError) as exc:
        raise UsageProblem(str(exc)) from None
    try:
        with atomic_output(output) as fh:
            fh.write(stats.to_json() + "\n")
    except OSError as exc:
        raise UsageProblem(f"{output}: cannot write ({exc.strerror or exc})") from None
    click.echo(f"quality: statistics of {stats.documents} document(s) written to {output}",
               err=True)


@cli.command("filter")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", required=True, metavar="OUT.jsonl",
              help="Where the kept records go (JSONL, written atomically; - for stdout).")
@click.option("--rejected", metavar="FILE",
              help="Where the dropped and malformed records go, each with its reason.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=None,
              help="Drop records scoring below this.")
@click.option("--drop-on", multiple=True, metavar="CODES",
              help="Drop records with a finding of these rules (codes, names, prefixes or "
                   "categories).")
@click.option("--no-findings", is_flag=True,
              help="Add only quality_score, not quality_findings.")
@JOBS_OPTION
@STATISTICS_OPTION
@audit_options
def filter_(paths, output, rejected, min_score, drop_on, no_findings, jobs, statistics, quiet,
            **options) -> None:
    """Stream the records of PATHS into OUT.jsonl with quality_score and quality_findings
    added, dropping those that score below --min-score or have a --drop-on finding; with
    --rejected, the dropped and malformed records go there with quality_reason. Outputs
    replace their files only when the run completes."""
    from .filtering import RecordFilter

    drop = _split(drop_on)
    bad = unknown_selectors(drop)
    if bad:
        raise UsageProblem(f"unknown rule selector {bad[0]!r} in --drop-on (see `quality rules`)")
    cfg, auditor, source = _setup(paths, min_score=min_score, keep_records=True, **options)
    if rejected is not None and rejected == output and output != "-":
        raise UsageProblem("--rejected must not be the --output file")
    step = RecordFilter(cfg.min_score, drop, findings=not no_findings)
    summary = RunSummary()

    def malformed(report):
        if quiet:
            return
        where = report.document.path if report.document.id is None \
            else f"{report.document.path}#{report.document.id}"
        click.echo(f"quality: {where}: malformed record: {report.document.error}", err=True)

    try:
        with atomic_output(output) as kept, \
                (atomic_output(rejected) if rejected else contextlib.nullcontext()) as dropped:
            reports = map(summary.add, _audit(auditor, source, jobs, quiet, kept))
            counts = step.run(reports, kept, dropped, malformed)
    except OSError as exc:
        raise UsageProblem(f"{exc.filename or output}: cannot write "
                           f"({exc.strerror or exc})") from None
    why = ", ".join(f"{n} {k}" for k, n in sorted(counts.dropped_by.items()))
    _summarise(summary, quiet, statistics, [
        f"kept {counts.kept} of {counts.documents} record(s); dropped {counts.dropped}"
        + (f" ({why})" if why else "") + f"; {counts.malformed} malformed"])


@cli.group()
def gazetteer() -> None:
    """Build gazetteer files from a corpus."""


@gazetteer.command("learn")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              show_default=True, help="Where to write the TSV gazetteer.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None)
def gazetteer_learn(paths, output, config_path) -> None:
    """Write the corpus's consensus name spellings as a TSV gazetteer: each canonical spelling
    with its equally attested alternatives (aliases) and rare variants (wrong), with counts."""
    from .corpus import CorpusStats, learned_gazetteer_rows
    from .lexicon import Lexicon

    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        raise UsageProblem(str(exc)) from None
    stats = CorpusStats().add_all(_source(paths, cfg)())
    if stats.documents < 2:
        click.echo(f"quality: {stats.documents} readable document(s): consensus names need "
                   "several documents", err=True)
    rows = learned_gazetteer_rows(stats.finalize(), Lexicon(cfg.lang))
    lines = ["name\tkind\taliases\twrong\tdeprecated\tnote"]
    lines += ["\t".join(r) for r in rows]
    text = "\n".join(lines) + "\n"
    try:
        with atomic_output(output) as fh:
            fh.write(text)
    except OSError as exc:
        raise UsageProblem(f"{output}: cannot write ({exc.strerror or exc})") from None
    if output != "-":
        click.echo(f"{len(rows)} name(s) written to {output}", err=True)


@cli.command()
def rules() -> None:
    """List every rule: code, name, category, severity and summary."""
    for r in ALL_RULES:
        click.echo(f"{r.code}  {r.name:<26} {r.category:<12} {r.severity.value:<8} {r.summary}")


@cli.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain one rule, with a bad and a good example."""
    r = by_code(code)
    if r is None:
        raise UsageProblem(f"unknown rule {code!r} (see `quality rules`)")
    click.echo(f"{r.code} {r.name} ({r.category}, {r.severity.value})\n\n{r.summary}\n")
    click.echo(f"Anti-pattern:\n    {r.bad}\n\nBest practice:\n    {r.good}")
    doc = (r.check.__doc__ or "").strip()
    if doc:
        click.echo("\n" + "\n".join(line.strip() for line in doc.splitlines()))


if __name__ == "__main__":  # pragma: no cover
    main()
