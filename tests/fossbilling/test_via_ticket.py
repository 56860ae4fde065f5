"""`services cancel|upgrade` on FOSSBilling, whose client API can do neither: exit 6 offering
`--via-ticket`, which opens the ticket FOSSBilling's own client area would (marked as the order's
cancel or upgrade task, read back through the admin API) after showing it and confirming."""

from __future__ import annotations

import pytest

from tests.conftest import CLI
from tests.fossbilling.conftest import FossBilling
from tests.fossbilling.test_tickets import admin_ticket, fb_changed, ticket_ids  # noqa: F401 - a fixture

HOSTING, BOBS_HOSTING = 1, 10
OFFER = "hint: ask for it in a support ticket instead: clientarea services {} --via-ticket\n"


def test_cancel_and_upgrade_exit_6_offering_a_ticket(fb_cli: CLI, fb: FossBilling) -> None:
    cancel = fb_cli("services", "cancel", "1", "--when", "end-of-period", "--yes")
    assert (cancel.exit_code, cancel.stdout, cancel.stderr) == (
        6, "", "error: the fossbilling provider does not support cancelling a service\n"
        + OFFER.format("cancel 1 --when end-of-period"),
    )  # fmt: skip
    plans = fb_cli("services", "upgrade", "1")
    assert (plans.exit_code, plans.stdout, plans.stderr) == (
        6, "", "error: the fossbilling provider does not support moving a service to another "
        "plan\n" + OFFER.format("upgrade 1 --to PLAN"),
    )  # fmt: skip
    quote = fb_cli("services", "upgrade", "1", "--to", "Managed Backup 50GB", "--yes")
    assert (quote.exit_code, quote.stderr) == (
        6, "error: the fossbilling provider does not support moving a service to another "
        "plan\n" + OFFER.format('upgrade 1 --to "Managed Backup 50GB"'),
    )  # fmt: skip
    for verb in ("show", "withdraw"):
        request = fb_cli("services", "cancel-request", verb, "1")
        assert (request.exit_code, request.stdout, request.stderr) == (
            6, "", "error: the fossbilling provider does not support cancelling a service\n"
            "hint: FOSSBilling's staff do it from a ticket\n",
        )  # fmt: skip
    assert ticket_ids(fb) == [1, 2, 3]


PREVIEW = (
    "This ticket goes to Billing:\n"
    "  subject  Cancel service 1 (Shared Hosting Starter for garcia-consulting.es, "
    "garcia-consulting.es)\n"
    "  service  1\n"
)


@pytest.mark.usefixtures("fb_changed")
def test_cancel_via_ticket_opens_the_cancel_task(fb_cli_reset: CLI, fb_reset: FossBilling) -> None:
    args = (
        "services",
        "cancel",
        "1",
        "--when",
        "end-of-period",
        "--reason",
        "Moving",
        "--via-ticket",
    )
    dry = fb_cli_reset(*args, "--dry-run")
    assert (dry.exit_code, dry.stdout) == (0, ""), dry.stderr
    assert dry.stderr.startswith(PREVIEW)
    assert dry.stderr.endswith("dry run: nothing was sent\n")
    unconfirmed = fb_cli_reset(*args)
    assert unconfirmed.exit_code == 2
    assert ticket_ids(fb_reset) == [1, 2, 3]
    done = fb_cli_reset(*args, "--yes")
    assert done.exit_code == 0, done.stderr
    assert done.stderr.endswith("opened ticket 4 (4) to Billing\n")
    row = admin_ticket(fb_reset, 4)
    assert {k: row[k] for k in ("client_id", "support_helpdesk_id", "rel_type", "rel_id",
                                "rel_task", "rel_status")} == {
        "client_id": 1, "support_helpdesk_id": 2, "rel_type": "order", "rel_id": 1,
        "rel_task": "cancel", "rel_status": "pending",
    }  # fmt: skip
    assert row["messages"][0]["content"].startswith("Please cancel service 1 (")
    again = fb_cli_reset(*args, "--yes")
    assert again.exit_code == 1
    assert again.stderr.endswith("We have already received this request\n")
    bobs = fb_cli_reset("services", "cancel", str(BOBS_HOSTING), "--when", "immediate",
                        "--via-ticket", "--yes")  # fmt: skip
    assert (bobs.exit_code, bobs.stdout) == (5, "")
    assert ticket_ids(fb_reset) == [1, 2, 3, 4]


@pytest.mark.usefixtures("fb_changed")
def test_upgrade_via_ticket_names_an_upgradable_plan(
    fb_cli_reset: CLI, fb_reset: FossBilling
) -> None:
    products = fb_reset.seed["products"]
    none_yet = fb_cli_reset("services", "upgrade", "1", "--to", "Managed Backup 50GB",
                            "--via-ticket", "--yes")  # fmt: skip
    assert (none_yet.exit_code, none_yet.stdout) == (2, "")
    assert none_yet.stderr.endswith(
        "error: invalid --to: 'Managed Backup 50GB' is not a plan service 1 can move to\n"
        "hint: FOSSBilling offers it no other plan\n"
    )
    fb_reset.admin("product/update", {"id": products["hosting"], "upgrades": [products["custom"]]})
    moved = fb_cli_reset("services", "upgrade", "1", "--to", "managed backup 50gb",
                         "--via-ticket", "--department", "general", "--yes")  # fmt: skip
    assert moved.exit_code == 0, moved.stderr
    assert "This ticket goes to General:\n" in moved.stderr
    row = admin_ticket(fb_reset, 4)
    assert (row["support_helpdesk_id"], row["rel_task"], str(row["rel_new_value"])) == (
        1, "upgrade", str(products["custom"])
    )  # fmt: skip
