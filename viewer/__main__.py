"""Entry point: `python -m viewer` and the `viewer` command."""

from __future__ import annotations

import multiprocessing
import sys


def main() -> int:
    # Worker processes of a frozen (PyInstaller) app re-enter here; let them run their task.
    multiprocessing.freeze_support()
    from viewer.cli import main as cli_main  # imported after freeze_support on purpose

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
