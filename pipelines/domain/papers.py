"""The two papers and how their editions are keyed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

PAPERS = ("shangrao", "gannan")
# The city each paper reports on: what 全市/我市 mean in an article that names no city.
HOME_CITIES: dict[str, str] = {"shangrao": "上饶市", "gannan": "赣州市"}
# Editions are dated in Beijing time: day D's edition appears early on D.
TIMEZONE = "Asia/Shanghai"
# 上饶日报's e-paper archive starts on 2003-08-16 (the old Founder skin).
FIRST_EDITION = "2003-08-16"


@dataclass(frozen=True)
class Partition:
    """One edition of one paper: the unit every asset writes whole."""

    edition_date: date
    paper: str

    def params(self) -> dict[str, Any]:
        return {"paper": self.paper, "edition_date": self.edition_date}
