"""Event coding: who did what to whom, from the dependency parse and the event lexicon.

For each sentence the coder finds triggers (verbs, phrasal verbs, verb + complement
patterns, event nouns, weapon subjects), folds together triggers that state one fact
(a control verb and its complement, a light verb and its event noun, a comment verb and
the event it comments on), reads the actor and recipient of each from the parse (active
and passive voice, prepositional recipients, possessive and "by" agents of nouns,
conjunctions, subject inheritance for xcomp/conj/relative clauses), and sets modality.

Some readings recode a trigger as CAMEO does: a stated refusal ("will not release") is a
rejection (12), an act a speaker says another "must" do is a demand (10), an intent to do
harm is a threat (13), and a sentence that only reports speech is a statement (010).
Events in background clauses (relative, adverbial, "for collaborating") are less confident,
so the sentence's main act ranks first in :func:`main_event`.

``EventCoder.match(doc)`` returns :class:`EventMatch` data; ``set_annotations`` turns
them into :class:`~flashpoint.records.Event` records on ``doc._.fp_events``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy import symbols
from spacy.attrs import POS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..kb.actors.model import split_code
from ..kb.lexicon import ControlFrame, Lexicon, NounPattern, VerbPattern
from ..records import Actor, CharSpan, Event, Modality, SentenceRef
from .extensions import is_masked
from .modality import modality_of
from .phrases import role_phrase
from .places import PLACE_RECIPIENT_PREPS, place_actor, place_recipient, with_conjoined
from .quotes import CLOSE_DOUBLE, OPEN_DOUBLE
from .spans import actor_span_at, doc_text, span_covering
from .user_verbs import UserVerbMatch, match_user_verb, right_material

try:  # the actor stage may offer pronoun resolution; without it a simple fallback is used
    from .actors import resolve_reference as _resolve_reference
except ImportError:  # pragma: no cover - depends on the actor stage
    _resolve_reference = None

ReferenceResolver = Callable[[Doc, Token], "Span | None"]

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
_REFLEXIVES = frozenset({"themselves", "himself", "herself", "itself", "ourselves"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their", "his"})
_NP_LINKS = ("poss", "compound", "amod", "nmod", "npadvmod", "appos")
_NP_PREPS = frozenset({"of", "from", "by", "for", "among", "between"})
_VERBAL = frozenset({"VERB"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
#: The parts of speech, as ids, of verbs and of the words ``_trigger_at`` looks at.
_VERBAL_IDS = frozenset(symbols.IDS[pos] for pos in _VERBAL)
_MAY_TRIGGER = frozenset(symbols.IDS[pos] for pos in _VERBAL | _NOMINAL | {"ADJ"})
_INHERIT = frozenset({"xcomp", "conj", "advcl", "acomp", "pcomp", "ccomp"})
#: Entity types whose names may hold event words that report no act.
_NAMED_THINGS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
#: Prepositions of time or means before a gerund whose doer is the host's subject, never
#: its object: "stormed the post after shelling it".
_SUBJECT_PREPS = frozenset({"after", "before", "since", "upon", "by", "without", "while"})

# Confidence of a coded event by how it was found: a verb with both roles is the most
# reliable; nouns and weapon subjects are weaker; each missing role costs some.
_BASE_CONFIDENCE = {"verb": 0.9, "control": 0.85, "noun": 0.75, "instrument": 0.6}


@dataclass
class Trigger:
    """A candidate event: the word(s) that express it and the CAMEO code they carry."""

    token: Token
    kind: str  # verb | noun | instrument | control
    code: str
    verb: VerbPattern | None = None
    noun: NounPattern | None = None
    complement: Token | None = None  # the object a verb pattern required
    recipient_slots: tuple[str, ...] = ()
    reciprocal: bool = False
    needs_recipient: bool = False
    extra: list[Token] = field(default_factory=list)  # particle, complement: trigger text
    actors: list[Span] | None = None  # fixed roles (set when folding triggers)
    recipients: list[Span] | None = None
    user: UserVerbMatch | None = None  # set when a user verb dictionary coded the trigger
    stated: bool = False  # the act a statement names ("issued a statement condemning X")
    answered: list[Span] | None = None  # who did the harm the act answers ("revenge for")


@dataclass(frozen=True)
class EventMatch:
    """One coded event before it becomes a record: token positions and actor spans."""

    trigger_start: int  # token index of the first trigger word
    trigger_end: int  # token index after the last trigger word
    code: str
    actor: Span | None
    recipient: Span | None
    modality: Modality
    confidence: float
    kind: str
    user: bool = False  # the code comes from a user dictionary, as written there
    mutual: bool = False  # conjoined actors acting on each other ("X and Y signed a pact")
    #: The place of an attack no one is named for: its actor is unidentified armed forces
    #: of that place's country (PLOVER's UAF), as for "a bomb near X killed ..."; the
    #: actor span is then the weapon, if named, else the place.
    unidentified: Span | None = None
    #: The place the act was done in, whose country a recipient named without one takes
    #: ("jailed 40 members of a sect in X").
    located: Span | None = None


#: How a word hangs inside a governing verb's phrase ("abandoned efforts to stop X"):
#: a trigger reached this way from a user dictionary verb is part of that verb's pattern.
_GOVERNED = frozenset(
    {"xcomp", "acl", "dobj", "pobj", "prep", "pcomp", "compound", "amod", "nmod", "attr", "oprd"}
)


class EventCoder:
    """spaCy component: codes events onto ``doc._.fp_events``."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon,
        ontology: object,
        resolver: ReferenceResolver | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.resolver = resolver if resolver is not None else _resolve_reference

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    # -- matching ------------------------------------------------------------------------

    def match(self, doc: Doc) -> list[EventMatch]:
        """Every event in the doc, in text order (pure: reads the doc, writes nothing)."""
        matches: list[EventMatch] = []
        for sent in doc.sents:
            matches.extend(self._match_sentence(doc, sent, matches))
        return matches

    def _match_sentence(
        self, doc: Doc, sent: Span, earlier: Sequence[EventMatch] = ()
    ) -> list[EventMatch]:
        triggers: dict[int, Trigger] = {}
        masked = bool(doc._.fp_masked)
        # Only verbs, adjectives and nouns can be triggers: the other words are passed
        # over by their part of speech, with no Token made for them.
        parts = sent.to_array([POS]).ravel().tolist()
        for offset, part in enumerate(parts):
            if part not in _MAY_TRIGGER:
                continue
            token = doc[sent.start + offset]
            if (
                token.is_punct
                or token.is_space
                or (masked and is_masked(doc, token.idx, token.idx + len(token)))
            ):
                continue
            if self.lexicon.user_verbs and token.pos_ in _VERBAL:
                user = match_user_verb(
                    token,
                    self.lexicon.user_verbs,
                    self.lexicon.user_synsets,
                    lambda t: self._marker_actors(doc, t),
                )
                if user is not None:
                    # The user's entry wins over the built-in one; a null code means
                    # "known, do not code".
                    if not user.code.is_null:
                        triggers[token.i] = self._user_trigger(token, user)
                    continue
            trigger = self._trigger_at(token)
            if trigger is not None:
                triggers[token.i] = trigger
        if not triggers:
            return _dedupe(self._statement_events(doc, sent))
        if self.lexicon.user_verbs:
            _drop_governed(triggers)
        for trigger in list(triggers.values()):
            if trigger.user is None:
                self._answer_roles(doc, trigger, triggers, earlier)
        self._fold(doc, triggers, earlier)
        found: list[EventMatch] = []
        for trigger in triggers.values():
            if trigger.kind == "verb" and trigger.user is None:
                self._bridge_roles(doc, trigger, earlier)
            found.extend(self._events_for(doc, trigger))
        if not found:
            found.extend(self._statement_events(doc, sent))
        return _dedupe(found)

    def _statement_events(self, doc: Doc, sent: Span) -> list[EventMatch]:
        """A sentence that reports speech and codes nothing else is a statement (CAMEO's
        residual 010): "X said on Monday that ..." with no coded act in what was said."""
        code = self.lexicon.statement_code
        if not code:
            return []
        parts = sent.to_array([POS]).ravel().tolist()
        for offset, part in enumerate(parts):
            if part not in _VERBAL_IDS:
                continue
            token = doc[sent.start + offset]
            if token.lemma_.lower() not in self.lexicon.speech_verbs:
                continue
            if is_masked(doc, token.idx, token.idx + len(token)):
                continue
            trigger = Trigger(token=token, kind="verb", code=code, recipient_slots=("dative", "to"))
            if not self._verb_actors(doc, trigger):
                continue
            demand = self._must_clause(doc, token)
            if demand is not None:
                # "declared that China must drop its barriers": a demand on China.
                trigger.code, trigger.recipients = demand
            return [m for m in self._events_for(doc, trigger) if m.actor is not None]
        return []

    def _must_clause(self, doc: Doc, speech: Token) -> tuple[str, list[Span]] | None:
        """The demand code and addressees of a "Y must ..." clause a speech verb reports."""
        frame = self.lexicon.family_frame("10")
        if frame is None:
            return None
        for clause in speech.children:
            if clause.dep_ != "ccomp" or not _has_aux(clause, _MUST):
                continue
            addressees = self._actors_of_heads(doc, _subject_heads(clause, self.lexicon))
            if addressees:
                return frame.code_for(""), addressees
        return None

    def _bridge_roles(self, doc: Doc, trigger: Trigger, earlier: Sequence[EventMatch]) -> None:
        """Roles a sentence leaves to its neighbours, set on ``trigger`` when it names none.

        - "praised the move", "condemned the decision": an act noun with no doer of its own
          points back at the last act the article coded; its doer is the target.
        - "Tehran's allies praised the move. 'A great success,' X said.": a subject named
          only by its relation to someone is the speaker the next sentence quotes.
        """
        verb = trigger.token
        if (
            trigger.recipients is None
            and trigger.code[:2] in _COMMENT_FAMILIES
            and trigger.complement is None
            and not self._recipients(doc, trigger)
        ):
            acts = [
                c
                for c in verb.children
                if c.dep_ == "dobj"
                and c.lemma_.lower() in _ANAPHORIC_ACTS
                and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
                and not any(d.dep_ in ("poss", "prep", "compound", "amod") for d in c.children)
            ]
            if acts:
                doers = (m.actor for m in reversed(earlier) if m.actor is not None)
                doer = next((a for a in doers if _coded(a)), None)
                if doer is not None:
                    trigger.recipients = [doer]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if (
            trigger.actors is None
            and len(subjects) == 1
            and subjects[0].lemma_.lower() in self.lexicon.relational_nouns
            and subjects[0].tag_ in ("NNS", "NNPS")
            and not self._verb_actors(doc, trigger)
        ):
            speaker = self._next_quoted_speaker(doc, verb.sent)
            if speaker is not None:
                trigger.actors = [speaker]

    def _next_quoted_speaker(self, doc: Doc, sent: Span) -> Span | None:
        """The coded subject of a speech verb in the sentence after ``sent``, when that
        sentence quotes someone."""
        if sent.end >= len(doc):
            return None
        following = doc[sent.end].sent
        if not any(t.text in _QUOTE_MARKS for t in following):
            return None
        for token in following:
            if token.pos_ in _VERBAL and token.lemma_.lower() in self.lexicon.speech_verbs:
                for head in _subject_heads(token, self.lexicon):
                    span = self._actor_span(doc, head)
                    if span is not None and _coded(span):
                        return span
        return None

    def _answer_roles(
        self,
        doc: Doc,
        trigger: Trigger,
        triggers: dict[int, Trigger],
        earlier: Sequence[EventMatch],
    ) -> None:
        """Roles of an act that answers a harm, set on ``trigger``.

        - "revenge for the killing of X", "vowed to avenge X": the act aims at whoever did
          the harm, named with it or by an earlier act on the same victim, never at X.
        - "X, a guard who was also shot in the raid": a harm that "also" befell X was done
          by whoever harmed the other victim the sentence names before X.
        - "vowed revenge", "'Our answer to the murder of X will come,' Y wrote": an answer
          no one owns is done by whoever vows it, or else by the speaker.
        """
        answering = self._answering(trigger)
        if answering is not None and trigger.recipients is None:
            host, answers = answering
            hosts = [host]
            if host.pos_ == "NOUN" and host.dep_ == "dobj":
                hosts.append(host.head)  # "vowed revenge for X" read with "for" on the verb
            answered = [
                head
                for h in hosts
                for slot in answers
                if slot != "dobj" or h == host
                for head in _slot_heads(h, slot)
                for head in _with_conjuncts(head)
            ]
            if answered:
                named = [
                    r
                    for r in self._recipients(doc, trigger)
                    if not any(h.is_ancestor(r.root) or h == r.root for h in answered)
                ]
                doers = [d for h in answered for d in self._doers(doc, h, triggers, earlier)]
                trigger.answered = named or _unique(doers)
            if trigger.kind == "noun" and trigger.actors is None:
                if not self._noun_agents(doc, trigger):
                    # "vowed revenge": who vows it; "our answer will come," X said: X.
                    token = trigger.token
                    owners = (
                        self._actors_of_heads(doc, _subject_heads(token.head, self.lexicon))
                        if token.dep_ == "dobj"
                        else []
                    )
                    owners = owners or self._speaker_of(doc, token)
                    if owners:
                        trigger.actors = owners
        elif (
            trigger.kind == "verb"
            and trigger.actors is None
            and _is_harm(trigger.code)
            and any(c.dep_ == "advmod" and c.lower_ == "also" for c in trigger.token.children)
            and not self._verb_actors(doc, trigger)
        ):
            own = self._recipients(doc, trigger)
            others = [
                s
                for s in doc._.fp_actors
                if trigger.token.sent.start <= s.start < trigger.token.i
                and s._.fp_actor is not None
                and s._.fp_actor.kind == "person"
                and not any(_same_person(s, r) for r in own)
            ]
            doers = _unique(d for s in others for d in _doers_of_victim(s, earlier))
            if len({d._.fp_actor.code for d in doers}) == 1:
                trigger.actors = doers[:1]

    def _answering(self, trigger: Trigger) -> tuple[Token, tuple[str, ...]] | None:
        """Where an act names the harm it answers: its own slots, or those of the noun
        its verb pattern requires ("promised revenge for X")."""
        pattern = trigger.noun or trigger.verb
        if pattern is not None and pattern.answers:
            return trigger.token, pattern.answers
        complement = trigger.complement
        if complement is not None and complement.pos_ == "NOUN":
            for noun in self.lexicon.noun_patterns(complement.lemma_.lower()):
                if noun.answers:
                    return complement, noun.answers
        return None

    def _doers(
        self,
        doc: Doc,
        head: Token,
        triggers: dict[int, Trigger],
        earlier: Sequence[EventMatch],
    ) -> list[Span]:
        """Who did the harm ``head`` names ("the killing of X") or befell ``head`` ("X")."""
        harm = triggers.get(head.i)
        if harm is not None and _is_harm(harm.code) and harm.kind == "noun":
            agents = self._noun_agents(doc, harm)
            if agents:
                return agents
            victims = self._recipients(doc, harm)
            doers = _unique(d for v in victims for d in _doers_of_victim(v, earlier))
            if doers and harm.actors is None:
                # The harm named again is the earlier act: it keeps that act's doer.
                harm.actors = doers
            return doers
        span = self._actor_span(doc, head)
        if span is None or span._.fp_actor is None or span._.fp_actor.kind != "person":
            return []
        return _doers_of_victim(span, earlier)

    def _speaker_of(self, doc: Doc, token: Token) -> list[Span]:
        """The coded subject of the speech verb whose reported clause holds ``token``."""
        node = token
        for _ in range(12):
            if node.head == node:
                return []
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.lexicon.speech_verbs:
                heads = _subject_heads(node.head, self.lexicon)
                return [s for s in self._actors_of_heads(doc, heads) if _coded(s)]
            node = node.head
        return []

    def _names_harm(self, token: Token) -> bool:
        """Whether the word is an event noun of harm ("killing", "bombing")."""
        return any(_is_harm(p.code) for p in self.lexicon.noun_patterns(token.lemma_.lower()))

    # -- triggers ------------------------------------------------------------------------

    def _trigger_at(self, token: Token) -> Trigger | None:
        lemma = token.lemma_.lower()
        if token.pos_ in _VERBAL and token.dep_ == "amod":
            # "the internationally recognised government", "the besieged city": a
            # participle describing a noun reports no act of its own.
            return None
        if token.pos_ in _VERBAL:
            instrument = self._instrument(token, lemma)
            if instrument is not None:
                return instrument
            return (
                self._verb_trigger(token, lemma)
                or self._order_trigger(token, lemma)
                or self._call_trigger(token)
                or self._hope_trigger(token, lemma)
            )
        if token.pos_ == "ADJ" and token.dep_ in ("acomp", "oprd"):
            # "is willing to ...", "is committed to ...": a predicate adjective the
            # lexicon lists as a verb.
            return self._verb_trigger(token, lemma)
        if token.pos_ == "PROPN" and token.ent_type_ in _NAMED_THINGS:
            return None  # a word of a name ("the Flying Aid charity", "Operation Dawn")
        if token.pos_ in _NOMINAL and _ends_a_name(token):
            return None  # "the charity Andes Flying Aid", untagged as a name
        if token.pos_ in _NOMINAL:
            for key in _noun_keys(token):
                trigger = self._noun_trigger(token, key)
                if trigger is not None:
                    return trigger
        return None

    def _user_trigger(self, token: Token, user: UserVerbMatch) -> Trigger:
        # Only the words of a multi-word verb ("cordoned off") are trigger text; pattern
        # words may lie anywhere in the clause.
        parts = [w for w in user.words[: len(user.verb.before) + len(user.verb.after)]]
        return Trigger(token=token, kind="verb", code=user.code.code or "", user=user, extra=parts)

    def _verb_trigger(self, token: Token, lemma: str) -> Trigger | None:
        harmless: bool | None = None  # looked at only for the first pattern of harm
        complements: dict[tuple[str | None, str | None], list[Token]] = {}
        for pattern in self.lexicon.verb_patterns(lemma):
            if _is_harm(pattern.code):
                if harmless is None:
                    harmless = self._harms_no_one(token)
                if harmless:
                    continue
            extra: list[Token] = []
            if pattern.particle is not None:
                particle = _particle(token, pattern.particle)
                if particle is None:
                    continue
                extra.append(particle)
            complement = None
            if pattern.objects:
                complement = _complement(token, pattern, complements)
                if complement is None:
                    continue
                # "let free the activists": the word completing the verb is part of the
                # act, not of the phrase of whom it frees.
                extra.extend(
                    w
                    for w in (complement, *complement.children)
                    if w.lower_ in _RESULT_STATES and w.lemma_.lower() in pattern.objects
                )
            elif pattern.prep is not None and _prep_child(token, pattern.prep) is None:
                continue
            if pattern.reason and not _gives_an_act(_prep_child(token, pattern.prep or "")):
                continue
            if pattern.code[:3] == "042" and any(c.lower_ == "home" for c in token.children):
                continue  # "cadets flying home from their base": going home visits no one
            if pattern.needs_object and not any(
                c.dep_ in ("dobj", "nsubjpass") for c in token.children
            ):
                continue
            return Trigger(
                token=token,
                kind="verb",
                code=pattern.code,
                verb=pattern,
                complement=complement,
                recipient_slots=pattern.recipient,
                reciprocal=pattern.reciprocal,
                needs_recipient=pattern.needs_recipient,
                extra=extra,
            )
        return None

    def _harms_no_one(self, verb: Token) -> bool:
        """Whether a verb of harm aims at no one ("to fight the epidemic", "battling the
        blaze") or has a natural cause for subject ("a fire that killed ten", "the quake
        injured dozens")."""
        if _aims_at(verb) & self.lexicon.figurative_targets:
            return True
        subjects = _subject_heads(verb, self.lexicon)
        return bool(subjects) and all(self._natural_cause(s) for s in subjects)

    def _natural_cause(self, noun: Token) -> bool:
        """Whether a noun names harm no one did ("a fire", "the quake"); not where a weapon
        modifies it ("artillery fire", "rocket fire")."""
        if not set(_noun_keys(noun)) & self.lexicon.natural_causes:
            return False
        return not any(
            self._is_weapon(c) for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
        )

    def _order_trigger(self, token: Token, lemma: str) -> Trigger | None:
        """ "ordered La Prensa to suspend publication": a demand on the verb's object even
        when what is demanded codes nothing (a coded complement refines it when folded).
        "allowed the opposition to hold a rally" yields to the object in the same way,
        when an actor does the allowing ("the law allows police to ..." is no event)."""
        frame = next(
            (f for f in self.lexicon.control_frames(lemma) if f.family in ("10", "08")), None
        )
        if frame is None:
            return None
        trigger = Trigger(
            token=token, kind="verb", code=frame.code_for(""), recipient_slots=("dobj",)
        )
        if not any(c.dep_ == "xcomp" for c in token.children) and not _displaced_complement(
            token
        ):
            clause = _infinitive_clause(token)
            if clause is None:
                return None
            # "allowed X to hold a rally" parsed as a clause whose subject is X.
            trigger.recipients = self._actors_of_heads(token.doc, _clause_subjects(clause))
        if frame.family == "08" and (
            _purpose_clause(token, self.lexicon)
            or not any(
                _coded(a)
                for a in self._actors_of_heads(token.doc, _subject_heads(token, self.lexicon))
            )
        ):
            # "resigned to allow elections", "must ensure security to allow aid to reach":
            # a purpose, not an act of letting.
            return None
        return trigger

    def _call_trigger(self, token: Token) -> Trigger | None:
        """ "called X on Monday to assure him": a telephone call, aimed at whoever was
        called (a coded purpose takes its place when folded)."""
        code = self.lexicon.telephone_code
        if not code or not _phone_call(token, self.lexicon.call_purposes):
            return None
        trigger = Trigger(token=token, kind="verb", code=code, recipient_slots=("dobj",))
        if not any(c.dep_ == "dobj" for c in token.children):
            trigger.recipients = self._actors_of_heads(token.doc, _callees(token)) or None
        return trigger

    def _hope_trigger(self, token: Token, lemma: str) -> Trigger | None:
        """ "said they hoped that X would be in Lima by May": a hope that another will do
        or be something, even where what is hoped codes nothing, is an optimistic comment
        aimed at whoever is hoped to (a coded act in the clause is folded in later)."""
        code = self.lexicon.optimism_code
        if not code or lemma not in self.lexicon.optimism_verbs:
            return None
        heads = [
            t
            for c in token.children
            if c.dep_ == "ccomp"
            for s in _clause_subjects(c)
            for t in _with_conjuncts(s)
            if t.pos_ != "PRON"  # "hoped it would": the hoper's own prospects, often
        ]
        hoped = self._actors_of_heads(token.doc, heads)
        if not hoped:
            return None
        return Trigger(token=token, kind="verb", code=code, recipients=hoped)

    def _instrument(self, token: Token, lemma: str) -> Trigger | None:
        patterns = self.lexicon.instruments.get(lemma, ())
        if not patterns:
            return None
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        for subject in subjects:
            keys = set(_noun_keys(subject))
            for pattern in patterns:
                if keys & pattern.subjects:
                    return Trigger(
                        token=token,
                        kind="instrument",
                        code=pattern.code,
                        recipient_slots=pattern.recipient,
                        extra=[subject],
                    )
        return None

    def _noun_trigger(self, token: Token, lemma: str) -> Trigger | None:
        for pattern in self.lexicon.noun_patterns(lemma):
            if self._names_a_kind(token, pattern):
                continue
            if pattern.modifiers:
                near = {c.lemma_.lower() for c in token.children} | {token.head.lemma_.lower()}
                if not near & pattern.modifiers:
                    continue
            if pattern.needs_verb and _governing_verb_lemma(token) not in pattern.needs_verb:
                continue
            if pattern.needs_answer and not any(
                head.pos_ == "NOUN" and self._names_harm(head)
                for slot in pattern.answers
                for head in _slot_heads(token, slot)
            ):
                continue
            return Trigger(
                token=token,
                kind="noun",
                code=pattern.code,
                noun=pattern,
                recipient_slots=pattern.patient,
                reciprocal=pattern.reciprocal,
            )
        return None

    def _names_a_kind(self, token: Token, pattern: NounPattern) -> bool:
        """Whether an event noun only modifies another noun, naming a kind of thing ("the
        withdrawal agreement", "assault survivors", "war crimes") rather than an act. A
        noun of the same family keeps it ("air strike", "suicide bombing")."""
        head = token.head
        if token.dep_ != "compound" or head.pos_ not in _NOMINAL:
            return False
        if head.lemma_.lower() in pattern.modifiers:
            return False
        return not any(
            p.code[:2] == pattern.code[:2]
            for key in _noun_keys(head)
            for p in self.lexicon.noun_patterns(key)
        )

    # -- folding triggers that state one fact ----------------------------------------------

    def _fold(
        self, doc: Doc, triggers: dict[int, Trigger], earlier: Sequence[EventMatch] = ()
    ) -> None:
        """Merge triggers that are one fact, in place; the most specific code wins."""
        # Nouns modifying another event noun ("air strike", "suicide bombing").
        for i, trigger in list(triggers.items()):
            if trigger.kind != "noun" or trigger.token.dep_ not in ("compound", "amod"):
                continue
            head = triggers.get(trigger.token.head.i)
            if head is not None and head.kind == "noun":
                head.code = _more_specific(head.code, trigger.code)
                del triggers[i]
        self._fold_attack_subject(triggers)
        # A verb pattern's required complement is part of the verb's trigger.
        for trigger in list(triggers.values()):
            comp = trigger.complement
            if trigger.kind == "verb" and comp is not None and comp.i in triggers:
                folded = triggers.pop(comp.i)
                if (
                    folded.kind == "noun"
                    and trigger.token.lemma_.lower() in self.lexicon.light_verbs
                    and folded.code[:2] == trigger.code[:2]
                ):
                    # The pattern names its object, so its code stands unless the noun
                    # says more of the same kind ("launched a suicide attack" -> 1831).
                    trigger.code = _more_specific(trigger.code, folded.code, prefer_second=True)
                    trigger.recipient_slots = _merge_slots(
                        trigger.recipient_slots, folded.recipient_slots
                    )
                elif (
                    folded.kind == "noun"
                    and folded.noun is not None
                    and folded.noun.modifiers
                    and trigger.token.lemma_.lower() in self.lexicon.light_verbs
                ):
                    # "carried out surgical operations", "launched a cyber attack": the
                    # modifier says what kind of act the light verb carries.
                    trigger.code = folded.code
                    trigger.recipient_slots = _merge_slots(
                        folded.recipient_slots, trigger.recipient_slots
                    )
        # Control verbs take the event of their complement ("agreed to meet" -> 036).
        for token_i in sorted(triggers, reverse=True):
            trigger = triggers.get(token_i)
            if trigger is None or trigger.user is not None:
                continue
            self._fold_control(doc, trigger.token, triggers)
        for token in list(_control_candidates(doc, triggers, self.lexicon)):
            self._fold_control(doc, token, triggers)
        # Event nouns as objects: of a light verb (the verb's subject is the actor) or of
        # another event verb that comments on them (the noun's agent is the recipient).
        for i, trigger in list(triggers.items()):
            if trigger.kind != "noun" or trigger.token.dep_ not in ("dobj", "nsubjpass", "pobj"):
                continue
            head = trigger.token.head
            if trigger.token.dep_ == "pobj":
                head = head.head
            if head.i in triggers and triggers[head.i].kind in ("verb", "control"):
                commenting = triggers[head.i]
                if commenting.recipients is None and (
                    trigger.token.dep_ == "dobj" or trigger.token.head.lower_ == "to"
                ):
                    # "condemned the attack by X" is aimed at X; "welcomed the talks
                    # between X and Y" at the parties; "objected to French mediation"
                    # at France.
                    targets = self._noun_agents(doc, trigger)
                    if not targets and _is_harm(trigger.code):
                        # "hailed the killing of X" is aimed at the killer, named with
                        # an earlier act against X, never at X.
                        victims = self._recipients(doc, trigger)
                        targets = [d for v in victims for d in _doers_of_victim(v, earlier)]
                        commenting.recipients = targets
                    else:
                        targets = targets or self._recipients(doc, trigger)
                        commenting.recipients = targets or None
                del triggers[i]
            elif head.pos_ in _VERBAL and head.lemma_.lower() in self.lexicon.light_verbs:
                trigger.extra.append(head)
                # "X completed the withdrawal of its troops": X did, not the troops; but
                # "X joined the UN mission": X takes part in the UN's act.
                joining = head.lemma_.lower() in self.lexicon.joining_verbs
                if joining or not self._noun_agents(doc, trigger, of=False):
                    trigger.actors = self._actors_of_heads(doc, _subject_heads(head, self.lexicon))
                # "gave Y a warning", "issued a warning to Y": the light verb carries
                # the recipient too.
                trigger.recipient_slots = _merge_slots(trigger.recipient_slots, ("dative",))
        self._fold_protest_purpose(doc, triggers)
        self._fold_demand_clause(doc, triggers)
        self._fold_statement_content(doc, triggers)
        self._claimed_acts(doc, triggers)
        self._hoped_for(doc, triggers)
        self._called_for_a_purpose(doc, triggers)

    @staticmethod
    def _fold_attack_subject(triggers: dict[int, Trigger]) -> None:
        """ "the air raids hit a depot", "a bombing by the rebels killed ten": an attack
        noun that is the subject of an attack verb is that very attack, and so is an attack
        participle on the subject ("the shells fired by the army struck a school"). The
        verb codes the one fact; the noun only lends a more specific code."""
        for i, trigger in list(triggers.items()):
            node = trigger.token
            if trigger.kind == "verb" and node.dep_ == "acl" and node.tag_ == "VBN":
                node = node.head
            elif trigger.kind not in ("noun", "instrument"):
                continue
            verb = triggers.get(node.head.i)
            if (
                node.dep_ != "nsubj"
                or verb is None
                or verb is trigger
                or verb.kind not in ("verb", "instrument")
                or not (_is_harm(trigger.code) and _is_harm(verb.code))
            ):
                continue
            verb.code = _more_specific(verb.code, trigger.code)
            del triggers[i]

    def _called_for_a_purpose(self, doc: Doc, triggers: dict[int, Trigger]) -> None:
        """ "called Morrison to congratulate him", "called Erdogan to apologize": the
        purpose of a telephone call is aimed at whoever was called, unless it names its
        own target; so is the purpose of a summons ("summoned the envoy to protest")."""
        for trigger in list(triggers.values()):
            call = trigger.token.head
            summons = call.lemma_.lower() in _SUMMONING and bool(_callees(call))
            if trigger.token.dep_ not in ("xcomp", "advcl") or not (
                summons or _phone_call(call, self.lexicon.call_purposes)
            ):
                continue
            if call.i in triggers and triggers[call.i].code == self.lexicon.telephone_code:
                del triggers[call.i]  # the purpose says what the call was for
            if trigger.recipients is not None or self._recipients(doc, trigger):
                continue
            trigger.recipients = self._actors_of_heads(doc, _callees(call)) or None

    def _hoped_for(self, doc: Doc, triggers: dict[int, Trigger]) -> None:
        """ "said it hoped for a new round of talks", "hopes Japan will persuade Y to lift ...": an
        act hoped for from others has not happened; the event is the hope, an optimistic
        comment (013) by whoever hopes, aimed at whoever is hoped to act."""
        code = self.lexicon.optimism_code
        if not code:
            return
        for i, trigger in list(triggers.items()):
            hope, clause = _hoping_verb(trigger.token, self.lexicon.optimism_verbs)
            if hope is None or clause is None or trigger.user is not None:
                continue
            del triggers[i]
            if hope.i in triggers and triggers[hope.i].code != code:
                continue
            actors = self._actors_of_heads(doc, _subject_heads(hope, self.lexicon))
            hoped = self._actors_of_heads(
                doc, (t for s in _clause_subjects(clause) for t in _with_conjuncts(s))
            )
            hoped = [h for h in hoped if not any(_same(h, a) for a in actors)]
            if hope.i not in triggers:
                triggers[hope.i] = Trigger(
                    token=hope,
                    kind="verb",
                    code=code,
                    actors=actors,
                    recipients=hoped or None,
                )

    def _claimed_acts(self, doc: Doc, triggers: dict[int, Trigger]) -> None:
        """ "The rebels claimed they had attacked the base": a doer claiming its own act of
        force claims responsibility for it (015), aimed where the act was aimed. The act
        stays an event of its own, reported."""
        code = self.lexicon.responsibility_code
        if not code:
            return
        for trigger in list(triggers.values()):
            clause = trigger.token
            claim = clause.head
            if (
                trigger.kind not in ("verb", "noun")
                or not (int(trigger.code[:2]) >= 17)
                or clause.dep_ != "ccomp"
                or claim.i in triggers
                or claim.lemma_.lower() not in self.lexicon.responsibility_verbs
            ):
                continue
            claimants = self._actors_of_heads(doc, _subject_heads(claim, self.lexicon))
            doers = self._verb_actors(doc, trigger)
            pronoun = any(s.pos_ == "PRON" for s in _clause_subjects(clause))
            if not claimants or not (pronoun or any(_same(a, b) for a in claimants for b in doers)):
                continue
            triggers[claim.i] = Trigger(
                token=claim,
                kind="verb",
                code=code,
                actors=claimants,
                recipients=self._recipients(doc, trigger) or None,
            )

    def _fold_statement_content(self, doc: Doc, triggers: dict[int, Trigger]) -> None:
        """ "released a communique demanding that X ...", "released a statement condemning
        Y" (or "that condemned Y"): the act the statement's participle or relative clause
        names is the event, done by whoever issued the statement; the bare statement (010)
        says no more than that."""
        code = self.lexicon.statement_code
        for i, trigger in list(triggers.items()):
            comp = trigger.complement
            if trigger.kind != "verb" or trigger.code != code or comp is None:
                continue
            for clause in comp.children:
                inner = triggers.get(clause.i)
                content = (clause.dep_ == "acl" and clause.tag_ == "VBG") or clause.dep_ == "relcl"
                if not content or inner is None:
                    continue
                inner.actors = self._verb_actors(doc, trigger)
                inner.stated = True
                del triggers[i]
                break

    def _fold_demand_clause(self, doc: Doc, triggers: dict[int, Trigger]) -> None:
        """ "reiterated its demand that Israel ease restrictions": a demand or appeal
        noun whose "that" clause is a coded act is a demand for that act, on its
        subject (1051 here), not the act itself."""
        for trigger in list(triggers.values()):
            if trigger.kind != "noun" or trigger.code[:2] not in ("02", "10"):
                continue
            frame = self.lexicon.family_frame(trigger.code[:2])
            if frame is None:
                continue
            noun = trigger.token
            clauses = list(noun.children)
            if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.lexicon.light_verbs:
                # "renewed its demand this week that X ...": the clause may hang on the verb.
                clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
            for clause in clauses:
                inner = triggers.get(clause.i)
                subjects = _clause_subjects(clause)
                if clause.dep_ not in ("acl", "ccomp") or inner is None or not subjects:
                    continue
                trigger.code = frame.code_for(inner.code)
                trigger.recipients = self._actors_of_heads(doc, subjects) or None
                del triggers[clause.i]
                break

    def _fold_protest_purpose(self, doc: Doc, triggers: dict[int, Trigger]) -> None:
        """ "began a hunger strike to demand the return of X", "marched to protest the
        arrests", "blocked roads to press their demands": the purpose clause says what the
        protest is for; the protest is the event, aimed at whom the demand or protest is
        aimed at."""
        protests = [t for t in triggers.values() if t.code[:2] == "14"]
        if not protests:
            return
        for i, trigger in list(triggers.items()):
            token = trigger.token
            if (
                trigger.code[:2] not in ("02", "10", "14")
                or token.dep_ not in ("advcl", "xcomp", "acl")
                or not _has_aux(token, _TO)
            ):
                continue
            host = token.head
            protest = next(
                (p for p in protests if p is not trigger and (p.token == host or host in p.extra)),
                None,
            )
            if protest is None:
                continue
            if protest.recipients is None:
                protest.recipients = self._recipients(doc, trigger) or None
            del triggers[i]

    def _reciprocal_alone(self, token: Token) -> bool:
        """Whether the verb with no complement is an act of conjoined subjects on each
        other ("X and Y agreed"): so is its control use ("X and Y agreed to open talks")."""
        return any(
            p.reciprocal and not (p.objects or p.particle or p.prep)
            for p in self.lexicon.verb_patterns(token.lemma_.lower())
        )

    def _fold_control(self, doc: Doc, token: Token, triggers: dict[int, Trigger]) -> None:
        frames = self.lexicon.control_frames(token.lemma_.lower())
        if not frames or _phone_call(token, self.lexicon.call_purposes):
            return
        complement = _event_complement(token, triggers, self.lexicon.light_verbs)
        if complement is None:
            return
        inner = triggers[complement.i]
        if inner.user is not None:
            return  # a user dictionary's code is not a CAMEO code a frame can map
        offer = token.lemma_.lower() in self.lexicon.offer_verbs
        purpose = _purpose(complement, triggers)
        if offer and _is_conflict(inner.code) and purpose is not None:
            # "offered to dispatch soldiers to help X": the help is what is offered.
            del triggers[complement.i]
            complement, inner = purpose, triggers[purpose.i]
        frame = _pick_frame(frames, inner.code)
        if frame.family == "03" and _is_passive(token):
            # "the envoys are expected to meet": others expect it; no one states an
            # intent, and the act itself is ahead (its modality says so).
            return
        if frame.family == "03" and _is_conflict(inner.code) and not offer:
            # "plans to impose martial law", "is prepared to strike": intent to do harm
            # is a threat (CAMEO 13).
            frame = self.lexicon.family_frame("13") or frame
        code = frame.code_for(inner.code)
        recipients = None
        if code[:2] != frame.family:
            # "called on Arabs to rally against Y": rallying opposition against Y (113)
            # is aimed where the act appealed for is aimed.
            recipients = self._recipients(doc, inner) or None
        elif frame.family in ("02", "10") or token.lemma_.lower() in self.lexicon.object_control:
            target = _object_of_control(token)
            if target is not None:
                recipients = self._actors_of_heads(doc, _with_conjuncts(target))
        actors = self._actors_of_heads(doc, _subject_heads(token, self.lexicon))
        if not actors and inner.kind == "noun":
            # "allies agreed to extend their mission": the noun's owner is who agreed.
            actors = self._noun_agents(doc, inner)
        elif recipients is None and inner.kind == "noun" and frame.family != "13":
            # "agreed to Norwegian mediation": whoever would do the act agreed to.
            agents = self._noun_agents(doc, inner)
            recipients = [a for a in agents if not any(_same(a, b) for b in actors)] or None
        if recipients is None:
            own = [r for r in self._recipients(doc, inner) if not any(_same(r, a) for a in actors)]
            if not own and actors and inner.kind == "verb":
                # "is ready to pull its battalions out of Chad": the place the act leaves or
                # is done in, as for the act alone.
                place = place_recipient(doc, inner.token, _place_preps(inner.code), taken=True)
                own = [place] if place is not None else []
            recipients = own or None
        carrier = complement.head
        if recipients is None and carrier.dep_ == "xcomp" and carrier.head.i == token.i:
            # "is willing to send experts to X to help Y": what is sent for the coded
            # purpose goes to X.
            given = [h for slot in ("to", "dative") for h in _slot_heads(carrier, slot)]
            recipients = self._actors_of_heads(doc, given) or None
        del triggers[complement.i]
        triggers[token.i] = Trigger(
            token=token,
            kind="control",
            code=code,
            actors=actors,
            recipients=recipients,
            reciprocal=inner.reciprocal or self._reciprocal_alone(token),
            extra=[],
        )
        # "threatened to attack the base and kill its commander": each conjoined act is
        # threatened (or promised, or demanded) too.
        for conj in complement.children:
            other = triggers.get(conj.i)
            if conj.dep_ != "conj" or other is None or other.user is not None:
                continue
            conj_frame = frame
            if frame.family == "03" and _is_conflict(other.code):
                conj_frame = self.lexicon.family_frame("13") or frame
            own = [r for r in self._recipients(doc, other) if not any(_same(r, a) for a in actors)]
            triggers[conj.i] = Trigger(
                token=conj,
                kind="control",
                code=conj_frame.code_for(other.code),
                actors=actors,
                recipients=own or recipients,
                reciprocal=other.reciprocal,
            )

    # -- roles -----------------------------------------------------------------------------

    def _events_for(self, doc: Doc, trigger: Trigger) -> Iterator[EventMatch]:
        if trigger.user is not None:
            yield from self._user_events(doc, trigger, trigger.user)
            return
        if trigger.actors is not None:
            actors = trigger.actors
        elif trigger.kind == "noun":
            actors = self._noun_agents(doc, trigger)
        else:
            actors = self._verb_actors(doc, trigger)
        recipients = (
            trigger.recipients if trigger.recipients is not None else self._recipients(doc, trigger)
        )
        # "threatened to launch an offensive in its war with Y": a possessive pointing
        # back at the actor does not make the actor its own target; nor does naming the
        # actor again ("the militia Red Hand vowed to give up its arms").
        recipients = [
            r
            for r in recipients
            if not any(_one_party(r, a) for a in actors) and not _own(r, actors)
        ]
        if (
            trigger.kind == "noun"
            and trigger.reciprocal
            and trigger.token.dep_ != "dobj"
            and not recipients
            and len(actors) == 1
            and _names_host(actors[0], trigger.token)
        ):
            # "the G7 summit", "a cabinet meeting": the body whose session it is, with no
            # one to meet; no consultation between parties. (Those who attend or hold it
            # do meet.)
            return
        if (
            not actors
            and recipients
            and trigger.recipients is None
            and trigger.kind == "verb"
            and trigger.code[:2] in ("08", "16")
            and trigger.token.lemma_.lower() in _MOVING_OUT
            and _is_passive(trigger.token)
            and not any(c.dep_ == "agent" for c in trigger.token.children)
        ):
            # "monitors were pulled out of X": those moved out are the ones who leave, and
            # the place they leave is the target.
            left = _left_place(doc, trigger.token)
            if left is not None:
                actors, recipients = recipients, [left]
        if trigger.verb is not None and trigger.verb.needs_actor and not actors:
            return
        if (
            trigger.needs_recipient
            and not recipients
            and not (trigger.reciprocal and len(actors) > 1)
        ):
            # "returned the manuscripts to Peru": the place a thing is handed back to
            # names its recipient. (Arriving somewhere is no visit unless a host is
            # named: troops arrive too.)
            place = None
            if trigger.verb is not None and trigger.verb.needs_object:
                place = place_recipient(doc, trigger.token, frozenset(trigger.recipient_slots))
            if place is None:
                return
            recipients = [place]
        if trigger.kind == "noun" and not recipients:
            recipients = self._opposed(doc, trigger.token)
        if trigger.kind == "noun" and not actors and not recipients and _is_harm(trigger.code):
            recipients = self._died_of(doc, trigger.token)
        if not recipients and trigger.code[:2] == "14":
            recipients = self._grievance_targets(doc, trigger, actors) or _stopped_places(
                doc, trigger
            )
        if not recipients and trigger.code[:2] in ("08", "12"):
            recipients = [
                r for r in self._pressing_parties(doc, trigger.token) if not _own(r, actors)
            ]
        uncoded = bool(recipients) and not any(_coded(r) for r in recipients)
        located: Span | None = None
        if (
            actors
            and (not recipients or uncoded)
            and (trigger.kind == "verb" or (trigger.kind == "noun" and trigger.extra))
            and not (trigger.reciprocal and len(actors) > 1)
        ):
            # No one named: the country the act is done in is its target (CAMEO, PLOVER);
            # also for an event noun a light verb carries ("completed its withdrawal from").
            place = place_recipient(doc, trigger.token, _place_preps(trigger.code), taken=True)
            token = trigger.token
            if trigger.kind == "noun" and token.head in trigger.extra:
                token = token.head
            if place is None and token.dep_ == "advcl" and _has_aux(token, _TO):
                # "sent inspectors to X to monitor the plant", "arrived in X to join the
                # mission": the purpose is served where the sending or the arrival goes,
                # not where someone sent for is ("summoned the envoy in X to protest").
                place = place_recipient(
                    doc, token.head, _place_preps(trigger.code), on_objects=False
                ) or place_recipient(doc, token.head, _GOALS)
            if uncoded:
                # Whom the act names without a country is of the country it was done in.
                located = place
            else:
                recipients = with_conjoined(doc, place) if place is not None else []
        elif actors and not recipients and trigger.kind == "noun":
            # "the first battalion of peacekeepers landed in X": a deployment named by the ones
            # deployed goes where they arrive.
            verb = _arrival_of(trigger.token)
            place = place_recipient(doc, verb, _IN_TO) if verb is not None else None
            recipients = [place] if place is not None else []
        # The place found above may be the actor's own name again.
        recipients = [r for r in recipients if not any(_one_party(r, a) for a in actors)]
        pairs: list[tuple[Span | None, Span | None]]
        mutual = trigger.reciprocal and not recipients and len(actors) > 1
        if mutual:
            pairs = [(a, b) for a, b in itertools.permutations(actors, 2)]
        elif trigger.kind == "noun" and trigger.reciprocal and not actors and len(recipients) > 1:
            pairs = [(a, b) for a, b in itertools.permutations(recipients, 2)]
        else:
            pairs = [
                (a, r)
                for a in (actors or [None])
                for r in (recipients or [None])
                if a is None or r is None or not _same(a, r)
            ]
        if trigger.kind != "instrument":
            pairs = [(a, r) for a, r in pairs if a is not None or r is not None]
        modality = modality_of(trigger.token, self.lexicon.modality)
        code = trigger.code
        if (trigger.kind in ("verb", "noun") and trigger.actors is None) or (
            trigger.kind == "control"
        ):
            demand = self._as_demand(doc, trigger, code)
            if demand is not None:
                code, modality, actors, recipients = demand
                pairs = [
                    (a, r)
                    for a in (actors or [None])
                    for r in (recipients or [None])
                    if (a is not None or r is not None)
                    and not (a is not None and r is not None and _one_party(a, r))
                ]
        if (
            modality == "negated"
            and trigger.kind in ("verb", "control")
            and 3 <= int(code[:2]) <= 8
            and _has_future_aux(trigger.token, self.lexicon)
        ):
            # "will not release the prisoners", "would not lift the ban": a stated refusal
            # to cooperate or yield is a rejection (CAMEO 12), asserted now.
            frame = self.lexicon.family_frame("12")
            if frame is not None:
                code, modality = frame.code_for(code), "asserted"
        if (
            trigger.kind in ("verb", "control")
            and int(code[:2]) >= 16
            and code[:2] != "18"
            and _is_ultimatum(trigger.token, self.lexicon)
        ):
            # "will withdraw its force unless Y arranges a ceasefire", "may halt mediation
            # if ...": a harm promised on a condition is a threat (CAMEO 13), stated now.
            frame = self.lexicon.family_frame("13")
            if frame is not None:
                code, modality = frame.code_for(code), "asserted"
                if not recipients:
                    addressees = self._clause_addressees(doc, trigger.token, "advcl")
                    pairs = [(a, r) for a in (actors or [None]) for r in addressees] or pairs
        if modality == "future" and trigger.kind in ("verb", "noun"):
            # CAMEO codes a stated future act as what is stated now: intent to cooperate
            # ("will send aid" -> 033) or a threat ("will strike" -> 138).
            code, modality = self._as_intent(code)
        start, end = _trigger_bounds(trigger)
        background = not trigger.stated and _is_background(trigger.token)
        base = _BASE_CONFIDENCE[trigger.kind] - (0.2 if background else 0.0)
        inferred = None
        expelled = trigger.token.lemma_.lower() in _EXPELLING
        if (
            not actors
            and recipients
            and (_is_state_act(code) or expelled)
            and _is_passive(trigger.token)
        ):
            # "was arrested in X", "was put under investigation in X": only a state's
            # authorities do that to someone, so the state of the place did it; so does
            # the state someone "was expelled from".
            if not any(c.dep_ == "agent" for c in trigger.token.children):
                inferred = place_recipient(doc, trigger.token, _FROM if expelled else _IN)
        attack_place = weapon = None
        if (
            not actors
            and recipients
            and trigger.kind in ("verb", "instrument")
            and _is_harm(code)
            and not background
        ):
            doers = _doer_nouns(trigger)
            # "the bombing killed ...": an attack named as the doer names no one either
            weapons = [n for n in doers if self._is_weapon(n) or self._names_harm(n)]
            if len(weapons) == len(doers):
                # No one is named, or only the weapon: unidentified forces where it was.
                attack_place = _attack_place(doc, trigger)
                weapon = doc[weapons[0].left_edge.i : weapons[0].i + 1] if weapons else None
        for actor, recipient in pairs:
            unidentified = attack_place if actor is None and recipient is not None else None
            yield EventMatch(
                trigger_start=start,
                trigger_end=end,
                code=code,
                actor=(weapon or attack_place) if unidentified is not None else actor or inferred,
                recipient=recipient,
                modality=modality,
                # A doer inferred from the place is no evidence that the act happened.
                confidence=_confidence(base, actor, recipient),
                kind=trigger.kind,
                mutual=mutual,
                unidentified=unidentified,
                located=located or unidentified,
            )

    def _undergoes_act(self, token: Token) -> bool:
        """Whether ``token`` is what an act noun is done to ("the arrest of activists"):
        the one it befell, not the one a protest against it is aimed at."""
        prep = token.head
        return (
            token.dep_ == "pobj"
            and prep.lower_ == "of"
            and bool(self.lexicon.noun_patterns(prep.head.lemma_.lower()))
        )

    def _is_weapon(self, noun: Token) -> bool:
        """A noun naming a weapon or an act of force ("a car bomb", "the bombing")."""
        lemma = noun.lemma_.lower()
        if any(lemma in p.subjects for ps in self.lexicon.instruments.values() for p in ps):
            return True
        return self._names_harm(noun)

    def _grievance_targets(self, doc: Doc, trigger: Trigger, actors: list[Span]) -> list[Span]:
        """Whom a protest is aimed at, from what it is against: "struck in protest of the
        government's decree", "marched in defiance of the army", "rallied against abuses
        by the police", "blocked roads to show their anger at the ministry". The first
        coded actor named in such a phrase, other than the protesters, is the target."""
        hosts = [trigger.token, *trigger.extra]
        if trigger.complement is not None:
            hosts.append(trigger.complement)
        # "called a strike that shut the capital in protest of ...": the strike's clause;
        # "threw stones during rallies against ...": a protest noun the act is part of.
        hosts += [c for h in hosts if h.pos_ == "NOUN" for c in h.children if c.dep_ == "relcl"]
        hosts += [
            g
            for h in hosts
            for p in h.children
            if p.dep_ == "prep"
            for g in p.children
            # "following a rally": the parse may take "following" as a verb with an object.
            if g.dep_ in ("pobj", "dobj")
            and any(n.code[:2] == "14" for n in self.lexicon.noun_patterns(g.lemma_.lower()))
        ]
        phrases: list[Token] = []
        for host in hosts:
            for child in host.children:
                if child.dep_ == "prep" and child.lower_ in _GRIEVANCE_PREPS:
                    phrases.append(child)
                elif child.dep_ == "prep" and child.lower_ == "in":
                    # "in protest of", "in defiance of", "in opposition to"
                    phrases.extend(
                        g
                        for g in child.children
                        if g.dep_ == "pobj" and g.lemma_.lower() in _GRIEVANCE_NOUNS
                    )
                elif child.dep_ in ("advcl", "xcomp") and _has_aux(child, _TO):
                    phrases.append(child)  # "to show their anger at ..."
                elif child.dep_ in ("acl", "advcl") and child.lemma_.lower() in _DEMANDING:
                    phrases.append(child)  # "a march calling for the removal of ..."
        for phrase in phrases:
            for token in phrase.subtree:
                span = actor_span_at(doc, token)
                if (
                    span is not None
                    and _coded(span)
                    and not any(_same(span, a) or _own(span, [a]) for a in actors)
                    and not _governing_prep_in(span.root, _PLACING_PREPS)
                    and not self._undergoes_act(span.root)
                ):
                    return [span]
        return []

    def _user_events(self, doc: Doc, trigger: Trigger, user: UserVerbMatch) -> Iterator[EventMatch]:
        """Events of a user dictionary verb: roles from its pattern's markers, else from
        the parse (the subject; the first actor of the verb's right material).

        A PETRARCH verb dictionary codes dyads: its codes say what a source did to a
        target. As PETRARCH does, an event from it needs both sides to name an actor the
        dictionaries know (a code, or an agent's sector); a side that is missing or
        unknown leaves nothing to code."""
        actors = user.sources
        recipients = user.targets
        if actors is None and user.compound == "before":
            actors = user.compound_actors
        if recipients is None and user.compound == "after":
            recipients = user.compound_actors
        if actors is None:
            actors = self._verb_actors(doc, trigger)
            if recipients and any(_same(a, r) for a in actors for r in recipients):
                # "X noted that Y regretted": the pattern made the subject the target, so
                # the source is the subject of the clause it hangs from.
                actors = self._governing_subject(doc, trigger.token)
        if recipients is None:
            recipients = self._user_recipients(doc, trigger, actors, user.pattern is None)
        pairs: list[tuple[Span, Span, str]] = []
        code, reverse = user.code.code or "", user.code.reverse
        if user.compound == "before" and not recipients and len(actors) > 1:
            pairs = [(a, b, code) for a, b in itertools.permutations(actors, 2)]
        else:
            for a in actors:
                for r in recipients:
                    if _same(a, r):
                        continue
                    pairs.append((a, r, code))
                    if reverse:
                        pairs.append((r, a, reverse))
        pairs = [p for p in pairs if _known_actor(p[0]) and _known_actor(p[1])]
        modality = modality_of(trigger.token, self.lexicon.modality)
        start, end = _trigger_bounds(trigger)
        for actor, recipient, pair_code in pairs:
            yield EventMatch(
                trigger_start=start,
                trigger_end=end,
                code=pair_code,
                actor=actor,
                recipient=recipient,
                modality=modality,
                confidence=_confidence(_BASE_CONFIDENCE["verb"], actor, recipient),
                kind="verb",
                user=True,
            )

    def _user_recipients(
        self, doc: Doc, trigger: Trigger, actors: list[Span], bare: bool
    ) -> list[Span]:
        """The passive subject, else the first actor named to the right of the verb, else
        in the "to" clause that says what the act is for ("signed a pact to help X").

        A verb coded by its own entry (``bare``, no pattern words matched) does not reach
        into the clause it governs: in "offered to settle the matter with X" X is whom
        the matter is settled with, not whom the offer is made to; a pattern ("VOW * WAR")
        names such a clause when it counts."""
        if _is_passive(trigger.token):
            return self._recipients(doc, trigger)
        verb = trigger.token
        purposes = [
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.i > verb.i
            and _has_aux(c, _TO)
            and not any(d.dep_ in ("mark", *_SUBJECTS) for d in c.children)
        ]
        material = right_material(verb) + [t for c in purposes[:1] for t in right_material(c)]
        if bare:
            clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in _VERBAL]
            inner = {t.i for c in clauses for t in c.subtree}
            material = [t for t in material if t.i not in inner]
        for token in material:
            # "handed their papers to X": an owner that points back into the
            # subject's phrase is the doer again, not the target.
            found = [
                s
                for s in self._marker_actors(doc, token)
                if not any(_same(s, a) or _within_phrase(s, a) for a in actors)
            ]
            if found:
                return found
        return []

    def _governing_subject(self, doc: Doc, verb: Token) -> list[Span]:
        node = verb
        for _ in range(6):
            if node.head == node:
                break
            node = node.head
            subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
            if subjects:
                return self._actors_of_heads(doc, _subject_heads(node, self.lexicon))
        return []

    def _marker_actors(self, doc: Doc, token: Token) -> list[Span]:
        """The actors a noun phrase at ``token`` names, every conjunct included."""
        span = self._actor_span(doc, token)
        if span is None:
            return []
        head = span.root if span.root.i == token.i or token in span else token
        found = self._actors_of_heads(doc, _with_conjuncts(_coordination_head(head)))
        return found or [span]

    def _as_intent(self, code: str) -> tuple[str, Modality]:
        root = int(code[:2])
        family = "03" if 4 <= root <= 8 else "13" if root >= 14 and root != 16 else None
        frame = self.lexicon.family_frame(family) if family else None
        if frame is None:
            return code, "future"
        return frame.code_for(code), "asserted"

    def _as_demand(
        self, doc: Doc, trigger: Trigger, code: str
    ) -> tuple[str, Modality, list[Span], list[Span]] | None:
        """'X said Y must withdraw': an act someone says another must do is a demand by
        the speaker on that other (CAMEO 10), coded from the complement's category."""
        verb = trigger.token
        if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
            verb = verb.head  # "must stand ready to broker talks"
        elif trigger.kind == "noun":
            if verb.dep_ != "dobj" or verb.head.pos_ not in _VERBAL:
                return None
            verb = verb.head  # "Y must end its attacks": stopping them is demanded
        if not _has_aux(verb, _MUST):
            return None
        speech = verb.head
        if (
            verb.dep_ in ("acl", "ccomp")
            and speech.pos_ == "NOUN"
            and speech.dep_ == "dobj"
            and speech.head.pos_ in _VERBAL
        ):
            # "sent a warning to Peru that it must comply": the one who issued it
            # says so.
            speech = speech.head
        elif verb.dep_ != "ccomp" or speech.lemma_.lower() not in self.lexicon.speech_verbs:
            return None
        frame = self.lexicon.family_frame("10")
        if frame is None:
            return None
        speakers = self._actors_of_heads(doc, _subject_heads(speech, self.lexicon))
        if not speakers:
            return None
        if trigger.kind == "noun":
            addressees = self._actors_of_heads(doc, _subject_heads(verb, self.lexicon))
            code = frame.code_for("")
        else:
            addressees = self._verb_actors(doc, trigger)
            code = code if code[:2] == "10" else frame.code_for(code)
        return code, modality_of(speech, self.lexicon.modality), speakers, addressees

    def _died_of(self, doc: Doc, noun: Token) -> list[Span]:
        """ "an inmate died of torture", "died from the beatings", "dies in
        prison after torture": whoever died suffered the harm the noun names."""
        node = noun
        for _ in range(6):
            if node.dep_ not in ("pobj", "prep", "pcomp", "amod", "advmod") or node.head == node:
                return []
            node = node.head
            if node.pos_ in _VERBAL:
                break
        if node.pos_ not in _VERBAL or node.lemma_.lower() not in _DYING:
            return []
        return self._actors_of_heads(doc, _subject_heads(node, self.lexicon))

    def _verb_actors(self, doc: Doc, trigger: Trigger) -> list[Span]:
        verb = trigger.token
        if trigger.kind == "instrument":
            subject = trigger.extra[0]
            return self._np_actors(doc, subject)
        if _is_passive(verb):
            agents = [
                pobj
                for child in verb.children
                if child.dep_ == "agent"
                for pobj in child.children
                if pobj.dep_ == "pobj"
            ]
            return self._actors_of_heads(doc, [t for a in agents for t in _with_conjuncts(a)])
        heads = _subject_heads(verb, self.lexicon)
        if verb.dep_ == "relcl" and _is_harm(trigger.code):
            heads = _unique_tokens(self._attack_on(h) for h in heads)
        return self._actors_of_heads(doc, heads) or self._issuers(doc, heads)

    def _attack_on(self, noun: Token) -> Token:
        """ "an attack on a school and a shrine that killed 17": the parse may hang the
        clause on what was attacked, but a place attacked kills no one: the attack did."""
        if self._names_party(noun):
            return noun
        node = noun
        while node.dep_ == "conj":
            node = node.head
        if node != noun and node.pos_ == "NOUN" and self._names_harm(node):
            return node  # the parse may join what was attacked to the attack itself
        prep = node.head
        if (
            node.dep_ == "pobj"
            and prep.lower_ in ("on", "against", "at")
            and prep.head.pos_ == "NOUN"
            and self._names_harm(prep.head)
        ):
            return prep.head
        return noun

    def _names_party(self, noun: Token) -> bool:
        """Whether the noun, or a word modifying it, is an actor ("a Peruvian army unit"),
        not a thing that only belongs to one ("the tomb of leader X")."""
        doc = noun.doc
        return self._actor_span(doc, noun) is not None or any(
            c.dep_ in ("poss", "compound", "amod", "nmod") and self._actor_span(doc, c) is not None
            for c in noun.children
        )

    def _issuers(self, doc: Doc, heads: Sequence[Token]) -> list[Span]:
        """Who issued a document that is said to act: its owner ("the party's letter
        praised X"), or the subject of the verb it is the object of ("X sent a letter that
        praised Y", "X published a report accusing Y")."""
        for head in heads:
            if head.lemma_.lower() not in _DOCUMENTS:
                continue
            owners = [c for c in head.children if c.dep_ == "poss"]
            if owners:
                return self._actors_of_heads(doc, owners)
            if head.dep_ == "dobj" and head.head.pos_ in _VERBAL:
                return self._actors_of_heads(doc, _subject_heads(head.head, self.lexicon))
        return []

    def _recipients(self, doc: Doc, trigger: Trigger) -> list[Span]:
        if trigger.answered is not None:
            return trigger.answered
        token = trigger.token
        if trigger.kind in ("verb", "instrument") and _is_passive(token):
            patients = [c for c in token.children if c.dep_ in _PASSIVE_SUBJECTS]
            if not patients and token.dep_ in ("acl", "relcl"):
                patients = [token.head]
            if not patients and _set_off_participle(token):
                patients = [c for c in token.children if c.dep_ == "nsubj"]
            if not patients and token.dep_ == "conj":
                # "X was arrested in May and freed in June", "X attacked Y and was killed":
                # a passive conjunct without a subject shares its head's.
                patients = [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not patients and _bare_participle_complement(token):
                patients = [
                    c for c in token.head.children if c.dep_ in ("nsubj", *_PASSIVE_SUBJECTS)
                ]
            heads = [t for p in patients for t in _with_conjuncts(_antecedent(p))]
            return self._actors_of_heads(doc, heads)
        sharing = _sharing_verbs(token) if trigger.kind == "verb" else []
        hosts = [token, *sharing]
        if trigger.complement is not None and trigger.complement != token:
            hosts.append(trigger.complement)
            # "fired two artillery shells at X": the prep may hang on the object's head,
            # or on what the object measures ("$10 million in aid to X").
            hosts.extend(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))
            hosts.extend(
                g
                for p in trigger.complement.children
                if p.dep_ == "prep" and p.lower_ in ("in", "of")
                for g in p.children
                if g.dep_ == "pobj"
            )
        if trigger.kind == "noun":
            hosts.extend(t for t in trigger.extra if t.pos_ in _VERBAL and t == token.head)
            # "the resumption of ties with X": the recipient hangs on the "of" object.
            hosts.extend(
                pobj
                for prep in token.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            )
        # What is handed over "with" ("provided X with jets") is not who receives it, even
        # where it is an agent noun: the object is (below).
        complement = trigger.complement
        while complement is not None and complement.dep_ == "conj":
            complement = complement.head  # "with aircraft, vehicles and weapons"
        given = (
            _with_conjuncts(complement)
            if complement is not None
            and complement.dep_ == "pobj"
            and complement.head.lower_ == "with"
            and complement.head.head == token
            else []
        )
        # "lifted a ban imposed on X", "the curbs it placed on X": the clause that lays
        # the measure on someone names them (in a preposition; its object is the measure).
        laying = [
            c
            for c in (complement.children if complement is not None else ())
            if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and complement != token
        ]
        slot_heads: list[list[Token]] = []
        for slot in trigger.recipient_slots:
            heads: list[Token] = []
            for host in hosts:
                heads.extend(_slot_heads(host, slot))
            if slot not in ("dobj", "dative"):
                heads.extend(h for clause in laying for h in _slot_heads(clause, slot))
            heads = [t for h in heads for t in _with_conjuncts(h) if t not in given]
            if slot == "in":
                # "marched in protest of ...": what a protest is against, not where.
                heads = [h for h in heads if h.lemma_.lower() not in _GRIEVANCE_NOUNS]
            if slot == "on":
                # "fought on the Peruvian side", "acted on behalf of X": whom one stands with.
                heads = [h for h in heads if not self._sides_with(doc, h)]
            if slot == "with":
                # "struck the town with drones": what one acts with is no party.
                heads = [h for h in heads if not self._is_weapon(h)]
            actors = self._actors_of_heads(doc, heads)
            if actors:
                return actors
            slot_heads.append(heads)
        if "between" in trigger.recipient_slots:
            # "began a mediation bid meant to settle the quarrel between X and Y": the
            # parties are those of what the act sets out to settle.
            heads = [
                t
                for obj in _purpose_objects([h for h in hosts if h.pos_ in ("VERB", "NOUN")])
                for h in _slot_heads(obj, "between")
                for t in _with_conjuncts(h)
            ]
            actors = self._actors_of_heads(doc, heads)
            if actors:
                return actors
        if trigger.kind == "verb":
            # "shipped tents and a crew of nurses to Chad": the parse hangs the phrase on
            # the object's last noun; a phrase that ends the object belongs to the verb.
            for slot in trigger.recipient_slots:
                heads = [
                    t
                    for verb in (token, *sharing)
                    for h in _trailing_slot_heads(verb, slot)
                    for t in _with_conjuncts(h)
                ]
                actors = self._actors_of_heads(doc, heads)
                if actors:
                    return actors
        if given:
            # "provided Egypt with aid": the object is who receives it.
            heads = [t for c in token.children if c.dep_ == "dobj" for t in _with_conjuncts(c)]
            actors = self._actors_of_heads(doc, heads)
            if actors:
                return actors
            slot_heads.append(heads)
        clause = _CLAUSE_ADDRESSEE.get(trigger.code[:2])
        if clause is not None:
            actors = self._clause_addressees(doc, token, clause)
            if actors:
                return actors
        if trigger.code[:2] == "01" and complement is not None and complement.pos_ == "NOUN":
            # "expressed hope that X would join", "voiced fears X will strike": the
            # feeling is about the one its clause says will act.
            heads = [
                t
                for c in complement.children
                if c.dep_ in ("ccomp", "acl") and c.pos_ in _VERBAL
                for subject in _clause_subjects(c)
                if subject.pos_ != "PRON"
                for t in _with_conjuncts(subject)
            ]
            actors = self._actors_of_heads(doc, heads)
            if actors:
                return actors
        if trigger.kind == "verb":
            # "refused to send troops to Iraq", "agreed to lift the embargo on Cuba": whom
            # the act refused, agreed or offered would affect is its target; "opened fire
            # to disperse the crowd": force is aimed at whom its purpose names.
            force = int(trigger.code[:2]) >= 15
            complements = [
                c
                for c in token.children
                if c.pos_ == "VERB"
                and (
                    (c.dep_ == "xcomp" and trigger.complement is None)
                    or (force and _purpose_clause(c, self.lexicon))
                )
            ]
            for c in complements:
                # "pledged to form a mining company": what is made is no one acted on.
                slots = _COMPLEMENT_SLOTS[1:] if _creates(c) else _COMPLEMENT_SLOTS
                actors = self._coded_in_slots(doc, [c], slots)
                if actors:
                    return actors
            # "refused to allow the agency's planes to land": whom the act would let act.
            heads = [
                t
                for c in complements
                if c.dep_ == "xcomp"
                and c.lemma_.lower() in self.lexicon.object_control | _LETTING
                and (target := _object_of_control(c)) is not None
                for t in _with_conjuncts(target)
            ]
            actors = [a for a in self._actors_of_heads(doc, heads) if _coded(a)]
            if actors:
                return actors
        # "threatened action against X", "mobilized reservists for a war against X",
        # "would boycott contact with X": the target hangs on what the act does.
        objects = [
            o for c in token.children if c.dep_ in ("dobj", "nsubjpass") for o in _with_conjuncts(c)
        ]
        objects += [
            g
            for o in [token, *objects]
            for p in o.children
            if p.dep_ == "prep" and p.lower_ == "for"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        actors = self._coded_in_slots(doc, objects, _OBJECT_SLOTS)
        if actors:
            return actors
        # "banned the rally staged by X": whoever does what the act stops or acts on.
        complement = trigger.complement
        if complement is not None and complement.pos_ == "NOUN" and complement != token:
            doers = [
                pobj
                for c in [complement, *(a for a in complement.children if a.dep_ == "acl")]
                for p in c.children
                if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by")
                for pobj in p.children
                if pobj.dep_ == "pobj"
            ]
            actors = [
                a
                for a in self._actors_of_heads(doc, (t for d in doers for t in _with_conjuncts(d)))
                if _coded(a)
            ]
            if actors:
                return actors
        # "opened an inquiry against X": "against" on the verb names whom the act is aimed at.
        actors = self._coded_in_slots(doc, [token], ("against",))
        if actors:
            return actors
        # "rejected an Indian proposal", "shelled Iraqi towns": what the act is done to
        # names no actor, but the country it belongs to is the act's target (CAMEO).
        for heads in slot_heads:
            found = _unique(ref for h in heads if (ref := _country_ref(doc, h)) is not None)
            if found:
                return found
        if trigger.code[:2] in _PROPOSAL_FAMILIES:
            # "rejected an invitation to a meeting of X": a proposal accepted, offered or
            # refused concerns whom it names.
            for obj in objects:
                for t in obj.subtree:
                    span = actor_span_at(doc, t)
                    if span is not None and _coded(span) and not span.start <= token.i < span.end:
                        return [span]
        return []

    def _sides_with(self, doc: Doc, noun: Token) -> bool:
        """Whether "on" ``noun`` names a party one stands with ("on the Peruvian side", "on
        behalf of X"), not a stretch of land ("on the Chilean side of the border")."""
        if noun.lemma_.lower() not in _ALLEGIANCE_NOUNS:
            return False
        land = [
            pobj
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj" and self._actor_span(doc, pobj) is None
        ]
        return not land

    def _coded_in_slots(
        self, doc: Doc, hosts: Iterable[Token], slots: Sequence[str]
    ) -> list[Span]:
        """The coded actors in the first slot, host by host, that holds any."""
        for host in hosts:
            for slot in slots:
                heads = [t for h in _slot_heads(host, slot) for t in _with_conjuncts(h)]
                actors = [a for a in self._actors_of_heads(doc, heads) if _coded(a)]
                if actors:
                    return actors
        return []

    def _clause_addressees(self, doc: Doc, verb: Token, clause: str) -> list[Span]:
        """The subject of a verb's "that" clause (``ccomp``: "demanded that the US cancel
        the sale") or "unless" / "if" / "until" clause (``advcl``: "will strike unless
        Baghdad accepts", "sanctions that remain until Iran changes"): who is asked, or
        who must give in."""
        verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "relcl"))]
        # "imposed sanctions that will remain until Iran changes": the object's clause.
        verbs += [
            r for c in verb.children if c.dep_ == "dobj" for r in c.children if r.dep_ == "relcl"
        ]
        heads = [
            t
            for h in verbs
            for c in h.children
            if c.dep_ == clause and (clause == "ccomp" or _conditional_mark(c))
            for s in _clause_subjects(c)
            for t in _with_conjuncts(_antecedent(s))
        ]
        if clause == "ccomp" and not heads:
            # "called for X to resume talks"
            heads = [t for s in _asked_for(verb) for t in _with_conjuncts(_antecedent(s))]
        if clause == "ccomp" and not heads:
            # "insisted on its demand that X grant ...": the demand's "that" clause.
            nouns = [c for c in verb.children if c.dep_ == "dobj"]
            nouns += [
                g
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "on"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            heads = [
                t
                for n in nouns
                for c in n.children
                if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
                for s in _clause_subjects(c)
                for t in _with_conjuncts(_antecedent(s))
            ]
        return self._actors_of_heads(doc, heads)

    def _noun_agents(self, doc: Doc, trigger: Trigger, of: bool = True) -> list[Span]:
        """Who does what an event noun names: its owner or modifier, its "by" phrase and
        any other agent preposition of its entry ("of" only where ``of``)."""
        noun = trigger.token
        agents: list[Span] = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                span = self._actor_span(doc, child)
                if span is not None and not _against(span):
                    agents.append(span)
        agent_preps = trigger.noun.agent if trigger.noun is not None else ("by",)
        if not of:
            agent_preps = tuple(p for p in agent_preps if p != "of")
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in agent_preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        agents.extend(self._actors_of_heads(doc, _with_conjuncts(pobj)))
        if not agents and noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS:
            # "X is the largest donor to Y": the subject is who the noun says gives; not
            # for force ("the law is an attack on free speech" is a comment).
            if int(trigger.code[:2]) < 14:
                agents = self._actors_of_heads(doc, _subject_heads(noun.head, self.lexicon))
        if not agents:
            agents = self._culprits(doc, noun)
        return _unique(agents)

    def _opposed(self, doc: Doc, noun: Token) -> list[Span]:
        """ "anti-government protests": whom an event noun's "anti-" modifier names is what
        the act is against, its target."""
        found = []
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                span = self._actor_span(doc, child)
                if span is not None and _against(span):
                    found.append(span)
        return _unique(found)

    def _culprits(self, doc: Doc, noun: Token) -> list[Span]:
        """ "X was responsible for last week's raid", "X is guilty of the attack", "X was
        behind the bombing": the subject of the predicate did the act."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return []
        host = prep.head
        if prep.lower_ in ("for", "of") and host.lemma_.lower() in _CULPABLE:
            if host.dep_ not in ("acomp", "oprd"):
                return []
            host = host.head
        elif not (prep.lower_ == "behind" and host.lemma_.lower() == "be"):
            return []
        return self._actors_of_heads(doc, _subject_heads(host, self.lexicon))

    def _pressing_parties(self, doc: Doc, verb: Token) -> list[Span]:
        """Who an act of yielding or refusing answers: "called off the strike after talks
        with X", "declined to resign despite pressure from X"."""
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        occasions = [
            occasion
            for v in verbs
            for prep in v.children
            if prep.dep_ == "prep" and prep.lower_ in _OCCASION_PREPS
            for occasion in prep.children
            if occasion.dep_ == "pobj" and occasion.lemma_.lower() in _PRESSING_NOUNS
        ]
        heads = [
            party
            for occasion in occasions
            for by in occasion.children
            if by.dep_ == "prep" and by.lower_ in ("with", "by", "from")
            for party in by.children
            if party.dep_ == "pobj"
        ]
        # "despite Peru's request": whose the pressing is.
        heads += [o for occasion in occasions for o in occasion.children if o.dep_ == "poss"]
        return [a for a in self._actors_of_heads(doc, heads) if _coded(a)]

    def _actors_of_heads(self, doc: Doc, heads: Iterable[Token]) -> list[Span]:
        found: list[Span] = []
        for head in heads:
            found.extend(self._np_actors(doc, head))
        return _unique(found)

    def _np_actors(self, doc: Doc, head: Token, depth: int = 0) -> list[Span]:
        """The actor a noun phrase names: its own mention, else one inside it."""
        span = self._actor_span(doc, head)
        if span is not None and head.lower_ in _PLURAL_PRONOUNS and span.end <= head.i:
            # "Lopez and Varga said they agree": "they" stands for the whole coordination.
            both = [
                found
                for t in _with_conjuncts(_coordination_head(span.root))
                if (found := actor_span_at(doc, t)) is not None and found._.fp_actor is not None
            ]
            if len(both) > 1 and span in both:
                return both
        if span is not None:
            return [span]
        if depth > 2:
            return []
        if head.lemma_.lower() in self.lexicon.relational_nouns:
            # "his rival, Prime Minister X", "partners like X": an appositive or an
            # example names the one meant.
            named = [
                span
                for c in [*_examples(head), *(c for c in head.children if c.dep_ == "appos")]
                for a in _with_conjuncts(c)
                if (span := self._actor_span(doc, a)) is not None
            ]
            if named:
                return _unique(named)
            # "its EU partners" are members of the body; "Iran's partners" are not Iran.
            bodies = [
                span
                for c in head.children
                if c.dep_ == "compound"
                and (span := self._actor_span(doc, c)) is not None
                and span._.fp_actor.kind == "organisation"
            ]
            return bodies[:1]
        for dep in _NP_LINKS:
            for child in head.children:
                if child.dep_ == dep:
                    inner = self._np_actors(doc, child, depth + 1)
                    if inner:
                        return inner
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in _NP_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        inner = self._actors_of_heads_depth(doc, _with_conjuncts(pobj), depth + 1)
                        if inner:
                            return inner
        # "crimes committed by X", "the arms supplied by X": the participle's agent.
        for child in head.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        pobjs = [p for p in agent.children if p.dep_ == "pobj"]
                        heads = [t for p in pobjs for t in _with_conjuncts(p)]
                        inner = self._actors_of_heads_depth(doc, heads, depth + 1)
                        if inner:
                            return inner
        return []

    def _actors_of_heads_depth(self, doc: Doc, heads: Iterable[Token], depth: int) -> list[Span]:
        found: list[Span] = []
        for head in heads:
            found.extend(self._np_actors(doc, head, depth))
        return _unique(found)

    def _actor_span(self, doc: Doc, token: Token) -> Span | None:
        span = actor_span_at(doc, token)
        if span is not None and span._.fp_actor is not None:
            return span
        if token.lower_ in _REFLEXIVES:
            return None  # "blew themselves up": the actor again, not a target
        if token.lower_ in _PRONOUNS or token.pos_ == "PRON":
            return self._resolve(doc, token)
        return None

    def _resolve(self, doc: Doc, pronoun: Token) -> Span | None:
        if self.resolver is not None:
            try:
                span = self.resolver(doc, pronoun)
            except Exception:  # noqa: BLE001 - a failing resolver must not lose the event
                span = None
            if span is not None and span._.fp_actor is not None and not _describes(pronoun, span):
                return span
            return None
        # Without a resolver only subject pronouns are guessed ("X said it would ..."); a
        # possessive ("their resumption of ties") too often points back at the speaker.
        if pronoun.dep_ in ("nsubj", "nsubjpass"):
            return _fallback_reference(doc, pronoun)
        return None

    # -- writing ---------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, matches: list[EventMatch]) -> None:
        """Write the matches onto ``doc._.fp_events`` as Event records."""
        sentences = list(doc.sents)
        sentence_of = {}
        for index, sent in enumerate(sentences):
            for i in range(sent.start, sent.end):
                sentence_of[i] = index
        article_id = doc._.fp_article_id or "doc"
        # A sentence's text sliced from the doc's is the same string as ``sent.text``,
        # without making a Token for each of its words.
        text = doc_text(doc)
        events: list[Event] = []
        for match in matches:
            entry = self._entry(match)
            if entry is None and not match.user:
                continue
            index = sentence_of[match.trigger_start]
            sent = sentences[index]
            trigger = doc[match.trigger_start : match.trigger_end]
            actor_record = (
                _unidentified(match.unidentified, match.actor)
                if match.unidentified is not None
                else _role_record(match.actor, trigger, match.mutual)
            )
            actors = _each_joint(actor_record)
            recipient_record = _role_record(match.recipient, trigger, match.mutual)
            if recipient_record is not None and (_is_harm(match.code) or match.code == "192"):
                recipient_record = _city_struck(recipient_record)
            if match.located is not None and recipient_record is not None:
                recipient_record = _placed(recipient_record, match.located)
            recipients = _each_joint(recipient_record)
            for actor, recipient in itertools.product(actors, recipients):
                events.append(
                    Event(
                        id=f"{article_id}:e{len(events)}",
                        article_id=article_id,
                        sentence=SentenceRef(
                            index=index,
                            text=text[sent.start_char : sent.end_char],
                            start=sent.start_char,
                            end=sent.end_char,
                        ),
                        trigger=CharSpan(
                            text=trigger.text, start=trigger.start_char, end=trigger.end_char
                        ),
                        actor=actor,
                        recipient=recipient,
                        # A user dictionary's code is kept as written; PLOVER type,
                        # Goldstein and quad class come from the CAMEO code it extends.
                        event_type=entry.plover if entry else "",
                        mode=entry.mode if entry else None,
                        contexts=list(entry.contexts) if entry else [],
                        cameo=match.code if match.user else entry.code,  # type: ignore[union-attr]
                        goldstein=entry.goldstein if entry else 0.0,
                        quad_class=entry.quad_class if entry else 0,
                        modality=match.modality,
                        confidence=match.confidence,
                    )
                )
        doc._.fp_events = events

    def _entry(self, match: EventMatch) -> Any:
        code = match.code
        if match.user:
            # "174K" extends 174; "903" has no CAMEO root and resolves to nothing.
            digits = len(code) - len(code.lstrip("0123456789"))
            code = code[:digits]
        return self.ontology.resolve(code) if code else None  # type: ignore[attr-defined]


# -- parse helpers (pure) -------------------------------------------------------------------


def _drop_governed(triggers: dict[int, Trigger]) -> None:
    """A trigger inside a user dictionary verb's phrase ("abandoned efforts to stop X",
    "urged X to help") is part of that verb's pattern, not an event of its own."""
    for i, trigger in list(triggers.items()):
        node = trigger.token
        for _ in range(6):
            if node.dep_ not in _GOVERNED or node.head == node:
                break
            if node.pos_ in _VERBAL and any(c.dep_ in _SUBJECTS for c in node.children):
                break
            node = node.head
            governor = triggers.get(node.i)
            if governor is not None and governor.user is not None and node.i != i:
                del triggers[i]
                break


def _place_preps(code: str) -> frozenset[str]:
    """Prepositions whose place is the target of an act with no one named: acts that leave
    a place (yielding, reducing relations) also take "from"."""
    return _LEAVING_PREPS if code[:2] in ("08", "16") else PLACE_RECIPIENT_PREPS


def _names_host(actor: Span, noun: Token) -> bool:
    """Whether ``actor`` is only a compound word of an event noun ("the G7 summit")."""
    return any(
        c.dep_ in ("compound", "nmod") and actor.start <= c.i < actor.end for c in noun.children
    ) and not any(c.dep_ == "poss" for c in noun.children)


def _trigger_bounds(trigger: Trigger) -> tuple[int, int]:
    """Token bounds of a trigger's words; only the head word where the others lie far off
    (a particle or complement several words away would swallow unrelated text)."""
    words = [trigger.token, *trigger.extra]
    start = min(t.i for t in words)
    end = max(t.i for t in words) + 1
    if end - start > 6:
        return trigger.token.i, trigger.token.i + 1
    return start, end


def _confidence(base: float, actor: Span | None, recipient: Span | None) -> float:
    """A missing actor costs more than a missing recipient; never below 0.2."""
    confidence = base - (0.2 if actor is None else 0.0) - (0.1 if recipient is None else 0.0)
    return round(max(confidence, 0.2), 2)


def _noun_keys(token: Token) -> Iterator[str]:
    """Lemma, then the lower-cased form and a naive singular (the tagger may call a
    capitalised plural such as "Rockets" a proper noun and leave it unlemmatised)."""
    keys = [token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")]
    # "cease-fire", "air-strike": the tokenizer splits what the lexicon writes as one word.
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].head == token:
        prefix = doc[token.i - 2].lower_
        keys += [prefix + keys[0], f"{prefix}-{keys[0]}"]
    seen = set()
    for key in keys:
        if key and key not in seen:
            seen.add(key)
            yield key


def _aims_at(verb: Token) -> set[str]:
    """The lemmas of what a verb is aimed at: its object, or the object of "against"."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    heads += [
        g
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "against"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return {key for head in heads for key in _noun_keys(head)}


def _particle(verb: Token, particle: str) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "advmod", "compound:prt") and child.lower_ == particle:
            if child.dep_ == "prep" and (
                child.i < verb.i
                or any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children)
            ):
                # "called Morrison on Wednesday", "On May 2, X called Y" are no "call on".
                continue
            return child
    return None


def _phone_call(verb: Token, purposes: frozenset[str]) -> bool:
    """ "called Morrison to congratulate him": "call" with a direct object, no "on" or
    "for", and a "to" clause saying what one says on a call is a telephone call; the
    clause is the caller's own purpose ("called residents to evacuate" still appeals)."""
    return (
        verb.lemma_.lower() == "call"
        and bool(_callees(verb))
        and any(
            c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in purposes
            for c in verb.children
        )
        and _particle(verb, "on") is None
        and _particle(verb, "upon") is None
        and _prep_child(verb, "for") is None
        and not any(c.dep_ == "prt" for c in verb.children)
    )


def _callees(verb: Token) -> list[Token]:
    """Whom "call" reaches: its object, unless a naming complement follows ("called the
    vote a fraud"); with no object, a name the parse reads as that complement ("called
    Foreign Minister X to discuss ...")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        return [] if any(c.dep_ == "oprd" for c in verb.children) else objects
    return [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"]


def _prep_child(token: Token, prep: str) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
            return child
    return None


def _gives_an_act(prep: Token | None) -> bool:
    """Whether a preposition's phrase names an act: a gerund clause ("for closing the
    port") or a noun someone owns ("for his remarks"), not a time ("for hours")."""
    if prep is None:
        return False
    return any(
        (c.dep_ == "pcomp" and c.tag_ == "VBG")
        or (c.dep_ == "pobj" and any(d.dep_ == "poss" for d in c.children))
        for c in prep.children
    )


def _matches_objects(token: Token, objects: frozenset[str]) -> bool:
    keys = set(_noun_keys(token))
    if keys & objects:
        return True
    if "@place" in objects and (
        token.ent_type_ in ("GPE", "LOC", "FAC")
        or any(p.start <= token.i < p.end for p in token.doc._.fp_places or ())
    ):
        return True
    return any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in objects
        for c in token.children
    )


def _complement(
    verb: Token,
    pattern: VerbPattern,
    seen: dict[tuple[str | None, str | None], list[Token]] | None = None,
) -> Token | None:
    """The complement a verb pattern requires: object, passive subject or prep object.
    ``seen`` keeps the candidates found for other patterns of the same verb: they
    depend on the pattern's preposition and particle alone."""
    key = (pattern.prep, pattern.particle)
    if seen is None or key not in seen:
        candidates = _complement_candidates(verb, pattern.prep, pattern.particle)
        if seen is not None:
            seen[key] = candidates
    else:
        candidates = seen[key]
    for candidate in candidates:
        for token in _with_conjuncts(candidate):
            if _matches_objects(token, pattern.objects):
                return token
    return None


def _complement_candidates(verb: Token, prep_word: str | None, particle: str | None) -> list[Token]:
    """The words that may be a verb pattern's complement, for its preposition and particle."""
    if prep_word is not None:
        candidates: list[Token] = []
        hosts = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "prt")]
        for host in hosts:
            prep = _prep_child(host, prep_word)
            if prep is not None:
                candidates.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    else:
        candidates = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative", "npadvmod")
        ]
        # "provided Egypt with arms": what is given may be the object of "with".
        if any(c.dep_ == "dobj" for c in verb.children):
            candidates.extend(
                g
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children
                if g.dep_ == "pobj"
            )
        # "hand over supplies to X": the parse may read the particle as a preposition
        # and the object as its object.
        if particle is not None:
            candidates.extend(
                g
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ == particle and p.i == verb.i + 1
                for g in p.children
                if g.dep_ == "pobj"
            )
        # "found the official guilty", "allow UN agencies access": a verbless small
        # clause's predicate.
        candidates.extend(
            c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")
        )
        # "will not accept refugees fleeing the war": an object misread as the subject of
        # a clause that follows the verb.
        candidates.extend(
            s
            for c in verb.children
            if c.dep_ == "ccomp" and not _has_aux(c, _TO)
            for s in c.children
            if s.dep_ == "nsubj" and verb.i < s.i < c.i
        )
        # "fired two artillery shells": the object may be a number or quantity head.
        for c in list(candidates):
            candidates.extend(g for g in c.children if g.dep_ in ("compound", "nmod"))
            candidates.extend(
                g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
            )
    return candidates


def _examples(noun: Token) -> list[Token]:
    """The examples a noun is given ("partners like X", "allies such as X")."""
    preps = [
        p
        for p in noun.children
        if p.dep_ == "prep"
        and (
            p.lower_ == "like"
            or (p.lower_ == "as" and any(a.lower_ == "such" for a in p.children))
        )
    ]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def _purpose_objects(hosts: Sequence[Token]) -> list[Token]:
    """The objects of the "to" clauses that say what a verb or noun is for ("an effort to
    end the war", "a bid to try and avert a war"), through one verb of trying."""
    clauses = [
        c
        for h in hosts
        for c in h.children
        if c.dep_ in ("acl", "advcl", "xcomp") and any(a.lower_ == "to" for a in c.children)
    ]
    clauses += [x for c in clauses for x in c.children if x.dep_ == "xcomp"]
    return [o for c in clauses for o in c.children if o.dep_ == "dobj"]


def _slot_heads(host: Token, slot: str) -> list[Token]:
    if slot == "dobj":
        # The pattern's own object counts: "rejected an Indian proposal" is aimed at
        # whoever the proposal names or belongs to. In a small clause ("found the
        # official guilty") the object is the adjective's subject.
        small_clause = host.pos_ in ("ADJ", "NOUN") and host.dep_ == "ccomp"
        objects = [
            c
            for c in host.children
            if c.dep_ == "dobj" or (small_clause and c.dep_ in ("nsubj", "nsubjpass"))
        ]
        return (
            objects
            or _shifted_object(host)
            or _counted_object(host)
            or _bare_clause_subject(host)
            or _object_gap(host)
        )
    if slot == "dative":
        return [c for c in host.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    heads: list[Token] = []
    for child in host.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == slot:
            heads.extend(c for c in child.children if c.dep_ in ("pobj",))
    return heads


def _bare_clause_subject(verb: Token) -> list[Token]:
    """ "helped Nepal rebuild", "made Chile pay": the parse may read the object of a verb
    with a bare infinitive as the subject of that infinitive."""
    if verb.pos_ != "VERB":
        return []
    return [
        s
        for c in verb.children
        if c.dep_ == "ccomp"
        and c.tag_ == "VB"
        and c.i > verb.i
        and not any(a.dep_ in ("aux", "mark") for a in c.children)
        for s in c.children
        if s.dep_ == "nsubj" and verb.i < s.i < c.i
    ]


def _shifted_object(verb: Token) -> list[Token]:
    """An object put after an "as" phrase ("condemned as illegal Chad's seizure of X"):
    the parse reads it as the object of "as"; a possessor shows it is a noun phrase of its
    own, not what the object is called."""
    if verb.pos_ != "VERB":
        return []
    # The shifted object may also hang in apposition to what it is called.
    nouns = [
        n
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "as" and p.i > verb.i
        for g in p.children
        if g.dep_ == "pobj"
        for n in (g, *(a for a in g.children if a.dep_ == "appos"))
    ]
    return [n for n in nouns if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in n.children)]


def _stopped_places(doc: Doc, trigger: Trigger) -> list[Span]:
    """The place a protest stops: "a strike that shut down X", "a boycott that paralysed X"
    is aimed at the state of the place it brings to a halt."""
    hosts = [trigger.token, *trigger.extra]
    if trigger.complement is not None:
        hosts.append(trigger.complement)
    objects = {
        o.i
        for h in hosts
        if h.pos_ == "NOUN"
        for clause in h.children
        if clause.dep_ == "relcl"
        for o in clause.children
        if o.dep_ == "dobj"
    }
    return [
        place
        for place in doc._.fp_places or ()
        if place.root.i in objects and place._.fp_place is not None and place._.fp_place.country
    ][:1]


def _sharing_verbs(verb: Token) -> list[Token]:
    """Verbs conjoined to ``verb`` that carry its object ("donated and delivered the goods
    to X"): with no object or phrase of its own, it shares theirs."""
    if any(c.dep_ in ("dobj", "dative", "prep") for c in verb.children):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(d.dep_ in _SUBJECTS for d in c.children)
    ]


def _counted_object(verb: Token) -> list[Token]:
    """An object counted with "up to" ("seized up to 30 fishermen"): the parse may read
    "up" as the verb's particle and the object as that of "to"."""
    if verb.pos_ != "VERB":
        return []
    ups = [c for c in verb.children if c.lower_ == "up" and c.i > verb.i]
    return [
        g
        for up in ups
        for p in (*up.children, *verb.children)
        if p.dep_ == "prep" and p.lower_ == "to" and p.i == up.i + 1
        for g in p.children
        if g.dep_ == "pobj" and any(c.dep_ == "nummod" for c in g.children)
    ]


def _trailing_slot_heads(verb: Token, slot: str) -> list[Token]:
    """Objects of a ``slot`` preposition that ends the verb's direct object."""
    if slot in ("dobj", "dative"):
        return []
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for prep in obj.subtree:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == slot
                and _ends_phrase(prep, obj)
                and not _inside_clause(prep, obj)
            ):
                return [c for c in prep.children if c.dep_ == "pobj"]
    return []


def _ends_phrase(prep: Token, obj: Token) -> bool:
    """Whether nothing but a date follows ``prep``'s phrase in ``obj``'s ("... to Peru on
    March 4"): the date is the verb's too, wherever the parse hung it."""
    doc = obj.doc
    rest = doc[prep.right_edge.i + 1 : obj.right_edge.i + 1]
    return all(
        t.ent_type_ in ("DATE", "TIME") or t.is_punct or (t.dep_ == "prep" and t.lower_ == "on")
        for t in rest
    )


def _inside_clause(token: Token, top: Token) -> bool:
    """Whether a clause of its own stands between ``token`` and ``top`` (a participle
    modifying a noun does not: "the ban imposed on X")."""
    current = token.head
    while current != top and current.head != current:
        if current.pos_ in ("VERB", "AUX") and current.tag_ != "VBN":
            return True
        current = current.head
    return False


def _coordination_head(token: Token) -> Token:
    """The first conjunct of the coordination ``token`` is part of ("Lopez" for "Varga" in
    "Lopez and Varga")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _with_conjuncts(token: Token) -> list[Token]:
    """The token and every noun conjoined with it ("Arnor, Osgiliath and Gondor")."""
    found = [token]
    frontier = [token]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            if child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
                found.append(child)
                frontier.append(child)
            elif child.dep_ == "appos" and (
                any(c.dep_ == "conj" for c in child.children)
                or any(c.dep_ == "cc" and c.i < child.i for c in current.children)
            ):
                # "Velmar, the Marches, Odrine and Karvassa", "Velmar and the old Karvassa":
                # the parser may read an item as an appositive when the list goes on from
                # it or when it follows the "and"; an appositive that renames ("Kenya, the
                # host country") has neither.
                found.append(child)
                frontier.append(child)
            elif (
                child.dep_ in ("nmod", "compound")
                and child.i < current.i
                and current.pos_ == "PROPN"
                and any(c.dep_ in ("cc", "conj") for c in child.children)
            ):
                # "Velmar and the old Karvassa": the parser may read the first name, with the
                # coordination hanging from it, as a modifier of the last.
                found.append(child)
                frontier.append(child)
    return found


def _creates(verb: Token) -> bool:
    """Whether a verb makes its object ("build a hospital", "set up a company")."""
    lemma = verb.lemma_.lower()
    if lemma == "set":
        return _particle(verb, "up") is not None
    return lemma in _CREATING


def _describes(pronoun: Token, span: Span) -> bool:
    """Whether ``pronoun`` is the subject of a relative clause on a noun of ``span`` ("the
    envoy it expelled", "the council, which it calls a puppet"): the noun is the clause's
    object, so the subject is someone else."""
    verb = pronoun.head
    return (
        pronoun.dep_ in _SUBJECTS
        and verb.dep_ == "relcl"
        and span.start <= verb.head.i < span.end
    )


def _object_gap(verb: Token) -> list[Token]:
    """"the envoy Chile expelled": a relative clause with a subject of its own and no
    object is about the noun it modifies, its object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in _NOMINAL:
        return []
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not subjects or any(s.lower_ in _RELATIVE_PRONOUNS for s in subjects):
        return []
    if any(c.dep_ in ("dobj", "advmod", "prep") and c.i < verb.i for c in verb.children):
        return []  # "the town where troops fought", "the day on which ..."
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [verb.head]


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _subject_heads(verb: Token, lexicon: Lexicon, depth: int = 0) -> list[Token]:
    """The head words of a verb's subject, inherited through xcomp/conj/relative clauses."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.dep_ != "expl"]
    if not subjects and not _is_passive(verb):
        # "X is committed to reform": a stative participle's subject is its own.
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects:
        # "X however have opposed": the parser may hang the subject on the auxiliary.
        subjects = [
            s
            for aux in verb.children
            if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i
            for s in aux.children
            if s.dep_ in _SUBJECTS and s.dep_ != "expl"
        ]
    if len(subjects) > 1 and any(s.i < verb.i for s in subjects):
        # "X says so far Y's plans look weak": a second subject after the verb is the
        # subject of a complement clause the parse has run together with it.
        subjects = [s for s in subjects if s.i < verb.i]
    if subjects:
        heads = []
        for subject in subjects:
            heads.extend(_with_conjuncts(_antecedent(subject)))
        return heads
    if depth > 4 or verb.head == verb:
        return []
    head = verb.head
    misread = _misread_subject(verb)
    if misread is not None:
        return _with_conjuncts(misread)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return _with_conjuncts(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head != head:
        # "are guilty of violating", "apologized for killing": the gerund's doer is the
        # subject of what the preposition hangs on, or its object where it has one
        # ("accused Y of attacking", "Y was arrested for spying").
        # After a preposition of time or means ("stormed Y after shelling it", "killed
        # Y by shooting") the doer is the subject all the same.
        host = head.head
        if head.lower_ == "against" and host.lemma_.lower() not in _CHOOSING:
            # "warned against scrapping the deal", "campaigned against building a dam": the
            # act opposed is someone else's.
            return []
        objects = [c for c in host.children if c.dep_ in ("dobj", "nsubjpass")]
        if objects and head.lower_ not in _SUBJECT_PREPS:
            return _with_conjuncts(_antecedent(objects[0]))
        return _subject_heads(host, lexicon, depth + 1)
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and head.lemma_.lower() in lexicon.speech_verbs
        and verb.i > head.i
    ):
        # "X overran the base, officials said, killing ten": the parser hangs the act's
        # participle on the speech verb; it goes on from what was said, not the speaking.
        said = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
        if said:
            return _subject_heads(said[-1], lexicon, depth + 1)
    if (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in lexicon.object_control
        and not _phone_call(head, lexicon.call_purposes)
    ):
        target = _object_of_control(head)
        if target is not None:
            return _with_conjuncts(target)
    if verb.dep_ == "xcomp" and _is_passive(head):
        # "X was asked to leave", "X is expected to meet Y": the passive's subject is who
        # would do the act.
        patients = [c for c in head.children if c.dep_ == "nsubjpass"]
        if patients:
            return [t for p in patients for t in _with_conjuncts(_antecedent(p))]
    if verb.dep_ in _INHERIT:
        return _subject_heads(head, lexicon, depth + 1)
    return []


def _object_of_control(verb: Token) -> Token | None:
    """Whom an appeal or order addresses: "urged X to", "called on X to", "X was urged
    to"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP":
            return child
        if child.dep_ == "nsubjpass" and _is_passive(verb):
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    # "called for Bree to help": the subject of the "for ... to" clause.
    asked = _asked_for(verb)
    if asked:
        return asked[0]
    # "urged Bree to help": the parser sometimes hangs the addressee as the xcomp's subject.
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp"):
            for sub in child.children:
                if sub.dep_ in _SUBJECTS and sub.i < child.i:
                    return sub
    return None


def _purpose_clause(verb: Token, lexicon: Lexicon) -> bool:
    """ "... to allow elections": an infinitive clause hanging on another verb, unless
    that verb decides on it ("decided to allow")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.decision_verbs:
        return False
    return verb.dep_ in ("advcl", "xcomp") and _has_aux(verb, _TO)


def _infinitive_clause(verb: Token) -> Token | None:
    """The verb's "X to do" complement when parsed as a clause with its own subject."""
    for child in verb.children:
        if child.dep_ == "ccomp" and _has_aux(child, _TO) and _clause_subjects(child):
            return child
    return None


def _clause_subjects(clause: Token) -> list[Token]:
    """The subject words of a clause, active or passive."""
    return [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]


#: Participles that state the subject's own stance, not something done to it: "X is
#: committed to reform", "X is opposed to the plan" (unless an agent says otherwise).
_STATIVE_PARTICIPLES = frozenset({"committed", "determined", "opposed", "dedicated", "poised"})


def _is_stative(verb: Token) -> bool:
    """ "forces were engaged in fighting", "X is opposed to the plan": a passive form whose
    subject does the act or holds the stance."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return verb.lower_ in _STATIVE_PARTICIPLES or (
        verb.lemma_.lower() in _STATIVE_IN and _prep_child(verb, "in") is not None
    )


def _is_passive(verb: Token) -> bool:
    if _is_stative(verb):
        return False
    if any(c.dep_ in ("auxpass", *_PASSIVE_SUBJECTS) for c in verb.children):
        return True
    if _bare_participle_complement(verb) or _set_off_participle(verb):
        return True
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "conj"
        and not any(c.dep_ in ("aux", *_SUBJECTS) for c in verb.children)
        and _is_passive(verb.head)
    ):
        return True  # "was arrested in May and freed in June": the "was" serves both
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "relcl")
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
        and _misread_subject(verb) is None
    )


def _bare_participle_complement(verb: Token) -> bool:
    """"two people reported killed", "were found murdered": a participle with no auxiliary
    or subject of its own, completing a verb, says what was done to that verb's subject."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("xcomp", "oprd")
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("aux", "auxpass", *_SUBJECTS) for c in verb.children)
    )


def _set_off_participle(verb: Token) -> bool:
    """ "Nine sailors, held captive for 40 days, have been freed": the parser may make the
    participle set off by commas the main verb, its noun the subject, and the true main
    verb, with an auxiliary of its own and no "and", a conjunct. The participle says what
    was done to the noun."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or doc[verb.i - 1].text != ",":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].right_edge.i < verb.i - 2:
        return False
    if any(c.dep_ == "cc" for c in verb.children):
        return False
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i < verb.i:
            continue
        auxes = [a.i for a in conj.children if a.dep_ in ("aux", "auxpass") and a.i < conj.i]
        if auxes and doc[min(auxes) - 1].text == ",":
            return True
    return False


def _misread_subject(verb: Token) -> Token | None:
    """ "Militants held 20,000 civilians.", "Doctors from two aid groups donated and
    delivered ...": a main clause parsed as a participle on the sentence's head noun (or
    on a noun in its "of"/"from" phrase). A participle with a direct object or a finite
    verb conjunct of its own is active; the head noun is its subject."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    if not any(c.dep_ == "dobj" or (c.dep_ == "conj" and c.tag_ == "VBD") for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    if noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN"):
        return noun
    return None


def _event_complement(
    verb: Token, triggers: dict[int, Trigger], light_verbs: frozenset[str] = frozenset()
) -> Token | None:
    """The coded event a control verb governs: its xcomp (or an xcomp's light verb)."""
    for child in verb.children:
        answer = triggers.get(child.i) if child.dep_ == "dobj" else None
        if answer is not None and answer.noun is not None and answer.noun.answers:
            return child  # "promised revenge for the killing": the revenge, not the killing
    for child in verb.children:
        if _infinitive_advcl(child) and child.i in triggers and child.i != verb.i:
            return child
        if _for_clause(child) and child.i in triggers:
            return child  # "called for Peru to withdraw": the act asked of Peru
        if child.dep_ in ("xcomp", "ccomp") and child.i in triggers and child.i != verb.i:
            # "said it would attack" is reported speech, not a control frame; an xcomp is.
            if child.dep_ == "ccomp" and any(c.dep_ in _SUBJECTS for c in child.children):
                continue
            return child
        if child.dep_ == "prep" and child.lower_ in ("for", "to"):
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp") and pobj.i in triggers:
                    return pobj
    for child in verb.children:
        if (child.dep_ != "xcomp" and not _for_clause(child)) or child.i in triggers:
            continue
        # "agreed to prolong their monitoring mission": the event noun a light verb
        # carries stands for the complement.
        for obj in child.children:
            carried = triggers.get(obj.i)
            if (
                obj.dep_ == "dobj"
                and carried is not None
                and carried.kind == "noun"
                and child.lemma_.lower() in light_verbs
            ):
                return obj
        purpose = _coded_purpose(child, triggers)
        if purpose is not None:
            return purpose
    return None


def _displaced_complement(verb: Token) -> Token | None:
    """ "allowed the families who had fled to return": the parse hangs the "to" clause
    that follows a relative clause on the object on that clause's verb; it is the
    complement of the verb whose object the clause describes."""
    for obj in verb.children:
        if obj.dep_ != "dobj":
            continue
        for clause in obj.children:
            if clause.dep_ != "relcl":
                continue
            # The relative clause's own complement comes first ("who fled the war"); a
            # bare "who came to report" is a purpose of the coming.
            for inner in clause.children:
                if (
                    inner.dep_ == "advcl"
                    and _has_aux(inner, _TO)
                    and not any(c.dep_ in ("mark", *_SUBJECTS) for c in inner.children)
                    and any(
                        c.dep_ in ("dobj", "prep") and c.i < inner.i for c in clause.children
                    )
                ):
                    return inner
    return None


def _hoping_verb(token: Token, lemmas: frozenset[str]) -> tuple[Token | None, Token | None]:
    """The verb of hope governing ``token`` through a "that" clause with its own subject
    or a "for" phrase, and the clause (or "for" phrase head) it governs it through."""
    node = token
    for _ in range(5):
        head = node.head
        if head == node:
            break
        if head.lemma_.lower() in lemmas and head.pos_ in _VERBAL:
            if node.dep_ == "ccomp" and _clause_subjects(node):
                return head, node
            if node.dep_ == "prep" and node.lower_ == "for":
                return head, node
            return None, None
        if node.dep_ not in ("xcomp", "ccomp", "conj", "pobj", "prep", "dobj"):
            break
        node = head
    return None, None


def _coded_purpose(clause: Token, triggers: dict[int, Trigger]) -> Token | None:
    """ "offered to dispatch soldiers to help X": when the complement itself codes nothing,
    the coded act it is done for says what is offered."""
    if clause.i in triggers:
        return None
    return _purpose(clause, triggers)


def _purpose(clause: Token, triggers: dict[int, Trigger]) -> Token | None:
    """The coded "to" clause a clause is done for ("dispatch soldiers to help X")."""
    for child in clause.children:
        if child.dep_ in ("advcl", "xcomp") and _has_aux(child, _TO) and child.i in triggers:
            return child
    return None


def _for_clause(clause: Token) -> bool:
    """ "called for Peru to withdraw", "pushed for the government to propose": a "to"
    clause with its own subject, brought in by "for"."""
    return (
        clause.dep_ == "advcl"
        and _has_aux(clause, _TO)
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)
        and bool(_clause_subjects(clause))
    )


def _asked_for(verb: Token) -> list[Token]:
    """Who a verb asks "for" to act: the subject of a "for X to ..." clause, or the
    object of "for" where the parse hangs the "to" clause on the verb beside it."""
    for child in verb.children:
        if _for_clause(child):
            return _clause_subjects(child)
    clauses = [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp") and _has_aux(c, _TO) and not _clause_subjects(c)
    ]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if objects and any(c.i == child.right_edge.i + 2 for c in clauses):
                return objects
    return []


def _infinitive_advcl(clause: Token) -> bool:
    """ "have sworn to fight": a bare "to" clause the parser hung as an adverbial on a
    verb with no object; it is that verb's complement, not a purpose ("called a meeting
    to discuss" has an object; "until they gain" has a marker)."""
    return (
        clause.dep_ == "advcl"
        and _has_aux(clause, _TO)
        and not any(c.dep_ in ("mark", *_SUBJECTS) for c in clause.children)
        and not any(c.dep_ in ("dobj", "dative") for c in clause.head.children)
    )


def _control_candidates(
    doc: Doc, triggers: dict[int, Trigger], lexicon: Lexicon
) -> Iterator[Token]:
    """Control words that are not triggers themselves ("plans to", "is ready to")."""
    heads = {
        triggers[i].token.head
        for i in triggers
        if triggers[i].token.dep_ == "xcomp"
        or _infinitive_advcl(triggers[i].token)
        or _for_clause(triggers[i].token)
    }
    heads |= {
        token.head.head
        for token in (t.token for t in triggers.values())
        if token.head.dep_ == "xcomp" and _coded_purpose(token.head, triggers) == token
    }
    # "called for X to join the protest": the act a light verb carries in a "for" clause.
    heads |= {
        token.head.head
        for token in (t.token for t in triggers.values())
        if token.dep_ == "dobj"
        and _for_clause(token.head)
        and token.head.lemma_.lower() in lexicon.light_verbs
    }
    for head in sorted(heads, key=lambda t: -t.i):
        if head.i not in triggers and lexicon.control_frames(head.lemma_.lower()):
            yield head


def _pick_frame(frames: tuple[ControlFrame, ...], inner_code: str) -> ControlFrame:
    """ "vowed to retaliate" threatens; "vowed to cooperate" expresses intent."""
    conflict = int(inner_code[:2]) >= 10
    for frame in frames:
        if (frame.family == "13") == conflict:
            return frame
    return frames[0]


def _is_harm(code: str) -> bool:
    """Physical harm done to people: assault, fighting, mass violence (CAMEO 18-20)."""
    return code[:2] in ("18", "19", "20")


def _is_state_act(code: str) -> bool:
    """Acts only a state's authorities do: investigate (09), sue or convict (115, 116),
    ban, arrest, deport (172-174)."""
    return code[:2] == "09" or code[:3] in ("115", "116", "172", "173", "174")


def _is_conflict(code: str) -> bool:
    return int(code[:2]) >= 10


#: Clauses that give the background of a sentence's act rather than the act itself: "the
#: fire that killed ...", "arrested for collaborating with ...", "attacks, which killed".
_BACKGROUND = frozenset({"relcl", "acl", "advcl", "pcomp"})


def _is_background(token: Token) -> bool:
    node = token
    for _ in range(8):
        if node.dep_ in _BACKGROUND:
            return True
        if node.dep_ == "ROOT" or node.head == node:
            return False
        if node.dep_ == "ccomp" and node.head.dep_ not in _BACKGROUND:
            # What a main verb reports is foreground; what a side clause reports
            # ("refused to meet Y, saying he would welcome him in Z") is not.
            return False
        node = node.head
    return False


def _has_aux(verb: Token, words: Iterable[str]) -> bool:
    """Whether one of ``words`` is an auxiliary of ``verb``."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in verb.children)


def _has_future_aux(verb: Token, lexicon: Lexicon) -> bool:
    """'will not', 'would not', 'won't': the negated act is a stated refusal."""
    return _has_aux(verb, lexicon.modality.future_aux | {"would", "wo"})


def _conditional_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in clause.children)


def _is_ultimatum(verb: Token, lexicon: Lexicon) -> bool:
    """A future or possible act with an "unless" / "if" clause: "will withdraw unless ..."."""
    cues = lexicon.modality
    modal = _has_aux(verb, cues.future_aux | cues.hypothetical_aux)
    return modal and any(c.dep_ == "advcl" and _conditional_mark(c) for c in verb.children)


def _governing_verb_lemma(token: Token) -> str:
    head = token.head
    if token.dep_ == "pobj":
        head = head.head
    return head.lemma_.lower() if head.pos_ in ("VERB", "AUX") else ""


def _more_specific(first: str, second: str, prefer_second: bool = False) -> str:
    """The more specific of two codes: longer, then not a generic "x0" code."""

    def rank(code: str) -> tuple[int, int]:
        return (len(code), 0 if code.endswith("0") else 1)

    if rank(second) > rank(first) or (prefer_second and rank(second) == rank(first)):
        return second
    return first


def _merge_slots(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*first, *second)))


def _own(span: Span, actors: Sequence[Span]) -> bool:
    """ "recalled its ambassador": a mention the subject's pronoun owns is the actor's
    own, not a target (uncoded, or of an actor's country)."""
    if not any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
        for c in span.root.children
    ):
        return False
    country = span._.fp_actor.country if span._.fp_actor is not None else None
    return not _coded(span) or any(
        a._.fp_actor is not None and a._.fp_actor.country == country for a in actors
    )


def _same(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def _ends_a_name(token: Token) -> bool:
    """ "Andes Flying Aid": a capitalized noun inside running text, after capitalized words
    of a name that modify it, is the last word of that name. (A headline capitalizes every
    word, so it needs some lower-case word in the sentence.)"""
    if not token.is_title or token.i == token.sent.start:
        return False
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.is_title for c in token.children):
        return False
    return any(t.is_alpha and t.is_lower and not t.is_stop for t in token.sent)


def _against(span: Span) -> bool:
    """ "anti-government", "anti - Zembla": a name under "anti-" says what is opposed."""
    doc, start = span.doc, span.start
    if span[0].lower_ == "anti":
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "anti"


def _one_party(a: Span, b: Span) -> bool:
    """The same party named twice: one span, a noun and its appositive ("the militia, Red
    Hand"), or one proper name said again ("Cyprus agreed to a force in Cyprus")."""
    if _same(a, b):
        return True
    if (a.root.dep_ == "appos" and a.root.head == b.root) or (
        b.root.dep_ == "appos" and b.root.head == a.root
    ):
        return True
    return a.root.pos_ == "PROPN" and a.text.lower() == b.text.lower()


def _unique_tokens(tokens: Iterable[Token]) -> list[Token]:
    return list({t.i: t for t in tokens}.values())


def _unique(spans: Iterable[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    found = []
    for span in spans:
        key = (span.start, span.end)
        if key not in seen:
            seen.add(key)
            found.append(span)
    return found


def _person_name(span: Span) -> str | None:
    """The name of the person a mention is, through an apposition ("X, a militant who")."""
    actor = span._.fp_actor
    if actor is not None and actor.kind == "person" and actor.name:
        return actor.name  # type: ignore[no-any-return]
    root = span.root
    if root.dep_ == "appos":
        owner = actor_span_at(span.doc, root.head)
        if owner is not None and owner._.fp_actor is not None:
            if owner._.fp_actor.kind == "person":
                return owner._.fp_actor.name  # type: ignore[no-any-return]
    return None


def _same_person(a: Span, b: Span) -> bool:
    """Two mentions of one person: the same name, or a surname for the full name."""
    if _same(a, b):
        return True
    first, second = _person_name(a), _person_name(b)
    if first is None or second is None:
        return False
    if first == second:
        return True
    short, full = sorted((first.split(), second.split()), key=len)
    return len(short) == 1 < len(full) and short[0] == full[-1]


def _doers_of_victim(victim: Span, earlier: Sequence[EventMatch]) -> list[Span]:
    """The coded doers of the latest earlier harm done to the person ``victim`` is."""
    if _person_name(victim) is None:
        return []
    for match in reversed(earlier):
        if (
            _is_harm(match.code)
            and match.actor is not None
            and _coded(match.actor)
            and match.recipient is not None
            and _same_person(victim, match.recipient)
        ):
            return [match.actor]
    return []


def _fallback_reference(doc: Doc, pronoun: Token) -> Span | None:
    """Without a resolver: the subject actor of the clause that governs the pronoun
    ("Ethiopia indicated it would act"), else the nearest actor before it in the sentence."""
    sent = pronoun.sent
    candidates = [s for s in doc._.fp_actors if sent.start <= s.start and s.end <= pronoun.i]
    candidates = [s for s in candidates if s._.fp_actor is not None]
    if not candidates:
        return None
    subjects = [s for s in candidates if s.root.dep_ in ("nsubj", "nsubjpass")]
    return (subjects or candidates)[-1]


#: Verbs by which a state moves its own people out ("were pulled out of X"); those
#: expelled are not the ones who leave of their accord.
_MOVING_OUT = frozenset(
    {"withdraw", "pull", "ship", "move", "evacuate", "recall", "redeploy", "airlift", "fly"}
)


def _left_place(doc: Doc, verb: Token) -> Span | None:
    """The place a verb of leaving leaves: "withdrawn from X", "pulled out of X"."""
    place = place_recipient(doc, verb, frozenset({"from"}))
    outs = [c for c in verb.children if c.lower_ == "out" and c.dep_ in ("prep", "prt", "advmod")]
    for out in outs if place is None else ():
        place = place_recipient(doc, out, frozenset({"of"})) or place
    return place


#: Where a withdrawal or a cut is done: also the place it leaves ("pulled out of Iraq").
_DYING = frozenset({"die", "succumb", "perish"})
_CULPABLE = frozenset({"responsible", "guilty", "culpable"})
_LEAVING_PREPS = PLACE_RECIPIENT_PREPS | {"from", "out"}
#: Participles that with "be ... in" describe what their subject is doing.
_STATIVE_IN = frozenset({"engage", "involve"})
#: Participles that say what a protest demands ("a rally calling for ...").
_DEMANDING = frozenset({"call", "demand", "urge"})
#: Prepositions and nouns that give what an act of yielding or refusing answers.
_OCCASION_PREPS = frozenset({"after", "following", "despite", "under"})
#: Verbs that link a subject to a predicate noun ("X remains the largest donor").
_COPULAS = frozenset({"be", "remain", "become"})
#: Verbs that bring someone in to be told something ("summoned the envoy to protest").
_SUMMONING = frozenset({"summon"})
_PRESSING_NOUNS = frozenset(
    {
        "pressure",
        "talk",
        "negotiation",
        "deliberation",
        "consultation",
        "demand",
        "call",
        "request",
        "agreement",
        "deal",
        "ultimatum",
    }
)
#: Verbs of letting someone act ("allow X to land"), whose object is who would act.
_LETTING = frozenset({"allow", "let", "permit"})
_IN = frozenset({"in"})
_FROM = frozenset({"from"})
#: Verbs by which a state puts people out of its territory ("were expelled from X").
_EXPELLING = frozenset({"expel", "deport", "evict", "banish"})
_IN_TO = frozenset({"in", "to", "into"})
_GOALS = frozenset({"to", "into"})
#: Verbs of arriving somewhere, whose "in" or "to" place is where their subject went.
_ARRIVING = frozenset({"arrive", "land", "deploy", "return"})
#: Families whose object is a proposal or plan that concerns whom it names: intent to
#: cooperate or agreement (03) and rejection (12).
_PROPOSAL_FAMILIES = frozenset({"03", "12"})
#: Prepositions placing an attack: "a bomb near X", "killed in X", "outside of X".
_ATTACK_PLACE_PREPS = frozenset({"in", "near", "outside", "at", "inside", "around"})
#: Prepositions whose object only places something ("protests in the capital").
_PLACING_PREPS = frozenset({"in", "near", "inside", "outside", "around", "across"})
#: Prepositions whose object is what a protest is against ("rallied against the decree").
_GRIEVANCE_PREPS = frozenset({"against", "over"})
#: Nouns that after "in" say what a protest is against ("in protest of", "in defiance of").
_GRIEVANCE_NOUNS = frozenset({"protest", "defiance", "opposition", "condemnation"})
#: Prepositions on a verb's object that name the act's target ("action against X").
#: Adjectives that complete a verb as the state its object ends in ("let free", "set
#: loose"), however the parse attaches them.
_RESULT_STATES = frozenset({"free", "loose"})
_OBJECT_SLOTS = ("against", "on", "with", "toward", "towards")
#: Where an uncoded act in a verb's open complement finds whom it would affect.
_COMPLEMENT_SLOTS = ("dobj", "dative", "to", "with", "against", "on", "toward", "towards")
#: Verbs whose "against" gerund is the subject's own choice not to act ("decided against").
_CHOOSING = frozenset({"decide", "choose", "opt", "vote"})
#: Nouns after "on" that name whom an act sides with, not whom it is aimed at.
_ALLEGIANCE_NOUNS = frozenset({"side", "behalf"})
#: Verbs whose object is what they make, not anyone acted on ("set up" is checked apart).
_CREATING = frozenset({"build", "construct", "establish", "create", "form", "found", "erect"})
#: Nouns that name an act already told ("praised the move"): the act's doer is the target.
_ANAPHORIC_ACTS = frozenset(
    {"move", "decision", "step", "action", "act", "attack", "strike", "operation", "measure"}
)
#: Nouns of what is written or broadcast: a document that "praised X" speaks for whoever
#: issued it.
#: Pronouns that may stand for several actors named together.
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_DOCUMENTS = frozenset(
    {
        "statement", "email", "e-mail", "letter", "message", "post", "tweet", "ad",
        "advert", "advertisement", "video", "communique", "communiqué", "editorial",
        "report", "leaflet", "pamphlet", "broadcast", "memo", "resolution", "declaration",
    }
)
#: Families of acts that comment on another act (praise, disapprove, reject): only they
#: take an earlier act's doer as target ("carried out the attack" names no earlier act).
_COMMENT_FAMILIES = frozenset({"01", "05", "11", "12"})
#: Tokens that mark a quotation: straight, curly and doubled marks.
_QUOTE_MARKS = frozenset({'"', OPEN_DOUBLE, CLOSE_DOUBLE, "''", "``"})
_MUST = frozenset({"must"})
_TO = frozenset({"to"})
#: CAMEO families whose target may be the subject of a clause: of the "that" clause of an
#: appeal or demand, of the "unless" / "if" clause of a threat.
_CLAUSE_ADDRESSEE = {"02": "ccomp", "10": "ccomp", "13": "advcl", "16": "advcl"}
_CONDITIONAL_MARKS = frozenset({"unless", "if", "until"})
#: Dependents of a noun through which the country it belongs to is named.
_OWNER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})
_OWNER_PREPS = frozenset({"of", "from", "by"})


def _country_ref(doc: Doc, head: Token, depth: int = 0) -> Span | None:
    """The country named inside a noun phrase that is itself no actor ("an Indian
    proposal", "Serbia's suppression of ...", "a call by Belarus"), from the actor
    stage's country references (``doc._.fp_country_refs``)."""
    refs = doc._.fp_country_refs
    if not refs or depth > 2:
        return None
    # "Freedonia's independence from Sylvania": a possessor is the owner; a "from" or
    # "of" phrase beside it says something else.
    owned = any(c.dep_ == "poss" for c in head.children)
    for child in head.children:
        if child.dep_ in _OWNER_DEPS:
            ref = span_covering(refs, child)
            if ref is not None:
                return ref
        elif child.dep_ == "prep" and child.lower_ in _OWNER_PREPS and not owned:
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                ref = span_covering(refs, pobj)
                if ref is None:
                    ref = _country_ref(doc, pobj, depth + 1)
                if ref is not None:
                    return ref
    return None


def _attack_place(doc: Doc, trigger: Trigger) -> Span | None:
    """The place an attack with no named doer happened: "a bomb near X killed ...", "were
    killed by a mine outside of X", "killed in an explosion in X", "the X bombing killed".
    Only a place on the verb, on its subject or agent (the weapon), or on the object of
    an "in" phrase on the verb counts, and only one whose country is known."""
    verb = trigger.token
    hosts = {verb.i}
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            hosts.add(child.i)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "in"):
            hosts.update(g.i for g in child.children if g.dep_ == "pobj")
    hosts.update(t.i for t in trigger.extra)
    for place in doc._.fp_places or ():
        record = place._.fp_place
        if record is None or not record.country:
            continue
        root = place.root
        modifier = root.dep_ == "compound"
        while root.dep_ in ("appos", "compound") and root.head != root:
            root = root.head
        if modifier and root.i in hosts and root.i != verb.i:
            return place  # "the Kabul bombing killed ...", "a Kabul car bomb killed ..."
        for _ in range(2):  # "the town of X", "a district of the city of X"
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
                root = root.head.head
        if root.dep_ != "pobj":
            continue
        prep = root.head
        if prep.lower_ == "of" and prep.head.lower_ in _ATTACK_PLACE_PREPS:
            prep = prep.head  # "outside of X"
        if prep.lower_ in _ATTACK_PLACE_PREPS and prep.head.i in hosts:
            return place
    return None


def _governing_prep_in(token: Token, preps: frozenset[str]) -> bool:
    """Whether ``token`` is the object of one of ``preps`` ("in the capital")."""
    while token.dep_ in ("appos", "compound", "conj") and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in preps


def _arrival_of(noun: Token) -> Token | None:
    """The verb of arrival a noun is (or is "of" in) the subject of: "troops arrived",
    "the first deployment of troops has arrived"."""
    token = noun
    for _ in range(2):
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
            token = token.head.head
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in _ARRIVING:
        return None
    return token.head


def _doer_nouns(trigger: Trigger) -> list[Token]:
    """What an act names as its doer: the subject, the passive agent, a weapon subject."""
    verb = trigger.token
    nouns = [c for c in verb.children if c.dep_ in _SUBJECTS]
    nouns += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    nouns += [t for t in trigger.extra if t.pos_ in ("NOUN", "PROPN")]
    return list(dict.fromkeys(nouns))


def _unidentified(place: Span, weapon: Span | None) -> Actor | None:
    """Unidentified armed forces of the country of an attack's place, named by the weapon
    where the text names one."""
    record = place_actor(place)
    if record is None or not record.country:
        return None
    named = weapon if weapon is not None else place
    return record.model_copy(
        update={
            "code": record.country + "UAF",
            "sector": "UAF",
            "kind": "group",
            "name": None,
            "text": named.text,
            "start": named.start_char,
            "end": named.end_char,
        }
    )


def _coded(span: Span) -> bool:
    actor = span._.fp_actor
    return actor is not None and bool(actor.code)


def _within_phrase(span: Span, phrase: Span) -> bool:
    """Whether ``span`` lies in the noun phrase ``phrase`` heads ("C" of "the envoys of
    A, B and C")."""
    root = phrase.root
    return root.left_edge.i <= span.start and span.end <= root.right_edge.i + 1


def _each_joint(record: Actor | None) -> list[Actor | None]:
    """A name that stands for several actors (``joint_codes``) acts as each of them."""
    if record is None or not record.joint_codes:
        return [record]
    return [
        record.model_copy(
            update={
                "code": code,
                "country": split_code(code)[0],
                "sector": split_code(code)[1],
                "joint_codes": [],
            }
        )
        for code in record.joint_codes
    ]


def _known_actor(span: Span | None) -> bool:
    """Whether a role names an actor by code or by an agent's sector ("---GOV")."""
    record = _actor_record(span)
    return record is not None and bool(record.code or record.sector)


def _actor_record(span: Span | None) -> Actor | None:
    if span is not None and span._.fp_actor is None and span._.fp_place is not None:
        return place_actor(span)
    if span is None or span._.fp_actor is None:
        return None
    return span._.fp_actor.model_copy()


def _city_struck(record: Actor) -> Actor:
    """A capital struck or taken is the city and its people, not the government its name
    stands for elsewhere ("Tehran said" is the government; "rockets hit Tehran" is not):
    the state alone, as for any place attacked."""
    if record.kind == "state" and record.sector == "GOV" and record.country:
        record.sector, record.code = None, record.country
    return record


def _placed(record: Actor, place: Span) -> Actor:
    """A recipient named without a country, given that of the place the act was done in."""
    located = place_actor(place)
    if record.country or record.code or located is None:
        return record
    record.country = located.country
    record.code = (located.country or "") + (record.sector or "")
    return record


def _role_record(span: Span | None, trigger: Span, mutual: bool = False) -> Actor | None:
    record = _actor_record(span)
    if record is None or span is None:
        return record
    phrase = role_phrase(span, trigger, coordination=mutual)
    record.phrase = CharSpan(text=phrase.text, start=phrase.start_char, end=phrase.end_char)
    return record


def _dedupe(matches: list[EventMatch]) -> list[EventMatch]:
    """One event per fact: same actor, recipient and CAMEO root keep the most specific."""
    best: dict[tuple[object, ...], EventMatch] = {}
    for match in matches:
        key = (
            (match.actor.start, match.actor.end) if match.actor is not None else None,
            (match.recipient.start, match.recipient.end) if match.recipient is not None else None,
            match.code[:2],
            match.modality,
        )
        current = best.get(key)
        if current is None or (len(match.code), match.confidence) > (
            len(current.code),
            current.confidence,
        ):
            best[key] = match
    return sorted(best.values(), key=lambda m: (m.trigger_start, m.code))


_MODALITY_RANK = {
    "asserted": 3,
    "reported": 2,
    "historical": 2,
    "future": 1,
    "hypothetical": 1,
    "negated": 0,
}


def main_event(events: Iterable[Event]) -> Event | None:
    """The event a sentence is chiefly about, for one-label-per-sentence uses.

    Ranked by modality (asserted first), then confidence (a verb with both roles beats a
    noun or a one-sided event), then specificity of the CAMEO code, then text order.
    """
    ranked = sorted(
        events,
        key=lambda e: (
            -_MODALITY_RANK.get(e.modality, 0),
            -e.confidence,
            -len(e.cameo),
            e.trigger.start,
        ),
    )
    return ranked[0] if ranked else None
