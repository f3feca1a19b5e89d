"""Spreadsheets staff can trust (django-import-export): what every import and export shares.

- Files are read and written here, not by tablib's defaults: a row keeps the number the
  spreadsheet shows (headers on row 1, so the first item is on row 2, blank rows skipped but
  counted), CSV comes out with « ; » and a BOM as a French spreadsheet expects, and comes in
  with « ; », « , » or tabs, in UTF-8 or Windows-1252.
- A file is all or nothing: every bad row is reported at once (row number, French column
  name, French message) and nothing is written while one is left.
- Each exported row carries « modifié le », the item's last change: a row whose item was
  changed since, or no longer exists under that slug, is « stale », shown as such in the
  preview and applied only on request, so re-importing an old file never silently undoes a
  colleague's work (an edit, a deletion, a new address).
"""

import csv
import difflib
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from diff_match_patch import diff_match_patch
from django.core.exceptions import NON_FIELD_ERRORS, MultipleObjectsReturned, ValidationError
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from import_export import fields, resources, widgets
from import_export.formats.base_formats import Format
from import_export.resources import Diff
from import_export.results import Result, RowResult

from core.text.plaintext import html_to_text, same_text, text_to_html


class SheetReadError(ValueError):
    """A file that cannot be read as a table; the message is for the editor."""


def fold(text):
    """Headers compared as people type them: no accents, no case, single spaces."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.casefold().split())


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _clean_cell(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def build_dataset(numbered_rows):
    """A dataset from (row number, cells): first non-blank row = headers, blank rows skipped.

    The dataset remembers each row's number in the sheet (`sheet_rows`), so errors point at
    the row the editor sees.
    """
    import tablib

    headers, body = None, []
    for number, cells in numbered_rows:
        cells = [_clean_cell(c) for c in cells]
        if all(c in (None, "") for c in cells):
            continue
        if headers is None:
            headers = ["" if c is None else str(c) for c in cells]
            continue
        body.append((number, cells))
    if headers is None:
        raise SheetReadError("Le fichier est vide : aucune ligne d'en-têtes n'a été trouvée.")
    kept = [i for i, header in enumerate(headers) if header]
    seen = set()
    for i in kept:
        if fold(headers[i]) in seen:
            raise SheetReadError(f"La colonne « {headers[i]} » apparaît deux fois.")
        seen.add(fold(headers[i]))
    dataset = tablib.Dataset(headers=[headers[i] for i in kept])
    dataset.sheet_rows = []
    for number, cells in body:
        for i, value in enumerate(cells):
            if value not in (None, "") and (i >= len(headers) or not headers[i]):
                raise SheetReadError(
                    f"Ligne {number}, colonne {column_letter(i)} : une valeur sans en-tête de "
                    "colonne. Ajoutez l'en-tête en ligne 1 ou supprimez la valeur."
                )
        cells = cells + [None] * (len(headers) - len(cells))
        dataset.append([cells[i] for i in kept])
        dataset.sheet_rows.append(number)
    if not body:
        raise SheetReadError("Le fichier ne contient aucune ligne sous la ligne d'en-têtes.")
    return dataset


class SpreadsheetFormat(Format):
    """A file format as the admin offers it, with a French name (« Excel (.xlsx) »)."""

    title = ""
    extension = ""
    content_type = ""

    def __init__(self, encoding=None):
        self.encoding = encoding

    def get_title(self):
        return self.title

    def get_extension(self):
        return self.extension

    def get_content_type(self):
        return self.content_type

    def can_import(self):
        return True

    def can_export(self):
        return True


class XLSXFormat(SpreadsheetFormat):
    title = "Excel (.xlsx) — recommandé"
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def create_dataset(self, in_stream):
        import openpyxl

        try:
            book = openpyxl.load_workbook(io.BytesIO(in_stream), data_only=True)
        except Exception as error:
            raise SheetReadError(
                "Ce fichier n'est pas un classeur Excel (.xlsx) lisible."
            ) from error
        sheet = book.active
        return build_dataset(enumerate(sheet.iter_rows(values_only=True), start=1))

    def export_data(self, dataset, **kwargs):
        """Every text stays text: a cell starting with « = » is never turned into a formula."""
        import openpyxl
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Alignment, Font

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = (dataset.title or "export")[:31]
        sheet.append(list(dataset.headers))
        for row in dataset:
            sheet.append(
                [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
            )
        widths = {}
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
                    if "\n" in cell.value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
                longest = max((len(line) for line in str(cell.value or "").split("\n")), default=0)
                widths[cell.column_letter] = max(widths.get(cell.column_letter, 8), longest)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for letter, width in widths.items():
            sheet.column_dimensions[letter].width = min(width + 2, 60)
        sheet.freeze_panes = "A2"
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()


class CSVFormat(SpreadsheetFormat):
    title = "CSV (.csv)"
    extension = "csv"
    content_type = "text/csv; charset=utf-8"

    def create_dataset(self, in_stream):
        if isinstance(in_stream, bytes):
            try:
                in_stream = in_stream.decode("utf-8-sig")
            except UnicodeDecodeError:
                in_stream = in_stream.decode("cp1252", errors="replace")
        first_line = in_stream.split("\n", 1)[0]
        delimiter = max(";,\t", key=first_line.count) if first_line else ";"
        try:
            rows = list(csv.reader(io.StringIO(in_stream, newline=""), delimiter=delimiter))
        except csv.Error as error:
            raise SheetReadError(f"Ce fichier CSV est mal formé ({error}).") from error
        return build_dataset(enumerate(rows, start=1))

    def export_data(self, dataset, **kwargs):
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow(dataset.headers)
        for row in dataset:
            writer.writerow(["" if value is None else value for value in row])
        return ("\ufeff" + out.getvalue()).encode("utf-8")


FORMATS = [XLSXFormat, CSVFormat]


# Columns ---------------------------------------------------------------------------------


def _not_found(model, field, values):
    """« Introuvable parmi les porteurs de projet : « X » (vouliez-vous dire « Y » ?) »."""
    names = [str(n) for n in model._default_manager.values_list(field, flat=True)]
    parts = []
    for value in values:
        close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.75)
        hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
        parts.append(f"« {value} »{hint}")
    return f"Introuvable parmi les {model._meta.verbose_name_plural} : " + ", ".join(parts) + "."


class ChoiceLabelWidget(widgets.Widget):
    """A choice written as its French label; the stored key is accepted too."""

    def __init__(self, choices, default=None, **kwargs):
        self.choices = choices
        self.default = default
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        value = str(value or "").strip()
        if not value and self.default is not None:
            return self.default
        for key, label in self.choices.choices:
            if value.casefold() in (key.casefold(), label.casefold()):
                return key
        allowed = ", ".join(label for _, label in self.choices.choices)
        if not value:
            raise ValueError(f"Valeur obligatoire ({allowed}).")
        raise ValueError(f"« {value} » n'est pas une valeur possible ({allowed}).")

    def render(self, value, obj=None, **kwargs):
        try:
            return self.choices(value).label if value else ""
        except ValueError:
            return value


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key by a readable field; an unknown value is an error, not a silent blank."""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return super().clean(value, row, **kwargs)
        except (self.model.DoesNotExist, ValueError, TypeError, ValidationError):
            raise ValueError(_not_found(self.model, self.field, [value])) from None
        except MultipleObjectsReturned:
            raise ValueError(
                f"Plusieurs {self.model._meta.verbose_name_plural} s'appellent « {value} »."
            ) from None


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Names separated by « | »; every name must exist."""

    def __init__(self, model, field):
        super().__init__(model, separator="|", field=field)

    def clean(self, value, row=None, **kwargs):
        names = [n.strip() for n in str(value or "").split(self.separator) if n.strip()]
        found = list(self.model.objects.filter(**{f"{self.field}__in": names}))
        missing = set(names) - {getattr(obj, self.field) for obj in found}
        if missing:
            raise ValueError(_not_found(self.model, self.field, sorted(missing)))
        return found


def column(attribute, header, widget=None, help=""):
    """A column with a French header; plain text by default (an empty cell is "")."""
    widget = widget or widgets.CharWidget(allow_blank=True, coerce_to_string=True)
    resource_field = fields.Field(attribute=attribute, column_name=header, widget=widget)
    resource_field.help = help
    return resource_field


class RichTextColumn(fields.Field):
    """Formatted text exported as readable text; an unchanged text keeps the stored HTML."""

    help = (
        "texte ; une ligne vide sépare deux paragraphes, « - » en début de ligne fait une "
        "liste. Un paragraphe inchangé garde sa mise en forme."
    )

    def __init__(self, attribute, header):
        super().__init__(attribute=attribute, column_name=header, widget=widgets.CharWidget())

    def export(self, instance, **kwargs):
        return html_to_text(self.get_value(instance) or "")

    def save(self, instance, row, is_m2m=False, **kwargs):
        text = force_str(row.get(self.column_name) or "")
        stored = getattr(instance, self.attribute) or ""
        if not same_text(stored, text):
            setattr(instance, self.attribute, text_to_html(text, stored))


class ModifiedAtWidget(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return timezone.localtime(value).isoformat() if value else ""

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        if not isinstance(value, datetime):
            try:
                value = datetime.fromisoformat(str(value).strip())
            except ValueError:
                raise ValueError(
                    f"« {value} » n'est pas une date reconnue : laissez la valeur de l'export "
                    "telle quelle, ou videz la cellule."
                ) from None
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value


class ModifiedAtColumn(fields.Field):
    """« modifié le »: written by the export, read back to spot rows changed since."""

    help = "rempli par l'export, à ne pas modifier : il sert à repérer les fiches modifiées depuis."

    def __init__(self, header="modifié le"):
        super().__init__(
            attribute="updated_at", column_name=header, widget=ModifiedAtWidget(), readonly=True
        )

    def export(self, instance, **kwargs):
        # Never changed since it was loaded: the export's own time is the honest bound.
        value = self.get_value(instance) or kwargs.get("exported_at")
        return self.widget.render(value)


# Results ---------------------------------------------------------------------------------


@dataclass
class RowProblem:
    """Everything wrong with one row, as the editor will fix it in the spreadsheet."""

    row: int
    label: str
    messages: list = field(default_factory=list)  # [(column or None, message)]


class SpreadsheetRowResult(RowResult):
    def __init__(self):
        super().__init__()
        self.sheet_row = None
        self.label = ""
        self.stale_since = None  # the item's last change, after the export
        self.stale_gone = False  # exported, but no item has this slug any more

    @property
    def stale(self):
        return bool(self.stale_since) or self.stale_gone

    @property
    def stale_skipped(self):
        return self.stale and self.import_type == self.IMPORT_TYPE_SKIP


class SpreadsheetResult(Result):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.column_names = {}
        self.ignored_columns = []

    @property
    def stale_rows(self):
        return [row for row in self.rows if row.stale and row.is_valid()]

    @property
    def skipped_stale_rows(self):
        return [row for row in self.rows if row.stale_skipped]

    def column_name(self, key):
        return None if key == NON_FIELD_ERRORS else self.column_names.get(key, key)

    @property
    def problems(self):
        """Every bad row at once, in sheet order; file-level problems first (row 0)."""
        problems = [RowProblem(0, "", [(None, str(e.error))]) for e in self.base_errors]
        for row in self.rows:
            if row.validation_error is not None:
                error = row.validation_error
                items = (
                    error.message_dict.items()
                    if hasattr(error, "error_dict")
                    else [(NON_FIELD_ERRORS, error.messages)]
                )
                messages = [(self.column_name(k), m) for k, ms in items for m in ms]
            elif row.errors:
                messages = [
                    (None, f"cette ligne n'a pas pu être enregistrée ({e.error}).")
                    for e in row.errors
                ]
            else:
                continue
            problems.append(RowProblem(row.sheet_row, row.label, messages))
        return sorted(problems, key=lambda problem: problem.row)


class TextDiff(Diff):
    """The preview's cells: what changes, marked with <del>/<ins>, no inline style (CSP)."""

    def as_html(self):
        cells = []
        engine = diff_match_patch()
        for old, new in zip(self.left, self.right, strict=False):
            old, new = force_str(old or ""), force_str(new or "")
            if self.new or old == new:
                cells.append(mark_safe(escape(new).replace("\n", "<br>")))
                continue
            parts = engine.diff_main(old, new)
            engine.diff_cleanupSemantic(parts)
            tags = {-1: "del", 0: None, 1: "ins"}
            html = "".join(
                format_html("<{}>{}</{}>", tags[op], text, tags[op]) if tags[op] else escape(text)
                for op, text in parts
            )
            cells.append(mark_safe(html.replace("\n", "<br>")))
        return cells


# Resources -------------------------------------------------------------------------------


@dataclass
class _RowState:
    number: int
    exported_at: datetime | None = None
    stale_since: datetime | None = None
    gone: bool = False


class SpreadsheetResource(resources.ModelResource):
    """All or nothing, every problem at once, stale rows held back unless confirmed.

    A row without a slug gets one made from its title column.
    """

    title_column = "intitulé"

    @classmethod
    def get_result_class(cls):
        return SpreadsheetResult

    @classmethod
    def get_row_result_class(cls):
        return SpreadsheetRowResult

    @classmethod
    def get_diff_class(cls):
        return TextDiff

    @classmethod
    def file_name(cls):
        return cls._meta.name

    def columns(self):
        """The columns in the order of the file."""
        return self.get_import_fields()

    # Export

    def export(self, queryset=None, **kwargs):
        kwargs.setdefault("exported_at", timezone.now())
        dataset = super().export(queryset, **kwargs)
        dataset.title = self.file_name()
        return dataset

    # Import

    def import_data(
        self,
        dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=None,
        collect_failed_rows=False,
        rollback_on_validation_errors=True,
        apply_stale=False,
        **kwargs,
    ):
        self.dry_run, self.apply_stale = dry_run, apply_stale
        self.ignored_columns = []
        self.sheet_rows = getattr(dataset, "sheet_rows", None)
        file_name = kwargs.get("file_name")
        self.change_reason = f"Import du fichier « {file_name} »" if file_name else "Import"
        result = super().import_data(
            dataset,
            dry_run=dry_run,
            raise_errors=raise_errors,
            use_transactions=use_transactions,
            collect_failed_rows=collect_failed_rows,
            rollback_on_validation_errors=rollback_on_validation_errors,
            **kwargs,
        )
        result.column_names = self.error_column_names()
        result.ignored_columns = self.ignored_columns
        return result

    def error_column_names(self):
        """Errors are keyed by model field: show them under the spreadsheet's column name."""
        names = {f.name: f.verbose_name for f in self._meta.model._meta.get_fields()
                 if hasattr(f, "verbose_name")}  # fmt: skip
        for resource_field in self.columns():
            names[resource_field.attribute] = resource_field.column_name
        return names

    def before_import(self, dataset, **kwargs):
        """Headers matched without accents or case; unknown columns listed, not guessed."""
        known = {fold(f.column_name): f.column_name for f in self.columns()}
        headers = [known.get(fold(header), header) for header in dataset.headers or []]
        self.ignored_columns = [h for h in headers if h not in known.values()]
        if dataset.headers:
            dataset.headers = headers
        slug = self.fields["slug"].column_name
        if slug not in headers and len(dataset):
            dataset.append_col([""] * len(dataset), header=slug)

    def sheet_row(self, index):
        if self.sheet_rows and 0 < index <= len(self.sheet_rows):
            return self.sheet_rows[index - 1]
        return index + 1  # headers on row 1

    def before_import_row(self, row, **kwargs):
        slug = self.fields["slug"].column_name
        if not str(row.get(slug) or "").strip():
            row[slug] = _slugify(row.get(self.title_column))

    def import_row(self, row, instance_loader, **kwargs):
        self.row_state = _RowState(number=self.sheet_row(kwargs["row_number"]))
        row_result = super().import_row(row, instance_loader, **kwargs)
        row_result.sheet_row = self.row_state.number
        row_result.stale_since = self.row_state.stale_since
        row_result.stale_gone = self.row_state.gone
        row_result.label = force_str(row.get(self.title_column) or row_result.object_repr or "")
        return row_result

    def import_instance(self, instance, row, **kwargs):
        """Collects the errors of every column, many-to-many ones included, in one go."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for resource_field in self.get_import_fields():
            if resource_field.column_name not in row:
                continue
            widget = resource_field.widget
            if isinstance(widget, widgets.ManyToManyWidget) or resource_field.readonly:
                try:
                    value = resource_field.clean(row, **kwargs)
                except ValueError as error:
                    errors[resource_field.attribute] = [ValidationError(str(error))]
                    continue
                if isinstance(resource_field, ModifiedAtColumn):
                    self.row_state.exported_at = value
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if super().skip_row(instance, original, row, import_validation_errors):
            return True
        exported_at = self.row_state.exported_at
        if import_validation_errors or original is None or not exported_at:
            return False
        if original.pk is None:
            self.row_state.gone = True
        else:
            current = getattr(original, "updated_at", None)
            if not (current and current > exported_at):
                return False
            self.row_state.stale_since = current
        return not (self.dry_run or self.apply_stale)

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = self.change_reason  # shown in the item's history


def _slugify(value):
    from django.utils.text import slugify

    return slugify(force_str(value or ""))
