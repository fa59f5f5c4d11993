"""The pre-commit hook, run for real: ``pre-commit try-repo <this checkout> attrlint``.

pre-commit builds the hook's virtualenv by pip-installing this checkout (hatchling comes
from the package index), once per module; the two drafts then run against it.  On a
checkout with uncommitted changes try-repo lints against a shadow commit of them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra (pip install -e '.[test]')")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)
if not (ROOT / ".git").exists():
    pytest.skip(f"{ROOT} is not a git checkout (pre-commit try-repo needs one)", allow_module_level=True)

UNATTRIBUTED = "# Border\n\nThe army sent 14,000 troops to the border.\n"
CLEAN = "# Border\n\nThe army sent 14,000 troops to the border, the defence ministry said.\n"


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(tmp_path, home, draft: str):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("PRE_COMMIT", None)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "draft.md").write_text(draft, encoding="utf-8")
    subprocess.run(["git", "add", "draft.md"], cwd=repo, check=True, env=env)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "attrlint",
         "--files", "draft.md", "--color", "never"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hook_fails_on_an_unattributed_figure(tmp_path, pre_commit_home):
    proc = _try_repo(tmp_path, pre_commit_home, UNATTRIBUTED)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "draft.md:3:15: ATR001" in out
    assert "Found 1 finding" not in out, "no per-run summary under pre-commit"


def test_hook_passes_on_a_clean_draft(tmp_path, pre_commit_home):
    proc = _try_repo(tmp_path, pre_commit_home, CLEAN)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out


OLD_STORY = ("# Border\n\nThe army sent 14,000 troops to the border.\n\n"
             "The country spent $4 billion on weapons last year.\n")


def test_diff_hook_reports_only_the_staged_changes(tmp_path, pre_commit_home):
    """``attrlint-diff`` on a commit that edits one paragraph of an old story: only the
    edited paragraph's finding fails the commit; an unrelated staged edit passes."""
    repo = tmp_path / "archive"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    env.pop("PRE_COMMIT", None)

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, check=True, env=env, capture_output=True)

    def try_repo():
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "attrlint-diff",
                               "--color", "never"], cwd=repo, env=env, capture_output=True, text=True, timeout=600)

    git("init", "-q")
    (repo / "2019 story.md").write_text(OLD_STORY, encoding="utf-8")
    git("add", "-A")
    git("commit", "-q", "-m", "old story")
    (repo / "2019 story.md").write_text(OLD_STORY.replace("$4 billion", "$5 billion"), encoding="utf-8")
    git("add", "-A")
    proc = try_repo()
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "2019 story.md:5:19: ATR001" in out
    assert "2019 story.md:3:" not in out, "the untouched paragraph's finding is not reported"

    git("commit", "-q", "--no-verify", "-m", "figure")
    (repo / "2019 story.md").write_text(OLD_STORY.replace("$4 billion", "$5 billion").replace(
        "# Border", "# At the border"), encoding="utf-8")
    git("add", "-A")
    proc = try_repo()
    assert proc.returncode == 0, proc.stdout + proc.stderr
