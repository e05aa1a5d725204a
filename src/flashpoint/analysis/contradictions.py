"""Contradictions between claims, within one article or across many.

Two claims contradict when all of these hold:

- **same subject**: equal subjects, or one a part of the other in ``subjects.yaml``
  (deaths and injuries are parts of casualties); claims about ``other`` are never compared;
- **same scope**: within one article, equal scopes or either unknown (an article is about
  one story); across articles, the same named scope (``strike in Baghdad``), since two
  articles' unscoped claims may be about different things;
- **different claimants**: different actor codes or countries where both are coded, else
  different names (case and spacing ignored); a claimant is never said to contradict itself;
- **incompatible content**:
  - ``numeric``: both claims assert a count and the ranges cannot both be true: disjoint
    ranges for the same subject; for a broader and a narrower subject, the broader one's
    maximum below the narrower one's minimum ("0 casualties" against "24-99 deaths");
  - ``polarity``: one claim says the thing happened (positive, with no count or a count
    above zero) and the other says it did not (negative, or a count of zero).

:func:`find_contradictions` is pure: it reads :class:`Claim` records (those of a doc, or
rows read back from a store with ``Claim.model_validate``) and returns new records.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..kb.statements import StatementKB, load_statement_kb
from ..records import Actor, Claim, Contradiction, Quantity

UNSPECIFIED = "other"


def find_contradictions(
    claims: Sequence[Claim], kb: StatementKB | None = None
) -> list[Contradiction]:
    """Every contradicting pair of ``claims``, in input order.

    Ids are ``"{article_id}:x{n}"`` when all the claims come from one article, else
    ``"x:{claim_a}|{claim_b}"`` (stable whatever the order claims are read back in), and
    ``article_id`` is then set only where both claims share one.
    """
    kb = kb or load_statement_kb()
    articles = {c.article_id for c in claims}
    single = next(iter(articles)) if len(articles) == 1 else None
    found: list[Contradiction] = []
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            kind = contradiction_kind(a, b, kb)
            if kind is None:
                continue
            if single is not None:
                cid = f"{single}:x{len(found) + 1}"
            else:
                first, second = sorted((a.id, b.id))
                cid = f"x:{first}|{second}"
            found.append(
                Contradiction(
                    id=cid,
                    article_id=a.article_id if a.article_id == b.article_id else None,
                    claim_a=a.id,
                    claim_b=b.id,
                    kind=kind,
                    explanation=f"{describe(a, kb)}; {describe(b, kb)}",
                )
            )
    return found


def contradiction_kind(a: Claim, b: Claim, kb: StatementKB) -> str | None:
    """``"numeric"`` or ``"polarity"`` when the two claims contradict, else None."""
    relation = _subject_relation(a.subject, b.subject, kb)
    if (
        relation is None
        or not _same_scope(a, b)
        or not _different_claimants(a.claimant, b.claimant)
    ):
        return None
    if _says_none(a) != _says_none(b) and (a.polarity == "negative" or b.polarity == "negative"):
        return "polarity"
    if a.polarity == b.polarity == "positive" and a.quantity and b.quantity:
        if _incompatible(a.quantity, b.quantity, relation):
            return "numeric"
    return None


def _subject_relation(a: str, b: str, kb: StatementKB) -> str | None:
    """``same``, ``a_broader``, ``b_broader``, or None when the subjects are unrelated."""
    if UNSPECIFIED in (a, b):
        return None
    if a == b:
        return "same"
    if a in kb.ancestors(b):
        return "a_broader"
    if b in kb.ancestors(a):
        return "b_broader"
    return None


def _same_scope(a: Claim, b: Claim) -> bool:
    if a.article_id == b.article_id:
        return a.scope is None or b.scope is None or a.scope.casefold() == b.scope.casefold()
    return a.scope is not None and b.scope is not None and a.scope.casefold() == b.scope.casefold()


def _different_claimants(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return False
    if (a.code or a.country) and (b.code or b.country):
        return (a.code, a.country) != (b.code, b.country) and (
            a.country != b.country or a.code != b.code
        )
    return _norm(a.name or a.text) != _norm(b.name or b.text)


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("the ", " ").split())


def _says_none(claim: Claim) -> bool:
    """True when the claim says the thing did not happen (denied, or counted as zero)."""
    if claim.polarity == "negative":
        return True
    return claim.quantity is not None and claim.quantity.max == 0


def _incompatible(a: Quantity, b: Quantity, relation: str) -> bool:
    if relation == "same":
        return _below(a, b) or _below(b, a)
    if relation == "a_broader":
        return _below(a, b)  # fewer casualties than deaths
    return _below(b, a)


def _below(a: Quantity, b: Quantity) -> bool:
    """True when every value of ``a`` is below every value of ``b``."""
    return a.max is not None and b.min is not None and a.max < b.min


def format_range(quantity: Quantity) -> str:
    low, high = quantity.min, quantity.max

    def num(value: float) -> str:
        return f"{value:g}" if value < 1e6 else f"{value:,.0f}"

    if low is not None and high is not None:
        return num(low) if low == high else f"{num(low)}\u2013{num(high)}"
    if low is not None:
        return f"at least {num(low)}"
    if high is not None:
        return f"at most {num(high)}"
    return "some"


def describe(claim: Claim, kb: StatementKB) -> str:
    """``IRN (Iranian state media) says 24–99 deaths among U.S. personnel``."""
    who = "someone"
    if claim.claimant is not None:
        label = claim.claimant.country or claim.claimant.code
        who = f"{label} ({claim.claimant.text})" if label else claim.claimant.text
    subject = claim.subject
    if claim.polarity == "negative":
        what = f"no {subject}"
    elif claim.quantity is not None:
        what = f"{format_range(claim.quantity)} {subject}"
        unit = claim.quantity.unit
        known = kb.subject(subject)
        if unit and unit.casefold() not in (subject.casefold(), (known.unit or "").casefold()):
            what += f" among {unit}"
    else:
        what = f"there were {subject}"
    where = f" ({claim.scope})" if claim.scope else ""
    return f"{who} says {what}{where}"
