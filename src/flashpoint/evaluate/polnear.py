"""Score quotes and claims against PolNeAR attribution relations (brat standoff).

A PolNeAR folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; a
``metadata.tsv`` (in the folder or beside it) gives each article's ``publication_date``,
used as the article date (else the date in the file name, else 2000-01-01). Each ``.ann``
has text-bound ``Source``, ``Cue`` and ``Content`` spans (``T3 Content 10 20;30 40`` for a
content split in two) joined by ``Attribution`` events (``E1 Attribution:T4 Content:T3
Cue:T2 Source:T1``).

Scoring (the project's convention, see the eval README):

- a gold attribution is **found** when some system Quote or Claim has a text span that
  overlaps at least half of the gold Content (the parts summed) and a speaker whose span
  overlaps the gold Source; where the Source is a pronoun (``he``, ``who``, ...), the
  speaker may instead be the actor it refers to, taken as the nearest earlier non-pronoun
  Source of the same file: the speaker's span overlaps it or the speaker's last name word
  occurs in it. A gold attribution with no Source needs only the content overlap;
- **precision** counts every Quote and Claim emitted; one is correct when it finds a gold
  attribution or lies at least half inside a gold Content with a matching Source (a partial
  quote inside a longer reported clause);
- **direct**: gold contents holding a double quotation mark, against the system's Quotes;
  **all**: every attribution, against every Quote and Claim;
- an article annotated by several annotators is scored against each file, and the counts
  are averaged, so it weighs as one article.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..coder import Coder
from ..config import Config
from ..records import Actor, Article, CodedArticle
from .common import PRF, EvalDataError, overlap, write_errors

DIRECT_MARKS = ('"', "\u201c", "\u201d")
PRONOUNS = frozenset(
    "he she they it i we you him her them who whom his hers its their our my whose this".split()
)
_ANNOTATOR = re.compile(r"^(?P<name>.+)_(?P<annotator>[0-9a-f]{4})$")
_NAME_DATE = re.compile(r"_(\d{4}-\d{2}-\d{2})_")
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    content: Ranges
    source: Ranges
    cue: Ranges
    content_text: str
    source_text: str
    antecedent: Ranges = ()
    antecedent_text: str = ""

    @property
    def direct(self) -> bool:
        return any(mark in self.content_text for mark in DIRECT_MARKS)

    @property
    def length(self) -> int:
        return sum(end - start for start, end in self.content)


@dataclass(frozen=True)
class Predicted:
    """A system Quote or Claim reduced to what is scored."""

    id: str
    start: int
    end: int
    speaker: Actor | None
    is_quote: bool
    text: str


def _ranges(field: str) -> Ranges:
    out = []
    for part in field.split(";"):
        start, end = part.split()
        out.append((int(start), int(end)))
    return tuple(out)


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attribution relations of one brat ``.ann`` file, in file order."""
    spans: dict[str, tuple[str, Ranges, str]] = {}
    relations: list[tuple[str, dict[str, str]]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvalDataError(f"{path}: cannot read ({err})") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        try:
            if fields[0].startswith("T"):
                kind, where = fields[1].split(" ", 1)
                spans[fields[0]] = (kind, _ranges(where), fields[2] if len(fields) > 2 else "")
            elif fields[0].startswith("E"):
                roles = dict(part.split(":", 1) for part in fields[1].split())
                relations.append((fields[0], roles))
        except (IndexError, ValueError) as err:
            raise EvalDataError(f"{path}:{number}: not a brat standoff line ({line!r})") from err
    gold: list[GoldAttribution] = []
    for rid, roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""), ("Source", (), ""))
        cue = spans.get(roles.get("Cue", ""), ("Cue", (), ""))
        gold.append(
            GoldAttribution(
                id=rid,
                content=content[1],
                source=source[1],
                cue=cue[1],
                content_text=content[2],
                source_text=source[2],
            )
        )
    return _with_antecedents(gold)


def _is_pronoun(text: str) -> bool:
    return text.strip().casefold() in PRONOUNS


def _with_antecedents(gold: list[GoldAttribution]) -> list[GoldAttribution]:
    """Give each pronoun Source the nearest earlier non-pronoun Source of the file."""
    named = sorted(
        ((g.source[0][0], g) for g in gold if g.source and not _is_pronoun(g.source_text)),
        key=lambda pair: pair[0],
    )
    out = []
    for g in gold:
        if g.source and _is_pronoun(g.source_text):
            earlier = [n for start, n in named if start < g.source[0][0]]
            if earlier:
                g = GoldAttribution(
                    **{
                        **g.__dict__,
                        "antecedent": earlier[-1].source,
                        "antecedent_text": earlier[-1].source_text,
                    }
                )
        out.append(g)
    return out


def _speaker_matches(speaker: Actor | None, gold: GoldAttribution) -> bool:
    if not gold.source:
        return True
    if speaker is None:
        return False
    if any(overlap(speaker.start, speaker.end, s, e) for s, e in gold.source):
        return True
    if gold.antecedent:
        if any(overlap(speaker.start, speaker.end, s, e) for s, e in gold.antecedent):
            return True
        words = (speaker.name or speaker.text).split()
        if words and words[-1].casefold() not in PRONOUNS:
            return words[-1].casefold() in gold.antecedent_text.casefold().split()
    return False


def _shared(pred: Predicted, gold: GoldAttribution) -> int:
    return sum(overlap(pred.start, pred.end, s, e) for s, e in gold.content)


def finds(pred: Predicted, gold: GoldAttribution) -> bool:
    return _shared(pred, gold) * 2 >= gold.length > 0 and _speaker_matches(pred.speaker, gold)


def supports(pred: Predicted, gold: GoldAttribution) -> bool:
    """A prediction is correct when it finds the gold or lies mostly inside its content."""
    if finds(pred, gold):
        return True
    inside = _shared(pred, gold) * 2 >= max(1, pred.end - pred.start)
    return inside and _speaker_matches(pred.speaker, gold)


def score(predicted: list[Predicted], gold: list[GoldAttribution]) -> dict[str, PRF]:
    direct_pred = [p for p in predicted if p.is_quote]
    direct_gold = [g for g in gold if g.direct]
    return {
        "direct": PRF(
            tp_pred=sum(any(supports(p, g) for g in gold) for p in direct_pred),
            predicted=len(direct_pred),
            tp_gold=sum(any(finds(p, g) for p in predicted) for g in direct_gold),
            gold=len(direct_gold),
        ),
        "all": PRF(
            tp_pred=sum(any(supports(p, g) for g in gold) for p in predicted),
            predicted=len(predicted),
            tp_gold=sum(any(finds(p, g) for p in predicted) for g in gold),
            gold=len(gold),
        ),
    }


def predictions(coded: CodedArticle) -> list[Predicted]:
    out = [Predicted(q.id, q.start, q.end, q.speaker, True, q.text) for q in coded.quotes]
    out += [Predicted(c.id, c.start, c.end, c.claimant, False, c.text) for c in coded.claims]
    return out


def _dates(path: Path) -> dict[str, dt.date]:
    for candidate in (path / "metadata.tsv", path.parent / "metadata.tsv"):
        if candidate.exists():
            dates: dict[str, dt.date] = {}
            with candidate.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    try:
                        dates[row["filename"]] = dt.date.fromisoformat(row["publication_date"])
                    except (KeyError, ValueError, TypeError):
                        continue
            return dates
    return {}


def read_articles(path: Path) -> Iterator[tuple[str, Path, list[Path]]]:
    """(article name, text file, its annotation files) for every annotated article."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise EvalDataError(f"{path}: expected text/ and attributions/ folders (PolNeAR layout)")
    by_name: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        match = _ANNOTATOR.match(ann.stem)
        name = match.group("name") if match else ann.stem
        by_name.setdefault(name, []).append(ann)
    for name, anns in sorted(by_name.items()):
        text = text_dir / f"{name}.txt"
        if text.exists():
            yield name, text, anns


def _article_date(name: str, dates: dict[str, dt.date]) -> dt.date:
    if name in dates:
        return dates[name]
    found = _NAME_DATE.search(name)
    if found:
        try:
            return dt.date.fromisoformat(found.group(1))
        except ValueError:
            pass
    return dt.date(2000, 1, 1)


def run(
    path: Path, config: Config, errors: Path | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Code every annotated article of ``path`` and score it; see the module docstring."""
    path = Path(path)
    items = list(read_articles(path))
    if limit is not None:
        items = items[:limit]
    if not items:
        raise EvalDataError(f"{path}: no annotated articles")
    dates = _dates(path)
    coder = Coder(config)
    articles = (
        Article(id=name, date=_article_date(name, dates), text=text.read_text(encoding="utf-8"))
        for name, text, _ in items
    )
    totals = {"direct": PRF(), "all": PRF()}
    predicted_total = 0
    gold_total = 0.0
    rows: list[dict[str, Any]] = []
    for (name, _, anns), coded in zip(items, coder.code_many(articles), strict=True):
        predicted = predictions(coded)
        predicted_total += len(predicted)
        share = 1.0 / len(anns)
        for ann in anns:
            gold = read_ann(ann)
            gold_total += share * len(gold)
            for key, prf in score(predicted, gold).items():
                totals[key].add(
                    PRF(
                        prf.tp_pred * share,
                        prf.predicted * share,
                        prf.tp_gold * share,
                        prf.gold * share,
                    )
                )
            rows.extend(_errors(name, ann, coded.article.text, predicted, gold))
    write_errors(errors, rows)
    return {
        "articles": len(items),
        "gold": round(gold_total),
        "predicted": predicted_total,
        "direct": totals["direct"].as_dict(),
        "all": totals["all"].as_dict(),
    }


def _errors(
    name: str, ann: Path, text: str, predicted: list[Predicted], gold: list[GoldAttribution]
) -> Iterator[dict[str, Any]]:
    for g in gold:
        if not any(finds(p, g) for p in predicted):
            near = [p for p in predicted if _shared(p, g)]
            yield {
                "kind": "missed",
                "article": name,
                "file": ann.name,
                "direct": g.direct,
                "source": g.source_text,
                "cue": " ".join(text[s:e] for s, e in g.cue),
                "content": g.content_text,
                "near": [
                    {"text": p.text, "speaker": p.speaker.text if p.speaker else None} for p in near
                ],
            }
    for p in predicted:
        if not any(supports(p, g) for g in gold):
            yield {
                "kind": "false_positive",
                "article": name,
                "file": ann.name,
                "quote": p.is_quote,
                "speaker": p.speaker.text if p.speaker else None,
                "text": p.text,
                "context": text[max(0, p.start - 120) : p.end + 120],
            }
