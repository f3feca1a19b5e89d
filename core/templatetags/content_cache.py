"""`{% cached "name" var… %}…{% endcached %}`: a fragment rendered once per value of the
variables and content version, kept by `core.cache.cached` (see there)."""

from django import template

from core.cache import cached

register = template.Library()


class CachedNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        key = ":".join([self.name, *(str(v.resolve(context)) for v in self.vary_on)])
        return cached(f"fragment:{key}", lambda: self.nodelist.render(context))


@register.tag("cached")
def do_cached(parser, token):
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError("{% cached %} needs a quoted fragment name.")
    nodelist = parser.parse(("endcached",))
    parser.delete_first_token()
    return CachedNode(nodelist, bits[1][1:-1], [parser.compile_filter(b) for b in bits[2:]])
