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

import hashlib
import logging
import time
from contextvars import ContextVar
from importlib import import_module

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, QueryDict
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
_version: ContextVar = ContextVar("content_version", default=None)


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

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(RedisCache.add, False, key, value, timeout, version)

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


def content_version():
    """The shared content version (a number that changes whenever content changes). When the
    cache is out of reach, a new one each time: nothing stored is then trusted."""
    version = _version.get()
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = time.time_ns()
            cache.add(VERSION_KEY, version, None)
    return version


def _bump():
    cache.set(VERSION_KEY, time.time_ns(), None)


def invalidate(sender=None, **kwargs):
    """Any change to content makes every stored page stale: at once, and again once the
    transaction commits (so no page rendered from uncommitted data survives)."""
    if sender is None or getattr(sender._meta.app_config, "content_app", False):
        _bump()
        transaction.on_commit(_bump)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(invalidate, dispatch_uid=f"content-version-{signal}")


def seconds_until_next_publication(version):
    """Seconds until the next scheduled item goes live (None if nothing is scheduled); read
    from the database once per content version."""
    key = f"next-publication:{version}"
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
        cache.set(key, moment, settings.PAGE_CACHE_SECONDS or 600)
    return max(0.0, moment - time.time()) if moment else None


def cached(name, compute, timeout=None):
    """A value computed from content, shared by all workers until content changes (or
    `timeout`). For the few expensive parts of pages that the benchmark shows need it."""
    key = f"data:{content_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_SECONDS or 600)
    return value


# Page cache ----------------------------------------------------------------------------


def declared_query(request):
    """The request's query string reduced to the parameters its view reads
    (`query_params`), in a fixed order."""
    if not request.GET:
        return request.GET
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        names = ()
    else:
        names = getattr(getattr(view, "view_class", view), "query_params", ())
    kept = QueryDict(mutable=True)
    for name in sorted(set(names) & set(request.GET)):
        kept.setlist(name, request.GET.getlist(name))
    kept._mutable = False
    return kept


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
        request.GET = declared_query(request)
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

        query = f"?{request.GET.urlencode()}" if request.GET else ""
        address = f"{request.scheme}://{request.get_host()}{request.path}{query}"
        key = "page:" + hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        entry = found.get(key)
        if version is not None and entry and entry[0] == version and entry[1] > time.time():
            return self.replay(request, entry)

        token = _version.set(version)
        try:
            response = self.get_response(request)
            patch_vary_headers(response, ["Cookie"])
            response.headers.setdefault("Cache-Control", "no-cache")  # browsers revalidate
            if self.storable(request, response):
                self.store(key, response, content_version())
        finally:
            _version.reset(token)
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
    def store(key, response, version):
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if not response.has_header("ETag"):
            set_response_etag(response)
        timeout = settings.PAGE_CACHE_SECONDS
        remaining = seconds_until_next_publication(version)
        if remaining is not None:
            timeout = min(timeout, int(remaining) + 1)
        headers = [(k, v) for k, v in response.items() if k != "X-Page-Cache"]
        entry = (version, time.time() + timeout, response.status_code, headers, response.content)
        cache.set(key, entry, timeout)

    @staticmethod
    def replay(request, entry):
        _version, _expires, status, headers, content = entry
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
