"""The command line, run through CliRunner and checked through the library."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from flashpoint import cli
from flashpoint.io import read_coded
from flashpoint.records import (
    Actor,
    Article,
    Claim,
    CodedArticle,
    Contradiction,
)
from flashpoint.store import EventStore

REPO = Path(__file__).resolve().parents[1]
RATCHETS = sorted((REPO / "tests" / "ratchet").glob("*.json"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two dated articles and a JSONL file with one good and two bad records."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "clash.txt").write_text(
        "date 2023-05-02 Soldiers fired on protesters near the parliament on Monday, "
        "a police spokesman said.\n"
    )
    (folder / "talks.txt").write_text(
        " date 2023-05-03 The foreign ministers of two neighbouring states met in Geneva.\n"
    )
    (folder / "more.jsonl").write_text(
        json.dumps({"id": "w1", "date": "2023-05-04", "text": "Strikers blocked the port."})
        + "\n{not json\n"
        + json.dumps({"id": "w2", "text": "A record without a date."})
        + "\n"
    )
    return folder


def _conflict(article_id: str = "c1") -> CodedArticle:
    text = "Officials said twelve were hurt. Militia leaders said none were."
    gov = Actor(text="Officials", code="SOMGOV", country="SOM", sector="GOV", start=0, end=9)
    mil = Actor(text="Militia leaders", code="SOMREB", country="SOM", sector="REB",
                start=33, end=48)
    first = Claim(id="cl0", article_id=article_id, claimant=gov, text="twelve were hurt",
                  start=15, end=31, subject="injured")
    second = Claim(id="cl1", article_id=article_id, claimant=mil, text="none were",
                   start=54, end=63, subject="injured", polarity="negative")
    return CodedArticle(
        article=Article(id=article_id, date="2023-05-02", text=text),  # type: ignore[arg-type]
        claims=[first, second],
        contradictions=[Contradiction(id="x0", article_id=article_id, claim_a="cl0",
                                      claim_b="cl1", kind="numeric",
                                      explanation="twelve injured against none")],
        actors=[gov, mil],
    )


# -- code --------------------------------------------------------------------------------


def test_cli_code_stores_writes_and_summarises(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db, out = tmp_path / "fp.duckdb", tmp_path / "out.jsonl"
    result = runner.invoke(cli.main, ["code", str(corpus), "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert re.search(r"read\s*│\s*5", result.stdout)
    assert re.search(r"rejected\s*│\s*2", result.stdout)
    assert "not valid JSON" in result.stderr and "no date" in result.stderr
    with EventStore(db, read_only=True) as store:
        assert [a["id"] for a in store.articles()] == ["clash", "talks", "w1"]
        assert store.count("rejects") == 2
        (run,) = store.runs()
        assert (run["read"], run["coded"], run["rejected"]) == (5, 3, 2)
        assert run["events"] == store.count("events")
    # Files are read in sorted path order: more.jsonl comes before talks.txt.
    assert [c.article.id for c in read_coded(out)] == ["clash", "w1", "talks"]


def test_cli_code_twice_stores_each_article_once(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "fp.duckdb")
    assert runner.invoke(cli.main, ["code", str(corpus), "--db", db, "-q"]).exit_code == 0
    again = runner.invoke(cli.main, ["code", str(corpus), "--db", db, "-q"])
    assert again.exit_code == 0
    assert re.search(r"already stored\s*│\s*3", again.stdout)
    with EventStore(db, read_only=True) as store:
        assert store.count("articles") == 3
        assert [r["already_stored"] for r in store.runs()] == [0, 3]


def test_cli_code_strict_exits_non_zero_on_rejects(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "fp.duckdb")
    result = runner.invoke(cli.main, ["code", str(corpus), "--db", db, "--strict"])
    assert result.exit_code == 1
    assert "rejected (--strict)" in result.stderr
    clean = runner.invoke(cli.main, ["code", str(corpus / "clash.txt"), "--db", db, "--strict"])
    assert clean.exit_code == 0


def test_cli_code_unknown_output_format_is_a_clear_error(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    result = runner.invoke(
        cli.main, ["code", str(corpus), "--db", str(tmp_path / "fp.duckdb"), "--out", "x.xlsx"]
    )
    assert result.exit_code != 0
    assert "unknown output format" in result.output and ".parquet" in result.output


def test_cli_code_reads_plain_text_from_stdin(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "fp.duckdb")
    result = runner.invoke(
        cli.main,
        ["code", "-", "--db", db, "--date", "2023-05-02", "--out", str(tmp_path / "o.csv")],
        input="Rebels seized a border post on Sunday.\n",
    )
    assert result.exit_code == 0, result.output
    with EventStore(db, read_only=True) as store:
        (article,) = store.articles()
        assert article["id"].startswith("stdin-")
        assert str(article["date"]) == "2023-05-02"
    header = (tmp_path / "o.csv").read_text().splitlines()[0]
    assert header.startswith("article_id,date,date_precision,actor_text")


# -- show --------------------------------------------------------------------------------


def test_cli_show_codes_an_input_and_prints_tables(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(cli.main, ["show", str(corpus / "clash.txt")])
    assert result.exit_code == 0, result.output
    assert "clash" in result.stdout and "2023-05-02" in result.stdout
    assert "Soldiers fired on protesters" in result.stdout
    assert "events (" in result.stdout and "quotes (" in result.stdout


def test_cli_show_reads_coded_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "coded.jsonl"
    path.write_text(_conflict("c1").model_dump_json() + "\n" + _conflict("c2").model_dump_json())
    result = runner.invoke(cli.main, ["show", str(path), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "c1" in result.stdout and "c2 " not in result.stdout
    flat = " ".join(result.stdout.split())  # rich wraps long lines at the console width
    assert "contradiction (numeric)" in flat and "twelve injured against none" in flat


# -- store readers -----------------------------------------------------------------------


def test_cli_contradictions_lists_stored_contradictions(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "fp.duckdb"
    with EventStore(db) as store:
        store.add(_conflict())
    as_json = runner.invoke(cli.main, ["contradictions", "--db", str(db), "--json"])
    assert as_json.exit_code == 0, as_json.output
    (row,) = json.loads(as_json.stdout)
    assert (row["a_claimant_code"], row["b_claimant_code"]) == ("SOMGOV", "SOMREB")
    filtered = runner.invoke(cli.main, ["contradictions", "--db", str(db), "--actor", "IRN",
                                        "--json"])
    assert json.loads(filtered.stdout) == []
    table = runner.invoke(cli.main, ["contradictions", "--db", str(db), "--actor", "SOM"])
    assert "contradictions (1)" in table.stdout and "numeric" in table.stdout


def test_cli_contradictions_without_a_store_is_a_clear_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli.main, ["contradictions", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0 and "no store" in result.output


def test_cli_rejects_and_runs_read_the_store(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "fp.duckdb")
    runner.invoke(cli.main, ["code", str(corpus), "--db", db, "-q"])
    rejects = json.loads(runner.invoke(cli.main, ["rejects", "--db", db, "--json"]).stdout)
    assert sorted(r["record"] for r in rejects) == ["line 2", "w2"]
    runs = json.loads(runner.invoke(cli.main, ["runs", "--db", db, "--json"]).stdout)
    assert len(runs) == 1 and runs[0]["read"] == 5


# -- eval --------------------------------------------------------------------------------


@pytest.mark.parametrize("task", sorted(cli.EVAL_TASKS))
def test_cli_eval_subcommands_have_help(runner: CliRunner, task: str) -> None:
    result = runner.invoke(cli.main, ["eval", task, "--help"])
    assert result.exit_code == 0
    for option in ("--json", "--errors", "--limit"):
        assert option in result.stdout
    assert ("--actors" in result.stdout) == (task == "petrarch")


def test_cli_eval_missing_scorer_is_a_clear_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(cli.EVAL_TASKS, "plover", ("not_written_yet", "nothing"))
    result = runner.invoke(cli.main, ["eval", "plover", str(tmp_path)])
    assert result.exit_code != 0
    assert "not available" in result.output and "not_written_yet" in result.output


@pytest.mark.parametrize("ratchet", RATCHETS, ids=[p.stem for p in RATCHETS])
def test_cli_eval_runs_the_scorer_on_gold_data(
    runner: CliRunner, ratchet: Path, gold_dir: Path, tmp_path: Path
) -> None:
    spec = json.loads(ratchet.read_text())
    task = spec["task"].replace("_", "-")
    gold = gold_dir / spec["path"]
    if task not in cli.EVAL_TASKS or not gold.exists():
        pytest.skip(f"no eval command or gold data for {spec['task']}")
    args = ["eval", task, str(gold), "--json", "--limit", "5", "--errors", str(tmp_path / "e")]
    options = spec.get("options", {})
    for flag, key in (
        ("--actors", "actor_files"),
        ("--agents", "agent_files"),
        ("--verbs", "verb_files"),
    ):
        for name in options.get(key, []):
            args += [flag, str(gold_dir / name)]
    if options.get("replace_verbs"):
        args.append("--replace-verbs")
    result = runner.invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), dict)


# -- help and docs -----------------------------------------------------------------------


def _commands(group: click.Group, prefix: str = "") -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix}{name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, f"{path} ")


def test_cli_every_command_and_option_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = list(_commands(cli.main))
    assert {"code", "show", "contradictions", "eval", "eval petrarch"} <= {p for p, _ in commands}
    for path, command in commands:
        assert command.help and command.help.strip(), f"'{path}' has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"'{path} {param.opts[0]}' has no help text"
        assert f"flashpoint {path}" in readme, f"'flashpoint {path}' is not in README.md"
