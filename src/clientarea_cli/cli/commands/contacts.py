"""`clientarea contacts …`: the account's sub-contacts, the e-mails each receives, billing."""

from typing import Annotated

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import EMAIL_KINDS

app = typer.Typer(
    help="Contacts of the account: who receives which e-mails, billing contacts.",
    no_args_is_help=True,
)

ContactArg = Annotated[int, typer.Argument(metavar="CONTACT", help="The contact's id.")]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
DryRunOpt = Annotated[
    bool, typer.Option("--dry-run", help="Show what would be sent; send nothing.")
]
FirstNameOpt = Annotated[str | None, typer.Option(help="First name.", show_default=False)]
LastNameOpt = Annotated[str | None, typer.Option(help="Last name.", show_default=False)]
EmailOpt = Annotated[str | None, typer.Option(help="E-mail address.", show_default=False)]
CompanyOpt = Annotated[str | None, typer.Option(help="Company ('' clears it).", show_default=False)]
PhoneOpt = Annotated[
    str | None,
    typer.Option(help="+CC.NUMBER or +34 600 123 456 ('' clears it).", show_default=False),
]
AddressOpt = Annotated[
    str | None, typer.Option(help="Street address ('' clears it).", show_default=False)
]
CityOpt = Annotated[str | None, typer.Option(help="City ('' clears it).", show_default=False)]
PostcodeOpt = Annotated[
    str | None, typer.Option(help="Postal code ('' clears it).", show_default=False)
]
CountryOpt = Annotated[
    str | None,
    typer.Option(
        help="ISO 3166-1 code such as ES ('' clears it).", metavar="CC", show_default=False
    ),
]
KindsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--email-kinds",
        help="E-mails it receives: general, invoice, support, product, domain, affiliate "
        "(comma-separated or repeated; all; none).",
        metavar="KINDS",
        autocompletion=values.choices((*EMAIL_KINDS, "all", "none")),
    ),
]
BillingOpt = Annotated[
    bool | None,
    typer.Option(
        "--billing/--no-billing", help="Whether invoices may be issued to it.", show_default=False
    ),
]


@app.command("list")
def list_(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Contact")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """List the account's contacts with the e-mails each receives.

    Example: clientarea contacts list --columns id,email,email_kinds,is_billing
    """
    from clientarea_cli.models import Contact
    from clientarea_cli.ops import contacts as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    renderer.listing(ops.list_contacts(app_ctx.driver()), Contact, what="contacts")


@app.command("add")
def add(
    ctx: typer.Context,
    first_name: FirstNameOpt = None,
    last_name: LastNameOpt = None,
    email: EmailOpt = None,
    company: CompanyOpt = None,
    phone: PhoneOpt = None,
    address1: AddressOpt = None,
    city: CityOpt = None,
    postcode: PostcodeOpt = None,
    country: CountryOpt = None,
    email_kinds: KindsOpt = None,
    billing: BillingOpt = None,
    dry_run: DryRunOpt = False,
    output: OutputOpt = None,
) -> None:
    """Add a contact; --first-name, --last-name and --email are required.

    Example: clientarea contacts add --first-name Marta --last-name Ruiz --email marta@example.com --email-kinds invoice,domain --billing
    """
    from clientarea_cli.models import Contact
    from clientarea_cli.ops import contacts as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    fields = {
        "first_name": first_name, "last_name": last_name, "company": company, "email": email,
        "phone": phone, "address1": address1, "city": city, "postcode": postcode,
        "country": country,
    }  # fmt: skip
    body = ops.new_contact(ops.checked_fields(fields, email_kinds, billing))
    if dry_run:
        renderer.one(Contact.model_validate({"id": 0, **body}))
        renderer.notice(_("dry run: nothing was sent; this contact would be added"))
        return
    renderer.one(ops.add_contact(app_ctx.driver(), body))


@app.command("update")
def update(
    ctx: typer.Context,
    contact_id: ContactArg,
    first_name: FirstNameOpt = None,
    last_name: LastNameOpt = None,
    email: EmailOpt = None,
    company: CompanyOpt = None,
    phone: PhoneOpt = None,
    address1: AddressOpt = None,
    city: CityOpt = None,
    postcode: PostcodeOpt = None,
    country: CountryOpt = None,
    email_kinds: KindsOpt = None,
    billing: BillingOpt = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
) -> None:
    """Change a contact: shows what changes, then asks (--yes to skip).

    Example: clientarea contacts update 12 --email-kinds support,product,domain --no-billing
    """
    from clientarea_cli.cli.commands.account import show_changes
    from clientarea_cli.cli.commands.domain_records import confirm
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import contacts as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    fields = {
        "first_name": first_name, "last_name": last_name, "company": company, "email": email,
        "phone": phone, "address1": address1, "city": city, "postcode": postcode,
        "country": country,
    }  # fmt: skip
    body = ops.checked_fields(fields, email_kinds, billing)
    if not body:
        raise UsageError(_("nothing to change: give fields such as --email or --email-kinds"))
    driver = app_ctx.driver()
    current = ops.find_contact(driver, contact_id)
    changes, rows = ops.contact_diff(current, body)
    if not changes:
        renderer.notice(
            _("nothing to change: contact {contact_id} already is so").format(contact_id=contact_id)
        )
        return
    if dry_run:
        show_changes(renderer, "", rows, dry_run=True)
        renderer.notice(
            _("dry run: nothing was sent; contact {contact_id} would change so").format(
                contact_id=contact_id
            )
        )
        return
    show_changes(renderer, f"Changes to contact {contact_id}:", rows, dry_run=False)
    confirm(
        app_ctx,
        yes,
        _("Change {count} field(s) of contact {contact_id}?").format(
            count=len(rows), contact_id=contact_id
        ),
    )
    renderer.one(ops.update_contact(driver, contact_id, changes))


@app.command("remove")
def remove(
    ctx: typer.Context, contact_id: ContactArg, dry_run: DryRunOpt = False, yes: YesOpt = False
) -> None:
    """Remove a contact (refused while it is the billing contact of a domain's recurring payment).

    Example: clientarea contacts remove 12 --yes
    """
    from clientarea_cli.cli.commands.domain_records import confirm
    from clientarea_cli.ops import contacts as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    contact = ops.find_contact(driver, contact_id)
    who = f"{contact.first_name} {contact.last_name} <{contact.email}>"
    if dry_run:
        renderer.notice(
            _("dry run: nothing was sent; contact {contact_id} ({who}) would be removed").format(
                contact_id=contact_id, who=who
            )
        )
        return
    confirm(
        app_ctx,
        yes,
        _("Remove contact {contact_id} ({who})?").format(contact_id=contact_id, who=who),
    )
    ops.remove_contact(driver, contact_id)
    renderer.notice(
        _("removed contact {contact_id} ({who})").format(contact_id=contact_id, who=who)
    )
