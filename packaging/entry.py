"""The packaged program's entry script (PyInstaller runs this file as __main__)."""

import sys

from viewer.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
