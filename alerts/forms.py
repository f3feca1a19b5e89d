from django import forms

from projects.models import PriorityLever, Project

from .models import Topic

HONEYPOT = "site_web"


class SubscriptionForm(forms.Form):
    """An address and one topic (« news », « meetings », « lever:<slug> », « project:<slug> »),
    plus a field people never see and robots fill in."""

    email = forms.EmailField(
        label="Votre adresse électronique",
        max_length=254,
        error_messages={
            "required": "Indiquez votre adresse électronique.",
            "invalid": "Cette adresse électronique n'est pas valide : vérifiez-la "
            "(par exemple prenom.nom@exemple.fr).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topic = forms.ChoiceField(
        label="Ce que vous voulez suivre",
        error_messages={
            "required": "Choisissez ce que vous voulez suivre.",
            "invalid_choice": "Choisissez ce que vous voulez suivre dans la liste.",
        },
    )
    site_web = forms.CharField(
        label="Ne pas remplir ce champ",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.levers = {lever.slug: lever for lever in PriorityLever.objects.published()}
        self.projects = {p.slug: p for p in Project.objects.published().order_by("title")}
        self.fields["topic"].choices = [
            (Topic.NEWS.value, Topic.NEWS.label),
            (Topic.MEETINGS.value, Topic.MEETINGS.label),
            (
                "Un levier prioritaire",
                [(f"lever:{slug}", str(lever)) for slug, lever in self.levers.items()],
            ),
            ("Un projet", [(f"project:{slug}", p.title) for slug, p in self.projects.items()]),
        ]

    @property
    def is_robot(self):
        return bool(self.data.get(HONEYPOT))

    def clean_email(self):
        local, _, domain = self.cleaned_data["email"].rpartition("@")
        return f"{local}@{domain.lower()}"

    def chosen_topic(self):
        """{kind, lever, project} for the chosen topic."""
        kind, _, slug = self.cleaned_data["topic"].partition(":")
        return {
            "kind": kind,
            "lever": self.levers.get(slug) if kind == Topic.LEVER else None,
            "project": self.projects.get(slug) if kind == Topic.PROJECT else None,
        }
