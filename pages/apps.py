from core.site import ContentAppConfig


class PagesConfig(ContentAppConfig):
    name = "pages"
    verbose_name = "Pages et actualités"
