"""The admin home page's dashboard: what to complete, drafts, scheduled publications, and the
parts the apps registered (`core.site.dashboard_parts`: the next meetings…)."""

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from core import site
from core.publishing import Publishable, Status
from core.todo import todos

register = template.Library()

LIMIT = 10


def _publishable_models():
    return [m for m in apps.get_models() if issubclass(m, Publishable)]


def _rows(request, queryset):
    opts = queryset.model._meta
    if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
        return []
    url_name = f"admin:{opts.app_label}_{opts.model_name}_change"
    return [(opts.verbose_name, obj, reverse(url_name, args=[obj.pk])) for obj in queryset[:LIMIT]]


@register.inclusion_tag("admin/dashboard.html", takes_context=True)
def dashboard(context):
    request = context["request"]
    now = timezone.now()
    drafts, scheduled = [], []
    for model in _publishable_models():
        drafts += _rows(request, model.objects.filter(status=Status.DRAFT))
        scheduled += _rows(
            request, model.objects.filter(status=Status.PUBLISHED, published_at__gt=now)
        )
    return {
        "todos": todos(request),
        "drafts": drafts,
        "scheduled": sorted(scheduled, key=lambda row: row[1].published_at),
        "parts": [part.template for part in site.dashboard_parts],
        **site.context_of(site.dashboard_parts, request),
    }
