from core.site import ContentAppConfig


class ThrowawayConfig(ContentAppConfig):
    name = "tests.throwaway"
    label = "throwaway"
    verbose_name = "Ateliers (essai)"
