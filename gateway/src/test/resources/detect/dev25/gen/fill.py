#!/usr/bin/env python3
"""Fill identifier slots in hand-written source texts with fresh valid (or deliberately invalid) values.
Source files: gen/src_*.txt, one text per line: kind|lang|hn|text  (hn = 0/1, '\\n' = line break).
Slots: {IIN} {IIN:YYMMDDc} {BIN} {IBAN} {IBANS} {CARD} {CARDD} {CARDR} {BADIIN} {BADCARD}"""
import glob, json, os, random, re
R = random.Random(20261225)
B1 = (1,2,3,4,5,6,7,8,9,10,11); B2 = (3,4,5,6,7,8,9,10,11,1,2)
def chk(d11):
    r = sum(int(a)*b for a, b in zip(d11, B1)) % 11
    if r == 10:
        r = sum(int(a)*b for a, b in zip(d11, B2)) % 11
        if r == 10: return None
    return r
def iin(prefix=None):
    while True:
        if prefix is None:
            y = R.randint(40, 99) if R.random() < .8 else R.randint(0, 12)
            c = R.choice('34') if y >= 40 else R.choice('56')
            prefix = '%02d%02d%02d%s' % (y, R.randint(1, 12), R.randint(1, 28), c)
        base = prefix + '%04d' % R.randint(0, 9999)
        c = chk(base)
        if c is not None: return base + str(c)
def bin_():
    while True:
        base = '%02d%02d%s%s%05d' % (R.randint(0, 24), R.randint(1, 12), R.choice('4446'), R.choice('0001'), R.randint(0, 99999))
        c = chk(base)
        if c is not None: return base + str(c)
def bad12():
    while True:
        base = '%011d' % R.randint(10**9, 10**11 - 1)
        c = chk(base)
        w = str((c + R.randint(1, 9)) % 10) if c is not None else str(R.randint(0, 9))
        if chk(base) != int(w): return base + w
def iban():
    bank = R.choice(['601', '722', '926', '998', '949', '551', '856', '914', '070'])
    acct = ''.join(R.choice('0123456789') for _ in range(10)) + R.choice(['KZT', '000', '0KZ', '123'])
    acct = acct[:13]
    num = ''.join(str(int(ch, 36)) for ch in bank + acct + 'KZ00')
    return 'KZ%02d%s%s' % (98 - int(num) % 97, bank, acct)
def luhn_ok(s):
    d = [int(x) for x in s][::-1]
    return sum(x if i % 2 == 0 else (x*2 - 9 if x*2 > 9 else x*2) for i, x in enumerate(d)) % 10 == 0
def card():
    p = R.choice(['4400', '4405', '5169', '5522', '4263', '4149', '5375'])
    while True:
        s = p + ''.join(R.choice('0123456789') for _ in range(12))
        if luhn_ok(s): return s
def badcard():
    while True:
        s = R.choice(['4400', '5169']) + ''.join(R.choice('0123456789') for _ in range(12))
        if not luhn_ok(s): return s
g4 = lambda s: ' '.join(s[i:i+4] for i in range(0, len(s), 4))
SLOT = re.compile(r'\{(IIN|BIN|IBAN|IBANS|CARD|CARDD|CARDR|BADIIN|BADCARD)(?::(\d{7}))?\}')
def sub(m):
    k, a = m.group(1), m.group(2)
    if k == 'IIN': return iin(a)
    if k == 'BIN': return bin_()
    if k == 'IBAN': return iban()
    if k == 'IBANS': return g4(iban())
    if k == 'CARD': return g4(card())
    if k == 'CARDD': return '-'.join(g4(card()).split())
    if k == 'CARDR': return card()
    if k == 'BADIIN': return bad12()
    if k == 'BADCARD': return g4(badcard())
def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for fn in sorted(glob.glob(os.path.join(here, 'src_*.txt'))):
        for ln in open(fn, encoding='utf-8'):
            ln = ln.rstrip('\n')
            if not ln.strip() or ln.startswith('#'): continue
            kind, lang, hn, text = ln.split('|', 3)
            text = SLOT.sub(sub, text).replace('\\n', '\n')
            out.append({'id': 'p%04d' % (len(out) + 1), 'kind': kind.strip(), 'lang': lang.strip(),
                        'hard_negative': hn.strip() == '1', 'text': text})
    with open(os.path.join(here, '..', 'dev25.jsonl'), 'w', encoding='utf-8') as f:
        for o in out: f.write(json.dumps(o, ensure_ascii=False) + '\n')
    print('wrote', len(out))
if __name__ == '__main__': main()
