"""Local replicas of the live sites (paper.srxww.com, szb.gnrbs.cn, www.newskj.com), served on 127.0.0.1.

`manifest` says what is served for a date (pure); `site` renders pages; `server.serve_replicas()` runs
one HTTP server per host. `python -m ganpo_crawlers.replica` serves them in the foreground.
"""
