"""``python -m customer_focus <command>``: the command line is :mod:`customer_focus.cli`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
