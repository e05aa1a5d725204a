"""Readers and writers: every input format, every kind of bad input, outputs round-trip."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flashpoint.io import (
    EVENT_COLUMNS,
    UnsupportedFormatError,
    estimate_total,
    event_rows,
    is_coded_jsonl,
    open_writer,
    read_coded,
    read_inputs,
)
from flashpoint.records import (
    Actor,
    Article,
    CharSpan,
    CodedArticle,
    Event,
    Place,
    Rejection,
    SentenceRef,
    TimeRef,
)

DAY = dt.date(2022, 3, 14)


def _articles(items: list[Article | Rejection]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def _rejections(items: list[Article | Rejection]) -> list[Rejection]:
    return [i for i in items if isinstance(i, Rejection)]


def _jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text(
        "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines),
        encoding="utf-8",
    )
    return path


def _coded(article_id: str = "n1", events: int = 2) -> CodedArticle:
    """A hand-built coded article with events that fill every flat column."""
    text = "Navy ships blockaded the harbour of Port Kessel. Envoys met the next day."
    article = Article(id=article_id, date=DAY, text=text, title="Harbour blockade")
    navy = Actor(text="Navy", code="XYZMIL", country="XYZ", sector="MIL", start=0, end=4)
    port = Actor(text="Port Kessel", code="ABC", country="ABC", start=36, end=47)
    sentence = SentenceRef(text=text[:48], start=0, end=48, index=0)
    made = []
    for i in range(events):
        made.append(
            Event(
                id=f"{article_id}-e{i}",
                article_id=article_id,
                sentence=sentence,
                trigger=CharSpan(text="blockaded", start=11, end=20),
                actor=navy,
                recipient=port if i == 0 else None,
                event_type="COERCE",
                mode="blockade",
                contexts=["military", "maritime"] if i == 0 else [],
                cameo="191",
                goldstein=-9.5,
                quad_class=4,
                modality="asserted",
                date=TimeRef(text="", value="2022-03-13", precision="day") if i == 0 else None,
                place=Place(text="Port Kessel", name="Port Kessel", country="ABC", lat=1.5,
                            lon=2.25, start=36, end=47) if i == 0 else None,
                confidence=0.75,
            )
        )
    return CodedArticle(article=article, events=made, actors=[navy, port])


# -- date-header and plain text ----------------------------------------------------------


def test_io_date_header_text_dates_the_article_and_uses_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "harbour_story.txt"
    path.write_text(" date 2022-03-14 Ships left the harbour at dawn.\n\nMore later.\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Article)
    assert item.id == "harbour_story"
    assert item.date == DAY
    assert item.text.startswith("Ships left the harbour")


def test_io_date_header_on_its_own_line_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\ndate 2022-03-14\nCouncil members voted on Tuesday.\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Article)
    assert item.text == "Council members voted on Tuesday.\n"


def test_io_header_with_impossible_date_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("date 2022-02-30 Council members voted.\n")
    (item,) = list(read_inputs([str(path)], date=DAY))
    assert isinstance(item, Rejection)
    assert item.record == "a" and "not a date" in item.reason


def test_io_plain_text_uses_the_given_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Date palms lined the road the convoy took.\n")
    (item,) = list(read_inputs([str(path)], date=DAY))
    assert isinstance(item, Article)
    assert item.date == DAY and item.text.startswith("Date palms")


def test_io_plain_text_without_a_date_is_rejected_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The convoy moved north.\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Rejection)
    assert item.input == str(path) and "--date" in item.reason


def test_io_text_that_is_not_utf8_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"date 2022-03-14 The caf\xe9 was closed by police.\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Rejection) and "UTF-8" in item.reason


def test_io_text_over_max_bytes_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("date 2022-03-14 " + "Troops marched. " * 5000)
    (item,) = list(read_inputs([str(path)], max_bytes=10_000))
    assert isinstance(item, Rejection)
    assert "over the 10,000-byte limit" in item.reason and "--max-bytes" in item.reason


def test_io_empty_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("date 2022-03-14   \n\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Rejection) and "empty" in item.reason


# -- JSONL, JSON, CSV --------------------------------------------------------------------


def test_io_jsonl_reads_required_and_optional_fields(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "batch.jsonl",
        [
            {"id": "r1", "date": "2022-03-14", "text": "Envoys met in the capital."},
            {"id": 7, "date": "2022-03-14T08:30:00Z", "text": "Talks resumed.",
             "title": "Talks", "url": "http://example.org/t", "source": "Wire", "extra": 1},
        ],
    )
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article) and first.id == "r1"
    assert isinstance(second, Article)
    assert second.id == "7" and second.date == DAY
    assert (second.title, second.url, second.source) == ("Talks", "http://example.org/t", "Wire")


@pytest.mark.parametrize(
    ("line", "record", "reason"),
    [
        ('{"id": "x", "date": ', "line 1", "not valid JSON"),
        ({"id": "x", "text": "Guards fired."}, "x", "no date"),
        ({"id": "x", "date": "14/03/2022", "text": "Guards fired."}, "x", "not a date"),
        ({"id": "x", "date": "2022-03-14", "text": "  "}, "x", "empty"),
        ({"id": "x", "date": "2022-03-14"}, "x", "empty"),
        ({"date": "2022-03-14", "text": "Guards fired."}, "line 1", "no id"),
        ({"id": " ", "date": "2022-03-14", "text": "Guards fired."}, "line 1", "no id"),
        (["x", "2022-03-14", "Guards fired."], "line 1", "expected an object"),
        ({"id": "x", "date": "2022-03-14", "text": 5}, "x", "must be a string"),
        ({"id": "x", "date": "2022-03-14", "text": "a" * 200}, "x", "byte limit"),
    ],
)
def test_io_jsonl_bad_records_are_rejected_with_a_reason(
    tmp_path: Path, line: object, record: str, reason: str
) -> None:
    path = _jsonl(tmp_path / "bad.jsonl", [line])
    (item,) = list(read_inputs([str(path)], max_bytes=100))
    assert isinstance(item, Rejection)
    assert (item.input, item.record) == (str(path), record)
    assert reason in item.reason


def test_io_jsonl_missing_date_falls_back_to_the_given_date(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "b.jsonl", [{"id": "x", "text": "Guards fired."}])
    (item,) = list(read_inputs([str(path)], date=DAY))
    assert isinstance(item, Article) and item.date == DAY


def test_io_jsonl_line_with_bad_bytes_is_rejected_and_the_stream_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "a", "date": "2022-03-14", "text": "Rioters burned tyres."}\n'
        b'{"id": "b", "date": "2022-03-14", "text": "Bad \xff byte."}\n'
        b"\n"
        b'{"id": "c", "date": "2022-03-14", "text": "Police withdrew."}\n'
    )
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article"]
    assert items[1].record == "line 2" and "UTF-8" in items[1].reason  # type: ignore[union-attr]


def test_io_duplicate_id_is_rejected_the_second_time(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "a.jsonl", [{"id": "d", "date": "2022-03-14", "text": "One."}])
    second = _jsonl(tmp_path / "b.jsonl", [{"id": "d", "date": "2022-03-14", "text": "Two."}])
    items = list(read_inputs([str(first), str(second)]))
    assert isinstance(items[0], Article) and items[0].text == "One."
    assert isinstance(items[1], Rejection)
    assert items[1].input == str(second) and "duplicate id" in items[1].reason
    assert str(first) in items[1].reason


def test_io_every_record_ends_as_one_article_or_one_rejection(tmp_path: Path) -> None:
    lines: list[object] = []
    for i in range(30):
        if i % 3 == 0:
            lines.append("{broken")
        elif i % 3 == 1:
            lines.append({"id": f"k{i}", "date": "2022-03-14", "text": f"Protest number {i}."})
        else:
            lines.append({"id": f"k{i}", "text": "No date here."})
    path = _jsonl(tmp_path / "many.jsonl", lines)
    items = list(read_inputs([str(path)]))
    assert len(items) == 30
    assert len(_articles(items)) == 10 and len(_rejections(items)) == 20


def test_io_coded_output_fed_back_as_input_is_rejected_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(_coded().model_dump_json() + "\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Rejection) and "flashpoint show" in item.reason


def test_io_json_array_and_single_object(tmp_path: Path) -> None:
    many = tmp_path / "many.json"
    many.write_text(json.dumps([
        {"id": "j1", "date": "2022-03-14", "text": "Strikers marched."},
        {"id": "j2", "date": "bad", "text": "Strikers marched."},
    ]))
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "j3", "date": "2022-03-14", "text": "A ceasefire held."}))
    items = list(read_inputs([str(many), str(one)]))
    assert [i.id for i in _articles(items)] == ["j1", "j3"]
    assert _rejections(items)[0].record == "j2"


def test_io_csv_reads_quoted_multiline_and_large_fields(tmp_path: Path) -> None:
    big = "The minister spoke at length. " * 10_000  # ~300 KB, over csv's default field limit
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "text", "source"])
        writer.writerow(["c1", "2022-03-14", "Farmers, angry, blocked roads.\nThen left.", "Wire"])
        writer.writerow(["c2", "2022-03-14", big, ""])
    first, second = read_inputs([str(path)])
    assert isinstance(first, Article)
    assert first.text == "Farmers, angry, blocked roads.\nThen left." and first.source == "Wire"
    assert isinstance(second, Article) and second.text == big and second.source is None


def test_io_csv_without_required_columns_is_rejected_once(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("identifier,date,body\nx,2022-03-14,Shots were heard.\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Rejection)
    assert item.record == "header" and "id, text" in item.reason


def test_io_csv_row_with_bad_bytes_or_extra_fields_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"id,date,text\n"
        b"c1,2022-03-14,Caf\xe9 owners protested.\n"
        b"c2,2022-03-14,Too,many,fields\n"
        b"c3,2022-03-14,Owners went home.\n"
    )
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Rejection", "Rejection", "Article"]
    assert "UTF-8" in items[0].reason  # type: ignore[union-attr]
    assert "more fields" in items[1].reason  # type: ignore[union-attr]


def test_io_gzip_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "date": "2022-03-14", "text": "Aid arrived."}) + "\n")
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Article) and item.id == "g1"


# -- folders, globs, missing paths -------------------------------------------------------


def test_io_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text("date 2022-03-14 Z happened.")
    (tmp_path / "a.txt").write_text("date 2022-03-14 A happened.")
    (tmp_path / ".hidden" / "h.txt").write_text("date 2022-03-14 Hidden.")
    (tmp_path / "notes.md").write_text("not an article")
    _jsonl(tmp_path / "c.jsonl", [{"id": "c", "date": "2022-03-14", "text": "C happened."}])
    items = list(read_inputs([str(tmp_path)]))
    assert [i.id for i in _articles(items)] == ["a", "z", "c"]
    assert not _rejections(items)
    assert estimate_total([str(tmp_path)]) == 3


def test_io_glob_and_missing_inputs(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("date 2022-03-14 One.")
    (tmp_path / "two.txt").write_text("date 2022-03-14 Two.")
    items = list(
        read_inputs([str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "x*.q")])
    )
    assert [i.id for i in _articles(items)] == ["one", "two"]
    reasons = [r.reason for r in _rejections(items)]
    assert "no such file" in reasons[0] and "no files match" in reasons[1]


# -- stdin -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "ids"),
    [
        (b'\n{"id": "s1", "date": "2022-03-14", "text": "Crowds gathered."}\n', ["s1"]),
        (b'[{"id": "s2", "date": "2022-03-14", "text": "Crowds gathered."}]', ["s2"]),
        (b'id,date,text\ns3,2022-03-14,"Crowds, large, gathered."\n', ["s3"]),
    ],
)
def test_io_stdin_format_is_sniffed(payload: bytes, ids: list[str]) -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(payload)))
    assert [i.id for i in _articles(items)] == ids


def test_io_stdin_text_with_header_or_date() -> None:
    (dated,) = read_inputs(["-"], stdin=io.BytesIO(b" date 2022-03-14 Crowds gathered."))
    assert isinstance(dated, Article) and dated.date == DAY and dated.text == "Crowds gathered."
    (plain,) = read_inputs(["-"], date=DAY, stdin=io.BytesIO(b"Crowds gathered."))
    assert isinstance(plain, Article) and plain.id.startswith("stdin-")
    (undated,) = read_inputs(["-"], stdin=io.BytesIO(b"Crowds gathered."))
    assert isinstance(undated, Rejection) and undated.input == "-"


class _CountingStream(io.RawIOBase):
    """A byte stream that records how much of it has been read."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


def test_io_reading_streams_instead_of_loading_everything() -> None:
    line = json.dumps({"id": "x{}", "date": "2022-03-14", "text": "Crowds gathered. " * 5})
    data = "".join(line.replace("{}", str(i)) + "\n" for i in range(20_000)).encode()
    stream = _CountingStream(data)
    items = read_inputs(["-"], stdin=io.BufferedReader(stream))
    first = next(items)
    assert isinstance(first, Article) and first.id == "x0"
    assert stream.consumed < len(data) / 20


# -- writers -----------------------------------------------------------------------------


def test_io_flat_row_falls_back_to_the_article_date() -> None:
    rows = list(event_rows(_coded()))
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert (rows[0]["date"], rows[0]["date_precision"]) == ("2022-03-13", "day")
    assert (rows[1]["date"], rows[1]["date_precision"]) == ("2022-03-14", "article")
    assert rows[0]["contexts"] == "military;maritime"
    assert rows[0]["recipient_code"] == "ABC" and rows[1]["recipient_code"] is None


def test_io_jsonl_writer_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    coded = [_coded("n1"), _coded("n2", events=0)]
    with open_writer(path) as writer:
        for c in coded:
            writer.write(c)
    assert list(read_coded(path)) == coded
    assert is_coded_jsonl(path)


def test_io_csv_writer_writes_one_row_per_event(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with open_writer(path) as writer:
        writer.write(_coded("n1", events=2))
        writer.write(_coded("n2", events=0))
        writer.write(_coded("n3", events=1))
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["article_id"] for r in rows] == ["n1", "n1", "n3"]
    assert list(rows[0]) == list(EVENT_COLUMNS)
    expected = next(event_rows(_coded("n1")))
    assert rows[0]["trigger"] == expected["trigger"] == "blockaded"
    assert float(rows[0]["goldstein"]) == -9.5 and rows[0]["place"] == "Port Kessel"


def test_io_parquet_writer_writes_batches_with_the_flat_schema(tmp_path: Path) -> None:
    path = tmp_path / "out.parquet"
    writer = open_writer(path)
    writer.batch_rows = 3  # type: ignore[attr-defined]
    for i in range(5):
        writer.write(_coded(f"n{i}", events=2))
    writer.close()
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.num_rows == 10
    assert table.to_pylist()[0] == next(event_rows(_coded("n0")))
    assert pq.ParquetFile(path).metadata.num_row_groups > 1


def test_io_parquet_writer_with_no_events_writes_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    with open_writer(path) as writer:
        writer.write(_coded(events=0))
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == list(EVENT_COLUMNS)


def test_io_unknown_output_suffix_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError, match=r"\.parquet"):
        open_writer(tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()
