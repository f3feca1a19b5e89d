"""The shape of the code: apps that depend on each other one way only, shared code that names
no content app, and a new content type added in the five steps of docs/architecture.md."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
APPS = ["core", "pages", "projects", "governance", "accounts", "alerts", "accessibility"]


def imported_apps(app):
    """{other app: first module importing it} over the app's code (migrations excluded),
    imports inside functions included."""
    found = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in APPS and top != app:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_apps_import_each_other_without_cycles():
    graph = {app: imported_apps(app) for app in APPS}

    def visit(app, trail):
        assert app not in trail, "import cycle: " + " → ".join([*trail, app])
        for other in graph[app]:
            visit(other, [*trail, app])

    for app in APPS:
        visit(app, [])


def test_shared_code_names_no_content_app():
    assert imported_apps("core") == {}
    content = {"pages", "projects", "governance"}
    for path in (ROOT / "core").rglob("*.py"):
        if "migrations" not in path.parts:
            text = path.read_text()
            for label in content:
                assert f"'{label}:" not in text and f'"{label}:' not in text, (path, label)


def test_migrations_import_no_live_code():
    for app in APPS:
        for path in (ROOT / app / "migrations").glob("0*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.ImportFrom | ast.Import):
                    module = getattr(node, "module", None) or node.names[0].name
                    assert module.split(".")[0] not in APPS, f"{path.name} imports {module}"


@pytest.mark.parametrize("app", ["pages", "projects", "governance"])
def test_each_content_app_registers_what_it_shares(app):
    from core import opendata, search, site

    config = apps.get_app_config(app)
    assert getattr(config, "content_app", False)
    sections = {s.key for s in site.sections.values() if s.url_name.startswith(f"{app}:")}
    assert sections, f"{app} registers no section"
    searched = [m for m in config.get_models() if issubclass(m, search.Searchable)]
    assert searched and all(m.search_section for m in searched)
    if app != "pages":
        assert any(d.model._meta.app_label == app for d in opendata.datasets.values())


@pytest.mark.slow
def test_a_new_content_type_in_five_steps(tmp_path):
    """tests/throwaway follows docs/architecture.md « Ajouter un type de contenu »: a model,
    views, templates and URLs, a site.py, an admin screen. Nothing else is edited, and the
    new content shows up everywhere shared code lists content."""
    import json
    import os
    import subprocess
    import sys

    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{tmp_path}/throwaway.sqlite3",
        "CACHE_URL": "",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.throwaway.tour"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout)
    assert {url: page["status"] for url, page in seen.items()} == {
        "/": 200,
        "/ateliers/": 200,
        "/ateliers/atelier-soudure/": 200,
        "/ateliers/atelier-brouillon/": 404,  # the publication rule holds
        "/recherche/?q=soudure": 200,
        "/sitemap.xml": 200,
        "/donnees-ouvertes/": 200,
        "/donnees-ouvertes/ateliers.csv": 200,
        "/plan-du-site/": 200,
        "editor:/admin/throwaway/workshop/add/": 200,  # the Rédacteur role covers it
        "editor:/admin/pages/page/add/": 200,
    }
    assert "Atelier soudure" in seen["/"]["text"]  # its part of the home page
    assert "Atelier brouillon" not in seen["/"]["text"]
    assert "Ateliers</a></li>" in seen["/ateliers/atelier-soudure/"]["text"]  # breadcrumb
    assert "Atelier <mark>soudure</mark>" in seen["/recherche/?q=soudure"]["text"]
    assert "/ateliers/atelier-soudure/" in seen["/sitemap.xml"]["text"]
    assert "/ateliers/</loc>" in seen["/sitemap.xml"]["text"]  # its section
    assert "Atelier soudure" in seen["/donnees-ouvertes/ateliers.csv"]["text"]
    assert (
        '<option value="workshops">Ateliers</option>'
        in seen["editor:/admin/pages/page/add/"]["text"]
    )  # a page may introduce the new section


def test_the_readme_code_map_names_every_module():
    readme = (ROOT / "README.md").read_text()
    code_map = readme[readme.index("## Organisation du code") :]
    code_map = code_map[: code_map.index("\n## ", 1)]
    missing = []
    for app in [*APPS, "auxois_site"]:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts or path.name == "__init__.py":
                continue
            named = [relative.as_posix(), f"`{path.name}`"]
            if len(relative.parts) > 2:  # a module of a sub-package: the package may stand for it
                named.append(f"`{relative.parent.as_posix()}/`")
            if not any(name in code_map for name in named):
                missing.append(relative.as_posix())
    assert not missing, f"modules left out of the README's code map: {missing}"


def test_alerts_sit_on_top_of_the_content_apps():
    """alerts may use core, the content apps (what one follows) and accounts (the abuse
    limits); no app imports alerts: alerts reach into them, never the other way."""
    assert set(imported_apps("alerts")) <= {"core", "pages", "governance", "projects", "accounts"}
    for app in APPS:
        assert "alerts" not in imported_apps(app), app
