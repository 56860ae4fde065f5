"""Texts carried in data (a model's `warnings`): English in the data, translated where shown.

JSON never depends on the language, and warnings are fields of the models JSON is made from. So a
warning is built with `carried(template, **values)`: the model gets the English text, and the
template is remembered. Where the text is printed (the renderer), `shown(text)` finds the template
it came from and formats the template's translation with the same values; a text no template
made is looked up whole (a constant marked with `N_`), else printed as is. Values are inserted
as given (already text: an amount, a card's label, an ISO date).
"""

from __future__ import annotations

import re

from clientarea_cli.i18n import DEFAULT, _, language

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_templates: dict[str, re.Pattern[str]] = {}
_most_specific_first: list[tuple[str, re.Pattern[str]]] = []
"""The templates by their literal text, longest first: `recurring on (method {id})` is tried
before `recurring on ({method})`, which would match the same text."""


def carried(template: str, **values: object) -> str:
    """The English text of `template` with `values`, for a model's field (marks the template)."""
    if template not in _templates:
        _templates[template] = pattern = _pattern(template)
        _most_specific_first.append((template, pattern))
        _most_specific_first.sort(key=lambda tp: -len(_PLACEHOLDER.sub("", tp[0])))
    return template.format(**values)


def shown(text: str) -> str:
    """`text` in the chosen language, if a template made it or the catalogue has it whole."""
    if language() == DEFAULT:
        return text
    for template, pattern in _most_specific_first:
        match = pattern.fullmatch(text)
        if match:
            return _(template).format(**match.groupdict())
    return _(text)


def _pattern(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)  # literal, name, literal, name, …, literal
    seen: set[str] = set()
    regex = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex += re.escape(part)
        elif part in seen:
            regex += f"(?P={part})"
        else:
            seen.add(part)
            regex += f"(?P<{part}>.+?)"
    return re.compile(regex, re.S)
