"""Submit a rendered HTML form as a browser would, to test admin screens end to end."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id, action):
        super().__init__(convert_charrefs=True)
        self.form_id, self.action, self.inside, self.data = form_id, action, False, {}
        self._select = self._textarea = None
        self._option_selected = False

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if self.form_id or self.action:
                self.inside = (self.form_id and a.get("id") == self.form_id) or bool(
                    self.action and self.action in a.get("action", "")
                )
            else:  # the page's main form: not the admin's logout button
                self.inside = a.get("id") != "logout-form" and not self.data
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file", "image"):
                self._add(a["name"], a.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select":
            self._select = a["name"]
            self.data.setdefault(self._select, [])
        elif tag == "option" and self._select and "selected" in a:
            self._add(self._select, a.get("value", ""))
        elif tag == "textarea":
            self._textarea = a["name"]
            self._add(self._textarea, "")

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False


def form_data(html, form_id=None, action=None):
    """{name: [values]} of a form (by id, by action, or the main one), as the page shows it."""
    parser = _FormParser(form_id, action)
    parser.feed(html)
    return {k: v if len(v) != 1 else v[0] for k, v in parser.data.items()}
