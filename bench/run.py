"""Load benchmark of the production stack (`make bench`).

Builds a database with the 2019 content plus the load data set (`manage.py generate_load_data`:
500 projects, 200 news items, 100 meetings), starts the stack exactly as `make serve` does
(nginx in front of Gunicorn, 2 workers), and measures with wrk (32 connections) a static file
served by WhiteNoise under the same Gunicorn — the ceiling on this machine — then each page in
two modes: whole pages cached (the default), and every page rendered at each request (the page
cache off: what a cache miss costs). Prints requests per second, p50 and p99 latency, errors,
each page's throughput as a ratio of the static file's, and the workers' memory after each
mode; exits with an error if a target is missed.

Environment: BENCH_SECONDS (default 5), BENCH_ROUNDS (3), BENCH_CONNECTIONS (32),
BENCH_WORKERS (2),
CACHE_URL (default: Redis on 127.0.0.1:6379 if it answers, else local memory),
DATABASE_URL (default: a fresh SQLite file under /tmp).
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", 5))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 32))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
PAGES = {
    "accueil": "/",
    "projets filtrés": "/projets/?levier=non-precise&etat=presented",
    "fiche projet": "/projets/1-stagiaire-1-opportunite/",
    "recherche": "/recherche/?q=projet",
    "flux RSS": "/actualites/rss.xml",
}
# (name, page cache seconds)
MODES = [("pages", 600), ("rendu", 0)]
# Throughput as a ratio of the static file's; p99 and memory everywhere.
TARGETS = {
    "pages": dict.fromkeys(PAGES, 1.0),
    "rendu": {"accueil": 0.10, "projets filtrés": 0.10, "fiche projet": 0.08,
              "recherche": 0.08, "flux RSS": 0.08},
}  # fmt: skip
P99_TARGET_MS = 100
MEMORY_TARGET_MB = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def redis_answers():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def environment():
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "sqlite:////tmp/auxois-bench.sqlite3")
    env.setdefault("CACHE_URL", "redis://127.0.0.1:6379/3" if redis_answers() else "")
    env.update(
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        WEB_CONCURRENCY=WORKERS,
        GUNICORN_ACCESS_LOG="/dev/null",
        GUNICORN_LOG_LEVEL="warning",
        CONN_MAX_AGE="600",
    )
    return env


def prepare(env):
    if env["DATABASE_URL"].startswith("sqlite:////tmp/"):
        Path(env["DATABASE_URL"].removeprefix("sqlite:///")).unlink(missing_ok=True)
    manage = [PY, "manage.py"]
    for command in (
        ["migrate", "-v0"],
        ["load_initial_data", "-v0"],
        ["generate_load_data", "--projects", "500", "--news", "200", "--meetings", "100", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True)


def serve(env, port, page_cache):
    env = {**env, "PORT": str(port), "PAGE_CACHE_SECONDS": str(page_cache)}
    process = subprocess.Popen([PY, "deploy/serve.py"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=2).read()
            return process, base
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the stack did not start")


def settle(url):
    """Wait until requests queued by the previous measure are answered: wrk closes its
    connections when it stops, but Gunicorn still works through what was accepted."""
    for _ in range(100):
        start = time.perf_counter()
        urllib.request.urlopen(url).read()
        if time.perf_counter() - start < 0.02:
            return
        time.sleep(0.1)


def warm_up(url):
    """One second of load, not measured: each worker reads or builds what it keeps."""
    subprocess.run(["wrk", "-t1", "-c4", "-d1s", url], capture_output=True, check=True)


def wrk(url):
    settle(urllib.parse.urljoin(url, "/robots.txt"))  # a cheap page of the same server
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(non2xx.group(1)) if non2xx else 0
    errors += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return rps, latency.get("50", "?"), latency.get("99", "?"), errors


def _children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def workers_memory_mb(serve_pid):
    """Resident memory of each Gunicorn worker (grandchildren of deploy/serve.py), in MB."""
    sizes = []
    for child in _children(serve_pid):
        for worker in _children(child):
            try:
                status = Path(f"/proc/{worker}/status").read_text()
                if "gunicorn" in Path(f"/proc/{worker}/cmdline").read_text():
                    sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024)
            except (OSError, TypeError):
                continue
    return sorted(sizes)


def middle(figures):
    """(p50, p99, errors) of the round with the median p99, and the errors of all rounds."""
    figures = sorted(figures, key=lambda f: to_ms(f[2]))
    chosen = figures[len(figures) // 2]
    return chosen[1], chosen[2], sum(f[3] for f in figures)


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt install wrk")
    env = environment()
    print(f"Préparation : {env['DATABASE_URL']}, cache {env['CACHE_URL'] or 'mémoire locale'}")
    prepare(env)
    rows, failures, memory = [], [], []
    for mode, page_cache in MODES:
        process, base = serve(env, free_port(), page_cache)
        try:
            html = urllib.request.urlopen(base + "/").read().decode()
            static = re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1)
            for url in PAGES.values():  # warm up every worker: renditions, caches, connections
                warm_up(base + url)
            # Each round measures the static file, then every page; a page's ratio is
            # taken to the static file of its own round, and the median of the rounds is
            # kept: wrk, nginx and Gunicorn share two cores, and one round alone varies by
            # 20 % from one run to the next.
            rounds = [
                (wrk(base + static), {name: wrk(base + url) for name, url in PAGES.items()})
                for _ in range(ROUNDS)
            ]
            static_rps = median(c[0] for c, _ in rounds)
            rows.append(
                (mode, "fichier statique (WhiteNoise)", static_rps, *middle(c for c, _ in rounds))
                + (1.0,)
            )
            for name in PAGES:
                figures = [pages[name] for _, pages in rounds]
                ratio = median(pages[name][0] / c[0] for c, pages in rounds)
                rps = median(f[0] for f in figures)
                p50, p99, errors = middle(figures)
                rows.append((mode, name, rps, p50, p99, errors, ratio))
                target = TARGETS[mode].get(name)
                if target and ratio < target:
                    failures.append(f"{mode} {name}: {ratio:.2f} × < {target} ×")
                if to_ms(p99) >= P99_TARGET_MS:
                    failures.append(f"{mode} {name}: p99 {p99} ≥ {P99_TARGET_MS} ms")
                if errors:
                    failures.append(f"{mode} {name}: {errors} erreurs")
            sizes = workers_memory_mb(process.pid)
            memory.append((mode, sizes))
            if any(size > MEMORY_TARGET_MB for size in sizes):
                failures.append(f"{mode}: mémoire d'un worker > {MEMORY_TARGET_MB} Mo")
        finally:
            process.terminate()
            process.wait()
    print(f"\n{os.cpu_count()} cœurs, {WORKERS} workers Gunicorn, {CONNECTIONS} connexions,")
    print(f"{SECONDS} s par mesure, wrk -t2, médiane de {ROUNDS} tours")
    print(
        f"{'cache':11} {'page':30} {'req/s':>7} {'p50':>9} {'p99':>9} {'erreurs':>7} {'ratio':>6}"
    )
    for mode, name, rps, p50, p99, errors, ratio in rows:
        print(f"{mode:11} {name:30} {rps:7.0f} {p50:>9} {p99:>9} {errors:7d} {ratio:5.2f}×")
    for mode, sizes in memory:
        print(f"mémoire des workers après « {mode} » : {', '.join(f'{m:.0f} Mo' for m in sizes)}")
    print(
        "\nObjectifs : "
        + ("tous atteints" if not failures else "NON atteints : " + "; ".join(failures))
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
