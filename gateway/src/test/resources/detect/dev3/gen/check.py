#!/usr/bin/env python3
"""Validate dev3.jsonl: JSON shape, unique ids, markup, identifier checksums, no valid unlabelled look-alikes.
Usage: python3 check.py [path]   (exit 1 on any error); prints counts per type, language and kind."""
import json, re, sys, os, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ids import iin_valid, iban_valid, luhn_valid

TYPES = ['PERSON', 'IIN', 'BIN', 'PHONE', 'EMAIL', 'IBAN', 'PAYMENT_CARD', 'ID_DOCUMENT', 'VEHICLE_PLATE', 'ADDRESS',
         'IP_ADDRESS', 'DATE_OF_BIRTH', 'SECRET']
LANGS = ['ru', 'kk', 'en', 'mixed']
SPAN = re.compile(r'\[\[([A-Z_]+):(.*?)\]\]', re.S)
RE12 = re.compile(r'(?<![\d])\d{12}(?![\d])')
REIBAN = re.compile(r'(?<![A-Za-z0-9])KZ\d{2}(?: ?[A-Z0-9]{4}){4}(?![A-Za-z0-9])')
RECARD = re.compile(r'(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])')
REMAIL = re.compile(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+')
REPHONE = re.compile(r'(?:\+7|(?<!\d)8)[ (-]*\d{3,4}\)?[ -]?\d{2,3}[ -]?\d{2}[ -]?\d{2}(?!\d)')
REIP = re.compile(r'(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])')


def line_errors(obj, pos=True):
    """Return list of error strings for one parsed record."""
    errs = []
    for k, t in (('id', str), ('kind', str), ('lang', str), ('hard_negative', bool), ('text', str)):
        if not isinstance(obj.get(k), t):
            errs.append(f'field {k} missing or wrong type')
    if errs:
        return errs
    if set(obj) != {'id', 'kind', 'lang', 'hard_negative', 'text'}:
        errs.append('unexpected keys %s' % sorted(obj))
    if obj['lang'] not in LANGS:
        errs.append('bad lang')
    text = obj['text']
    spans = SPAN.findall(text)
    rest = SPAN.sub('§', text)
    if '[[' in rest or ']]' in rest:
        errs.append('stray [[ or ]]')
    if obj['hard_negative'] and spans:
        errs.append('hard negative has markup')
    if not obj['hard_negative'] and not spans:
        errs.append('positive without spans')
    for t, v in spans:
        if t not in TYPES:
            errs.append(f'unknown type {t}')
        if v != v.strip() or not v:
            errs.append(f'padded/empty span {t}:{v!r}')
        if '\n' in v or '[' in v or ']' in v:
            errs.append(f'bad chars in span {t}:{v!r}')
        if t in ('IIN', 'BIN') and not iin_valid(v):
            errs.append(f'invalid {t} {v}')
        if t == 'IBAN' and not (iban_valid(v) and len(v.replace(' ', '')) == 20 and v.startswith('KZ')):
            errs.append(f'invalid IBAN {v}')
        if t == 'PAYMENT_CARD':
            d = re.sub(r'[ -]', '', v)
            if not (d.isdigit() and 13 <= len(d) <= 19 and luhn_valid(d)):
                errs.append(f'invalid card {v}')
        if t == 'EMAIL' and not REMAIL.fullmatch(v):
            errs.append(f'bad email {v}')
        if t == 'IP_ADDRESS' and not (REIP.fullmatch(v) or ':' in v):
            errs.append(f'bad ip {v}')
        if t == 'DATE_OF_BIRTH' and not re.search(r'\d', v):
            errs.append(f'bad dob {v}')
    # unlabelled look-alikes must not validate
    for m in RE12.finditer(rest):
        if iin_valid(m.group()):
            errs.append(f'unlabelled valid IIN/BIN {m.group()}')
    for m in REIBAN.finditer(rest):
        if iban_valid(m.group()):
            errs.append(f'unlabelled valid IBAN {m.group()}')
    for m in RECARD.finditer(rest):
        d = re.sub(r'[ -]', '', m.group())
        if luhn_valid(d):
            errs.append(f'unlabelled Luhn-valid number {m.group()}')
    for m in REMAIL.finditer(rest):
        errs.append(f'unlabelled email {m.group()}')
    for m in REPHONE.finditer(rest):
        errs.append(f'unlabelled phone-like {m.group()}')
    if not obj['hard_negative']:
        for m in REIP.finditer(rest):
            errs.append(f'unlabelled dotted quad in positive {m.group()}')
    return errs


def main(path):
    ids_seen = set(); bad = 0
    cnt = collections.Counter(); lang = collections.Counter(); kind = collections.Counter(); neg = collections.Counter()
    langneg = collections.Counter(); n = 0
    with open(path, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip('\n')
            try:
                obj = json.loads(line)
            except Exception as e:
                print(f'line {ln}: bad JSON {e}'); bad += 1; continue
            errs = line_errors(obj)
            if not re.fullmatch(r'd\d{4}', obj.get('id', '')) or obj['id'] in ids_seen:
                errs.append('bad or duplicate id')
            ids_seen.add(obj.get('id'))
            for e in errs:
                print(f'line {ln} ({obj.get("id")}): {e}')
            bad += bool(errs); n += 1
            for t, v in SPAN.findall(obj['text']):
                cnt[t] += 1
            lang[obj['lang']] += 1; kind[obj['kind']] += 1; neg[obj['hard_negative']] += 1
            langneg[(obj['lang'], obj['hard_negative'])] += 1
    print(f'\nlines: {n}   hard negatives: {neg[True]}   positives: {neg[False]}   lines with errors: {bad}')
    print('\n| type | spans |\n|---|---|')
    for t in TYPES:
        print(f'| {t} | {cnt[t]} |')
    print(f'| total | {sum(cnt.values())} |')
    print('\n| lang | lines | share | positives | hard negatives |\n|---|---|---|---|---|')
    for l in LANGS:
        print(f'| {l} | {lang[l]} | {100*lang[l]/max(n,1):.1f} % | {langneg[(l, False)]} | {langneg[(l, True)]} |')
    print('\n| kind | lines |\n|---|---|')
    for k, v in sorted(kind.items(), key=lambda x: (-x[1], x[0])):
        print(f'| {k} | {v} |')
    return bad


if __name__ == '__main__':
    p = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dev3.jsonl')
    sys.exit(1 if main(p) else 0)
