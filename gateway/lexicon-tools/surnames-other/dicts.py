"""Shared helpers for build.py and check.py: find (or unpack) the Russian and English word lists."""
import os, subprocess
from pathlib import Path

RU_DIC = Path('/tmp/dicts/usr/share/hunspell/ru_RU.dic')
EN_CANDIDATES = [Path('/usr/share/dict/american-english'), Path('/tmp/dicts/usr/share/dict/american-english')]


def _unpack(package):
    """Download a Debian package into /tmp and unpack it into /tmp/dicts (as the brief says)."""
    os.makedirs('/tmp/dicts', exist_ok=True)
    subprocess.run(f'cd /tmp && apt-get download {package} && dpkg-deb -x {package}_*.deb /tmp/dicts',
                   shell=True, check=True)


def russian_words():
    """All-lower-case words of Debian's hunspell-ru ru_RU.dic (the stem before '/'); ё also as е."""
    if not RU_DIC.exists():
        _unpack('hunspell-ru')
    words = set()
    with RU_DIC.open(encoding='utf-8') as f:
        next(f)  # first line is the word count
        for line in f:
            w = line.strip().split('/', 1)[0]
            if w and w == w.lower():
                words.add(w)
                words.add(w.replace('ё', 'е'))
    return words


def english_words():
    """All-lower-case words of /usr/share/dict/american-english (wamerican)."""
    path = next((p for p in EN_CANDIDATES if p.exists()), None)
    if path is None:
        _unpack('wamerican')
        path = EN_CANDIDATES[1]
    words = set()
    with path.open(encoding='utf-8') as f:
        for line in f:
            w = line.strip()
            if w and w == w.lower():
                words.add(w)
    return words
