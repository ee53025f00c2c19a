"""jieba: ship only the dictionary the tokenizer reads (replaces the contrib hook, which collects
every data file: the paddle model in lac_small/, analyse/idf.txt and pickled copies of the HMM
tables that jieba 0.42 imports as Python modules instead)."""

from PyInstaller.utils.hooks import get_package_paths

_, package_dir = get_package_paths("jieba")
datas = [(f"{package_dir}/dict.txt", "jieba")]
excludedimports = ["jieba.lac_small", "jieba.analyse", "paddle", "pkg_resources"]
