"""The per-article function: one article in, its rows for the three output tables out.

This is the whole of the work every engine distributes.  It reuses the linter as is:
the plain-text reader builds the Document, ``lint_document`` runs the registered rules,
and the shared analysis (``analyse``) gives claims and sources.  The rule registry is
built once per worker process (:func:`auditor_for`), not once per article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from attrlint.audit.readers import ArticleRecord
from attrlint.audit.sources import SOURCE_KINDS, source_mentions

# Columns the tables always have; metadata columns that clash get a "meta_" prefix.
FINDING_COLUMNS = ("article_id", "rule", "name", "category", "severity", "claim_kind", "message",
                   "start", "end", "line", "column", "claim", "sentence")
ARTICLE_COLUMNS = ("article_id", "characters", "sentences", "claims", "attributed", "vague", "unattributed",
                   "attributed_share", "vague_share", "unattributed_share", "findings", "vague_attributions",
                   "sources", "sources_named", "sources_anonymous", "sources_vague", "sources_cited", "errors")
SOURCE_COLUMNS = ("article_id", "source", "kind", "start", "end")
# One column per claim kind (numeric, factual, quote, ... whatever the analysis and rules
# report): claim sentences of that kind, and findings of category "unattributed" with it.
CLAIMS_KIND_PREFIX = "claims_kind_"
UNATTRIBUTED_KIND_PREFIX = "unattributed_kind_"
KIND_PREFIXES = (CLAIMS_KIND_PREFIX, UNATTRIBUTED_KIND_PREFIX)


@dataclass(frozen=True)
class AuditSettings:
    """What each worker needs to rebuild the linter (small and picklable).

    ``config_file`` is the configuration the client resolved (an absolute path, or None
    for none), so workers on other machines or folders use the same one.
    """

    config_file: str | None = None
    select: str = ""
    ignore: str = ""
    third_party_plugins: bool | None = None  # None follows ATTRLINT_NO_PLUGINS
    no_scorer: bool = False  # the hand-set rules alone (scorer = false)


@dataclass
class ChunkRows:
    """Rows for the three tables from a chunk of articles."""

    findings: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)

    def extend(self, other: ChunkRows) -> None:
        self.findings.extend(other.findings)
        self.articles.extend(other.articles)
        self.sources.extend(other.sources)


class Auditor:
    """The linter as configured: rules, lexicons and analysis options from the profile that
    ``attrlint check`` would use with the same configuration file and --select/--ignore."""

    def __init__(self, settings: AuditSettings):
        from types import SimpleNamespace

        from attrlint.cli.check import cli_overrides
        from attrlint.config.profile import ConfigResolver
        from attrlint.engine.plugins import load_plugins
        from attrlint.engine.registry import build_registry
        from attrlint.readers.plaintext import PlainTextReader

        registry = build_registry(load_plugins(third_party=settings.third_party_plugins))
        self.errors = registry.errors
        overrides = cli_overrides(SimpleNamespace(select=settings.select, ignore=settings.ignore, fail_on=None,
                                                  no_scorer=settings.no_scorer))
        config = Path(settings.config_file) if settings.config_file else None
        self.profile = ConfigResolver(registry, config, isolated=config is None, overrides=overrides).profile_for(".")
        self.rule_codes = frozenset(r.code for r in self.profile.rules)
        self.reader = PlainTextReader()

    def audit(self, record: ArticleRecord) -> ChunkRows:
        from attrlint.engine.linter import lint_document
        from attrlint.engine.rule import RuleContext

        profile = self.profile
        document = self.reader.read(record.id, record.text)
        context = RuleContext(document, profile.lexicons, profile.options, self.rule_codes)
        result = lint_document(document, profile.rules, profile.lexicons, profile.options, context=context)
        result.findings = profile.finish(result.findings)
        analysis = context.analysis
        meta = record.metadata
        rows = ChunkRows()
        for f in result.findings:
            line, column = document.lines.position(f.start)
            rows.findings.append(_with_metadata({
                "article_id": record.id, "rule": f.rule, "name": f.name, "category": f.category,
                "severity": f.severity, "claim_kind": f.claim_kind, "message": f.message,
                "start": f.start, "end": f.end, "line": line, "column": column,
                "claim": document.text[f.start : f.end],
                "sentence": document.text[f.sentence_start : f.sentence_end],
            }, meta, FINDING_COLUMNS))
        mentions = source_mentions(analysis)
        for m in mentions:
            rows.sources.append(_with_metadata({"article_id": record.id, "source": m.text, "kind": m.kind,
                                                "start": m.start, "end": m.end}, meta, SOURCE_COLUMNS))
        rows.articles.append(_with_metadata(_article_row(record, analysis, result, mentions), meta, ARTICLE_COLUMNS))
        return rows


def _article_row(record: ArticleRecord, analysis, result, mentions) -> dict:
    """Claim sentences split by how they are sourced, per kind, next to what the rules flagged."""
    claims = attributed = vague = 0
    kinds: dict[str, int] = {}
    for sa in analysis.sentences:
        if not sa.claim_kind:
            continue
        claims += 1
        kinds[sa.claim_kind] = kinds.get(sa.claim_kind, 0) + 1
        if sa.attributed:
            attributed += 1
        elif sa.vague_cues:
            vague += 1
    unattributed = claims - attributed - vague
    flagged = dict.fromkeys(kinds, 0)
    vague_attributions = 0
    for f in result.findings:
        if f.category == "unattributed":
            kind = f.claim_kind or "other"
            flagged[kind] = flagged.get(kind, 0) + 1
        elif f.category == "vague-attribution":
            vague_attributions += 1
    source_kinds = {k: sum(1 for m in mentions if m.kind == k) for k in SOURCE_KINDS}
    return {
        "article_id": record.id,
        "characters": len(record.text),
        "sentences": len(analysis.sentences),
        "claims": claims,
        "attributed": attributed,
        "vague": vague,
        "unattributed": unattributed,
        "attributed_share": attributed / claims if claims else None,
        "vague_share": vague / claims if claims else None,
        "unattributed_share": unattributed / claims if claims else None,
        "findings": len(result.findings),
        "vague_attributions": vague_attributions,
        "sources": len(mentions),
        **{f"sources_{k}": n for k, n in source_kinds.items()},
        "sources_cited": list(dict.fromkeys(m.text for m in mentions if m.kind != "vague")),
        "errors": "; ".join(result.errors) or None,
        **{CLAIMS_KIND_PREFIX + k: n for k, n in sorted(kinds.items())},
        **{UNATTRIBUTED_KIND_PREFIX + k: n for k, n in sorted(flagged.items())},
    }


def _with_metadata(row: dict, metadata: dict, reserved: tuple[str, ...]) -> dict:
    """The row followed by the article's metadata columns (renamed if they clash)."""
    for key, value in metadata.items():
        name = key
        while name in reserved or name in row or name.startswith(KIND_PREFIXES):
            name = f"meta_{name}"
        row[name] = value
    return row


@cache
def auditor_for(settings: AuditSettings) -> Auditor:
    """One auditor per process and settings: plugins and lexicons load once."""
    return Auditor(settings)


def audit_chunk(records: list[ArticleRecord], settings: AuditSettings) -> ChunkRows:
    """Audit a chunk of articles (what an engine sends to a worker)."""
    auditor = auditor_for(settings)
    rows = ChunkRows()
    for record in records:
        rows.extend(auditor.audit(record))
    return rows
