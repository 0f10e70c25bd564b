import sys

from polylint.cli import main

sys.exit(main())
