"""Pure domain logic: no Dagster, Scrapy or database imports."""
