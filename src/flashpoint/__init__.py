"""flashpoint: dated news articles in, source-attributed political event data out.

>>> import flashpoint
>>> coded = flashpoint.code_text("Iran attacked U.S. forces.", date="2020-01-09")
"""

from __future__ import annotations

from . import records
from .coder import Coder, code_text
from .config import Config
from .records import Article, CodedArticle

__version__ = "0.1.0"

__all__ = ["Article", "CodedArticle", "Coder", "Config", "code_text", "records", "__version__"]
