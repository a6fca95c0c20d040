"""Stage 5, write: build into a fresh folder beside the output and swap it in only when everything worked.

After any failure the previous output is exactly as it was. A marker file
tells a folder this program built from one it must never replace (a typo in
--output must not swap away someone's home folder).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from catalogue.publish.compress import COPIES, copies_of, is_compressed, is_copy

MARKER = ".katalog-build"


class UnsafeOutput(Exception):
    pass


def check_output_folder(output: Path, content_dir: Path) -> None:
    output, content_dir = output.resolve(), content_dir.resolve()
    if output == content_dir or content_dir.is_relative_to(output) or output.is_relative_to(content_dir):
        raise UnsafeOutput(f"Der Ausgabeordner {output} darf nicht der Inhaltsordner sein, ihn enthalten oder in "
                           "ihm liegen.")
    if output.exists() and not output.is_dir():
        raise UnsafeOutput(f"{output} ist eine Datei, kein Ordner. Wählen Sie mit --output einen Ordner.")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise UnsafeOutput(f"Der Ordner {output} enthält Dateien, die nicht von diesem Programm stammen. "
                           "Wählen Sie einen leeren oder neuen Ordner.")


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _staging_folder(output: Path) -> Path:
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-neu-", dir=output.parent))
    staging.chmod(0o777 & ~_umask())  # mkdtemp's 0700 would hide the site from a web server
    return staging


@contextmanager
def atomic_output(output: Path):
    """Yields a staging folder; on success it becomes `output`, on any exception it is removed."""
    output = output.resolve()
    staging = _staging_folder(output)
    try:
        yield staging
        (staging / MARKER).write_text("", encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    replace_output(staging, output)


def replace_output(staging: Path, output: Path) -> None:
    """`staging`, a whole site with its MARKER, becomes `output` in one step; the folder it replaces is deleted in
    the background."""
    if not output.exists():
        staging.rename(output)
        return
    previous = output.parent / f".{output.name}-alt-{staging.name.rsplit('-', 1)[-1]}"
    output.rename(previous)
    try:
        staging.rename(output)
    except BaseException:
        previous.rename(output)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for swapped_out in sorted(output.parent.glob(f".{output.name}-alt-*")):  # this one, and any a crash left
        remove_in_background(swapped_out)


def remove_in_background(folder: Path) -> None:
    """Deletes a folder no longer needed (a swapped-out output folder) in a process of its own: the build need not
    wait for tens of thousands of files to go (seconds on a slow disk, a minute at 10,000 offers)."""
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def partial_output(output: Path):
    """For a build that reuses most of `output` (the build cache): yields a staging folder for what is made
    again, which move_into() then moves into `output`. On any exception before that, `output` is as it was."""
    output = output.resolve()
    staging = _staging_folder(output)
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_files(staging: Path, output: Path, paths: list[str]) -> None:
    """These files of `staging` (paths from its root) replace their namesakes in `output`, each in one step, and
    their compressed copies with them."""
    for path in paths:
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        _replace_with_copies(staging / path, output / path)


def _replace_with_copies(new: Path, old: Path) -> None:
    """`new` takes the place of `old`, and its compressed copies those of `old`; a copy that `old` has and `new`
    has not goes (a build without --compress after one with it)."""
    os.replace(new, old)
    for suffix in COPIES if is_compressed(new.name) else ():
        if Path(f"{new}{suffix}").exists():
            os.replace(f"{new}{suffix}", f"{old}{suffix}")
        else:
            Path(f"{old}{suffix}").unlink(missing_ok=True)


def move_into(staging: Path, output: Path, stale: set[str], named_by_content=lambda path: False) -> list[str]:
    """Every file of `staging` replaces its namesake in `output`, and the `stale` files (paths in `output` that
    the build no longer makes) are deleted, with folders left empty. Returns the paths of the files moved.
    A file whose name is made from its bytes (`named_by_content` of its path: Pagefind's) is left where it is
    when `output` has it already.

    Not one atomic step like atomic_output's swap: the build cache forgets its record first, so a build stopped
    in between is followed by a clean one."""
    moved = []
    for folder, _, files in os.walk(staging):
        relative = Path(folder).relative_to(staging)
        (output / relative).mkdir(parents=True, exist_ok=True)
        for name in sorted(files):
            path = (relative / name).as_posix()
            if is_copy(name) or (named_by_content(path) and (output / path).exists()):  # (copies go with their files)
                continue
            _replace_with_copies(Path(folder) / name, output / path)
            moved.append(path)
    for path in sorted(stale, reverse=True):
        target = output / path
        for name in [path, *copies_of(path)]:
            (output / name).unlink(missing_ok=True)
        for parent in target.parents:
            if parent == output or not parent.is_dir() or any(parent.iterdir()):
                break
            parent.rmdir()
    return moved
