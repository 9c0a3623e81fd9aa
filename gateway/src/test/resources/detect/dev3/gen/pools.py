"""Invented name, address and value pools plus declension helpers (standard library only)."""
import random, string
import ids

R = random.Random(20261206)

def S(t, v):
    assert v == v.strip() and '\n' not in v and '[[' not in v and ']]' not in v, v
    return '[[%s:%s]]' % (t, v)

# ---------------------------------------------------------------- people
KZ_M = ['Ерлан', 'Нұрлан', 'Асқар', 'Дәурен', 'Қайрат', 'Серік', 'Бауыржан', 'Марат', 'Азамат', 'Данияр', 'Олжас',
        'Жандос', 'Ержан', 'Талғат', 'Мұрат', 'Арман', 'Бекзат', 'Айдос', 'Ғалым', 'Қанат', 'Ерасыл', 'Жасұлан',
        'Мейрам', 'Санжар', 'Әлихан', 'Дархан', 'Нұрбол', 'Ақжол', 'Абылай', 'Алмас']
KZ_F = ['Айгерім', 'Әсел', 'Мәдина', 'Динара', 'Жанар', 'Гүлнар', 'Салтанат', 'Аружан', 'Меруерт', 'Ақбота',
        'Назерке', 'Сәуле', 'Айсұлу', 'Жұлдыз', 'Гаухар', 'Ләззат', 'Шолпан', 'Мөлдір', 'Балауса', 'Іңкәр',
        'Дариға', 'Томирис', 'Камила', 'Ұлжан', 'Арайлым', 'Ботагөз', 'Гүлмира', 'Жазира', 'Алия', 'Зарина']
KZ_STEMS = ['Ахмет', 'Жұмабек', 'Сейіт', 'Нұрпейіс', 'Омар', 'Исабек', 'Қасым', 'Байжан', 'Төлеген', 'Сұлтанбек',
            'Әбдірахман', 'Ермек', 'Мұқан', 'Оспан', 'Тұрсынбай', 'Сәрсенбай', 'Қалиев', 'Бектұрған', 'Жақып',
            'Дүйсенбай', 'Есенжол', 'Құрманғали', 'Шәріп', 'Серікбай', 'Әлімжан', 'Мырзахмет', 'Тоқтар', 'Әмір']
KZ_NOSUF = ['Тоқай', 'Жұмабек', 'Сәрсен', 'Ермекбай', 'Нұрғали', 'Бекмұрат', 'Әлібек']
RU_M = [('Александр',), ('Алексей',), ('Андрей',), ('Антон',), ('Артём',), ('Владимир',), ('Виктор',), ('Дмитрий',),
        ('Евгений',), ('Иван',), ('Игорь',), ('Константин',), ('Максим',), ('Михаил',), ('Николай',), ('Олег',),
        ('Павел',), ('Роман',), ('Сергей',), ('Юрий',), ('Валерий',), ('Геннадий',), ('Станислав',)]
RU_M = [x[0] for x in RU_M]
RU_F = ['Анастасия', 'Анна', 'Валентина', 'Виктория', 'Галина', 'Дарья', 'Екатерина', 'Елена', 'Ирина', 'Ксения',
        'Людмила', 'Марина', 'Мария', 'Наталья', 'Ольга', 'Светлана', 'Татьяна', 'Юлия', 'Оксана', 'Надежда',
        'Лариса', 'Вера', 'Любовь']
RU_PATR_STEMS = ['Александров', 'Сергеев', 'Петров', 'Игорев', 'Викторов', 'Олегов', 'Николаев', 'Васильев',
                 'Андреев', 'Павлов', 'Юрьев', 'Михайлов', 'Иванов', 'Владимиров', 'Геннадьев', 'Борисов']
RU_SUR = [  # (male, female, type)
    ('Смирнов', 'Смирнова'), ('Кузнецов', 'Кузнецова'), ('Соколов', 'Соколова'), ('Волков', 'Волкова'),
    ('Лебедев', 'Лебедева'), ('Морозов', 'Морозова'), ('Новиков', 'Новикова'), ('Фомин', 'Фомина'),
    ('Ильин', 'Ильина'), ('Вишневский', 'Вишневская'), ('Островский', 'Островская'), ('Полянский', 'Полянская'),
    ('Белецкий', 'Белецкая'), ('Луговой', 'Луговая'), ('Заречный', 'Заречная'), ('Белых', 'Белых'),
    ('Черных', 'Черных'), ('Долгих', 'Долгих'), ('Седых', 'Седых'), ('Бондаренко', 'Бондаренко'),
    ('Шевченко', 'Шевченко'), ('Кравченко', 'Кравченко'), ('Гончаренко', 'Гончаренко'), ('Мирошко', 'Мирошко'),
    ('Ковальчук', 'Ковальчук'), ('Мельничук', 'Мельничук'), ('Савчук', 'Савчук'), ('Гордиенко', 'Гордиенко'),
    ('Ким', 'Ким'), ('Пак', 'Пак'), ('Цой', 'Цой'), ('Тен', 'Тен'), ('Ли', 'Ли'), ('Хван', 'Хван'), ('Шин', 'Шин'),
    ('Шмидт', 'Шмидт'), ('Вагнер', 'Вагнер'), ('Келлер', 'Келлер'), ('Рихтер', 'Рихтер'), ('Гейнц', 'Гейнц'),
    ('Галиев', 'Галиева'), ('Хабибуллин', 'Хабибуллина'), ('Сафин', 'Сафина'), ('Валиев', 'Валиева'),
    ('Рахимов', 'Рахимова'), ('Каримов', 'Каримова'), ('Юсупов', 'Юсупова'), ('Турсунов', 'Турсунова'),
    ('Масимов', 'Масимова'), ('Ахмеджанов', 'Ахмеджанова'), ('Исмаилов', 'Исмаилова')]
ETH_FIRST = {  # surname -> plausible first names (m, f) and patronymic stems
    'ko': (['Виктор', 'Андрей', 'Валерий', 'Олег', 'Эдуард', 'Роман'], ['Елена', 'Ирина', 'Марина', 'Светлана', 'Алла']),
    'de': (['Виктор', 'Андрей', 'Эдуард', 'Генрих', 'Александр'], ['Ольга', 'Эльвира', 'Ирина', 'Лидия']),
    'tt': (['Рустем', 'Ильдар', 'Ринат', 'Марсель', 'Айдар'], ['Алсу', 'Гульнара', 'Лейсан', 'Диляра', 'Эльмира']),
    'uz': (['Шухрат', 'Улугбек', 'Джахонгир', 'Бахтиёр', 'Фаррух', 'Дилшод'], ['Дилноза', 'Гулчехра', 'Нигора', 'Мадина', 'Шахноза']),
    'ug': (['Дилмурат', 'Ильхам', 'Мурат', 'Абдували', 'Ахмаджан'], ['Гульнара', 'Рузигуль', 'Патигуль', 'Мукаддас']),
}
ETH_PATR = {'ko': ['Сергеев', 'Николаев', 'Викторов', 'Иванов'], 'de': ['Иванов', 'Петров', 'Генрихов', 'Яковлев'],
            'tt': ['Ринатов', 'Рашитов', 'Ильдаров', 'Маратов'], 'uz': ['Бахтиёров', 'Рустамов', 'Шавкатов', 'Алишеров'],
            'ug': ['Абдувалиев', 'Турсунов', 'Ахметов', 'Нурахунов']}
SUR_ETH = {'Ким': 'ko', 'Пак': 'ko', 'Цой': 'ko', 'Тен': 'ko', 'Ли': 'ko', 'Хван': 'ko', 'Шин': 'ko',
           'Шмидт': 'de', 'Вагнер': 'de', 'Келлер': 'de', 'Рихтер': 'de', 'Гейнц': 'de',
           'Галиев': 'tt', 'Хабибуллин': 'tt', 'Сафин': 'tt', 'Валиев': 'tt',
           'Рахимов': 'uz', 'Каримов': 'uz', 'Юсупов': 'uz', 'Исмаилов': 'uz',
           'Турсунов': 'ug', 'Масимов': 'ug', 'Ахмеджанов': 'ug'}
EN_PEOPLE = [('John', 'Miller', 'm'), ('Sarah', 'Collins', 'f'), ("Michael", "O'Brien", 'm'), ('Anna', 'Schneider', 'f'),
             ('Mehmet', 'Yılmaz', 'm'), ('Li', 'Wei', 'm'), ('Rahul', 'Sharma', 'm'), ('Ahmed', 'Hassan', 'm'),
             ('Giorgi', 'Beridze', 'm'), ('Armen', 'Petrosyan', 'm'), ('Emily', 'Clarke', 'f'), ('Thomas', 'Becker', 'm'),
             ('Laura', 'Rossi', 'f'), ('David', 'Nguyen', 'm'), ('Olivia', 'Brooks', 'f'), ('Kenji', 'Tanaka', 'm'),
             ('Fatima', 'Karimi', 'f'), ('Pierre', 'Dubois', 'm'), ('Yerlan', 'Akhmetov', 'm'), ('Aigerim', 'Suleimenova', 'f'),
             ('Dauren', 'Seitkali', 'm'), ('Madina', 'Abenova', 'f'), ('Timur', 'Kassymov', 'm'), ('Assel', 'Nurpeisova', 'f'),
             ('Sergey', 'Volkov', 'm'), ('Olga', 'Kim', 'f'), ('Bakhtiyor', 'Rakhimov', 'm'), ('Dilnoza', 'Yusupova', 'f')]

TR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі',
              ['a', 'b', 'v', 'g', 'd', 'e', 'e', 'zh', 'z', 'i', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u',
               'f', 'kh', 'ts', 'ch', 'sh', 'sch', '', 'y', '', 'e', 'yu', 'ya', 'a', 'g', 'k', 'n', 'o', 'u', 'u', 'h', 'i']))
RUIFY = str.maketrans('әғқңөұүһіӘҒҚҢӨҰҮҺІ', 'агкноуухиАГКНОУУХИ')

def translit(s):
    out = ''
    for ch in s:
        lo = ch.lower()
        if lo in TR:
            t = TR[lo]
            out += t.capitalize() if ch != lo and t else t
        else:
            out += ch
    return out

class P:
    def __init__(self, sur, first, patr, sex, kind, y, m, d):
        self.sur, self.first, self.patr, self.sex, self.kind = sur, first, patr, sex, kind
        self.y, self.m, self.d = y, m, d
        self._iin = None
    @property
    def male(self):
        return self.sex == 'm'
    def iin(self):
        if not self._iin:
            self._iin = ids.make_iin(R, self.y, self.m, self.d, self.male)
        return self._iin

def rdate(lo=1950, hi=2008):
    y = R.randint(lo, hi); m = R.randint(1, 12); d = R.randint(1, 28)
    return y, m, d

def kz_person(sex=None, patr=None, nosuf=False, lo=1950, hi=2006):
    sex = sex or R.choice('mf')
    first = R.choice(KZ_M if sex == 'm' else KZ_F)
    if nosuf or R.random() < 0.12:
        sur = R.choice(KZ_NOSUF)
    else:
        stem = R.choice(KZ_STEMS)
        if stem.endswith('ев'):
            base = stem
        elif stem.endswith('й'):
            base = stem[:-1] + 'ев'
        elif stem[-1] in 'иі':
            base = stem + 'ев'
        elif stem[-1] in 'аеоұыә':
            base = stem + 'в'
        else:
            base = stem + 'ов'
        sur = base if sex == 'm' else base + 'а'
    if patr is None:
        patr = R.random() < 0.6
    p = None
    if patr:
        f = R.choice(KZ_M)
        style = R.random()
        if style < 0.5:
            p = f + ('ұлы' if sex == 'm' else 'қызы')
        else:
            stem = f if not f.endswith(('й',)) else f
            fr = f.translate(RUIFY)
            if fr.endswith('й'):
                p = fr[:-1] + ('евич' if sex == 'm' else 'евна')
            else:
                p = fr + ('ович' if sex == 'm' else 'овна')
    y, m, d = rdate(lo, hi)
    return P(sur, first, p, sex, 'kz', y, m, d)

def ru_person(sex=None, patr=True, lo=1950, hi=2006, eth=None):
    sex = sex or R.choice('mf')
    pool = RU_SUR if eth is None else [s for s in RU_SUR if SUR_ETH.get(s[0]) == eth]
    ms, fs = R.choice(pool)
    sur = ms if sex == 'm' else fs
    e = SUR_ETH.get(ms)
    if e:
        first = R.choice(ETH_FIRST[e][0 if sex == 'm' else 1])
        pst = R.choice(ETH_PATR[e])
    else:
        first = R.choice(RU_M if sex == 'm' else RU_F)
        pst = R.choice(RU_PATR_STEMS)
    p = None
    if patr:
        if pst.endswith('ев') and sex == 'm':
            p = pst[:-2] + 'евич'
        elif pst.endswith('ев'):
            p = pst[:-2] + 'евна'
        else:
            p = pst[:-2] + ('ович' if sex == 'm' else 'овна')
    y, m, d = rdate(lo, hi)
    return P(sur, first, p, sex, e or 'ru', y, m, d)

def any_person(**kw):
    return kz_person(**kw) if R.random() < 0.5 else ru_person(**{k: v for k, v in kw.items() if k in ('sex', 'lo', 'hi')})

CASES = ['nom', 'gen', 'dat', 'acc', 'ins', 'prep']

def d_sur(s, sex, c):
    i = CASES.index(c)
    if i == 0:
        return s
    low = s.lower()
    if sex == 'm':
        if low.endswith(('ов', 'ев', 'ёв', 'ин', 'ын')) and low not in ('шин',):
            return s + ['', 'а', 'у', 'а', 'ым', 'е'][i]
        if low.endswith(('ский', 'цкий')):
            return s[:-2] + ['ий', 'ого', 'ому', 'ого', 'им', 'ом'][i]
        if low.endswith(('ый', 'ой')) and low != 'цой':
            return s[:-2] + [s[-2:], 'ого', 'ому', 'ого', 'ым', 'ом'][i]
        if low == 'цой':
            return s[:-1] + ['й', 'я', 'ю', 'я', 'ем', 'е'][i]
        if low.endswith(('ко', 'ых', 'их', 'ли', 'ұлы', 'улы')) or low[-1] in 'аеёиоуыэюя':
            return s
        if low.endswith('ай'):
            return s[:-1] + ['й', 'я', 'ю', 'я', 'ем', 'е'][i]
        return s + ['', 'а', 'у', 'а', 'ом', 'е'][i]
    else:
        if low.endswith(('ова', 'ева', 'ина', 'ына', 'ёва')):
            return s[:-1] + ['а', 'ой', 'ой', 'у', 'ой', 'ой'][i]
        if low.endswith('ая'):
            return s[:-2] + ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'][i]
        return s

IRREG = {'Павел': ['Павел', 'Павла', 'Павлу', 'Павла', 'Павлом', 'Павле'],
         'Любовь': ['Любовь', 'Любови', 'Любови', 'Любовь', 'Любовью', 'Любови'],
         'Артём': ['Артём', 'Артёма', 'Артёму', 'Артёма', 'Артёмом', 'Артёме']}

def d_first(s, sex, c):
    i = CASES.index(c)
    if i == 0:
        return s
    if s in IRREG:
        return IRREG[s][i]
    if sex == 'm':
        if s.endswith('ий'):
            return s[:-2] + ['ий', 'ия', 'ию', 'ия', 'ием', 'ии'][i]
        if s.endswith(('й', 'ь')):
            return s[:-1] + [s[-1], 'я', 'ю', 'я', 'ем', 'е'][i]
        if s[-1] in 'аеиоуыэюяі':
            return s
        return s + ['', 'а', 'у', 'а', 'ом', 'е'][i]
    if s.endswith('ия'):
        return s[:-2] + ['ия', 'ии', 'ии', 'ию', 'ией', 'ии'][i]
    if s.endswith('ья'):
        return s[:-2] + ['ья', 'ьи', 'ье', 'ью', 'ьей', 'ье'][i]
    if s.endswith('а'):
        g = s[-2] in 'гкхжшчщ'
        return s[:-1] + ['а', 'и' if g else 'ы', 'е', 'у', 'ой', 'е'][i]
    return s

def d_patr(s, sex, c):
    i = CASES.index(c)
    if not s or i == 0 or s.endswith(('ұлы', 'қызы', 'улы', 'кызы')):
        return s
    if s.endswith('ич'):
        return s + ['', 'а', 'у', 'а', 'ем', 'е'][i]
    if s.endswith('на'):
        return s[:-1] + ['а', 'ы', 'е', 'у', 'ой', 'е'][i]
    return s

def ru_name(p, c='nom', style=None, caps=False, ruify=True):
    """Russian-text rendering. style: sfp, fps, fs, sf, s_ini, ini_s, f"""
    sur, first, patr = p.sur, p.first, p.patr
    if ruify:
        sur, first = sur.translate(RUIFY), first.translate(RUIFY)
        patr = patr.translate(RUIFY) if patr else patr
    style = style or R.choice(['sfp', 'sfp', 'sfp', 'fps', 'fs', 's_ini', 'ini_s'])
    if not patr and style in ('sfp', 'fps', 'fp'):
        style = 'sf'
    ds, df, dp = d_sur(sur, p.sex, c), d_first(first, p.sex, c), d_patr(patr, p.sex, c) if patr else None
    ini = first[0] + '.' + ((patr[0] + '.') if patr and not patr.endswith(('улы', 'кызы', 'ұлы', 'қызы')) else '')
    if R.random() < 0.2 and len(ini) > 2:
        ini = ini[:2] + ' ' + ini[2:]
    out = {'fp': f'{df} {dp}', 'sfp': f'{ds} {df} {dp}', 'fps': f'{df} {dp} {ds}', 'fs': f'{df} {ds}', 'sf': f'{ds} {df}',
           's_ini': f'{ds} {ini}', 'ini_s': f'{ini} {ds}', 'f': df, 's': ds}[style]
    return out.upper() if caps else out

BACKV = set('аоұыяюАОҰЫЯЮ')
FRONTV = set('әеіөүэиёЕӘІӨҮЭИ')
VOW = set('аоұыяюәеіөүэиёуАОҰЫЯЮӘЕІӨҮЭИУ')

def kk_suffix(w, c):
    """Attach a Kazakh case ending (gen, dat, acc, abl, ins) to word w."""
    front = False
    for ch in reversed(w.lower()):
        if ch in BACKV:
            break
        if ch in FRONTV:
            front = True
            break
    fb = lambda b, f: f if front else b
    lw = w.lower()
    if lw.endswith(('ұлы', 'қызы', 'улы', 'кызы')):
        return w + {'gen': fb('ның', 'нің'), 'dat': fb('на', 'не'), 'acc': 'н', 'abl': fb('нан', 'нен'),
                    'ins': 'мен', 'nom': ''}[c]
    last = lw[-1]
    if last in 'аоұыяюәеіөүэи':
        cl = 'v'
    elif last in 'мнң':
        cl = 'n'
    elif last in 'лрйу':
        cl = 'l'
    elif last in 'жз':
        cl = 'z'
    else:
        cl = 't'
    tab = {
        'gen': {'v': ('ның', 'нің'), 'n': ('ның', 'нің'), 'l': ('дың', 'дің'), 'z': ('дың', 'дің'), 't': ('тың', 'тің')},
        'dat': {'v': ('ға', 'ге'), 'n': ('ға', 'ге'), 'l': ('ға', 'ге'), 'z': ('ға', 'ге'), 't': ('қа', 'ке')},
        'acc': {'v': ('ны', 'ні'), 'n': ('ды', 'ді'), 'l': ('ды', 'ді'), 'z': ('ды', 'ді'), 't': ('ты', 'ті')},
        'abl': {'v': ('дан', 'ден'), 'n': ('нан', 'нен'), 'l': ('дан', 'ден'), 'z': ('дан', 'ден'), 't': ('тан', 'тен')},
        'ins': {'v': ('мен', 'мен'), 'n': ('мен', 'мен'), 'l': ('мен', 'мен'), 'z': ('бен', 'бен'), 't': ('пен', 'пен')},
    }
    if c == 'nom':
        return w
    return w + fb(*tab[c][cl])

def kk_name(p, c='nom', style=None, caps=False):
    style = style or R.choice(['sf', 'sf', 'sfp', 'fs', 'fp', 's_ini'])
    if style in ('sfp', 'fp') and not p.patr:
        style = 'sf'
    words = {'sf': [p.sur, p.first], 'sfp': [p.sur, p.first, p.patr], 'fs': [p.first, p.sur], 'fp': [p.first, p.patr],
             'f': [p.first], 's_ini': [p.sur, p.first[0] + '.'], 'ini_s': [p.first[0] + '.', p.sur]}[style]
    if c != 'nom':
        if words[-1].endswith('.'):
            words = [words[-1]] + words[:-1]  # "А. Ахметовке"
        words[-1] = kk_suffix(words[-1], c)
    out = ' '.join(words)
    return out.upper() if caps else out

def en_name(p, style=None, caps=False):
    style = style or R.choice(['fs', 'fs', 'sf', 'f_ini'])
    f, s = translit(p.first), translit(p.sur)
    out = {'fs': f'{f} {s}', 'sf': f'{s} {f}', 'f_ini': f'{f[0]}. {s}', 'caps': f'{s.upper()} {f.upper()}',
           'f': f}[style]
    return out.upper() if caps else out

def en_person():
    f, s, sex = R.choice(EN_PEOPLE)
    y, m, d = rdate(1955, 2003)
    return P(s, f, None, sex, 'en', y, m, d)

# ---------------------------------------------------------------- dates
MON_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']
MON_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']
MON_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

def dob(p, fmt):
    y, m, d = p.y, p.m, p.d
    if fmt == 'dot':
        return f'{d:02d}.{m:02d}.{y}'
    if fmt == 'iso':
        return f'{y}-{m:02d}-{d:02d}'
    if fmt == 'ru':
        return f'{d} {MON_RU[m-1]} {y} г.'
    if fmt == 'ru_nog':
        return f'{d} {MON_RU[m-1]} {y}'
    if fmt == 'kk':
        mm = MON_KK[m - 1]
        return f'{y} жылғы {d} {kk_loc(mm)}'
    if fmt == 'kk_nom':
        return f'{y} жылғы {d} {MON_KK[m-1]}'
    if fmt == 'en':
        return f'{d} {MON_EN[m-1]} {y}'
    if fmt == 'en_us':
        return f'{MON_EN[m-1]} {d}, {y}'
    if fmt == 'slash':
        return f'{d:02d}/{m:02d}/{y}'
    raise ValueError(fmt)

def kk_loc(w):
    front = any(ch in FRONTV for ch in w[-3:]) and not any(ch in BACKV for ch in w[-2:])
    last = w[-1]
    if last in 'кқпстшфх':
        return w + ('те' if front else 'та')
    return w + ('де' if front else 'да')

def rnd_date(lo=2019, hi=2026, fmt='dot'):
    y = R.randint(lo, hi); m = R.randint(1, 12); d = R.randint(1, 28)
    return {'dot': f'{d:02d}.{m:02d}.{y}', 'iso': f'{y}-{m:02d}-{d:02d}', 'ru': f'{d} {MON_RU[m-1]} {y} г.',
            'kk': f'{y} жылғы {d} {MON_KK[m-1]}', 'en': f'{d} {MON_EN[m-1]} {y}'}[fmt]

# ---------------------------------------------------------------- contacts
MOB = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778', '760', '785']
LAND = [('727', 7), ('7172', 6), ('7212', 6), ('7252', 6), ('7132', 6), ('7122', 6), ('7182', 6), ('7232', 6),
        ('7222', 6), ('7262', 6), ('7142', 6), ('7152', 6)]

def phone(kind=None):
    kind = kind or R.choice(['mob'] * 5 + ['land', 'foreign'])
    if kind == 'mob':
        op = R.choice(MOB); n = '%07d' % R.randint(0, 9999999)
        a, b, c = n[:3], n[3:5], n[5:]
        return R.choice([f'+7 {op} {a} {b} {c}', f'+7 ({op}) {a}-{b}-{c}', f'+7{op}{n}', f'8 ({op}) {a}-{b}-{c}',
                         f'8-{op}-{a}-{b}-{c}', f'8{op}{n}', f'{op} {a} {b}{c}', f'+7 {op} {n}', f'8 {op} {a} {b} {c}'])
    if kind == 'land':
        code, ln = R.choice(LAND)
        n = '%0*d' % (ln, R.randint(10 ** (ln - 1), 10 ** ln - 1))
        if ln == 7:
            return R.choice([f'8 (727) {n[:3]}-{n[3:5]}-{n[5:]}', f'+7 727 {n[:3]} {n[3:5]} {n[5:]}', f'8 727 {n}'])
        return R.choice([f'8 ({code}) {n[:2]}-{n[2:4]}-{n[4:]}', f'+7 {code} {n[:2]} {n[2:4]} {n[4:]}', f'8-{code}-{n}'])
    return R.choice([f'+49 30 {R.randint(1000000, 9999999)}', f'+998 90 {R.randint(100,999)} {R.randint(10,99)} {R.randint(10,99)}',
                     f'+82 10-{R.randint(1000,9999)}-{R.randint(1000,9999)}', f'+44 20 7{R.randint(100,999)} {R.randint(1000,9999)}',
                     f'+1 (415) {R.randint(200,999)}-{R.randint(1000,9999)}', f'+996 555 {R.randint(100,999)} {R.randint(100,999)}',
                     f'+7 916 {R.randint(100,999)}-{R.randint(10,99)}-{R.randint(10,99)}', f'+90 532 {R.randint(100,999)} {R.randint(10,99)} {R.randint(10,99)}'])

DOMAINS = ['mail.kz', 'gmail.com', 'mail.ru', 'yandex.kz', 'inbox.kz', 'outlook.com', 'bk.ru', 'list.ru']
CORP = ['kazenergo-service.kz', 'almatygaz-trade.kz', 'nurtech.kz', 'qazlogistic.kz', 'steppe-agro.kz', 'edu-astana.kz',
        'medcenter-shipa.kz', 'kbtu-alumni.kz']

def email(p=None, corp=False):
    if p is None:
        p = any_person()
    f, s = translit(p.first).lower().replace("'", ''), translit(p.sur).lower().replace("'", '').replace('ı', 'i')
    loc = R.choice([f'{f}.{s}', f'{f[0]}.{s}', f'{s}{R.randint(70, 99)}', f'{f}_{s[:3]}', f'{s}.{f[0]}', f'{f}{R.randint(1,999)}'])
    return loc + '@' + (R.choice(CORP) if corp else R.choice(DOMAINS))

def iban(g=None):
    return ids.make_iban(R, g)

def card(fmt=None):
    return ids.make_card(R, fmt)

def bin_():
    return ids.make_bin(R)

def doc(kind):
    if kind == 'kz_id':
        return '%09d' % R.randint(10000000, 99999999)
    if kind == 'kz_pass':
        return 'N%08d' % R.randint(1000000, 99999999)
    if kind == 'ru_pass':
        return R.choice(['%02d %02d %06d', '%02d%02d %06d', '%02d %02d %06d']) % (R.randint(1, 99), R.randint(0, 24), R.randint(100000, 999999))
    if kind == 'ru_dl':
        return R.choice(['%02d %02d %06d', '%02d%02d %06d']) % (R.randint(1, 99), R.randint(10, 30), R.randint(100000, 999999))
    if kind == 'kz_dl':
        return R.choice(['AB', 'AA', 'BA', 'AC', 'AD', 'BE']) + R.choice([' ', '']) + '%06d' % R.randint(100000, 999999)
    if kind == 'birth':
        return R.choice(['I-ЖА ', 'II-АЛ ', 'I-ЕГ ', 'I-АН ', '', '']) + '%07d' % R.randint(100000, 9999999)
    if kind == 'foreign':
        return R.choice(['FA', 'AB', 'AD', 'CA', 'UA', 'GB', 'AM', 'AZE', 'PE', 'TR']) + '%0*d' % (R.choice([6, 7, 8]), R.randint(100000, 999999))
    if kind == 'refugee':
        return R.choice(['RK', 'BZ', 'KZ']) + '%08d' % R.randint(10000000, 99999999)
    if kind == 'vnzh':
        return '%09d' % R.randint(100000000, 999999999)
    raise ValueError(kind)

LAT = 'ABCEHKMOPTXY'
def plate(kind=None):
    kind = kind or R.choice(['kz', 'kz', 'kz', 'kz_nospace', 'kz_legal', 'old', 'ru'])
    reg = '%02d' % R.randint(1, 20)
    L = lambda n: ''.join(R.choice('ABCDEFGHKLMNOPRSTUVXYZ') for _ in range(n))
    if kind == 'kz':
        return f'{R.randint(100, 999)} {L(3)} {reg}'
    if kind == 'kz_nospace':
        return f'{R.randint(100, 999)}{L(3)}{reg}'
    if kind == 'kz_legal':
        return f'{R.randint(100, 999)} {L(2)} {reg}'
    if kind == 'old':
        return f'{R.choice("ABCDEFHLMNPRSTXZ")} {R.randint(100, 999)} {L(3)}'
    cyr = 'АВЕКМНОРСТУХ'
    c = lambda: R.choice(cyr)
    return f'{c()}{R.randint(100, 999)}{c()}{c()} {R.choice(["77", "777", "197", "55", "74", "163", "02"])}'

def ip(v6=False):
    if v6 or R.random() < 0.12:
        return '2a03:%x:%x::%x' % (R.randint(0x100, 0xffff), R.randint(1, 0xffff), R.randint(1, 0xfff))
    return R.choice(['10.%d.%d.%d', '192.168.%d.%d', '185.%d.%d.%d', '95.%d.%d.%d', '178.%d.%d.%d', '172.16.%d.%d',
                     '2.%d.%d.%d', '91.%d.%d.%d']).replace('%d', '{}').format(*[R.randint(1, 254) for _ in range(4)])

# ---------------------------------------------------------------- secrets
def rs(n, alpha=string.ascii_letters + string.digits):
    return ''.join(R.choice(alpha) for _ in range(n))

def secret(kind=None):
    kind = kind or R.choice(['live', 'test', 'hex', 'b64', 'pw', 'tg', 'jwt', 'ghp', 'sbx', 'aws'])
    if kind == 'live':
        return R.choice(['sk_live_', 'pk_live_', 'rk_live_', 'kp_live_']) + rs(R.randint(24, 32))
    if kind == 'test':
        return R.choice(['sk_test_', 'xx_test_', 'pay_test_']) + rs(R.randint(22, 30))
    if kind == 'sbx':
        return R.choice(['sbx_', 'stg_']) + rs(R.randint(22, 30))
    if kind == 'hex':
        return rs(R.choice([32, 40, 64]), '0123456789abcdef')
    if kind == 'b64':
        return rs(R.choice([32, 44]), string.ascii_letters + string.digits + '+/') + R.choice(['', '=', '=='])
    if kind == 'pw':
        return R.choice(['Qwerty', 'Astana', 'Almaty', 'Kz', 'Summer', 'Baiterek', 'Zima', 'Dala', 'Tulpar', 'Steppe']) + \
            R.choice(['2024', '2025', '!', '_', '.', '-']) + rs(R.randint(3, 6)) + R.choice(['!', '$', '%', '*', '9', '7'])
    if kind == 'tg':
        return f'{R.randint(100000000, 7999999999)}:AA{rs(33, string.ascii_letters + string.digits + "_-")}'
    if kind == 'jwt':
        return 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.' + rs(R.randint(40, 60), string.ascii_letters + string.digits + '_-') + '.' + rs(43, string.ascii_letters + string.digits + '_-')
    if kind == 'ghp':
        return R.choice(['ghp_', 'glpat-', 'xoxb-']) + rs(R.randint(30, 36))
    if kind == 'aws':
        return rs(40, string.ascii_letters + string.digits + '/+')
    raise ValueError(kind)

# ---------------------------------------------------------------- addresses
KK_CITIES = ['Алматы', 'Астана', 'Шымкент', 'Қарағанды', 'Ақтөбе', 'Тараз', 'Павлодар', 'Өскемен', 'Семей', 'Атырау',
             'Қостанай', 'Қызылорда', 'Орал', 'Петропавл', 'Ақтау', 'Көкшетау', 'Талдықорған', 'Түркістан', 'Жезқазған',
             'Екібастұз', 'Жаңаөзен', 'Қонаев']
RU_CITIES = ['Алматы', 'Астана', 'Шымкент', 'Караганда', 'Актобе', 'Тараз', 'Павлодар', 'Усть-Каменогорск', 'Семей',
             'Атырау', 'Костанай', 'Кызылорда', 'Уральск', 'Петропавловск', 'Актау', 'Кокшетау', 'Талдыкорган',
             'Туркестан', 'Экибастуз', 'Рудный', 'Темиртау']
EN_CITIES = ['Almaty', 'Astana', 'Shymkent', 'Karaganda', 'Aktobe', 'Pavlodar', 'Oskemen', 'Atyrau', 'Aktau', 'Kostanay']
KK_STREETS = [('Абай', 'даңғылы'), ('Кенесары хан', 'көшесі'), ('Райымбек батыр', 'даңғылы'), ('Әйтеке би', 'көшесі'),
              ('Жамбыл ақын', 'көшесі'), ('Сәтбаев', 'көшесі'), ('Төле би', 'көшесі'), ('Қабанбай батыр', 'даңғылы'),
              ('Ұлы дала', 'даңғылы'), ('Желтоқсан', 'көшесі'), ('Шәкәрім', 'даңғылы'), ('Головков', 'көшесі'),
              ('Мәңгілік Ел', 'даңғылы'), ('Бейбітшілік', 'көшесі'), ('Тәуелсіздік', 'даңғылы'), ('Байтұрсынұлы', 'көшесі'),
              ('Бауыржан Момышұлы', 'даңғылы'), ('Наурызбай батыр', 'көшесі'), ('Қазыбек би', 'көшесі'), ('Жібек жолы', 'көшесі'),
              ('Сейфуллин', 'көшесі'), ('Гоголь', 'көшесі'), ('Бұқар жырау', 'даңғылы'), ('Достық', 'даңғылы')]
KK_ABBR = {'көшесі': ['көшесі', 'көш.', 'к-сі'], 'даңғылы': ['даңғылы', 'даң.']}
RU_STREETS = ['ул. Кенесары', 'пр. Абая', 'ул. Толе би', 'ул. Жамбыла', 'пр. Райымбека', 'ул. Сатпаева', 'ул. Гоголя',
              'ул. Байтурсынова', 'ул. Шевченко', 'ул. Казыбек би', 'пр. Достык', 'ул. Желтоксан', 'ул. Пушкина',
              'ул. Ленина', 'ул. Чехова', 'пр. Республики', 'ул. Богенбай батыра', 'ул. Ауэзова', 'пр-т Мангилик Ел',
              'ул. Мира', 'ул. Абылай хана', 'просп. Бухар жырау', 'ул. Карла Маркса', 'ул. Торайгырова', 'ул. Сейфуллина']
RU_STREET_LOC = [('на улице', 'Гоголя'), ('на улице', 'Пушкина'), ('на проспекте', 'Абая'), ('по улице', 'Ауэзова'),
                 ('по ул.', 'Сейфуллина'), ('на ул.', 'Байтурсынова'), ('по проспекту', 'Назарбаева'), ('на улице', 'Жандосова'),
                 ('по улице', 'Толе би'), ('на ул.', 'Чехова')]
EN_STREETS = ['Satpayev Street', 'Abai Avenue', 'Kazybek bi street', 'Dostyk Avenue', 'Tole bi Street', 'Kabanbay Batyr Avenue',
              'Zheltoksan Street', 'Baitursynov St.', 'Mangilik El Avenue', 'Seifullin Street', 'Al-Farabi Avenue']
KK_REG = [('Алматы облысы', 'Қарасай ауданы', 'Ұзынағаш ауылы'), ('Түркістан облысы', 'Сайрам ауданы', 'Ақсу ауылы'),
          ('Ақмола облысы', 'Зеренді ауданы', 'Зеренді ауылы'), ('Жамбыл облысы', 'Байзақ ауданы', 'Сарыкемер ауылы'),
          ('Қызылорда облысы', 'Жалағаш ауданы', 'Жалағаш кенті'), ('Жетісу облысы', 'Ескелді ауданы', 'Қарабұлақ ауылы'),
          ('Қостанай облысы', 'Әулиекөл ауданы', 'Әулиекөл ауылы'), ('Маңғыстау облысы', 'Қарақия ауданы', 'Құрық ауылы'),
          ('Абай облысы', 'Бесқарағай ауданы', 'Бесқарағай ауылы'), ('Ұлытау облысы', 'Жаңаарқа ауданы', 'Атасу ауылы'),
          ('Батыс Қазақстан облысы', 'Бәйтерек ауданы', 'Переметное ауылы'), ('Алматы облысы', 'Еңбекшіқазақ ауданы', 'Шелек ауылы')]
RU_REG = [('Алматинская обл.', 'Карасайский р-н', 'с. Иргели'), ('Туркестанская обл.', 'Сайрамский р-н', 'с. Аксу'),
          ('Акмолинская обл.', 'Зерендинский р-н', 'с. Зеренда'), ('Жамбылская обл.', 'Байзакский р-н', 'с. Сарыкемер'),
          ('Костанайская обл.', 'Федоровский р-н', 'с. Федоровка'), ('Карагандинская обл.', 'Бухар-Жырауский р-н', 'пос. Ботакара'),
          ('Северо-Казахстанская обл.', 'Кызылжарский р-н', 'с. Бишкуль'), ('Павлодарская область', 'Иртышский район', 'село Иртышск'),
          ('Восточно-Казахстанская обл.', 'Глубоковский р-н', 'пос. Глубокое'), ('Алматинская область', 'Илийский район', 'пос. Отеген батыр')]
MKR_RU = ['Самал-2', 'Аксай-4', 'Орбита-3', 'Жетысу-2', 'Мамыр-1', 'Коктем-2', 'Нурсат', 'Кулагер', 'Шугыла', '5', '12', '27']
MKR_KK = ['Самал-2', 'Ақсай-4', 'Орбита-3', 'Жетісу-2', 'Нұрсат', 'Көктем-2', 'Шұғыла', 'Құлагер']
RC = ['Алтын Заман', 'Нұрлы Тау', 'Sky City', 'Green Park', 'Арай Резиденс', 'Көктем Сити', 'Жасыл Бақ', 'Северное сияние',
      'Асыл Тас', 'Highville Park', 'Orda Residence', 'Самал Делюкс', 'Тұлпар', 'Akbulak Comfort']

def h():
    return str(R.randint(1, 180)) + R.choice(['', '', '', '', 'А', '/2', 'Б'])

def fl():
    return str(R.randint(1, 240))

def addr_kk(kind=None):
    kind = kind or R.choice(['city', 'city', 'city2', 'reg', 'mkr', 'mkrnum', 'rc', 'reg_city'])
    c = R.choice(KK_CITIES)
    st, typ = R.choice(KK_STREETS)
    t = R.choice(KK_ABBR[typ])
    if kind == 'city':
        return f'{c} қ., {st} {t}, {h()}-үй, {fl()}-пәтер'
    if kind == 'city2':
        return f'{c} қаласы, {st} {t}, {h()}' + R.choice(['', f', {fl()}-пәтер', f', {R.randint(1,40)}-кеңсе', f', {fl()} п.'])
    if kind == 'reg':
        r, d, v = R.choice(KK_REG)
        return f'{r}, {d}, {v}' + R.choice([f', {st} көшесі, {h()}-үй', f', {st} көшесі, {h()}', f', {h()}-үй'])
    if kind == 'reg_city':
        return R.choice([f'Ақмола облысы, Көкшетау қаласы, {st} {t}, {h()}-үй',
                         f'Қарағанды облысы, Теміртау қаласы, {st} {t}, {h()}-үй, {fl()}-пәтер',
                         f'Павлодар облысы, Екібастұз қ., {st} {t}, {h()}'])
    if kind == 'mkr':
        return f'{c} қ., {R.choice(MKR_KK)} ш/а, {h()}-үй' + R.choice(['', f', {fl()}-пәтер'])
    if kind == 'mkrnum':
        return f'{c} қаласы, {R.randint(1, 33)}-шағынаудан, {R.randint(1, 70)}-үй, {fl()}-пәтер'
    if kind == 'rc':
        return f'{c} қ., «{R.choice(RC)}» ТҮК, {R.randint(1, 12)}-блок, {fl()}-пәтер'
    if kind == 'ruprep':
        return ''
    raise ValueError(kind)

def addr_ru(kind=None):
    kind = kind or R.choice(['city', 'city', 'city_short', 'reg', 'mkr', 'rc', 'post', 'office'])
    c = R.choice(RU_CITIES)
    st = R.choice(RU_STREETS)
    if kind == 'city':
        return f'г. {c}, {st}, д. {h()}' + R.choice([f', кв. {fl()}', f', кв. {fl()}', ''])
    if kind == 'city_short':
        return f'{c}, {st}, {h()}-{fl()}'
    if kind == 'reg':
        r, d, v = R.choice(RU_REG)
        return f'{r}, {d}, {v}, ' + R.choice([f'{st}, д. {h()}', f'ул. Школьная, {h()}', f'ул. Молодёжная, д. {h()}, кв. {R.randint(1, 12)}'])
    if kind == 'mkr':
        return f'г. {c}, ' + R.choice(['мкр. ', 'мкрн ', 'мкр-н ', 'микрорайон ']) + f'{R.choice(MKR_RU)}, д. {R.randint(1, 80)}' + R.choice([f', кв. {fl()}', ''])
    if kind == 'rc':
        return f'г. {c}, {st}, {h()}, ЖК «{R.choice(RC)}», блок {R.choice("АБВ123")}, кв. {fl()}'
    if kind == 'post':
        return f'{R.choice(["050040", "010000", "160012", "100008", "140000", "A05T6K8", "Z10X3H7"])}, г. {c}, {st}, {h()}, кв. {fl()}'
    if kind == 'office':
        return f'г. {c}, {st}, {h()}, оф. {R.randint(1, 900)}'
    raise ValueError(kind)

def addr_ru_prep():
    """returns (preposition phrase, address span)"""
    pre, name = R.choice(RU_STREET_LOC)
    word, rest = pre.split(' ', 1)
    return word, f'{rest} {name}, {h()}' + R.choice([f', кв. {fl()}', f', кв. {fl()}', '', f', офис {R.randint(1, 50)}'])

def addr_en(kind=None):
    kind = kind or R.choice(['a', 'b', 'c', 'd'])
    c = R.choice(EN_CITIES); st = R.choice(EN_STREETS)
    if kind == 'a':
        return f'{R.randint(1, 200)} {st}, office {R.randint(1, 60)}, {c}'
    if kind == 'b':
        return f'{c}, {st} {R.randint(1, 200)}, apartment {fl()}'
    if kind == 'c':
        return f'{st} {R.randint(1, 200)}, apt {fl()}, {c}'
    return f'apt. {fl()}, {R.randint(1, 200)} {st}, {c} {R.choice(["050000", "010000", "A15E2Y5"])}, Kazakhstan'

def addr_latkk():
    c = R.choice(['Almaty q.', 'Astana q.', 'Şymkent q.', 'Qaraǵandy q.'])
    return f'{c}, {R.choice(["Abai dañğyly", "Sätbaev köşesi", "Tole bi köşesi", "Döstyq dañğyly"])}, {h()}-üi, {fl()}-päter'
