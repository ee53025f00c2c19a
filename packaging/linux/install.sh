#!/bin/sh
# Install (or update) the packaged viewer for the current user: run from the unpacked folder.
#   ./install.sh [PREFIX]      PREFIX defaults to ~/.local
# The program goes to PREFIX/opt/news-archive-viewer (replacing an older version), with a menu
# entry, its icon and a `viewer` command in PREFIX/bin. The archive lives in the user data
# folder (~/.local/share/NewsArchiveViewer) and is never touched by installing or updating.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:-"$HOME/.local"}
target="$prefix/opt/news-archive-viewer"
data=${XDG_DATA_HOME:-"$HOME/.local/share"}

[ -x "$here/viewer" ] || { echo "run install.sh from the unpacked program folder" >&2; exit 1; }
mkdir -p "$prefix/opt" "$prefix/bin" "$data/applications" "$data/icons/hicolor/256x256/apps"
staging="$prefix/opt/.news-archive-viewer.new"
rm -rf "$staging"
cp -R "$here" "$staging"
rm -rf "$target"
mv "$staging" "$target"
ln -sf "$target/viewer" "$prefix/bin/viewer"
cp "$here/_internal/resources/icon.png" "$data/icons/hicolor/256x256/apps/news-archive-viewer.png"
sed -e "s|^Exec=.*|Exec=$target/viewer gui|" \
    -e "s|^Icon=.*|Icon=$data/icons/hicolor/256x256/apps/news-archive-viewer.png|" \
    "$here/news-archive-viewer.desktop" > "$data/applications/news-archive-viewer.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
echo "installed $("$target/viewer" --version) in $target"
