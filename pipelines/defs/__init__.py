"""Thin Dagster wrappers around the domain logic and the store; loaded by pipelines/definitions.py."""
