from core.site import ContentAppConfig


class GovernanceConfig(ContentAppConfig):
    name = "governance"
    verbose_name = "Gouvernance et territoire"
