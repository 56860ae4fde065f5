"""What every command gets: global options, a renderer, and the profile's driver, built lazily."""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from typer import _click

from clientarea_cli.i18n import _

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pydantic import BaseModel

    from clientarea_cli.config.store import ConfigStore, Profile
    from clientarea_cli.drivers.base import Driver
    from clientarea_cli.output.render import Renderer

DEFAULT_LIMIT = 100


@dataclass
class GlobalOptions:
    profile: str | None = None
    output: str = "table"
    columns: str | None = None
    no_headers: bool = False
    yes: bool = False
    no_input: bool = False
    debug: bool = False
    color: str = "auto"
    quiet: bool = False
    verbose: bool = False
    query: str | None = None
    lang: str | None = None
    """Only checked here: cli/language.py reads --lang from argv before anything is parsed."""

    def check(self) -> None:
        """Refuse values no command could use (they may come before or after the subcommand)."""
        from clientarea_cli.errors import UsageError
        from clientarea_cli.i18n import LANGUAGES, _

        if self.color not in ("auto", "always", "never"):
            raise UsageError(
                _("invalid value for --color: {value!r} (use auto, always or never)").format(
                    value=self.color
                )
            )
        if self.lang is not None and self.lang.strip().lower() not in LANGUAGES:
            raise UsageError(
                _("invalid value for --lang: {value!r} (use en or es)").format(value=self.lang)
            )


@dataclass
class AppContext:
    options: GlobalOptions
    _driver: Driver | None = field(default=None, init=False)
    _root: _click.Context | None = field(default=None, init=False)
    _profile_name: str | None = field(default=None, init=False)

    @classmethod
    def of(cls, ctx: _click.Context) -> AppContext:
        root = ctx.find_root()
        if not isinstance(root.obj, AppContext):
            root.obj = AppContext(GlobalOptions())
        app_ctx: AppContext = root.obj
        app_ctx._root = root
        return app_ctx

    # -- input ------------------------------------------------------------------------------
    def can_prompt(self) -> bool:
        return not self.options.no_input and sys.stdin.isatty() and sys.stdout.isatty()

    # -- output -----------------------------------------------------------------------------
    def renderer(
        self,
        output: str | None = None,
        columns: str | None = None,
        no_headers: bool = False,
        *,
        inherit_columns: bool = True,
    ) -> Renderer:
        """A renderer with the global options; `inherit_columns=False` for a secondary table
        (billing outlook's totals) that the user's --columns does not describe."""
        from clientarea_cli.output.color import color_enabled
        from clientarea_cli.output.render import Renderer

        chosen = columns or (self.options.columns if inherit_columns else None)
        renderer = Renderer(
            output or self.options.output,
            columns=[c.strip() for c in chosen.split(",") if c.strip()] if chosen else None,
            headers=not (no_headers or self.options.no_headers),
            color=color_enabled(self.options.color, sys.stdout),
            quiet=self.options.quiet,
            verbose=self.options.verbose,
            query=self.options.query,
        )
        renderer.seen = self._seen
        renderer.changed = self._changed
        return renderer

    def _changed(self) -> bool:
        return self._driver is not None and self._driver.made_changes()

    def _seen(self, model: str, items: Sequence[BaseModel]) -> None:
        """Remember the ids a provider just gave, for Tab completion (cli/id_cache.py)."""
        if self._profile_name is None:
            return  # nothing came from a provider
        from clientarea_cli.cli import id_cache

        # A cache: a full disk or a read-only home costs only suggestions.
        with contextlib.suppress(OSError, ValueError):
            id_cache.remember(self._profile_name, model, items)

    def forget_seen(self, model: str, items: Sequence[BaseModel]) -> None:
        """Stop offering ids the provider no longer has (Tab would offer a removed card)."""
        if self._profile_name is None:
            return
        from clientarea_cli.cli import id_cache

        with contextlib.suppress(OSError, ValueError):
            id_cache.forget(self._profile_name, model, items)

    def debug_line(self, line: str) -> None:
        sys.stderr.write(_("[debug] {line}\n").format(line=line))

    # -- provider ---------------------------------------------------------------------------
    def config(self) -> ConfigStore:
        from clientarea_cli.config.store import ConfigStore

        return ConfigStore()

    def profile(self) -> tuple[str, Profile]:
        return self.config().profile(self.options.profile)

    def driver(self) -> Driver:
        """The current profile's driver, built once per process and closed at exit."""
        if self._driver is None:
            from clientarea_cli.cli.session import open_driver, resolve_token

            name, profile = self.profile()
            self._profile_name = name
            token = resolve_token(name, profile)
            self._driver = open_driver(
                profile, token.value, debug=self.debug_line if self.options.debug else None
            )
            if self._root is not None:
                self._root.call_on_close(self.close)
        return self._driver

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
