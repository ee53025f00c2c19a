"""The one error the search package raises on purpose."""

from __future__ import annotations

import unicodedata

from viewer.text import neutralise_bidi

# A value quoted in a message is cut after this many characters (a whole pasted page is no help).
MAX_QUOTED = 30


def quoted(value: object) -> object:
    """A value as a one-line message may quote it: control characters (a line break in a pasted
    date) written as escapes, bidi controls neutralised, long text cut. Non-strings unchanged."""
    if not isinstance(value, str):
        return value
    return one_line(value if len(value) <= MAX_QUOTED else value[: MAX_QUOTED - 1] + "…")


def one_line(text: str) -> str:
    """`text` safe to print as one line: control characters and lone surrogates written as
    Python escapes (\\n, \\x00, \\udcff), bidi controls neutralised."""
    escaped = (repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    return neutralise_bidi("".join(escaped))


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in short Simplified Chinese, on one
    line (values it quotes go through `quoted`).

    `template` is the message before its `{fields}` are filled from `params`, so a user interface
    can look the template up in its own translations and fill in the same fields.
    """

    def __init__(self, template: str, **params: object) -> None:
        params = {key: quoted(value) for key, value in params.items()}
        super().__init__(template.format(**params))
        self.template = template
        self.params = params
