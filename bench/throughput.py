"""Throughput and memory of flashpoint against plain spaCy on the same corpus.

    .venv/bin/python bench/throughput.py --articles 200 [--words-per-article 300]
                                          [--batch-size 16] [--no-store] [--keep]

Generates a seeded synthetic corpus (bench/corpus.py) streamed to a JSONL file, then runs
each phase in a fresh Python process so that each peak RSS is its own:

- ``nlp``: ``nlp.pipe`` over the corpus texts with the same model and batch size;
- ``flashpoint``: the whole run: ``flashpoint.io.read_inputs`` -> ``Coder.code_many`` ->
  a JSONL file of CodedArticles and an ``EventStore`` DuckDB file.

Prints words/s, articles/s, peak RSS and the ratio of flashpoint's time to nlp.pipe's.
See bench/README.md for how to read the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PHASES = ("nlp", "flashpoint")
RATIO_GOAL = 1.3
RSS_GOAL_MB = 1024.0


# -- measurements taken inside a phase process ------------------------------------------


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss: KiB on Linux, B on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def current_rss_mb() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


class Tally:
    """Counts what streams through a phase without holding it."""

    def __init__(self) -> None:
        self.articles = 0
        self.words = 0

    def texts(self, corpus: Path) -> Iterator[str]:
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                self.articles += 1
                self.words += len(text.split())
                yield text

    def articles_of(self, articles: Iterable[Any]) -> Iterator[Any]:
        for article in articles:
            self.articles += 1
            self.words += len(article.text.split())
            yield article


def phase_nlp(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    import spacy

    from flashpoint import Config

    config = Config(batch_size=args.batch_size, **({"model": args.model} if args.model else {}))
    nlp = spacy.load(config.model, exclude=list(config.disable))
    loaded = time.perf_counter()
    rss_loaded = current_rss_mb()
    tally = Tally()
    tokens = 0
    for doc in nlp.pipe(tally.texts(args.corpus), batch_size=config.batch_size):
        tokens += len(doc)
    finished = time.perf_counter()
    return {
        "phase": "nlp",
        "model": config.model,
        "pipes": nlp.pipe_names,
        "load_s": loaded - started,
        "run_s": finished - loaded,
        "articles": tally.articles,
        "words": tally.words,
        "tokens": tokens,
        "rss_after_load_mb": rss_loaded,
        "peak_rss_mb": peak_rss_mb(),
    }


def phase_flashpoint(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    from flashpoint import Article, Coder, Config
    from flashpoint.records import CodedArticle, Rejection

    config = Config(batch_size=args.batch_size, **({"model": args.model} if args.model else {}))
    coder = Coder(config)
    loaded = time.perf_counter()
    rss_loaded = current_rss_mb()
    tally = Tally()
    out_path = args.workdir / "coded.jsonl"
    db_path = args.workdir / "flashpoint.duckdb"
    notes: list[str] = []

    try:
        from flashpoint.io import read_inputs

        items: Iterable[Article | Rejection] = read_inputs([str(args.corpus)])
    except ImportError:
        notes.append("flashpoint.io.read_inputs missing: read with the benchmark's own reader")
        items = _own_reader(args.corpus)

    def code_many(articles: Iterable[Article]) -> Iterator[CodedArticle]:
        return coder.code_many(tally.articles_of(articles))

    counts: dict[str, int] = {"events": 0, "quotes": 0, "claims": 0, "rejected": 0}
    store_cls = None if args.no_store else _event_store()
    if store_cls is None and not args.no_store:
        notes.append("flashpoint.store.EventStore missing: JSONL output only")
    with _jsonl_writer(out_path) as writer:
        if store_cls is not None:
            with store_cls(db_path) as store:
                result = store.ingest(items, code_many, config=config, writer=writer)
            for key in counts:
                counts[key] = getattr(result.counts, key)
        else:

            def only_articles() -> Iterator[Article]:
                for item in items:
                    if isinstance(item, Rejection):
                        counts["rejected"] += 1
                    else:
                        yield item

            for coded in code_many(only_articles()):
                writer.write(coded)
                counts["events"] += len(coded.events)
                counts["quotes"] += len(coded.quotes)
                counts["claims"] += len(coded.claims)
    finished = time.perf_counter()
    return {
        "phase": "flashpoint",
        "model": config.model,
        "pipes": coder.nlp.pipe_names,
        "load_s": loaded - started,
        "run_s": finished - loaded,
        "articles": tally.articles,
        "words": tally.words,
        "rss_after_load_mb": rss_loaded,
        "peak_rss_mb": peak_rss_mb(),
        "output_mb": out_path.stat().st_size / 2**20,
        "store_mb": db_path.stat().st_size / 2**20 if db_path.exists() else None,
        "notes": notes,
        **counts,
    }


def _event_store() -> Any:
    try:
        from flashpoint.store import EventStore
    except ImportError:
        return None
    return EventStore


def _jsonl_writer(path: Path) -> Any:
    try:
        from flashpoint.io import JsonlWriter
    except ImportError:
        return _PlainJsonl(path)
    return JsonlWriter(path)


class _PlainJsonl:
    """One CodedArticle a line, for trees where flashpoint.io has no writer yet."""

    def __init__(self, path: Path) -> None:
        self._fh = path.open("w", encoding="utf-8")

    def write(self, coded: Any) -> None:
        self._fh.write(coded.model_dump_json() + "\n")

    def __enter__(self) -> _PlainJsonl:
        return self

    def __exit__(self, *exc: object) -> None:
        self._fh.close()


def _own_reader(corpus: Path) -> Iterator[Any]:
    from flashpoint import Article

    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            yield Article(id=record["id"], date=record["date"], text=record["text"])


# -- the driver -------------------------------------------------------------------------


def run_phase(name: str, args: argparse.Namespace, corpus: Path, workdir: Path) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and read back its one-line JSON result."""
    command = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--phase",
        name,
        "--corpus",
        str(corpus),
        "--workdir",
        str(workdir),
        "--batch-size",
        str(args.batch_size),
    ]
    if args.model:
        command += ["--model", args.model]
    if args.no_store:
        command.append("--no-store")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"phase {name!r} failed with exit status {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def generate(args: argparse.Namespace, corpus: Path) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from corpus import CorpusGenerator, Vocab, write_corpus

    started = time.perf_counter()
    generator = CorpusGenerator(Vocab.load(), seed=args.seed, words=args.words_per_article)
    articles, words = write_corpus(corpus, generator, args.articles)
    return {
        "articles": articles,
        "words": words,
        "seconds": time.perf_counter() - started,
        "mb": corpus.stat().st_size / 2**20,
    }


def report(
    corpus: dict[str, Any], phases: dict[str, dict[str, Any]], args: argparse.Namespace
) -> str:
    lines = [
        "flashpoint throughput benchmark",
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        (
            f"corpus: {corpus['articles']} articles, {corpus['words']} words "
            f"({corpus['words'] / max(corpus['articles'], 1):.0f} per article), "
            f"{corpus['mb']:.1f} MB, generated in {corpus['seconds']:.1f} s (seed {args.seed})"
        ),
    ]
    first = next(iter(phases.values()))
    lines.append(f"model: {first['model']}, batch size {args.batch_size}")
    lines.append("")
    header = f"{'phase':<12}{'load s':>8}{'run s':>9}{'words/s':>10}{'articles/s':>12}"
    header += f"{'RSS loaded MB':>15}{'peak RSS MB':>13}"
    lines.append(header)
    for name, r in phases.items():
        loaded = r.get("rss_after_load_mb")
        lines.append(
            f"{name:<12}{r['load_s']:>8.1f}{r['run_s']:>9.1f}"
            f"{r['words'] / r['run_s']:>10.0f}{r['articles'] / r['run_s']:>12.1f}"
            f"{(f'{loaded:.0f}' if loaded is not None else '-'):>15}{r['peak_rss_mb']:>13.0f}"
        )
    lines.append("")
    if "nlp" in phases and "flashpoint" in phases:
        nlp, fp = phases["nlp"], phases["flashpoint"]
        ratio = fp["run_s"] / nlp["run_s"]
        with_load = (fp["run_s"] + fp["load_s"]) / (nlp["run_s"] + nlp["load_s"])
        verdict = "met" if ratio <= RATIO_GOAL else "NOT met"
        lines.append(
            f"ratio flashpoint / nlp.pipe: {ratio:.2f} run time, {with_load:.2f} with model "
            f"load (goal <= {RATIO_GOAL}: {verdict})"
        )
        if fp["words"] != nlp["words"]:
            seen = f"{fp['words']} vs {nlp['words']} words"
            lines.append(f"warning: the phases saw different corpora ({seen})")
    if "flashpoint" in phases:
        fp = phases["flashpoint"]
        peak = max(r["peak_rss_mb"] for r in phases.values())
        verdict = "met" if peak < RSS_GOAL_MB else "NOT met"
        goal = f"goal < {RSS_GOAL_MB:.0f} MB: {verdict}"
        lines.append(f"peak RSS, largest phase: {peak:.0f} MB ({goal})")
        store = f", DuckDB {fp['store_mb']:.1f} MB" if fp.get("store_mb") is not None else ""
        lines.append(
            f"flashpoint output: {fp['events']} events, {fp['quotes']} quotes, {fp['claims']} "
            f"claims, {fp['rejected']} rejected; JSONL {fp['output_mb']:.1f} MB{store}"
        )
        lines.append(f"flashpoint pipes: {', '.join(fp['pipes'])}")
        lines.extend(f"note: {note}" for note in fp.get("notes", []))
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Throughput and peak memory of flashpoint against plain nlp.pipe."
    )
    parser.add_argument("--articles", type=int, default=200, help="corpus size (default 200)")
    parser.add_argument("--words-per-article", type=int, default=300, help="default 300")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch (default 16)")
    parser.add_argument("--seed", type=int, default=13, help="corpus seed (default 13)")
    parser.add_argument("--model", default=None, help="spaCy model (default: Config's)")
    parser.add_argument("--phases", default="nlp,flashpoint", help="comma list: nlp,flashpoint")
    parser.add_argument("--no-store", action="store_true", help="skip the DuckDB store")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and outputs")
    parser.add_argument("--json-out", type=Path, help="also write the figures as JSON here")
    # Internal: run one phase in this process and print its result as one JSON line.
    parser.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.phase is not None:
        result = phase_nlp(args) if args.phase == "nlp" else phase_flashpoint(args)
        print(json.dumps(result))
        return
    wanted = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = sorted(set(wanted) - set(PHASES))
    if unknown:
        raise SystemExit(f"unknown phase(s) {', '.join(unknown)}; choose from {', '.join(PHASES)}")
    workdir = Path(tempfile.mkdtemp(prefix="flashpoint-bench-"))
    try:
        corpus_path = workdir / "corpus.jsonl"
        corpus = generate(args, corpus_path)
        phases = {name: run_phase(name, args, corpus_path, workdir) for name in wanted}
        print(report(corpus, phases, args))
        if args.json_out is not None:
            payload = {"args": {k: str(v) for k, v in vars(args).items()}, "corpus": corpus}
            args.json_out.write_text(json.dumps({**payload, "phases": phases}, indent=2))
    finally:
        if args.keep:
            print(f"kept: {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
