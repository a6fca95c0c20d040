"""python -m catalogue.commands.reference [--check]"""

import sys

from catalogue.commands.reference import main

sys.exit(main(sys.argv[1:]))
