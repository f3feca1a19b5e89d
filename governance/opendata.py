"""Open-data definition of the meetings and milestones timeline (see core/opendata.py)."""

from core.dates import DatePrecision
from core.opendata import Column, Dataset, UpdatedColumn, UrlColumn

from .models import TimelineEvent


def _hour(value):
    """« 14:00 » in CSV and JSON alike, rather than each format's own rendering of a time."""
    return value.strftime("%H:%M") if value is not None else None


DATASETS = [
    Dataset(
        key="reunions",
        title="Réunions et étapes",
        description="Le calendrier de la démarche : comités, signatures, étapes prévues.",
        columns=[
            Column("slug", "Identifiant stable.", lambda e: e.slug),
            Column("intitule", "Intitulé.", lambda e: e.title),
            Column("type", "Réunion, Étape ou Événement.", lambda e: e.get_kind_display()),
            Column(
                "instance",
                "Instance réunie, s'il y a lieu.",
                lambda e: e.public_body.name if e.public_body else None,
            ),
            Column(
                "date",
                "Date exacte (AAAA-MM-JJ) ; vide quand seule une période est connue.",
                lambda e: e.date if e.date_precision == DatePrecision.DAY else None,
            ),
            Column(
                "date_affichee",
                "La date telle qu'elle est connue, par ex. « 2e semestre 2020 ».",
                lambda e: e.date_label,
            ),
            Column(
                "precision_date",
                "Jour, Mois, Semestre ou Année.",
                lambda e: e.get_date_precision_display(),
            ),
            Column(
                "heure_debut",
                "Heure de début (HH:MM, heure de Paris) ; vide quand elle n'est pas publiée.",
                lambda e: _hour(e.start_time),
            ),
            Column(
                "heure_fin",
                "Heure de fin (HH:MM, heure de Paris) ; vide quand elle n'est pas publiée.",
                lambda e: _hour(e.end_time),
            ),
            Column(
                "previsionnel",
                "« oui » si l'étape est annoncée mais pas encore faite.",
                lambda e: e.is_forecast,
            ),
            Column("lieu", "Nom du lieu, s'il est connu.", lambda e: e.location),
            Column("adresse", "Adresse postale du lieu, si elle est connue.", lambda e: e.address),
            Column("resume", "Résumé.", lambda e: e.summary),
            UrlColumn("Adresse de la page de la réunion ou de l'étape."),
            UpdatedColumn(),
        ],
        queryset=lambda request: TimelineEvent.objects.published().chronological(),
        model=TimelineEvent,
        list_url_name="governance:timeline",
    ),
]
