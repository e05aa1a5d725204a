"""A synthetic news corpus for benchmarks: seeded, streamed, written for flashpoint.

Articles are composed from templates over the vocabulary in ``vocab.yaml`` (actors,
speakers, verbs, places, times, quotes), so every run with the same seed yields the same
corpus, and any size can be generated without holding more than one article in memory.

    python bench/corpus.py --articles 1000 --out corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)


@dataclass(frozen=True)
class Vocab:
    actors: tuple[str, ...]
    speakers: tuple[str, ...]
    places: tuple[str, ...]
    times: tuple[str, ...]
    verbs: tuple[tuple[str, str], ...]
    accusations: tuple[str, ...]
    quote_bodies: tuple[str, ...]
    background: tuple[str, ...]

    @classmethod
    def load(cls, path: Path = VOCAB_PATH) -> Vocab:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls(
            actors=tuple(data["actors"]),
            speakers=tuple(data["speakers"]),
            places=tuple(data["places"]),
            times=tuple(data["times"]),
            verbs=tuple((base, past) for base, past in data["verbs"]),
            accusations=tuple(data["accusations"]),
            quote_bodies=tuple(data["quote_bodies"]),
            background=tuple(data["background"]),
        )


@dataclass(frozen=True)
class SyntheticArticle:
    id: str
    date: dt.date
    title: str
    text: str

    def to_json(self) -> str:
        return json.dumps(
            {
                "id": self.id,
                "date": self.date.isoformat(),
                "title": self.title,
                "source": "flashpoint-bench",
                "text": self.text,
            },
            ensure_ascii=False,
        )


class CorpusGenerator:
    """Composes articles of about ``words`` words each from the templates below."""

    def __init__(self, vocab: Vocab, seed: int = 13, words: int = 300) -> None:
        self.vocab = vocab
        self.words = words
        self.rng = random.Random(seed)
        # Weighted so that the mix resembles wire copy: mostly events and quotes.
        self._templates: list[tuple[Callable[[], str], int]] = [
            (self._event, 5),
            (self._quote_after, 3),
            (self._quote_before, 2),
            (self._split_quote, 1),
            (self._accusation, 2),
            (self._reported_future, 2),
            (self._negated, 1),
            (self._casualties, 1),
            (self._conditional, 1),
            (self._background, 2),
        ]

    def articles(self, count: int, prefix: str = "bench") -> Iterator[SyntheticArticle]:
        for index in range(count):
            yield self.article(f"{prefix}-{index:07d}")

    def article(self, article_id: str) -> SyntheticArticle:
        span = (LAST_DAY - FIRST_DAY).days
        day = FIRST_DAY + dt.timedelta(days=self.rng.randrange(span + 1))
        paragraphs: list[str] = []
        sentences: list[str] = []
        total = 0
        while total < self.words:
            sentence = self._pick()()
            sentences.append(sentence)
            total += len(sentence.split())
            if len(sentences) == 3:
                paragraphs.append(" ".join(sentences))
                sentences = []
        if sentences:
            paragraphs.append(" ".join(sentences))
        title = paragraphs[0].split(",")[0].strip('"\u201c\u201d ')[:80]
        return SyntheticArticle(id=article_id, date=day, title=title, text="\n\n".join(paragraphs))

    # -- templates ---------------------------------------------------------------------

    def _pick(self) -> Callable[[], str]:
        makers, weights = zip(*self._templates, strict=True)
        return self.rng.choices(makers, weights=weights)[0]

    def _c(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def _pair(self) -> tuple[str, str]:
        actor, target = self.rng.sample(self.vocab.actors, 2)
        return actor, target

    def _event(self) -> str:
        actor, target = self._pair()
        _, past = self.rng.choice(self.vocab.verbs)
        place, when = self._c(self.vocab.places), self._c(self.vocab.times)
        return _cap(f"{actor} {past} {target} in {place} {when}.")

    def _quote_after(self) -> str:
        body, speaker = self._c(self.vocab.quote_bodies), self._c(self.vocab.speakers)
        cue = self.rng.choice(("said", "told reporters", "said in a statement"))
        return f"\u201c{body},\u201d {speaker} {cue}."

    def _quote_before(self) -> str:
        body, speaker = self._c(self.vocab.quote_bodies), self._c(self.vocab.speakers)
        place = self._c(self.vocab.places)
        return _cap(f'{speaker} said in {place}, "{body}."')

    def _split_quote(self) -> str:
        first, second = self.rng.sample(self.vocab.quote_bodies, 2)
        speaker = self._c(self.vocab.speakers)
        return f'"{first}," {speaker} said. "{second}."'

    def _accusation(self) -> str:
        actor, target = self._pair()
        what, when = self._c(self.vocab.accusations), self._c(self.vocab.times)
        place = self._c(self.vocab.places)
        return _cap(f"{actor} accused {target} of {what} {when}, officials in {place} said.")

    def _reported_future(self) -> str:
        actor, target = self._pair()
        base, _ = self.rng.choice(self.vocab.verbs)
        speaker, place = self._c(self.vocab.speakers), self._c(self.vocab.places)
        return _cap(f"{speaker} told reporters in {place} that {actor} would {base} {target}.")

    def _negated(self) -> str:
        actor, target = self._pair()
        base, _ = self.rng.choice(self.vocab.verbs)
        speaker, when = self._c(self.vocab.speakers), self._c(self.vocab.times)
        return _cap(f"{actor} did not {base} {target}, {speaker} said {when}.")

    def _casualties(self) -> str:
        actor, target = self._pair()
        place, when = self._c(self.vocab.places), self._c(self.vocab.times)
        dead = self.rng.randint(2, 60)
        return _cap(
            f"Fighting between {actor} and {target} near {place} killed {dead} people {when}."
        )

    def _conditional(self) -> str:
        actor, target = self._pair()
        base, _ = self.rng.choice(self.vocab.verbs)
        return _cap(f"{actor} could {base} {target} if the talks fail, analysts said.")

    def _background(self) -> str:
        return self._c(self.vocab.background)


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def write_corpus(path: Path, generator: CorpusGenerator, count: int) -> tuple[int, int]:
    """Stream ``count`` articles to a JSONL file; returns (articles, words)."""
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for article in generator.articles(count):
            words += len(article.text.split())
            fh.write(article.to_json() + "\n")
    return count, words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--words-per-article", type=int, default=300)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generator = CorpusGenerator(Vocab.load(), seed=args.seed, words=args.words_per_article)
    count, words = write_corpus(args.out, generator, args.articles)
    print(f"wrote {count} articles, {words} words to {args.out}")


if __name__ == "__main__":
    main()
