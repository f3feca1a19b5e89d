"""Refresh the communes of the territory from the official administrative data.

The npm package `@etalab/decoupage-administratif` (package.json) ships the Code officiel
géographique of the Insee, the DGCL's list of EPCI with their member communes, and the
Insee's legal populations. This command finds the four intercommunalities by their SIREN
number, checks each one's official name, and rewrites two fixtures:

- `fixtures/territory.json`: each intercommunality's SIREN, current official name and the
  source line shown on the site (nothing else in that file changes);
- `fixtures/territory_communes.json`: the communes, by INSEE code (their natural key).

A fresh machine loads them with `load_initial_data`; this command is only for refreshing
them when a new edition of the data comes out (`npm install
@etalab/decoupage-administratif@latest`, then this command, then review the diff).
Everything is checked before anything is written: a missing file, an unknown EPCI or a
renamed one stops the command with a message, and both fixtures stay as they were.
"""

import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

# slug of the intercommunality in fixtures/territory.json: (SIREN, name in the official list).
# Checked against the 2026 edition; a renamed EPCI stops the import until checked here.
EPCI = {
    "cc-du-montbardois": ("242101491", "CC du Montbardois"),
    "cc-du-pays-d-alesia-et-de-la-seine": ("242101459", "CC du Pays d'Alésia et de la Seine"),
    "cc-des-terres-d-auxois": ("200071017", "CC des Terres d'Auxois"),
    "cc-de-saulieu": ("242101442", "CC de Saulieu-Morvan"),
}

# Package version: (year of the Code officiel géographique and of the EPCI list, year of the
# Insee legal populations). From the package's README (« Millésimes et versions ») and its
# history: 6.0.0 is « COG 2026 and DGCL 2026 data » on top of « Update pop 2023 ».
RELEASES = {"6.0.0": (2026, 2023)}

DEFAULT_DATA_DIR = settings.BASE_DIR / "node_modules/@etalab/decoupage-administratif/data"


def source_line(version, geography_year, population_year):
    return (
        f"Insee, populations légales {population_year} (population municipale) ; communes et "
        f"intercommunalités au 1er janvier {geography_year} (Code officiel géographique de "
        f"l'Insee, liste des EPCI de la DGCL), via @etalab/decoupage-administratif {version}"
    )


def read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(
            f"Fichier introuvable : {path}. Installez les données avec « npm ci » (paquet "
            "@etalab/decoupage-administratif) ou indiquez leur dossier avec --data-dir."
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise CommandError(f"Le fichier {path} n'est pas un JSON lisible : {error}.") from None


def write_all(files):
    """Write {path: text} all or nothing: each to a temporary file first, then renamed."""
    temporary = {}
    try:
        for path, text in files.items():
            handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            temporary[path] = name
    except OSError as error:
        for name in temporary.values():
            os.unlink(name)
        raise CommandError(f"Écriture impossible : {error}. Aucun fichier n'a changé.") from None
    for path, name in temporary.items():
        os.chmod(name, 0o644)
        os.replace(name, path)


def dumps(objects):
    return json.dumps(objects, indent=2, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = (
        "Met à jour les communes du territoire (code INSEE, population municipale) et les "
        "numéros SIREN des intercommunalités dans les fixtures, à partir du paquet npm "
        "@etalab/decoupage-administratif."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DEFAULT_DATA_DIR,
            help="dossier contenant epci.json et communes.json (par défaut, celui du paquet npm)",
        )
        parser.add_argument(
            "--fixtures-dir",
            type=Path,
            default=settings.BASE_DIR / "fixtures",
            help="dossier des fixtures à mettre à jour",
        )
        parser.add_argument(
            "--population-year",
            type=int,
            help="année des populations légales, pour une version du paquet non répertoriée",
        )
        parser.add_argument(
            "--geography-year",
            type=int,
            help="année du découpage (COG, EPCI), pour une version du paquet non répertoriée",
        )

    def handle(self, *args, data_dir, fixtures_dir, population_year, geography_year, **options):
        version = self.package_version(data_dir)
        known = RELEASES.get(version)
        if known is None and not (population_year and geography_year):
            raise CommandError(
                f"Version {version} du paquet non répertoriée : vérifiez dans sa documentation "
                "l'année des populations légales et du découpage, puis indiquez-les avec "
                "--population-year et --geography-year (ou ajoutez-la à RELEASES)."
            )
        geography_year = geography_year or known[0]
        population_year = population_year or known[1]
        source = source_line(version, geography_year, population_year)

        epcis = {row.get("code"): row for row in read_json(data_dir / "epci.json")}
        communes = {
            row["code"]: row
            for row in read_json(data_dir / "communes.json")
            if row.get("type") == "commune-actuelle"
        }
        territory_path = fixtures_dir / "territory.json"
        territory = read_json(territory_path)

        entries = {
            obj["fields"]["slug"]: obj
            for obj in territory
            if obj.get("model") == "governance.intercommunality"
        }
        rows = []
        for slug, (siren, official_name) in EPCI.items():
            if slug not in entries:
                raise CommandError(
                    f"L'intercommunalité « {slug} » est absente de {territory_path}."
                )
            epci = epcis.get(siren)
            if epci is None:
                raise CommandError(
                    f"L'EPCI {siren} ({official_name}) est absent de epci.json : a-t-il "
                    "fusionné ou changé de numéro ? Vérifiez la liste officielle, puis la "
                    "correspondance EPCI dans governance/management/commands/import_communes.py."
                )
            if epci.get("nom") != official_name:
                raise CommandError(
                    f"Le SIREN {siren} correspond à « {epci.get('nom')} » dans epci.json, et "
                    f"non à « {official_name} » : vérifiez qu'il s'agit bien de la même "
                    "intercommunalité, puis corrigez la correspondance EPCI dans "
                    "governance/management/commands/import_communes.py."
                )
            if not epci.get("membres"):
                raise CommandError(f"L'EPCI {siren} ({official_name}) n'a aucune commune.")
            fields = entries[slug]["fields"]
            fields.update(siren=siren, official_name=official_name, data_source=source)
            rows += [(slug, member, communes.get(member.get("code"))) for member in epci["membres"]]

        fixture = self.communes_fixture(rows)
        communes_path = fixtures_dir / "territory_communes.json"
        write_all({territory_path: dumps(territory), communes_path: fixture})
        self.stdout.write(
            f"{len(rows)} communes de {len(EPCI)} intercommunalités écrites dans "
            f"{communes_path} ({source}). Chargez-les avec "
            "« manage.py load_initial_data »."
        )

    def package_version(self, data_dir):
        package = data_dir.parent / "package.json"
        if not package.exists():
            return "inconnue"
        return read_json(package).get("version", "inconnue")

    def communes_fixture(self, rows):
        objects = []
        slugs = {}
        for slug, member, commune in sorted(rows, key=lambda row: row[1].get("code", "")):
            code = member.get("code", "")
            if commune is None:
                raise CommandError(
                    f"La commune {code} ({member.get('nom')}) est absente de communes.json."
                )
            name = commune["nom"]
            population = commune.get("population")  # Insee legal population (communes.json)
            slugs.setdefault(slugify(name), []).append(code)
            objects.append(
                {
                    "model": "governance.commune",
                    "fields": {
                        "insee_code": code,
                        "name": name,
                        "slug": slugify(name),
                        "population": population,
                        "postal_codes": ", ".join(commune.get("codesPostaux", [])),
                        "intercommunality": [slug],
                    },
                }
            )
        for obj in objects:  # two communes of the same name: the INSEE code tells them apart
            fields = obj["fields"]
            if len(slugs[fields["slug"]]) > 1:
                fields["slug"] = f"{fields['slug']}-{fields['insee_code']}"
        return dumps(objects)
