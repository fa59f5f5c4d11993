"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

``::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``.  GitHub
decodes ``%25``, ``%0D`` and ``%0A`` in the message, and additionally ``%3A`` and ``%2C``
in property values (where ``:`` and ``,`` would end the value); an unescaped newline in a
message would cut the annotation short.  Columns are 1-based code points.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrlint.formats.per_file import LineFormatter
from attrlint.formats.records import finding_record

# GitHub has no "info" annotation; "notice" is the quiet one.
_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}"


class GitHubFormatter(LineFormatter):
    @staticmethod
    def lines(result) -> Iterator[str]:
        for f in result.findings:
            r = finding_record(f, result)
            yield annotation(
                _COMMAND.get(f.severity, "warning"), f.message,
                file=result.path, line=r["line"], col=r["column"],
                endLine=r["end_line"], endColumn=r["end_column"], title=f"{f.rule} {f.name}",
            ) + "\n"
