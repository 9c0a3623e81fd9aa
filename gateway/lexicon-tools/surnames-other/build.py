#!/usr/bin/env python3
"""Build Qorgan's lists of surnames and first names of Kazakhstan's peoples other than Kazakhs and Russians.

Reads raw/surnames.txt and raw/first-names.txt (hand-written from general knowledge; one name a line:
Cyrillic form(s) then passport Latin spelling(s), lower case, '# ' lines name the people) and writes
surnames-other.txt and names-other-more.txt, dropping form by form (exact lower-case match):
  - forms of three letters or fewer, and the Korean surnames the lexicon already has;
  - ordinary lower-case Russian words (Debian hunspell-ru ru_RU.dic stems);
  - lower-case English words (/usr/share/dict/american-english);
  - places, months, nationalities and common nouns of raw/exclude.txt;
  - malformed forms and duplicates (within a file and across the two files).
Every dropped form goes to left-out.txt with its reason. Counts go to counts.json.
"""
import json, re, sys
from collections import Counter, OrderedDict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from dicts import russian_words, english_words  # noqa: E402

KOREAN_KNOWN = {'ли', 'ким', 'пак', 'цой', 'тен', 'хан', 'шин',
                'lee', 'kim', 'pak', 'tsoy', 'ten', 'khan', 'shin'}
CYR = 'а-яё'
LAT = 'a-z'
FORM_RE = re.compile(rf"^(?:[{CYR}]+(?:[-'][{CYR}]+)?|[{LAT}]+(?:[-'][{LAT}]+)?)$")
MAX_LINE = 119

HEADERS = {
    'surnames-other.txt': "# Surnames of Kazakhstan's other peoples, Cyrillic+passport Latin, build.py; written for Qorgan from general knowledge",
    'names-other-more.txt': "# First names of Kazakhstan's other peoples, Cyrillic + Latin, via build.py; written for Qorgan from general knowledge",
}


def read_raw(path):
    """Yield (section, [forms]) for each name line of a raw file."""
    section = '?'
    for line in path.read_text(encoding='utf-8').splitlines():
        s = line.strip()
        if not s:
            continue
        if s.startswith('#'):
            section = s.lstrip('#').strip()
            continue
        yield section, s.lower().split()


def read_exclude(path):
    words = set()
    for line in path.read_text(encoding='utf-8').splitlines():
        s = line.strip().lower()
        if s and not s.startswith('#'):
            words.add(s)
    return words


def main():
    ru = russian_words()
    en = english_words()
    excl = read_exclude(HERE / 'raw' / 'exclude.txt')
    seen = {}            # form -> (file, section) where first kept
    left_out = []        # (form, reason, file, section)
    counts = OrderedDict()
    jobs = [('raw/surnames.txt', 'surnames-other.txt'), ('raw/first-names.txt', 'names-other-more.txt')]
    for src, dst in jobs:
        out_lines = [HEADERS[dst]]
        assert len(HEADERS[dst]) <= MAX_LINE, len(HEADERS[dst])
        per = counts.setdefault(dst, {'sections': OrderedDict(), 'dropped': Counter(),
                                      'raw_lines': 0, 'raw_forms': 0})
        for section, forms in read_raw(HERE / src):
            per['raw_lines'] += 1
            kept = []
            for f in forms:
                per['raw_forms'] += 1
                if not FORM_RE.match(f):
                    reason = 'malformed (not letters of one script with at most one inner hyphen/apostrophe)'
                elif f in KOREAN_KNOWN:
                    reason = 'Korean surname the lexicon already has'
                elif len(f.replace('-', '').replace("'", '')) <= 3:
                    reason = 'three letters or fewer'
                elif f in ru:
                    reason = 'Russian dictionary word (hunspell-ru)'
                elif f in en:
                    reason = 'English word (american-english)'
                elif f in excl:
                    reason = 'place, month, nationality or common noun (raw/exclude.txt)'
                elif f in kept:
                    reason = 'duplicate within its line'
                elif f in seen:
                    reason = 'duplicate of %s [%s]' % seen[f]
                else:
                    kept.append(f)
                    continue
                left_out.append((f, reason.split(' of ')[0] if reason.startswith('duplicate of') else reason,
                                 reason, dst, section))
            if not kept:
                continue
            line = ' '.join(kept)
            while len(line) > MAX_LINE:  # never expected; keep lines short by moving the tail to the left-out list
                f = kept.pop()
                left_out.append((f, 'line too long', 'line too long', dst, section))
                line = ' '.join(kept)
            for f in kept:
                seen[f] = (dst, section)
            out_lines.append(line)
            sec = per['sections'].setdefault(section, {'lines': 0, 'forms': 0})
            sec['lines'] += 1
            sec['forms'] += len(kept)
        (HERE / dst).write_text('\n'.join(out_lines) + '\n', encoding='utf-8')
        per['lines'] = len(out_lines) - 1
        per['forms'] = sum(len(l.split()) for l in out_lines[1:])
    for f, short, reason, dst, section in left_out:
        counts[dst]['dropped'][short] += 1
    with (HERE / 'left-out.txt').open('w', encoding='utf-8') as fh:
        fh.write('# Forms that build.py dropped from the lists written for Qorgan from general knowledge:'
                 ' form<TAB>reason<TAB>output file<TAB>people\n')
        for f, short, reason, dst, section in left_out:
            fh.write(f'{f}\t{reason}\t{dst}\t{section}\n')
    (HERE / 'counts.json').write_text(json.dumps(counts, ensure_ascii=False, indent=1), encoding='utf-8')
    for dst, per in counts.items():
        print(f"{dst}: {per['lines']} lines, {per['forms']} forms "
              f"(raw {per['raw_lines']} lines, {per['raw_forms']} forms)")
        for sec, c in per['sections'].items():
            print(f"  {sec}: {c['lines']} lines, {c['forms']} forms")
        for r, n in per['dropped'].most_common():
            print(f"  dropped {n}: {r}")
    print(f"left-out.txt: {len(left_out)} forms")


if __name__ == '__main__':
    main()
