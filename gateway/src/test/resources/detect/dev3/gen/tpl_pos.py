"""Positive templates: each returns (kind, text). Registered per language."""
from pools import *

PE = lambda s: S('PERSON', s)
def IIN(p): return S('IIN', p.iin())
def BIN(): return S('BIN', bin_())
def PH(k=None): return S('PHONE', phone(k))
def EM(p=None, corp=False): return S('EMAIL', email(p, corp))
def IB(g=None): return S('IBAN', iban(g))
def CA(f=None): return S('PAYMENT_CARD', card(f))
def DOC(k): return S('ID_DOCUMENT', doc(k))
def PL(k=None): return S('VEHICLE_PLATE', plate(k))
def AD(s): return S('ADDRESS', s)
def IP(v6=False): return S('IP_ADDRESS', ip(v6))
def DB(p, f): return S('DATE_OF_BIRTH', dob(p, f))
def SE(k=None): return S('SECRET', secret(k))
C = R.choice
RC_ = lambda: C(['gen', 'dat', 'acc', 'ins', 'prep'])
POS = {'ru': [], 'kk': [], 'en': [], 'mixed': []}
def reg(lang, kind):
    def deco(f):
        POS[lang].append((kind, f)); return f
    return deco
def rp(**kw):
    return ru_person(**kw) if R.random() < 0.6 else kz_person(**{k: v for k, v in kw.items() if k in ('sex', 'lo', 'hi')})
def ga(p, m, f):  # gendered ending helper
    return m if p.male else f

# ============================================================ RU
@reg('ru', 'citizen_application')
def _():
    p = rp(); q = rp()
    org = C(['Аппарат акима Медеуского района', 'ГУ «Отдел образования г. Караганды»', 'НАО «Государственная корпорация «Правительство для граждан»', 'КГУ «Центр занятости населения»'])
    return f"Руководителю {org}\nот {PE(ru_name(p, 'gen', 'sfp'))}\nИИН {IIN(p)}\nпроживающ{ga(p,'его','ей')} по адресу: {AD(addr_ru())}\nтел.: {PH('mob')}\n\nЗАЯВЛЕНИЕ\nПрошу выдать справку о составе семьи. Совместно со мной проживает {C(['супруг','супруга','мать','отец'])} {PE(ru_name(q, 'nom', 'sfp'))}, {DB(q, 'dot')} г.р.\n\n{rnd_date()}    подпись ____ {PE(ru_name(p, 'nom', 's_ini'))}"

@reg('ru', 'hr_order')
def _():
    p, q, b = rp(), rp(), rp()
    return f"ПРИКАЗ № {R.randint(10, 400)}-к\nот {rnd_date(fmt='ru')}\nО приёме на работу\n1. Принять {PE(ru_name(p, 'acc', 'sfp'))} на должность {C(['бухгалтера','инженера-сметчика','менеджера по продажам','водителя'])} с {rnd_date()}.\n2. Установить {PE(ru_name(p, 'dat', 's_ini'))} испытательный срок 3 месяца.\n3. Контроль за исполнением возложить на {PE(ru_name(q, 'acc', 'sfp'))}.\nОснование: заявление {PE(ru_name(p, 'gen', 's_ini'))}, трудовой договор.\nДиректор ____ {PE(ru_name(b, 'nom', C(['ini_s','s_ini'])))}\nС приказом ознакомлен{ga(p,'','а')}: ____"

@reg('ru', 'hr_order')
def _():
    p, q = rp(), rp()
    return f"Приказ № {R.randint(100, 999)}-о от {rnd_date()}\nО предоставлении отпуска\nПредоставить {PE(ru_name(p, 'dat', 'sfp'))}, табельный № {R.randint(1000, 9999)}, ежегодный оплачиваемый отпуск с {rnd_date()} на 24 календарных дня. Отпускные перечислить на карту {CA()}.\nНа время отпуска обязанности возложить на {PE(ru_name(q, 'acc', C(['sfp','s_ini'])))}.\nСогласовано: начальник отдела кадров {PE(ru_name(rp(), 'nom', 'ini_s'))}"

@reg('ru', 'police_extract')
def _():
    p, q = rp(sex='m', lo=1960, hi=2004), rp()
    return f"ПРОТОКОЛ об административном правонарушении\n{rnd_date()}, г. {C(RU_CITIES)}\nИнспектор ОП {PE(ru_name(q, 'nom', 's_ini'))} составил настоящий протокол о том, что гражданин {PE(ru_name(p, 'nom', 'sfp', caps=R.random()<0.5))}, {DB(p, 'dot')} г.р., ИИН {IIN(p)}, удостоверение личности № {DOC('kz_id')}, проживающий: {AD(addr_ru())}, управлял автомобилем Toyota Camry, г/н {PL()}, водительское удостоверение {DOC('kz_dl')}, не имея полиса ОГПО.\nС протоколом ознакомлен: {PE(ru_name(p, 'nom', 's_ini'))}"

@reg('ru', 'police_extract')
def _():
    p, q, v = rp(), rp(sex='m'), rp()
    return f"Из материалов КУИ № {R.randint(100, 999)}/{R.randint(1000, 9999)}: {rnd_date()} в дежурную часть поступило сообщение от {PE(ru_name(v, 'gen', 'sfp'))}, {DB(v, 'ru_nog')} года рождения, о краже телефона. Со слов заявител{ga(v,'я','ьницы')}, подозрение падает на знакомого {PE(ru_name(q, 'acc', 'sf'))}, проживающего {C(['по адресу','в'])} {AD(addr_ru('mkr'))}. Объяснение у {PE(ru_name(q, 'gen', 's_ini'))} отобрано. Связь с заявител{ga(v,'ем','ьницей')}: {PH('mob')}. Материал передан {PE(ru_name(p, 'dat', 's_ini'))}."

@reg('ru', 'medical_extract')
def _():
    p, d = rp(), rp()
    return f"ВЫПИСКА ИЗ МЕДИЦИНСКОЙ КАРТЫ СТАЦИОНАРНОГО БОЛЬНОГО № {R.randint(1000, 99999)}\nФ.И.О.: {PE(ru_name(p, 'nom', 'sfp', caps=R.random()<0.4))}\nДата рождения: {DB(p, C(['dot','ru']))}\nИИН: {IIN(p)}\nАдрес: {AD(addr_ru())}\nНаходил{ga(p,'ся','ась')} на лечении с {rnd_date()} по {rnd_date()}.\nДиагноз: острый бронхит.\nЛечащий врач {PE(ru_name(d, 'nom', 's_ini'))}, зав. отделением {PE(ru_name(rp(), 'nom', 'ini_s'))}"

@reg('ru', 'court_extract')
def _():
    a, b, c = rp(), rp(), rp()
    return f"РЕШЕНИЕ\nИменем Республики Казахстан\n{rnd_date(fmt='ru')} Специализированный межрайонный суд г. {C(RU_CITIES)} в составе судьи {PE(ru_name(c, 'gen', 's_ini'))}, рассмотрев дело № {R.randint(1000,9999)}-{R.randint(20,25)}-00-2/{R.randint(100,9999)} по иску {PE(ru_name(a, 'gen', 'sfp'))} к {PE(ru_name(b, 'dat', 'sfp'))} о взыскании долга, с участием представителя истца {PE(ru_name(rp(), 'gen', 'sf'))},\nРЕШИЛ: взыскать с {PE(ru_name(b, 'gen', 's_ini'))} (ИИН {IIN(b)}, адрес: {AD(addr_ru('city'))}) в пользу {PE(ru_name(a, 'gen', 's_ini'))} сумму {R.randint(100, 999)} 000 тенге."

@reg('ru', 'official_letter')
def _():
    p, s = rp(), rp()
    return f"Исх. № {R.randint(1, 999)}-{R.randint(1, 99)}/{R.randint(100, 9999)} от {rnd_date()}\n{C(['Гражданину','Гражданке'])} {PE(ru_name(p, 'dat', 'sfp'))}\n{AD(addr_ru())}\n\nУважаем{ga(p,'ый','ая')} {PE(ru_name(p, 'nom', 'fp'))}!\nНа Ваше обращение сообщаем, что вопрос о переносе опоры ЛЭП рассмотрен. Ответственный — {PE(ru_name(s, 'nom', 'sf'))}, тел. {PH('land')}.\n\nЗаместитель акима {PE(ru_name(rp(), 'nom', 'ini_s'))}\nИсп.: {PE(ru_name(s, 'nom', 's_ini'))}"

@reg('ru', 'messenger_chat')
def _():
    a, b, c = rp(), rp(), rp()
    fa, fb = ru_name(a, 'nom', 'f'), ru_name(b, 'nom', 'f')
    return f"[09:14] {PE(fa)}: {PE(fb)}, привет! скинь номер {PE(ru_name(c, 'gen', 'f'))}, пожалуйста\n[09:16] {PE(fb)}: {PH('mob')}, она до шести на работе\n[09:16] {PE(fb)}: и адрес склада {AD(addr_ru(C(['city_short','office'])))}\n[09:17] {PE(fa)}: спасибо! передай {PE(ru_name(c, 'dat', 'f'))}, что документы у {PE(ru_name(rp(), 'gen', 'sf'))}"

@reg('ru', 'messenger_chat')
def _():
    a, b = rp(), rp()
    return f"{PE(ru_name(a, 'nom', 'f'))}, добрый вечер. Для оформления пропуска нужны данные:\n— ФИО полностью\n— паспорт или удостоверение\n{PE(ru_name(b, 'nom', 'sfp'))}\nуд. личн. {DOC('kz_id')}\n{C(['авто','машина'])} {PL()}\nСпасибо, жду. {PE(ru_name(b, 'nom', 'f'))}"

@reg('ru', 'email_thread')
def _():
    a, b = rp(), rp()
    return f"От: {PE(ru_name(a, 'nom', 'fs'))} <{EM(a, True)}>\nКому: {EM(b, True)}\nТема: Re: договор поставки\n\nДобрый день, {PE(ru_name(b, 'nom', C(['f','fp'])))}!\nНаправляю скан подписанного договора. Оплату просим произвести на счёт {IB()}, БИН {BIN()}.\nВстреча с {PE(ru_name(rp(), 'ins', 'sfp'))} переносится на четверг.\n\nС уважением,\n{PE(ru_name(a, 'nom', C(['fs','f'])))}\nмоб. {PH('mob')}"

@reg('ru', 'bank_document')
def _():
    p = rp()
    return f"ЗАЯВЛЕНИЕ НА ПЕРЕВОД\nОтправитель: {PE(ru_name(p, 'nom', 'sfp', caps=R.random()<0.3))}\nИИН отправителя: {IIN(p)}\nСчёт списания: {IB()}\nПолучатель: {PE(ru_name(rp(), 'nom', 'sfp'))}\nСчёт получателя: {IB()}\nКБе 19, КНП 119\nСумма: {R.randint(10, 900)} 000,00 KZT\nКарта для уведомлений: {CA()}\nДата: {rnd_date()}"

@reg('ru', 'notary_document')
def _():
    p, q = rp(), rp()
    return f"ДОВЕРЕННОСТЬ\nг. {C(RU_CITIES)}, {rnd_date(fmt='ru')}\nЯ, {PE(ru_name(p, 'nom', 'sfp'))}, {DB(p, 'ru_nog')} года рождения, ИИН {IIN(p)}, удостоверение личности № {DOC('kz_id')} выдано МВД РК {rnd_date(2015, 2024)}, зарегистрированн{ga(p,'ый','ая')} по адресу: {AD(addr_ru())}, настоящей доверенностью уполномочиваю {PE(ru_name(q, 'acc', 'sfp'))}, {DB(q, 'dot')} г.р., паспорт гражданина РФ {DOC('ru_pass')}, представлять мои интересы в банках второго уровня.\nНотариус {PE(ru_name(rp(), 'nom', 's_ini'))}"

@reg('ru', 'school_record')
def _():
    ch = rp(lo=2009, hi=2019); m = rp(sex='f', lo=1975, hi=1992)
    return f"СПРАВКА\nДана {PE(ru_name(ch, 'dat', 'sfp'))}, {DB(ch, 'dot')} г.р., в том, что {ga(ch,'он','она')} действительно обучается в {R.randint(1, 11)} «{C('АБВ')}» классе КГУ «Общеобразовательная школа № {R.randint(1, 180)}».\nСвидетельство о рождении № {DOC('birth')}.\nМать: {PE(ru_name(m, 'nom', 'sfp'))}, тел. {PH('mob')}\nКлассный руководитель {PE(ru_name(rp(), 'nom', 's_ini'))}"

@reg('ru', 'social_services')
def _():
    p = rp(lo=1975, hi=1995); s = rp(sex='f' if p.male else 'm', lo=1975, hi=1995); k1 = rp(lo=2010, hi=2022); k2 = kz_person(lo=2010, hi=2022)
    return f"Сведения о членах семьи для назначения АСП\n1. {PE(ru_name(p, 'nom', 'sfp'))} — заявитель, ИИН {IIN(p)}\n2. {C(['Супруг','Супруга'])}: {PE(ru_name(s, 'nom', 'sfp'))}, ИИН {IIN(s)}\n3. Сын/дочь: {PE(ru_name(k1, 'nom', 'f'))} (ИИН {IIN(k1)})\n4. Сын/дочь: {PE(ru_name(k2, 'nom', 'f'))} (ИИН {IIN(k2)}), {DB(k2, 'dot')} г.р.\nАдрес семьи: {AD(addr_ru(C(['reg','mkr','city'])))}"

@reg('ru', 'citizen_application')
def _():
    p, q = rp(), rp()
    pre, a = addr_ru_prep()
    return f"Жалоба\nЯ, {PE(ru_name(p, 'nom', 'sfp'))}, проживаю {pre} {AD(a)}. Сосед сверху, {PE(ru_name(q, 'nom', C(['sf','s_ini'])))}, третий месяц ведёт ремонт после 22:00. Прошу участкового провести беседу с {PE(ru_name(q, 'ins', 'sf'))}.\nКонтакт: {PH()}, {EM(p)}"

@reg('ru', 'vehicle_contract')
def _():
    a, b = rp(), rp()
    return f"ДОГОВОР КУПЛИ-ПРОДАЖИ ТРАНСПОРТНОГО СРЕДСТВА\nПродавец: {PE(ru_name(a, 'nom', 'sfp'))}, ИИН {IIN(a)}, водительское удостоверение {DOC(C(['ru_dl','kz_dl']))}\nПокупатель: {PE(ru_name(b, 'nom', 'sfp'))}, паспорт {DOC(C(['kz_pass','ru_pass']))}\nПредмет: Hyundai Tucson 2019 г.в., VIN KMHJ381ABKU{R.randint(100000, 999999)}, гос. номер {PL()}\nЦена: {R.randint(6, 15)} 500 000 тенге.\nПодписи: {PE(ru_name(a, 'nom', 's_ini'))} / {PE(ru_name(b, 'nom', 's_ini'))}"

@reg('ru', 'it_ticket')
def _():
    p = rp()
    return f"Заявка #{R.randint(10000, 99999)}\nПрошу предоставить удалённый доступ к 1С сотруднику {PE(ru_name(p, 'dat', C(['sfp','s_ini','sf'])))} (отдел логистики).\nРабочая станция: {IP()}\nЛогин: {translit(p.first)[0].lower()}.{translit(p.sur).lower()}\nВременный пароль: {SE('pw')}\nПосле первого входа смените пароль. Инициатор: {PE(ru_name(rp(), 'nom', 's_ini'))}"

@reg('ru', 'meeting_minutes')
def _():
    a, b, c, d = rp(), rp(), rp(), rp()
    return f"Протокол совещания от {rnd_date()}\nПрисутствовали: {PE(ru_name(a, 'nom', 's_ini'))}, {PE(ru_name(b, 'nom', 'ini_s'))}, {PE(ru_name(c, 'nom', 's_ini'))}.\nСлушали: доклад {PE(ru_name(a, 'gen', 'sfp'))} о сроках поставки.\nРешили: поручить {PE(ru_name(b, 'dat', 'sf'))} подготовить письмо для {PE(ru_name(d, 'gen', 'sfp'))}; вопрос о {PE(ru_name(c, 'prep', 'sf'))} рассмотреть на следующей неделе. Встреча с {PE(ru_name(d, 'ins', 'sfp'))} — {rnd_date()}."

@reg('ru', 'university_record')
def _():
    p = rp(lo=2000, hi=2007)
    return f"ВЫПИСКА ИЗ ПРИКАЗА № {R.randint(100, 999)}-с\nЗачислить {PE(ru_name(p, 'acc', 'sfp'))}, {DB(p, 'dot')} г.р., ИИН {IIN(p)}, на 1 курс образовательной программы «Информационные системы» на основе образовательного гранта.\nКонтакты студента: {EM(p)}, {PH('mob')}\nАдрес проживания: {AD(addr_ru(C(['mkr','city','rc'])))}\nДекан факультета {PE(ru_name(rp(), 'nom', 'ini_s'))}"

@reg('ru', 'csv_export')
def _():
    rows = []
    for i in range(R.randint(2, 4)):
        p = rp()
        rows.append(f"{i+1};{PE(ru_name(p, 'nom', 'sfp', caps=R.random()<0.3))};{IIN(p)};{DB(p, 'dot')};{PH('mob')};\"{AD(addr_ru(C(['city','mkr','city_short'])))}\"")
    return "№;ФИО;ИИН;дата_рождения;телефон;адрес\n" + "\n".join(rows)

@reg('ru', 'json_export')
def _():
    p = rp()
    return '{"фио": "%s", "иин": "%s", "дата_рождения": "%s", "паспорт": "%s", "адрес": "%s", "телефон": "%s", "дата_создания": "%s"}' % (
        PE(ru_name(p, 'nom', 'sfp')), IIN(p), DB(p, C(['dot', 'iso'])), DOC(C(['kz_pass', 'ru_pass', 'kz_id'])), AD(addr_ru()), PH(), rnd_date(fmt='iso'))

@reg('ru', 'markdown_table')
def _():
    rows = []
    for i in range(R.randint(3, 4)):
        p = rp()
        rows.append(f"| {i+1} | {PE(ru_name(p, 'nom', C(['sfp','s_ini'])))} | {C(['водитель','экспедитор','курьер'])} | {PL()} | {DOC(C(['kz_dl','ru_dl']))} |")
    return "| № | Сотрудник | Должность | Госномер | Вод. удостоверение |\n|---|---|---|---|---|\n" + "\n".join(rows)

@reg('ru', 'env_config')
def _():
    return f"# .env для стенда оплаты, не коммитить!\nAPP_ENV=staging\nDB_HOST={IP()}\nDB_USER=billing\nDB_PASSWORD={SE('pw')}\nPAYMENT_API_KEY={SE(C(['live','test','sbx']))}\nJWT_SECRET={SE(C(['hex','b64']))}\n# ответственный: {PE(ru_name(rp(), 'nom', 's_ini'))}, {EM(None, True)}".replace(f"DB_HOST=", "DB_HOST=", 1)

@reg('ru', 'foreigner_record')
def _():
    p = ru_person(eth=C(['uz', 'ug', 'ko', 'de', 'tt']))
    return f"Карточка иностранца\nГражданин{ga(p,'','ка')} {C(['Республики Узбекистан','Кыргызской Республики','Российской Федерации','Республики Корея'])} {PE(ru_name(p, 'nom', 'sfp'))}, {DB(p, 'dot')} г.р.\nНациональный паспорт: {DOC('foreign')}\nВид на жительство № {DOC('vnzh')}, ИИН {IIN(p)}\nМесто пребывания: {AD(addr_ru())}\nПринимающая сторона: {PE(ru_name(rp(), 'nom', 'sfp'))}, тел. {PH('mob')}"

@reg('ru', 'bank_document')
def _():
    p = rp()
    return f"Анкета клиента — физического лица\nФамилия, имя, отчество: {PE(ru_name(p, 'nom', 'sfp'))}\nДата и место рождения: {DB(p, 'ru')}, г. {C(RU_CITIES)}\nДокумент: удостоверение личности, № {DOC('kz_id')}, выдан {rnd_date(2014, 2024)}\nАдрес регистрации: {AD(addr_ru())}\nАдрес проживания: {AD(addr_ru(C(['mkr','rc'])))}\nСчёт: {IB()}\nКонтактный e-mail: {EM(p)}"

@reg('ru', 'police_extract')
def _():
    p = ru_person(sex=C('mf'))
    return f"Рапорт. {rnd_date()} в {R.randint(10, 23)}:{R.randint(10, 59)} на пересечении пр. Абая и ул. Ауэзова остановлен автомобиль {PL('ru')} под управлением {PE(ru_name(p, 'gen', 'sfp'))}, гражданин{ga(p,'а','ки')} РФ, паспорт {DOC('ru_pass')}, водительское удостоверение {DOC('ru_dl')}. Со слов {PE(ru_name(p, 'gen', 'sf'))}, {ga(p,'он','она')} следует в офис по адресу: {AD(addr_ru('office'))}."

# ============================================================ KK
def kp(**kw):
    return kz_person(**kw) if R.random() < 0.8 else ru_person(**{k: v for k, v in kw.items() if k in ('sex', 'lo', 'hi')})

@reg('kk', 'citizen_application')
def _():
    p = kp()
    return f"{C(['Алматы қаласы Медеу ауданының әкіміне','«Азаматтарға арналған үкімет» КеАҚ филиалына','Қарағанды облысы білім басқармасына'])}\n{AD(addr_kk())} мекенжайында тұратын {PE(kk_name(p, 'abl', C(['sf','sfp'])))}\nЖСН {IIN(p)}, ұялы тел. {PH('mob')}\n\nӨТІНІШ\nМаған тұрғылықты жері туралы анықтама беруіңізді сұраймын. Мен {DB(p, 'kk')} туғанмын.\n\n{rnd_date()}    қолы ____ {PE(kk_name(p, 'nom', 's_ini'))}"

@reg('kk', 'hr_order')
def _():
    a, b, c = kp(), kp(), kp()
    return f"БҰЙРЫҚ\n{rnd_date(fmt='kk')} № {R.randint(10, 300)}-ж/қ\nЖұмысқа қабылдау туралы\n1. {PE(kk_name(a, 'nom', 'sfp'))} {rnd_date()} бастап бухгалтер лауазымына қабылдансын.\n2. {PE(kk_name(a, 'dat', 'sf'))} үш ай сынақ мерзімі белгіленсін.\n3. Бұйрықтың орындалуын бақылау {PE(kk_name(b, 'dat', 'sfp'))} жүктелсін.\nНегіздеме: {PE(kk_name(a, 'gen', 's_ini'))} өтініші.\nДиректор {PE(kk_name(c, 'nom', C(['s_ini','ini_s'])))}"

@reg('kk', 'hr_order')
def _():
    a, b = kp(), kp()
    return f"Еңбек демалысын беру туралы бұйрық № {R.randint(100, 900)}\n{PE(kk_name(a, 'dat', C(['sfp','sf'])))} {rnd_date()} бастап 24 күнтізбелік күнге жыл сайынғы ақылы еңбек демалысы берілсін.\nДемалыс ақысы {IB()} шотына аударылсын.\nДемалыс кезеңінде міндеттерді атқару {PE(kk_name(b, 'dat', 'sf'))} жүктелсін.\nБұйрықпен таныстым: {PE(kk_name(a, 'nom', 's_ini'))}"

@reg('kk', 'school_record')
def _():
    ch = kz_person(lo=2009, hi=2019); m = kz_person(sex='f', lo=1975, hi=1992)
    return f"АНЫҚТАМА\nОсы анықтама {PE(kk_name(ch, 'dat', 'sf'))}, {DB(ch, 'kk')} туған, ЖСН {IIN(ch)}, «№ {R.randint(1, 120)} жалпы білім беретін мектеп» КММ-нің {R.randint(1, 11)} «{C('АӘБ')}» сыныбында оқитынын растау үшін берілді.\nТуу туралы куәлік № {DOC('birth')}.\nАнасы: {PE(kk_name(m, 'nom', 'sfp'))}, тел. {PH('mob')}\nМектеп директоры {PE(kk_name(kp(), 'nom', 's_ini'))}"

@reg('kk', 'medical_extract')
def _():
    p, d = kp(), kp()
    return f"МЕДИЦИНАЛЫҚ КАРТАДАН КӨШІРМЕ\nНауқас: {PE(kk_name(p, 'nom', C(['sfp','sf']), caps=R.random()<0.3))}\nТуған күні: {DB(p, 'dot')}\nЖСН: {IIN(p)}\nМекенжайы: {AD(addr_kk())}\n{rnd_date()} бастап {rnd_date()} дейін терапия бөлімшесінде ем алды.\nЕмдеуші дәрігер: {PE(kk_name(d, 'nom', 's_ini'))}\nБөлім меңгерушісі: {PE(kk_name(kp(), 'nom', 'sf'))}"

@reg('kk', 'messenger_chat')
def _():
    a, b, c = kz_person(), kz_person(), kz_person()
    return f"{PE(a.first)}: Сәлем, {PE(b.first)}! {PE(kk_name(c, 'gen', 'f'))} нөмірі бар ма?\n{PE(b.first)}: иә, {PH('mob')}\n{PE(b.first)}: мекенжайы {AD(addr_kk(C(['mkr','mkrnum','rc'])))}\n{PE(a.first)}: рахмет! ертең {PE(kk_name(c, 'dat', 'f'))} хабарласамын\n{PE(b.first)}: жарайды, {PE(kk_name(kz_person(), 'dat', 'sf'))} да сәлем айт"

@reg('kk', 'messenger_chat')
def _():
    a, b = kz_person(), kz_person()
    return f"Сәлеметсіз бе, {PE(kk_name(a, 'nom', 'f'))} апай! Баланың құжаттарын жібердім:\nтуу туралы куәлік {DOC('birth')}\nЖСН {IIN(b)}\nАты-жөні {PE(kk_name(b, 'nom', 'sf'))}\nҮй Wi-Fi құпия сөзі керек болса: {SE('pw')}\nРахмет,\n{PE(kk_name(kz_person(sex='f'), 'nom', 'f'))}"

@reg('kk', 'email_thread')
def _():
    a, b = kz_person(), kz_person()
    return f"Тақырыбы: Іссапар құжаттары\nҚұрметті {PE(kk_name(a, 'nom', C(['fp','f'])))}!\nІссапарға қатысты құжаттарды жіберемін. Билет {PE(kk_name(b, 'gen', 'sf'))} атына рәсімделді, төлқұжат № {DOC('kz_pass')}.\nСұрақтар болса, {PE(kk_name(kz_person(), 'dat', 'f'))} жазыңыз: {EM(None, True)}.\n\nҚұрметпен,\n{PE(kk_name(b, 'nom', C(['fs','f'])))}\nтел. {PH()}"

@reg('kk', 'social_services')
def _():
    p = kz_person(lo=1975, hi=1995); s = kz_person(sex='f' if p.male else 'm', lo=1975, hi=1995)
    k1, k2 = kz_person(lo=2008, hi=2022), kz_person(lo=2008, hi=2022)
    return f"Отбасы құрамы туралы мәліметтер\n1. {PE(kk_name(p, 'nom', 'sfp'))} — өтініш беруші, ЖСН {IIN(p)}\n2. Жұбайы: {PE(kk_name(s, 'nom', 'sf'))}, ЖСН {IIN(s)}\n3. {ga(k1,'Ұлы','Қызы')}: {PE(k1.first)} (ЖСН {IIN(k1)})\n4. {ga(k2,'Ұлы','Қызы')}: {PE(k2.first)}, {DB(k2, 'kk')} туған\nТұрғылықты мекенжайы: {AD(addr_kk(C(['reg','mkrnum','city'])))}"

@reg('kk', 'police_extract')
def _():
    p, q = kz_person(sex='m', lo=1965, hi=2004), kz_person()
    return f"{rnd_date()} сағат {R.randint(10, 23)}:{R.randint(10, 59)}-де {C(KK_CITIES)} қаласында {DB(p, 'kk')} туған {PE(kk_name(p, 'nom', 'sfp', caps=R.random()<0.3))} (жеке куәлік № {DOC('kz_id')}) {PL()} мемлекеттік нөмірлі көлікті мас күйінде басқарды. Тұрғылықты жері: {AD(addr_kk())}. Хаттаманы учаскелік полиция инспекторы {PE(kk_name(q, 'nom', 's_ini'))} толтырды. {PE(kk_name(p, 'gen', 'sf'))} жүргізуші куәлігі {DOC('kz_dl')} алынды."

@reg('kk', 'notary_document')
def _():
    p, q = kp(), kp()
    return f"СЕНІМХАТ\n{C(KK_CITIES)} қаласы, {rnd_date(fmt='kk')}\nМен, {PE(kk_name(p, 'nom', 'sfp'))}, {DB(p, 'kk')} туған, жеке куәлік № {DOC('kz_id')}, ЖСН {IIN(p)}, мекенжайы: {AD(addr_kk())}, осы сенімхатпен {PE(kk_name(q, 'dat', 'sfp'))} менің атымнан мемлекеттік органдарда өкілдік етуге сенім білдіремін.\nНотариус {PE(kk_name(kp(), 'nom', 's_ini'))}"

@reg('kk', 'bank_document')
def _():
    p = kp()
    return f"Төлем алушының деректемелері\nАлушы: {PE(kk_name(p, 'nom', 'sfp', caps=R.random()<0.3))}\nЖСН: {IIN(p)}\nIBAN: {IB()}\nКарта нөмірі: {CA()}\nБанк: «Халық Банкі» АҚ, БСН {BIN()}\nТөлем мақсаты: жалақы\nКүні: {rnd_date()}"

@reg('kk', 'university_record')
def _():
    p = kp(lo=1999, hi=2007)
    return f"Студенттің жеке ісі\nАты-жөні: {PE(kk_name(p, 'nom', 'sfp'))}\nТуған күні: {DB(p, C(['dot','kk_nom']))}\nЖСН: {IIN(p)}\nТөлқұжат: {DOC('kz_pass')}\nЭл. пошта: {EM(p)}\nМекенжайы: {AD(addr_kk(C(['rc','mkr','city'])))}\nКуратор: {PE(kk_name(kp(), 'nom', 's_ini'))}"

@reg('kk', 'court_extract')
def _():
    a, b, j = kp(), kp(), kp()
    return f"ШЕШІМ\nҚазақстан Республикасының атынан\n{rnd_date(fmt='kk')} {C(KK_CITIES)} қаласының аудандық соты, судья {PE(kk_name(j, 'nom', 's_ini'))}, талапкер {PE(kk_name(a, 'nom', 'sfp'))} жауапкер {PE(kk_name(b, 'dat', 'sf'))} қарыз сомасын өндіру туралы талап қойған істі қарап, ШЕШТІ: {PE(kk_name(b, 'abl', 'sf'))} (ЖСН {IIN(b)}) {PE(kk_name(a, 'gen', 'sf'))} пайдасына {R.randint(100, 900)} 000 теңге өндірілсін."

@reg('kk', 'official_letter')
def _():
    p = kp()
    return f"Шығ. № {R.randint(1, 99)}-{R.randint(100, 999)} {rnd_date()}\n{AD(addr_kk())}\n{PE(kk_name(p, 'dat', C(['sfp','sf'])))}\n\nҚұрметті {PE(kk_name(p, 'nom', C(['fp','f'])))}!\nСіздің өтінішіңіз қаралды. Қосымша ақпаратты {PH('land')} телефоны арқылы {PE(kk_name(kp(), 'abl', 'sf'))} алуға болады.\nБасқарма басшысы {PE(kk_name(kp(), 'nom', 'ini_s'))}"

@reg('kk', 'csv_export')
def _():
    rows = []
    for i in range(R.randint(2, 4)):
        p = kz_person()
        rows.append(f"{PE(kk_name(p, 'nom', C(['sfp','sf']), caps=R.random()<0.3))},{IIN(p)},{DB(p, 'dot')},{PH('mob')},\"{AD(addr_kk(C(['city','mkrnum','rc','reg'])))}\"")
    return "аты_жөні,жсн,туған_күні,телефон,мекенжайы\n" + "\n".join(rows)

@reg('kk', 'json_export')
def _():
    p = kz_person()
    return '{"аты_жөні": "%s", "жсн": "%s", "туған_күні": "%s", "жеке_куәлік": "%s", "мекенжайы": "%s", "көлік_нөмірі": "%s"}' % (
        PE(kk_name(p, 'nom', 'sfp')), IIN(p), DB(p, C(['dot', 'iso'])), DOC('kz_id'), AD(addr_kk()), PL())

@reg('kk', 'yaml_config')
def _():
    return f"# қызмет баптаулары — құпия деректер!\nserver:\n  host: {IP()}\n  port: 8443\ndatabase:\n  user: qyzmet\n  password: {SE('pw')}\nsms:\n  api_key: {SE(C(['live','hex','sbx']))}\n# жауапты: {PE(kk_name(kz_person(), 'nom', 's_ini'))}"

@reg('kk', 'housing_record')
def _():
    p = kz_person()
    return f"Тұрғын үй кезегіне қою туралы\n{PE(kk_name(p, 'nom', 'sf'))} {AD(addr_kk('rc'))} мекенжайындағы пәтерге жалдау шарты бойынша тұрады. Бұған дейін {AD(addr_kk(C(['reg','mkrnum'])))} мекенжайында тіркелген. Отбасы мүшелері: {PE(kk_name(kz_person(), 'nom', 'f'))} (жұбайы), {PE(kz_person().first)} (ұлы).\nБайланыс: {PH('mob')}"

@reg('kk', 'messenger_chat')
def _():
    a = kz_person(); b = kz_person()
    return f"{PE(kk_name(a, 'nom', 'f'))}, кеш жарық! {PE(kk_name(b, 'abl', 'sf'))} сәлем. Тапсырыс {AD(addr_kk(C(['city','city2'])))} мекенжайына жеткізілсін. Төлем Kaspi картасына: {CA(C(['space','plain']))}\nСізге рахмет, {PE(b.first)}"

@reg('kk', 'hr_record')
def _():
    p = kp()
    return f"Қызметкердің жеке карточкасы\nТегі, аты, әкесінің аты: {PE(kk_name(p, 'nom', 'sfp'))}\nТуған күні: {DB(p, 'kk_nom')}\nЖСН: {IIN(p)}\nЖеке куәлік: {DOC('kz_id')}, берілген күні {rnd_date(2014, 2024)}\nЖүргізуші куәлігі: {DOC('kz_dl')}\nЕңбекақы шоты: {IB()}\nЖұбайы: {PE(kk_name(kp(), 'nom', 'sf'))}"

@reg('kk', 'police_extract')
def _():
    p = kz_person(); q = kz_person()
    return f"Түсініктеме\nМен, {PE(kk_name(p, 'nom', 'sfp'))}, {DB(p, 'kk')} туғанмын, {AD(addr_kk(C(['mkrnum','city'])))} мекенжайында тұрамын. {rnd_date()} күні көршім {PE(kk_name(q, 'nom', 'sf'))} менің {PL()} нөмірлі көлігімді сызып кетті. {PE(kk_name(q, 'abl', 'f'))} залалды өтеуді талап етемін."

# ============================================================ EN
def ep():
    return en_person() if R.random() < 0.6 else (kz_person() if R.random() < 0.6 else ru_person())

@reg('en', 'email_thread')
def _():
    a, b = ep(), ep()
    return f"From: {PE(en_name(a, 'fs'))} <{EM(a, True)}>\nTo: {EM(b, True)}\nSubject: Re: onboarding documents\n\nHi {PE(en_name(b, 'f'))},\nThanks for sending the contract. Please also forward {PE(en_name(ep(), 'fs'))}'s passport copy (No. {DOC('foreign')}) to HR before Friday.\nThe office address for the courier is {AD(addr_en())}.\n\nBest,\n{PE(en_name(a, 'f'))}\n{PH()}"

@reg('en', 'hr_record')
def _():
    p = ep()
    return f"EMPLOYEE RECORD\nName: {PE(en_name(p, C(['fs','sf'])))}\nDate of birth: {DB(p, C(['en','iso','en_us']))}\nIIN: {IIN(p)}\nPassport: {DOC(C(['kz_pass','foreign']))}\nHome address: {AD(addr_en())}\nEmergency contact: {PE(en_name(ep(), 'fs'))}, {PH()}\nSalary account: {IB()}"

@reg('en', 'visa_letter')
def _():
    p = ep()
    return f"To the Consular Section\nThis is to confirm that {C(['Mr.','Ms.','Dr.'])} {PE(en_name(p, 'fs'))}, born on {DB(p, C(['en','en_us']))}, passport number {DOC(C(['foreign','kz_pass']))}, is employed by our company as a senior engineer and will attend the conference in Berlin.\nHis/her residential address in Kazakhstan: {AD(addr_en())}.\nSincerely,\n{PE(en_name(ep(), 'fs'))}\nHR Director, {EM(None, True)}"

@reg('en', 'json_export')
def _():
    p = ep()
    return '{"user_id": %d, "full_name": "%s", "dob": "%s", "email": "%s", "phone": "%s", "card": "%s", "last_login_ip": "%s", "created_at": "%s"}' % (
        R.randint(10000, 99999), PE(en_name(p, 'fs')), DB(p, 'iso'), EM(p), PH(), CA(), IP(), rnd_date(fmt='iso'))

@reg('en', 'env_config')
def _():
    return f"# production secrets - rotate quarterly\nexport STRIPE_SECRET_KEY={SE('live')}\nexport GITHUB_TOKEN={SE('ghp')}\nexport DATABASE_URL=postgres://app:{SE('pw')}@{IP()}:5432/payments\nexport TELEGRAM_BOT_TOKEN={SE('tg')}\n# owner: {PE(en_name(ep(), 'fs'))} <{EM(None, True)}>"

@reg('en', 'incident_report')
def _():
    p = ep()
    return f"Incident #{R.randint(1000, 9999)} - leaked credential\nAt 03:12 UTC an API request from {IP()} used the token {SE(C(['jwt','ghp','hex']))} issued to {PE(en_name(p, 'fs'))}. The same token appeared in a URL: https://api.example-pay.kz/v1/export?access_token={SE('b64')}\nAction: token revoked, user contacted at {EM(p, True)}."

@reg('en', 'messenger_chat')
def _():
    a, b = ep(), ep()
    return f"{PE(en_name(a, 'f'))}: Hey {PE(en_name(b, 'f'))}, the wifi password for the guest room is {SE('pw')}\n{PE(en_name(b, 'f'))}: thanks! and the door code?\n{PE(en_name(a, 'f'))}: 4471, the flat is at {AD(addr_en(C(['b','c'])))}\n{PE(en_name(b, 'f'))}: perfect, see you at 7 - {PE(en_name(b, 'f'))}"

@reg('en', 'markdown_table')
def _():
    rows = []
    for i in range(R.randint(3, 4)):
        p = ep()
        rows.append(f"| {PE(en_name(p, C(['fs','sf','caps'])))} | {DB(p, C(['iso','en','slash']))} | {EM(p, True)} | {PH()} |")
    return "| Employee | Date of birth | Email | Mobile |\n|---|---|---|---|\n" + "\n".join(rows)

@reg('en', 'bank_document')
def _():
    p = ep()
    return f"WIRE TRANSFER INSTRUCTION\nBeneficiary: {PE(en_name(p, 'caps'))}\nBeneficiary IIN: {IIN(p)}\nIBAN: {IB()}\nBeneficiary address: {AD(addr_en())}\nOrdering customer: {PE(en_name(ep(), 'fs'))}, card {CA()}\nCompany BIN: {BIN()}\nPurpose: tuition fee"

@reg('en', 'rental_agreement')
def _():
    a, b = ep(), ep()
    return f"RESIDENTIAL LEASE\nLandlord: {PE(en_name(a, 'fs'))}, ID card {DOC('kz_id')}, IIN {IIN(a)}\nTenant: {PE(en_name(b, 'fs'))}, passport {DOC('foreign')}\nPremises: {AD(addr_en())}\nTenant's vehicle: {PL()}\nBoth parties signed on {rnd_date(fmt='en')}. Contact the landlord at {PH('mob')} or {EM(a)}."

@reg('en', 'cv')
def _():
    p = ep()
    return f"CURRICULUM VITAE\n{PE(en_name(p, 'fs'))}\nBorn: {DB(p, C(['en','en_us']))}\nAddress: {AD(addr_en())}\nPhone: {PH()} | Email: {EM(p)}\nDriving licence: {DOC('kz_dl')}\nReferences: {PE(en_name(ep(), 'fs'))} (former manager), {PE(en_name(ep(), 'f_ini'))}"

# ============================================================ MIXED
@reg('mixed', 'messenger_chat')
def _():
    a, b = kz_person(), rp()
    return f"{PE(a.first)}: {PE(ru_name(b, 'nom', 'f'))}, сәлем! отправь плиз реквизиты для оплаты\n{PE(ru_name(b, 'nom', 'f'))}: IBAN {IB()}, БИН {BIN()}\n{PE(a.first)}: рахмет! и картаға тоже можно? {CA()}\n{PE(ru_name(b, 'nom', 'f'))}: иә, можно. {PE(ru_name(rp(), 'dat', 'sf'))} тоже скинь чек"

@reg('mixed', 'form')
def _():
    p = kz_person()
    return f"Аты-жөні / ФИО: {PE(kk_name(p, 'nom', 'sfp', caps=R.random()<0.4))}\nТуған күні / Дата рождения: {DB(p, 'dot')}\nЖСН / ИИН: {IIN(p)}\nЖеке куәлік / Удостоверение личности №: {DOC('kz_id')}\nМекенжайы / Адрес: {AD(C([addr_kk(), addr_ru()]))}\nТел.: {PH()}\nE-mail: {EM(p)}"

@reg('mixed', 'email_thread')
def _():
    a, b = rp(), ep()
    return f"Hi {PE(en_name(b, 'f'))},\nпересылаю данные нового сотрудника:\nName: {PE(en_name(a, 'fs'))} / {PE(ru_name(a, 'nom', 'sfp'))}\nDOB: {DB(a, 'dot')}\nПаспорт: {DOC('kz_pass')}\nОн будет работать в офисе {AD(addr_en('a'))}.\nСпасибо,\n{PE(ru_name(rp(), 'nom', 'f'))}"

@reg('mixed', 'yaml_config')
def _():
    return f"# конфиг интеграции с eGov, не публиковать\negov:\n  base_url: https://{IP()}:9443/api\n  client_id: portal-prod\n  client_secret: {SE(C(['hex','b64']))}\nredis:\n  url: redis://:{SE('pw')}@{IP()}:6379/0\nalerts:\n  telegram_token: \"{SE('tg')}\"\n  chat_admin: {PE(ru_name(rp(), 'nom', 'fs'))}"

@reg('mixed', 'shell_snippet')
def _():
    return f"$ ssh deploy@{IP()}\n$ export OPENAI_API_KEY={SE(C(['live','sbx']))}\n$ mysql -u root -p'{SE('pw')}' -h {IP()} crm\n$ curl -H \"Authorization: Bearer {SE('jwt')}\" https://crm.local/api/clients\n# жауапты: {PE(kk_name(kz_person(), 'nom', 's_ini'))} / ответственный за сервер"

@reg('mixed', 'csv_export')
def _():
    rows = []
    for i in range(R.randint(2, 4)):
        p = C([kz_person(), ru_person(), en_person()])
        name = en_name(p, 'fs') if p.kind == 'en' else ru_name(p, 'nom', C(['sfp', 'sf']))
        a = C([addr_en(), addr_ru(), addr_kk()])
        rows.append(f"{R.randint(100, 999)},{PE(name)},{DB(p, 'iso')},{EM(p)},\"{AD(a)}\",{PL()}")
    return "id,full_name,birth_date,email,address,car_plate\n" + "\n".join(rows)

@reg('mixed', 'json_export')
def _():
    p = kz_person()
    return '{"client": {"name": "%s", "name_kk": "%s", "birth_date": "%s", "iin": "%s"}, "contacts": {"phone": "%s", "address": "%s"}, "payment": {"iban": "%s", "card": "%s"}}' % (
        PE(en_name(p, 'fs')), PE(kk_name(p, 'nom', 'sf')), DB(p, 'iso'), IIN(p), PH(), AD(addr_ru()), IB(False), CA('plain'))

@reg('mixed', 'messenger_chat')
def _():
    a, b = kz_person(), kz_person()
    return f"— {PE(a.first)}, привет! Жаңа пәтердің адресі қандай?\n— {AD(addr_kk('rc'))}, домофон 45. Кілт консьержде.\n— Ок, рахмет! Вайфай паролі?\n— {SE('pw')}\n— Түсіндім. {PE(kk_name(b, 'dat', 'f'))} айтамын, ол да келеді\n— Давай, жду. {PE(a.first)}"

@reg('mixed', 'bank_document')
def _():
    p = rp()
    return f"Payment order / Платёжное поручение № {R.randint(100, 999)}\nPayer / Плательщик: {PE(ru_name(p, 'nom', 'sfp'))}, ИИН {IIN(p)}\nPayer IBAN: {IB()}\nBeneficiary / Бенефициар: ТОО «Steppe Agro», БИН {BIN()}, IBAN {IB()}\nКНП 710, сумма 1 250 000 KZT"

@reg('mixed', 'it_ticket')
def _():
    p = ep()
    return f"JIRA SUP-{R.randint(1000, 9999)}: VPN не подключается\nReporter: {PE(en_name(p, 'fs'))}\nКлиентский IP: {IP()}, шлюз {IP()}\nВ логе виден ключ: psk = {SE('hex')}\nПроверьте, пожалуйста, учётку {EM(p, True)}. Спасибо, {PE(en_name(ep(), 'f'))}"

@reg('mixed', 'hr_order')
def _():
    p = kz_person(); q = rp()
    return f"БҰЙРЫҚ / ПРИКАЗ № {R.randint(10, 99)}-к\n{PE(kk_name(p, 'nom', 'sfp'))} менеджер лауазымына қабылдансын. / Принять {PE(ru_name(p, 'acc', 'sfp'))} на должность менеджера.\nТанысты / Ознакомлен: {PE(ru_name(p, 'nom', 's_ini'))}\nКадр бөлімі / Отдел кадров: {PE(ru_name(q, 'nom', 'ini_s'))}, {PH('land')}"

@reg('mixed', 'social_services')
def _():
    p = kz_person(); k = kz_person(lo=2012, hi=2023)
    return f"Заявка на путёвку в лагерь / Лагерьге жолдама\nАта-анасы / Родитель: {PE(kk_name(p, 'nom', 'sf'))}, тел. {PH('mob')}\nБаланың аты / Ребёнок: {PE(k.first)}, {DB(k, 'dot')} г.р., ЖСН {IIN(k)}\nТуу туралы куәлік / Свидетельство о рождении: {DOC('birth')}\nМекенжайы / Адрес: {AD(C([addr_kk('mkrnum'), addr_ru('mkr')]))}"

@reg('mixed', 'markdown_table')
def _():
    rows = []
    for i in range(R.randint(3, 4)):
        p = C([kz_person(), ru_person()])
        rows.append(f"| {PE(kk_name(p, 'nom', 'sf') if R.random()<0.5 else ru_name(p, 'nom', 'sfp'))} | {DOC(C(['kz_id','kz_pass','ru_pass','foreign']))} | {DB(p, 'dot')} | {AD(C([addr_kk(), addr_ru(), addr_latkk()]))} |")
    return "| Аты-жөні / ФИО | Document No. | Туған күні | Адрес |\n|---|---|---|---|\n" + "\n".join(rows)


# ---------------- titles, lone surnames, self-introductions
@reg('ru', 'official_letter')
def _():
    p = rp(sex='m'); q = ru_person(sex='f')
    return f"Уважаемые коллеги!\nПрошу согласовать командировку г-на {PE(ru_name(p, 'gen', 's'))} в г. {C(RU_CITIES)}. Документы подготовит г-жа {PE(ru_name(q, 'nom', 's'))}, её рабочий телефон {PH('land')}. Встреча с господином {PE(ru_name(rp(sex='m'), 'ins', 's'))} назначена на {rnd_date()}.\n{PE(ru_name(rp(), 'nom', 'ini_s'))}"

@reg('ru', 'messenger_chat')
def _():
    p = rp()
    return f"Здравствуйте! Меня зовут {PE(ru_name(p, 'nom', C(['f','fs'])))}, я по объявлению о сдаче квартиры {AD(addr_ru(C(['mkr','rc','city'])))}. Можно посмотреть завтра после 18:00? Мой номер {PH('mob')}, пишите в WhatsApp."

@reg('ru', 'court_extract')
def _():
    a, b = rp(), rp()
    return f"В {C(['РАЙОННЫЙ','СПЕЦИАЛИЗИРОВАННЫЙ МЕЖРАЙОННЫЙ'])} СУД Г. {C(RU_CITIES).upper()}\nИСТЕЦ: {PE(ru_name(a, 'nom', 'sfp', caps=True))}, ИИН {IIN(a)}\nОТВЕТЧИК: {PE(ru_name(b, 'nom', 'sfp', caps=True))}\nИСКОВОЕ ЗАЯВЛЕНИЕ О РАСТОРЖЕНИИ БРАКА\nБрак между {PE(ru_name(a, 'ins', 'sf', caps=True))} и {PE(ru_name(b, 'ins', 'sf', caps=True))} зарегистрирован {rnd_date(2005, 2018)}. Прошу взыскать с {PE(ru_name(b, 'gen', 's_ini', caps=True))} алименты."

@reg('ru', 'social_services')
def _():
    rows = []
    for i in range(R.randint(3, 5)):
        p = kz_person() if R.random() < 0.5 else ru_person()
        rows.append(f"{IIN(p)} {PE(ru_name(p, 'nom', C(['sf','f','sfp'])))}")
    return "Список получателей пособия (ИИН, ФИО):\n" + "\n".join(rows) + f"\nСписок сверил: {PE(ru_name(rp(), 'nom', 's_ini'))}"

@reg('kk', 'official_letter')
def _():
    p = kz_person(sex='m'); q = kz_person(sex='f')
    return f"Құрметті {PE(p.sur)} мырза!\n{rnd_date()} өткен кездесу үшін рахмет. Келісімшарт жобасын {PE(q.first)} ханым дайындайды, ол сізге {EM(q, True)} поштасынан жазады.\n{PE(kk_name(q, 'abl', 'fs'))} сұрақтарыңызға жауап аласыз. Сондай-ақ {PE(kk_name(kz_person(), 'gen', 'sfp'))} ұсыныстары қаралды.\nҚұрметпен, {PE(kk_name(kz_person(), 'nom', 'fs'))}"

@reg('kk', 'messenger_chat')
def _():
    p = kz_person()
    return f"Сәлеметсіз бе! Менің атым {PE(p.first)}, {C(['Astana Hub','мектеп','емхана'])} бойынша хабарласып тұрмын. {PE(kk_name(kz_person(), 'gen', 'f'))} құжаттары дайын. Мекенжайымыз: {AD(addr_kk())}. Тел: {PH()}\n— {PE(p.first)}"

@reg('en', 'email_thread')
def _():
    a = ep(); b = ep()
    return f"Dear Mr. {PE(translit(a.sur))},\nFurther to our call, Ms. {PE(translit(b.sur))} will send the signed NDA today. Please confirm the delivery address: {AD(addr_en())}.\nKind regards,\n{PE(en_name(b, C(['fs','f'])))}\n{PH()}"

@reg('en', 'messenger_chat')
def _():
    a, b = ep(), ep()
    return f"Hi {PE(en_name(a, 'f'))}! My name is {PE(en_name(b, 'fs'))}, I'm the new tenant at {AD(addr_en('c'))}. My car is {PL()} - could you add it to the parking list?\nThanks,\n{PE(en_name(b, 'f'))}"

@reg('mixed', 'email_thread')
def _():
    a = kz_person(); b = ru_person()
    return f"Сәлем, {PE(a.first)}!\nJust a reminder: {PE(kk_name(kz_person(), 'gen', 'sf'))} визасы дайын, паспорт {DOC('kz_pass')}. Мистер {PE(translit(b.sur))} прилетает {rnd_date()}, встретить в аэропорту. Wi-Fi в офисе: {SE('pw')}\nBest,\n{PE(ru_name(b, 'nom', 'f'))}"

@reg('mixed', 'hr_record')
def _():
    p = kz_person()
    return f"{PE(en_name(p, 'caps'))}\n{PE(kk_name(p, 'nom', 'sfp'))}\nBorn / Туған күні: {DB(p, C(['kk','en','dot']))}\nID card / Жеке куәлік: {DOC('kz_id')}\nResidence permit holder? No\nAddress: {AD(C([addr_latkk(), addr_en(), addr_kk()]))}\nBank card: {CA()}"

# ---------------- invoices / company documents with BIN
@reg('ru', 'bank_document')
def _():
    d = rp(); b = rp()
    return f"СЧЁТ НА ОПЛАТУ № {R.randint(10, 999)} от {rnd_date()}\nПоставщик: ТОО «{C(['Сункар Трейд','Алатау Сервис','Нур-Строй','Дала Логистик'])}», БИН {BIN()}, ИИК {IB()}, АО «{C(['Halyk Bank','ForteBank','Bank RBK','Jusan Bank'])}»\nПокупатель: ИП «{C(['Береке','Асыл','Шапагат','Мерей'])}», ИИН {IIN(b)}\nДиректор {PE(ru_name(d, 'nom', 's_ini'))}, главный бухгалтер {PE(ru_name(rp(), 'nom', 's_ini'))}"

@reg('kk', 'bank_document')
def _():
    d = kz_person()
    return f"ОРЫНДАЛҒАН ЖҰМЫСТАР АКТІСІ № {R.randint(10, 999)}\nОрындаушы: «{C(['Алтын Дала','Қыран Сервис','Жетісу Құрылыс','Тұлпар Логистик'])}» ЖШС, БСН {BIN()}\nТапсырыс беруші: «{C(['Ақмола Су','Нұр Энерго','Шығыс Жылу'])}» АҚ, БСН {BIN()}\nЕсеп шот: {IB()}\nОрындаушының директоры {PE(kk_name(d, 'nom', 's_ini'))}, бас есепші {PE(kk_name(kz_person(), 'nom', 'sf'))}"

@reg('en', 'bank_document')
def _():
    return f"INVOICE {R.randint(1000, 9999)}\nSeller: Tulpar Logistics LLP, BIN {BIN()}, IBAN {IB()}\nBuyer: Steppe Agro LLP, BIN {BIN()}\nContact person: {PE(en_name(ep(), 'fs'))}, {EM(None, True)}, {PH('land')}"

@reg('mixed', 'official_letter')
def _():
    p = kz_person()
    return f"«{C(['Qazaq Digital','Astana Soft','Nomad IT'])}» ЖШС / ТОО, БСН/БИН {BIN()}\n{AD(C([addr_kk('city2'), addr_ru('office')]))}\nДиректору ТОО «Steppe Agro» {PE(ru_name(ru_person(), 'dat', 's_ini'))}\nHereby we confirm that {PE(en_name(p, 'fs'))} ({PE(kk_name(p, 'nom', 'sf'))}) is our employee since {rnd_date(2015, 2023)}.\nДиректор / Director {PE(kk_name(kz_person(), 'nom', 's_ini'))}"

@reg('ru', 'migration_record')
def _():
    p = ru_person(eth=C(['ug', 'uz'])); q = rp()
    return f"Справка миграционной службы\n{PE(ru_name(p, 'nom', 'sfp'))}, {DB(p, 'dot')} г.р., удостоверение беженца {DOC('refugee')}, ранее паспорт {DOC('foreign')}.\nПроживает: {AD(addr_ru(C(['reg','mkr'])))}.\nДело ведёт инспектор {PE(ru_name(q, 'nom', 's_ini'))}; заявление {PE(ru_name(p, 'gen', 's_ini'))} принято {rnd_date()}."

@reg('kk', 'migration_record')
def _():
    p = ru_person(eth=C(['ug', 'uz', 'ko']))
    return f"Көші-қон қызметінің анықтамасы\n{PE(kk_name(p, 'nom', 'sfp'))}, {DB(p, 'kk')} туған, босқын куәлігі № {DOC('refugee')}, шетел төлқұжаты {DOC('foreign')}.\nТұрақты мекенжайы: {AD(addr_kk())}.\n{PE(kk_name(p, 'gen', 'sf'))} өтініші {rnd_date()} қабылданды."
