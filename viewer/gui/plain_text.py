"""Archive text on its way into Qt: always shown as the characters it is.

Item text and plain-text labels never interpret markup, but a tooltip does: Qt shows a string as
rich text whenever `Qt.mightBeRichText` says so, so a story holding `<img src=file:///…>` would
load and show a local file in its tooltip. `tooltip()` therefore hands Qt rich text of its own
that displays the story's characters literally. `shown()` neutralises bidi control characters
(one visible mark for one control, so offsets into the text stay valid): a U+202E in a title
must not reverse the rest of its row or label.
"""

from __future__ import annotations

import html

from viewer.archive import neutralise_bidi


def shown(text: str | None) -> str:
    """Story text as a label, an item or a painted string shows it."""
    return neutralise_bidi(text or "")


def tooltip(text: str | None) -> str | None:
    """A tooltip showing `text` literally, laid out as a plain-text tooltip is (line breaks
    and spaces kept, lines not wrapped: a wrapped rich-text tooltip is a narrow column); None
    for no text, so no empty tooltip appears."""
    if not text:
        return None
    escaped = html.escape(shown(text), quote=False)
    return f'<p style="white-space:pre">{escaped}</p>'
