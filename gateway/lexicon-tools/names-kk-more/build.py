#!/usr/bin/env python3
"""Builds names-kk-more.txt and name-words-more.txt from data_f.txt, data_m.txt, data_w.txt (Kazakh Cyrillic names,
written from general knowledge). Derives the Russian-keyboard and Latin (passport) forms by rule, drops every form
already in the detector's lists, and every form already written for an earlier name."""
import glob, re
DET = '/work/main/gateway/src/main/resources/io/qorgan/gateway/detect/'
existing = set()
for f in glob.glob(DET + 'names-*.txt') + [DET + 'name-words.txt'] + glob.glob(DET + 'surnames*.txt'):
    for line in open(f, encoding='utf-8'):
        if line.startswith('#'):
            continue
        existing.update(w.lower() for w in line.split())

KB = {'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и'}
LAT = {'а': 'a', 'ә': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'g', 'д': 'd', 'е': 'e', 'ё': 'yo', 'ж': 'zh', 'з': 'z',
       'и': 'i', 'й': 'i', 'к': 'k', 'қ': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'n', 'о': 'o', 'ө': 'o', 'п': 'p',
       'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ұ': 'u', 'ү': 'u', 'ф': 'f', 'х': 'kh', 'һ': 'h', 'ц': 'ts', 'ч': 'ch',
       'ш': 'sh', 'щ': 'shch', 'ъ': '', 'ы': 'y', 'і': 'i', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya', '-': '-'}
VOW = set('аәеёиоөуұүыіэюя')
CONS = set('бвгғджзйкқлмнңпрстфхһцчшщ')

def kb(w):
    return ''.join(KB.get(c, c) for c in w)

def russian(w):
    """The Russian spelling: soft sign after ү/і + л before a consonant or at the end (Гүлмира -> Гульмира,
    Әділ -> Адиль, Ділназ -> Дильназ), and final -ел -> -ель (Әсел -> Асель)."""
    r = re.sub(r'([үі])л(?=[бвгғджзйкқлмнңпрстфхһцчшщ]|$)', r'\1ль', w)
    if re.search(r'[әеі]л$', w) and len(w) > 3:
        r = r if r.endswith('ль') else r + 'ь'
    return kb(r)

def latin(w):
    out = []
    for i, c in enumerate(w):
        p = w[i - 1] if i else ''
        n = w[i + 1] if i + 1 < len(w) else ''
        if c == 'е' and i == 0:
            out.append('ye')
        elif c == 'с' and p in VOW and n in VOW:
            out.append('ss')
        elif c == 'и' and n == 'я':
            out.append('i')
        else:
            out.append(LAT[c])
    return ''.join(out)

def latin_alts(w, primary):
    alts = []
    if primary.startswith('ye'):
        alts.append(primary[1:])
    if 'ss' in primary:
        alts.append(re.sub(r'(?<=[aeiouy])ss(?=[aeiouy])', 's', primary))
    if 'й' in w and not re.search('й[яюеё]', w):
        alts.append(''.join('y' if c == 'й' else LAT[c] if c != 'е' or i else 'ye' for i, c in enumerate(w)))
    if 'қ' in w:
        alts.append(''.join('q' if c == 'қ' else LAT[c] if c != 'е' or i else 'ye' for i, c in enumerate(w)))
    res = []
    for a in alts:
        if a != primary and a not in res:
            res.append(a)
    return res[:2]

# Latin forms that are common English tokens (AI) are left out
NO_LATIN = {'ай'}

def forms(entry):
    parts = entry.split('=')
    w = parts[0]
    fs = [w, kb(w), russian(w)] + ([] if w in NO_LATIN else [latin(w)] + latin_alts(w, latin(w))) + parts[1:]
    res = []
    for f in fs:
        if f not in res:
            res.append(f)
    return res

def load(fn):
    out = []
    for line in open(fn, encoding='utf-8'):
        if not line.startswith('#'):
            out += line.split()
    return out

words = load('data_w.txt')
names = load('data_f.txt') + load('data_m.txt')
wordset = {e.split('=')[0] for e in words}
used = set(existing)
stats = {}

def build(entries, skip):
    lines, seen, newkk = [], set(), 0
    for e in entries:
        base = e.split('=')[0]
        if base in seen or base in skip:
            continue
        seen.add(base)
        fs = [f for f in forms(e) if f not in used]
        if not fs:
            continue
        used.update(fs)
        if fs[0] == base:
            newkk += 1
        lines.append(' '.join(fs))
    return lines, newkk

wl, wn = build(words, set())
nl, nn = build(names, wordset)

def write(fn, head, lines):
    with open(fn, 'w', encoding='utf-8') as f:
        f.write(head + '\n')
        for l in lines:
            f.write(l + '\n')

write('names-kk-more.txt', '# Kazakh first names that are no ordinary word: Kazakh, Russian-keyboard, Russian and Latin forms (README.md)', nl)
write('name-words-more.txt', '# Kazakh first names that are also words, places or historic figures (Бота, Қанат, Мұхтар); see README.md', wl)
for fn, ls, k in [('names-kk-more.txt', nl, nn), ('name-words-more.txt', wl, wn)]:
    print(fn, 'names', len(ls), 'with new Kazakh form', k, 'forms', sum(len(l.split()) for l in ls))
