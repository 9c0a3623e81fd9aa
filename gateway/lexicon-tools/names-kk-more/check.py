#!/usr/bin/env python3
"""Checks names-kk-more.txt and name-words-more.txt: header line, line length, tokens lower case letters (inner hyphen
or apostrophe allowed), no duplicates within or across the files, none in the detector's existing lists."""
import glob, re, sys
DET = '/work/main/gateway/src/main/resources/io/qorgan/gateway/detect/'
existing = set()
for f in glob.glob(DET + 'names-*.txt') + [DET + 'name-words.txt'] + glob.glob(DET + 'surnames*.txt'):
    for line in open(f, encoding='utf-8'):
        if not line.startswith('#'):
            existing.update(w.lower() for w in line.split())
TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
seen, errors = {}, []
for fn in ['names-kk-more.txt', 'name-words-more.txt']:
    lines = open(fn, encoding='utf-8').read().split('\n')
    if not lines[0].startswith('# '):
        errors.append(f'{fn}: first line is no "# " header')
    names = forms = 0
    for i, line in enumerate(lines, 1):
        if len(line) >= 120:
            errors.append(f'{fn}:{i}: {len(line)} chars')
        if i == 1 or not line:
            continue
        if line != ' '.join(line.split()):
            errors.append(f'{fn}:{i}: spacing')
        names += 1
        for t in line.split():
            forms += 1
            if t != t.lower() or not TOKEN.fullmatch(t):
                errors.append(f'{fn}:{i}: bad token {t!r}')
            if t in existing:
                errors.append(f'{fn}:{i}: {t} already in the existing lists')
            if t in seen:
                errors.append(f'{fn}:{i}: {t} duplicate of {seen[t]}')
            seen[t] = f'{fn}:{i}'
    print(f'{fn}: {names} names, {forms} forms')
print('\n'.join(errors) if errors else 'OK: no errors')
sys.exit(1 if errors else 0)
