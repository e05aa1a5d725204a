"""Who said what: quotes, claims and the contradictions between claims of one article.

:class:`StatementFinder` runs after the event stage. It reads the quotation marks of the
text (:mod:`.quotes`), the reported claims (:mod:`.claims`) and compares the claims
(:mod:`flashpoint.analysis.contradictions`), then writes ``doc._.fp_quotes`` (ids
``{article}:q{n}``), ``doc._.fp_claims`` (``{article}:c{n}``) and
``doc._.fp_contradictions`` (``{article}:x{n}``).

Events whose trigger lies in a quote, a post or a claim are only asserted by someone else:
their ``reported_by`` is that statement's id and their modality becomes ``reported``,
unless the event is negated (a denial stays a denial; the speaker is still recorded).
Quoted words and masked text (post signatures, see :mod:`.posts`) are never read as
claims, and posts (found first, by :mod:`.posts`) are never read as quotes again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..analysis.contradictions import find_contradictions
from ..kb.statements import StatementKB, load_statement_kb
from ..records import Claim, Contradiction, Event, Quote
from .claims import ClaimFinder
from .quotes import Attribution, QuoteAttributor, QuoteMarks, SpeakerContext, find_quote_marks
from .spans import doc_text
from .transcripts import Turn, find_turns, speaker_of


@dataclass
class Statements:
    """What :meth:`StatementFinder.match` found in one doc."""

    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)
    posts: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


class StatementFinder:
    """Finds quotes and claims, and contradictions among the claims."""

    def __init__(self, kb: StatementKB | None = None) -> None:
        self.kb = kb or load_statement_kb()
        self.quotes = QuoteAttributor(self.kb)
        self.claims = ClaimFinder(self.kb)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> Statements:
        article_id = doc._.fp_article_id or "doc"
        posts = [_with_known_speaker(doc, p) for p in doc._.fp_posts]
        not_prose = list(doc._.fp_masked) + [(p.start, p.end) for p in posts]
        turns = [_turn_attribution(doc, t) for t in find_turns(doc_text(doc))]
        spoken = [(a.parts[0].open, a.parts[0].close) for a in turns]
        marks = find_quote_marks(doc_text(doc), not_prose + spoken)
        context = SpeakerContext(doc)
        attributions = sorted(
            self.quotes.attribute(doc, marks, context) + turns, key=lambda a: a.start
        )
        quotes = [
            _quote(doc, f"{article_id}:q{n}", article_id, a)
            for n, a in enumerate(attributions, start=1)
        ]
        skip_tokens: set[int] = set()
        for start, end in [(m.open, m.close + 1) for m in marks] + not_prose + spoken:
            span = doc.char_span(start, min(end, len(doc_text(doc))), alignment_mode="expand")
            if span is not None:
                skip_tokens.update(t.i for t in span)
        full_cues = {a.cue.i for a in attributions if a.cue is not None and not a.partial}
        quoting_cues = {a.cue.i for a in attributions if a.cue is not None and a.partial}
        claims = [
            Claim(
                id=f"{article_id}:c{n}",
                article_id=article_id,
                claimant=match.claimant,
                text=doc_text(doc)[match.start : match.end],
                start=match.start,
                end=match.end,
                subject=match.subject,
                scope=match.scope,
                quantity=match.quantity,
                polarity=match.polarity,  # type: ignore[arg-type]
            )
            for n, match in enumerate(
                self.claims.find(doc, skip_tokens, context, full_cues, quoting_cues), start=1
            )
        ]
        contradictions = find_contradictions(claims, self.kb)
        events = [_reported(e, quotes + posts, claims) for e in doc._.fp_events]
        return Statements(quotes, claims, contradictions, posts, events)

    def set_annotations(self, doc: Doc, found: Statements) -> None:
        doc._.fp_posts = found.posts
        doc._.fp_quotes = found.quotes
        doc._.fp_claims = found.claims
        doc._.fp_contradictions = found.contradictions
        doc._.fp_events = found.events


def _quote(doc: Doc, qid: str, article_id: str, attribution: Attribution) -> Quote:
    text = " ".join(doc_text(doc)[p.inner_start : p.inner_end] for p in attribution.parts)
    return Quote(
        id=qid,
        article_id=article_id,
        speaker=attribution.speaker,
        text=text,
        start=attribution.start,
        end=attribution.end,
        cue=attribution.cue_text,
        cue_start=attribution.cue_start,
        cue_end=attribution.cue_end,
        channel=attribution.channel,
        partial=attribution.partial,
    )


def _turn_attribution(doc: Doc, turn: Turn) -> Attribution:
    """A transcript turn as an attribution: the label is the speaker, the colon the cue."""
    part = QuoteMarks(turn.label_start, turn.end, turn.start, turn.end)
    return Attribution(
        parts=[part],
        speaker=speaker_of(doc, turn),
        cue=None,
        cue_text=":",
        cue_start=turn.colon,
        cue_end=turn.colon + 1,
        channel="interview",
        partial=False,
        how="turn",
    )


def _with_known_speaker(doc: Doc, post: Quote) -> Quote:
    """A post's author, coded like the same person where the article names them."""
    speaker = post.speaker
    if speaker is None or speaker.code:
        return post
    wanted = (speaker.name or speaker.text).casefold()
    for span in doc._.fp_actors:
        actor = span._.fp_actor
        if actor is not None and actor.code and (actor.name or "").casefold() == wanted:
            coded = speaker.model_copy(
                update={"code": actor.code, "country": actor.country, "sector": actor.sector}
            )
            return post.model_copy(update={"speaker": coded})
    return post


def _reported(event: Event, quotes: list[Quote], claims: list[Claim]) -> Event:
    at = event.trigger.start
    statements: list[Quote | Claim] = [*quotes, *claims]
    for statement in statements:
        cue = (
            isinstance(statement, Quote)
            and statement.cue_start is not None
            and (statement.cue_start <= at < (statement.cue_end or 0))
        )
        if statement.start <= at < statement.end and not cue:
            # A denied or merely possible act stays so when someone reports it, and a
            # speaker's own quoted threat, demand or praise is done by saying it.
            keep = event.modality in ("negated", "hypothetical") or _said_by_speaker(
                event, statement
            )
            modality = event.modality if keep else "reported"
            return event.model_copy(update={"reported_by": statement.id, "modality": modality})
    return event


#: CAMEO's verbal quad classes (verbal cooperation, verbal conflict): acts done in words.
_VERBAL_QUADS = frozenset({1, 3})


def _said_by_speaker(event: Event, statement: Quote | Claim) -> bool:
    """Whether a quoted verbal act is the speaker's own ("'Our answer will come,' X said":
    X threatens by saying so). A claim reports in other words and stays reported."""
    if not isinstance(statement, Quote):
        return False
    speaker = statement.speaker
    actor = event.actor
    if speaker is None or actor is None or event.quad_class not in _VERBAL_QUADS:
        return False
    same_span = (actor.start, actor.end) == (speaker.start, speaker.end)
    return same_span or (actor.name is not None and actor.name == speaker.name)
