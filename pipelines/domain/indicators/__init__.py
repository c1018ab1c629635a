"""Economic indicator extraction from Chinese regional news text (pure domain code).

Public API: ``extract``, ``Indicator``, ``EXTRACTOR_VERSION``, ``load_metric_catalogue``,
``canonical_metric_id``, ``Metric``.
"""

from __future__ import annotations

from .extract import extract
from .metrics import Metric, canonical_metric_id, load_metric_catalogue
from .model import CONTRACT_FIELDS, Indicator

EXTRACTOR_VERSION = "2026.11.26-21"

__all__ = [
    "CONTRACT_FIELDS",
    "EXTRACTOR_VERSION",
    "Indicator",
    "Metric",
    "canonical_metric_id",
    "extract",
    "load_metric_catalogue",
]
