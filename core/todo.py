"""The admin dashboard's « À compléter » panel: what the team still has to fill in or fix.

Each app declares its own checks with `@todo_check`; a check receives the request and
returns `Todo`s (only for what the user may change), each with a link to fix it. The panel
shows them all, and nothing when all is done.
"""

from dataclasses import dataclass

from django.urls import reverse

_checks = []


@dataclass(frozen=True)
class Todo:
    text: str
    url: str
    link_text: str = "Compléter"


def todo_check(function):
    _checks.append(function)
    return function


def todos(request):
    return [todo for check in _checks for todo in check(request)]


def can_change(request, model):
    opts = model._meta
    return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def list_url(model, query=""):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + query
