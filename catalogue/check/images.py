"""The image or video a content file names: whether it is in bilder/ and published (check/media.py decides that for
the folder), and of a kind its place can show."""

from __future__ import annotations

from pathlib import PurePosixPath

from catalogue.check.context import Context
from catalogue.check.media import IMAGE_SUFFIXES
from catalogue.messages import did_you_mean, problem
from catalogue.problems import WARNING
from catalogue.read.files import SourceFile


def check_image(source: SourceFile, context: Context) -> bool:
    """Whether the offer's image (if any) can be shown."""
    image = source.data.get("bild")
    return not isinstance(image, dict) or check_file_in_bilder(source, ["bild", "datei"], IMAGE_SUFFIXES,
                                                                "image_type", context)


def check_file_in_bilder(source: SourceFile, key_path: list[str], suffixes: set[str], wrong_type: str,
                          context: Context) -> bool:
    """Whether the file named at key_path is published; what is wrong with it is reported."""
    parent = source.data.get(key_path[0])
    name = parent.get(key_path[1])
    if not isinstance(name, str) or not name or name.startswith("/") or ".." in PurePosixPath(name).parts:
        return True  # the schema already reports this
    line, where = source.line_of(key_path), " → ".join(key_path)
    media = context.media
    if name not in media.names:
        context.problems.add(problem("image_missing", source.path, line, where, value=name,
                                     suggestion=did_you_mean(name, sorted(media.names))))
    elif name in media.refused:
        context.problems.add(problem("media_not_shown", source.path, line, where, severity=WARNING, value=name,
                                     reason=media.refused[name]))
        return False
    elif PurePosixPath(name).suffix.lower() not in suffixes:
        context.problems.add(problem(wrong_type, source.path, line, where, severity=WARNING, value=name))
    return True
