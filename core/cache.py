"""The cache layer: whole pages for anonymous visitors, and nothing the site depends on.

- **Page cache.** A visitor without a logged-in session gets the stored copy of the page:
  no database, no template, one round trip to the shared cache. The key is the address with
  only the query parameters the page reads (a view declares them in `query_params`; the
  others are removed from the request before any view sees them), so junk parameters never
  make new entries; error pages are not stored; a view can refuse storage for a response
  (`response.page_cache = False`).
- **Invalidation.** Any saved or deleted content bumps a shared content version; a copy of
  another version is never served. A copy never outlives the next scheduled publication, so
  an item programmed for 14:00 appears at 14:00.
- **Resilience.** The shared cache (Redis in production) is an accelerator, never a
  dependency: `ResilientRedisCache` answers « nothing cached » when Redis is stopped, full or
  slow, and tries again a few seconds later — the site then serves every page from the
  database, and editors save normally.
- **Releases.** Keys are prefixed with the release (`RELEASE`), so a deployment never reads
  pages stored by the previous one.
"""

import functools
import hashlib
import logging
import time
import types
from http import HTTPStatus
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from django.core.handlers.wsgi import get_path_info, get_script_name
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict, parse_cookie
from django.urls import Resolver404, resolve
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import parse_http_date_safe

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, for which an unreachable, full or slow Redis means « not
    cached ». After a connection failure or a timeout, Redis is left alone for
    `RETRY_SECONDS`, so visitors don't each wait for the timeout; then it is tried again."""

    RETRY_SECONDS = 5.0
    _down_until = 0.0

    def _attempt(self, operation, fallback, *args):
        if time.monotonic() < ResilientRedisCache._down_until:
            return fallback
        try:
            return operation(self, *args)
        except Exception as error:  # the cache must never take a page down
            lib = self._cache._lib
            if isinstance(error, lib.ConnectionError | lib.TimeoutError):
                if not ResilientRedisCache._down_until:
                    logger.warning("Cache injoignable (%s) : pages servies sans cache.", error)
                ResilientRedisCache._down_until = time.monotonic() + self.RETRY_SECONDS
            else:  # e.g. Redis full with the « noeviction » policy
                logger.warning("Cache en erreur (%s) : opération ignorée.", error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._attempt(RedisCache.get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt(RedisCache.get_many, {}, keys, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(RedisCache.set, None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(RedisCache.set_many, list(data), data, timeout, version)

    # Counters (the public forms' limits: accounts/throttle.py) go on counting in each
    # worker's memory while Redis is away: a stopped Redis must not lift the limits, nor
    # turn each post into an error.
    _counters = LocMemCache("resilient-counters", {})
    _AWAY = object()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self._attempt(RedisCache.add, self._AWAY, key, value, timeout, version)
        if added is self._AWAY:
            return self._counters.add(key, value, timeout, version)
        return added

    def incr(self, key, delta=1, version=None):
        def incr_or_missing(cache, *args):
            try:
                return RedisCache.incr(cache, *args)
            except ValueError:  # no such key: Django's contract, not a cache failure
                return None

        count = self._attempt(incr_or_missing, self._AWAY, key, delta, version)
        if count is self._AWAY:
            return self._counters.incr(key, delta, version)
        if count is None:
            raise ValueError(f"Key '{key}' not found")
        return count

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(RedisCache.touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(RedisCache.delete, False, key, version)

    def delete_many(self, keys, version=None):
        return self._attempt(RedisCache.delete_many, None, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(RedisCache.has_key, False, key, version)

    def clear(self):
        return self._attempt(RedisCache.clear, None)


# Content version -----------------------------------------------------------------------
#
# Every key below includes the content version, so nothing stored is ever updated in place:
# a new version simply makes new keys, and each worker may keep what it read in memory.


class _Local:
    """This worker's view of the content version, and its copies of entries of that
    version (bounded; cleared when the version changes)."""

    def __init__(self):
        self.reset()

    def reset(self, shared=None):
        self.shared, self.publication, self.checked, self.items = shared, None, -1e9, {}

    def recall(self, key):
        return self.items.get(key)

    def keep(self, key, value):
        if len(self.items) >= settings.LOCAL_CACHE_ENTRIES:
            self.items.clear()
        self.items[key] = value


_local = _Local()


def forget_local_copies():
    """This worker forgets what it kept (the tests empty the shared cache between cases)."""
    _local.reset()


def _shared_version():
    """The shared number that content changes bump. Out of reach, a new one: trust nothing."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


def _next_publication(shared):
    """Timestamp of the next scheduled publication (0 if none), shared per version."""
    key = f"next-publication:{shared}"
    moment = cache.get(key)
    if moment is None or 0 < moment <= time.time():
        from django.apps import apps
        from django.utils import timezone

        now = timezone.now()
        moments = [
            model.objects.scheduled_after(now).first()
            for model in apps.get_models()
            if hasattr(model.objects, "scheduled_after")
        ]
        moments = [m for m in moments if m]
        moment = min(moments).timestamp() if moments else 0
        cache.set(key, moment, None)
    return moment


def content_version():
    """What every cached page and value depends on: the shared version (read from the
    shared cache at most every CONTENT_VERSION_CHECK_SECONDS: a change made through another
    worker or host shows within that delay, one made through this worker at once), and the
    next scheduled publication (an item programmed for 14:00 makes a new version at 14:00)."""
    now = time.monotonic()
    if now - _local.checked >= settings.CONTENT_VERSION_CHECK_SECONDS:
        shared = _shared_version()
        if shared != _local.shared:
            _local.reset(shared)
        _local.checked = now
    if _local.publication is None or 0 < _local.publication <= time.time():
        if _local.publication is not None:
            _local.items.clear()
        _local.publication = _next_publication(_local.shared)
    return f"{_local.shared}-{_local.publication}"


def _bump():
    version = time.time_ns()
    cache.set(VERSION_KEY, version, None)
    _local.reset(version)
    _local.checked = time.monotonic()


def invalidate(sender=None, **kwargs):
    """Any change to content makes everything cached stale: at once, and again once the
    transaction commits (so nothing rendered from uncommitted data survives)."""
    if sender is None or getattr(sender._meta.app_config, "content_app", False):
        _bump()
        transaction.on_commit(_bump)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(invalidate, dispatch_uid=f"content-version-{signal}")


def seconds_until_next_publication():
    content_version()
    moment = _local.publication
    return max(0.0, moment - time.time()) if moment else None


def cached(name, compute, worth_keeping=None):
    """A value computed from content (a list, counts, a rendered fragment), shared by all
    workers until content changes. Read-only: the same object serves many requests.
    `worth_keeping(value)` may refuse to store it (a search that found nothing)."""
    digest = hashlib.blake2b(name.encode(), digest_size=16).hexdigest()
    key = f"data:{content_version()}:{digest}"
    box = _local.recall(key)
    if box is None:
        box = cache.get(key)
        if box is None:
            box = (compute(),)  # boxed: None is a value too
            if worth_keeping and not worth_keeping(box[0]):
                return box[0]
            cache.set(key, box, settings.PAGE_CACHE_SECONDS or 600)
        _local.keep(key, box)
    return box[0]


# Page cache ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=2048)
def _params_read_by(path):
    """The query parameters the view of `path` reads (its `query_params`)."""
    try:
        view = resolve(path).func
    except Resolver404:
        return frozenset()
    params = getattr(getattr(view, "view_class", view), "query_params", ())
    return frozenset(params() if callable(params) else params)


def reduced_query(query, path_info):
    """A query (QueryDict) reduced to the parameters the view of `path_info` reads, in a
    fixed order: the others never reach a view, a link or the cache key."""
    if not query:
        return query
    kept = QueryDict(mutable=True)
    for name in sorted(_params_read_by(path_info) & query.keys()):
        kept.setlist(name, query.getlist(name))
    kept._mutable = False
    return kept


def page_key(scheme, host, path, query):
    address = f"{scheme}://{host}{path}{'?' + query.urlencode() if query else ''}"
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"page:{content_version()}:{digest}"


def stored_page(key):
    """(expires, status, headers, content) of a stored page still valid, or None."""
    entry = _local.recall(key)
    if entry is None:
        entry = cache.get(key)
        if entry is not None:
            _local.keep(key, entry)
    return entry if entry is not None and entry[0] > time.time() else None


def has_logged_in_session(request):
    """A session cookie that belongs to a logged-in person (a made-up or expired one is
    treated as anonymous, and served from the cache)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(key)
    try:
        return "_auth_user_id" in store.load()
    except Exception:  # the session store is out of reach: treat as logged in, render
        return True


class AnonymousPageCacheMiddleware:
    """Serve and store whole pages for visitors who are not logged in."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip = ("/" + settings.ADMIN_URL, settings.STATIC_URL, settings.MEDIA_URL)

    def __call__(self, request):
        if request.path.startswith(self.skip):
            return self.get_response(request)
        request.GET = reduced_query(request.GET, request.path_info)
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or request.method not in ("GET", "HEAD")
            or has_logged_in_session(request)
        ):
            response = self.get_response(request)
            patch_vary_headers(response, ["Cookie"])
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)  # previews stay out of proxies
            return response

        key = page_key(request.scheme, request.get_host(), request.path, request.GET)
        if entry := stored_page(key):
            return self.replay(request, entry)
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Cache-Control", "no-cache")  # browsers revalidate
        if self.storable(request, response):
            self.store(key, response)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def storable(request, response):
        return (
            request.method == "GET"
            and response.status_code in (200, 301)
            and getattr(response, "page_cache", True)
            and not response.cookies
            and not getattr(response, "streaming", False)
            and not any(w in response.get("Cache-Control", "") for w in ("private", "no-store"))
        )

    @staticmethod
    def store(key, response):
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if not response.has_header("ETag"):
            set_response_etag(response)
        timeout = settings.PAGE_CACHE_SECONDS
        remaining = seconds_until_next_publication()
        if remaining is not None:
            timeout = min(timeout, int(remaining) + 1)
        headers = [(k, v) for k, v in response.items() if k != "X-Page-Cache"]
        entry = (time.time() + timeout, response.status_code, headers, response.content)
        cache.set(key, entry, timeout)
        _local.keep(key, entry)

    @staticmethod
    def replay(request, entry):
        _expires, status, headers, content = entry
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


class StoredPagesFirst:
    """The WSGI application in front of Django (auxois_site/wsgi.py): a stored page for an
    anonymous visitor is sent straight away, before Django builds a request; anything else
    (a miss, a session cookie, the admin, static files) goes on to Django, whose middleware
    above renders and stores. Same key, same rules, at a fraction of the cost."""

    def __init__(self, application):
        self.application = application
        self.skip = ("/" + settings.ADMIN_URL, settings.STATIC_URL, settings.MEDIA_URL)
        self.secure_header = settings.SECURE_PROXY_SSL_HEADER

    def __call__(self, environ, start_response):
        entry = self.lookup(environ)
        if entry is None:
            return self.application(environ, start_response)
        _expires, status, headers, content = entry
        conditional = types.SimpleNamespace(META=environ, method=environ["REQUEST_METHOD"])
        replayed = HttpResponse(content, status=status, headers=dict(headers))
        replayed["X-Page-Cache"] = "hit"
        response = get_conditional_response(
            conditional,
            etag=replayed.get("ETag"),
            last_modified=parse_http_date_safe(replayed.get("Last-Modified", "")),
            response=replayed,
        )
        body = b"" if environ["REQUEST_METHOD"] == "HEAD" else response.content
        response["Content-Length"] = str(len(response.content))
        status_line = f"{response.status_code} {HTTPStatus(response.status_code).phrase}"
        start_response(status_line, list(response.items()))
        return [body]

    def lookup(self, environ):
        if (
            settings.PAGE_CACHE_SECONDS <= 0
            or environ.get("REQUEST_METHOD") not in ("GET", "HEAD")
            or settings.USE_X_FORWARDED_HOST
        ):
            return None
        path_info = get_path_info(environ) or "/"
        path = "{}/{}".format(get_script_name(environ).rstrip("/"), path_info.replace("/", "", 1))
        if path.startswith(self.skip):
            return None
        cookies = environ.get("HTTP_COOKIE", "")
        if cookies and settings.SESSION_COOKIE_NAME in parse_cookie(cookies):
            return None  # Django tells a logged-in session from a made-up one
        scheme = environ.get("wsgi.url_scheme", "http")
        if self.secure_header:
            name, value = self.secure_header
            if environ.get(name, "").split(",", 1)[0].strip() == value:
                scheme = "https"
        host = environ.get("HTTP_HOST")
        if not host:  # as Django's request.get_host()
            port = str(environ.get("SERVER_PORT", ""))
            default = "443" if scheme == "https" else "80"
            host = environ.get("SERVER_NAME", "") + ("" if port == default else f":{port}")
        query = reduced_query(QueryDict(environ.get("QUERY_STRING", "")), path_info)
        return stored_page(page_key(scheme, host, path, query))
