from django import forms

from projects.models import PriorityLever, Project

from .models import Topic

HONEYPOT = "site_web"


class AddressForm(forms.Form):
    """An address, plus a field people never see and robots fill in."""

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
    site_web = forms.CharField(
        label="Ne pas remplir ce champ",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self):
        return bool(self.data.get(HONEYPOT))

    def clean_email(self):
        local, _, domain = self.cleaned_data["email"].rpartition("@")
        return f"{local}@{domain.lower()}"


def topic_of(subscription):
    """The topic's value in the forms: « news », « lever:<slug> »…"""
    followed = subscription.lever or subscription.project
    return f"{subscription.kind}:{followed.slug}" if followed else subscription.kind


class TopicForm(forms.Form):
    """One topic (« news », « meetings », « lever:<slug> », « project:<slug> ») among the
    published ones, `followed` ones left out."""

    topic = forms.ChoiceField(
        label="Ce que vous voulez suivre",
        error_messages={
            "required": "Choisissez ce que vous voulez suivre.",
            "invalid_choice": "Choisissez ce que vous voulez suivre dans la liste.",
        },
    )

    def __init__(self, *args, followed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.levers = {lever.slug: lever for lever in PriorityLever.objects.published()}
        self.projects = {p.slug: p for p in Project.objects.published().order_by("title")}
        choices = [
            (Topic.NEWS.value, Topic.NEWS.label),
            (Topic.MEETINGS.value, Topic.MEETINGS.label),
            (
                "Un levier prioritaire",
                [(f"lever:{slug}", str(lever)) for slug, lever in self.levers.items()],
            ),
            ("Un projet", [(f"project:{slug}", p.title) for slug, p in self.projects.items()]),
        ]
        followed = set(followed)
        remaining = []
        for value, label in choices:
            if isinstance(label, list):  # a group: « Un projet » and its projects
                label = [choice for choice in label if choice[0] not in followed]
                if label:
                    remaining.append((value, label))
            elif value not in followed:
                remaining.append((value, label))
        self.fields["topic"].choices = remaining

    def chosen_topic(self):
        """{kind, lever, project} for the chosen topic."""
        kind, _, slug = self.cleaned_data["topic"].partition(":")
        return {
            "kind": kind,
            "lever": self.levers.get(slug) if kind == Topic.LEVER else None,
            "project": self.projects.get(slug) if kind == Topic.PROJECT else None,
        }


class SubscriptionForm(AddressForm, TopicForm):
    """The « Recevoir les alertes par courriel » page: an address and a topic to choose."""

    field_order = ["email", "topic", HONEYPOT]


class FollowForm(AddressForm):
    """The compact form on a content page: the page gives the topic. It is only drawn here;
    it posts to the subscription page, where `SubscriptionForm` checks it."""

    topic = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, topic, **kwargs):
        super().__init__(initial={"topic": topic}, auto_id="suivre-%s", **kwargs)
        self.fields["email"].widget.attrs["aria-describedby"] = "suivre-aide"
