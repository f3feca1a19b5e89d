"""A real SMTP server (aiosmtpd) on a free local port, keeping the messages it receives.

Used by the password reset tests, in the test client and in the browser: the e-mail goes
through Django's SMTP backend and a real SMTP conversation, as in production.
"""

import email
import re
import socket
import time
from email import policy

from aiosmtpd.controller import Controller

RESET_LINK = re.compile(r"https?://\S+/mot-de-passe-oublie/[^/\s]+/[^/\s]+/")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalSMTPServer:
    def __init__(self):
        self.messages = []
        self.port = free_port()
        self._controller = None
        self.running = False

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def start(self):
        """Start listening (again, after `stop()`: same port, messages kept)."""
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        self.running = True
        return self

    def stop(self):
        if self.running:
            self._controller.stop()
            self.running = False

    def mailers(self):
        """The MAILERS setting that sends through this server."""
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": 5},
            }
        }

    def wait_for(self, count=1, seconds=10):
        deadline = time.monotonic() + seconds
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, f"{len(self.messages)} message(s) received"
        return self.messages[count - 1]


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def reset_link(message):
    return RESET_LINK.search(body(message)).group(0)
