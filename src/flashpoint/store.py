"""EventStore: coded articles, their events, quotes, claims and contradictions in DuckDB.

>>> with EventStore("flashpoint.duckdb") as store:
...     run_id = store.start_run(config)
...     store.add(coded, run_id)
...     store.finish_run(run_id, counts)

An article is stored once per content: adding the same id with the same content hash is
skipped (``"already_stored"``); the same id with new content replaces the old article and
all of its rows. The schema is built by named migrations, each applied once and recorded in
``schema_migrations``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

import duckdb
import pyarrow as pa

from .config import Config
from .io.flat import EVENT_COLUMNS, event_rows
from .io.writers import Writer
from .records import Actor, Article, Claim, CodedArticle, Quote, Rejection

AddResult = Literal["added", "replaced", "already_stored"]
TABLES: tuple[str, ...] = (
    "articles",
    "events",
    "quotes",
    "claims",
    "contradictions",
    "rejects",
    "runs",
    "schema_migrations",
)
_CHILD_TABLES: tuple[str, ...] = ("events", "quotes", "claims", "contradictions")


class StoreError(RuntimeError):
    """The store could not be opened, migrated, written or queried."""


@dataclass
class RunCounts:
    """What one ``flashpoint code`` run read and produced."""

    read: int = 0
    coded: int = 0
    without_events: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    contradictions: int = 0
    already_stored: int = 0

    def count(self, coded: CodedArticle) -> None:
        """Add one coded article's results."""
        self.coded += 1
        self.without_events += not coded.events
        self.events += len(coded.events)
        self.quotes += len(coded.quotes)
        self.claims += len(coded.claims)
        self.contradictions += len(coded.contradictions)


@dataclass
class IngestResult:
    """What :meth:`EventStore.ingest` did: the run id, its counts, the first rejections."""

    run_id: str
    counts: RunCounts
    rejections: list[Rejection] = field(default_factory=list)


_EVENT_TYPES: dict[str, str] = {
    "goldstein": "DOUBLE",
    "lat": "DOUBLE",
    "lon": "DOUBLE",
    "confidence": "DOUBLE",
    "quad_class": "INTEGER",
    "sentence_index": "INTEGER",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "actor_start": "INTEGER",
    "actor_end": "INTEGER",
    "recipient_start": "INTEGER",
    "recipient_end": "INTEGER",
}
_EVENT_COLUMNS_SQL = ",\n    ".join(
    f'"{c}" {_EVENT_TYPES.get(c, "VARCHAR")}' for c in EVENT_COLUMNS
)
_RUN_COUNT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(RunCounts))
_ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "content_hash",
    "date",
    "title",
    "url",
    "source",
    "text",
    "coded",
    "run_id",
    "coded_at",
)
_UPDATE_ARTICLE = (
    f"UPDATE articles SET {', '.join(f'{c} = ?' for c in _ARTICLE_COLUMNS[1:])} WHERE id = ?"
)
_STORED_EVENT_COLUMNS: tuple[str, ...] = (*EVENT_COLUMNS, "article_date", "day", "json")
_QUOTE_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "speaker_text",
    "speaker_code",
    "speaker_country",
    "speaker_sector",
    "text",
    "start",
    "end",
    "cue",
    "channel",
    "handle",
    "date",
    "partial",
    "json",
)
_CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "claimant_text",
    "claimant_code",
    "claimant_country",
    "claimant_sector",
    "text",
    "start",
    "end",
    "subject",
    "scope",
    "quantity_min",
    "quantity_max",
    "quantity_unit",
    "polarity",
    "json",
)
_CONTRADICTION_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "claim_a",
    "claim_b",
    "kind",
    "explanation",
    "json",
)
_REJECT_COLUMNS: tuple[str, ...] = ("run_id", "input", "record", "reason", "at")

#: Named schema migrations, applied in order, each once. Never edit a published one:
#: add the next.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "0001_initial",
        (
            """CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    date DATE NOT NULL,
    title VARCHAR,
    url VARCHAR,
    source VARCHAR,
    text VARCHAR NOT NULL,
    coded JSON NOT NULL,
    run_id VARCHAR,
    coded_at TIMESTAMP NOT NULL
)""",
            f"""CREATE TABLE events (
    {_EVENT_COLUMNS_SQL},
    article_date DATE,
    day DATE,
    json JSON NOT NULL
)""",
            """CREATE TABLE quotes (
    id VARCHAR,
    article_id VARCHAR NOT NULL,
    speaker_text VARCHAR,
    speaker_code VARCHAR,
    speaker_country VARCHAR,
    speaker_sector VARCHAR,
    text VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    cue VARCHAR,
    channel VARCHAR,
    handle VARCHAR,
    date DATE,
    partial BOOLEAN,
    json JSON NOT NULL
)""",
            """CREATE TABLE claims (
    id VARCHAR,
    article_id VARCHAR NOT NULL,
    claimant_text VARCHAR,
    claimant_code VARCHAR,
    claimant_country VARCHAR,
    claimant_sector VARCHAR,
    text VARCHAR,
    "start" INTEGER,
    "end" INTEGER,
    subject VARCHAR,
    scope VARCHAR,
    quantity_min DOUBLE,
    quantity_max DOUBLE,
    quantity_unit VARCHAR,
    polarity VARCHAR,
    json JSON NOT NULL
)""",
            """CREATE TABLE contradictions (
    id VARCHAR,
    article_id VARCHAR NOT NULL,
    claim_a VARCHAR NOT NULL,
    claim_b VARCHAR NOT NULL,
    kind VARCHAR,
    explanation VARCHAR,
    json JSON NOT NULL
)""",
            """CREATE TABLE rejects (
    run_id VARCHAR,
    input VARCHAR NOT NULL,
    record VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL
)""",
            f"""CREATE TABLE runs (
    id VARCHAR PRIMARY KEY,
    started TIMESTAMP NOT NULL,
    finished TIMESTAMP,
    version VARCHAR,
    config_hash VARCHAR,
    {", ".join(f"{c} INTEGER DEFAULT 0" for c in _RUN_COUNT_COLUMNS)}
)""",
        ),
    ),
)


class EventStore:
    """Coded articles in a DuckDB database: a file, or ``":memory:"``.

    Use it as a context manager, or call :meth:`close`. Methods raise :class:`StoreError`.
    """

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}; run 'flashpoint code --db {self.path}'")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot open the store {self.path} ({exc}); "
                "check the path, and that no other process is writing to it"
            ) from exc
        self._migrate()

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    def _migrate(self) -> None:
        try:
            if not self.read_only:
                self._con.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
                )
            applied = set(self.migrations())
            pending = [(name, sql) for name, sql in MIGRATIONS if name not in applied]
            if pending and self.read_only:
                raise StoreError(
                    f"the store {self.path} needs migrations {[n for n, _ in pending]}; "
                    "open it once for writing (e.g. with 'flashpoint code') to apply them"
                )
            for name, statements in pending:
                with self._transaction():
                    for statement in statements:
                        self._con.execute(statement)
                    self._con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [name, _now()])
        except duckdb.Error as exc:
            raise StoreError(f"cannot migrate the store {self.path}: {exc}") from exc

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this store, in the order they were applied."""
        try:
            rows = self._con.execute(
                "SELECT name FROM schema_migrations ORDER BY applied_at, name"
            ).fetchall()
        except duckdb.CatalogException:
            return []
        return [row[0] for row in rows]

    class _Tx:
        def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
            self.con = con

        def __enter__(self) -> None:
            self.con.execute("BEGIN TRANSACTION")

        def __exit__(
            self,
            exc_type: type[BaseException] | None,
            exc: BaseException | None,
            tb: TracebackType | None,
        ) -> None:
            self.con.execute("ROLLBACK" if exc_type else "COMMIT")

    def _transaction(self) -> EventStore._Tx:
        return EventStore._Tx(self._con)

    # -- runs and rejects --------------------------------------------------------------

    def start_run(self, config: Config | None = None, version: str | None = None) -> str:
        """Record the start of a run; returns its id."""
        from . import __version__

        run_id = f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self._write(
            "INSERT INTO runs (id, started, version, config_hash) VALUES (?, ?, ?, ?)",
            [run_id, _now(), version or __version__, (config or Config()).fingerprint()],
        )
        return run_id

    def finish_run(self, run_id: str, counts: RunCounts) -> None:
        """Record a run's end and what it read and produced."""
        assignments = ", ".join(f"{c} = ?" for c in _RUN_COUNT_COLUMNS)
        values = list(asdict(counts).values())
        self._write(
            f"UPDATE runs SET finished = ?, {assignments} WHERE id = ?",
            [_now(), *values, run_id],
        )

    def add_reject(self, run_id: str | None, rejection: Rejection) -> None:
        """Record an input record that could not be coded."""
        self.add_rejects(run_id, [rejection])

    def add_rejects(self, run_id: str | None, rejections: Sequence[Rejection]) -> None:
        """Record several rejected input records at once."""
        now = _now()
        rows = [[run_id, r.input, r.record, r.reason, now] for r in rejections]
        try:
            self._insert_rows("rejects", _REJECT_COLUMNS, rows)
        except duckdb.Error as exc:
            raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc

    # -- articles ----------------------------------------------------------------------

    def add(self, coded: CodedArticle, run_id: str | None = None) -> AddResult:
        """Store one coded article and its rows; see the module doc for dedup rules."""
        return self.add_many([coded], run_id)[0]

    def add_many(self, batch: Sequence[CodedArticle], run_id: str | None = None) -> list[AddResult]:
        """Store coded articles in one transaction; one result per article, in order.

        Within the batch, articles are taken in order, as if added one by one.
        """
        if not batch:
            return []
        ids = sorted({c.article.id for c in batch})
        try:
            stored: dict[str, str] = dict(
                self._con.execute(
                    "SELECT id, content_hash FROM articles WHERE list_contains(?, id)", [ids]
                ).fetchall()
            )
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store {self.path}: {exc}") from exc
        results: list[AddResult] = []
        current = dict(stored)  # id -> content hash once the batch is in
        final: dict[str, CodedArticle] = {}  # id -> the version to write
        for coded in batch:
            aid, digest = coded.article.id, coded.article.content_hash
            if current.get(aid) == digest:
                results.append("already_stored")
                continue
            results.append("replaced" if aid in current else "added")
            current[aid] = digest
            final[aid] = coded
        if not final:
            return results
        now = _now()
        fresh = [c for aid, c in final.items() if aid not in stored]
        replaced = [c for aid, c in final.items() if aid in stored]
        try:
            with self._transaction():
                for coded in replaced:
                    # An UPDATE, not delete-and-insert: DuckDB checks a primary key eagerly
                    # within one transaction.
                    row = _article_row(coded, run_id, now)
                    self._con.execute(_UPDATE_ARTICLE, [*row[1:], row[0]])
                if replaced:
                    gone = [c.article.id for c in replaced]
                    for table in _CHILD_TABLES:
                        self._con.execute(
                            f"DELETE FROM {table} WHERE list_contains(?, article_id)", [gone]
                        )
                self._insert_rows(
                    "articles", _ARTICLE_COLUMNS, [_article_row(c, run_id, now) for c in fresh]
                )
                self._insert_children(list(final.values()))
        except duckdb.Error as exc:
            raise StoreError(f"cannot store articles {sorted(final)[:5]}: {exc}") from exc
        return results

    def _insert_children(self, batch: list[CodedArticle]) -> None:
        events, quotes, claims, contradictions = [], [], [], []
        for coded in batch:
            aid = coded.article.id
            for row, event in zip(event_rows(coded), coded.events, strict=True):
                events.append(
                    [
                        *(row[c] for c in EVENT_COLUMNS),
                        coded.article.date,
                        _day(row, coded),
                        event.model_dump_json(),
                    ]
                )
            quotes += [_quote_row(aid, q) for q in coded.quotes]
            claims += [_claim_row(aid, c) for c in coded.claims]
            contradictions += [
                [
                    c.id,
                    c.article_id or aid,
                    c.claim_a,
                    c.claim_b,
                    c.kind,
                    c.explanation,
                    c.model_dump_json(),
                ]
                for c in coded.contradictions
            ]
        self._insert_rows("events", _STORED_EVENT_COLUMNS, events)
        self._insert_rows("quotes", _QUOTE_COLUMNS, quotes)
        self._insert_rows("claims", _CLAIM_COLUMNS, claims)
        self._insert_rows("contradictions", _CONTRADICTION_COLUMNS, contradictions)

    def _insert_rows(self, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
        """Insert rows through one Arrow table.

        DuckDB's executemany converts parameters value by value (and, without pandas
        installed, retries importing it for each one): an Arrow scan is ten times faster.
        """
        if not rows:
            return
        data = pa.table({name: [row[i] for row in rows] for i, name in enumerate(columns)})
        quoted = ", ".join(f'"{c}"' for c in columns)
        self._con.register("_fp_rows", data)
        try:
            self._con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _fp_rows")
        finally:
            self._con.unregister("_fp_rows")

    def ingest(
        self,
        items: Iterable[Article | Rejection],
        code_many: Callable[[Iterable[Article]], Iterable[CodedArticle]],
        config: Config | None = None,
        writer: Writer | None = None,
        on_item: Callable[[Article | Rejection | CodedArticle], None] | None = None,
        keep_rejections: int = 50,
        batch_size: int = 64,
    ) -> IngestResult:
        """One recorded run: code the articles among ``items``, write and store the results.

        Rejections go to the ``rejects`` table. ``code_many`` is typically
        ``Coder(config).code_many``; ``on_item`` is called once per rejection and once per
        coded article (for progress display). Articles are stored ``batch_size`` at a time;
        what was coded, and the run's counts, are stored even when the run stops early.
        """
        run_id = self.start_run(config)
        result = IngestResult(run_id=run_id, counts=RunCounts())
        counts = result.counts
        pending: list[CodedArticle] = []
        pending_rejects: list[Rejection] = []

        def flush() -> None:
            if pending_rejects:
                self.add_rejects(run_id, pending_rejects)
                pending_rejects.clear()
            if pending:
                statuses = self.add_many(pending, run_id)
                counts.already_stored += statuses.count("already_stored")
                pending.clear()

        def articles() -> Iterator[Article]:
            for item in items:
                counts.read += 1
                if isinstance(item, Rejection):
                    counts.rejected += 1
                    pending_rejects.append(item)
                    if len(result.rejections) < keep_rejections:
                        result.rejections.append(item)
                    if len(pending_rejects) >= batch_size:
                        flush()
                    if on_item is not None:
                        on_item(item)
                    continue
                yield item

        try:
            for coded in code_many(articles()):
                counts.count(coded)
                if writer is not None:
                    writer.write(coded)
                pending.append(coded)
                if len(pending) >= batch_size:
                    flush()
                if on_item is not None:
                    on_item(coded)
        finally:
            try:
                flush()
            finally:
                self.finish_run(run_id, counts)
        return result

    def get(self, article_id: str) -> CodedArticle | None:
        """The stored CodedArticle with this id, or None."""
        row = self._query_one("SELECT coded FROM articles WHERE id = ?", [article_id])
        return None if row is None else CodedArticle.model_validate_json(row[0])

    def coded_articles(self) -> Iterator[CodedArticle]:
        """Every stored CodedArticle, by date then id, fetched in small batches."""
        try:
            cursor = self._con.cursor()
            cursor.execute("SELECT coded FROM articles ORDER BY date, id")
            while batch := cursor.fetchmany(256):
                for (coded,) in batch:
                    yield CodedArticle.model_validate_json(coded)
        except duckdb.Error as exc:
            raise StoreError(f"cannot read articles: {exc}") from exc

    # -- queries -----------------------------------------------------------------------

    def count(self, table: str) -> int:
        """Rows in one of :data:`TABLES`."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; the tables are {', '.join(TABLES)}")
        row = self._query_one(f"SELECT count(*) FROM {table}")
        return int(row[0]) if row else 0

    def articles(self) -> list[dict[str, Any]]:
        """Stored articles (without their text and coding), by date then id."""
        return self._dicts(
            "SELECT id, content_hash, date, title, url, source, run_id, coded_at "
            "FROM articles ORDER BY date, id"
        )

    def events(
        self,
        actor: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        recipient: str | None = None,
    ) -> list[dict[str, Any]]:
        """Events as flat rows, by day.

        ``actor`` / ``recipient`` match a country code (``IRN``) or a code prefix
        (``USAGOV``); ``since`` / ``until`` bound the event day (inclusive), which is the
        event's own date where it names a day, else the article date.
        """
        where: list[str] = []
        params: list[Any] = []
        for side, value in (("actor", actor), ("recipient", recipient)):
            if value:
                where.append(f"({side}_country = ? OR starts_with({side}_code, ?))")
                params += [value, value]
        if since is not None:
            where.append("day >= ?")
            params.append(since)
        if until is not None:
            where.append("day <= ?")
            params.append(until)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return self._dicts(
            f"SELECT * EXCLUDE (json) FROM events {clause} "
            "ORDER BY day, article_id, sentence_index, trigger_start",
            params,
        )

    def quotes(self, speaker: str | None = None) -> list[dict[str, Any]]:
        """Quotes; ``speaker`` matches the speaker's country or code prefix."""
        clause, params = _party_filter("speaker", speaker)
        return self._dicts(
            f"SELECT * EXCLUDE (json) FROM quotes {clause} ORDER BY article_id, start", params
        )

    def claims(self, actor: str | None = None) -> list[dict[str, Any]]:
        """Claims; ``actor`` matches the claimant's country or code prefix."""
        clause, params = _party_filter("claimant", actor)
        return self._dicts(
            f"SELECT * EXCLUDE (json) FROM claims {clause} ORDER BY article_id, start", params
        )

    def contradictions(self, actor: str | None = None) -> list[dict[str, Any]]:
        """Contradictions with both claims joined (``a_*`` and ``b_*`` columns).

        ``actor`` keeps those where either claimant's country is ``actor`` or their code
        starts with it.
        """
        params: list[Any] = []
        clause = ""
        if actor:
            clause = (
                "WHERE a.claimant_country = ? OR starts_with(a.claimant_code, ?) "
                "OR b.claimant_country = ? OR starts_with(b.claimant_code, ?)"
            )
            params = [actor] * 4
        side = (
            "{p}.text AS {p}_text, {p}.claimant_text AS {p}_claimant, "
            "{p}.claimant_code AS {p}_claimant_code, {p}.claimant_country AS {p}_claimant_country, "
            "{p}.subject AS {p}_subject, {p}.quantity_min AS {p}_quantity_min, "
            "{p}.quantity_max AS {p}_quantity_max, {p}.polarity AS {p}_polarity"
        )
        return self._dicts(
            "SELECT c.id, c.article_id, c.kind, c.explanation, c.claim_a, c.claim_b, "
            f"{side.format(p='a')}, {side.format(p='b')} "
            "FROM contradictions c "
            "LEFT JOIN claims a ON a.id = c.claim_a AND a.article_id = c.article_id "
            "LEFT JOIN claims b ON b.id = c.claim_b AND b.article_id = c.article_id "
            f"{clause} ORDER BY c.article_id, c.id",
            params,
        )

    def rejects(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """Rejected input records, all or of one run, in the order they were met."""
        if run_id is None:
            return self._dicts('SELECT * FROM rejects ORDER BY "at", rowid')
        return self._dicts('SELECT * FROM rejects WHERE run_id = ? ORDER BY "at", rowid', [run_id])

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first, with its counts."""
        return self._dicts("SELECT * FROM runs ORDER BY started")

    def sql(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Any read query, for analysis: rows as dicts."""
        return self._dicts(query, params)

    # -- helpers -----------------------------------------------------------------------

    def _write(self, statement: str, params: Sequence[Any]) -> None:
        try:
            self._con.execute(statement, params)
        except duckdb.Error as exc:
            raise StoreError(f"cannot write to the store {self.path}: {exc}") from exc

    def _query_one(self, query: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._con.execute(query, params).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    def _dicts(self, query: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        try:
            cursor = self._con.execute(query, params)
            names = [d[0] for d in cursor.description or []]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _day(row: dict[str, Any], coded: CodedArticle) -> dt.date:
    """The event's day: its own date where that names a day, else the article date."""
    value = row["date"]
    if row["date_precision"] == "day" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    return coded.article.date


def _article_row(coded: CodedArticle, run_id: str | None, now: dt.datetime) -> list[Any]:
    article = coded.article
    return [
        article.id,
        article.content_hash,
        article.date,
        article.title,
        article.url,
        article.source,
        article.text,
        coded.model_dump_json(),
        run_id,
        now,
    ]


def _party(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None, None, None, None]
    return [actor.text, actor.code, actor.country, actor.sector]


def _quote_row(article_id: str, quote: Quote) -> list[Any]:
    return [
        quote.id,
        quote.article_id or article_id,
        *_party(quote.speaker),
        quote.text,
        quote.start,
        quote.end,
        quote.cue,
        quote.channel,
        quote.handle,
        quote.date,
        quote.partial,
        quote.model_dump_json(),
    ]


def _claim_row(article_id: str, claim: Claim) -> list[Any]:
    quantity = claim.quantity
    return [
        claim.id,
        claim.article_id or article_id,
        *_party(claim.claimant),
        claim.text,
        claim.start,
        claim.end,
        claim.subject,
        claim.scope,
        quantity.min if quantity else None,
        quantity.max if quantity else None,
        quantity.unit if quantity else None,
        claim.polarity,
        claim.model_dump_json(),
    ]


def _party_filter(prefix: str, value: str | None) -> tuple[str, list[Any]]:
    if not value:
        return "", []
    return (
        f"WHERE {prefix}_country = ? OR starts_with({prefix}_code, ?)",
        [value, value],
    )


def dumps_rows(rows: list[dict[str, Any]]) -> str:
    """Rows from a query as JSON (dates and timestamps as ISO strings)."""
    return json.dumps(rows, default=str, ensure_ascii=False, indent=2)
