"""``--diff``: real git repositories in temporary folders, and diffs on standard input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.conftest import run_cli

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

# Findings: 3:15 ATR001, 3:44 ATR002 (its sentence runs onto line 4), 6:19 ATR001,
# 8:1 ATR002, 10:1 ATR001 (a sentence hard-wrapped over lines 10 and 11).
ARTICLE = """# Border report

The army sent 14,000 troops to the border. Experts say the
shelling killed 300 people.

The country spent $4 billion on weapons last year.

Officials said 70% of the artillery was destroyed.

Some 2,000 families fled the
region last week.
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1"}


class Repo:
    def __init__(self, path):
        self.path = path
        path.mkdir(exist_ok=True)
        self.git("init", "-q")

    def git(self, *args: str) -> str:
        env = {**os.environ, **GIT_ENV, "HOME": str(self.path)}
        return subprocess.run(["git", *args], cwd=self.path, env=env, check=True, capture_output=True,
                              text=True).stdout

    def write(self, name: str, text: str | bytes) -> None:
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, str):
            text = text.encode("utf-8")
        target.write_bytes(text)

    def commit(self, message: str = "change") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def lint(self, *args: str, input: str | bytes | None = None):
        return run_cli(*args, input=input, cwd=self.path, env={"HOME": str(self.path)})

    def findings(self, *args: str, input: str | bytes | None = None) -> tuple[dict, dict]:
        """``({path: [(line, rule), ...]}, report["diff"])`` of a JSON run."""
        proc = self.lint("--format", "json", *args, input=input)
        assert proc.returncode in (0, 1), proc.stderr
        report = json.loads(proc.stdout)
        return ({f["path"]: [(x["line"], x["rule"]) for x in f["findings"]] for f in report["files"]},
                report.get("diff"))


@pytest.fixture
def repo(tmp_path):
    r = Repo(tmp_path / "newsroom")
    r.write("old.md", ARTICLE)
    r.commit("2019 story")
    return r


def test_a_commit_that_edits_one_paragraph_reports_only_that_paragraph(repo):
    repo.write("old.md", ARTICLE.replace("$4 billion", "$5 billion"))
    repo.commit("typo")
    assert repo.findings("--diff", "HEAD~1") == ({"old.md": [(6, "ATR001")]}, {"base": "HEAD~1", "hidden": 4})
    # The same with the path named, and in text: the summary says what was left out.
    proc = repo.lint("--diff", "HEAD~1", "old.md")
    assert proc.returncode == 1
    assert "old.md:6:19: ATR001" in proc.stdout and "old.md:3:" not in proc.stdout
    assert "Found 1 finding (1 warning) in 1 file. 4 findings on unchanged lines not shown (--diff HEAD~1)." \
        in proc.stdout


def test_a_sentence_hard_wrapped_over_lines_counts_when_any_of_its_lines_changed(repo):
    repo.write("old.md", ARTICLE.replace("region last week.", "region last month.").replace(
        "shelling killed 300", "shelling killed 310"))
    found, diff = repo.findings("--diff", "HEAD")
    assert found == {"old.md": [(3, "ATR002"), (10, "ATR001")]}
    assert diff == {"base": "HEAD", "hidden": 3}


def test_nothing_changed_reports_nothing_and_passes(repo):
    proc = repo.lint("--diff")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings in 0 files." in proc.stdout
    assert repo.findings("--diff", "HEAD", "old.md") == ({}, {"base": "HEAD", "hidden": 0})


def test_staged_and_unstaged_edits(repo):
    """A bare --diff is the index against HEAD; the file on disk also has unstaged edits
    (two lines added at the top move the staged line down)."""
    repo.write("old.md", ARTICLE.replace("$4 billion", "$5 billion"))
    repo.git("add", "old.md")
    repo.write("old.md", "Intro, 5,000 troops.\n\n" + ARTICLE.replace("$4 billion", "$5 billion")
               .replace("70%", "80%"))
    assert repo.findings("--diff") == ({"old.md": [(8, "ATR001")]}, {"base": "staged", "hidden": 5})
    assert repo.findings("--diff", "HEAD")[0] == {"old.md": [(1, "ATR001"), (8, "ATR001"), (10, "ATR002")]}


def test_renamed_and_edited_file_follows_the_rename(repo):
    repo.git("mv", "old.md", "renamed.md")
    repo.write("renamed.md", ARTICLE.replace("70%", "75%"))
    repo.git("add", "renamed.md")
    assert repo.git("diff", "--cached", "--name-status", "-M").startswith("R")
    assert repo.findings("--diff") == ({"renamed.md": [(8, "ATR002")]}, {"base": "staged", "hidden": 4})
    repo.commit("rename")
    assert repo.findings("--diff", "HEAD~1")[0] == {"renamed.md": [(8, "ATR002")]}


def test_a_new_file_is_changed_throughout_and_a_deleted_one_is_skipped(repo):
    repo.write("new.md", "# Floods\n\nRescuers pulled 212 people from the river.\n\n"
               "Analysts say 40 bridges collapsed.\n")
    repo.git("add", "new.md")
    repo.git("rm", "-q", "old.md")
    found, diff = repo.findings("--diff")
    assert found == {"new.md": [(3, "ATR001"), (5, "ATR002")]}
    assert diff == {"base": "staged", "hidden": 0}


def test_a_file_moved_unchanged_has_no_changed_lines(repo):
    repo.git("mv", "old.md", "moved.md")
    assert repo.findings("--diff") == ({"moved.md": []}, {"base": "staged", "hidden": 5})


def test_an_untracked_file_is_new_against_a_revision_and_other_files_are_not_linted(repo):
    repo.write("notes.txt", "The army sent 14,000 troops to the border.\n")
    repo.write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    repo.write("drafts/other.md", ARTICLE)
    found, _ = repo.findings("--diff", "HEAD")
    assert set(found) == {"notes.txt", os.path.join("drafts", "other.md")}
    found, _ = repo.findings("--diff", "HEAD", "drafts")  # only the changed files under the paths given
    assert set(found) == {os.path.join("drafts", "other.md")}


def test_binary_files_and_submodules_in_the_diff_are_skipped(repo, tmp_path):
    sub = Repo(tmp_path / "sub")
    sub.write("a.md", "x\n")
    sub.commit()
    repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(sub.path), "vendor")
    repo.write("photo.md", b"\x00\x01binary\x00")
    repo.write("old.md", ARTICLE.replace("$4 billion", "$5 billion"))
    repo.git("add", "-A")
    diff_text = repo.git("diff", "--cached")
    assert "Subproject commit" in diff_text and "Binary files" in diff_text
    assert repo.findings("--diff")[0] == {"old.md": [(6, "ATR001")]}


def test_diff_on_standard_input(repo):
    repo.write("old.md", ARTICLE.replace("$4 billion", "$5 billion"))
    for context in ("--unified=0", "--unified=3"):
        diff = repo.git("diff", context)
        found, record = repo.findings("--diff", "-", input=diff)
        assert found == {"old.md": [(6, "ATR001")]}, context
        assert record == {"base": "-", "hidden": 4}
    # A diff from a tool other than git: no a/ b/ prefixes, a date after a tab.
    plain = ("--- old.md\t2024-01-01 00:00:00\n+++ old.md\t2024-01-02 00:00:00\n"
             "@@ -8 +8 @@\n-Officials said 70% of the artillery was destroyed.\n"
             "+Officials said 70% of the artillery was destroyed.\n")
    assert repo.findings("--diff", "-", input=plain)[0] == {"old.md": [(8, "ATR002")]}


def test_front_matter_title_change(repo):
    article = "---\ntitle: The army sent 14,000 troops to the border\nauthor: Desk\n---\n\n" + ARTICLE
    repo.write("fm.md", article)
    repo.commit()
    repo.write("fm.md", article.replace("14,000 troops to the border\n", "15,000 troops to the border\n", 1))
    found, diff = repo.findings("--diff", "HEAD")
    assert found == {"fm.md": [(2, "ATR001")]}
    assert diff["hidden"] == 5


def test_crlf_file_with_a_bom(repo):
    article = "\ufeff" + ARTICLE.replace("\n", "\r\n")
    repo.write("crlf.md", article)
    repo.commit()
    repo.write("crlf.md", article.replace("region last week", "region last month"))
    found, diff = repo.findings("--diff", "HEAD")
    assert found == {"crlf.md": [(10, "ATR001")]}
    assert diff["hidden"] == 4


def test_html_file(repo):
    page = ("<html><body><article>\n<p>The army sent 14,000 troops.</p>\n"
            "<p>The country spent $4 billion on weapons last year.</p>\n</article></body></html>\n")
    repo.write("page.html", page)
    repo.commit()
    repo.write("page.html", page.replace("14,000", "15,000"))
    assert repo.findings("--diff", "HEAD") == ({"page.html": [(2, "ATR001")]}, {"base": "HEAD", "hidden": 1})


@pytest.mark.parametrize("name", ["my story.md", "café über.md"])
def test_paths_with_a_space_and_non_ascii_letters(repo, name):
    repo.write(name, ARTICLE)
    repo.commit()
    repo.write(name, ARTICLE.replace("$4 billion", "$5 billion"))
    repo.git("add", name)
    assert repo.findings("--diff") == ({name: [(6, "ATR001")]}, {"base": "staged", "hidden": 4})
    assert repo.findings("--diff", name)[0] == {name: [(6, "ATR001")]}
    # git quotes the non-ASCII name ("caf\303\251 \303\274ber.md") in the diff it prints
    assert repo.findings("--diff", "-", input=repo.git("diff", "--cached"))[0] == {name: [(6, "ATR001")]}


def test_a_path_right_after_a_bare_diff_is_a_path_not_a_revision(repo):
    """The pre-commit hook runs ``attrlint --diff FILE...``."""
    repo.write("old.md", ARTICLE.replace("$4 billion", "$5 billion"))
    repo.git("add", "old.md")
    assert repo.findings("--diff", "old.md") == ({"old.md": [(6, "ATR001")]}, {"base": "staged", "hidden": 4})


def test_baselines_and_suppressions_keep_working(repo):
    assert repo.lint("--write-baseline", "baseline.json", "old.md").returncode == 0
    edited = ARTICLE.replace("$4 billion", "$5 billion").replace(
        "Officials said 70%", "<!-- attrlint-disable-next-line ATR002 -->\nOfficials said 71%").replace(
        "to the border.", "to the northern border.")
    repo.write("old.md", edited)
    # Changed: the troops sentence (its figure is baselined), the $5 billion one (a new
    # claim) and the suppressed one; unchanged: line 11's ATR001, which is baselined too.
    found, diff = repo.findings("--diff", "HEAD", "--baseline", "baseline.json", "old.md")
    assert found == {"old.md": [(6, "ATR001")]}
    assert diff == {"base": "HEAD", "hidden": 0}  # baselined findings are not counted as hidden
    found, diff = repo.findings("--diff", "HEAD", "old.md")
    assert found == {"old.md": [(3, "ATR001"), (3, "ATR002"), (6, "ATR001")]}
    assert diff == {"base": "HEAD", "hidden": 1}


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["--diff", "no-such-branch"], None, "attrlint: --diff: unknown revision 'no-such-branch'"),
    (["--diff", "-"], "this is not a diff\n", "attrlint: --diff -: standard input is not a unified diff"),
    (["--diff", "-"], "--- a/old.md\n+++ b/old.md\n@@ -1,3 +1,3 @@\n x\n", "the hunk ends early"),
    (["--diff", "-"], "--- a/old.md\n+++ b/old.md\n@@ -1 +1 @@\n+x\n+y\n", "unexpected line in a hunk"),
    (["--diff", "-"], "--- a/old.md\n+++ b/old.md\n@@ bad @@\n", "malformed hunk header"),
    (["--diff", "-", "-"], "", "the article cannot come from there too"),
    (["--diff", "HEAD", "--write-baseline", "b.json"], None, "--diff and --write-baseline"),
])
def test_errors_are_one_line_with_exit_2(repo, args, stdin, message):
    proc = repo.lint(*args, input=stdin)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_not_a_repository(tmp_path):
    folder = tmp_path / "loose"
    folder.mkdir()
    proc = run_cli("--diff", cwd=folder, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert proc.returncode == 2
    assert proc.stderr == f"attrlint: --diff: {folder} is not in a git repository\n"


def test_no_git(repo, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    proc = run_cli("--diff", "HEAD", cwd=repo.path, env={"PATH": str(empty)})
    assert proc.returncode == 2
    assert proc.stderr.startswith("attrlint: --diff needs git, which is not installed")
    assert len(proc.stderr.splitlines()) == 1
    # A diff on standard input needs no git.
    diff = repo.git("diff", "HEAD")
    assert run_cli("--diff", "-", input=diff, cwd=repo.path, env={"PATH": str(empty)}).returncode == 0


def test_report_subcommand_takes_diff_too(repo):
    repo.write("old.md", ARTICLE.replace("$4 billion", "$5 billion"))
    proc = run_cli("report", "--diff", "HEAD", cwd=repo.path)
    assert proc.returncode == 1, proc.stderr
    assert "$5 billion" in proc.stdout and "$4 billion" not in proc.stdout


# The pieces, in process.


def test_parse_git_headers_quoted_paths_renames_and_deletion_points():
    from attrlint.vcs.unified import parse_diff

    text = (
        'diff --git "a/caf\\303\\251 1.md" "b/caf\\303\\251 2.md"\n'
        "similarity index 90%\nrename from \"caf\\303\\251 1.md\"\nrename to \"caf\\303\\251 2.md\"\n"
        'index 1..2 100644\n--- "a/caf\\303\\251 1.md"\n+++ "b/caf\\303\\251 2.md"\n'
        "@@ -2,2 +2,3 @@\n-old\n+new\n+newer\n ctx\n@@ -9,2 +10,0 @@\n-gone\n-gone too\n"
        "\\ No newline at end of file\n"
        "diff --git a/x y.md b/x y.md\nnew file mode 100644\nindex 0..1\n--- /dev/null\n+++ b/x y.md\t\n"
        "@@ -0,0 +1 @@\n+hello\n"
        "diff --git a/gone.md b/gone.md\ndeleted file mode 100644\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        "diff --git a/empty.md b/empty.md\nnew file mode 100644\nindex 0000000..e69de29\n"
    )
    renamed, new, gone, empty = parse_diff(text)
    assert (renamed.old_path, renamed.path) == ("café 1.md", "café 2.md")
    assert renamed.added == [(2, 3)] and renamed.deleted_after == [10]  # "+10,0": after line 10
    assert (new.path, new.is_new, new.added) == ("x y.md", True, [(1, 1)])
    assert gone.is_deleted and (empty.path, empty.is_new) == ("empty.md", True)


def test_changed_lines_to_offsets_through_sentences():
    from attrlint.vcs.changed import ChangedText, compare

    text = "one two\nthree four. Five\nsix.\n\nseven.\n"
    change = compare("one two\nthree four. FIVE\nsix.\n\nseven.\n", text)
    assert change.added == [(2, 2)]
    changed = ChangedText(text, change)
    line2 = text.index("three")
    assert changed.touches(0, line2 + 1) and not changed.touches(0, line2)
    assert changed.touches(text.index("Five"), text.index("six.") + 4)  # starts on the changed line
    assert not changed.touches(text.index("seven"), len(text))
    # A line only deleted: the sentence that spans the join changed, its neighbours did not.
    new = "A b.\nC d\ng h.\n\nI j.\n"
    joined = ChangedText(new, compare("A b.\nC d\ne f\ng h.\n\nI j.\n", new))
    assert joined.ranges == [] and joined.joins == [new.index("g")]
    assert joined.touches(new.index("C"), new.index("h.") + 2)
    assert not joined.touches(0, 4) and not joined.touches(new.index("I"), new.index("j.") + 2)


def test_staged_lines_follow_unstaged_edits():
    from attrlint.vcs.unified import FileChange, follow

    staged = FileChange("a.md", "a.md")
    staged.added = [(5, 5), (9, 10)]
    staged.deleted_after = [7]
    unstaged = FileChange("a.md", "a.md")
    unstaged.hunks = [(0, 0, 1, 2), (9, 1, 11, 3), (12, 2, 15, 0)]  # 2 lines on top; line 9 -> 3 lines; 12-13 gone
    moved = follow(staged, unstaged)
    assert moved.added == [(7, 7), (11, 14)] and moved.deleted_after == [9]


BORDER = """# Troops move to the border

The army sent 14,000 troops to the border on Monday. Experts say the
shelling has killed 300 people since January.

The country spent $4 billion on weapons last year.

Some 2,000 families fled the region last week, the UN refugee agency said.
"""


def test_readme_and_integrations_show_real_output(tmp_path):
    from tests.conftest import ROOT

    repo = Repo(tmp_path / "demo")
    repo.write("archive/2019/border.md", BORDER)
    repo.commit()
    repo.write("archive/2019/border.md", BORDER.replace(
        "$4 billion on weapons last year", "$4.2 billion on weapons last year, up from 3.1 billion"))
    repo.git("add", "-A")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ attrlint --diff\n", 1)[1].split("```", 1)[0]
    proc = repo.lint("--diff")
    assert proc.stdout == shown
    assert repo.findings("--diff")[1] == {"base": "staged", "hidden": 2}  # as the README says
    repo.commit()
    line = repo.lint("--diff", "HEAD~1", "--format", "github").stdout
    assert line in (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")


def test_first_commit_of_a_new_repository(tmp_path):
    """No HEAD yet: everything staged is new."""
    repo = Repo(tmp_path / "fresh")
    repo.write("first.md", ARTICLE)
    repo.git("add", "first.md")
    found, diff = repo.findings("--diff")
    assert len(found["first.md"]) == 5 and diff == {"base": "staged", "hidden": 0}
