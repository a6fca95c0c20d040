"""Stage 1, read: turn files into data, or into problems with a line number.

Parsing uses PyYAML's C loader. Line numbers are found only when a file has
something to report: then the same text is composed into nodes, which carry
their positions, and the problem's key path is looked up there.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from catalogue.messages import problem
from catalogue.messages.reading import ALIAS_PROBLEM, UNKNOWN_TAG_PROBLEM, yaml_problem_in_german
from catalogue.problems import WARNING, ContentProblem, shown

# A content file is a page of text: anything bigger is a mistake (a pasted export, a wrong file) that would
# become a page of many megabytes in every language. Said in docs/partner/anleitungen/angebotsdatei.md.
MAX_TEXT_FILE_BYTES = 512 * 1024
# What no editor shows and no page or XML export may hold: C0 and C1 controls but tab and line breaks, DEL,
# and the two non-characters libyaml refuses. Removed on reading, with a warning; so are the line and paragraph
# separators, which libyaml (YAML 1.1) takes for line breaks and editors do not: they become a space.
INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029]")


def _without_controls(text: str) -> str:
    return INVISIBLE_CONTROLS.sub(lambda match: " " if match.group(0) in "\u2028\u2029" else "", text)

_YAML11_SURPRISES = {
    "tag:yaml.org,2002:timestamp",  # dates stay text, exactly as an editor's schema sees them
    "tag:yaml.org,2002:bool",  # "no" (Norwegian) or "on" must not become false/true
    "tag:yaml.org,2002:int",  # "14:00" must not become 840, "0800" must keep its zero
    "tag:yaml.org,2002:float",
}


class ContentLoader(yaml.CSafeLoader):
    """YAML as partners mean it: the C parser with YAML 1.2's plain scalars, and no duplicate keys."""

    def construct_mapping(self, node, deep=False):
        first_line: dict = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in first_line:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key {key_node.value!r} first at line {first_line[key_node.value] + 1}",
                        key_node.start_mark,
                    )
                first_line[key_node.value] = key_node.start_mark.line
        return super().construct_mapping(node, deep)

    def construct_object(self, node, deep=False):
        # A node met a second time is an alias (*name): a few lines of them can stand for billions of values.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(None, None, ALIAS_PROBLEM, node.start_mark)
        return super().construct_object(node, deep)

    def construct_refused_tag(self, node):
        raise yaml.constructor.ConstructorError(None, None, f"{UNKNOWN_TAG_PROBLEM} {node.tag}", node.start_mark)


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _YAML11_SURPRISES]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)

# Only what JSON has: text, numbers, true/false, null, lists and maps. Binary data, sets, ordered pairs and
# merge keys („<<“) mean nothing in a catalogue; every other tag (!!python/…, !eigenes) is refused too.
ContentLoader.yaml_constructors = {
    tag: constructor for tag, constructor in yaml.CSafeLoader.yaml_constructors.items()
    if tag is None or tag.rpartition(":")[2] in ("null", "bool", "int", "float", "str", "seq", "map")
}
ContentLoader.add_constructor(None, ContentLoader.construct_refused_tag)
ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:merge"]
    for first, resolvers in ContentLoader.yaml_implicit_resolvers.items()
}

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_END = {"---", "..."}


@dataclass
class SourceFile:
    """One content file: its YAML data, its Markdown body, and how to find a key's line."""

    path: Path
    data: dict
    body: str
    yaml_text: str
    yaml_first_line: int  # line in the file where the YAML text starts (1-based)
    body_first_line: int
    _root: yaml.Node | None = None

    def line_of(self, key_path=()) -> int:
        """Line of the deepest key on key_path that exists; of the front matter for an empty path."""
        if self._root is None:
            self._root = yaml.compose(self.yaml_text, Loader=ContentLoader)
        node, line = self._root, None
        for step in key_path:
            if isinstance(node, yaml.MappingNode):
                match = next((pair for pair in node.value if pair[0].value == step), None)
                if match is None:
                    break
                line = match[0].start_mark.line
                node = match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line
            else:
                break
        if line is None:
            return max(self.yaml_first_line - 1, 1)  # the opening "---", or line 1 of a YAML file
        return self.yaml_first_line + line


def outside_of(path: Path, root: Path) -> str:
    """"" when `path`, with every symbolic link on its way followed (the file's and its folders'), lies inside `root`,
    the content folder; else why it is not: "outside", or "loop" for a link that leads to itself. The one rule for
    every file and folder of a content folder (check/context.py's walk, site.yaml, bilder/): nothing outside it is
    read, whatever a link points to, so a pull request cannot publish a file of the machine that builds the site."""
    try:
        return "" if path.resolve().is_relative_to(root.resolve()) else "outside"
    except (OSError, RuntimeError):
        return "loop"


def read_text(path: Path, limit: int = MAX_TEXT_FILE_BYTES) -> tuple[str | None, list[ContentProblem]]:
    """The file as text the way a reader sees it: NFC (so „ä“ is one character, however the editor saved it),
    line breaks as \n, invisible control characters removed (each reported once per line). limit: the size in
    bytes above which it is not read."""
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [problem("file_too_big", path, None, size=_kilobytes(size), limit=_kilobytes(limit))]
        raw = path.read_bytes()
    except OSError as error:
        return None, [problem("unreadable", path, None, reason=error.strerror or str(error))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [problem("not_utf8", path, line, line_number=line)]
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    problems = []
    if INVISIBLE_CONTROLS.search(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, 1):
            found = sorted(set(INVISIBLE_CONTROLS.findall(line)))
            if found:
                problems.append(problem("control_characters", path, number, severity=WARNING,
                                        characters=", ".join(shown(c) for c in found)))
        text = _without_controls(text)
    return text, problems


def _kilobytes(size: int) -> str:
    return f"{size / 1024:,.0f} KB".replace(",", ".")


def parse_yaml(path: Path, yaml_text: str, first_line: int) -> tuple[dict | None, list[ContentProblem]]:
    try:
        data = yaml.load(yaml_text, Loader=ContentLoader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, yaml_text, first_line, error)]
    except yaml.YAMLError as error:
        message, hint, _ = yaml_problem_in_german(str(error))
        return None, [problem("yaml_syntax", path, first_line, problem=message, hint=hint)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        found = "eine Liste" if isinstance(data, list) else f"nur der Text „{data}“"
        return None, [problem("not_mapping", path, first_line, found=found)]
    return data, []


def _syntax_problem(path: Path, yaml_text: str, first_line: int, error: yaml.MarkedYAMLError) -> ContentProblem:
    problem_text = error.problem or str(error)
    duplicate = re.match(r"duplicate key '(.*)' first at line (\d+)", problem_text)
    if duplicate:
        key, other = duplicate.group(1), int(duplicate.group(2))
        return problem("duplicate_key", path, first_line + error.problem_mark.line, key, key=key,
                       other_line=first_line + other - 1)
    mark = error.problem_mark or error.context_mark
    lines = yaml_text.split("\n")
    character = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    message, hint, at_start = yaml_problem_in_german(problem_text, character)
    if at_start and error.context_mark:
        mark = error.context_mark
    return problem("yaml_syntax", path, first_line + mark.line if mark else first_line, problem=message, hint=hint)


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter the first line opens; None without both."""
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in FRONT_MATTER_END), None)


def read_markdown_file(path: Path) -> tuple[SourceFile | None, list[ContentProblem]]:
    """A Markdown file with YAML front matter between two '---' lines."""
    text, read_problems = read_text(path)
    if text is None:
        return None, read_problems
    lines = text.split("\n")
    if lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None, read_problems + [problem("no_front_matter", path, 1)]
    end = front_matter_end(lines)
    if end is None:
        return None, read_problems + [problem("unclosed_front_matter", path, 1)]
    yaml_text = "\n".join(lines[1:end]) + "\n"
    data, problems = parse_yaml(path, yaml_text, first_line=2)
    if data is None:
        return None, read_problems + problems
    body = "\n".join(lines[end + 1 :])
    source = SourceFile(path, data, body, yaml_text, 2, end + 2)
    return source, read_problems + _remove_escaped_controls(source)


def read_yaml_file(path: Path) -> tuple[SourceFile | None, list[ContentProblem]]:
    text, read_problems = read_text(path)
    if text is None:
        return None, read_problems
    data, problems = parse_yaml(path, text, first_line=1)
    if data is None:
        return None, read_problems + problems
    source = SourceFile(path, data, "", text, 1, 1)
    return source, read_problems + _remove_escaped_controls(source)


def _remove_escaped_controls(source: SourceFile) -> list[ContentProblem]:
    """Control characters that YAML makes from escapes in double quotes („\\e“, „\\x07“) are removed from the
    values and keys as from the text, with a warning at their key."""
    problems = []

    def clean(value, key_path):
        if isinstance(value, str) and INVISIBLE_CONTROLS.search(value):
            found = sorted(set(INVISIBLE_CONTROLS.findall(value)))
            problems.append(problem("control_characters", source.path, source.line_of(key_path), severity=WARNING,
                                    characters=", ".join(shown(c) for c in found)))
            return _without_controls(value)
        if isinstance(value, list):
            return [clean(item, (*key_path, index)) for index, item in enumerate(value)]
        if isinstance(value, dict):
            return {clean(key, (*key_path, key)): clean(item, (*key_path, key)) for key, item in value.items()}
        return value

    source.data = clean(source.data, ())
    return problems
