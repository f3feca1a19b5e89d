"""The accessibility statement computed from the RGAA grid (accessibility/grid.toml): the grid
is complete and well-formed, every tested criterion names tests that exist, the rate and state
follow the RGAA formula, the statement, its annex and the footer say what the grid says, and a
person's check older than a year is flagged « À compléter »."""

import ast
import datetime
import re
from pathlib import Path

import pytest
from django.core.cache import cache

from accessibility import grid
from core.cache import forget_local_copies

ROOT = Path(__file__).resolve().parents[1]
THEME_SIZES = [9, 2, 3, 13, 8, 2, 5, 10, 4, 14, 13, 11, 12]  # RGAA 4.1: 106 criteria


def toml_grid(verdicts=None, checked_on="2026-11-20", derogation=False):
    """A complete grid as text: every criterion tested, but for `verdicts` {id: fields}."""
    rows = [
        '[evaluation]\ndate = 2026-11-26\nreference = "RGAA 4.1.2"\n'
        'evaluator = "Équipe d\'essai"\ntools = ["Outil A"]\nenvironment = ["Navigateur B"]\n'
        '[[evaluation.sample]]\ntitle = "Accueil"\npath = "/"\n'
    ]
    for theme, size in enumerate(THEME_SIZES, start=1):
        for number in range(1, size + 1):
            cid = f"{theme}.{number}"
            fields = (verdicts or {}).get(cid) or {"verdict": "tested", "tests": ["t.py::t"]}
            body = "".join(f"{k} = {_toml(v)}\n" for k, v in fields.items())
            if fields.get("verdict") == "checked":
                body += f"checked_on = {checked_on}\n"
            rows.append(
                f'[[criterion]]\nid = "{cid}"\ntheme = "Thème {theme}"\nsummary = "Résumé {cid}"\n'
                f'link = "{grid.LINK_PREFIX}{cid}"\n{body}'
            )
    if derogation:
        rows.append('[[derogation]]\ncontent = "Carte"\nreason = "Coût"\n')
    return "\n".join(rows)


def _toml(value):
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace('"', '\\"') + '"'


@pytest.fixture
def use_grid(tmp_path, monkeypatch):
    """Serve the site with this grid text instead of the repository's."""

    def use(text):
        path = tmp_path / "grid.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(grid, "GRID", path)
        grid.evaluation.cache_clear()
        # A new grid comes with a deployment, whose release renews the cached pages.
        cache.clear()
        forget_local_copies()
        return grid.evaluation()

    yield use
    grid.evaluation.cache_clear()


NOT_MET = {
    "verdict": "checked",
    "methods": ["clavier seul"],
    "result": "non conforme",
    "notes": "Le menu ne s'ouvre pas au clavier.",
    "affected": "Le menu principal sur téléphone",
}
NA = {"verdict": "na", "reason": "Aucune vidéo."}


# The repository's grid -----------------------------------------------------------------


def test_the_repository_grid_has_the_106_criteria_in_13_themes_in_order():
    evaluation = grid.evaluation()
    assert evaluation.complete
    sizes = [len(criteria) for _, criteria in evaluation.themes()]
    assert sizes == THEME_SIZES
    assert evaluation.themes()[0][0] == "Images" and evaluation.themes()[-1][0] == "Consultation"
    assert len(evaluation.sample) >= 13
    assert evaluation.date <= datetime.date.today()


def test_each_tested_criterion_names_tests_that_exist():
    """A tested criterion is only as good as its tests: each named test must be collected
    (the file exists and defines the function), so that CI runs it and fails with it."""
    for criterion in grid.evaluation().criteria:
        for nodeid in criterion.tests:
            path, _, name = nodeid.partition("::")
            name = re.sub(r"\[.*\]$", "", name)
            source = ROOT / path
            assert source.exists(), (criterion.id, nodeid)
            functions = {
                node.name: node
                for node in ast.walk(ast.parse(source.read_text()))
                if isinstance(node, ast.FunctionDef)
            }
            assert name in functions, (criterion.id, nodeid)
            # A test that is skipped or expected to fail would keep CI green for nothing.
            decorators = [ast.unparse(d) for d in functions[name].decorator_list]
            assert not any("skip" in d or "xfail" in d for d in decorators), (nodeid, decorators)


def test_each_person_check_is_dated_in_the_past_with_known_methods():
    today = datetime.date.today()
    for criterion in grid.evaluation().criteria:
        if criterion.verdict == "checked":
            assert criterion.checked_on <= today, criterion.id
            assert set(criterion.methods) <= grid.METHODS, criterion.id


# The formula -----------------------------------------------------------------------------


def test_all_applicable_criteria_met_is_totally_conforming(use_grid):
    evaluation = use_grid(toml_grid({"4.1": NA, "4.2": NA}))
    assert (len(evaluation.applicable), evaluation.rate) == (104, 100)
    assert evaluation.state == "totalement conforme"


def test_the_rate_is_met_over_applicable_rounded_down(use_grid):
    evaluation = use_grid(toml_grid({"4.1": NA, "10.7": NOT_MET, "12.7": NOT_MET}))
    # 103 met of 105 applicable = 98.095… %: shown 98.09, never rounded up.
    assert evaluation.rate == grid.Decimal("98.09")
    assert evaluation.state == "partiellement conforme"


def test_under_half_met_is_not_conforming(use_grid):
    ids = [f"{t}.{n}" for t, size in enumerate(THEME_SIZES, 1) for n in range(1, size + 1)]
    evaluation = use_grid(toml_grid(dict.fromkeys(ids[:54], NOT_MET)))
    assert evaluation.rate == grid.Decimal("49.05")  # 52 / 106
    assert evaluation.state == "non conforme"
    evaluation = use_grid(toml_grid(dict.fromkeys(ids[:53], NOT_MET)))
    assert (evaluation.rate, evaluation.state) == (50, "partiellement conforme")


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"verdict": "na"}, "non applicable sans raison"),
        ({"verdict": "tested"}, "aucun test"),
        ({"verdict": "maybe"}, "verdict"),
        ({**NOT_MET, "affected": ""}, "non conforme sans dire"),
        ({**NOT_MET, "methods": ["au doigt mouillé"]}, "méthodes"),
        ({**NOT_MET, "result": "bof"}, "résultat"),
        ({"verdict": "tested", "tests": ["t.py::t"], "colour": "vert"}, "champ inconnu"),
    ],
)
def test_a_wrong_grid_is_refused_with_what_and_where(use_grid, fields, message):
    with pytest.raises(grid.GridError, match=message) as error:
        use_grid(toml_grid({"5.3": fields}))
    assert "5.3" in str(error.value)


def test_a_wrong_link_or_a_repeated_criterion_is_refused(use_grid):
    text = toml_grid().replace(f"{grid.LINK_PREFIX}2.1", f"{grid.LINK_PREFIX}9.9")
    with pytest.raises(grid.GridError, match="lien"):
        use_grid(text)
    with pytest.raises(grid.GridError, match="deux fois"):
        use_grid(
            toml_grid()
            .replace('id = "2.2"', 'id = "2.1"')
            .replace(f"{grid.LINK_PREFIX}2.2", f"{grid.LINK_PREFIX}2.1")
        )


# What the site says ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_statement_and_the_footer_say_what_the_grid_computes(client, use_grid):
    use_grid(toml_grid({"4.1": NA, "10.7": NOT_MET}, derogation=True))
    text = client.get("/accessibilite/").text
    assert "est <strong>partiellement conforme</strong>" in text
    assert "99.04 %" in text or "99,04 %" in text  # 104 / 105
    assert "104 critères respectés sur 105 critères applicables" in text
    assert "26 novembre 2026" in text
    assert "Le menu principal sur téléphone : Le menu ne s&#x27;ouvre pas au clavier." in text
    assert "critère 10.7 non respecté" in text
    assert 'href="/accessibilite/grille/#critere-10.7"' in text
    assert "Carte : Coût" in text
    assert "Environnement de test" in text and "Navigateur B" in text
    assert "Outils pour évaluer" in text and "Outil A" not in text  # named in the annex
    assert "Accessibilité : partiellement conforme" in client.get("/").text

    use_grid(toml_grid({"4.1": NA}))
    assert "Accessibilité : totalement conforme" in client.get("/mentions-legales/").text
    assert "Aucune non-conformité" in client.get("/accessibilite/").text


@pytest.mark.django_db
def test_the_annex_lists_every_criterion_with_how_it_was_judged(client, use_grid):
    use_grid(toml_grid({"4.1": NA, "10.7": NOT_MET}))
    response = client.get("/accessibilite/grille/")
    assert response.status_code == 200
    text = response.text
    assert text.count('<tr id="critere-') == 106
    assert f'href="{grid.LINK_PREFIX}13.12"' in text
    assert "Aucune vidéo." in text and "<code>t.py::t</code>" in text
    assert "Vérifié le 20 novembre 2026 (clavier seul)" in text
    assert "Outil A" in text and "Navigateur B" in text
    assert "Non conforme" in text


@pytest.mark.django_db
def test_the_real_statement_and_annex_answer(client):
    evaluation = grid.evaluation()
    assert f"Accessibilité : {evaluation.state}" in client.get("/").text
    assert client.get("/accessibilite/grille/").status_code == 200
    statement = client.get("/accessibilite/").text
    assert evaluation.state in statement
    assert "sans lecteur d&#x27;écran" in statement  # what was not used is said


@pytest.mark.django_db
def test_a_person_check_older_than_a_year_is_to_complete(admin_client, use_grid):
    checked = {**NOT_MET, "result": "conforme", "affected": ""}
    use_grid(toml_grid({"7.4": checked}, checked_on="2025-10-01"))
    text = admin_client.get("/admin/").text
    assert "le critère RGAA 7.4 (Thème 7) a été vérifié le 01/10/2025" in text
    assert "/accessibilite/grille/#critere-7.4" in text

    use_grid(toml_grid({"7.4": checked}, checked_on=str(datetime.date.today())))
    assert "critère RGAA 7.4" not in admin_client.get("/admin/").text


@pytest.mark.django_db
def test_content_that_makes_a_not_applicable_criterion_apply_is_to_complete(admin_client, use_grid):
    from . import builders

    use_grid(toml_grid({"13.3": {"verdict": "na", "reason": "Aucun document."}}))
    assert "critère RGAA 13.3" not in admin_client.get("/admin/").text
    builders.document(builders.news(), title="Programme")
    text = admin_client.get("/admin/").text
    assert "le critère RGAA 13.3 (Thème 13) est noté non applicable" in text
