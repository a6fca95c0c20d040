"""The pictures in docs/bilder/ that `python3 dev.py screenshots` takes (tests/browser/screenshots.py): the
command's module loads without starting a browser, and the three pictures are in the repository as small, valid
PNGs of the size the command takes them at. (Taking them anew needs Chromium: run the command.)"""

from __future__ import annotations

import importlib.util
import io
import sys

import pytest
from PIL import Image, ImageDraw

from conftest import REPO

PICTURES = REPO / "docs" / "bilder"
LARGEST = 150 * 1024


@pytest.fixture(scope="module")
def screenshots():
    spec = importlib.util.spec_from_file_location("screenshots", REPO / "tests" / "browser" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("screenshots", module)
    spec.loader.exec_module(module)
    return module


def test_the_command_takes_the_three_pictures_of_the_starter_catalogue(screenshots):
    assert [shot.file for shot in screenshots.SHOTS] == ["startseite-handy.png", "angebot.png", "luecken.png"]
    assert screenshots.TARGET == PICTURES and screenshots.CONTENT == REPO / "content"
    paths = {shot.file: shot.path for shot in screenshots.SHOTS}
    assert paths["startseite-handy.png"] == "" and paths["luecken.png"] == "luecken/"
    offer = paths["angebot.png"].removeprefix("angebote/").removesuffix("/")
    assert (REPO / "content" / "angebote" / f"{offer}.md").is_file(), "an offer of content/"
    phone = screenshots.SHOTS[0]
    assert (phone.width, phone.height, phone.mobile) == (390, 844, True) and phone.scale in (1, 2)


@pytest.mark.parametrize("name", ["startseite-handy.png", "angebot.png", "luecken.png"])
def test_each_picture_is_a_small_valid_png_of_its_size(screenshots, name):
    shot = next(shot for shot in screenshots.SHOTS if shot.file == name)
    path = PICTURES / name
    assert path.is_file(), f"{path} fehlt: python3 dev.py screenshots"
    assert path.stat().st_size <= LARGEST, f"{name}: {path.stat().st_size / 1024:.0f} KB"
    with Image.open(path) as image:
        image.verify()  # the chunks and their checksums
    with Image.open(path) as image:
        assert image.format == "PNG" and image.mode == "P", "reduced to a palette"
        assert image.width == shot.width * shot.scale
        assert shot.height * shot.scale <= image.height <= shot.max_height * shot.scale
        image.load()
        assert len(image.getcolors(screenshots.COLOURS)) > 2, "not an empty page"


def test_the_same_pixels_give_the_same_bytes(screenshots):
    image = Image.new("RGB", (200, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((10, 10, 190, 40), fill=(11, 92, 64))
    draw.text((12, 60), "Krabbelgruppe im Familienzentrum", fill=(31, 35, 40))
    first, second = screenshots.small_png(image), screenshots.small_png(image.copy())
    assert first == second
    with Image.open(io.BytesIO(first)) as small:
        assert small.mode == "P" and len(small.getcolors(256)) <= screenshots.COLOURS
