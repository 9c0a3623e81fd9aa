#!/usr/bin/env python3
"""Generate ../dev3.jsonl from the templates. Deterministic (fixed seed in pools.R)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pools import R
from tpl_pos import POS
from tpl_neg import NEG, CAP
from check import line_errors

QUOTA_POS = {'ru': 140, 'kk': 120, 'en': 60, 'mixed': 80}
QUOTA_NEG = {'ru': 60, 'kk': 52, 'en': 26, 'mixed': 34}


def fill(pool, quota, neg, out, seen):
    for lang, q in quota.items():
        tpls = pool[lang][:]
        got, tries = 0, 0
        used = {}
        while got < q and tries < q * 40:
            R.shuffle(tpls)
            for kind, f in tpls:
                if got >= q:
                    break
                tries += 1
                if used.get(f, 0) >= CAP.get(f, 10 ** 6):
                    continue
                text = f()
                if text in seen:
                    continue
                obj = {'id': '', 'kind': kind, 'lang': lang, 'hard_negative': neg, 'text': text}
                if line_errors(obj):
                    continue
                seen.add(text); out.append(obj); got += 1
                used[f] = used.get(f, 0) + 1
        if got < q:
            print(f'WARNING: {lang} neg={neg}: only {got}/{q}', file=sys.stderr)


def main():
    out, seen = [], set()
    fill(POS, QUOTA_POS, False, out, seen)
    fill(NEG, QUOTA_NEG, True, out, seen)
    R.shuffle(out)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dev3.jsonl')
    with open(path, 'w', encoding='utf-8') as f:
        for i, o in enumerate(out, 1):
            o['id'] = 'd%04d' % i
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print(f'wrote {len(out)} lines')


if __name__ == '__main__':
    main()
