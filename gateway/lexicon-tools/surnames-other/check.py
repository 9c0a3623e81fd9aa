#!/usr/bin/env python3
"""Verify surnames-other.txt and names-other-more.txt (written for Qorgan from general knowledge).

Checks: a '# ' header line saying it was written for Qorgan from general knowledge; every line under 120
characters; forms lower case, separated by single spaces, made of letters of one script (Cyrillic or
Latin) with at most one inner hyphen or apostrophe; no form of three letters or fewer; no duplicate
within or across the two files; no form that is a lower-case Russian dictionary word (hunspell-ru) or
a lower-case English word (american-english), nor one listed in raw/exclude.txt. Exits 0 when clean.
"""
import re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from dicts import russian_words, english_words  # noqa: E402

FILES = ['surnames-other.txt', 'names-other-more.txt']
CYR = re.compile(r"^[а-яё]+(?:[-'][а-яё]+)?$")
LAT = re.compile(r"^[a-z]+(?:[-'][a-z]+)?$")
KOREAN_KNOWN = {'ли', 'ким', 'пак', 'цой', 'тен', 'хан', 'шин',
                'lee', 'kim', 'pak', 'tsoy', 'ten', 'khan', 'shin'}


def main():
    ru, en = russian_words(), english_words()
    excl = {l.strip().lower() for l in (HERE / 'raw' / 'exclude.txt').read_text(encoding='utf-8').splitlines()
            if l.strip() and not l.startswith('#')}
    problems = []
    seen = {}
    total = 0
    for name in FILES:
        path = HERE / name
        if not path.exists():
            problems.append(f'{name}: missing')
            continue
        lines = path.read_text(encoding='utf-8').split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        if not lines or not lines[0].startswith('# ') or 'written for Qorgan from general knowledge' not in lines[0]:
            problems.append(f'{name}:1: missing or wrong header')
        if len(lines) < 2:
            problems.append(f'{name}: no entries')
        for no, line in enumerate(lines, 1):
            where = f'{name}:{no}'
            if len(line) >= 120:
                problems.append(f'{where}: line of {len(line)} characters')
            if no == 1:
                continue
            if line.startswith('#'):
                problems.append(f'{where}: comment line after the header')
                continue
            if not line or line != line.strip() or '  ' in line or '\t' in line:
                problems.append(f'{where}: empty line or bad spacing: {line!r}')
            for form in line.split():
                total += 1
                if form != form.lower():
                    problems.append(f'{where}: not lower case: {form}')
                if not (CYR.match(form) or LAT.match(form)):
                    problems.append(f'{where}: not letters of one script with at most one inner - or \': {form}')
                if len(form.replace('-', '').replace("'", '')) <= 3 or form in KOREAN_KNOWN:
                    problems.append(f'{where}: three letters or fewer / already in the lexicon: {form}')
                if form in ru:
                    problems.append(f'{where}: Russian dictionary word: {form}')
                if form in en:
                    problems.append(f'{where}: English word: {form}')
                if form in excl:
                    problems.append(f'{where}: in raw/exclude.txt: {form}')
                if form in seen:
                    problems.append(f'{where}: duplicate of {seen[form]}: {form}')
                else:
                    seen[form] = where
    for p in problems:
        print(p)
    print(f'checked {total} forms in {len(FILES)} files: {len(problems)} problems')
    return 0 if not problems else 1


if __name__ == '__main__':
    sys.exit(main())
