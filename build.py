"""Build the catalogue of offers: `python build.py --help`."""

import sys

try:
    from catalogue.commands.cli import main
except ModuleNotFoundError as missing:  # started without the virtual environment: say in German what to do
    from catalogue.messages.commands import missing_modules

    sys.exit(missing_modules(missing, sys.argv[1:]))

if __name__ == "__main__":
    sys.exit(main())
