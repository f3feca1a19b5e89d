"""A fixed-window counter in the shared cache, to keep a public form from being abused."""

import hashlib

from django.core.cache import cache


def allow(scope, key, limit, window):
    """Count one more use of `key` and say whether it is within `limit` per `window` seconds."""
    cache_key = f"throttle:{scope}:{hashlib.sha256(str(key).encode()).hexdigest()}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window ended between add() and incr()
        cache.set(cache_key, 1, window)
        count = 1
    return count <= limit
