#!/usr/bin/env python3
"""Fill identifier slots in the hand-written prose (gen/src/*.txt) and write ../dev4.jsonl.

Source format: one record per line: `kind lang hard_negative(0/1) :: text`.
In text, a literal \\n stands for a line break.  Slots replaced with fresh valid values:
{IIN} {BIN} {IBAN} {IBANS} (grouped by 4) {CARD} (groups of 4 by spaces) {CARDC} (no spaces)
{CARDD} (dashes); look-alike slots for hard negatives: {BAD12} (12 digits, wrong check digit),
{NOLUHN16} {NOLUHN16S} (16 digits failing Luhn, plain/spaced), {NOLUHN13}.
"""
import glob, json, os, random, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kzid import *

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261206)
FILL = {
    'IIN': lambda: gen_iin(rng), 'BIN': lambda: gen_bin(rng),
    'IBAN': lambda: gen_iban(rng), 'IBANS': lambda: gen_iban(rng, True),
    'CARD': lambda: gen_card(rng, ' '), 'CARDC': lambda: gen_card(rng, None),
    'CARDD': lambda: gen_card(rng, '-'), 'BAD12': lambda: gen_bad12(rng),
    'NOLUHN16': lambda: gen_noluhn(rng), 'NOLUHN16S': lambda: gen_noluhn(rng, 16, ' '),
    'NOLUHN13': lambda: gen_noluhn(rng, 13),
}
recs = []
for fn in sorted(glob.glob(os.path.join(HERE, 'src', '*.txt'))):
    for ln, line in enumerate(open(fn, encoding='utf-8'), 1):
        line = line.rstrip('\n')
        if not line.strip() or line.startswith('#'):
            continue
        head, sep, text = line.partition(' :: ')
        parts = head.split()
        if not sep or len(parts) != 3:
            sys.exit(f"{fn}:{ln}: expected 'kind lang hn :: text'")
        kind, lang, hn = parts
        text = re.sub(r'\{([A-Z0-9]+)\}', lambda m: FILL[m.group(1)](), text)
        text = text.replace('\\n', '\n')
        recs.append({'kind': kind, 'lang': lang, 'hard_negative': hn == '1', 'text': text,
                     '_src': f"{os.path.basename(fn)}:{ln}"})
rng.shuffle(recs)
srcmap = []
with open(os.path.join(HERE, '..', 'dev4.jsonl'), 'w', encoding='utf-8') as f:
    for i, r in enumerate(recs, 1):
        src = r.pop('_src')
        out = {'id': f"f{i:04d}", **r}
        srcmap.append(f"f{i:04d}\t{src}")
        f.write(json.dumps(out, ensure_ascii=False) + '\n')
with open(os.path.join(HERE, 'idmap.txt'), 'w') as f:
    f.write('\n'.join(srcmap) + '\n')
print(f"wrote {len(recs)} records")
