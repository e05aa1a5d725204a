"""Readers and scorers of the event evals, on small files written here."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flashpoint import Config
from flashpoint.evaluate import conflibert_class, petrarch, plover
from flashpoint.evaluate.common import EvalDataError
from flashpoint.records import Actor, CharSpan, Event, SentenceRef

VALIDATION_XML = """<Validation><Sentences>
<Sentence date="20010203" id="T-1" category="DEMO">
<EventCoding sourcecode="CHL" targetcode="PER" eventcode="190"></EventCoding>
<EventCoding sourcecode="PER" targetcode="CHL" eventcode="111"></EventCoding>
<Text>
Chile attacked   Peru.
</Text>
<Parse>(ROOT (S (NP (NNP Chile))))</Parse>
</Sentence>
<Sentence date="20010204" id="T-2" category="NONE">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather was mild.</Text>
</Sentence>
<Sentence date="20010205" id="T-3" category="DEMO">
<Text>Nothing is expected here.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_eval_petrarch_reads_codings_noevents_and_skips_uncoded(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(VALIDATION_XML)
    sentences = list(petrarch.read_sentences(path))
    assert [s.id for s in sentences] == ["T-1", "T-2"]
    first, second = sentences
    assert first.text == "Chile attacked Peru."
    assert first.date == dt.date(2001, 2, 3)
    assert first.codings[0] == petrarch.Coding("CHL", "PER", "190")
    assert second.noevents and not second.codings


def test_eval_petrarch_levels_compare_codes_as_written() -> None:
    expected = (petrarch.Coding("CHL", "PER", "190"), petrarch.Coding("PER", "CHL", "111"))
    predicted = [petrarch.Coding("CHL", "PER", "193"), petrarch.Coding("CHLGOV", "PER", "190")]
    exact = petrarch.score_sentence(predicted, expected, "exact")
    root = petrarch.score_sentence(predicted, expected, "root")
    dyad = petrarch.score_sentence(predicted, expected, "dyad")
    assert (exact.tp_pred, exact.tp_gold, exact.predicted, exact.gold) == (0, 0, 2, 2)
    assert (root.tp_pred, root.tp_gold) == (1, 1)
    assert (dyad.tp_pred, dyad.tp_gold) == (1, 1)


def test_eval_petrarch_writes_events_in_petrarch_notation() -> None:
    def event(actor: Actor | None, recipient: Actor | None) -> Event:
        return Event(
            id="a:e0",
            article_id="a",
            sentence=SentenceRef(index=0, text="x", start=0, end=1),
            trigger=CharSpan(text="x", start=0, end=1),
            actor=actor,
            recipient=recipient,
            event_type="ACCUSE",
            cameo="111",
            goldstein=-4.0,
            quad_class=3,
        )

    officials = Actor(text="officials", sector="GOV", start=0, end=9)
    chile = Actor(text="Chile", code="CHL", country="CHL", start=0, end=5)
    assert petrarch.as_coding(event(officials, None)) == petrarch.Coding("---GOV", "---", "111")
    assert petrarch.as_coding(event(None, chile)) == petrarch.Coding("---", "CHL", "111")


def test_eval_petrarch_run_reports_levels_and_noevents(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(VALIDATION_XML)
    errors = tmp_path / "errors.jsonl"
    result = petrarch.run(path, Config(), errors=errors)
    assert result["sentences"] == 2 and result["expected"] == 2
    assert set(result["levels"]) == {"exact", "root", "dyad"}
    assert result["noevents"] == {"sentences": 1, "with_events": 0}
    assert {"DEMO", "NONE"} <= set(result["by_category"])
    assert sum(result["modality"].values()) == result["predicted"]
    assert errors.exists()


def test_eval_petrarch_bad_file_is_a_named_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<Validation><Sentence>")
    with pytest.raises(EvalDataError, match="broken.xml"):
        list(petrarch.read_sentences(path))


def test_eval_plover_skips_document_record_and_reads_countries(tmp_path: Path) -> None:
    records = [
        {"id": "doc", "event": "DOCUMENT", "eventText": "about this file"},
        {
            "id": "r1",
            "date": "1999-03-02",
            "event": "FIGHT",
            "text": "Chile shelled a town in Peru.",
            "source": [{"actorText": "Chile", "code": "CHL", "sector": "MIL"}],
            "target": [{"actorText": "Peru", "code": "PERCVL"}],
        },
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(records))
    read = plover.read_records(path)
    assert [r["id"] for r in read] == ["r1"]
    assert plover._countries(read[0]["target"]) == {"PER"}
    result = plover.run(path, Config())
    assert result["records"] == 1
    assert set(result["by_type"]) == {"ASSAULT"}  # FIGHT is read as its current name
    assert 0.0 <= result["event_type_accuracy"] <= 1.0
    assert result["modality"] == {"asserted": 1}  # of each record's main event


def test_eval_plover_reads_older_country_codes_as_iso() -> None:
    actors = [{"code": "JAPGOV"}, {"code": "ITL"}, {"code": "IGOUNO"}]
    assert plover._countries(actors) == {"JPN", "ITA", "IGO"}


@pytest.mark.parametrize(
    ("root", "label"),
    [
        ("01", 0),
        ("02", 0),
        ("04", 1),
        ("07", 2),
        ("11", 3),
        ("16", 3),
        ("14", 4),
        ("15", 4),
        ("19", 4),
    ],
)
def test_eval_conflibert_class_label_of_root(root: str, label: int) -> None:
    assert conflibert_class.label_of_root(root) == label


def test_eval_conflibert_class_rejects_a_row_without_label(tmp_path: Path) -> None:
    path = tmp_path / "class.tsv"
    path.write_text("Chile attacked Peru.\t4\nno label here\n")
    with pytest.raises(EvalDataError, match="line 2"):
        conflibert_class.read_rows(path)


def test_eval_conflibert_class_no_event_counts_as_wrong(tmp_path: Path) -> None:
    path = tmp_path / "class.tsv"
    path.write_text("The weather was mild all week.\t0\n")
    result = conflibert_class.run(path, Config())
    assert result == {
        "sentences": 1,
        "accuracy": 0.0,
        "macro_f1": 0.0,
        "no_event": 1,
        "by_label": result["by_label"],
        "modality": {},
    }
