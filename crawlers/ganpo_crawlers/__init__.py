"""The Scrapy project: spiders for 上饶日报 and 赣南日报, site profiles, the raw archive and the local replicas."""
