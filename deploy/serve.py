"""`make serve`: the production stack on this machine — nginx in front of Gunicorn, and the
task worker (`manage.py db_worker`) that sends the e-mail alerts.

nginx (deploy/nginx.conf) takes the visitors' connections, reads each request in full and
hands it to Gunicorn over loopback, so slow clients never hold a Gunicorn worker; it also
answers oversized or malformed requests itself with the French pages of `error_pages`.
The worker runs the tasks the site queues in the database (TASKS_BACKEND=database, the
default without DEBUG); with TASKS_BACKEND=immediate there is nothing to run.
Environment: PORT (8000), HOST (127.0.0.1), NGINX (the nginx binary, found on the PATH by
default), and everything gunicorn.conf.py and the settings read.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"Gunicorn n'a pas démarré (port {port}).")


def nginx_config(run_dir, listen, upstream, access_log):
    values = {
        "DAEMON": "off",
        "RUN_DIR": str(run_dir),
        "ACCESS_LOG": access_log,
        "UPSTREAM": upstream,
        "LISTEN": listen,
        "ERROR_PAGES": str(run_dir / "erreurs"),
    }
    text = (ROOT / "deploy/nginx.conf").read_text()
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    return text


def main():
    nginx = os.environ.get("NGINX") or shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit(
            "nginx est nécessaire pour `make serve` : apt install nginx-light "
            "(ou NGINX=/chemin/vers/nginx)."
        )
    host, port = os.environ.get("HOST", "127.0.0.1"), os.environ.get("PORT", "8000")
    run_dir = Path(tempfile.mkdtemp(prefix="auxois-serve-"))
    run_dir.chmod(0o755)  # nginx's workers may run as another user
    upstream_port = free_port()
    subprocess.run(
        [PYTHON, "manage.py", "error_pages", "--output", str(run_dir / "erreurs"), "-v0"],
        cwd=ROOT,
        check=True,
    )
    access_log = "off" if os.environ.get("GUNICORN_ACCESS_LOG") == "/dev/null" else "/dev/stdout"
    (run_dir / "nginx.conf").write_text(
        nginx_config(run_dir, f"{host}:{port}", f"127.0.0.1:{upstream_port}", access_log)
    )
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{upstream_port}",
        "PROXY_COUNT": os.environ.get("PROXY_COUNT", "1"),  # nginx adds the client's address
    }
    gunicorn = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "-c", "gunicorn.conf.py", "auxois_site.wsgi"],
        cwd=ROOT,
        env=env,
    )
    processes = [gunicorn]
    if os.environ.get("TASKS_BACKEND", "database") == "database":
        worker = [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "1"]
        processes.append(subprocess.Popen(worker, cwd=ROOT, env=env))
    try:
        wait_for(upstream_port, gunicorn)
        proxy = subprocess.Popen(
            [nginx, "-c", str(run_dir / "nginx.conf"), "-p", str(run_dir), "-e", "stderr"]
        )
        processes.append(proxy)
        print(f"Site servi sur http://{host}:{port}/ (nginx → Gunicorn, worker)", flush=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
