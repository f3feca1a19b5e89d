"""The production stack (`make serve`: nginx in front of Gunicorn), started for a test
module on loopback with its own database, as `make serve` starts it."""

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def own_database(folder, name):
    """The address of a database of its own for a stack: PostgreSQL when the suite runs on
    it (created, then dropped), else a SQLite file in `folder`."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{folder / (name + '.sqlite3')}"
        return
    import psycopg

    name = f"{name}_{secrets.token_hex(4)}"
    server, _, _ = url.rpartition("/")
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def production_env(database_url, **extra):
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        **extra,
    }


def prepare(env):
    """Migrate, load the 2019 content, collect the static files."""
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["load_initial_data"], ["collectstatic", "--noinput",
                                                                  "-v0"]):  # fmt: skip
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)


class Stack:
    """`deploy/serve.py` on a free port; `url` once it answers."""

    def __init__(self, env):
        self.port = free_port()
        self.env = {**env, "PORT": str(self.port)}
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        from .services import required_or_skip

        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        required_or_skip(Path(nginx).exists(), "nginx absent : apt install nginx-light")
        self.process = subprocess.Popen(
            [sys.executable, "deploy/serve.py"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(300):
            if self.process.poll() is not None:
                raise RuntimeError("deploy/serve.py stopped")
            try:
                urllib.request.urlopen(self.url + "/sante/", timeout=1)
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the production stack did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def fetch(url, **headers):
    """(status, headers, body) of a GET, errors included."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
