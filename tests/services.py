"""Real services started by the tests themselves, on free loopback ports: a redis-server
and an S3-compatible server (moto). The machine's own services are never touched."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port, process, what):
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not start")


def required_or_skip(available, reason):
    """Skip a test that needs a missing program, except where it is required (CI sets
    SERVICE_TESTS=required): there a missing program is a failure."""
    import pytest

    if available:
        return
    if os.environ.get("SERVICE_TESTS") == "required":
        pytest.fail(f"{reason} (SERVICE_TESTS=required)")
    pytest.skip(reason)


class RedisServer:
    available = bool(shutil.which("redis-server"))

    def __init__(self, *options):
        self.port = free_port()
        self.options = options
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", *self.options],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        _wait_for(self.port, self.process, "redis-server")
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait()

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)


class S3Server:
    """moto's server: an S3-compatible endpoint with one bucket, as a real bucket behaves."""

    BUCKET = "auxois-media"
    CREDENTIALS = {"AWS_ACCESS_KEY_ID": "essai", "AWS_SECRET_ACCESS_KEY": "essai-secret"}

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def endpoint(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        server = Path(sys.executable).parent / "moto_server"
        self.process = subprocess.Popen(
            [str(server), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for(self.port, self.process, "moto_server")
        self.client().create_bucket(Bucket=self.BUCKET)
        return self

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id=self.CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=self.CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )

    def object_keys(self):
        listing = self.client().list_objects_v2(Bucket=self.BUCKET)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def environment(self):
        """The settings' environment variables for this bucket."""
        return {
            "MEDIA_STORAGE": "s3",
            "AWS_STORAGE_BUCKET_NAME": self.BUCKET,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            **self.CREDENTIALS,
        }

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()
