"""What every group of default driver operations shares: the driver's name and NotSupported."""

from __future__ import annotations

from typing import ClassVar

from clientarea_cli.errors import NotSupported


class Stub:
    name: ClassVar[str] = "base"

    def _unsupported(self, operation: str) -> NotSupported:
        return NotSupported(operation, self.name)
