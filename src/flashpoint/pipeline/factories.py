"""Every flashpoint spaCy component, registered in one place.

Importing a component module has no side effects; importing this one registers the
factories. Names are versioned: a published ``v1`` keeps its behaviour, a ``v2`` stands
beside it. Every option is a keyword argument whose default lives in ``default_config``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from .extensions import register_extensions

register_extensions()

#: The order the Coder adds the components in. Later stages read what earlier ones wrote.
PIPELINE: tuple[str, ...] = (
    "flashpoint_lemmas_v1",
    "flashpoint_repairs_v1",
    "flashpoint_posts_v1",
    "flashpoint_actors_v1",
    "flashpoint_times_v1",
    "flashpoint_places_v1",
    "flashpoint_events_v1",
    "flashpoint_statements_v1",
    "flashpoint_anchor_v1",
)


#: Components that must run before the parser, as they set sentence boundaries.
BEFORE_PARSER: tuple[str, ...] = ("flashpoint_paragraphs_v1",)

#: Components that must run before the model's first layer, as they change the tokens.
BEFORE_MODEL: tuple[str, ...] = ("flashpoint_pieces_v1",)


@Language.factory("flashpoint_pieces_v1", default_config={})
def make_pieces(nlp: Language, name: str) -> Any:
    from .pieces import PieceJoiner

    return PieceJoiner()


@Language.factory("flashpoint_paragraphs_v1", default_config={})
def make_paragraphs(nlp: Language, name: str) -> Any:
    from .paragraphs import ParagraphSplitter

    return ParagraphSplitter()


@Language.factory("flashpoint_lemmas_v1", default_config={})
def make_lemmas(nlp: Language, name: str) -> Any:
    from ..kb.lexicon import load_lexicon
    from .lemmas import VerbLemmaRepair

    lexicon = load_lexicon()
    known = frozenset(
        [
            *lexicon.verbs,
            *lexicon.control,
            *lexicon.instruments,
            *lexicon.light_verbs,
            *lexicon.speech_verbs,
            *lexicon.object_control,
        ]
    )
    return VerbLemmaRepair(known, _irregular_verbs(nlp))


def _irregular_verbs(nlp: Language) -> dict[str, str]:
    """The model's irregular verb forms and their first base ("overran" -> "overrun")."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    verbs = lookups.get_table("lemma_exc").get("verb", {})
    return {form: bases[0] for form, bases in verbs.items() if bases}


@Language.factory("flashpoint_repairs_v1", default_config={})
def make_repairs(nlp: Language, name: str) -> Any:
    from .repairs import ParseRepair

    return ParseRepair()


@Language.factory("flashpoint_posts_v1", default_config={})
def make_posts(nlp: Language, name: str) -> Any:
    from .posts import PostFinder

    return PostFinder()


@Language.factory(
    "flashpoint_actors_v1",
    default_config={"actor_files": [], "agent_files": [], "replace_builtin": False},
)
def make_actors(
    nlp: Language,
    name: str,
    actor_files: list[str],
    agent_files: list[str],
    replace_builtin: bool,
) -> Any:
    from ..kb.actors import load_actor_kb
    from ..kb.lexicon import load_lexicon
    from .actors import ActorResolver

    kb = load_actor_kb(actor_files=actor_files, agent_files=agent_files, replace=replace_builtin)
    return ActorResolver(nlp, kb, event_nouns=load_lexicon().nouns.keys())


@Language.factory("flashpoint_times_v1", default_config={})
def make_times(nlp: Language, name: str) -> Any:
    from .dates import TimeTagger

    return TimeTagger(nlp.vocab)


@Language.factory("flashpoint_places_v1", default_config={})
def make_places(nlp: Language, name: str) -> Any:
    from ..kb.places import load_gazetteer
    from .places import PlaceTagger

    return PlaceTagger(nlp, load_gazetteer())


@Language.factory(
    "flashpoint_events_v1", default_config={"verb_files": [], "replace_builtin": False}
)
def make_events(nlp: Language, name: str, verb_files: list[str], replace_builtin: bool) -> Any:
    from ..kb.lexicon import load_lexicon
    from ..kb.ontology import load_ontology
    from .events import EventCoder

    lexicon = load_lexicon(verb_files=verb_files, replace=replace_builtin)
    return EventCoder(nlp, lexicon, load_ontology())


@Language.factory("flashpoint_statements_v1", default_config={})
def make_statements(nlp: Language, name: str) -> Any:
    from .statements import StatementFinder

    return StatementFinder()


@Language.factory("flashpoint_anchor_v1", default_config={"historical_days": 30})
def make_anchor(nlp: Language, name: str, historical_days: int) -> Any:
    from .anchor import EventAnchor

    return EventAnchor(historical_days=historical_days)
