"""The import and export screens of the admin, in French, with the checks of `spreadsheets`.

Import: the editor sends a file, sees every problem at once or a preview (rows changed
since the export flagged), then confirms, ticking a box to apply those flagged rows too.
Export: French column names, a file named `projets-AAAA-MM-JJ.xlsx`, a « Tout sélectionner »
box that works under the CSP (a static script, no inline handler).
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ImportForm, SelectableFieldsExportForm

from core.spreadsheets import FORMATS, SheetReadError

EMPTY_FORMAT = ("", "d'après l'extension du fichier")


def plural(count, singular, plural_form):
    return f"{count} {singular if count < 2 else plural_form}"


def when(moment):
    moment = timezone.localtime(moment)
    return f"{date_format(moment, 'j F Y')} à {moment:%H:%M}"


def why(row):
    """Why a row was held back, in the editor's words."""
    if row.stale_since:
        return f"fiche modifiée le {when(row.stale_since)}"
    return "fiche introuvable : supprimée, ou son adresse a changé"


class SpreadsheetImportForm(ImportForm):
    """The format is taken from the file's extension unless chosen; no script needed."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        upload = self.fields["import_file"]
        upload.label = "Fichier à importer"
        upload.help_text = "Un classeur Excel (.xlsx) ou un fichier CSV, par exemple un export."
        upload.widget.attrs = {"accept": ".xlsx,.csv"}
        choices = [choice for choice in self.fields["format"].choices if choice[0] != ""]
        self.fields["format"] = forms.ChoiceField(
            label="Format", choices=[EMPTY_FORMAT, *choices], required=False
        )

    @property
    def media(self):
        return forms.Media()

    def clean(self):
        data = super().clean()
        upload = data.get("import_file")
        if upload and not data.get("format"):
            extension = upload.name.rsplit(".", 1)[-1].lower()
            for index, file_format in enumerate(self.formats):
                if file_format().get_extension() == extension:
                    data["format"] = str(index)
                    break
            else:
                self.add_error(
                    "import_file", "Format non reconnu : envoyez un fichier .xlsx ou .csv."
                )
        return data


class SpreadsheetConfirmForm(ConfirmImportForm):
    apply_stale = forms.BooleanField(
        label="Appliquer aussi les lignes modifiées depuis l'export",
        label_suffix="",
        required=False,
    )


class SpreadsheetExportForm(SelectableFieldsExportForm):
    """Columns offered under their spreadsheet names; Excel chosen unless changed."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.fields["format"].label = "Format du fichier"
        self.fields["format"].choices = [c for c in self.fields["format"].choices if c[0] != ""]
        self.fields["format"].initial = "0"

    def _get_field_label(self, resource, field_name):
        column = resource.fields.get(field_name)
        return capfirst(column.column_name) if column else field_name

    @property
    def media(self):
        return super().media + forms.Media(js=["js/admin-spreadsheet-export.js"])


class SpreadsheetAdminMixin(ImportExportMixin):
    """Import (preview, every error at once, stale rows held back) and export, in French."""

    formats = FORMATS
    import_template_name = "import_export/import.html"
    export_template_name = "import_export/export.html"
    import_form_class = SpreadsheetImportForm
    confirm_form_class = SpreadsheetConfirmForm
    export_form_class = SpreadsheetExportForm

    def get_export_filename(self, request, queryset, file_format):
        resource = self.get_export_resource_classes(request)[0]
        today = timezone.localdate().isoformat()
        return f"{resource.file_name()}-{today}.{file_format.get_extension()}"

    def get_import_context_data(self, **kwargs):
        resource = self.resource_classes[0]()
        columns = [(c.column_name, getattr(c, "help", "")) for c in resource.columns()]
        return {"columns": columns}

    def get_import_data_kwargs(self, **kwargs):
        form = kwargs.get("form")
        data = super().get_import_data_kwargs(**kwargs)
        data["apply_stale"] = bool(form is not None and form.cleaned_data.get("apply_stale"))
        return data

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, SheetReadError):
            form.add_error("import_file", str(e))
        else:
            form.add_error(
                "import_file",
                "Ce fichier n'a pas pu être lu : vérifiez qu'il s'agit d'un classeur Excel "
                "(.xlsx) ou d'un fichier CSV et que le format choisi correspond.",
            )

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except FileNotFoundError:  # confirmed twice, or the temporary file is gone
            messages.error(
                request,
                "Ce fichier n'est plus disponible (il a peut-être déjà été importé) : "
                "envoyez-le à nouveau.",
            )
            return redirect(self._import_url())

    def process_result(self, result, request):
        """The data changed between preview and confirmation: say so, nothing is written."""
        if result.has_errors() or result.has_validation_errors():
            messages.error(request, "Rien n'a été importé : corrigez les lignes signalées.")
            form_class = self.get_import_form_class(request)
            form = form_class(self.get_import_formats(), self.get_import_resource_classes(request))
            context = {
                **self.admin_site.each_context(request),
                **self.get_import_context_data(),
                "title": "Importer",
                "form": form,
                "opts": self.model._meta,
                "result": result,
            }
            return TemplateResponse(request, [self.import_template_name], context)
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        stale = result.skipped_stale_rows
        unchanged = result.totals["skip"] - len(stale)
        messages.success(
            request,
            f"Import terminé ({self.model._meta.verbose_name_plural}) : "
            f"{plural(result.totals['new'], 'nouveau', 'nouveaux')}, "
            f"{result.totals['update']} mis à jour, "
            f"{plural(unchanged, 'inchangé', 'inchangés')}.",
        )
        if stale:
            rows = ", ".join(f"ligne {row.sheet_row} « {row.label} » ({why(row)})" for row in stale)
            messages.warning(
                request,
                f"{plural(len(stale), 'ligne non appliquée', 'lignes non appliquées')}, "
                f"leur fiche ayant changé depuis l'export : {rows}. Pour les appliquer, "
                "importez à nouveau le fichier et cochez « Appliquer aussi les lignes "
                "modifiées depuis l'export ».",
            )

    def _import_url(self):
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_import")
