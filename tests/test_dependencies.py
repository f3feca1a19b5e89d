"""The lock files (requirements/*.txt, written by `make lock`) agree with pyproject.toml."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def locked(name):
    """{package: (version, hashes)} pinned in requirements/<name>.txt."""
    text = (ROOT / "requirements" / f"{name}.txt").read_text().replace("\\\n", " ")
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        hashes = re.findall(r"--hash=(\S+)", line)
        requirement = Requirement(re.sub(r"\s--hash=\S+", "", line))
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{line}: not pinned"
        pins[canonicalize_name(requirement.name)] = (specifier.version, hashes)
    return pins


@pytest.mark.parametrize(
    ("lock", "dependencies"),
    [
        ("main", PROJECT["dependencies"]),
        ("dev", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_every_dependency_is_locked_within_its_range(lock, dependencies):
    pins = locked(lock)
    for dependency in map(Requirement, dependencies):
        name = canonicalize_name(dependency.name)
        assert name in pins, f"{name} is not in requirements/{lock}.txt: run `make lock`"
        version, hashes = pins[name]
        assert dependency.specifier.contains(version, prereleases=True), (
            f"{name}=={version} in requirements/{lock}.txt is outside {dependency.specifier}: "
            "run `make lock`"
        )
        assert hashes, f"{name} has no hash in requirements/{lock}.txt"


def test_development_installs_the_versions_production_installs():
    dev = locked("dev")
    for name, (version, _) in locked("main").items():
        assert dev.get(name, (None,))[0] == version, f"{name}: main and dev locks differ"


def test_the_pre_commit_hook_runs_the_locked_ruff():
    config = (ROOT / ".pre-commit-config.yaml").read_text()
    rev = re.search(r"ruff-pre-commit\n\s+rev: v?(\S+)", config)[1]
    assert rev == locked("dev")["ruff"][0], "bump the ruff-pre-commit rev with ruff's pin"
