"""The event ontology: CAMEO codes, Goldstein scores, quad classes, CAMEO -> PLOVER."""

from __future__ import annotations

import csv
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from flashpoint.kb.ontology import (
    CameoEntry,
    Ontology,
    OntologyError,
    UnknownCameoCode,
    UnknownPloverType,
    load_ontology,
)

PLOVER_16 = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _root_quad(root: str) -> int:
    n = int(root)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def test_ontology_covers_every_cameo_code(onto: Ontology) -> None:
    codes = onto.codes()
    assert len(codes) == 312
    assert list(codes) == sorted(codes)
    assert all(2 <= len(code) <= 4 and code.isdigit() for code in codes)
    assert {code for code in codes if len(code) == 2} == set(ROOTS)
    # Every 3- and 4-digit code hangs under an existing parent.
    for code in codes:
        if len(code) > 2:
            assert code[:-1] in onto, code


def test_ontology_every_code_resolves_to_itself(onto: Ontology) -> None:
    for code in onto.codes():
        entry = onto.get(code)
        assert isinstance(entry, CameoEntry)
        assert entry.code == code
        assert onto.resolve(code) is entry
        assert onto.root(code) == code[:2] == entry.root
        assert entry.level == len(code)
        assert entry.name


def test_ontology_goldstein_within_range(onto: Ontology) -> None:
    for entry in onto:
        assert -10.0 <= entry.goldstein <= 10.0, entry.code


@pytest.mark.parametrize("root", ROOTS)
def test_ontology_quad_class_follows_root(onto: Ontology, root: str) -> None:
    assert onto.quad_class_for_root(root) == _root_quad(root)
    assert onto.quad_of_root(root) == _root_quad(root)
    for entry in onto:
        if entry.root == root:
            assert entry.quad_class == _root_quad(root)
            assert onto.quad_class(entry.code) == _root_quad(root)


def test_ontology_phoenix_quad_differs_only_where_documented(onto: Ontology) -> None:
    for entry in onto:
        if entry.root in ("01", "02"):
            assert entry.phoenix_quad == 0
        elif entry.root == "16":
            assert (entry.quad_class, entry.phoenix_quad) == (4, 3)
        else:
            assert entry.phoenix_quad == entry.quad_class, entry.code


@pytest.mark.parametrize(
    ("code", "plover", "quad", "goldstein"),
    [
        ("190", "ASSAULT", 4, -10.0),
        ("195", "ASSAULT", 4, -10.0),
        ("163", "SANCTION", 4, -8.0),
        ("161", "SANCTION", 4, -4.0),
        ("111", "ACCUSE", 3, -2.0),
        ("091", "ACCUSE", 3, -2.0),
        ("036", "AGREE", 1, 4.0),
        ("042", "CONSULT", 1, 1.9),
        ("051", "SUPPORT", 1, 3.4),
        ("057", "SUPPORT", 1, 8.0),
        ("061", "COOPERATE", 2, 6.4),
        ("073", "AID", 2, 7.4),
        ("081", "CONCEDE", 2, 5.0),
        ("0871", "RETREAT", 2, 9.0),
        ("0874", "RETREAT", 2, 10.0),
        ("1056", "REQUEST", 3, -5.0),
        ("125", "REJECT", 3, -5.0),
        ("138", "THREATEN", 3, -7.0),
        ("141", "PROTEST", 4, -6.5),
        ("154", "MOBILIZE", 4, -7.2),
        ("173", "COERCE", 4, -5.0),
        ("192", "COERCE", 4, -9.5),
        ("1712", "ASSAULT", 4, -9.2),
        ("2042", "ASSAULT", 4, -10.0),
    ],
)
def test_ontology_fact_checks(
    onto: Ontology, code: str, plover: str, quad: int, goldstein: float
) -> None:
    entry = onto.get(code)
    assert entry is not None
    assert (entry.plover, entry.quad_class, entry.goldstein) == (plover, quad, goldstein)


def test_ontology_modes_and_contexts(onto: Ontology) -> None:
    sanction = onto.get("163")
    assert sanction is not None and sanction.mode == "discontinue"
    phone = onto.get("041")
    assert phone is not None and (phone.plover, phone.mode) == ("CONSULT", "phone")
    probe = onto.get("094")
    assert probe is not None
    assert (probe.mode, probe.contexts) == ("investigate", ("military", "legal"))
    repression = onto.get("175")
    assert repression is not None and repression.mode is None
    assert "pro_autocracy" in repression.contexts
    plain = onto.get("190")
    assert plain is not None and plain.mode is None and plain.contexts == ("military",)


def test_ontology_get_is_exact_resolve_falls_back(onto: Ontology) -> None:
    assert onto.get("1951") is None
    fallback = onto.resolve("1951")
    assert fallback is not None and fallback.code == "195"
    assert onto.root("1951") == "19"
    sub = onto.resolve("1641")
    assert sub is not None and sub.code == "164"
    # A 4-digit code whose 3-digit parent is missing falls back to the root.
    deep = onto.resolve("1990")
    assert deep is not None and deep.code == "19"
    assert onto.resolve(" 0211 ") is onto.get("0211")
    assert onto.quad_class("1951") == 4
    assert onto.goldstein("1951") == -10.0


@pytest.mark.parametrize("bad", ["345", "21", "2101", "7", "12345", "abc", "", "1a"])
def test_ontology_resolve_rejects_non_codes(onto: Ontology, bad: str) -> None:
    assert onto.resolve(bad) is None
    with pytest.raises(UnknownCameoCode):
        onto.root(bad)


def test_ontology_quad_class_for_root_needs_a_root(onto: Ontology) -> None:
    with pytest.raises(UnknownCameoCode):
        onto.quad_class_for_root("190")
    with pytest.raises(UnknownCameoCode):
        onto.quad_class_for_root("21")


def test_ontology_plover_types_are_the_sixteen(onto: Ontology) -> None:
    assert onto.plover_types == PLOVER_16
    assert {entry.plover for entry in onto} == set(PLOVER_16)


def test_ontology_default_cameo_converts_back(onto: Ontology) -> None:
    defaults = onto.default_cameo
    assert set(defaults) == set(PLOVER_16)
    assert defaults["ASSAULT"] == "190"
    for plover, code in defaults.items():
        entry = onto.get(code)
        assert entry is not None and entry.plover == plover
        for mode in onto.plover_modes(plover):
            mode_entry = onto.get(onto.cameo_for(plover, mode))
            assert mode_entry is not None and mode_entry.plover == plover


@pytest.mark.parametrize(
    ("plover", "mode", "code"),
    [
        ("ASSAULT", None, "190"),
        ("ASSAULT", "firearms", "193"),
        ("ASSAULT", "targeted", "186"),
        ("RETREAT", "ceasefire", "0871"),
        ("COERCE", "arrest", "173"),
        ("SANCTION", "discontinue", "163"),
        ("PROTEST", "riot", "145"),
        ("CONSULT", "visit", "042"),
        ("CONSULT", "multilateral", "040"),  # no closer code: the type's default
        ("CONSULT", "no-such-mode", "040"),
        ("fight", None, "190"),
        ("INVESTIGATE", None, "090"),
        ("DEMAND", "meet", "106"),
    ],
)
def test_ontology_cameo_for_type_and_mode(
    onto: Ontology, plover: str, mode: str | None, code: str
) -> None:
    assert onto.cameo_for(plover, mode) == code


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("DEMAND", None, ("REQUEST", None)),
        ("DISAPPROVE", None, ("ACCUSE", None)),
        ("FIGHT", None, ("ASSAULT", None)),
        ("fight", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("INVESTIGATE", None, ("ACCUSE", "investigate")),
        ("INVESTIGATE", "", ("ACCUSE", "investigate")),
        ("assault", "", ("ASSAULT", None)),
        (" Consult ", "phone", ("CONSULT", "phone")),
    ],
)
def test_ontology_normalise_plover_maps_old_names(
    onto: Ontology, name: str, mode: str | None, expected: tuple[str, str | None]
) -> None:
    assert onto.normalise_plover(name, mode) == expected


def test_ontology_normalise_plover_rejects_unknown(onto: Ontology) -> None:
    with pytest.raises(UnknownPloverType, match="STATEMENT"):
        onto.normalise_plover("STATEMENT")


def test_ontology_plover_quads_follow_manual(onto: Ontology) -> None:
    quads = {name: onto.plover_quad(name) for name in PLOVER_16}
    assert {n for n, q in quads.items() if q == 1} == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}
    assert {n for n, q in quads.items() if q == 2} == {"COOPERATE", "AID", "RETREAT"}
    assert quads["SANCTION"] == 3
    assert onto.plover_quad("FIGHT") == 4


def test_ontology_dropped_rows_are_statements_and_appeals(onto: Ontology) -> None:
    dropped = {entry.code for entry in onto if entry.dropped}
    assert dropped == {entry.code for entry in onto if entry.root in ("01", "02")}
    assert onto.resolve("016").plover == "REJECT"  # type: ignore[union-attr]
    assert onto.resolve("015").plover == "AGREE"  # type: ignore[union-attr]
    assert not onto.resolve("036").dropped  # type: ignore[union-attr]


def test_ontology_appeals_mirror_demands(onto: Ontology) -> None:
    for entry in onto:
        if entry.root != "02":
            continue
        demand = onto.get("10" + entry.code[2:])
        assert demand is not None, entry.code
        assert entry.plover == "REQUEST"
        assert (entry.mode, entry.contexts) == (demand.mode, demand.contexts)


def test_ontology_data_files_are_package_data() -> None:
    folder = resources.files("flashpoint.kb.ontology")
    assert folder.joinpath("cameo.csv").is_file()
    assert folder.joinpath("plover.yaml").is_file()


def test_ontology_load_is_cached() -> None:
    assert load_ontology() is load_ontology()


def _packaged(name: str) -> str:
    return resources.files("flashpoint.kb.ontology").joinpath(name).read_text(encoding="utf-8")


def _cameo_with(tmp_path: Path, code: str, column: str, value: str) -> Path:
    """A copy of the packaged cameo.csv with one cell changed."""
    rows = list(csv.DictReader(_packaged("cameo.csv").splitlines()))
    for row in rows:
        if row["code"] == code:
            row[column] = value
    path = tmp_path / "cameo.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_ontology_rejects_quad_class_off_its_root(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="190: quad class"):
        load_ontology(cameo_path=_cameo_with(tmp_path, "190", "quad_class", "2"))


def test_ontology_rejects_goldstein_out_of_range(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="outside"):
        load_ontology(cameo_path=_cameo_with(tmp_path, "2042", "goldstein", "-12"))


def test_ontology_rejects_unknown_plover_type(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="STATEMENT"):
        load_ontology(cameo_path=_cameo_with(tmp_path, "010", "plover", "STATEMENT"))


def test_ontology_rejects_default_code_of_another_type(tmp_path: Path) -> None:
    text = _packaged("plover.yaml").replace('cameo: "190"', 'cameo: "173"', 1)
    bad = tmp_path / "plover.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match="ASSAULT"):
        load_ontology(plover_path=bad)


# -- cross-checks against the reference tables (skipped when they are absent) ----------


def test_ontology_goldstein_matches_codebook_column(onto: Ontology, gold_dir: Path) -> None:
    table = gold_dir / "cameo" / "goldstein_by_cameo_code.tsv"
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    checked = 0
    for code, _name, _phoenix, codebook, phoenix_quad in rows:
        entry = onto.resolve(code)
        assert entry is not None, code
        if entry.code == code:
            assert entry.goldstein == float(codebook), code
            assert entry.phoenix_quad == int(phoenix_quad), code
            checked += 1
    assert checked == len(onto)


def test_ontology_plover_matches_conversion_table(onto: Ontology, gold_dir: Path) -> None:
    table = gold_dir / "plover" / "CAMEO2PLOVER-2021.txt"
    seen: set[str] = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([^#]*)", line)
        if not match or match.group(1) in seen:
            continue
        code = match.group(1)
        seen.add(code)
        parts = [part.strip() for part in match.group(2).split(",")] + ["", ""]
        entry = onto.resolve(code)
        assert entry is not None, code
        if entry.code != code or entry.basis != "table":
            continue
        contexts = tuple(c.strip() for c in parts[2].split(";") if c.strip())
        assert (entry.plover, entry.mode or "", entry.contexts) == (parts[0], parts[1], contexts)
    amended = {entry.code for entry in onto if entry.basis == "amended"}
    assert amended == {"08", "0813", "0814", "0831", "085", "163", "175"}


def test_ontology_normalises_every_gold_plover_name(onto: Ontology, gold_dir: Path) -> None:
    records = json.loads((gold_dir / "plover" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    names = {record["event"] for record in records if record["event"] != "DOCUMENT"}
    assert names
    for name in names:
        plover, _mode = onto.normalise_plover(name)
        assert plover in PLOVER_16
