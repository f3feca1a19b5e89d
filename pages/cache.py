"""Whole-page cache for anonymous visitors, close to static-file speed.

A visitor without a session cookie gets the stored copy of the page: no database, no
template; usually not even a cache round trip, since each worker keeps the pages it served
lately. A copy is dropped as soon as staff change any content (a content version number,
bumped by signals, is stored with every copy) and never outlives the next scheduled
publication, so an item programmed for 14:00 appears at 14:00.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    has_vary_header,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import parse_http_date_safe


@functools.cache  # read once per process, on first use
def release():
    """A digest of the site's code and templates: what was cached by another release (other
    markup, other data shapes) is never read back after a deployment."""
    digest = hashlib.blake2b(digest_size=6)
    root = settings.BASE_DIR
    for folder in ("auxois_site", "pages", "projects", "governance", "templates"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".py", ".html", ".txt", ".xml"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


VERSION_KEY = "page-cache:version"
NEXT_CHANGE_KEY = "page-cache:next-change:{}"


# Per process: the pages this worker served lately, and when it last read the version.
_local_pages: dict = {}
_version_memo = {"read_at": float("-inf"), "version": None}
LOCAL_PAGES_MAX = 512
# Per process: when the next scheduled publication is (by content version), and the data
# `remember` computed lately.
_publication_memo: dict = {}
_local_data: dict = {}
LOCAL_DATA_MAX = 2048


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def current_version():
    """The content version, read from the shared cache at most every
    PAGE_CACHE_VERSION_CHECK_SECONDS: a change made through another worker shows up within
    that delay (one second by default); one made through this worker, at once."""
    now = time.monotonic()
    if now - _version_memo["read_at"] >= settings.PAGE_CACHE_VERSION_CHECK_SECONDS:
        _version_memo.update(read_at=now, version=content_version())
    return _version_memo["version"]


def _bump():
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    _version_memo.update(read_at=time.monotonic(), version=version)
    _local_pages.clear()
    _local_data.clear()


def invalidate(sender=None, **kwargs):
    """Any change to content makes every cached page stale.

    Bumped at once (this worker must not serve its old copies) and again once the
    transaction commits, so that no worker keeps a page rendered from not-yet-committed
    data in between.
    """
    if sender is None or getattr(sender._meta.app_config, "content_app", False):
        _bump()
        transaction.on_commit(_bump)


def reset_local_state():
    """Forget this process's copies (tests clear the shared cache between cases)."""
    _local_pages.clear()
    _local_data.clear()
    _publication_memo.clear()
    _version_memo.update(read_at=float("-inf"), version=None)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{signal}")


def next_publication(version):
    """Timestamp of the next scheduled publication (0 if none), recomputed once it passes."""
    key = NEXT_CHANGE_KEY.format(version)
    moment = cache.get(key)
    if moment is None or 0 < moment <= time.time():
        from django.apps import apps
        from django.utils import timezone

        from .publishing import Publishable, Status

        now = timezone.now()
        upcoming = [
            model.objects.filter(status=Status.PUBLISHED, published_at__gt=now)
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
            for model in apps.get_models()
            if issubclass(model, Publishable)
        ]
        upcoming = [u for u in upcoming if u]
        moment = min(upcoming).timestamp() if upcoming else 0
        cache.set(key, moment, settings.PAGE_CACHE_SECONDS or 600)
    return moment


def seconds_until_next_publication(version):
    """Seconds until the next scheduled item goes live (None if nothing is scheduled)."""
    moment = next_publication(version)
    return max(0.0, moment - time.time()) if moment else None


def fragment_version():
    """Key part for cached data and fragments: changes with content and when a scheduled
    item goes live. Kept in this process's memory, like `current_version`."""
    version = current_version()
    moment = _publication_memo.get(version)
    if moment is None or 0 < moment <= time.time():
        moment = next_publication(version)
        _publication_memo.clear()
        _publication_memo[version] = moment
    return f"{version}-{moment}"


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for visitors who are not logged in."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS
        self.skip = ("/" + settings.ADMIN_URL, settings.STATIC_URL, settings.MEDIA_URL)

    def cacheable_request(self, request):
        return (
            self.timeout > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.skip)
        )

    def __call__(self, request):
        if not self.cacheable_request(request):
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)  # previews stay out of proxies
            return response
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}".encode()
        key = f"page-cache:{release()}:{hashlib.blake2b(address, digest_size=16).hexdigest()}"
        version = current_version()
        entry = _local_pages.get(key)
        if entry is None or entry[0] != version or entry[1] < time.time():
            entry = cache.get(key)  # another worker may have rendered it
            if entry is not None and entry[0] == version:
                self.keep_locally(key, entry)
        if entry is not None and entry[0] == version and entry[1] >= time.time():
            return self.replay(request, entry)
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        if "Cache-Control" not in response:
            # Browsers revalidate every time (a cheap 304): nothing stays hidden or stale.
            response["Cache-Control"] = "no-cache"
        if self.storable(response):
            timeout = self.timeout
            remaining = seconds_until_next_publication(version)
            if remaining is not None:
                timeout = min(timeout, int(remaining) + 1)
            headers = [(k, v) for k, v in response.items() if k != "X-Page-Cache"]
            expires = time.time() + timeout
            entry = (version, expires, response.status_code, headers, response.content)
            cache.set(key, entry, timeout)
            self.keep_locally(key, entry)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def keep_locally(key, entry):
        if len(_local_pages) >= LOCAL_PAGES_MAX:
            _local_pages.clear()
        _local_pages[key] = entry

    @staticmethod
    def storable(response):
        if response.status_code not in (200, 301, 404) or response.cookies:
            return False
        if has_vary_header(response, "Authorization") or any(
            word in response.get("Cache-Control", "") for word in ("private", "no-store")
        ):
            return False
        if getattr(response, "streaming", False):
            return False
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        return True

    @staticmethod
    def replay(request, entry):
        _, _, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )


def _data_key(name):
    digest = hashlib.blake2b(name.encode(), digest_size=16).hexdigest()
    return f"data:{release()}:{fragment_version()}:{digest}"


def _recall_locally(key):
    entry = _local_data.get(key)
    return entry if entry is not None and entry[0] > time.monotonic() else None


def _keep_locally(values):
    if len(_local_data) + len(values) > LOCAL_DATA_MAX:
        _local_data.clear()
    expires = time.monotonic() + settings.DATA_CACHE_SECONDS
    _local_data.update((key, (expires, value)) for key, value in values.items())


def remember(name, compute):
    """A value computed from content, kept until content changes (DATA_CACHE_SECONDS at most).

    For the expensive, shared parts of pages (counts, lists, filter options, rendered
    cards): a page the page cache cannot serve (first visit, staff) is still rendered
    without recomputing them. Each worker keeps what it used lately in memory, so most
    reads cost no round trip; the values are shared between requests: read-only.
    """
    if settings.DATA_CACHE_SECONDS <= 0:
        return compute()
    key = _data_key(name)
    entry = _recall_locally(key)
    if entry is not None:
        return entry[1]
    value = cache.get_or_set(key, compute, settings.DATA_CACHE_SECONDS)
    _keep_locally({key: value})
    return value


def remember_each(name, keys, compute):
    """Like `remember`, one value per key, with at most one round trip to the shared cache.

    `compute(missing keys)` returns {key: value} for the keys not found; the result is
    {key: value} for every key that has one.
    """
    if settings.DATA_CACHE_SECONDS <= 0:
        return compute(keys)
    names = {key: _data_key(f"{name}:{key}") for key in keys}
    found = {}
    for key, cache_key in names.items():
        entry = _recall_locally(cache_key)
        if entry is not None:
            found[key] = entry[1]
    wanted = {names[key]: key for key in keys if key not in found}
    if wanted:
        shared = cache.get_many(wanted)
        found.update((wanted[cache_key], value) for cache_key, value in shared.items())
        _keep_locally(shared)
    missing = [key for key in keys if key not in found]
    if missing:
        computed = {names[key]: value for key, value in compute(missing).items()}
        cache.set_many(computed, settings.DATA_CACHE_SECONDS)
        _keep_locally(computed)
        found.update((wanted[cache_key], value) for cache_key, value in computed.items())
    return found
