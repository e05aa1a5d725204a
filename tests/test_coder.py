"""The Coder and the one-line API on the real model."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint import Article, CodedArticle, Coder, Config, code_text
from flashpoint.coder import ModelNotInstalledError


def test_coder_code_returns_coded_article_for_the_article(coder: Coder) -> None:
    article = Article(id="a1", date=dt.date(2021, 3, 4), text="Officials met in Geneva on Monday.")
    coded = coder.code(article)
    assert isinstance(coded, CodedArticle)
    assert coded.article == article
    assert coded.rejected is None


def test_coder_code_many_keeps_order_and_count(coder: Coder) -> None:
    articles = [
        Article(id=f"a{i}", date="2021-03-04", text=f"Talks were held in round {i}.")
        for i in range(5)
    ]
    ids = [c.article.id for c in coder.code_many(iter(articles))]
    assert ids == [a.id for a in articles]


def test_code_text_dates_the_article() -> None:
    coded = code_text("Ministers met on Tuesday.", date="2020-01-09")
    assert coded.article.date == dt.date(2020, 1, 9)


def test_coder_unknown_model_raises_named_error() -> None:
    with pytest.raises(ModelNotInstalledError, match="not installed"):
        Coder(Config(model="no_such_model_xx"))


def test_config_fingerprint_changes_with_options() -> None:
    assert Config().fingerprint() == Config().fingerprint()
    assert Config().fingerprint() != Config(historical_days=90).fingerprint()
