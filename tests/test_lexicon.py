"""The event lexicon: YAML data loaded into a lemma-indexed Lexicon."""

from __future__ import annotations

from pathlib import Path

import pytest

import flashpoint.kb.lexicon as lexicon_module
from flashpoint.kb.lexicon import LexiconError, load_lexicon
from flashpoint.kb.ontology import load_ontology


def test_lexicon_every_code_exists_in_the_ontology() -> None:
    ontology = load_ontology()
    unknown = sorted(code for code in load_lexicon([]).codes() if ontology.get(code) is None)
    assert unknown == []


def test_lexicon_covers_every_cameo_family() -> None:
    roots = {code[:2] for code in load_lexicon([]).codes()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_lexicon_indexes_verbs_by_lemma_most_specific_first() -> None:
    patterns = load_lexicon([]).verb_patterns("withdraw")
    assert patterns, "withdraw has no patterns"
    ranks = [p.specificity for p in patterns]
    assert ranks == sorted(ranks, reverse=True)
    assert any(p.particle == "out" for p in patterns)


def test_lexicon_nouns_and_instruments_are_indexed() -> None:
    lexicon = load_lexicon([])
    assert {p.code[:2] for p in lexicon.noun_patterns("airstrike")} == {"19"}
    assert any("rocket" in p.subjects for p in lexicon.instruments["crash"])


@pytest.mark.parametrize(
    ("lemma", "complement", "expected"),
    [
        ("agree", "042", "036"),  # agreed to visit: intent to meet
        ("vow", "190", "1384"),  # vowed to attack: threaten conventional attack
        ("urge", "087", "0256"),  # urged to pull back: appeal to de-escalate
        ("refuse", "084", "1243"),  # refused to release: refuse to release
        ("demand", "046", "106"),  # demanded talks: demand negotiation
        ("urge", "141", "113"),  # urged to protest against Y: rally opposition against Y
        ("call", "163", "113"),  # called on X to sanction Y: rally opposition against Y
    ],
)
def test_lexicon_control_frame_maps_complement_to_subcode(
    lemma: str, complement: str, expected: str
) -> None:
    frames = load_lexicon([]).control_frames(lemma)
    assert expected in {frame.code_for(complement) for frame in frames}


def test_lexicon_reads_object_requirements_and_decision_verbs() -> None:
    lexicon = load_lexicon([])
    assert any(p.needs_object and p.needs_recipient for p in lexicon.verb_patterns("return"))
    assert any(p.needs_actor and p.code == "042" for p in lexicon.verb_patterns("travel"))
    assert "decide" in lexicon.decision_verbs
    assert any(frame.family == "10" for frame in lexicon.control_frames("pressure"))


def test_lexicon_missing_verb_file_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="some.verbs.txt: cannot read the verb dictionary"):
        load_lexicon(["some.verbs.txt"])


def test_lexicon_bad_code_names_file_and_entry(tmp_path: Path) -> None:
    source = Path(lexicon_module.__file__).parent
    for name in ("nouns.yaml", "frames.yaml", "modality.yaml"):
        (tmp_path / name).write_text((source / name).read_text())
    (tmp_path / "verbs.yaml").write_text('- code: "99x"\n  lemmas: [attack]\n')
    with pytest.raises(LexiconError, match=r"verbs.yaml, entry 1"):
        load_lexicon([], directory=tmp_path)


@pytest.mark.parametrize(
    ("lemma", "obj", "code"),
    [
        ("lift", "curfew", "0813"),  # ease curfew
        ("lift", "emergency", "0814"),  # ease state of emergency or martial law
        ("indict", None, "115"),  # charges are legal action, not arrest
    ],
)
def test_lexicon_easing_and_charges_use_their_cameo_subcodes(
    lemma: str, obj: str | None, code: str
) -> None:
    patterns = load_lexicon([]).verb_patterns(lemma)
    assert any(p.code == code and (obj is None or obj in p.objects) for p in patterns)
    assert not any(p.code in ("0811", "0812") and obj in p.objects for p in patterns)
