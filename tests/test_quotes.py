"""Direct quotes: marks, cues before and after, split and partial quotes, channels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flashpoint.coder import Coder
from flashpoint.evaluate.polnear import read_ann
from flashpoint.pipeline.quotes import find_quote_marks
from flashpoint.records import Article, CodedArticle, Quote


def _code(coder: Coder, text: str, article_id: str = "t") -> CodedArticle:
    return coder.code(Article(id=article_id, date="2021-05-04", text=text))


def _quotes(coder: Coder, text: str) -> list[Quote]:
    return [q for q in _code(coder, text).quotes if q.channel != "post" or q.handle is None]


def _only(coder: Coder, text: str) -> Quote:
    quotes = _quotes(coder, text)
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_quotes_marks_skip_apostrophes() -> None:
    text = "Lopez\u2019s plan isn\u2019t new, O\u2019Brien said, and the \u201990s were calmer."
    assert find_quote_marks(text) == []


def test_quotes_marks_pair_curly_straight_and_single() -> None:
    text = "He said \u201cyes\u201d and then \"no\" before calling it 'a mistake' twice."
    found = [text[m.inner_start : m.inner_end] for m in find_quote_marks(text)]
    assert found == ["yes", "no", "a mistake"]


def test_quotes_marks_two_apostrophes_are_a_double_mark() -> None:
    text = "''We will not sign,'' the envoy said, as the rebels' camp ''waited.''"
    found = [text[m.inner_start : m.inner_end] for m in find_quote_marks(text)]
    assert found == ["We will not sign", "waited."]


def test_quotes_marks_run_over_paragraphs() -> None:
    text = "\u201cFirst we rebuild the port.\n\n\u201cThen we open the border,\u201d she said."
    (mark,) = find_quote_marks(text)
    assert text[mark.inner_start : mark.inner_end].startswith("First we rebuild")
    assert text[mark.inner_start : mark.inner_end].endswith("open the border")


def test_quotes_cue_after_quote(coder: Coder) -> None:
    text = "\u201cWe will rebuild the bridge by spring,\u201d the mayor said on Friday."
    quote = _only(coder, text)
    assert quote.text == "We will rebuild the bridge by spring"
    assert text[quote.start : quote.end] == quote.text
    assert quote.cue == "said" and text[quote.cue_start : quote.cue_end] == "said"  # type: ignore[index]
    assert quote.speaker is not None and quote.speaker.text.endswith("mayor")
    assert quote.partial is False


def test_quotes_inverted_cue_after_quote(coder: Coder) -> None:
    text = '"Prices are rising faster than wages," said Maria Lopez, the central bank chief.'
    quote = _only(coder, text)
    assert quote.speaker is not None and quote.speaker.text == "Maria Lopez"
    assert quote.speaker.kind == "person"


def test_quotes_cue_before_quote_with_colon(coder: Coder) -> None:
    text = 'The defence minister said: "Our troops will stay until the vote is over."'
    quote = _only(coder, text)
    assert quote.text.startswith("Our troops will stay")
    assert quote.speaker is not None and "minister" in quote.speaker.text
    assert quote.cue == "said"


def test_quotes_cue_before_quote_without_a_mark_between(coder: Coder) -> None:
    text = (
        "The governor said on Monday \u201cWe will rebuild every bridge.\u201d "
        "\u201cNo town will be forgotten.\u201d"
    )
    quote = _only(coder, text)
    assert not quote.partial and quote.cue == "said"
    assert "rebuild" in quote.text and "forgotten" in quote.text
    assert not _code(coder, text).claims  # the words are the governor's, not a claim


def test_quotes_short_exclamation_after_its_cue_is_a_full_quote(coder: Coder) -> None:
    quote = _only(coder, 'Marchers chanted "Free them now!" outside the court.')
    assert quote.text == "Free them now!" and not quote.partial and quote.cue == "chanted"


def test_quotes_a_quoted_title_is_not_its_own_speaker(coder: Coder) -> None:
    assert _quotes(coder, "\u201cBorn to Run\u201d was written in a rented house in 1974.") == []


def test_quotes_speaker_of_a_gerund_cue_after_a_preposition(coder: Coder) -> None:
    quote = _only(coder, 'The coach was fired for saying "We will never win in this town."')
    assert quote.speaker is not None and quote.speaker.text == "The coach"
    assert not quote.partial and quote.cue == "saying"
    text = "Critics scolded Mayor Ruth Vance for saying the bridge was safe."
    (claim,) = _code(coder, text).claims
    assert claim.claimant is not None and "Vance" in claim.claimant.text
    assert claim.text.startswith("the bridge was safe")


def test_quotes_split_quote_is_one_quote(coder: Coder) -> None:
    text = (
        "\u201cWe are ready to talk,\u201d Maria Lopez said. "
        "\u201cThe first meeting can take place in Geneva next week.\u201d"
    )
    quote = _only(coder, text)
    assert quote.text == (
        "We are ready to talk The first meeting can take place in Geneva next week."
    )
    assert quote.start == text.index("We are")
    assert quote.end == text.index("next week.") + len("next week.")
    assert quote.speaker is not None and quote.speaker.text == "Maria Lopez"


def test_quotes_split_around_comma_cue(coder: Coder) -> None:
    text = '"The dam is safe," the engineer said, "and the river will not flood the town."'
    quote = _only(coder, text)
    assert "The dam is safe" in quote.text and "will not flood" in quote.text


def test_quotes_multi_sentence_quote(coder: Coder) -> None:
    text = (
        "\u201cThe harvest failed. Prices doubled. Families cannot cope,\u201d "
        "the aid worker told reporters in Nairobi."
    )
    quote = _only(coder, text)
    assert quote.text.startswith("The harvest failed.") and quote.text.endswith("cannot cope")
    assert quote.channel == "interview"


def test_quotes_partial_quotes_in_reported_speech(coder: Coder) -> None:
    text = (
        "The general told a crowd in Lyon that the rebels had \u201cbetrayed\u201d "
        "the country \u201cwithout any shame.\u201d"
    )
    quotes = _quotes(coder, text)
    assert quotes, "partial quotes were not attributed"
    for quote in quotes:
        assert quote.partial is True
        assert quote.speaker is not None and quote.speaker.text.endswith("general")
        assert quote.channel == "speech"
    words = " ".join(q.text for q in quotes)
    assert "betrayed" in words and "without any shame" in words


def test_quotes_pronoun_speaker_resolves_to_the_person(coder: Coder) -> None:
    text = (
        "Maria Lopez arrived in Madrid on Monday. "
        "\u201cWe will cut interest rates soon,\u201d she told reporters."
    )
    quote = _only(coder, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "she"
    assert quote.speaker.name is not None and "Lopez" in quote.speaker.name
    assert text[quote.speaker.start : quote.speaker.end] == "she"


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ('"The strike will go ahead," the union said in a statement.', "statement"),
        ('"The strike will go ahead," the union leader wrote on Twitter.', "post"),
        ('"The strike will go ahead," the union leader tweeted.', "post"),
        ('"The strike will go ahead," the union leader told a rally in Leeds.', "speech"),
        ('"The strike will go ahead," the union leader said in an interview.', "interview"),
        ('"Give now to stop the strike," the fundraising email read.', "email"),
    ],
)
def test_quotes_channel_from_cue_and_context(coder: Coder, text: str, channel: str) -> None:
    assert _only(coder, text).channel == channel


def test_quotes_scare_quotes_are_not_statements(coder: Coder) -> None:
    text = 'The so-called "reform" passed on Tuesday after a long night.'
    assert _quotes(coder, text) == []


def test_quotes_events_inside_quotes_are_reported(coder: Coder) -> None:
    text = '"Our army attacked the rebel base at dawn," the minister said.'
    coded = _code(coder, text, "ev")
    (quote,) = coded.quotes
    inside = [e for e in coded.events if quote.start <= e.trigger.start < quote.end]
    for event in inside:
        assert event.reported_by == quote.id
        assert event.modality in ("reported", "negated")


def test_quotes_seed_speakers(coder: Coder, seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    header = re.match(r"\s*date\s+(\S+)\s*", raw)
    assert header is not None
    coded = coder.code(Article(id="seed", date=header.group(1), text=raw[header.end() :]))
    names = {(q.speaker.name or q.speaker.text) for q in coded.quotes if q.speaker is not None}
    for wanted in ("Trump", "Khamenei", "al-Houthi", "al-Khazali", "Goldenberg", "O'Toole"):
        assert any(wanted in name for name in names), (wanted, names)
    khamenei = [q for q in coded.quotes if q.speaker and "Khamenei" in (q.speaker.name or "")]
    assert khamenei and all(q.partial for q in khamenei)
    khazali = [q for q in coded.quotes if q.speaker and "Khazali" in (q.speaker.name or "")]
    assert khazali and khazali[0].channel == "post"


def test_quotes_polnear_reader_joins_split_contents(tmp_path: Path) -> None:
    ann = tmp_path / "a_1a2b.ann"
    ann.write_text(
        "T1\tSource 0 4\tAnna\n"
        "T2\tCue 5 9\tsaid\n"
        "T3\tContent 10 20;30 40\tabcdefghij klmnopqrst\n"
        "T4\tAttribution 5 9\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        "T5\tSource 50 52\the\n"
        "T6\tCue 53 57\tsaid\n"
        "T7\tContent 58 70\t\u201cwe win\u201d now\n"
        "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n",
        encoding="utf-8",
    )
    first, second = read_ann(ann)
    assert first.content == ((10, 20), (30, 40)) and first.length == 20
    assert first.source_text == "Anna" and not first.direct
    assert second.direct and second.antecedent_text == "Anna"



def test_quotes_signed_with_a_horizontal_bar(coder: Coder) -> None:
    text = (
        "Readers sent their views.\n"
        "\u201cThe debate showed he knows nothing about us.\u201d\u2015 Ana Torres\n"
        "\u201cWe deserve far better than this.\u201d \u2015 Maria Lopez\n"
    )
    quotes = _quotes(coder, text)
    speakers = {q.text: q.speaker.name if q.speaker else None for q in quotes}
    assert speakers == {
        "The debate showed he knows nothing about us.": "Ana Torres",
        "We deserve far better than this.": "Maria Lopez",
    }
