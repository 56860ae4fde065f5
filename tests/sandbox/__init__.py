"""Tests of the reference provider (the sandbox)."""
