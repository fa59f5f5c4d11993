"""``--format json``: one JSON object, contract version 1 (docs/json-output.md).

Written by :mod:`attrlint.formats.json_stream`: the outline indented, one finding per line.
Under ``--jobs`` each worker encodes the records of the files it lints (``render_file``).
"""

from __future__ import annotations

from attrlint.formats.json_stream import write_json
from attrlint.formats.records import encode_file_records, report_record


class JsonFormatter:
    render_file = staticmethod(encode_file_records)

    def __init__(self, stream, options: dict | None = None):
        self.stream = stream

    def write(self, report) -> None:
        write_json(self.stream, report_record(report, streamed=True))
