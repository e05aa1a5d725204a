"""PETRARCH .verbs dictionaries: the reader, loading into the lexicon, and matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint import Coder, Config
from flashpoint.kb.lexicon import LexiconError, load_lexicon
from flashpoint.kb.lexicon.petrarch import (
    PetrarchCode,
    VerbDictionaryError,
    parse_verb_dictionary,
    read_verb_dictionary,
)
from flashpoint.records import Article

SAMPLE = Path(__file__).parent / "data" / "verbs" / "sample.verbs"


# -- reader ----------------------------------------------------------------------------


def test_lexicon_petrarch_reads_blocks_synonyms_and_forms() -> None:
    dictionary = read_verb_dictionary(SAMPLE)
    praise = dictionary.lookup("praise")
    assert [v.word for v in praise] == ["praise"]
    assert praise[0].code == PetrarchCode("042")
    hail = dictionary.lookup("hailed")
    assert len(hail) == 1 and hail[0].word == "hail" and hail[0].after == ("down",)
    assert set(hail[0].forms) == {"hailed", "hails", "hailing"}
    assert dictionary.lookup("shipping")[0].code == PetrarchCode("071", "072")


def test_lexicon_petrarch_expands_nested_synsets() -> None:
    dictionary = read_verb_dictionary(SAMPLE)
    assert dictionary.synsets["FOOD"] == (("apples",), ("blood", "oranges"), ("bread",))


def test_lexicon_petrarch_reads_pattern_markers_and_joins() -> None:
    praise = read_verb_dictionary(SAMPLE).lookup("praise")[0]
    by_code = {p.code.code: p for p in praise.patterns}
    never = [p for p in praise.patterns if p.code.is_null][0]
    assert [(i.kind, i.text, i.joined) for i in never.before] == [("word", "never", True)]
    marked = by_code["054"]
    assert [i.kind for i in marked.before] == ["target"]
    assert [(i.kind, i.text) for i in marked.after] == [
        ("word", "letter"),
        ("word", "of"),
        ("source", ""),
    ]
    food = by_code["053"]
    assert [(i.kind, i.text) for i in food.after] == [("synset", "FOOD"), ("word", "parcels")]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("042", PetrarchCode("042")),
        ("032:033", PetrarchCode("032", "033")),
        ("---", PetrarchCode(None)),
        ("+++", PetrarchCode(None)),
        ("###", PetrarchCode(None)),
        ("174X", PetrarchCode("174X")),
        ("025?", PetrarchCode("025")),
    ],
)
def test_lexicon_petrarch_reads_codes(raw: str, expected: PetrarchCode) -> None:
    text = f"--- GREET [{raw}] ---\nGREET\n"
    assert parse_verb_dictionary(text).lookup("greet")[0].code == expected


def test_lexicon_petrarch_skips_comments_but_not_hash_codes() -> None:
    text = (
        "<!-- a comment\n over two lines -->\n"
        "--- GREET [041] --- # a trailing comment\n"
        "GREET  # the verb\n"
        "# - * WARMLY [042]\n"
        "- * COLDLY [###]  # null, though it holds a hash\n"
    )
    greet = parse_verb_dictionary(text).lookup("greet")[0]
    assert [p.code for p in greet.patterns] == [PetrarchCode(None)]


def test_lexicon_petrarch_marks_the_verb_word_of_a_multiword_verb() -> None:
    text = "--- TAP [081] ---\nTAP\nPHONE_+TAP {PHONE_+TAPPED}\n"
    verbs = parse_verb_dictionary(text).lookup("tapped")
    assert [(v.word, v.before) for v in verbs] == [("tap", ("phone",))]


@pytest.mark.parametrize(
    ("text", "problem", "line"),
    [
        ("--- GREET ---\nGREET\n", "header", 1),
        ("--- GREET [041] ---\nGREET\n- * WARMLY\n", "no [CODE]", 3),
        ("--- GREET [041] ---\nGREET\n- WARMLY [042]\n", "no '*'", 3),
        ("--- GREET [041] ---\nGREET\n- * * [042]\n", "more than one '*'", 3),
        ("--- GREET [041] ---\nGREET\n- * &NOSUCH [042]\n", "&NOSUCH is not defined", 3),
        ("--- GREET [04 1] ---\nGREET\n", "cannot read the code", 1),
        ("--- GREET [] ---\nGREET\n", "empty", 1),
        ("--- GREET [041] ---\nGREET {GREETED\n", "unbalanced braces", 2),
        ("--- GREET [041] ---\nGREET\n- * WARMLY [042\n", "unclosed '['", 3),
        ("GREET\n", "outside any verb block", 1),
        ("- * WARMLY [042]\n", "before any", 1),
        ("&TREES\nOAK\n", "members start with '+'", 2),
        ("&A\n+&B\n&B\n+&A\n", "contains itself", 4),
        ("&A\n+OAK\n&A\n+ELM\n", "defined twice", 3),
    ],
)
def test_lexicon_petrarch_malformed_lines_name_file_and_line(
    text: str, problem: str, line: int
) -> None:
    with pytest.raises(VerbDictionaryError) as err:
        parse_verb_dictionary(text, "my.verbs")
    assert f"my.verbs, line {line}:" in str(err.value)
    assert problem in str(err.value)


def test_lexicon_petrarch_unreadable_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        read_verb_dictionary(tmp_path / "missing.verbs")


def test_lexicon_petrarch_reads_the_validation_dictionary(gold_dir: Path) -> None:
    path = gold_dir / "petrarch2" / "PETR.Validate.verbs.txt"
    if not path.exists():
        pytest.skip(f"{path} not present")
    dictionary = read_verb_dictionary(path)
    assert len(dictionary.verbs) > 200
    assert all(v.patterns or v.code for v in dictionary.verbs)


# -- loading ---------------------------------------------------------------------------


def test_lexicon_load_adds_user_verbs_to_the_builtin_ones() -> None:
    lexicon = load_lexicon(verb_files=[str(SAMPLE)])
    assert lexicon.user_verb_entries("praise")
    assert lexicon.verb_patterns("attack"), "built-in verbs stay when not replaced"
    assert str(SAMPLE) in lexicon.sources


def test_lexicon_load_can_replace_the_builtin_triggers() -> None:
    lexicon = load_lexicon(verb_files=[SAMPLE], replace=True)
    assert lexicon.user_verb_entries("ship")
    assert not lexicon.verbs and not lexicon.nouns and not lexicon.instruments
    assert lexicon.modality.negators, "modality cues are kept"


def test_lexicon_load_replace_without_files_is_an_error() -> None:
    with pytest.raises(LexiconError, match="at least one verb dictionary"):
        load_lexicon(replace=True)


def test_lexicon_load_rejects_conflicting_synsets(tmp_path: Path) -> None:
    other = tmp_path / "other.verbs"
    other.write_text("&FRUIT\n+PEARS\n--- PEEL [030] ---\nPEEL\n- * &FRUIT [031]\n")
    with pytest.raises(LexiconError, match="&FRUIT"):
        load_lexicon(verb_files=[SAMPLE, other])


# -- matching --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def user_coder() -> Coder:
    return Coder(Config(verb_files=(SAMPLE,), replace_verbs=True))


def _codings(coder: Coder, text: str) -> list[tuple[str | None, str | None, str]]:
    coded = coder.code(Article(id="t", date="2021-03-04", text=text))
    return [
        (
            e.actor.code if e.actor else None,
            e.recipient.code if e.recipient else None,
            e.cameo,
        )
        for e in coded.events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the block's default code
        ("France praised Germany.", [("FRA", "DEU", "042")]),
        # a pattern after the verb overrides it
        ("France praised the harvest of Germany.", [("FRA", "DEU", "052")]),
        # a nested synset member, then a pattern word, with other words between
        ("France praised blood oranges parcels for the German government.",
         [("FRA", "DEUGOV", "053")]),
        # a multi-word verb with its own forms
        ("France hailed down Germany.", [("FRA", "DEU", "042")]),
        # the null pattern and the null default code suppress the event
        ("France never praised Germany.", []),
        ("France scolded Germany.", []),
        ("France scolded Germany loudly.", [("FRA", "DEU", "111")]),
        # "+ * LETTER OF $": the subject is the target, the "of" object the source
        ("Germany praised the letter of the French government.", [("FRAGOV", "DEU", "054")]),
        # a [A:B] pair codes both directions
        ("The French government shipped grain to the German army.",
         [("FRAGOV", "DEUMIL", "071"), ("DEUMIL", "FRAGOV", "072")]),
        # "%": a compound subject acts on each other
        ("France and Germany shipped grain.", [("FRA", "DEU", "073"), ("DEU", "FRA", "073")]),
        # "^" passes over the noun phrase after "at": the target is the next actor
        ("France dined at the Spanish embassy with Italy.", [("FRA", "ITA", "046")]),
        # a dyad needs both sides named: no target, or an unknown source, codes nothing
        ("France praised the weather.", []),
        ("Somebody praised Germany.", []),
    ],
)  # fmt: skip
def test_events_user_verbs_code_from_the_parse(
    user_coder: Coder, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert sorted(_codings(user_coder, text)) == sorted(expected)


def test_events_user_verbs_replace_mode_codes_nothing_else(user_coder: Coder) -> None:
    assert _codings(user_coder, "France attacked Germany.") == []


def test_events_user_verbs_win_over_builtin_ones(coder: Coder) -> None:
    adding = Coder(Config(verb_files=(SAMPLE,)))
    builtin = _codings(coder, "France praised Germany.")
    assert builtin and builtin[0][2] != "042"
    assert _codings(adding, "France praised Germany.") == [("FRA", "DEU", "042")]
    assert _codings(adding, "France scolded Germany.") == []
    assert _codings(adding, "France attacked Germany.") == _codings(
        coder, "France attacked Germany."
    )


def test_events_a_joint_dictionary_name_acts_as_each_of_its_actors(tmp_path: Path) -> None:
    actors = tmp_path / "joint.actors"
    actors.write_text("FREEDONIA [FRD]\nTHE_TWIN_DUCHIES [TWA/TWB]\n")
    coder = Coder(Config(actor_files=(actors,), verb_files=(SAMPLE,), replace_verbs=True))
    assert sorted(_codings(coder, "Freedonia praised the Twin Duchies.")) == [
        ("FRD", "TWA", "042"),
        ("FRD", "TWB", "042"),
    ]
    (duchies,) = coder.code(Article(id="t", date="2021-03-04", text="The Twin Duchies met.")).actors
    assert duchies.code == "TWA" and duchies.joint_codes == ["TWA", "TWB"]


def test_events_user_verb_target_is_not_an_owner_inside_the_subject(tmp_path: Path) -> None:
    verbs = tmp_path / "present.verbs"
    verbs.write_text("--- PRESENT [032] ---\nPRESENT\n")
    coder = Coder(Config(verb_files=(verbs,), replace_verbs=True))
    text = "The envoys of France, Spain and Germany presented their papers to the Italian king."
    # "their" points back at the envoys: the target is the one the papers went to
    assert sorted(_codings(coder, text)) == [
        ("DEUGOV", "ITAGOV", "032"),
        ("ESPGOV", "ITAGOV", "032"),
        ("FRAGOV", "ITAGOV", "032"),
    ]


def test_events_user_verb_target_from_the_clause_saying_what_for(tmp_path: Path) -> None:
    verbs = tmp_path / "sign.verbs"
    verbs.write_text("--- SIGN [081] ---\nSIGN\n")
    coder = Coder(Config(verb_files=(verbs,), replace_verbs=True))
    text = "Chile signed the accord yesterday to help Peru."
    assert _codings(coder, text) == [("CHL", "PER", "081")]
    # an actor named in the verb's own phrase comes first
    text = "Chile signed a pact with Peru to supply Bolivia with grain."
    assert _codings(coder, text) == [("CHL", "PER", "081")]


def test_events_user_verb_target_is_its_own_not_the_governed_clauses(tmp_path: Path) -> None:
    verbs = tmp_path / "offer.verbs"
    verbs.write_text("--- OFFER [100] ---\nOFFER\n- * TO FIGHT [173]\n")
    coder = Coder(Config(verb_files=(verbs,), replace_verbs=True))
    # Peru is who the matter is settled with, not who the offer is made to
    assert _codings(coder, "Chile offered to settle the matter with Peru next year.") == []
    assert _codings(coder, "Chile offered Peru a loan.") == [("CHL", "PER", "100")]
    # a pattern that names the clause reaches into it
    assert _codings(coder, "Chile offered to fight Peru.") == [("CHL", "PER", "173")]


def test_events_user_verb_form_must_be_an_inflection_of_the_verb(tmp_path: Path) -> None:
    verbs = tmp_path / "leave.verbs"
    verbs.write_text("--- QUIT [032] ---\nQUIT\n--- FLEE [033] ---\nFLEE\n")
    coder = Coder(Config(verb_files=(verbs,), replace_verbs=True))
    assert _codings(coder, "Chile quits Peru.") == [("CHL", "PER", "032")]
    # the lemmatizer reads this misspelling as "quit"; it is no form of the verb
    assert _codings(coder, "Chile quites Peru.") == []
    # an irregular form still matches by its lemma
    assert _codings(coder, "Chile fled Peru.") == [("CHL", "PER", "033")]


def test_events_user_verb_subject_the_parse_made_a_compound(tmp_path: Path) -> None:
    verbs = tmp_path / "act.verbs"
    verbs.write_text("--- ACT [100] ---\nACT\n- * ON PLEDGE [102]\n")
    coder = Coder(Config(verb_files=(verbs,), replace_verbs=True))
    # the parser reads "Norway act" as a noun compound; the reporter is not the doer
    text = "Norway act on a pledge to Sweden, officials said."
    assert _codings(coder, text) == [("NOR", "SWE", "102")]


def test_events_user_codes_outside_cameo_are_kept_as_written(tmp_path: Path) -> None:
    verbs = tmp_path / "odd.verbs"
    verbs.write_text("--- PRAISE [905] ---\nPRAISE\n- * HARVEST [051X]\n")
    coder = Coder(Config(verb_files=(verbs,), replace_verbs=True))
    coded = coder.code(Article(id="t", date="2021-03-04", text="France praised Germany."))
    (event,) = coded.events
    assert event.cameo == "905" and event.event_type == "" and event.quad_class == 0
    coded = coder.code(
        Article(id="t", date="2021-03-04", text="France praised the harvest of Germany.")
    )
    (event,) = coded.events
    assert event.cameo == "051X" and event.event_type == "SUPPORT"


def test_cli_code_reports_a_malformed_verb_dictionary(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from flashpoint import cli

    bad = tmp_path / "bad.verbs"
    bad.write_text("--- GREET [041] ---\nGREET\n- * WARMLY\n")
    article = tmp_path / "a.txt"
    article.write_text("date 2021-03-04\nFrance greeted Germany.\n")
    args = ["code", str(article), "--db", str(tmp_path / "f.duckdb"), "--verbs", str(bad), "-q"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 1
    assert "bad.verbs, line 3" in result.output and "no [CODE]" in result.output
