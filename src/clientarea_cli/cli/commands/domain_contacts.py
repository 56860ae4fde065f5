"""`clientarea domains contacts show|set`: a domain's WHOIS contacts (registered by
`domain_records` on its `contacts_app`)."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from clientarea_cli.cli import values
from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import DomainArg, NoHeadersOpt, OutputOpt, columns_of
from clientarea_cli.i18n import _
from clientarea_cli.models.choices import CONTACT_ROLES

if TYPE_CHECKING:
    from clientarea_cli.models.domain_records import DomainContacts
    from clientarea_cli.output.render import Renderer

FIELDS = "Contact fields (replace the chosen roles' values)"


def _field(help_text: str) -> Any:
    return typer.Option(help=help_text, rich_help_panel=FIELDS)


def show(
    ctx: typer.Context,
    domain: DomainArg,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("RoleContact")] = None,
    no_headers: NoHeadersOpt = False,
) -> None:
    """Show the registrant, admin, tech and billing contacts: a row per role.

    With -o json the answer is the four contacts by role (the API's shape).

    Example: clientarea domains contacts show example.es
    """
    from clientarea_cli.models.domain_records import RoleContact
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns, no_headers)
    contacts = ops.get_contacts(app_ctx.driver(), domain)
    if renderer.fmt in ("json", "jsonl") and not renderer.columns:
        renderer.one(contacts)
    else:
        renderer.listing(ops.contact_rows(contacts), RoleContact, what="contacts")


def _read(path: Path) -> tuple[str, str]:
    from clientarea_cli.errors import UsageError

    if str(path) == "-":
        return sys.stdin.read(), "standard input"
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(_("cannot read {path}: {exc}").format(path=path, exc=exc)) from None


def _show_changes(renderer: "Renderer", domain: str, changes: list[tuple[str, Any, Any]]) -> None:
    from clientarea_cli.output.cells import cell

    lines = [f"Changes to the contacts of {domain}:"]
    lines += [f"  {key}: {cell(old)} -> {cell(new)}" for key, old, new in changes]
    renderer.notice("\n".join(lines))


def set_(
    ctx: typer.Context,
    domain: DomainArg,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            help="registrant, admin, tech, billing or all (repeatable).",
            metavar="ROLE",
            autocompletion=values.choices((*CONTACT_ROLES, "all")),
        ),
    ] = None,
    from_contact: Annotated[
        int | None,
        typer.Option(help="Copy this contact of the account (by its id).", metavar="ID"),
    ] = None,
    from_account: Annotated[
        bool, typer.Option("--from-account", help="Copy the account holder's details.")
    ] = False,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help='JSON: one contact\'s fields, or {"registrant": {...}, ...}; - for stdin.',
            metavar="FILE",
            allow_dash=True,
        ),
    ] = None,
    first_name: Annotated[str | None, _field("First name.")] = None,
    last_name: Annotated[str | None, _field("Last name.")] = None,
    company: Annotated[str | None, _field("Company ('' for none).")] = None,
    email: Annotated[str | None, _field("E-mail address.")] = None,
    phone: Annotated[
        str | None, _field("Phone, +CC.NUMBER (+34 600 123 456 is converted).")
    ] = None,
    address1: Annotated[str | None, _field("Street address.")] = None,
    address2: Annotated[str | None, _field("Second address line ('' for none).")] = None,
    city: Annotated[str | None, _field("City.")] = None,
    state: Annotated[str | None, _field("State or province ('' for none).")] = None,
    postcode: Annotated[str | None, _field("Postal code.")] = None,
    country: Annotated[str | None, _field("ISO country code, such as ES.")] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Show the changes and what would be sent; change nothing."),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("RoleContact")] = None,
) -> None:
    """Change some of the domain's contacts: shows the changes, then asks (--yes to skip).

    Choose the roles with --role (or a file naming them), a source with --from-contact ID, --from-account or --file, and/or single fields such as --email; the fields not given keep their current values.

    Example: clientarea domains contacts set example.es --role tech --from-contact 12
    """
    from clientarea_cli.cli.commands.domain_records import confirm
    from clientarea_cli.errors import UsageError
    from clientarea_cli.models.choices import CONTACT_ROLES
    from clientarea_cli.models.domain_records import RoleContact
    from clientarea_cli.ops import domain_records as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output, columns)
    # Everything that can be checked without the provider, first (a bad --columns included: it
    # would be found only after the change).
    if not dry_run:
        renderer.check_columns(RoleContact)
    overrides = ops.check_fields({
        "first_name": first_name, "last_name": last_name, "company": company, "email": email,
        "phone": phone, "address1": address1, "address2": address2, "city": city,
        "state": state, "postcode": postcode, "country": country,
    })  # fmt: skip
    roles = ops.parse_roles(role or [])
    given = {"--from-contact": from_contact is not None, "--from-account": from_account,
             "--file": file is not None}  # fmt: skip
    sources = [name for name, present in given.items() if present]
    if len(sources) > 1:
        raise UsageError(_("choose one source: {names}").format(names=" or ".join(sources)))
    by_role: dict[str, dict[str, Any]] = {}
    whole: dict[str, Any] | None = None
    if file is not None:
        data = ops.read_contacts_file(*_read(file))
        if any(key in CONTACT_ROLES for key in data):
            if roles:
                raise UsageError(_("--role does not go with a file that names the roles"))
            by_role = {key: dict(value) for key, value in data.items()}
        else:
            whole = dict(data)
    if not by_role and not roles:
        raise UsageError(
            _("say which contacts to change with --role (registrant, admin, tech, billing or all)")
        )
    if not by_role and whole is None and not overrides and not sources:
        raise UsageError(
            _(
                "nothing to change: give --from-contact, --from-account, --file or fields such as --email"
            )
        )

    driver = app_ctx.driver()
    if from_contact is not None:
        whole = ops.fields_from_contact(ops.find_account_contact(driver, from_contact))
    elif from_account:
        whole = ops.fields_from_account(driver.get_account())
    if not by_role:
        by_role = {name: dict(whole or {}) for name in roles}
    current = ops.get_contacts(driver, domain)
    new = ops.new_contacts(current, by_role, overrides)
    changes = ops.contacts_diff(current, new)
    if not changes:
        renderer.notice(
            _("nothing to change: the contacts of {domain} already are so").format(domain=domain)
        )
        return
    if dry_run:
        _dry_run(renderer, domain, changes, new)
        return
    _show_changes(renderer, domain, changes)
    confirm(
        app_ctx,
        yes,
        _("Change {count} field(s) of the contacts of {domain}?").format(
            count=len(changes), domain=domain
        ),
    )
    saved = ops.set_contacts(driver, domain, new)
    _render(renderer, saved)


def _dry_run(
    renderer: "Renderer", domain: str, changes: list[tuple[str, Any, Any]], new: "DomainContacts"
) -> None:
    if renderer.is_table:
        from clientarea_cli.output.cells import cell

        lines = [f"{key}: {cell(old)} -> {cell(after)}" for key, old, after in changes]
        renderer.stdout.write("\n".join(lines) + "\n")
    else:
        renderer.one(new)
    renderer.notice(
        _("dry run: nothing was sent; the contacts of {domain} would change so").format(
            domain=domain
        )
    )


def _render(renderer: "Renderer", contacts: "DomainContacts") -> None:
    from clientarea_cli.models.domain_records import RoleContact
    from clientarea_cli.ops import domain_records as ops

    if renderer.fmt in ("json", "jsonl") and not renderer.columns:
        renderer.one(contacts)
    else:
        renderer.listing(ops.contact_rows(contacts), RoleContact, what="contacts")
