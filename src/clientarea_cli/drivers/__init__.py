"""Provider drivers: each speaks one billing platform's API and returns shared models."""

import sys

# httpx imports its own command-line client (click, rich, pygments: ~45 ms) whenever click is
# installed. We never use it; a None entry makes that optional import fail fast, as designed.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
