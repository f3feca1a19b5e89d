"""The RGAA 4.1 evaluation of the site, kept in `grid.toml` beside this module.

Each of the 106 criteria is « na » (with the reason), « tested » (named tests that fail if the
criterion fails: CI keeps it true) or « checked » by a person (date, methods, result). From it:
which criteria are met, the rate (criteria met ÷ applicable criteria, the RGAA formula) and the
conformance state that the statement and the footer show.
"""

import datetime
import functools
import tomllib
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

from django.utils import timezone

GRID = Path(__file__).with_name("grid.toml")
# The RGAA 4.1's criteria per theme, in order: 106 in all, « 1.1 » to « 13.12 ».
THEME_SIZES = (9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12)
CRITERION_IDS = tuple(
    f"{theme}.{number}"
    for theme, size in enumerate(THEME_SIZES, start=1)
    for number in range(1, size + 1)
)
VERDICTS = {"na", "tested", "checked"}
RESULTS = {"conforme", "non conforme"}
METHODS = {
    "clavier seul",
    "arbre d'accessibilité",
    "zoom 200 %",
    "espacement du texte",
    "reflow 320 px",
    "couleurs forcées",
    "lecture du code",
    "inspection visuelle",
}
LINK_PREFIX = "https://accessibilite.numerique.gouv.fr/methode/criteres-et-tests/#"
# A check made by a person is redone after this long (the « À compléter » panel says so).
CHECK_VALIDITY = datetime.timedelta(days=365)


class GridError(ValueError):
    """The grid file says something impossible (what and where, in the message)."""


@dataclass(frozen=True)
class Criterion:
    id: str
    theme: str
    summary: str
    link: str
    verdict: str
    tests: tuple[str, ...] = ()
    checked_on: datetime.date | None = None
    methods: tuple[str, ...] = ()
    result: str = ""
    notes: str = ""
    affected: str = ""
    reason: str = ""

    @property
    def number(self):
        """(theme, number) for sorting: « 10.2 » after « 9.4 »."""
        return tuple(int(part) for part in self.id.split("."))

    @property
    def applicable(self):
        return self.verdict != "na"

    @property
    def met(self):
        """True, False, or None when not applicable. A tested criterion is met while its
        tests pass: the test suite, which CI runs, fails otherwise."""
        if self.verdict == "na":
            return None
        return self.verdict == "tested" or self.result == "conforme"

    def check_is_stale(self, today):
        return self.verdict == "checked" and today - self.checked_on > CHECK_VALIDITY


@dataclass(frozen=True)
class SamplePage:
    title: str
    path: str

    @property
    def linkable(self):
        """Not a search's result (« /recherche/?q=emploi ») nor a page only a personal link
        opens (« …/gerer/<lien reçu>/ »): those are named, not linked."""
        return "?" not in self.path and "<" not in self.path


@dataclass(frozen=True)
class Derogation:
    content: str
    reason: str


@dataclass(frozen=True)
class Evaluation:
    date: datetime.date
    reference: str
    evaluator: str
    tools: tuple[str, ...]
    environment: tuple[str, ...]
    sample: tuple[SamplePage, ...]
    criteria: tuple[Criterion, ...]
    derogations: tuple[Derogation, ...] = field(default=())

    @property
    def complete(self):
        """Every criterion of the RGAA 4.1 judged, none other."""
        return tuple(c.id for c in self.criteria) == CRITERION_IDS

    @property
    def applicable(self):
        return [c for c in self.criteria if c.applicable]

    @property
    def met(self):
        return [c for c in self.criteria if c.met]

    @property
    def not_met(self):
        return [c for c in self.criteria if c.met is False]

    @property
    def not_applicable(self):
        return [c for c in self.criteria if not c.applicable]

    @property
    def rate(self):
        """Per cent of the applicable criteria that are met, rounded down to 0.01 (never
        shown higher than it is); None without applicable criteria."""
        if not self.applicable:
            return None
        rate = Decimal(100 * len(self.met)) / Decimal(len(self.applicable))
        return rate.quantize(Decimal("0.01"), rounding=ROUND_DOWN)

    @property
    def state(self):
        """« totalement / partiellement / non conforme », the words of the law's decree:
        all criteria met; at least half; less than half, or no complete evaluation."""
        if not self.complete or self.rate is None:
            return "non conforme"
        if self.rate == 100:
            return "totalement conforme"
        return "partiellement conforme" if self.rate >= 50 else "non conforme"

    def themes(self):
        """[(theme, [criteria])] in the RGAA's order."""
        grouped = {}
        for criterion in self.criteria:
            grouped.setdefault(criterion.theme, []).append(criterion)
        return list(grouped.items())

    def stale_checks(self, today=None):
        today = today or timezone.localdate()
        return [c for c in self.criteria if c.check_is_stale(today)]

    def counts(self):
        return {verdict: sum(c.verdict == verdict for c in self.criteria) for verdict in VERDICTS}


def parse(data):
    """An `Evaluation` from the grid's data, or GridError saying what is wrong and where."""
    try:
        head = data["evaluation"]
        evaluation = Evaluation(
            date=head["date"],
            reference=head["reference"],
            evaluator=head["evaluator"],
            tools=tuple(head["tools"]),
            environment=tuple(head["environment"]),
            sample=tuple(SamplePage(p["title"], p["path"]) for p in head["sample"]),
            criteria=tuple(_criterion(c) for c in data["criterion"]),
            derogations=tuple(
                Derogation(d["content"], d["reason"]) for d in data.get("derogation", [])
            ),
        )
    except KeyError as missing:
        raise GridError(f"champ manquant dans la grille : {missing}") from None
    ids = [c.id for c in evaluation.criteria]
    if len(set(ids)) != len(ids):
        raise GridError("un critère figure deux fois dans la grille")
    if unknown := set(ids) - set(CRITERION_IDS):
        raise GridError(f"critères inconnus du RGAA 4.1 : {sorted(unknown)}")
    checks = [c.checked_on for c in evaluation.criteria if c.verdict == "checked"]
    if checks and max(checks) > evaluation.date:
        raise GridError("une vérification est datée après la date de l'évaluation")
    if [c.number for c in evaluation.criteria] != sorted(c.number for c in evaluation.criteria):
        raise GridError("les critères ne sont pas dans l'ordre du RGAA")
    return evaluation


def _criterion(row):
    where = f"critère {row.get('id', '?')}"
    known = {f.name for f in Criterion.__dataclass_fields__.values()}
    if unknown := set(row) - known:
        raise GridError(f"{where} : champ inconnu {sorted(unknown)}")
    if missing := {"id", "theme", "summary", "link", "verdict"} - set(row):
        raise GridError(f"{where} : champ manquant {sorted(missing)}")
    values = {**row, "tests": tuple(row.get("tests", ())), "methods": tuple(row.get("methods", ()))}
    criterion = Criterion(**values)
    if criterion.verdict not in VERDICTS:
        raise GridError(f"{where} : verdict « {criterion.verdict} » inconnu")
    if criterion.link != LINK_PREFIX + criterion.id:
        raise GridError(f"{where} : le lien doit être {LINK_PREFIX}{criterion.id}")
    if criterion.verdict == "na" and not criterion.reason:
        raise GridError(f"{where} : non applicable sans raison")
    if criterion.verdict == "tested" and not criterion.tests:
        raise GridError(f"{where} : testé, mais aucun test n'est nommé")
    if criterion.verdict == "checked":
        day = criterion.checked_on
        if not isinstance(day, datetime.date) or isinstance(day, datetime.datetime):
            raise GridError(f"{where} : vérifié sans date (checked_on)")
        if not criterion.methods or not set(criterion.methods) <= METHODS:
            raise GridError(f"{where} : méthodes absentes ou inconnues {criterion.methods}")
        if criterion.result not in RESULTS:
            raise GridError(f"{where} : résultat « {criterion.result} » inconnu")
        if criterion.result == "non conforme" and not criterion.affected:
            raise GridError(f"{where} : non conforme sans dire ce qui est touché (affected)")
    return criterion


@functools.cache
def evaluation():
    """The evaluation in `grid.toml`, read once per process."""
    with GRID.open("rb") as file:
        return parse(tomllib.load(file))
