"""Checks names-more.txt and short-forms.txt: lower case, letters only (inner - or ' allowed), no duplicates
within or across files, none in the project's existing lists, none of length <= 3, none a lower-case word of
/usr/share/dict/american-english, none in left-out-words.txt, header line, lines under 120 chars."""
import re, glob, sys
D='/work/main/gateway/src/main/resources/io/qorgan/gateway/detect/'
existing=set()
for f in glob.glob(D+'names-*.txt')+[D+'name-words.txt']+glob.glob(D+'surnames*.txt'):
    for line in open(f,encoding='utf-8'):
        if not line.startswith('#'): existing.update(w.lower() for w in line.split())
dictw=set(l.strip() for l in open('/usr/share/dict/american-english',encoding='utf-8') if l.strip()==l.strip().lower())
left=set(open('left-out-words.txt',encoding='utf-8').read().split())
OK=re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")
seen={}; errors=0
for fn in ['names-more.txt','short-forms.txt']:
    lines=open(fn,encoding='utf-8').read().split('\n')
    if not lines[0].startswith('# '): print(fn,'bad header'); errors+=1
    n=0
    for i,l in enumerate(lines[1:],2):
        if not l: continue
        if len(l)>=120: print(fn,i,'line too long'); errors+=1
        if l!=' '.join(l.split()): print(fn,i,'spacing'); errors+=1
        for w in l.split(' '):
            n+=1
            prob=[]
            if w!=w.lower(): prob.append('not lower')
            if not OK.match(w): prob.append('not letters')
            if re.search('[a-z]',w) and re.search('[а-яёәғқңөұүһі]',w): prob.append('mixed script')
            if len(w)<=3: prob.append('short')
            if w in existing: prob.append('existing')
            if w in dictw: prob.append('dict word')
            if w in left: prob.append('in left-out-words')
            if w in seen: prob.append('duplicate of '+seen[w])
            seen[w]=f'{fn}:{i}'
            if prob: print(fn,i,w,prob); errors+=1
    print(fn,'forms',n,'lines',len([l for l in lines[1:] if l]))
print('errors',errors); sys.exit(1 if errors else 0)
