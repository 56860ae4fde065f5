"""The seeded API keys. Not secrets: the sandbox is a local demo provider."""

from __future__ import annotations

DEMO_API_KEY = "sk_sandbox_demo_0000000000000000"  # Ana García, the demo client
TENANT_B_API_KEY = "sk_sandbox_tenant_b_000000000000"  # Bruno Keller, the second tenant
