"""Build the catalogue of offers: `python build.py --help`."""

import sys

from catalogue.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
