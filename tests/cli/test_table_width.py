"""Tables on a terminal fit its width: ids, numbers, last four, dates and amounts stay whole;
long text is shortened first, lower-value columns go next (docs/output.md)."""

from __future__ import annotations

import pytest

from tests.cli.test_output_options import LIST_AND_SHOW
from tests.conftest import CLI

SCREENS: dict[tuple[int, tuple[str, ...]], str] = {
    (80, ("payment-methods", "list")): (
        "ID  TYPE          BRAND       LAST4  HOLDER       EXPIRY   SERVICES  DOMAINS\n"
        "21  card          visa        4242   Ana García   2026-12  101       garcia-hos…\n"
        "22  card          mastercard  4444   Ana García   2028-05\n"
        "23  bank_account  -           1332   Garcia Hos…  -        102\n"
    ),
    (80, ("services", "list")): (
        "ID   PRODUCT     DOMAIN               STATUS     RECURRING AMOUNT  NEXT DUE DATE\n"
        "101  Hosting P…  garcia-hosting.es    active            12.95 EUR  2026-11-30\n"
        "102  VPS M       anagarcia.com        active           239.40 EUR  2027-09-23\n"
        "103  Email Bus…  tapas-madrid.es      suspended         29.85 EUR  2026-10-27\n"
        "104  Hosting S…  olivar-verde.org     pending           35.70 EUR  2026-11-16\n"
        "105  WordPress…  flamenco-studio.net  cancelled        287.76 EUR  -\n"
        "106  SSL Wildc…  garcia-hosting.es    expired           89.00 EUR  2026-10-23\n"
        "107  DNS Basic   -                    active             0.00 EUR  -\n"
        "108  Website M…  codigo-abierto.dev   active             0.00 EUR  -\n"
    ),
    (80, ("tickets", "list")): (
        "ID   NUMBER      STATUS    PRIORITY  DEPARTMENT   SUBJECT       LAST REPLY AT\n"
        "702  TKT-694285  open      medium    Domains      Transfer ba…  2026-11-21 17:03\n"
        "701  TKT-803420  answered  high      Technical …  info@tapas-…  2026-11-18 10:55\n"
        "703  TKT-455058  closed    low       Billing      Copy of an …  2026-09-24 13:30\n"
    ),
    (80, ("billing", "outlook", "--within", "20d")): (
        "Renewals from 2026-11-22 to 2026-12-12 (before tax)\n"
        "DATE        KIND     ITEM                 AMOUNT  PAID BY       WARNINGS\n"
        "2026-11-22  domain   garcia-hosting.…   9.95 EUR  Visa ···4242\n"
        "2026-11-25  domain   anagarcia.com     12.99 EUR  manual        no recurring pa…\n"
        "2026-11-30  service  Hosting Pro (ga…  12.95 EUR  Visa ···4242\n"
        "2026-11-30  addon    Hosting Pro (ga…   3.00 EUR  Visa ···4242\n"
        "2026-11-30  addon    Hosting Pro (ga…   2.50 EUR  Visa ···4242\n"
        "2026-12-01  domain   tapas-madrid.es    9.95 EUR  manual        no recurring pa…\n"
        "2026-12-06  domain   flamenco-studio…  14.99 EUR  manual        no recurring pa…\n"
        "\n"
        "Totals per month\n"
        "MONTH    CURRENCY  AUTOMATIC     MANUAL      TOTAL\n"
        "2026-11  EUR       28.40 EUR  12.99 EUR  41.39 EUR\n"
        "2026-12  EUR        0.00 EUR  24.94 EUR  24.94 EUR\n"
    ),
    (120, ("payment-methods", "list")): (
        "ID  TYPE          BRAND       LAST4  HOLDER             EXPIRY   VALIDATED  IS DEFAULT  SERVICES  DOMAINS\n"
        "21  card          visa        4242   Ana García         2026-12  yes        yes         101       garcia-hosting.es, co…\n"
        "22  card          mastercard  4444   Ana García         2028-05  no         no\n"
        "23  bank_account  -           1332   Garcia Hosting SL  -        yes        no          102\n"
    ),
    (120, ("services", "list")): (
        "ID   PRODUCT            DOMAIN               STATUS     BILLING CYCLE  RECURRING AMOUNT  NEXT DUE DATE\n"
        "101  Hosting Pro        garcia-hosting.es    active     monthly               12.95 EUR  2026-11-30\n"
        "102  VPS M              anagarcia.com        active     annually             239.40 EUR  2027-09-23\n"
        "103  Email Business     tapas-madrid.es      suspended  quarterly             29.85 EUR  2026-10-27\n"
        "104  Hosting Start      olivar-verde.org     pending    semiannually          35.70 EUR  2026-11-16\n"
        "105  WordPress Managed  flamenco-studio.net  cancelled  biennially           287.76 EUR  -\n"
        "106  SSL Wildcard       garcia-hosting.es    expired    annually              89.00 EUR  2026-10-23\n"
        "107  DNS Basic          -                    active     free                   0.00 EUR  -\n"
        "108  Website Migration  codigo-abierto.dev   active     one_time               0.00 EUR  -\n"
    ),
    (120, ("tickets", "list")): (
        "ID   NUMBER      STATUS    PRIORITY  DEPARTMENT         SUBJECT                                       LAST REPLY AT\n"
        "702  TKT-694285  open      medium    Domains            Transfer barcelona-bikes.eu to a new owner    2026-11-21 17:03\n"
        "701  TKT-803420  answered  high      Technical Support  info@tapas-madrid.es is not receiving e-mail  2026-11-18 10:55\n"
        "703  TKT-455058  closed    low       Billing            Copy of an invoice with our tax id            2026-09-24 13:30\n"
    ),
    (120, ("billing", "outlook", "--within", "20d")): (
        "Renewals from 2026-11-22 to 2026-12-12 (before tax)\n"
        "DATE        KIND     ITEM                                     AMOUNT  PAID BY       WARNINGS\n"
        "2026-11-22  domain   garcia-hosting.es                      9.95 EUR  Visa ···4242\n"
        "2026-11-25  domain   anagarcia.com                         12.99 EUR  manual        no recurring payment: the renewal i…\n"
        "2026-11-30  service  Hosting Pro (garcia-hosting.es)       12.95 EUR  Visa ···4242\n"
        "2026-11-30  addon    Hosting Pro (garcia-hosting.es): Da…   3.00 EUR  Visa ···4242\n"
        "2026-11-30  addon    Hosting Pro (garcia-hosting.es): De…   2.50 EUR  Visa ···4242\n"
        "2026-12-01  domain   tapas-madrid.es                        9.95 EUR  manual        no recurring payment: the renewal i…\n"
        "2026-12-06  domain   flamenco-studio.net                   14.99 EUR  manual        no recurring payment: the renewal i…\n"
        "\n"
        "Totals per month\n"
        "MONTH    CURRENCY  AUTOMATIC     MANUAL      TOTAL\n"
        "2026-11  EUR       28.40 EUR  12.99 EUR  41.39 EUR\n"
        "2026-12  EUR        0.00 EUR  24.94 EUR  24.94 EUR\n"
    ),
}


@pytest.mark.parametrize(("width", "args"), list(SCREENS), ids=str)
def test_whole_screens_at_80_and_120_columns(
    demo: CLI, monkeypatch: pytest.MonkeyPatch, width: int, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = demo(*args, tty=True)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == SCREENS[width, args]


# Documents (announcements, articles, e-mails, ticket threads) end in prose the terminal wraps.
PROSE = {("announcements", "show"), ("kb", "show"), ("emails", "show"), ("tickets", "show")}
TABLES = [a for a in LIST_AND_SHOW if len(a) > 1 and a[:2] not in PROSE]


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("args", TABLES, ids=" ".join)
def test_every_list_and_show_fits_the_terminal(
    demo: CLI, monkeypatch: pytest.MonkeyPatch, width: int, args: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = demo(*args, tty=True)
    assert result.exit_code == 0, result.stderr
    too_wide = [line for line in result.stdout.splitlines() if len(line) > width]
    assert too_wide == []


def test_a_pipe_gets_every_column_whole(demo: CLI) -> None:
    piped = demo("tickets", "list")
    assert piped.stdout.splitlines()[2] == (
        "701  TKT-803420  answered  high      Technical Support  "
        "info@tapas-madrid.es is not receiving e-mail  2026-11-18 10:55"
    )
