"""``--format jsonl``: one JSON object per finding, one per line, for streaming tools.

Each line is the JSON contract's finding record (docs/json-output.md) with the file's
``path`` added, so a line stands on its own.
"""

from __future__ import annotations

from attrlint.formats.json_stream import write_json_lines
from attrlint.formats.records import finding_record


class JsonLinesFormatter:
    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    def write(self, report) -> None:
        write_json_lines(self.stream, ({"path": result.path, **finding_record(f, result)}
                                       for result in report.files for f in result.findings))
