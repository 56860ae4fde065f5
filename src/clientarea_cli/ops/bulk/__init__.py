"""The bulk engine every bulk command reuses: targets → plan → confirm (in cli/) → run, journalled.

- `targets`: which domains a command names (names, ids, `--all`, filters, a file).
- `actions`: what each command does to one domain: its no-op test, its cost, its request.
- `plan`: the list of items with current and desired state, costs and warnings.
- `journal`: SQLite record of every item before and after it is sent, so `--resume` never
  applies an item twice.
- `runner`: bounded thread pool over the driver's one HTTP client, per-item or bulk-endpoint.
"""
