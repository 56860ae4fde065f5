"""`clientarea contacts …` against the embedded sandbox: whole outputs, e-mail kinds and the
billing flag, validation naming the field, conflicts, tenant isolation; the server read back."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CLI
from tests.support import sandbox_db


def contacts() -> list[dict[str, object]]:
    return sandbox_db.rows("SELECT * FROM contacts ORDER BY id")


def test_list(demo: CLI) -> None:
    result = demo("contacts", "list")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "ID  FIRST NAME  LAST NAME  EMAIL                       EMAIL KINDS       IS BILLING\n"
        "11  Marta       Ruiz       facturas@garcia-hosting.es  invoice, domain   yes\n"
        "12  Jordi       Puig       jordi@garcia-hosting.es     support, product  no\n"
    )
    csv = demo("contacts", "list", "-o", "csv", "--columns", "id,email_kinds,is_billing")
    assert (
        csv.stdout
        == 'id,email_kinds,is_billing\n11,"invoice, domain",true\n12,"support, product",false\n'
    )


def test_add(demo: CLI) -> None:
    result = demo(
        "contacts", "add", "--first-name", "Eva", "--last-name", "Soler", "--email",
        "eva@example.com", "--phone", "+34 611 000 111", "--country", "es", "--email-kinds",
        "support", "--email-kinds", "invoice,general", "--billing", "-o", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "id": 14, "first_name": "Eva", "last_name": "Soler", "company": None,
        "email": "eva@example.com", "phone": "+34.611000111", "address1": None, "city": None,
        "postcode": None, "country": "ES", "email_kinds": ["general", "invoice", "support"],
        "is_billing": True,
    }  # fmt: skip
    assert contacts()[-1]["email_kinds"] == '["general", "invoice", "support"]'


def test_add_dry_run(demo: CLI) -> None:
    before = contacts()
    result = demo("contacts", "add", "--first-name", "Eva", "--last-name", "Soler", "--email",
                  "eva@example.com", "--email-kinds", "all", "--dry-run")  # fmt: skip
    assert result.exit_code == 0
    assert "email kinds  general, invoice, support, product, domain, affiliate\n" in result.stdout
    assert result.stderr == "dry run: nothing was sent; this contact would be added\n"
    assert contacts() == before


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--first-name", "Eva", "--last-name", "Soler"), "error: a new contact needs --email\n"),
        (("--first-name", "Eva", "--last-name", "Soler", "--email", "eva@"),
         "error: invalid --email: 'eva@' is not an e-mail address\n"),
        (("--first-name", "Eva", "--last-name", "Soler", "--email", "e@x.es", "--email-kinds", "spam"),
         "error: invalid --email-kinds: 'spam' is not a kind of e-mail\n"
         "hint: use general, invoice, support, product, domain, affiliate, all or none\n"),
        (("--first-name", "Eva", "--last-name", "Soler", "--email", "e@x.es", "--country", "Spain"),
         "error: invalid --country: 'Spain' is not an ISO 3166-1 alpha-2 country code\nhint: such as ES\n"),
        (("--first-name", "Eva", "--last-name", "Soler", "--email", "e@x.es", "--phone", "12"),
         "error: invalid --phone: '12' has no country code\nhint: with its country code, such as +34.911234567 or +34 600 123 456\n"),
        (("--first-name", "", "--last-name", "Soler", "--email", "e@x.es"),
         "error: invalid --first-name: it cannot be empty\n"),
    ],
)  # fmt: skip
def test_add_bad_input_exits_2_and_adds_nothing(
    demo: CLI, args: tuple[str, ...], error: str
) -> None:
    before = contacts()
    result = demo("contacts", "add", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error)
    assert contacts() == before


def test_add_same_email_is_refused(demo: CLI) -> None:
    before = contacts()
    result = demo("contacts", "add", "--first-name", "J", "--last-name", "P", "--email",
                  "jordi@garcia-hosting.es")  # fmt: skip
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: the provider refused: contact 12 already has the address jordi@garcia-hosting.es\n"
    )
    assert contacts() == before


def test_update_diff_and_confirm(demo: CLI) -> None:
    before = contacts()
    dry = demo("contacts", "update", "12", "--email-kinds", "all", "--billing", "--dry-run")
    assert dry.stdout == (
        "email_kinds: support, product -> general, invoice, support, product, domain, affiliate\n"
        "is_billing: no -> yes\n"
    )
    assert dry.stderr == "dry run: nothing was sent; contact 12 would change so\n"
    asked = demo("contacts", "update", "12", "--city", "Girona")
    assert (asked.exit_code, asked.stderr) == (
        2, "Changes to contact 12:\n  city: Barcelona -> Girona\n"
        "error: confirmation required: run again with --yes (no terminal to ask on)\n",
    )  # fmt: skip
    assert contacts() == before
    done = demo("contacts", "update", "12", "--email-kinds", "none", "--city", "Girona", "--yes",
                "-o", "json")  # fmt: skip
    assert done.exit_code == 0, done.stderr
    updated = json.loads(done.stdout)
    assert (updated["email_kinds"], updated["city"]) == ([], "Girona")
    same = demo("contacts", "update", "12", "--city", "Girona")
    assert same.stderr == "nothing to change: contact 12 already is so\n"


def test_remove(demo: CLI) -> None:
    asked = demo("contacts", "remove", "12")
    assert asked.exit_code == 2
    dry = demo("contacts", "remove", "12", "--dry-run")
    assert dry.stderr == (
        "dry run: nothing was sent; contact 12 (Jordi Puig <jordi@garcia-hosting.es>) would be removed\n"
    )
    done = demo("contacts", "remove", "12", "--yes")
    assert (done.exit_code, done.stdout) == (0, "")
    assert done.stderr == "removed contact 12 (Jordi Puig <jordi@garcia-hosting.es>)\n"
    assert [c["id"] for c in contacts() if c["client_id"] == 1] == [11]


def test_remove_a_contact_paying_domains_is_refused(demo: CLI) -> None:
    before = contacts()
    result = demo("contacts", "remove", "11", "--yes")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: contact 11 is the billing contact of the recurring payment of 7 domain(s): "
        "costa-brava.eu, fundacion-luz.org, garcia-consulting.com, green-energy.eu, "
        "mercado-local.es, …\n"
        "hint: choose another contact for them first (`clientarea domains recur … --contact`)\n"
    )
    assert contacts() == before


@pytest.mark.parametrize(
    "args",
    [("update", "13", "--city", "Bern", "--yes"), ("remove", "13", "--yes"),
     ("update", "99", "--city", "Bern", "--yes"), ("remove", "99", "--yes")],
)  # fmt: skip
def test_another_clients_or_unknown_contact_exits_5(demo: CLI, args: tuple[str, ...]) -> None:
    before = contacts()
    result = demo("contacts", *args)
    contact_id = args[1]
    assert (result.exit_code, result.stdout) == (5, "")
    assert result.stderr == (
        f"error: contact {contact_id} not found\nhint: see `clientarea contacts list`\n"
    )
    assert contacts() == before
