"""The arguments of `python build.py`: one subcommand per command, each with its own options and help, in German.

No command means `build` (`python build.py --no-pdf --output X`). The options every command has (--content, --heute)
may also stand before the command. An option given to a command that does not have it is a usage error that names
the command it belongs to. A new command is one more entry in COMMAND_OPTIONS and one function in cli.py.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from catalogue.messages.commands import HELP, say

EXIT_USAGE = 2
DEFAULT_COMMAND = "build"
# The options not every command has, as a command without them runs
UNSET = {"output": Path("site"), "strict": False, "strict_for": [], "format": "text"}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(say("bad_day", text=text)) from None


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(say("bad_port", text=text))
    return int(text)


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, HELP["usage: "] if prefix is None else prefix)


# argparse's own error messages, told in German
_ARGPARSE = (
    (re.compile(r"argument (?P<option>\S+): invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)"),
     lambda m: say("unknown_command" if m["option"] in ("BEFEHL", "command") else "invalid_choice",
                   option=m["option"], value=m["value"], choices=m["choices"].replace("'", ""))),
    (re.compile(r"argument (?P<option>\S+): expected one argument"), lambda m: say("needs_value", option=m["option"])),
    (re.compile(r"the following arguments are required: (?P<names>.*)"), lambda m: say("required", names=m["names"])),
    (re.compile(r"unrecognized arguments: (?P<options>.*)"), lambda m: say("unknown_option", options=m["options"])),
    (re.compile(r"argument (?P<option>[^:]+): (?P<detail>.*)", re.S),
     lambda m: say("bad_value", option=m["option"].split("/")[-1], detail=m["detail"])),
)


def german(message: str) -> str:
    for pattern, told in _ARGPARSE:
        found = pattern.fullmatch(message)
        if found:
            return told(found)
    return message


class _Parser(argparse.ArgumentParser):
    def __init__(self, **kwargs):
        super().__init__(formatter_class=_Formatter, add_help=False, **kwargs)
        self._positionals.title, self._optionals.title = HELP["positional arguments"], HELP["options"]
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=HELP["show this help message and exit"])

    def error(self, message):
        self.print_usage(sys.stderr)
        print(say("usage_error", message=german(message), prog=self.prog), file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _shared(parser: argparse.ArgumentParser, before_command: bool = False) -> None:
    """--content and --heute; before the command with their defaults, after it only when given."""
    default = (lambda value: value) if before_command else (lambda value: argparse.SUPPRESS)
    parser.add_argument("--content", type=Path, default=default(Path("content")), metavar="ORDNER",
                        help=HELP["--content"])
    parser.add_argument("--heute", type=_day, default=default(None), metavar="JJJJ-MM-TT", help=HELP["--heute"])


def _output(parser):
    parser.add_argument("--output", type=Path, default=Path("site"), metavar="ORDNER", help=HELP["--output"])


def _strict(parser):
    parser.add_argument("--strict", action="store_true", help=HELP["--strict"])


def _format(parser):
    parser.add_argument("--format", choices=["text", "github"], default="text", help=HELP["--format"])


def _build(parser):
    _output(parser)
    _strict(parser)
    _format(parser)
    parser.add_argument("--no-pdf", action="store_true", help=HELP["--no-pdf"])
    parser.add_argument("--compress", action="store_true", help=HELP["--compress"])
    parser.add_argument("--no-cache", action="store_true", help=HELP["--no-cache"])


def _check(parser):
    _strict(parser)
    parser.add_argument("--strict-for", nargs="*", type=Path, default=[], metavar="DATEI", help=HELP["--strict-for"])
    _format(parser)


def _report(parser):
    _strict(parser)
    parser.add_argument("--vergleich", type=Path, default=None, metavar="ORDNER_ODER_CSV", help=HELP["--vergleich"])
    parser.add_argument("--pdf", type=Path, dest="report_pdf", metavar="DATEI", help=HELP["report --pdf"])


def _new(parser):
    parser.add_argument("id", metavar="KENNUNG", help=HELP["KENNUNG"])
    parser.add_argument("network_id", nargs="?", default=None, metavar="NETZWERK_KENNUNG",
                        help=HELP["NETZWERK_KENNUNG"])


def _serve(parser):
    _output(parser)
    parser.add_argument("--pdf", action="store_true", help=HELP["serve --pdf"])
    parser.add_argument("--port", type=_port, default=8000, metavar="PORT", help=HELP["--port"])


def _github(parser):
    parser.add_argument("--ziel", type=Path, default=Path(".github/ISSUE_TEMPLATE"), metavar="ORDNER",
                        help=HELP["--ziel"])


def _changes(parser):
    parser.add_argument("--since", default="HEAD^1", metavar="STAND", help=HELP["--since"])


# Each command and what adds its own options, in the order `--help` lists them.
COMMAND_OPTIONS = {"build": _build, "check": _check, "report": _report, "new": _new, "serve": _serve,
                   "github": _github, "changes": _changes}


def parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The whole parser and the parser of each command."""
    top = _Parser(prog="python build.py", description=HELP["program"])
    _shared(top, before_command=True)
    chooser = top.add_subparsers(dest="command", title=HELP["commands"], metavar="BEFEHL")
    commands = {}
    for name, add_options in COMMAND_OPTIONS.items():
        command = chooser.add_parser(name, help=HELP[name], description=HELP[name], prog=f"python build.py {name}")
        add_options(command)
        _shared(command)
        commands[name] = command
    return top, commands


def _takes_value(action: argparse.Action) -> bool:
    return bool(action.option_strings) and action.nargs != 0


def _with_command(argv: list[str], commands: dict[str, argparse.ArgumentParser]) -> list[str]:
    """argv with `build` in front when it names no command (its first word that is not an option's value)."""
    valued = {option for command in commands.values() for action in command._actions if _takes_value(action)
              for option in action.option_strings}
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word.startswith("-"):
            skip = word in valued
        else:
            return argv  # a command, or a word argparse says is none
    return argv if {"-h", "--help"} & set(argv) else [DEFAULT_COMMAND, *argv]


def parse(argv: list[str] | None) -> argparse.Namespace:
    top, commands = parser()
    argv = _with_command(list(sys.argv[1:] if argv is None else argv), commands)
    args, extra = top.parse_known_args(argv)
    if extra:
        here = commands[args.command]
        for word in extra:
            option = word.split("=", 1)[0]
            owners = [name for name, command in commands.items() if option in command._option_string_actions]
            if word.startswith("-") and args.command in owners:  # `--strict check`: the option stood before it
                here.error(say("option_before_command", option=option, command=args.command))
            if word.startswith("-") and owners:
                here.error(say("wrong_command", option=option, command=args.command, first=owners[0],
                               owners=", ".join(owners)))
        here.error(say("unknown_option", options=" ".join(extra)))
    for key, value in UNSET.items():  # what a command does not ask for, as the shared code reads it
        if not hasattr(args, key):
            setattr(args, key, value)
    return args
