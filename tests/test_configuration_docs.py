"""Every environment variable the code reads is documented in the README and .env.example."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def variables_read_by_the_code():
    settings = (ROOT / "auxois_site" / "settings.py").read_text()
    names = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', settings))
    for script in ("gunicorn.conf.py", "deploy/serve.py"):
        text = (ROOT / script).read_text()
        names |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z_]+)"', text))
    return sorted(names)


def test_the_code_reads_its_settings_from_the_environment():
    assert {"DATABASE_URL", "CACHE_URL", "PAGE_CACHE_SECONDS", "WEB_CONCURRENCY", "NGINX"} <= set(
        variables_read_by_the_code()
    )


@pytest.mark.parametrize("name", variables_read_by_the_code())
def test_each_variable_is_documented(name):
    assert f"`{name}`" in (ROOT / "README.md").read_text(), f"{name} missing from the README"
    assert re.search(rf"^#? ?{name}=", (ROOT / ".env.example").read_text(), re.M), (
        f"{name} missing from .env.example"
    )
