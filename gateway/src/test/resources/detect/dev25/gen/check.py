#!/usr/bin/env python3
"""Validate dev25.jsonl: JSON, ids, markup, check digits of labelled IIN/BIN/IBAN/PAYMENT_CARD,
no valid unlabelled look-alike, counts per type/language/kind."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fill import chk, luhn_ok
TYPES = {'PERSON','IIN','BIN','PHONE','EMAIL','IBAN','PAYMENT_CARD','ID_DOCUMENT','VEHICLE_PLATE','ADDRESS','IP_ADDRESS','DATE_OF_BIRTH','SECRET'}
SPAN = re.compile(r'\[\[([A-Z_]+):(.*?)\]\]', re.S)
def iin_ok(s): return len(s) == 12 and s.isdigit() and chk(s[:11]) == int(s[11])
def iban_ok(s):
    s = s.replace(' ', '')
    if not re.fullmatch(r'KZ\d{5}[A-Z0-9]{13}', s): return False
    return int(''.join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1
errs = []; cnt = collections.Counter(); lang = collections.Counter(); kind = collections.Counter()
hn = 0; ids = set(); n = 0
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dev25.jsonl')
for no, line in enumerate(open(path, encoding='utf-8'), 1):
    n += 1
    try: o = json.loads(line)
    except Exception as e: errs.append('%d: bad json %s' % (no, e)); continue
    if set(o) != {'id','kind','lang','hard_negative','text'}: errs.append('%d: keys %s' % (no, sorted(o)))
    if o['id'] in ids: errs.append('%d: dup id' % no)
    ids.add(o['id']); lang[o['lang']] += 1; kind[o['kind']] += 1
    if o['lang'] not in ('ru','kk','en','mixed'): errs.append('%d: lang' % no)
    t = o['text']; spans = SPAN.findall(t)
    rest = SPAN.sub('\x00', t)
    if '[[' in rest or ']]' in rest: errs.append('%d: stray brackets' % no)
    if o['hard_negative']:
        hn += 1
        if spans: errs.append('%d: hard negative with markup' % no)
    elif not spans: errs.append('%d: positive without spans' % no)
    for ty, v in spans:
        cnt[ty] += 1
        if ty not in TYPES: errs.append('%d: type %s' % (no, ty))
        if not v or v != v.strip() or '\n' in v or '[' in v or ']' in v: errs.append('%d: span text %r' % (no, v))
        if ty == 'IIN' and not iin_ok(v): errs.append('%d: bad IIN %s' % (no, v))
        if ty == 'BIN' and not iin_ok(v): errs.append('%d: bad BIN %s' % (no, v))
        if ty == 'IBAN' and not iban_ok(v): errs.append('%d: bad IBAN %s' % (no, v))
        if ty == 'PAYMENT_CARD':
            d = re.sub(r'[ -]', '', v)
            if not (d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d)): errs.append('%d: bad card %s' % (no, v))
    # unlabelled look-alikes (outside spans)
    for m in re.finditer(r'(?<!\d)\d{12}(?!\d)', rest):
        if iin_ok(m.group()): errs.append('%d: unlabelled valid IIN/BIN %s' % (no, m.group()))
    for m in re.finditer(r'KZ\d{2}(?: ?[A-Z0-9]{4}){4}', rest):
        if iban_ok(m.group()): errs.append('%d: unlabelled valid IBAN %s' % (no, m.group()))
    for m in re.finditer(r'(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])', rest):
        d = re.sub(r'[ -]', '', m.group())
        if luhn_ok(d) and not re.fullmatch(r'[78]\d{10}', d): errs.append('%d: unlabelled Luhn-valid %s' % (no, m.group()))
for e in errs: print('ERROR', e)
print('lines %d, hard negatives %d, positives %d' % (n, hn, n - hn))
print('| type | spans |\n|---|---|')
for ty in sorted(TYPES): print('| %s | %d |' % (ty, cnt[ty]))
print('| total | %d |' % sum(cnt.values()))
print('languages:', ', '.join('%s %d (%.0f%%)' % (k, v, 100*v/n) for k, v in sorted(lang.items())))
print('kinds:', ', '.join('%s %d' % kv for kv in sorted(kind.items(), key=lambda x: -x[1])))
sys.exit(1 if errs else 0)
