"""Pure rules that turn a time expression into a TIMEX3 value, relative to an anchor date.

Nothing here needs spaCy: ``resolve(text, anchor, tense, previous)`` takes the words of a
time expression ("early Friday", "last week", "the 1990s"), the article date, the tense of
the verb the expression hangs on (``"past"``, ``"present"``, ``"future"`` or ``None``) and
the time expression before it in the text (for "hours later"), and returns a
:class:`~flashpoint.records.TimeRef` without offsets, or ``None`` when the words are not a
point or period in time (durations such as "three years", ages, frequencies).

Values follow TIMEX3 as used by TimeBank, TempEval-3 and MEANTIME: ``2020-01-03`` (day),
``2020-W01`` (ISO week), ``2020-W01-WE`` (weekend), ``2019-09`` (month), ``2019-Q3``
(quarter), ``2019-SU`` (season), ``2019`` (year), ``199`` (decade), ``19`` (century),
``PRESENT_REF``, ``PAST_REF`` and ``FUTURE_REF``.

Choices where the text alone does not decide:
- A bare weekday is the most recent such day on or before the article date: news reports
  past events, and "Wednesday" in an article dated a Wednesday is that day (the dateline
  day). Future tense picks the next such day on or after the article date; "last" and
  "next" exclude the article's own day.
- A bare month is the most recent such month on or before the article's month (the
  article's own month is itself); future tense picks the next one on or after it.
- A day and month without a year ("Jan. 3") takes the year that puts it on or before the
  article date in past tense, on or after it in future tense, and nearest otherwise.
- "hours later", "that day", "the next day" are relative to the time expression before
  them in the text, else to the article date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .records import Precision, TimeRef

Tense = str | None

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
    "some": 3,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
PART_OF_DAY: dict[str, str] = {
    "morning": "TMO",
    "afternoon": "TAF",
    "evening": "TEV",
    "night": "TNI",
    "tonight": "TNI",
}

PRESENT_WORDS = frozenset(
    "now|currently|current|at present|presently|at the moment|nowadays|these days|"
    "the time being|for the time being|ongoing|right now|to date|so far|this time".split("|")
)
PAST_WORDS = frozenset(
    "recently|recent|the past|in the past|formerly|previously|lately|once|history|"
    "earlier|in recent years|recent years|in recent months|recent months|"
    "in recent weeks|recent weeks|in recent days|recent days|the old days".split("|")
)
FUTURE_WORDS = frozenset(
    "soon|very soon|the future|in the future|the near future|the near term|"
    "the long term|the longer term|the medium term|the short term|short-term|"
    "long-term|in the coming days|the coming days|the coming weeks|the coming months|"
    "the coming years|in the coming weeks|in the coming months|in the coming years|"
    "in due course|eventually|someday|one day|later".split("|")
)

_MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY_RE = (
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|"
    r"fri|sat|sun)\.?"
)
_DAY_RE = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR_RE = r"(\d{4}|'\d{2})"
_NUM_RE = (
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a couple of|a few|several|some)"
)

# Words that qualify a period without changing which period it is.
_MODIFIERS = (
    "early",
    "earlier",
    "late",
    "later",
    "mid",
    "middle",
    "the middle of",
    "the end of",
    "the beginning of",
    "the start of",
    "the very beginning of",
    "the very end of",
    "the first half of",
    "the second half of",
    "the rest of",
    "the remainder of",
    "the early part of",
    "the latter part of",
    "the bulk of",
    "around",
    "about",
    "sometime",
    "some time",
    "as early as",
    "as late as",
    "as recently as",
    "as of",
    "until",
    "till",
    "since",
    "by",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "during",
    "on",
    "in",
    "at",
    "of",
    "for",
    "over",
    "within",
    "between",
)
_MODIFIER_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(m) for m in sorted(_MODIFIERS, key=len, reverse=True))
    + r")(?:\s+|-)"
)


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the words: the article date, the tense, and the time
    expression before this one (``day_base``: its day when it names one, else the article
    date; ``period_base``: the first day of its period, else the article date)."""

    anchor: dt.date
    tense: Tense
    previous: TimeRef | None
    day_base: dt.date
    period_base: dt.date


@dataclass(frozen=True)
class Resolved:
    """A value and its precision, before offsets are attached."""

    value: str
    precision: Precision


def resolve(
    text: str,
    anchor: dt.date,
    tense: Tense = None,
    previous: TimeRef | None = None,
) -> TimeRef | None:
    """Resolve a time expression against ``anchor`` (the article date); ``None`` if it is
    not a point or period in time."""
    found = resolve_value(text, anchor, tense, previous)
    if found is None:
        return None
    return TimeRef(text=text, value=found.value, precision=found.precision)


def resolve_value(
    text: str,
    anchor: dt.date,
    tense: Tense = None,
    previous: TimeRef | None = None,
) -> Resolved | None:
    core = normalise(text)
    if not core or _is_not_a_date(core):
        return None
    ctx = Context(
        anchor, tense, previous, previous_date(previous, anchor), period_start(previous, anchor)
    )
    for rule in _RULES:
        found = rule(core, ctx)
        if found is not None:
            return found
    # Strip one qualifier at a time ("early", "the end of", "on") and try again, so that
    # "until early next week" resolves like "next week".
    stripped = core
    while True:
        shorter = _MODIFIER_RE.sub("", stripped, count=1).strip()
        if shorter == stripped or not shorter:
            break
        stripped = shorter
        for rule in _RULES:
            found = rule(stripped, ctx)
            if found is not None:
                return found
    head = core.split(",")[0].strip()
    if head and head != core:
        # "November 11, three days later than planned": the part before the comma.
        return resolve_value(head, anchor, tense, previous)
    return _absolute_fallback(stripped, anchor)


def normalise(text: str) -> str:
    """Lower-case, unify quotes and dashes, drop trailing punctuation and a leading 'the'
    only where the rules do not need it."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"\s*,\s*", ", ", t)
    t = t.strip(' ,;:!?"()')
    t = re.sub(r"'s$", "", t)
    if t.endswith(".") and not re.search(
        r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$", t
    ):
        t = t[:-1]
    return t.strip()


def is_relative_to_previous(text: str) -> bool:
    """Whether the expression is dated from the one before it ("hours later", "that day")."""
    core = normalise(text)
    return any(pattern.match(core) for pattern, _ in _PREVIOUS_RULES)


def previous_date(previous: TimeRef | None, anchor: dt.date) -> dt.date:
    """The day a "hours later" expression counts from: the previous expression's day when
    it names one, else the anchor."""
    if previous is None or previous.precision != "day":
        return anchor
    span = value_range(previous.value)
    return anchor if span is None else span[0]


def period_start(previous: TimeRef | None, anchor: dt.date) -> dt.date:
    """The first day of the previous expression's period ("the previous year" counts from
    it), else the anchor."""
    span = value_range(previous.value) if previous is not None else None
    return anchor if span is None else span[0]


# --- reading values ------------------------------------------------------------------


def value_range(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 value covers; ``None`` for ``*_REF`` and unknowns."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T\w+)?", value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return _month_range(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            first = (int(m[2]) - 1) * 3 + 1
            return _month_range(int(m[1]), first)[0], _month_range(int(m[1]), first + 2)[1]
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year, months = (
                int(m[1]),
                {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}[m[2]],
            )
            start = dt.date(year, months[0], 1)
            end_year, end_month = (year + 1, 2) if months[1] > 12 else (year, months[1])
            return start, _month_range(end_year, end_month)[1]
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", value):
            return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d{2})", value):
            return dt.date(int(m[1]) * 100, 1, 1), dt.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, month, 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


# --- value builders ------------------------------------------------------------------


def day(d: dt.date, suffix: str = "") -> Resolved:
    return Resolved(d.isoformat() + suffix, "day")


def week(d: dt.date, weekend: bool = False) -> Resolved:
    iso = d.isocalendar()
    return Resolved(f"{iso.year}-W{iso.week:02d}" + ("-WE" if weekend else ""), "week")


def month(year: int, mon: int) -> Resolved:
    return Resolved(f"{year:04d}-{mon:02d}", "month")


def year(y: int) -> Resolved:
    return Resolved(f"{y:04d}", "year")


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    index = y * 12 + (m - 1) + delta
    return index // 12, index % 12 + 1


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _year_of(token: str) -> int:
    if token.startswith("'"):
        two = int(token[1:])
        return 1900 + two if two >= 30 else 2000 + two
    return int(token)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _is_not_a_date(core: str) -> bool:
    # Ages, frequencies and bare durations are DATE entities to spaCy but not dates.
    if re.search(r"\b\d+[- ]years?[- ]old\b|\byears? old\b|\baged?\b", core):
        return True
    if core in {
        "daily",
        "weekly",
        "monthly",
        "annual",
        "annually",
        "yearly",
        "every day",
        "each year",
        "every year",
        "a year",
        "a day",
        "a week",
        "a month",
    }:
        return True
    if re.fullmatch(
        r"(?:the |another |over |for |nearly |almost |about |more than |less than |up to |"
        r"at least |some |the next |the last |the past |the first |the following )*"
        + _NUM_RE
        + r"[- ](?:consecutive |straight |more |full |long )?"
        r"(?:days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?|seconds?|quarters?)",
        core,
    ):
        return True
    return bool(
        re.fullmatch(r"(?:the )?(?:days|weeks|months|years|decades|centuries|hours|minutes)", core)
    )


# --- rules: each returns a Resolved or None ------------------------------------------

Rule = Callable[[str, Context], Resolved | None]


def _refs(core: str, ctx: Context) -> Resolved | None:
    if core in PRESENT_WORDS:
        return Resolved("PRESENT_REF", "unknown")
    if core in PAST_WORDS:
        return Resolved("PAST_REF", "unknown")
    if core in FUTURE_WORDS:
        return Resolved("FUTURE_REF", "unknown")
    return None


def _n_later(m: re.Match[str], base: dt.date, sign: int, unit_days: int) -> Resolved:
    n = _number(m["n"]) if m["n"] else 1
    return day(base + dt.timedelta(days=sign * (n or 1) * unit_days))


_PREVIOUS_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], Resolved]]] = [
    (
        re.compile(
            r"^(?:only |just |some |a few |several |\d+ |an? |one |two |three |many )?"
            r"(?:hours?|minutes?|moments?|seconds?)(?: later| afterwards?)$"
        ),
        lambda m, b: day(b),
    ),
    (
        re.compile(
            r"^(?:later|earlier) (?:that|the same) (?:day|morning|afternoon|evening|night)$|"
            r"^(?:that|the same) (?:day|morning|afternoon|evening|night)$|^the day$|"
            r"^that time$|^(?:shortly|soon) (?:after|afterwards?|thereafter)$|^the same time$"
        ),
        lambda m, b: day(b),
    ),
    (
        re.compile(r"^(?:the )?(?:next|following) (?:day|morning|evening|night)$|^the day after$"),
        lambda m, b: day(b + dt.timedelta(days=1)),
    ),
    (
        re.compile(
            r"^(?:the )?(?:previous|preceding) (?:day|morning|evening|night)$|^the day before$|"
            r"^the night before$|^the eve$"
        ),
        lambda m, b: day(b - dt.timedelta(days=1)),
    ),
    (
        re.compile(r"^(?P<n>" + _NUM_RE[1:-1] + r")? ?days? (?:later|after(?:wards?)?)$"),
        lambda m, b: _n_later(m, b, 1, 1),
    ),
    (
        re.compile(r"^(?P<n>" + _NUM_RE[1:-1] + r")? ?days? (?:earlier|before)$"),
        lambda m, b: _n_later(m, b, -1, 1),
    ),
    (
        re.compile(r"^(?P<n>" + _NUM_RE[1:-1] + r")? ?weeks? (?:later|after(?:wards?)?)$"),
        lambda m, b: _n_later(m, b, 1, 7),
    ),
    (
        re.compile(r"^(?P<n>" + _NUM_RE[1:-1] + r")? ?weeks? (?:earlier|before)$"),
        lambda m, b: _n_later(m, b, -1, 7),
    ),
]


def _previous(core: str, ctx: Context) -> Resolved | None:
    base = ctx.day_base
    for pattern, build in _PREVIOUS_RULES:
        if m := pattern.match(core):
            return build(m, base)
    return None


def _days(core: str, ctx: Context) -> Resolved | None:
    anchor = ctx.anchor
    one = dt.timedelta(days=1)
    simple = {
        "today": day(anchor),
        "this day": day(anchor),
        "tonight": day(anchor, "TNI"),
        "yesterday": day(anchor - one),
        "tomorrow": day(anchor + one),
        "the day before yesterday": day(anchor - 2 * one),
        "the day after tomorrow": day(anchor + 2 * one),
        "last night": day(anchor - one, "TNI"),
        "overnight": day(anchor - one, "TNI"),
        "this morning": day(anchor, "TMO"),
        "this afternoon": day(anchor, "TAF"),
        "this evening": day(anchor, "TEV"),
        "yesterday morning": day(anchor - one, "TMO"),
        "yesterday afternoon": day(anchor - one, "TAF"),
        "yesterday evening": day(anchor - one, "TEV"),
        "tomorrow morning": day(anchor + one, "TMO"),
    }
    return simple.get(core)


def _ago(core: str, ctx: Context) -> Resolved | None:
    anchor, base = ctx.anchor, ctx.day_base
    m = re.fullmatch(
        _NUM_RE + r" (day|week|month|year|decade)s? (ago|from now|hence|earlier|later)", core
    )
    if not m:
        return None
    n = _number(m[1])
    if n is None:
        return None
    sign = 1 if m[3] in {"from now", "hence", "later"} else -1
    # "earlier"/"later" count from the article date only when nothing precedes them.
    origin = base if m[3] in {"earlier", "later"} else anchor
    unit = m[2]
    if unit in {"day", "week"}:
        return day(origin + dt.timedelta(days=sign * n * (7 if unit == "week" else 1)))
    if unit == "month":
        return month(*_shift_month(origin.year, origin.month, sign * n))
    if unit == "year":
        return year(origin.year + sign * n)
    return Resolved(str((origin.year + sign * 10 * n) // 10), "decade")


def _chained(core: str, ctx: Context) -> Resolved | None:
    """Periods named from the one before them: "the previous year", "the same month a
    year ago", "the entire year"."""
    base = ctx.period_base
    if re.fullmatch(
        r"the (?:previous|preceding|prior) year|the year (?:before|previous|earlier)|"
        r"a year earlier",
        core,
    ):
        return year(base.year - 1)
    if (
        re.fullmatch(r"the (?:following|next) year|the year after|a year later", core)
        and ctx.previous is not None
    ):
        return year(base.year + 1)
    if re.fullmatch(r"the (?:entire|whole|full) year", core):
        return year(base.year)
    m = re.fullmatch(
        r"the same (?:period|month|quarter|time|day|week|season)(?: of)? "
        r"(?:last year|a year ago|a year earlier|the (?:previous|last|prior) year|the year before)",
        core,
    )
    if m:
        if ctx.previous is not None and (v := re.fullmatch(r"(\d{4})(-.+)?", ctx.previous.value)):
            return Resolved(f"{int(v[1]) - 1:04d}{v[2] or ''}", ctx.previous.precision)
        return year(ctx.anchor.year - 1)
    m = re.fullmatch(
        r"the (first|second|third|fourth|last|final) week of " + _MONTH_RE + r"(?:,? (\d{4}))?",
        core,
    )
    if m:
        found = (
            _month_only(MONTHS[m[2]], None, ctx.anchor, ctx.tense)
            if not m[3]
            else month(int(m[3]), MONTHS[m[2]])
        )
        y, mon = int(found.value[:4]), int(found.value[5:7])
        first, last = _month_range(y, mon)
        which = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(m[1])
        inside = (
            first + dt.timedelta(days=3 + 7 * which)
            if which is not None
            else last - dt.timedelta(days=3)
        )
        return week(inside)
    m = re.fullmatch(_MONTH_RE + r",? (?:of )?(this|last|next) year", core)
    if m:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m[2]]
        return month(y, MONTHS[m[1]])
    m = re.fullmatch(_MONTH_RE + " " + _DAY_RE + r",? (?:of )?(this|last|next) year", core)
    if m:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m[3]]
        d = _safe_date(y, MONTHS[m[1]], int(m[2]))
        return day(d) if d else None
    return None


_THIS = r"(this|the current|current|the present)"
_LAST = (
    r"(last|the last|past|the past|previous|the previous|the preceding|a|the same \w+ (?:a|last))"
)
_NEXT = r"(next|the next|coming|the coming|following|the following|upcoming)"


def _relative_period(core: str, ctx: Context) -> Resolved | None:
    anchor = ctx.anchor
    seven = dt.timedelta(days=7)
    for pattern, build in (
        (
            rf"{_THIS} week|the week|this past week|earlier this week|later this week",
            lambda: week(anchor),
        ),
        (rf"{_LAST} week|a week ago", lambda: week(anchor - seven)),
        (rf"{_NEXT} week|a week from now", lambda: week(anchor + seven)),
        (rf"(?:{_THIS} |the )?weekend", lambda: week(anchor, weekend=True)),
        (rf"{_LAST} weekend", lambda: week(anchor - seven, weekend=True)),
        (rf"{_NEXT} weekend", lambda: week(anchor + seven, weekend=True)),
        (
            rf"{_THIS} month|the month|earlier this month|later this month",
            lambda: month(anchor.year, anchor.month),
        ),
        (
            rf"{_LAST} month|a month ago",
            lambda: month(*_shift_month(anchor.year, anchor.month, -1)),
        ),
        (rf"{_NEXT} month", lambda: month(*_shift_month(anchor.year, anchor.month, 1))),
        (
            rf"{_THIS} year|the year|earlier this year|later this year|year to date|"
            r"this calendar year",
            lambda: year(anchor.year),
        ),
        (rf"{_LAST} year|a year ago", lambda: year(anchor.year - 1)),
        (rf"{_NEXT} year|a year from now", lambda: year(anchor.year + 1)),
        (rf"{_THIS} decade", lambda: Resolved(str(anchor.year // 10), "decade")),
        (rf"{_LAST} decade", lambda: Resolved(str((anchor.year - 10) // 10), "decade")),
        (rf"{_NEXT} decade", lambda: Resolved(str((anchor.year + 10) // 10), "decade")),
        (rf"{_THIS} century", lambda: Resolved(str(anchor.year // 100), "decade")),
        (rf"{_LAST} century", lambda: Resolved(str(anchor.year // 100 - 1), "decade")),
    ):
        if re.fullmatch(pattern, core):
            return build()  # type: ignore[no-untyped-call]
    return None


def _quarter(core: str, ctx: Context) -> Resolved | None:
    anchor, tense = ctx.anchor, ctx.tense
    current_q = (anchor.month - 1) // 3 + 1
    m = re.fullmatch(
        r"(?:the )?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
        r"(?: of (?:the year )?(\d{4}|this year|last year|next year|the year))?",
        core,
    )
    if m:
        which = m[1]
        y = anchor.year
        if m[2]:
            y = {
                "this year": anchor.year,
                "the year": anchor.year,
                "last year": anchor.year - 1,
                "next year": anchor.year + 1,
            }.get(m[2]) or int(m[2])
        if which == "last" and not m[2]:
            y, q = (anchor.year - 1, 4) if current_q == 1 else (anchor.year, current_q - 1)
            return Resolved(f"{y}-Q{q}", "year")
        q = 4 if which in {"final", "last"} else ORDINALS[which]
        if not m[2] and tense == "past" and q > current_q:
            y -= 1  # "rose in the fourth quarter", said in March: last year's
        elif not m[2] and tense == "future" and q < current_q:
            y += 1
        return Resolved(f"{y}-Q{q}", "year")
    m = re.fullmatch(r"q([1-4])(?:,? (\d{4}))?", core)
    if m:
        return Resolved(f"{m[2] or anchor.year}-Q{m[1]}", "year")
    if re.fullmatch(rf"{_THIS} quarter", core):
        return Resolved(f"{anchor.year}-Q{current_q}", "year")
    if re.fullmatch(rf"{_LAST} quarter", core):
        y, q = (anchor.year - 1, 4) if current_q == 1 else (anchor.year, current_q - 1)
        return Resolved(f"{y}-Q{q}", "year")
    return None


def _season(core: str, ctx: Context) -> Resolved | None:
    anchor, tense = ctx.anchor, ctx.tense
    m = re.fullmatch(
        r"(?:(this|last|next|the|past|this past|the coming|the past) )?"
        r"(spring|summer|autumn|fall|winter)(?: of)?(?:,? (\d{4}))?",
        core,
    )
    if not m:
        return None
    code = SEASONS[m[2]]
    if m[3]:
        return Resolved(f"{m[3]}-{code}", "year")
    current = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(anchor.month, 3)
    y = anchor.year
    if m[1] in {"last", "past", "this past", "the past"} or (m[1] is None and tense == "past"):
        if _SEASON_ORDER[code] > current or (m[1] and _SEASON_ORDER[code] == current):
            y -= 1
    elif m[1] in {"next", "the coming"} or tense == "future":
        if _SEASON_ORDER[code] < current or (m[1] and _SEASON_ORDER[code] == current):
            y += 1
    return Resolved(f"{y}-{code}", "year")


def _decade(core: str, ctx: Context) -> Resolved | None:
    if m := re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(\d{2})(\d)0'?s", core):
        return Resolved(m[1] + m[2], "decade")
    if m := re.fullmatch(r"(?:the )?(?:early |late |mid-?)?'?(\d)0'?s", core):
        tens = int(m[1])
        prefix = "19" if tens >= 3 else "20"
        return Resolved(f"{prefix}{tens}", "decade")
    if m := re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", core):
        return Resolved(f"{int(m[1]) - 1:02d}", "decade")
    return None


def _nearest_year(mon: int, dom: int, anchor: dt.date, tense: Tense) -> dt.date | None:
    """The year for a day and month written without one."""
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _safe_date(y, mon, dom))
    ]
    if not candidates:
        return None
    # The tense picks a side only within half a year: a date a week ahead is more likely
    # than one a year back even where the parse reads the verb as past.
    near = [d for d in candidates if abs((d - anchor).days) <= 183]
    if tense == "past":
        past = [d for d in near if d <= anchor]
        if past:
            return max(past)
    if tense == "future":
        future = [d for d in near if d >= anchor]
        if future:
            return min(future)
    return min(candidates, key=lambda d: abs((d - anchor).days))


def _absolute(core: str, ctx: Context) -> Resolved | None:
    anchor, tense = ctx.anchor, ctx.tense
    # A weekday before a full date only names it again: "Friday, Jan. 3".
    core = re.sub(r"^" + _WEEKDAY_RE + r",? (?=\d|" + _MONTH_RE[:-3] + r")", "", core)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", core):
        d = _safe_date(int(m[1]), int(m[2]), int(m[3]))
        return day(d) if d else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", core):
        y = int(m[3]) if len(m[3]) == 4 else _year_of("'" + m[3])
        d = _safe_date(y, int(m[1]), int(m[2])) or _safe_date(y, int(m[2]), int(m[1]))
        return day(d) if d else None
    if m := re.fullmatch(_MONTH_RE + " " + _DAY_RE + r",? " + _YEAR_RE, core):
        d = _safe_date(_year_of(m[3]), MONTHS[m[1]], int(m[2]))
        return day(d) if d else None
    if m := re.fullmatch(_DAY_RE + r" (?:of )?" + _MONTH_RE + r",? " + _YEAR_RE, core):
        d = _safe_date(_year_of(m[3]), MONTHS[m[2]], int(m[1]))
        return day(d) if d else None
    if m := re.fullmatch(_MONTH_RE + " " + _DAY_RE, core):
        d = _nearest_year(MONTHS[m[1]], int(m[2]), anchor, tense)
        return day(d) if d else None
    if m := re.fullmatch(r"(?:the )?" + _DAY_RE + r" (?:of )?" + _MONTH_RE, core):
        d = _nearest_year(MONTHS[m[2]], int(m[1]), anchor, tense)
        return day(d) if d else None
    if m := re.fullmatch(_MONTH_RE + r",? (?:of )?" + _YEAR_RE, core):
        return month(_year_of(m[2]), MONTHS[m[1]])
    if m := re.fullmatch(
        r"(?:(last|next|this|this past|this coming|the coming|the past) )?" + _MONTH_RE, core
    ):
        return _month_only(MONTHS[m[2]], m[1], anchor, tense)
    if m := re.fullmatch(
        r"(?:the year |the summer of |fiscal |fiscal year |calendar year )?(\d{4})", core
    ):
        y = int(m[1])
        return year(y) if 1000 <= y <= 2199 else None
    if m := re.fullmatch(r"'(\d{2})", core):
        return year(_year_of(core))
    if m := re.fullmatch(r"(\d{4})[-/](?:\d{2}|\d{4})", core):
        # A range of years ("2019-20"): its start, at year precision.
        return year(int(m[1]))
    if m := re.fullmatch(r"fy ?(\d{4}|\d{2})", core):
        y = int(m[1]) if len(m[1]) == 4 else _year_of("'" + m[1])
        return Resolved(f"FY{y}", "year")
    return None


def _month_only(mon: int, qualifier: str | None, anchor: dt.date, tense: Tense) -> Resolved:
    y = anchor.year
    if qualifier in {"last", "this past", "the past"}:
        if mon >= anchor.month:
            y -= 1
    elif qualifier in {"next", "this coming", "the coming"}:
        if mon <= anchor.month:
            y += 1
    elif tense == "future":
        if mon < anchor.month:
            y += 1
    elif mon > anchor.month:
        y -= 1
    return month(y, mon)


def _weekday(core: str, ctx: Context) -> Resolved | None:
    anchor, tense, base = ctx.anchor, ctx.tense, ctx.day_base
    m = re.fullmatch(
        r"(?:(last|next|this|this past|this coming|the coming|past|coming|the following|"
        r"the previous) )?" + _WEEKDAY_RE + r"(?:,? (morning|afternoon|evening|night))?",
        core,
    )
    if not m:
        return None
    target = WEEKDAYS[m[2]]
    qualifier = m[1]
    suffix = PART_OF_DAY[m[3]] if m[3] else ""
    if qualifier in {"the following", "the previous"}:
        # Relative to the previous expression's date, not the article's.
        anchor = base
        qualifier = "next" if qualifier == "the following" else "last"
    back = (anchor.weekday() - target) % 7
    forward = (target - anchor.weekday()) % 7
    if qualifier in {"last", "this past", "past"}:
        return day(anchor - dt.timedelta(days=back or 7), suffix)
    if qualifier in {"next", "this coming", "the coming", "coming"}:
        return day(anchor + dt.timedelta(days=forward or 7), suffix)
    if tense == "future":
        return day(anchor + dt.timedelta(days=forward), suffix)
    return day(anchor - dt.timedelta(days=back), suffix)


def _absolute_fallback(core: str, anchor: dt.date) -> Resolved | None:
    """dateparser for absolute strings the rules above do not read ("3rd of January")."""
    if not re.search(_MONTH_RE[:-3] + r"\b", core) or not re.search(r"\d", core):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    base = dt.datetime.combine(anchor, dt.time())
    parsed = dateparser.parse(
        core,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["month"]},
    )
    if parsed is None:
        return None
    if re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", re.sub(r"\d{4}", "", core)):
        return day(parsed.date())
    return month(parsed.year, parsed.month)


_RULES: tuple[Rule, ...] = (
    _refs,
    _previous,
    _days,
    _ago,
    _chained,
    _relative_period,
    _quarter,
    _season,
    _decade,
    _absolute,
    _weekday,
)
