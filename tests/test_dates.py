"""Time expressions: the pure resolution rules, the TimeTagger on real parses, the TimeML eval."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from flashpoint import Config
from flashpoint.evaluate import timeml
from flashpoint.records import Article, TimeRef
from flashpoint.timex import is_relative_to_previous, resolve, value_range

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "time_expressions.yaml").read_text()
)
WEDNESDAY = dt.date(2021, 3, 10)


def _times(nlp: Any, text: str, date: dt.date) -> list[TimeRef]:
    doc = nlp.make_doc(text)
    doc._.fp_date = date
    doc = nlp(doc)
    return [s._.fp_time for s in doc._.fp_times]


# --- pure rules ----------------------------------------------------------------------


def test_dates_weekday_on_the_articles_own_day_is_that_day() -> None:
    assert resolve("Wednesday", WEDNESDAY).value == "2021-03-10"  # type: ignore[union-attr]
    assert resolve("Wednesday", WEDNESDAY, "future").value == "2021-03-10"  # type: ignore[union-attr]
    assert resolve("last Wednesday", WEDNESDAY).value == "2021-03-03"  # type: ignore[union-attr]
    assert resolve("next Wednesday", WEDNESDAY).value == "2021-03-17"  # type: ignore[union-attr]


def test_dates_weekday_follows_tense() -> None:
    assert resolve("Friday", WEDNESDAY, "past").value == "2021-03-05"  # type: ignore[union-attr]
    assert resolve("Friday", WEDNESDAY, "future").value == "2021-03-12"  # type: ignore[union-attr]


def test_dates_month_without_year_is_the_latest_one_unless_future() -> None:
    assert resolve("in September", WEDNESDAY).value == "2020-09"  # type: ignore[union-attr]
    assert resolve("in September", WEDNESDAY, "future").value == "2021-09"  # type: ignore[union-attr]
    assert resolve("March", WEDNESDAY).value == "2021-03"  # type: ignore[union-attr]


def test_dates_hours_later_counts_from_the_previous_expression() -> None:
    previous = TimeRef(text="Saturday", value="2021-03-06", precision="day")
    assert is_relative_to_previous("only hours later")
    assert resolve("only hours later", WEDNESDAY, None, previous).value == "2021-03-06"  # type: ignore[union-attr]
    assert resolve("hours later", WEDNESDAY).value == "2021-03-10"  # type: ignore[union-attr]
    assert resolve("the following day", WEDNESDAY, None, previous).value == "2021-03-07"  # type: ignore[union-attr]


def test_dates_durations_ages_and_frequencies_are_not_dates() -> None:
    for text in ("three years", "the past nine days", "50-year-old", "annual", "decades"):
        assert resolve(text, WEDNESDAY) is None, text


def test_dates_value_range_covers_each_notation() -> None:
    assert value_range("2020-W01") == (dt.date(2019, 12, 30), dt.date(2020, 1, 5))
    assert value_range("2019-09") == (dt.date(2019, 9, 1), dt.date(2019, 9, 30))
    assert value_range("199") == (dt.date(1990, 1, 1), dt.date(1999, 12, 31))
    assert value_range("2019-Q4") == (dt.date(2019, 10, 1), dt.date(2019, 12, 31))
    assert value_range("PRESENT_REF") is None


# --- the tagger on real parses -------------------------------------------------------


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{i:02d}-{c['expression']}" for i, c in enumerate(CASES)]
)
def test_dates_written_expressions_resolve(nlp: Any, case: dict[str, Any]) -> None:
    text = case["sentence"]
    start = text.index(case["expression"])
    end = start + len(case["expression"])
    refs = [
        r
        for r in _times(nlp, text, case["date"])
        if r.start is not None and r.start < end and start < r.end
    ]
    assert refs, f"no time expression found over {case['expression']!r} in {text!r}"
    assert (refs[0].value, refs[0].precision) == (str(case["value"]), case["precision"]), text


def test_dates_offsets_point_at_the_text(nlp: Any) -> None:
    text = "The ceasefire collapsed early Friday, officials said on Monday."
    for ref in _times(nlp, text, WEDNESDAY):
        assert text[ref.start : ref.end] == ref.text  # type: ignore[misc]


def test_dates_seed_article_resolves_relative_dates(coder: Any, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    coded = coder.code(Article(id="seed", date=dt.date(2020, 1, 9), text=text))
    values = {(t.text.lower(), t.value) for t in coded.times}
    assert ("last week", "2020-W01") in values
    assert ("early friday", "2020-01-03") in values
    assert ("wednesday", "2020-01-08") in values
    assert ("september", "2019-09") in values


# --- the TimeML eval -----------------------------------------------------------------

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>fp_test_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-10"
 functionInDocument="CREATION_TIME">March 10, 2021</TIMEX3></DCT>
<TEXT>
Border guards <EVENT eid="e1" class="OCCURRENCE">clashed</EVENT> <TIMEX3 tid="t1" type="DATE"
 value="2021-03-07">on Sunday</TIMEX3>
near the river &amp; the ferry crossing. The talks <EVENT eid="e2" class="OCCURRENCE">lasted</EVENT>
<TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> and ended
<TIMEX3 tid="t3" type="DATE" value="2021-W09">last week</TIMEX3>. Elections are due
<TIMEX3 tid="t4" type="DATE" value="2022">next year</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_dates_timeml_reader_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "sample.tml"
    path.write_text(TML, encoding="utf-8")
    doc = timeml.read_tml(path)
    assert doc.date == dt.date(2021, 3, 10)
    assert "&amp;" not in doc.text and "<" not in doc.text
    dates = [t for t in doc.timexes if t.type == "DATE"]
    assert [doc.text[t.start : t.end] for t in dates] == ["on Sunday", "last week", "next year"]


def test_dates_timeml_eval_scores_a_written_document(tmp_path: Path) -> None:
    (tmp_path / "sample.tml").write_text(TML, encoding="utf-8")
    result = timeml.run(tmp_path, Config(), errors=tmp_path / "errors.jsonl")
    assert result["documents"] == 1 and result["gold"] == 3
    assert result["span"]["recall"] == 1.0
    assert result["value"]["f1"] == 1.0


def test_dates_meantime_reader_maps_token_anchors(gold_dir: Path) -> None:
    folder = gold_dir / "time" / "meantime_en"
    if not folder.exists():
        pytest.skip("MEANTIME not present")
    doc = next(timeml.read_documents(folder))
    assert doc.timexes and doc.annotated_until is not None
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end].strip() == doc.text[timex.start : timex.end]


def test_dates_matches_around_anchor_words_equal_a_run_over_the_whole_doc(nlp: Any) -> None:
    text = (
        "Only a few hours later the envoy left Kasama. Some minutes ago, on 4/7/2016, the "
        "council met. The envoy and his aides spoke with the elders of both villages about "
        "wells, roads and grain. Early Tuesday morning it had voted, as it did last week and "
        "in the 1980s. The plan runs from May 3, 2019 to 2022, third-quarter sales fell, and for "
        "the time being the near term looks calm. The next day, this winter, talks resume."
    )
    doc = nlp(text)
    tagger = nlp.get_pipe("times")
    assert sorted(tagger.matches(doc)) == sorted(tagger.matcher(doc))
    assert len(tagger.anchors.windows(doc)) > 1


def test_dates_anchors_read_the_whole_doc_where_a_repeat_has_no_bound(nlp: Any) -> None:
    from flashpoint.pipeline.dates import _Anchors

    bounded = _Anchors([("X", [[{"LOWER": "a", "OP": "*"}, {"LOWER": "later"}]])])
    unbounded = _Anchors(
        [("X", [[{"LOWER": "since"}, {"POS": "PROPN", "OP": "+"}, {"LOWER": "day"}]])]
    )
    doc = nlp.make_doc("Nothing here, and a a a later, more nothing after that")
    assert bounded.windows(doc) == [(4, 8)]  # "a a a later"
    assert unbounded.windows(doc) == [(0, len(doc))]
    with pytest.raises(ValueError):
        _Anchors([("X", [[{"POS": "NOUN"}]])])
