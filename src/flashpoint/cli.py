"""The ``flashpoint`` command line: a thin layer over the library.

Each command opens what it needs, calls the library, formats the result, and turns library
errors into :class:`click.ClickException`.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from . import __version__
from .coder import Coder, ModelNotInstalledError
from .config import Config
from .evaluate.common import EvalDataError
from .io import (
    UnsupportedFormatError,
    estimate_total,
    is_coded_jsonl,
    open_writer,
    read_coded,
    read_inputs,
)
from .io.writers import check_output_path
from .kb.lexicon import LexiconError
from .records import Actor, CodedArticle, Rejection
from .store import EventStore, RunCounts, StoreError, dumps_rows

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "flashpoint.duckdb"
SHOWN_REJECTIONS = 20
#: ``flashpoint eval`` subcommand -> module under ``flashpoint.evaluate``, and what it scores.
EVAL_TASKS: dict[str, tuple[str, str]] = {
    "petrarch": ("petrarch", "PETRARCH-2 validation records: CAMEO codes and dyads"),
    "plover": ("plover", "PLOVER gold records: event type and actor countries"),
    "conflibert-class": ("conflibert_class", "ConfliBERT CAMEO root-class sentences"),
    "conflibert-ner": ("conflibert_ner", "ConfliBERT source/target actor spans (CoNLL)"),
    "polnear": ("polnear", "PolNeAR attributions: quotes and their speakers"),
    "timeml": ("timeml", "TimeML TIMEX3 dates (MEANTIME): spans and values"),
    "event-location": ("event_location", "event-location records: the place of each event"),
}
_LIBRARY_ERRORS: tuple[type[Exception], ...] = (
    StoreError,
    ModelNotInstalledError,
    UnsupportedFormatError,
    LexiconError,
)


@contextmanager
def _library_errors() -> Iterator[None]:
    """Library errors carry a message for the user: show it without a traceback."""
    try:
        yield
    except _LIBRARY_ERRORS as exc:
        raise click.ClickException(str(exc)) from exc


def _stderr() -> Console:
    return Console(stderr=True)


# -- shared options ----------------------------------------------------------------------


def input_options(func: F) -> F:
    """--date and --max-bytes: how inputs are read."""
    func = click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=1_000_000,
        show_default=True,
        help="Reject an article whose text is longer than this many UTF-8 bytes.",
    )(func)
    func = click.option(
        "--date",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        default=None,
        help="Publication date (YYYY-MM-DD) for plain text without a date header "
        "and for records without a date.",
    )(func)
    return func


def actor_options(func: F) -> F:
    """--actors, --agents, --verbs and --replace-actors/--replace-verbs: user dictionaries."""
    func = click.option(
        "--replace-verbs",
        is_flag=True,
        help="Code events only with the given --verbs dictionaries, not the built-in lexicon.",
    )(func)
    func = click.option(
        "--verbs",
        "verb_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Verb dictionary (PETRARCH .verbs format); its entries win over the built-in "
        "ones for the verbs it names; repeat for several.",
    )(func)
    func = click.option(
        "--replace-actors",
        is_flag=True,
        help="Use only the given dictionaries instead of adding them to the built-in actors.",
    )(func)
    func = click.option(
        "--agents",
        "agent_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Agent dictionary (YAML or PETRARCH .agents format); repeat for several.",
    )(func)
    func = click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Actor dictionary (YAML or PETRARCH .actors format); repeat for several.",
    )(func)
    return func


def _config(**options: Any) -> Config:
    """A Config from command options (only those the command has)."""
    fields: dict[str, Any] = {}
    if options.get("actor_files"):
        fields["actor_files"] = tuple(options["actor_files"])
    if options.get("agent_files"):
        fields["agent_files"] = tuple(options["agent_files"])
    if options.get("replace_actors"):
        fields["replace_actors"] = True
    if options.get("verb_files"):
        fields["verb_files"] = tuple(options["verb_files"])
    if options.get("replace_verbs"):
        fields["replace_verbs"] = True
    if options.get("max_bytes"):
        fields["max_article_bytes"] = options["max_bytes"]
    if options.get("batch_size"):
        fields["batch_size"] = options["batch_size"]
    return Config(**fields)


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


# -- the group ---------------------------------------------------------------------------


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def main() -> None:
    """flashpoint: dated news articles in, political event data out.

    Codes who did what to whom, when and where (PLOVER and CAMEO), who said what, and
    which claims conflict, with the evidence span of every field.
    """


# -- code --------------------------------------------------------------------------------


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} articles/s" if speed else "-- articles/s", style="cyan")


@main.command("code")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write results here: .jsonl (one coded article a line), "
    ".csv or .parquet (one row per event).",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB store the articles, events, quotes, claims, rejects and run are added to.",
)
@input_options
@actor_options
@click.option(
    "--strict", is_flag=True, help="Exit with status 1 when any input record is rejected."
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=None,
    help="Articles per spaCy batch (default from the configuration, 16).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def code_command(
    inputs: tuple[str, ...],
    out: Path | None,
    db: str,
    date: dt.datetime | None,
    max_bytes: int,
    actor_files: tuple[Path, ...],
    agent_files: tuple[Path, ...],
    replace_actors: bool,
    verb_files: tuple[Path, ...],
    replace_verbs: bool,
    strict: bool,
    batch_size: int | None,
    quiet: bool,
) -> None:
    """Code articles into events, quotes and claims, and store them.

    INPUTS are files, folders (read recursively), glob patterns, or - for stdin:
    date-header text (first line 'date YYYY-MM-DD'), JSONL or CSV with id, date and text,
    or plain text with --date. Every record that cannot be coded is listed with the
    reason, and kept in the store's rejects table.
    """
    config = _config(
        actor_files=actor_files,
        agent_files=agent_files,
        replace_actors=replace_actors,
        verb_files=verb_files,
        replace_verbs=replace_verbs,
        max_bytes=max_bytes,
        batch_size=batch_size,
    )
    errors = _stderr()
    with _library_errors():
        if out is not None:
            check_output_path(out)
        coder = Coder(config)
        items = read_inputs(list(inputs), date=_day(date), max_bytes=max_bytes)
        show_progress = not quiet and errors.is_terminal
        total = estimate_total(inputs) if show_progress else None
        progress = Progress(
            TextColumn("coding"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=errors,
            disable=not show_progress,
            transient=True,
        )
        with EventStore(db) as store, open_writer(out) if out else nullcontext() as writer:
            with progress:
                task = progress.add_task("coding", total=total)
                result = store.ingest(
                    items,
                    coder.code_many,
                    config=config,
                    writer=writer,
                    on_item=lambda _item: progress.advance(task),
                )
    _print_summary(result.counts, out, db)
    _print_rejections(errors, result.rejections, result.counts.rejected)
    if strict and result.counts.rejected:
        errors.print(f"[red]{result.counts.rejected} record(s) rejected (--strict)[/red]")
        sys.exit(1)


def _print_summary(counts: RunCounts, out: Path | None, db: str) -> None:
    table = Table(title="flashpoint code", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("read", counts.read),
        ("coded", counts.coded),
        ("without events", counts.without_events),
        ("rejected", counts.rejected),
        ("events", counts.events),
        ("quotes", counts.quotes),
        ("claims", counts.claims),
        ("contradictions", counts.contradictions),
        ("already stored", counts.already_stored),
    ]
    for name, value in rows:
        table.add_row(name, f"{value:,}")
    console = Console()
    console.print(table)
    console.print(f"stored in {db}" + (f"; written to {out}" if out else ""))


def _print_rejections(console: Console, shown: list[Rejection], total: int) -> None:
    for rejection in shown[:SHOWN_REJECTIONS]:
        line = Text.assemble(
            ("rejected ", "yellow"),
            f"{rejection.input} [{rejection.record}]: {rejection.reason}",
        )
        console.print(line, highlight=False, soft_wrap=True)
    if total > min(len(shown), SHOWN_REJECTIONS):
        console.print(
            f"... and {total - min(len(shown), SHOWN_REJECTIONS):,} more: "
            "see 'flashpoint rejects --db ...'"
        )


# -- show --------------------------------------------------------------------------------


@main.command("show")
@click.argument("inputs", nargs=-1, required=True)
@input_options
@actor_options
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Show at most this many articles."
)
def show_command(
    inputs: tuple[str, ...],
    date: dt.datetime | None,
    max_bytes: int,
    actor_files: tuple[Path, ...],
    agent_files: tuple[Path, ...],
    replace_actors: bool,
    verb_files: tuple[Path, ...],
    replace_verbs: bool,
    limit: int | None,
) -> None:
    """Show coded articles: the text with actors, triggers and quotes marked, then tables.

    INPUTS is a JSONL file written by 'flashpoint code --out F.jsonl', or any input
    'flashpoint code' reads, which is then coded (nothing is stored).
    """
    console = Console()
    errors = _stderr()
    with _library_errors():
        if len(inputs) == 1 and is_coded_jsonl(inputs[0]):
            coded_stream: Iterator[CodedArticle] = read_coded(inputs[0])
        else:
            config = _config(
                actor_files=actor_files,
                agent_files=agent_files,
                replace_actors=replace_actors,
                verb_files=verb_files,
                replace_verbs=replace_verbs,
                max_bytes=max_bytes,
            )
            coder = Coder(config)

            def articles() -> Iterator[Any]:
                for item in read_inputs(list(inputs), date=_day(date), max_bytes=max_bytes):
                    if isinstance(item, Rejection):
                        _print_rejections(errors, [item], 1)
                    else:
                        yield item

            coded_stream = coder.code_many(articles())
        for shown, coded in enumerate(coded_stream, start=1):
            _render(console, coded)
            if limit is not None and shown >= limit:
                break


#: Styles for the marked article text, in the order applied (later ones win on overlap).
_STYLES: tuple[tuple[str, str], ...] = (
    ("quote", "italic green"),
    ("time", "magenta"),
    ("place", "yellow"),
    ("actor", "bold cyan"),
    ("trigger", "bold white on red"),
)


def _marked_text(coded: CodedArticle) -> Text:
    text = Text(coded.article.text)
    spans: dict[str, list[tuple[int | None, int | None]]] = {
        "quote": [(q.start, q.end) for q in coded.quotes],
        "time": [(t.start, t.end) for t in coded.times],
        "place": [(p.start, p.end) for p in coded.places],
        "actor": [(a.start, a.end) for a in coded.actors],
        "trigger": [(e.trigger.start, e.trigger.end) for e in coded.events],
    }
    for kind, style in _STYLES:
        for start, end in spans[kind]:
            if start is not None and end is not None:
                text.stylize(style, start, end)
    return text


def _who(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    return f"{actor.text} ({actor.code})" if actor.code else actor.text


def _render(console: Console, coded: CodedArticle) -> None:
    article = coded.article
    title = f" {article.title}" if article.title else ""
    console.rule(f"[bold]{article.id}[/bold] {article.date.isoformat()}{title}")
    if coded.rejected:
        console.print(f"[yellow]not coded:[/yellow] {coded.rejected}")
    console.print(_marked_text(coded))
    legend = Text("  ").join(Text(kind, style=style) for kind, style in _STYLES)
    console.print(Text("marked: ") + legend)

    events = Table(title=f"events ({len(coded.events)})", show_lines=False)
    for column in ("actor -> recipient", "type", "cameo", "modality", "date", "place"):
        events.add_column(column, max_width=22)
    events.add_column("evidence", ratio=2)
    for event in coded.events:
        event_type = event.event_type + (f"/{event.mode}" if event.mode else "")
        date = f"{event.date.value} ({event.date.precision})" if event.date else "article"
        events.add_row(
            f"{_who(event.actor)} -> {_who(event.recipient)}",
            event_type,
            event.cameo,
            event.modality,
            date,
            event.place.name if event.place else "-",
            _evidence(
                event.sentence.text,
                event.trigger.start - event.sentence.start,
                event.trigger.end - event.sentence.start,
            ),
        )
    console.print(events)

    quotes = Table(title=f"quotes ({len(coded.quotes)})")
    for column in ("speaker", "channel", "text"):
        quotes.add_column(column)
    for quote in coded.quotes:
        speaker = _who(quote.speaker) + (f" {quote.handle}" if quote.handle else "")
        quotes.add_row(speaker, quote.channel, quote.text)
    console.print(quotes)

    if coded.claims:
        claims = {c.id: c for c in coded.claims}
        table = Table(title=f"claims ({len(coded.claims)})")
        for column in ("claimant", "subject", "text"):
            table.add_column(column)
        for claim in coded.claims:
            table.add_row(_who(claim.claimant), claim.subject, claim.text)
        console.print(table)
        for contradiction in coded.contradictions:
            a, b = claims.get(contradiction.claim_a), claims.get(contradiction.claim_b)
            console.print(
                f"[bold red]contradiction[/bold red] ({contradiction.kind}): "
                f"{_who(a.claimant) if a else contradiction.claim_a} vs "
                f"{_who(b.claimant) if b else contradiction.claim_b}: "
                f"{contradiction.explanation}"
            )


def _evidence(sentence: str, start: int, end: int, context: int = 30) -> Text:
    """The trigger marked in a window of its sentence, so long sentences stay readable."""
    if not 0 <= start < end <= len(sentence):
        return Text(sentence)
    left, right = max(0, start - context), min(len(sentence), end + context)
    text = Text(
        ("..." if left else "") + sentence[left:right] + ("..." if right < len(sentence) else "")
    )
    offset = 3 if left else 0
    text.stylize("bold white on red", start - left + offset, end - left + offset)
    return text


# -- contradictions, rejects, runs -------------------------------------------------------


def db_option(func: F) -> F:
    """--db for commands that read the store."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default=DEFAULT_DB,
        show_default=True,
        help="DuckDB store written by 'flashpoint code'.",
    )(func)


def json_option(func: F) -> F:
    """--json: machine-readable output."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(
        func
    )


@main.command("contradictions")
@db_option
@click.option(
    "--actor",
    default=None,
    help="Only contradictions where a claimant has this country code (IRN) or code prefix.",
)
@json_option
def contradictions_command(db: str, actor: str | None, as_json: bool) -> None:
    """List conflicting claims found in stored articles (numeric or polarity)."""
    with _library_errors(), EventStore(db, read_only=True) as store:
        rows = store.contradictions(actor=actor)
    if as_json:
        click.echo(dumps_rows(rows))
        return
    table = Table(title=f"contradictions ({len(rows)})")
    for column in ("article", "kind", "claim a", "claim b", "explanation"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row["article_id"],
            row["kind"],
            _claim_cell(row, "a"),
            _claim_cell(row, "b"),
            row["explanation"],
        )
    Console().print(table)


def _claim_cell(row: dict[str, Any], side: str) -> str:
    who = row[f"{side}_claimant"] or "?"
    code = row[f"{side}_claimant_code"]
    return f"{who}{f' ({code})' if code else ''}: {row[f'{side}_text'] or row[f'claim_{side}']}"


@main.command("rejects")
@db_option
@click.option("--run", "run_id", default=None, help="Only the records rejected by this run id.")
@json_option
def rejects_command(db: str, run_id: str | None, as_json: bool) -> None:
    """List input records that could not be coded, and why."""
    with _library_errors(), EventStore(db, read_only=True) as store:
        rows = store.rejects(run_id=run_id)
    if as_json:
        click.echo(dumps_rows(rows))
        return
    table = Table(title=f"rejects ({len(rows)})")
    for column in ("run", "input", "record", "reason"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["run_id"] or "", row["input"], row["record"], row["reason"])
    Console().print(table)


@main.command("runs")
@db_option
@json_option
def runs_command(db: str, as_json: bool) -> None:
    """List the coding runs recorded in the store, with their counts."""
    with _library_errors(), EventStore(db, read_only=True) as store:
        rows = store.runs()
    if as_json:
        click.echo(dumps_rows(rows))
        return
    columns = ("id", "started", "read", "coded", "rejected", "events", "quotes", "claims")
    table = Table(title=f"runs ({len(rows)})")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(str(row[c]) if row[c] is not None else "" for c in columns))
    Console().print(table)


# -- eval --------------------------------------------------------------------------------


@main.group("eval")
def eval_group() -> None:
    """Score flashpoint against a gold evaluation set.

    Each subcommand reads the gold file or folder at PATH, codes its texts and prints the
    scores; --errors writes one JSON object per miss or false alarm.
    """


def _flatten(result: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in result.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value


def _run_eval(
    task: str, path: Path, config: Config, errors: Path | None, limit: int | None, as_json: bool
) -> None:
    module_name, _ = EVAL_TASKS[task]
    qualified = f"flashpoint.evaluate.{module_name}"
    try:
        module = importlib.import_module(qualified)
    except ModuleNotFoundError as exc:
        if exc.name != qualified:
            raise
        raise click.ClickException(
            f"the {task} evaluation is not available in this flashpoint ({qualified} is missing)"
        ) from exc
    run = getattr(module, "run", None)
    if run is None:
        raise click.ClickException(f"{qualified} has no run() function")
    with _library_errors():
        try:
            result = run(path, config, errors=errors, limit=limit)
        except EvalDataError as exc:
            raise click.ClickException(f"{task}: {exc}") from exc
    if as_json:
        click.echo(json.dumps(result, indent=2, default=str))
        return
    table = Table(title=f"eval {task}: {path}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in _flatten(result):
        shown = f"{value:.4f}" if isinstance(value, float) else str(value)
        table.add_row(name, shown)
    Console().print(table)
    if errors is not None:
        _stderr().print(f"errors written to {errors}")


def eval_options(func: F) -> F:
    """PATH, --json, --errors and --limit: shared by every eval subcommand."""
    func = click.option(
        "--limit",
        type=click.IntRange(min=1),
        default=None,
        help="Score only the first N gold records.",
    )(func)
    func = click.option(
        "--errors",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write each miss and false alarm to this JSONL file.",
    )(func)
    func = json_option(func)
    func = click.argument("path", type=click.Path(exists=True, path_type=Path))(func)
    return func


def _make_eval_command(task: str, summary: str, with_actors: bool) -> click.Command:
    def command(
        path: Path,
        as_json: bool,
        errors: Path | None,
        limit: int | None,
        **actors: Any,
    ) -> None:
        _run_eval(task, path, _config(**actors), errors, limit, as_json)

    command.__doc__ = f"Score against {summary}.\n\nPATH is the gold file or folder."
    decorated = eval_options(command)
    if with_actors:
        decorated = actor_options(decorated)
    return click.command(task)(decorated)


for _task, (_module, _summary) in EVAL_TASKS.items():
    eval_group.add_command(_make_eval_command(_task, _summary, with_actors=_task == "petrarch"))


if __name__ == "__main__":  # pragma: no cover
    main()
