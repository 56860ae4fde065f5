"""Translated text through stdlib gettext: `_()` marks and translates a message, `N_()` only marks.

English is the source language and the default: while it is chosen, `_()` returns its argument and
no catalogue is read, so `--help` and Tab stay one Python start-up. The CLI chooses the language
once per process (cli/language.py: --lang, config, LC_ALL/LC_MESSAGES/LANG) and calls
`set_language`; every layer may import this module (it is a leaf: stdlib only). Messages carrying
values are marked with placeholders and formatted after translation:

    raise NotFound(_("no domain {name!r} in this account").format(name=name))

The catalogue is `i18n/<lang>.po`, compiled in memory on first use (catalog.py); a test fails when
a marked message, a help text or a table heading has no translation. docs/language.md tells how to
add one.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs ~8 ms to import, and --help imports this module

if TYPE_CHECKING:
    from gettext import NullTranslations

LANGUAGES = ("en", "es")
DEFAULT = "en"


class _State:
    """The process's language (one per run: the CLI sets it before printing anything)."""

    language = DEFAULT
    translations: NullTranslations | None = None


_state = _State()


def set_language(language: str) -> None:
    """Choose the language of everything printed from now on ("en" or "es")."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _state.language = language
    if language == DEFAULT:
        _state.translations = None
    else:
        from clientarea_cli.i18n.catalog import translations

        _state.translations = translations(language)


def language() -> str:
    return _state.language


def _(message: str) -> str:
    """The message in the chosen language (the English text itself when it has no translation)."""
    translations = _state.translations
    return message if translations is None else translations.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    translations = _state.translations
    if translations is None:
        return singular if count == 1 else plural
    return translations.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """`message` translated in `context` (a `.po` msgctxt): the same English word can need two
    Spanish ones, e.g. a status agreeing with its noun (`paid` invoice: pagada)."""
    translations = _state.translations
    return message if translations is None else translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined; translate it with `_()` where used."""
    return message
