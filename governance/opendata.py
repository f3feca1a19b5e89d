"""Open-data definitions of the meetings and milestones timeline and of the communes of the
territory (see core/opendata.py)."""

from core.dates import DatePrecision
from core.opendata import Column, Dataset, UpdatedColumn, UrlColumn

from .models import Commune, TimelineEvent


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
    Dataset(
        key="communes",
        title="Communes du territoire",
        description="Les communes des quatre intercommunalités, avec leur code INSEE et leur "
        "population municipale, reprises des données officielles (Insee, DGCL ; l'édition est "
        "donnée par le champ source).",
        columns=[
            Column(
                "code_insee",
                "Code officiel géographique de la commune (Insee).",
                lambda c: c.insee_code,
            ),
            Column("nom", "Nom de la commune.", lambda c: c.name),
            Column(
                "population_municipale",
                "Population municipale (populations légales de l'Insee) ; vide si inconnue.",
                lambda c: c.population,
            ),
            Column(
                "codes_postaux",
                "Codes postaux, séparés par des virgules.",
                lambda c: c.postal_codes,
            ),
            Column(
                "intercommunalite",
                "L'intercommunalité, sous le nom que lui donne le programme.",
                lambda c: c.intercommunality.name,
            ),
            Column(
                "siren_intercommunalite",
                "Numéro SIREN de l'intercommunalité (EPCI).",
                lambda c: c.intercommunality.siren,
            ),
            Column(
                "source",
                "Source et édition des données de la commune.",
                lambda c: c.intercommunality.data_source,
            ),
            UrlColumn("Adresse de la ligne de la commune sur la page de son intercommunalité."),
        ],
        queryset=lambda request: Commune.objects.select_related("intercommunality").order_by(
            "insee_code"
        ),
        list_url_name="governance:territory",
    ),
]
