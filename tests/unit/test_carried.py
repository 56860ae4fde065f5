"""Warnings carried in data: English in the model, translated where shown (i18n/carried.py);
statuses by their noun's msgctxt (i18n/catalog.py)."""

from __future__ import annotations

import io
from gettext import GNUTranslations

from clientarea_cli.i18n import set_language
from clientarea_cli.i18n.carried import carried, shown
from clientarea_cli.i18n.catalog import compile_mo, parse_po


def test_a_carried_text_is_english_in_the_data_and_spanish_where_shown() -> None:
    text = carried(
        "the card expires ({expiry}) before this date: the charge will fail", expiry="2026-12"
    )
    assert text == "the card expires (2026-12) before this date: the charge will fail"
    assert shown(text) == text  # English: as is
    set_language("es")
    try:
        assert shown(text) == "la tarjeta caduca (2026-12) antes de esta fecha: el cargo fallará"
        assert shown("a text no template made") == "a text no template made"
    finally:
        set_language("en")


def test_a_repeated_placeholder_must_repeat_its_value() -> None:
    text = carried("{n} of {n} left {where}", n=2, where="here")
    assert text == "2 of 2 left here"
    from clientarea_cli.i18n.carried import _templates

    pattern = _templates["{n} of {n} left {where}"]
    assert pattern.fullmatch("2 of 3 left here") is None
    assert pattern.fullmatch(text) is not None


def test_msgctxt_keys_a_translation_by_its_context() -> None:
    po = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "cancelled"\nmsgstr "cancelado"\n'
        'msgctxt "invoice status"\nmsgid "cancelled"\nmsgstr "anulada"\n\n'
        'msgctxt "domain status"\nmsgid "cancelled"\nmsgstr "cancelado"\n'
    )
    catalogue = GNUTranslations(io.BytesIO(compile_mo(parse_po(po))))
    assert catalogue.pgettext("invoice status", "cancelled") == "anulada"
    assert catalogue.pgettext("domain status", "cancelled") == "cancelado"
    assert catalogue.gettext("cancelled") == "cancelado"
    assert catalogue.pgettext("ticket status", "cancelled") == "cancelled"


def test_the_most_specific_template_wins_whatever_the_order_they_were_made_in() -> None:
    general = carried("recurring on ({method})", method="Visa ···4242")
    specific = carried("recurring on (method {id})", id=7)
    both = carried("recurring on ({method}, contact {contact})", method="Visa", contact="Ana")
    set_language("es")
    try:
        assert shown(general) == "pago recurrente activado (Visa ···4242)"
        assert shown(specific) == "pago recurrente activado (método 7)"
        assert shown(both) == "pago recurrente activado (Visa, contacto Ana)"
    finally:
        set_language("en")
