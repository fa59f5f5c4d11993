"""``--format json``: one JSON object, contract version 1 (docs/json-output.md)."""

from __future__ import annotations

import json

from attrlint.formats.records import report_record


class JsonFormatter:
    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    def write(self, report) -> None:
        json.dump(report_record(report), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
