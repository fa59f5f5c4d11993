"""``--format jsonl``: one JSON object per finding, one per line, for streaming tools.

Each line is the JSON contract's finding record (docs/json-output.md) with the file's
``path`` added, so a line stands on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.formats.json_stream import encode_record, write_json_lines
from attrlint.formats.records import finding_record


class JsonLines(str):
    """One file's lines, encoded by the ``--jobs`` worker that linted it."""

    __slots__ = ()


class JsonLinesFormatter:
    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    @staticmethod
    def render_file(result) -> JsonLines:
        return JsonLines("".join(encode_record(record) + "\n" for record in _records(result)))

    def write(self, report) -> None:
        for result in report.files:
            if isinstance(result.rendered, JsonLines):
                self.stream.write(result.rendered)
            else:
                write_json_lines(self.stream, _records(result))


def _records(result) -> Iterator[dict]:
    return ({"path": result.path, **finding_record(f, result)} for f in result.findings)
