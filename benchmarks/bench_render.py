"""Render: `domains list --all` as a table on 10,000 domains against the same list as JSON.

One served sandbox (127.0.0.1, no added latency) holds 10,000 domains for the demo client. The
table and `-o json` go to the same place, run by run: /dev/null (a pipe gets every column at its
natural width), or a pseudo-terminal of 120 or 80 columns (the table is laid out to fit; the JSON
is written to the same terminal). Goals (issue 12 item 1):
- the table's wall time ≤ 1.5 × the JSON's, piped and on a terminal of 120 and of 80 columns;
- informational, with a loose goal: the piped table against a plain httpx script that fetches
  the same pages and prints the same columns with f-strings (a floor no CLI reaches), and the
  table's peak RSS against the JSON's (both hold every domain: the listing is one sorted list).
"""

from __future__ import annotations

from collections.abc import Iterator

from harness import Bench, Case, Check, Run, time_run

SIZE = 10_000

PLAIN_TABLE = """
import os, sys
import httpx

with httpx.Client(base_url=sys.argv[1],
                  headers={"Authorization": "Bearer " + os.environ["CLIENTAREA_TOKEN"]}) as client:
    rows, page = [], 1
    while True:
        response = client.get("/v1/domains", params={"page": page, "per_page": 1000})
        response.raise_for_status()
        body = response.json()
        rows += body["data"]
        if not body["data"] or len(rows) >= body["meta"]["total"]:
            break
        page += 1
out = []
for d in rows:
    money = d["recurring_amount"]
    recurring = d["recurring"]
    out.append(
        f'{d["name"]:<24}  {d["status"]:<10}  {d["expiry_date"]}  '
        f'{"yes" if d["auto_renew"] else "no":<3}  {"on" if recurring["enabled"] else "off":<12}  '
        f'{money["amount"] + " " + money["currency"]:>12}\\n'
    )
sys.stdout.write("".join(out))
"""


def cases(bench: Bench) -> Iterator[Case | Check]:
    script = bench.work / "plain_table.py"
    script.write_text(PLAIN_TABLE)
    listing = ("domains", "list", "--all")
    with bench.sandbox(domains=SIZE) as sandbox:
        env = {**bench.env, **sandbox.env}
        for label, tty, columns in (
            ("piped", False, "100"),
            ("120-column terminal", True, "120"),
            ("80-column terminal", True, "80"),
        ):
            table = Run([bench.clientarea, *listing], tty=tty)
            json = Run([bench.clientarea, *listing, "-o", "json"], tty=tty)
            yield Case(
                f"{SIZE} domains, table vs -o json, {label}",
                table,
                json,
                goal=1.5,
                runs=9,
                warmup=1,
                env={**sandbox.env, "COLUMNS": columns},
            )
            if tty:
                continue
            rss_table = time_run(table, env)[2]
            rss_json = time_run(json, env)[2]
            yield Check(
                f"{SIZE} domains, peak RSS table ÷ -o json (informational)",
                round(rss_table / rss_json, 2),
                1.25,
                f"({rss_table:.0f} MB vs {rss_json:.0f} MB)",
            )
            yield Case(
                f"{SIZE} domains, table vs plain httpx script (informational)",
                table,
                Run([bench.python, str(script), sandbox.url]),
                goal=3.0,
                runs=5,
                warmup=1,
                env=sandbox.env,
            )
