"""Admin-only endpoints used by the editor."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.search import MAX_QUERY_LENGTH
from core.text.internal_links import choices


@never_cache
@require_GET
@staff_member_required
def internal_link_search(request):
    """The internal link chooser's results, as JSON: published content found by title."""
    query = request.GET.get("q", "").strip()
    if len(query) > MAX_QUERY_LENGTH:
        return JsonResponse(
            {"error": f"Recherche trop longue : {MAX_QUERY_LENGTH} caractères au plus."},
            status=400,
        )
    return JsonResponse({"results": choices(query)})
