"""A profile: one configuration turned into what a run needs — the rules, lexicons and
analysis options, per-file ignores, severity overrides and fail level.

:class:`ConfigResolver` finds the configuration for each linted file (the closest one,
or ``--config``, or none with ``--isolated``) and builds one profile per configuration
file, once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from attrlint.analysis.article import AnalysisOptions
from attrlint.analysis.lexicons import Lexicons
from attrlint.config import schema
from attrlint.config.discovery import find_config_file
from attrlint.config.errors import ConfigError
from attrlint.config.globs import path_matches
from attrlint.config.selection import check_codes, matches, normalise, override_severity, select_rules
from attrlint.config.settings import COMMAND_LINE, Settings, load_settings
from attrlint.engine.confidence import filter_by_confidence, resolve_threshold
from attrlint.engine.findings import Finding
from attrlint.pattern_cache import compile_pattern

_CODE_KEYS = ("select", "extend-select", "ignore")
_REGEX_KEYS = ("analysis.exempt", "lexicons.vague-phrases")


class Profile:
    """What applies to one file: its settings, rules, lexicons and analysis options."""

    def __init__(self, settings: Settings, all_rules: dict[str, Any], rules: list, lexicons: Lexicons,
                 options: dict[str, Any]) -> None:
        self.settings = settings
        self.all_rules = all_rules  # code -> rule: registry rules plus house rules
        self.rules = rules  # selected
        self.lexicons = lexicons
        self.options = options
        # A number, or category -> number (the scorer's cross-validated thresholds).
        self.min_confidence = resolve_threshold(settings["min-confidence"], options.get("scorer"))
        # The scored rules skip what would be dropped anyway (a finding object per sentence
        # of an archive, made to be thrown away, was a tenth of the linting time).
        options["min_confidence"] = self.min_confidence

    @property
    def fail_on(self) -> str:
        return self.settings["fail-on"]

    def rules_for(self, path: str) -> list:
        """The selected rules minus those ``per-file-ignores`` drops for ``path``."""
        dropped = [code for glob, codes in self.settings["per-file-ignores"].items()
                   if path_matches(path, glob, self.settings.base_dir) for code in normalise(codes)]
        return [r for r in self.rules if not matches(r.code, dropped)] if dropped else self.rules

    def finish(self, findings: list[Finding]) -> list[Finding]:
        """A file's final findings: severities overridden, those below ``min-confidence``
        dropped (after suppressions have been applied and reviewed, by :func:`lint_document`)."""
        return filter_by_confidence(override_severity(findings, self.settings["severity"]), self.min_confidence)


def build_profile(settings: Settings, registry) -> Profile:
    """Validate rule codes and patterns against the known rules; raise ConfigError."""
    where = str(settings.file) if settings.file else "command line"
    house_rules, house_lexicons = _house_rules(settings, where)
    all_rules = dict(registry.rules)
    for rule in house_rules:
        if rule.code in all_rules:
            raise ConfigError(f"{rule.source_file}: field 'code': {rule.code} is already used by "
                              f"{all_rules[rule.code].name}")
        all_rules[rule.code] = rule
    all_rules = dict(sorted(all_rules.items()))
    for key in _CODE_KEYS:
        check_codes(settings[key] or (), all_rules, _origin(settings, key), key)
    for glob, codes in settings["per-file-ignores"].items():
        check_codes(codes, all_rules, _origin(settings, "per-file-ignores"), f"per-file-ignores.{glob}")
    check_codes(settings["severity"], all_rules, _origin(settings, "severity"), "severity")
    for key in _REGEX_KEYS:
        for pattern in settings[key]:
            try:
                compile_pattern(pattern)
            except regex.error as exc:
                raise ConfigError(f"{_origin(settings, key)}: key '{key}': invalid regular expression "
                                  f"{pattern!r}: {exc}") from None
    _check_model(settings)
    scorer = _scorer(settings)
    extra: dict[str, list[str]] = {k: list(v) for k, v in registry.lexicon_additions.items()}
    for name, entries in house_lexicons.items():
        extra.setdefault(name, []).extend(entries)
    for key in schema.KEYS:
        if key.name.startswith("lexicons."):
            extra.setdefault(key.name.removeprefix("lexicons."), []).extend(settings[key.name])
    analysis = AnalysisOptions(window=settings["analysis.window"],
                               links_are_citations=settings["analysis.links-are-citations"],
                               exempt=tuple(settings["analysis.exempt"]))
    rules = select_rules(all_rules, settings["select"], settings["extend-select"], settings["ignore"])
    options = {"analysis": analysis, "known_codes": frozenset(all_rules), "scorer": scorer}
    return Profile(settings, all_rules, rules, Lexicons(extra=extra), options)


def _house_rules(settings: Settings, where: str) -> tuple[list, dict[str, list[str]]]:
    """The house rules and lexicon entries of the configured rule folders (the
    declarative-rule module is imported only when there are some)."""
    folders = [settings.base_dir / p for p in settings["rule-paths"]]
    if not folders:
        return [], {}
    from attrlint.engine.declarative import load_rule_paths

    house = load_rule_paths(folders, where)
    return house.rules, house.lexicons


def _check_model(settings: Settings) -> None:
    """``model`` must name a file; reading it is the scorer's business."""
    path = settings.model_path
    if path is not None and not path.is_file():
        where = "--model" if settings.origin["model"] == COMMAND_LINE else f"{settings.origin['model']}: key 'model'"
        raise ConfigError(f"{where}: no such file: {path}")


def _scorer(settings: Settings):
    """The model that decides the built-in rules' findings (None with ``scorer = false``:
    the hand-set rules decide alone).  A malformed, foreign or mismatched model file is a
    configuration error: one line, exit 2."""
    if not settings["scorer"]:
        return None
    from attrlint.scoring.model import ModelError, builtin_model, model_at

    path = settings.model_path
    try:
        return builtin_model() if path is None else model_at(str(path))
    except ModelError as exc:
        raise ConfigError(str(exc)) from None


def _origin(settings: Settings, key: str) -> str:
    return settings.origin[key]


class ConfigResolver:
    """The profile for each path, each configuration file read and validated once.

    ``overrides`` are command-line values (``{"select": [...], "fail-on": "error"}``) that
    win over every file.
    """

    def __init__(self, registry, config_file: Path | None = None, isolated: bool = False,
                 overrides: dict[str, Any] | None = None):
        self.registry = registry
        self.config_file = config_file
        self.isolated = isolated
        self.overrides = overrides or {}
        self._files: dict[Path, Path | None] = {}
        self._profiles: dict[Path | None, Profile] = {}
        if config_file is not None and not config_file.is_file():
            raise ConfigError(f"{config_file}: --config: no such file")

    def config_file_for(self, path: str) -> Path | None:
        if self.isolated:
            return None
        if self.config_file is not None:
            return self.config_file.resolve()
        target = Path.cwd() if path == "-" else Path(path)
        folder = target.resolve() if target.is_dir() else _resolved_folder_of(target)
        if folder not in self._files:
            self._files[folder] = find_config_file(folder)
        return self._files[folder]

    def settings_for(self, path: str) -> Settings:
        settings = load_settings(self.config_file_for(path))
        for key, value in self.overrides.items():
            settings.override(key, value)
        return settings

    def profile_for(self, path: str) -> Profile:
        file = self.config_file_for(path)
        if file not in self._profiles:
            self._profiles[file] = build_profile(self.settings_for(path), self.registry)
        return self._profiles[file]


def _resolved_folder_of(file: Path) -> Path:
    """The real folder of a file; for a symlink loop (reported later as a bad input, not an
    internal error) the folder the link is in."""
    try:
        return file.resolve().parent
    except (RuntimeError, OSError):  # RuntimeError up to Python 3.12, OSError (ELOOP) after
        return file.parent.resolve()
