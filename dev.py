"""Set up and run the project with nothing but Python 3.11+:

    python3 dev.py site     virtual environment, dependencies, then build content/ into site/
    python3 dev.py test     the same with the test dependencies, then run all tests
    python3 dev.py serve    build, then preview the site at http://127.0.0.1:8000/

Further arguments are passed on (to build.py or to pytest).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed-from"


def say(text: str) -> None:
    print(f"[dev.py] {text}", flush=True)


def run(*command, **kwargs) -> None:
    subprocess.run([str(part) for part in command], check=True, **kwargs)


def ensure_venv() -> None:
    if PYTHON.exists():
        return
    say(f"Lege die virtuelle Umgebung {VENV.name}/ an …")
    try:
        venv.create(VENV, with_pip=True)
    except (subprocess.CalledProcessError, OSError):
        shutil.rmtree(VENV, ignore_errors=True)
        if not install_debian_packages([f"python3.{sys.version_info.minor}-venv"]):
            sys.exit("Python kann keine virtuelle Umgebung anlegen. Unter Debian/Ubuntu: "
                     f"sudo apt-get install python3.{sys.version_info.minor}-venv")
        venv.create(VENV, with_pip=True)


def install_debian_packages(packages: list[str]) -> bool:
    """Installs Debian packages when we are root on a Debian-like system; False when we cannot."""
    if not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    say(f"Installiere {' '.join(packages)} mit apt-get …")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=environment)
    run("apt-get", "install", "-y", "-qq", *packages, env=environment)
    return True


def ensure_dependencies(extra: str | None) -> None:
    """pip install from pyproject.toml, only when it changed since the last install."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (extra or "").encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say("Installiere die Abhängigkeiten aus pyproject.toml …")
    target = f".[{extra}]" if extra else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target, cwd=ROOT)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        sys.exit("Dieses Projekt braucht Python 3.11 oder neuer.")
    command, rest = (argv[0], argv[1:]) if argv else ("site", [])
    if command not in ("site", "test", "serve"):
        sys.exit(__doc__)
    ensure_venv()
    ensure_dependencies("test" if command == "test" else None)
    if command == "test":
        return subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT).returncode
    built = subprocess.run([str(PYTHON), "build.py", *rest], cwd=ROOT).returncode
    if command == "serve" and built == 0:
        say("Vorschau: http://127.0.0.1:8000/ (beenden mit Strg+C)")
        try:
            run(PYTHON, "-m", "http.server", "8000", "--bind", "127.0.0.1", "--directory", ROOT / "site")
        except KeyboardInterrupt:
            pass
    return built


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
