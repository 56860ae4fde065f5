"""`clientarea domains nameservers|child-ns|contacts|dns|epp`: what hangs off one domain."""

from __future__ import annotations

import typer

nameservers_app = typer.Typer(help="Show or set a domain's name servers.", no_args_is_help=True)
child_ns_app = typer.Typer(
    help="Register child name servers (glue records) under a domain.", no_args_is_help=True
)
contacts_app = typer.Typer(
    help="Show or set a domain's registrant, admin, tech and billing contacts.",
    no_args_is_help=True,
)
dns_app = typer.Typer(help="Manage the DNS records of a domain's zone.", no_args_is_help=True)
