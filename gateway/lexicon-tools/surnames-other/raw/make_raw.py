#!/usr/bin/env python3
"""Turn the hand-written raw/surnames.src into raw/surnames.txt.

For each line it keeps the hand-written Cyrillic forms, derives the Russian feminine form
(-ов/-ев/-ин/-ын + а, -ский/-цкий -> -ская/-цкая, -ий/-ый -> -ая) unless the line starts
with "=", and adds the Kazakhstani passport transliteration of every Cyrillic form, then the
hand-written extra Latin spellings. Written for Qorgan from general knowledge.
"""
import re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
T = {'а':'a','б':'b','в':'v','г':'g','д':'d','е':'e','ё':'e','ж':'zh','з':'z','и':'i','й':'y',
     'к':'k','л':'l','м':'m','н':'n','о':'o','п':'p','р':'r','с':'s','т':'t','у':'u','ф':'f',
     'х':'kh','ц':'ts','ч':'ch','ш':'sh','щ':'shch','ъ':'','ы':'y','ь':'','э':'e','ю':'yu','я':'ya',
     '-':'-'}

def translit(w):
    return ''.join(T[c] for c in w)

def feminine(w):
    if re.search(r'(ов|ев|ёв|ин|ын)$', w):
        return w + 'а'
    if re.search(r'(ий|ый)$', w):
        return w[:-2] + 'ая'
    if w.endswith('ой'):
        return w[:-2] + 'ая'
    return None

def main():
    src = HERE / 'surnames.src'
    out = []
    for line in src.read_text(encoding='utf-8').splitlines():
        s = line.strip()
        if not s:
            continue
        if s.startswith('#'):
            if not s.startswith('# Source') and not s.startswith('# Line') and not s.startswith('# A leading') \
               and not s.startswith('# (-ов'):
                out.append(s)
            continue
        nofem = s.startswith('=')
        if nofem:
            s = s[1:]
        parts = s.split('||')
        main_part = parts[0].split('|')
        cyr = main_part[0].split()
        lat = main_part[1].split() if len(main_part) > 1 else []
        fcyr, flat = [], []
        if len(parts) > 1:
            fp = parts[1].split('|')
            fcyr = fp[0].split()
            flat = fp[1].split() if len(fp) > 1 else []
        elif not nofem:
            for w in cyr:
                f = feminine(w)
                if f:
                    fcyr.append(f)
        forms = []
        for w in cyr + fcyr:
            if w not in forms:
                forms.append(w)
        latin = []
        for w in cyr:
            latin.append(translit(w))
        for w in fcyr:
            latin.append(translit(w))
        latin += lat + flat
        for w in latin:
            if w not in forms:
                forms.append(w)
        out.append(' '.join(forms))
    (HERE / 'surnames.txt').write_text('\n'.join(out) + '\n', encoding='utf-8')
    print('wrote', HERE / 'surnames.txt', sum(1 for l in out if not l.startswith('#')), 'lines')

if __name__ == '__main__':
    main()
