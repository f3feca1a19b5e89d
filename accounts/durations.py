"""Durations as a French sentence says them: « 1 heure », « 2 heures et 30 minutes »."""

import datetime


def in_words(duration):
    seconds = int(
        duration.total_seconds() if isinstance(duration, datetime.timedelta) else duration
    )
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [
        f"{count} {unit}{'s' if count > 1 else ''}"
        for count, unit in ((days, "jour"), (hours, "heure"), (minutes, "minute"))
        if count
    ]
    if not parts:
        return "moins d'une minute"
    return " et ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0]
