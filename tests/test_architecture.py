"""The shape of the code: apps that depend on each other one way only, shared code that names
no content app, and a new content type added in the five steps of docs/architecture.md."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
APPS = ["core", "pages", "projects", "governance", "accounts"]


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
