"""``--format jsonl``: one JSON object per finding, one per line, for streaming tools.

Each line is the JSON contract's finding record (docs/json-output.md) with the file's
``path`` added, so a line stands on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.formats.json_stream import encode_record, write_json_lines
from attrlint.formats.per_file import LineFormatter
from attrlint.formats.records import finding_record


class JsonLinesFormatter(LineFormatter):
    @staticmethod
    def lines(result) -> Iterator[str]:
        return (encode_record(record) + "\n" for record in _records(result))

    def write_file(self, result) -> None:
        write_json_lines(self.stream, _records(result))  # in chunks, as the whole report is written


def _records(result) -> Iterator[dict]:
    return ({"path": result.path, **finding_record(f, result)} for f in result.findings)
