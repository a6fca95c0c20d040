"""Set up and run the project with nothing but Python 3.11+:

    python3 dev.py site     virtual environment, dependencies, then build content/ into site/
    python3 dev.py test     the same with the test dependencies and the browser-test tools, then run all tests
    python3 dev.py serve    live preview at http://127.0.0.1:8000/: every saved change shows in the browser
    python3 dev.py screenshots  with the test dependencies and Chromium: the pictures in docs/bilder/ taken anew
                            of content/ (tests/browser/screenshots.py)

Further arguments are passed on (to build.py or to pytest). The catalogue PDF needs system libraries for
WeasyPrint (Pango, HarfBuzz, a sans-serif font, Noto fonts for every other script and the emoji), and the tests
poppler's pdftotext: installed with apt-get when run as root, otherwise named. `python3 dev.py site --no-pdf`
builds without them.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
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
BROWSER_TESTS = ROOT / "tests" / "browser"
NODE_MODULES = BROWSER_TESTS / "node_modules"
NODE_STAMP = NODE_MODULES / ".installed-from"
APT_ENVIRONMENT = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
# What WeasyPrint loads for the catalogue PDF (the sonames it opens), and the Debian packages that hold them.
PDF_LIBRARIES = {"libpango-1.0.so.0": "libpango-1.0-0", "libpangoft2-1.0.so.0": "libpangoft2-1.0-0",
                 "libharfbuzz-subset.so.0": "libharfbuzz-subset0", "libfontconfig.so.1": "libfontconfig1"}
# layouts/pdf/katalog.css asks for DejaVu Sans, then Liberation Sans: system fonts, nothing from the web.
PDF_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
             Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"))
# Every other script and the emoji, which fontconfig finds for any character those two lack (about 80 MB to
# download): Noto for the scripts of the world (Arabic, Hebrew, Devanagari, Thai, Ethiopic, …), Chinese, Japanese
# and Korean, and the colour emoji. A character no font has is left out of the PDF, with a warning.
PDF_FALLBACK_FONTS = {"fonts-noto-core": Path("/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"),
                      "fonts-noto-cjk": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
                      "fonts-noto-color-emoji": Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")}


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
    apt_get_update()
    run("apt-get", "install", "-y", "-qq", *packages, env=APT_ENVIRONMENT)
    return True


@functools.cache
def apt_get_update() -> None:
    """Once per run of dev.py, however often it installs packages."""
    run("apt-get", "update", "-qq", env=APT_ENVIRONMENT)


def ensure_dependencies(extra: str | None) -> None:
    """pip install from pyproject.toml, only when it changed since the last install."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (extra or "").encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    say("Installiere die Abhängigkeiten aus pyproject.toml …")
    target = f".[{extra}]" if extra else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target, cwd=ROOT)
    STAMP.write_text(wanted)


def missing_chromium_packages() -> list[str]:
    if not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()):
        return ["chromium", "chromium-driver"]
    return []


def missing_browser_packages() -> list[str]:
    """The Debian packages the browser tests (tests/browser/) need and that are not installed."""
    packages = missing_chromium_packages()
    if not shutil.which("java"):
        packages.append("default-jre-headless")
    if not shutil.which("npm"):
        packages += ["nodejs", "npm"]
    return packages


# The web servers tests/browser/test_webserver.py starts, and nginx's module for the .br copies.
WEB_SERVER_FILES = {"nginx": Path("/usr/sbin/nginx"),
                    "libnginx-mod-http-brotli-static": Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"),
                    "apache2": Path("/usr/sbin/apache2")}
POLICY_RC = Path("/usr/sbin/policy-rc.d")


@contextlib.contextmanager
def services_not_started():
    """Debian starts a web server's service as soon as it is installed, which fails where port 80 is taken (and
    the tests start their own). invoke-rc.d asks /usr/sbin/policy-rc.d first, and 101 means: do not start."""
    # a policy of the machine's own stays (Docker images forbid every start); without root nothing is installed
    if POLICY_RC.exists() or not shutil.which("apt-get") or os.geteuid() != 0:
        yield
        return
    POLICY_RC.write_text("#!/bin/sh\nexit 101\n")
    POLICY_RC.chmod(0o755)
    try:
        yield
    finally:
        POLICY_RC.unlink()


def loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_pdf_packages(for_tests: bool) -> list[str]:
    """The Debian packages the catalogue PDF (and, for the tests, reading it back) needs and that are missing."""
    packages = [package for library, package in PDF_LIBRARIES.items() if not loadable(library)]
    if not any(font.exists() for font in PDF_FONTS):
        packages.append("fonts-dejavu-core")
    packages += [package for package, font in PDF_FALLBACK_FONTS.items() if not font.exists()]
    if not shutil.which("fc-cache"):
        packages.append("fontconfig")  # keeps the font cache current when fonts are installed
    if for_tests and not shutil.which("pdftotext"):
        packages.append("poppler-utils")
    return packages


def ensure_pdf_packages(for_tests: bool) -> None:
    packages = missing_pdf_packages(for_tests)
    if packages and not install_debian_packages(packages):
        purpose = "das PDF des Katalogs und seine Tests" if for_tests else "das PDF des Katalogs"
        hint = "" if for_tests else " Ohne PDF bauen: python3 dev.py site --no-pdf"
        sys.exit(f"Für {purpose} fehlen Programme oder Bibliotheken. Unter Debian: "
                 f"sudo apt-get install {' '.join(packages)}.{hint}")


def ensure_browser_packages() -> None:
    packages = missing_browser_packages()
    if packages and not install_debian_packages(packages):
        sys.exit("Für die Browser-Tests fehlen Programme. Unter Debian: "
                 f"sudo apt-get install {' '.join(packages)}")


def ensure_chromium() -> None:
    """Chromium and its driver alone, for the screenshots (no Java, no npm)."""
    packages = missing_chromium_packages()
    if packages and not install_debian_packages(packages):
        sys.exit(f"Für die Bilder fehlt Chromium. Unter Debian: sudo apt-get install {' '.join(packages)}")


def ensure_web_servers() -> None:
    packages = [package for package, path in WEB_SERVER_FILES.items() if not path.exists()]
    if not packages:
        return
    with services_not_started():
        if install_debian_packages(packages):
            return
    sys.exit("Für die Tests mit nginx und Apache fehlen Programme. Unter Debian: "
             f"sudo apt-get install {' '.join(packages)}")


def ensure_node_modules() -> None:
    """npm ci for axe-core and the Nu Html Checker, only when package-lock.json changed since the last time."""
    wanted = hashlib.sha256((BROWSER_TESTS / "package-lock.json").read_bytes()).hexdigest()
    if NODE_STAMP.exists() and NODE_STAMP.read_text() == wanted:
        return
    say("Installiere axe-core und den Nu Html Checker mit npm …")
    # --ignore-scripts: vnu-jar would otherwise download a Java runtime; Java comes from Debian.
    run("npm", "ci", "--prefix", BROWSER_TESTS, "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error",
        cwd=ROOT)
    NODE_STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):
        sys.exit("Dieses Projekt braucht Python 3.11 oder neuer.")
    command, rest = (argv[0], argv[1:]) if argv else ("site", [])
    if command not in ("site", "test", "serve", "screenshots"):
        sys.exit(__doc__)
    ensure_venv()
    ensure_dependencies("test" if command in ("test", "screenshots") else None)
    wants_pdf = "--pdf" in rest if command == "serve" else "--no-pdf" not in rest  # serve builds none unless asked
    if command == "test" or wants_pdf:
        ensure_pdf_packages(for_tests=command == "test")
    if command == "screenshots":  # of the site with its PDF links, as it is published
        ensure_chromium()
        return subprocess.run([str(PYTHON), str(BROWSER_TESTS / "screenshots.py"), *rest], cwd=ROOT).returncode
    if command == "test":
        ensure_browser_packages()
        ensure_web_servers()
        ensure_node_modules()
        return subprocess.run([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT).returncode
    arguments = ["serve", *rest] if command == "serve" else rest
    try:
        return subprocess.run([str(PYTHON), "build.py", *arguments], cwd=ROOT).returncode
    except KeyboardInterrupt:  # Ctrl+C ends the preview, which says so itself
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
