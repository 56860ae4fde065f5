"""The Spanish catalogue is complete and well-formed; the language is chosen as documented;
money and dates are written for the language in tables only (docs/language.md)."""

from __future__ import annotations

import io
import re
from collections import Counter
from decimal import Decimal
from gettext import GNUTranslations
from pathlib import Path

import pytest

from clientarea_cli.cli.language import choose, config_path
from clientarea_cli.i18n import formats, set_language
from clientarea_cli.i18n.catalog import compile_mo, parse_po, po_path
from tests.support.catalog_keys import all_keys, missing, po_entry

PLACEHOLDER = re.compile(r"\{([^{}:!]*(?:![rsa])?)[^{}]*\}")  # the spec may differ: a date order


@pytest.fixture
def spanish() -> object:
    set_language("es")
    yield
    set_language("en")


def test_every_message_help_text_and_heading_has_a_spanish_translation() -> None:
    absent = missing("es")
    entries = "\n".join(po_entry(k, where) for k, where in absent.items())
    assert absent == {}, (
        "add these to src/clientarea_cli/i18n/es.po "
        f"(`python -m tests.support.catalog_keys es` lists them):\n{entries}"
    )


def test_the_extraction_finds_every_kind_of_text() -> None:
    keys = all_keys()
    assert keys["EXPIRY DATE"] == "Domain"  # a heading
    assert keys["hint: {hint}"].startswith("clientarea_cli/cli/errors.py:")  # a marked message
    assert "List domains, soonest expiry first." in keys  # a command's help, first paragraph
    assert keys["Targets"] == "clientarea domains renew"  # a help panel
    assert "domains" in keys  # the `what` of a listing


def test_translations_keep_the_placeholders_of_the_english_text() -> None:
    catalogue = parse_po(po_path("es").read_text(encoding="utf-8"))
    wrong = {
        msgid: msgstr
        for msgid, msgstr in catalogue.items()
        if msgid and Counter(PLACEHOLDER.findall(msgid)) != Counter(PLACEHOLDER.findall(msgstr))
    }
    assert wrong == {}


def test_po_compiles_to_what_stdlib_gettext_reads() -> None:
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: a.py:1\nmsgid "due"\nmsgstr "vence"\n\n'
        'msgid "two\\n"\n"lines"\nmsgstr "dos\\n"\n"líneas"\n\n'
        '#, fuzzy\nmsgid "guess"\nmsgstr "adivinanza"\n\n'
        'msgid "empty"\nmsgstr ""\n\n'
        'msgid "{n} domain"\nmsgid_plural "{n} domains"\nmsgstr[0] "{n} dominio"\n'
        'msgstr[1] "{n} dominios"\n'
    )
    entries = parse_po(po)
    assert "guess" not in entries  # fuzzy: not a translation yet
    assert "empty" not in entries
    catalogue = GNUTranslations(io.BytesIO(compile_mo(entries)))
    assert catalogue.gettext("due") == "vence"
    assert catalogue.gettext("two\nlines") == "dos\nlíneas"
    assert catalogue.gettext("guess") == "guess"
    assert catalogue.ngettext("{n} domain", "{n} domains", 2) == "{n} dominios"


def test_a_broken_po_line_is_named() -> None:
    with pytest.raises(ValueError, match="line 2: unknown keyword"):
        parse_po('msgid "a"\nmsgtxt "b"\n')


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        ([], {}, "en"),
        ([], {"LANG": "es_ES.UTF-8"}, "es"),
        ([], {"LANG": "es_MX"}, "es"),
        ([], {"LANG": "C.UTF-8"}, "en"),
        ([], {"LANG": "fr_FR.UTF-8"}, "en"),
        ([], {"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es"),
        ([], {"LANG": "es_ES.UTF-8", "LC_ALL": "C"}, "en"),
        ([], {"LANG": "es_ES.UTF-8", "CLIENTAREA_LANG": "en"}, "en"),
        (["--lang", "es"], {"LANG": "C"}, "es"),
        (["domains", "list", "--lang=en"], {"LANG": "es_ES.UTF-8"}, "en"),
        (["--", "--lang", "es"], {}, "en"),
    ],
)
def test_the_language_comes_from_the_option_then_the_locale(
    argv: list[str], env: dict[str, str], expected: str
) -> None:
    assert choose(argv, env) == expected


def test_config_lang_comes_before_the_locale_and_the_profile_before_the_file(
    tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'current_profile = "demo"\nlang = "es"\n'
        '[profiles.demo]\nurl = "sandbox:"\n'
        '[profiles.work]\nurl = "sandbox:"\nlang = "en"\n'
    )
    env = {"CLIENTAREA_CONFIG": str(config), "LANG": "en_GB.UTF-8"}
    assert choose([], env) == "es"
    assert choose(["-p", "work"], env) == "en"
    assert choose([], {**env, "CLIENTAREA_PROFILE": "work"}) == "en"
    assert choose(["--lang", "es", "-p", "work"], env) == "es"
    config.write_text("not toml [")
    assert choose([], env) == "en"  # a broken file is reported by the command that reads it


def test_the_config_path_is_the_config_stores(monkeypatch: pytest.MonkeyPatch) -> None:
    from clientarea_cli.config.paths import config_file

    assert config_path() == config_file()
    monkeypatch.delenv("XDG_CONFIG_HOME")
    assert config_path() == config_file()


def test_money_and_dates_in_spanish(spanish: object) -> None:
    import datetime as dt

    assert formats.money(Decimal("9.95"), "EUR") == "9,95 €"
    assert formats.money(Decimal("1234.50"), "EUR") == "1234,50 €"
    assert formats.money(Decimal("12345.00"), "EUR") == "12.345,00 €"
    assert formats.money(Decimal("-102.46"), "EUR") == "-102,46 €"
    assert formats.money(Decimal("1234567"), "USD") == "1.234.567 US$"
    assert formats.money(Decimal("5.5"), "MXN") == "5,5 MXN"
    assert formats.date(dt.date(2026, 12, 4)) == "04/12/2026"
    assert formats.timestamp(dt.datetime(2026, 12, 4, 9, 5)) == "04/12/2026 09:05"


def test_money_and_dates_in_english_are_unchanged() -> None:
    import datetime as dt

    assert formats.money(Decimal("12345.00"), "EUR") == "12345.00 EUR"
    assert formats.date(dt.date(2026, 12, 4)) == "2026-12-04"
