"""Browse the site like a visitor: follow every internal link from the home page."""

import html
import re
from collections import deque

HREF = re.compile(r'href="(/[^"#?]*)(?:[?#][^"]*)?"')
SKIP = ("/static/", "/media/", "/admin/")


def page_text(markup: str) -> str:
    """Visible text, unescaped, with typographic apostrophes and spaces normalised."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text)


def crawl(client, start="/"):
    """{path: response} for every page reachable by links from `start`."""
    seen, queue = {}, deque([start])
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path, follow=True)
        seen[path] = response
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            for link in HREF.findall(response.text):
                if not link.startswith(SKIP) and link not in seen:
                    queue.append(link)
    return seen
