#!/usr/bin/env python3
"""Validate ../dev4.jsonl: JSON shape, ids, markup, identifier validity, unlabelled look-alikes; print counts."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kzid import iin_valid, luhn_valid, iban_valid

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {'PERSON', 'IIN', 'BIN', 'PHONE', 'EMAIL', 'IBAN', 'PAYMENT_CARD', 'ID_DOCUMENT', 'VEHICLE_PLATE',
         'ADDRESS', 'IP_ADDRESS', 'DATE_OF_BIRTH', 'SECRET'}
LANGS = {'ru', 'kk', 'en', 'mixed'}
SPAN = re.compile(r'\[\[([A-Z_]+):(.*?)\]\]', re.S)
errors = []
def err(i, m):
    errors.append(f"{i}: {m}")

path = os.path.join(HERE, '..', 'dev4.jsonl')
ids = set()
ent = collections.Counter(); lang = collections.Counter(); kind = collections.Counter()
hn_n = 0; n = 0; texts = set()
for ln, line in enumerate(open(path, encoding='utf-8'), 1):
    n += 1
    try:
        o = json.loads(line)
    except Exception as e:
        err(ln, f"bad JSON {e}"); continue
    i = o.get('id', f'line{ln}')
    if set(o) != {'id', 'kind', 'lang', 'hard_negative', 'text'}:
        err(i, f"keys {sorted(o)}")
    if i in ids: err(i, 'duplicate id')
    ids.add(i)
    if o['lang'] not in LANGS: err(i, f"lang {o['lang']}")
    if not isinstance(o['hard_negative'], bool): err(i, 'hard_negative not bool')
    t = o['text']
    if t in texts: err(i, 'duplicate text')
    texts.add(t)
    lang[o['lang']] += 1; kind[o['kind']] += 1
    spans = SPAN.findall(t)
    rest = SPAN.sub('\u25a0', t)
    if '[[' in rest or ']]' in rest: err(i, 'stray [[ or ]] (nested/broken markup)')
    if '{' in t and re.search(r'\{[A-Z0-9]+\}', t): err(i, 'unfilled slot')
    if o['hard_negative']:
        hn_n += 1
        if spans: err(i, 'hard negative has markup')
    elif not spans:
        err(i, 'positive line without markup')
    for ty, val in spans:
        ent[ty] += 1
        if ty not in TYPES: err(i, f"type {ty}")
        if val != val.strip() or not val: err(i, f"padded/empty span {ty}:{val!r}")
        if '\n' in val: err(i, f"span crosses line break {ty}")
        if ty in ('IIN', 'BIN') and not iin_valid(val): err(i, f"invalid {ty} {val}")
        if ty == 'PAYMENT_CARD' and not luhn_valid(val): err(i, f"card fails Luhn {val}")
        if ty == 'IBAN' and not iban_valid(val): err(i, f"invalid IBAN {val}")
    # unlabelled look-alikes must not be valid
    for m in re.finditer(r'(?<![\d])\d{12}(?![\d])', rest):
        if iin_valid(m.group()): err(i, f"unlabelled valid IIN/BIN {m.group()}")
    for m in re.finditer(r'(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])', rest):
        s = re.sub(r'\D', '', m.group())
        # every contiguous sub-run of 13..19 digits aligned to the groups
        if luhn_valid(s) and len(s) in (13, 14, 15, 16, 18, 19):
            err(i, f"unlabelled Luhn-valid digit run {m.group()!r}")
    for m in re.finditer(r'\bKZ\d{2}(?: ?[0-9A-Z]){16}', rest):
        if iban_valid(m.group()): err(i, f"unlabelled valid IBAN {m.group()}")

print(f"lines: {n}  hard negatives: {hn_n}  positives: {n - hn_n}")
print("\n| type | spans |\n|---|---|")
for ty in sorted(TYPES, key=lambda x: -ent[x]):
    print(f"| {ty} | {ent[ty]} |")
print(f"| total | {sum(ent.values())} |")
print("\n| lang | lines | share |\n|---|---|---|")
for k, v in lang.most_common():
    print(f"| {k} | {v} | {100 * v / n:.0f} % |")
print("\n| kind | lines |\n|---|---|")
for k, v in kind.most_common():
    print(f"| {k} | {v} |")
if errors:
    print(f"\n{len(errors)} ERRORS:")
    print('\n'.join(errors))
    sys.exit(1)
print("\nOK: no errors")
