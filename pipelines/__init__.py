"""ganpo-ingest: the Dagster code location and the domain logic it orchestrates."""
