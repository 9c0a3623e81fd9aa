import re, glob, sys, os
D='/work/main/gateway/src/main/resources/io/qorgan/gateway/detect/'
existing=set()
for f in glob.glob(D+'names-*.txt')+[D+'name-words.txt']+glob.glob(D+'surnames*.txt'):
    for line in open(f,encoding='utf-8'):
        if line.startswith('#'): continue
        for w in line.split(): existing.add(w.lower())
dictw=set(l.strip() for l in open('/usr/share/dict/american-english',encoding='utf-8') if l.strip() and l.strip()==l.strip().lower())
manual=set()
for line in open('raw/words-manual.txt',encoding='utf-8'):
    if line.startswith('#'): continue
    manual.update(line.split())
OK=re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")
seen=set(); leftout=[]; stats={}
full=set(open('raw/short-full.txt',encoding='utf-8').read().split())
fullmissing=[]
def process(src,dst,header):
    out=[]; n=0; st={'existing':0,'short':0,'dict':0,'manual':0,'dup':0,'bad':0}
    for line in open(src,encoding='utf-8'):
        line=line.strip()
        if not line: continue
        if line.startswith('#'): continue
        keep=[]
        for w in line.split():
            w=w.lower()
            if not OK.match(w): st['bad']+=1; print('BAD',w,file=sys.stderr); continue
            if re.search('[a-z]',w) and re.search('[а-яёәғқңөұүһі]',w): st['bad']+=1; print('MIXED',w,file=sys.stderr); continue
            if w in seen: st['dup']+=1; continue
            if 'short' in src and w in full:
                if w not in existing: fullmissing.append(w)
                continue
            if w in existing: st['existing']+=1; seen.add(w); continue
            if len(w)<=3: st['short']+=1; seen.add(w); continue
            if w in manual: st['manual']+=1; leftout.append(w); seen.add(w); continue
            if w in dictw: st['dict']+=1; leftout.append(w); seen.add(w); continue
            seen.add(w); keep.append(w)
        if keep:
            # wrap under 120
            cur=''
            for w in keep:
                if cur and len(cur)+1+len(w)>=120: out.append(cur); cur=w
                else: cur=(cur+' '+w) if cur else w
            out.append(cur); n+=len(keep)
    with open(dst,'w',encoding='utf-8') as f:
        f.write(header+'\n'); f.write('\n'.join(out)+'\n')
    stats[dst]=(n,st)
process('raw/more.txt','names-more.txt','# First names of the other peoples of Kazakhstan (Russian, Ukrainian, Belarusian, Tatar, Uzbek, Uyghur, Kyrgyz, Turkmen, Tajik, Korean, Chechen, Azerbaijani, Turkish, German, Polish, Greek, Armenian, Georgian, Jewish, English/international), Cyrillic and Latin, lower case; one name per line; written from general knowledge by a helper session, 2026-12-07.')
process('raw/short.txt','short-forms.txt','# Diminutive and short forms of first names (Russian, Kazakh, Uzbek, Tatar and others) as used in chats and speech, Cyrillic and Latin, lower case; one name per line; written from general knowledge by a helper session, 2026-12-07.')
# manual words not encountered also listed? only those encountered
with open('left-out-words.txt','w',encoding='utf-8') as f:
    f.write('\n'.join(sorted(set(leftout)))+'\n')
for k,v in stats.items(): print(k,v)
print('left-out',len(set(leftout)))
print('full not existing',fullmissing)
