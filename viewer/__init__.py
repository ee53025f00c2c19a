"""Offline archive viewer for Chinese local news."""

from importlib.metadata import PackageNotFoundError, version


def app_version() -> str:
    """The version recorded in pyproject.toml (via the installed distribution)."""
    try:
        return version("news-archive-viewer")
    except PackageNotFoundError:
        return "0+unknown"
