"""Whether to colour a stream: --color, NO_COLOR, CLICOLOR, CLICOLOR_FORCE/FORCE_COLOR, TERM=dumb."""

from __future__ import annotations

import os
from typing import TextIO


def color_enabled(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never":
        return False
    env = os.environ
    if env.get("NO_COLOR"):
        return False
    if env.get("CLICOLOR_FORCE", "0") != "0" or env.get("FORCE_COLOR"):
        return True
    if env.get("CLICOLOR") == "0" or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
