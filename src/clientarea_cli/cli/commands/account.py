"""`clientarea account …`: the account's details, password, security question, e-mail
verification, and the password-reset request (which needs no login).

Secrets never come from argv: passwords and the security answer come from hidden prompts on a
terminal, or one per line on standard input.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from clientarea_cli.cli.context import AppContext
from clientarea_cli.cli.options import OutputOpt, columns_of
from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from clientarea_cli.models import FieldChange
    from clientarea_cli.output.render import Renderer

app = typer.Typer(
    help="Your account: details, password, security question, e-mail verification.",
    no_args_is_help=True,
)

YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Show what would change; send nothing.")]


@app.callback()
def group() -> None:
    """Your account: details, password, security question, e-mail verification."""


@app.command("show")
def show(
    ctx: typer.Context,
    output: OutputOpt = None,
    columns: Annotated[str | None, columns_of("Account")] = None,
) -> None:
    """Show the account: name, company, address, e-mail, currency, verification.

    Example: clientarea account show -o json
    """
    from clientarea_cli.ops import account

    app_ctx = AppContext.of(ctx)
    app_ctx.renderer(output, columns).one(account.show_account(app_ctx.driver()))


def show_changes(
    renderer: "Renderer", title: str, rows: "list[FieldChange]", *, dry_run: bool
) -> None:
    """`field: before -> after` lines: on stdout for a dry run, else on stderr before asking."""
    from clientarea_cli.output.cells import cell

    if not renderer.is_table and dry_run:
        renderer.listing(rows, type(rows[0]), what="changes")
        return
    lines = [f"  {r.field}: {cell(r.before)} -> {cell(r.after)}" for r in rows]
    if dry_run:
        renderer.stdout.write("\n".join(line.strip() for line in lines) + "\n")
    else:
        renderer.notice("\n".join([title, *lines]))


@app.command("update")
def update(
    ctx: typer.Context,
    email: Annotated[
        str | None,
        typer.Option(help="E-mail address (it must be verified again).", show_default=False),
    ] = None,
    first_name: Annotated[str | None, typer.Option(help="First name.", show_default=False)] = None,
    last_name: Annotated[str | None, typer.Option(help="Last name.", show_default=False)] = None,
    company: Annotated[
        str | None, typer.Option(help="Company ('' clears it).", show_default=False)
    ] = None,
    address1: Annotated[
        str | None, typer.Option(help="Street address.", show_default=False)
    ] = None,
    address2: Annotated[
        str | None, typer.Option(help="Second address line ('' clears it).", show_default=False)
    ] = None,
    city: Annotated[str | None, typer.Option(help="City.", show_default=False)] = None,
    state: Annotated[
        str | None, typer.Option(help="State or province ('' clears it).", show_default=False)
    ] = None,
    postcode: Annotated[str | None, typer.Option(help="Postal code.", show_default=False)] = None,
    country: Annotated[
        str | None,
        typer.Option(help="ISO 3166-1 code such as ES.", metavar="CC", show_default=False),
    ] = None,
    phone: Annotated[
        str | None,
        typer.Option(help="+CC.NUMBER or +34 600 123 456 ('' clears it).", show_default=False),
    ] = None,
    tax_id: Annotated[
        str | None,
        typer.Option(help="VAT or tax id such as ESB12345678 ('' clears it).", show_default=False),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(help="Language tag such as es or en.", metavar="LANG", show_default=False),
    ] = None,
    dry_run: DryRunOpt = False,
    yes: YesOpt = False,
    output: OutputOpt = None,
) -> None:
    """Change personal and billing details: shows what changes, then asks (--yes to skip).

    Every field is checked before anything is sent: e-mail, phone (+CC.NUMBER), ISO country, tax id, language. Changing the e-mail address makes the provider send a verification link to the new one.

    Example: clientarea account update --phone "+34 600 111 222" --city Sevilla --postcode 41001
    """
    from clientarea_cli.cli.commands.domain_records import confirm
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import account as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer(output)
    wanted = {
        "email": email, "first_name": first_name, "last_name": last_name, "company": company,
        "address1": address1, "address2": address2, "city": city, "state": state,
        "postcode": postcode, "country": country, "phone": phone, "tax_id": tax_id,
        "language": language,
    }  # fmt: skip
    checked = ops.checked_changes(wanted)
    if not checked:
        raise UsageError(_("nothing to change: give fields such as --email, --phone or --country"))
    driver = app_ctx.driver()
    body, rows = ops.account_diff(ops.show_account(driver), checked)
    if not body:
        renderer.notice(_("nothing to change: the account already is so"))
        return
    if dry_run:
        show_changes(renderer, "", rows, dry_run=True)
        renderer.notice(_("dry run: nothing was sent; the account would change so"))
        return
    show_changes(renderer, "Changes to the account:", rows, dry_run=False)
    confirm(
        app_ctx,
        yes,
        _("Change {count} field(s) of the account?").format(count=len(rows)),
    )
    updated = ops.update_account(driver, body)
    renderer.one(updated)
    if "email" in body:
        renderer.notice(
            _("{email} is not verified yet: open the link the provider e-mailed to it").format(
                email=updated.email
            )
        )


@app.command("password")
def password(ctx: typer.Context) -> None:
    """Change the client-area password: current and new from hidden prompts, or two lines on standard input.

    The new password must be 8 to 128 characters mixing three of lower case, upper case, digits and symbols (or be 16 characters or longer), without your name or e-mail address. It is never taken from the command line.

    Example: printf '%s\\n%s\\n' "$OLD" "$NEW" | clientarea account password
    """
    from clientarea_cli.cli.text_input import read_secrets
    from clientarea_cli.ops import account as ops

    app_ctx = AppContext.of(ctx)
    current, new = read_secrets(app_ctx, [("Current password", False), ("New password", True)])
    driver = app_ctx.driver()
    ops.check_new_password(new, ops.show_account(driver))
    ops.change_password(driver, current, new)
    app_ctx.renderer().notice(_("password changed"))


@app.command("security-question")
def security_question(
    ctx: typer.Context,
    question: Annotated[
        str | None,
        typer.Option(help="The question (asked on a terminal when not given).", metavar="TEXT"),
    ] = None,
) -> None:
    """Set the security question; the answer comes from a hidden prompt or standard input.

    Example: echo "Rocinante" | clientarea account security-question --question "Name of your first pet?"
    """
    from clientarea_cli.cli.text_input import read_secrets
    from clientarea_cli.errors import UsageError
    from clientarea_cli.ops import account as ops

    app_ctx = AppContext.of(ctx)
    if question is None:
        if not app_ctx.can_prompt():
            raise UsageError(_("give the question with --question (no terminal to ask on)"))
        question = typer.prompt(_("Security question"), err=True)
    text = ops.security_text(question, "--question")
    (answer,) = read_secrets(app_ctx, [("Answer", True)])
    ops.set_security_question(app_ctx.driver(), text, ops.security_text(answer, "answer"))
    app_ctx.renderer().notice(_("security question set: {text}").format(text=text))


@app.command("verify-email")
def verify_email(
    ctx: typer.Context,
    resend: Annotated[
        bool, typer.Option("--resend", help="Ask the provider to e-mail the link again.")
    ] = False,
) -> None:
    """Say whether the account's e-mail address is verified; --resend asks for the link again.

    Example: clientarea account verify-email --resend
    """
    from clientarea_cli.ops import account as ops

    app_ctx = AppContext.of(ctx)
    renderer = app_ctx.renderer()
    driver = app_ctx.driver()
    account = ops.show_account(driver)
    if account.email_verified:
        typer.echo(_("{email} is verified.").format(email=account.email))
        if resend:
            renderer.notice(_("nothing was sent: the address is already verified"))
        return
    if not resend:
        typer.echo(_("{email} is not verified yet.").format(email=account.email))
        renderer.notice(
            _(
                "hint: open the link the provider e-mailed, or run `clientarea account verify-email --resend`"
            )
        )
        return
    ops.request_email_verification(driver)
    typer.echo(_("A verification link was e-mailed to {email}.").format(email=account.email))


@app.command("reset-password")
def reset_password(
    ctx: typer.Context,
    email: Annotated[str, typer.Argument(help="The account's e-mail address.", metavar="EMAIL")],
) -> None:
    """Ask the provider to e-mail a password-reset link; needs no login (no API key is sent).

    The provider answers the same whether or not an account has the address, so the answer says nothing about who is a customer.

    Example: clientarea account reset-password ana@example.com
    """
    from clientarea_cli.cli.session import open_driver
    from clientarea_cli.ops import account as ops

    app_ctx = AppContext.of(ctx)
    _name, profile = app_ctx.profile()
    debug = app_ctx.debug_line if app_ctx.options.debug else None
    driver = open_driver(profile, "", debug=debug)
    try:
        address = ops.request_password_reset(driver, email)
    finally:
        driver.close()
    typer.echo(
        _(
            "If an account uses {address}, the provider has e-mailed it a link to reset the password."
        ).format(address=address)
    )
