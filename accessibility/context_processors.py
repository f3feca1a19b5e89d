from .grid import evaluation


def conformance(request):
    """The footer's « Accessibilité : partiellement conforme », computed from the grid."""
    return {"accessibility_state": evaluation().state}
