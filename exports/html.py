"""Minutes as a self-contained HTML page that prints cleanly or becomes a PDF in a browser.

The markdown is already escaped; raw HTML is also switched off in the parser,
so no user text can ever become a tag.
"""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

_STYLE = """
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 1.8rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #888; padding: .25rem .45rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #eee; }
blockquote { border-left: 4px solid #2a7; margin: .5rem 0; padding: .1rem .8rem; color: #222; }
p, li, td { overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  tr, blockquote { break-inside: avoid; }
  @page { margin: 18mm 16mm; }
}
"""


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def to_html(markdown_text: str, title: str) -> str:
    body = _parser().render(markdown_text)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
