"""EventStore on real DuckDB databases: in memory and in a file under tmp_path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from flashpoint import Coder, Config
from flashpoint.io import read_inputs
from flashpoint.records import (
    Actor,
    Article,
    CharSpan,
    Claim,
    CodedArticle,
    Contradiction,
    Event,
    Quantity,
    Quote,
    Rejection,
    SentenceRef,
    TimeRef,
)
from flashpoint.store import MIGRATIONS, EventStore, RunCounts, StoreError

TEXT = (
    "The interior ministry said four guards were wounded. "
    "Rebel commanders said nobody was hurt. Rebels attacked the checkpoint."
)


@pytest.fixture
def store() -> Iterator[EventStore]:
    with EventStore(":memory:") as opened:
        yield opened


def _coded(
    article_id: str = "k1", text: str = TEXT, day: str = "2023-05-02", n_events: int = 1
) -> CodedArticle:
    """A hand-built coded article: two claims that conflict, a quote, events."""
    ministry = Actor(text="interior ministry", code="KENGOV", country="KEN", sector="GOV",
                     kind="organisation", start=4, end=21)
    rebels = Actor(text="Rebel commanders", code="KENREB", country="KEN", sector="REB",
                   kind="group", start=53, end=69)
    sentence = SentenceRef(text="Rebels attacked the checkpoint.", start=91, end=122, index=2)
    day_before = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    events = [
        Event(
            id=f"{article_id}-e{i}",
            article_id=article_id,
            sentence=sentence,
            trigger=CharSpan(text="attacked", start=98, end=106),
            actor=rebels,
            recipient=ministry,
            event_type="ASSAULT",
            cameo="190",
            goldstein=-10.0,
            quad_class=4,
            date=TimeRef(text="yesterday", value=day_before, precision="day") if i == 0 else None,
        )
        for i in range(n_events)
    ]
    claim_a = Claim(id=f"{article_id}-c0", article_id=article_id, claimant=ministry,
                    text="four guards were wounded", start=27, end=51, subject="wounded",
                    quantity=Quantity(min=4, max=4, unit="guards"))
    claim_b = Claim(id=f"{article_id}-c1", article_id=article_id, claimant=rebels,
                    text="nobody was hurt", start=75, end=90, subject="wounded",
                    quantity=Quantity(min=0, max=0, unit="guards"))
    quote = Quote(id=f"{article_id}-q0", article_id=article_id, speaker=rebels,
                  text="nobody was hurt", start=75, end=90, cue="said", channel="statement")
    conflict = Contradiction(id=f"{article_id}-x0", article_id=article_id, claim_a=claim_a.id,
                             claim_b=claim_b.id, kind="numeric", explanation="4 against 0")
    return CodedArticle(
        article=Article(id=article_id, date=day, text=text),  # type: ignore[arg-type]
        events=events,
        quotes=[quote],
        claims=[claim_a, claim_b],
        contradictions=[conflict],
        actors=[ministry, rebels],
    )


def test_store_migrations_are_recorded_and_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "fp.duckdb"
    with EventStore(path) as first:
        assert first.migrations() == [name for name, _ in MIGRATIONS]
        first.add(_coded())
    with EventStore(path) as again:
        assert again.count("schema_migrations") == len(MIGRATIONS)
        assert again.count("articles") == 1
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT name FROM schema_migrations").fetchall() == [("0001_initial",)]
    con.close()


def test_store_same_article_twice_is_stored_once(store: EventStore) -> None:
    assert store.add(_coded(), "r1") == "added"
    assert store.add(_coded(), "r2") == "already_stored"
    assert store.count("articles") == 1
    assert store.count("events") == 1
    assert store.count("claims") == 2
    assert store.articles()[0]["run_id"] == "r1"


def test_store_changed_text_replaces_the_article_and_its_rows(store: EventStore) -> None:
    store.add(_coded(n_events=1), "r1")
    changed = _coded(text=TEXT + " Talks followed.", n_events=3)
    assert store.add(changed, "r2") == "replaced"
    assert store.count("articles") == 1
    assert store.count("events") == 3
    assert store.count("quotes") == 1 and store.count("contradictions") == 1
    assert store.get("k1") == changed
    assert store.articles()[0]["content_hash"] == changed.article.content_hash


def test_store_changed_date_also_replaces(store: EventStore) -> None:
    store.add(_coded(day="2023-05-02"))
    assert store.add(_coded(day="2023-05-03")) == "replaced"
    assert store.articles()[0]["date"] == dt.date(2023, 5, 3)


def test_store_events_filter_by_actor_recipient_and_day(store: EventStore) -> None:
    store.add(_coded("k1", day="2023-05-02", n_events=2))
    store.add(_coded("k2", day="2023-06-10", n_events=1))
    assert len(store.events()) == 3
    assert len(store.events(actor="KEN")) == 3
    assert len(store.events(actor="KENREB")) == 3
    assert store.events(actor="KENGOV") == []
    assert len(store.events(recipient="KENGOV")) == 3
    # k1's first event is dated the day before; its second falls back to the article date.
    days = [e["day"] for e in store.events(until=dt.date(2023, 5, 31))]
    assert days == [dt.date(2023, 5, 1), dt.date(2023, 5, 2)]
    assert [e["article_id"] for e in store.events(since=dt.date(2023, 6, 1))] == ["k2"]
    assert store.events()[0]["cameo"] == "190"


def test_store_contradictions_join_both_claims(store: EventStore) -> None:
    store.add(_coded())
    (row,) = store.contradictions()
    assert row["kind"] == "numeric"
    assert (row["a_claimant_code"], row["b_claimant_code"]) == ("KENGOV", "KENREB")
    assert (row["a_quantity_max"], row["b_quantity_max"]) == (4.0, 0.0)
    assert len(store.contradictions(actor="KEN")) == 1
    assert len(store.contradictions(actor="KENREB")) == 1
    assert store.contradictions(actor="SOM") == []


def test_store_claims_and_quotes_filter_by_party(store: EventStore) -> None:
    store.add(_coded())
    assert [c["claimant_code"] for c in store.claims()] == ["KENGOV", "KENREB"]
    assert [c["text"] for c in store.claims(actor="KENREB")] == ["nobody was hurt"]
    assert store.quotes(speaker="KENGOV") == []
    assert store.quotes()[0]["channel"] == "statement"


def test_store_runs_and_rejects_are_recorded(store: EventStore) -> None:
    run_id = store.start_run(Config())
    store.add_reject(run_id, Rejection(input="in.jsonl", record="line 3", reason="bad JSON"))
    store.add_reject("other", Rejection(input="x.csv", record="c9", reason="no date"))
    store.finish_run(run_id, RunCounts(read=5, coded=4, rejected=1, events=7))
    (run,) = store.runs()
    assert run["id"] == run_id and run["finished"] is not None
    assert (run["read"], run["coded"], run["rejected"], run["events"]) == (5, 4, 1, 7)
    assert run["config_hash"] == Config().fingerprint()
    assert [r["record"] for r in store.rejects(run_id)] == ["line 3"]
    assert len(store.rejects()) == 2


def test_store_ingest_codes_stores_and_counts_with_the_real_model(
    store: EventStore, coder: Coder, tmp_path: Path
) -> None:
    (tmp_path / "one.txt").write_text("date 2023-05-02 Troops fired on protesters in the city.")
    (tmp_path / "two.txt").write_text("date 2023-05-02 The foreign minister met envoys.")
    (tmp_path / "bad.txt").write_text("No header and no date given.")
    result = store.ingest(read_inputs([str(tmp_path)]), coder.code_many, config=coder.config)
    assert (result.counts.read, result.counts.coded, result.counts.rejected) == (3, 2, 1)
    assert [r.record for r in result.rejections] == ["bad"]
    again = store.ingest(read_inputs([str(tmp_path)]), coder.code_many)
    assert again.counts.already_stored == 2
    assert store.count("articles") == 2
    assert [r["read"] for r in store.runs()] == [3, 3]
    assert len(store.rejects(result.run_id)) == 1
    assert store.count("events") == sum(len(c.events) for c in store.coded_articles())


def test_store_run_is_finished_even_when_coding_fails(store: EventStore) -> None:
    def broken(articles: object) -> Iterator[CodedArticle]:
        yield _coded()
        raise RuntimeError("boom")

    items = [Article(id="k1", date=dt.date(2023, 5, 2), text=TEXT)]
    with pytest.raises(RuntimeError):
        store.ingest(items, broken)
    (run,) = store.runs()
    assert run["finished"] is not None and run["coded"] == 1


def test_store_errors_are_named(store: EventStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no table"):
        store.count("users")
    with pytest.raises(StoreError, match="no store"):
        EventStore(tmp_path / "missing.duckdb", read_only=True)


def test_store_read_only_store_reads_what_was_written(tmp_path: Path) -> None:
    path = tmp_path / "fp.duckdb"
    with EventStore(path) as writable:
        writable.add(_coded())
    with EventStore(path, read_only=True) as readable:
        assert len(readable.contradictions()) == 1
        assert readable.sql("SELECT count(*) AS n FROM events") == [{"n": 1}]


def test_store_add_many_takes_a_batch_in_order(store: EventStore) -> None:
    store.add(_coded("k0"))
    batch = [
        _coded("k0"),
        _coded("k1", n_events=1),
        _coded("k1", text=TEXT + " Later, calm returned.", n_events=2),
        _coded("k2", n_events=0),
    ]
    assert store.add_many(batch, "r1") == ["already_stored", "added", "replaced", "added"]
    assert store.count("articles") == 3
    assert store.count("events") == 1 + 2 + 0
    assert store.get("k1") == batch[2]
    assert store.count("claims") == 6
