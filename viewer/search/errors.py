"""The one error the search package raises on purpose."""

from __future__ import annotations


class QueryError(ValueError):
    """The query cannot be searched; the message says why, in short Simplified Chinese.

    `template` is the message before its `{fields}` are filled from `params`, so a user interface
    can look the template up in its own translations and fill in the same fields.
    """

    def __init__(self, template: str, **params: object) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params
