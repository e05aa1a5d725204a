"""Tokenizer punctuation that news text uses and spaCy's English defaults lack.

The horizontal bar (U+2015) signs quotes in scraped articles (``"..."― Name``), but the
default rules do not split it off, so ``"―`` became one word and the name after it part of
nothing the quote finder could read. It is split like the em dash.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

EXTRA_PUNCTUATION: tuple[str, ...] = ("\u2015",)


def extend_punctuation(nlp: Language) -> None:
    """Split :data:`EXTRA_PUNCTUATION` off as prefixes, suffixes and infixes."""
    extra = [rf"{ch}" for ch in EXTRA_PUNCTUATION]
    defaults = nlp.Defaults
    tokenizer = nlp.tokenizer
    tokenizer.prefix_search = compile_prefix_regex([*extra, *(defaults.prefixes or ())]).search
    tokenizer.suffix_search = compile_suffix_regex([*extra, *(defaults.suffixes or ())]).search
    tokenizer.infix_finditer = compile_infix_regex([*extra, *(defaults.infixes or ())]).finditer
