"""Economic indicator extraction from Chinese regional news text (pure domain code).

Public API: ``extract``, ``extract_articles``, ``Indicator``, ``EXTRACTOR_VERSION``, ``load_metric_catalogue``,
``canonical_metric_id``, ``Metric``.
"""

from __future__ import annotations

from pipelines.native import current_build

# the same modules compiled with mypyc, when built from these very sources (see pipelines/native.py): looked up
# before the source files beside this one
if (_compiled := current_build()) is not None:
    __path__.insert(0, str(_compiled))

from .batch import ArticleFailure, extract_articles
from .extract import extract
from .metrics import Metric, canonical_metric_id, load_metric_catalogue
from .model import CONTRACT_FIELDS, Indicator

EXTRACTOR_VERSION = "2026.11.26-281"

__all__ = [
    "ArticleFailure",
    "CONTRACT_FIELDS",
    "EXTRACTOR_VERSION",
    "Indicator",
    "Metric",
    "canonical_metric_id",
    "extract",
    "extract_articles",
    "load_metric_catalogue",
]
