"""Hard-negative templates: no personal data, only look-alikes."""
from pools import *
import ids
C = R.choice
NEG = {'ru': [], 'kk': [], 'en': [], 'mixed': []}
CAP = {}
DEFAULT_CAP = [3]
def reg(lang, kind):
    def deco(f):
        NEG[lang].append((kind, f)); CAP[f] = DEFAULT_CAP[0]; return f
    return deco
def ver():
    return f'{R.randint(1, 12)}.{R.randint(0, 9)}.{R.randint(0, 30)}.{R.randint(1, 9)}'
def case_no():
    return C([f'№ {R.randint(1, 9):02d}-{R.randint(1000000, 9999999)}', f'{R.randint(1, 20):02d}-{R.randint(100, 999):03d}-{R.randint(100, 999)}-{R.randint(100, 999)}',
              f'№ {R.randint(1000, 9999)}-{R.randint(20, 25)}-00-2а/{R.randint(100, 999)}'])
def masked():
    c = card('space').split(' ')
    return C([f'{c[0]} **** **** {c[-1]}', f'{c[0][:4]} •••• {c[-1]}', f'*{c[-1]}', f'{c[0]}********{c[-1]}'])

# ---------------- RU
@reg('ru', 'official_letter')
def _():
    return f"Служебная записка\nВ соответствии с пунктом {ver()} Правил документооборота прошу согласовать закупку картриджей. Расчётный счёт поставщика будет указан в договоре. Почтовый адрес организации уточняется.\nПримечание: срок исполнения — до {rnd_date()}."

@reg('ru', 'court_extract')
def _():
    return f"Определение по делу {case_no()} от {rnd_date()}. Кадастровый номер участка {R.randint(10,20)}-{R.randint(100,399)}-{R.randint(10,99)}{R.randint(0,9)}-{R.randint(100,999)}. Рассмотрение отложено в связи с неявкой сторон; следующее заседание назначено на {rnd_date()} в 10:30, зал № 4."

@reg('ru', 'it_ticket')
def _():
    return f"Обновление прошивки маршрутизаторов до версии {ver()} запланировано на выходные. Согласно п. {ver()} регламента, откат выполняется на {ver()}. Порт по умолчанию 8080, маска подсети указывается в настройках DHCP."

@reg('ru', 'markdown_table')
def _():
    return "| Должность | Примечание | Статус |\n|---|---|---|\n| Главный бухгалтер | Расчётный счёт открыт | Согласовано |\n| Инспектор | Служебная записка № " + str(R.randint(10, 999)) + " | На рассмотрении |\n| Водитель | Путевой лист выдан | Закрыто |"

@reg('ru', 'news')
def _():
    return f"На проспекте Абая ремонт: с {rnd_date()} перекрыт участок от улицы Байтурсынова до улицы Кенесары хана. Объезд — по проспекту Назарбаева. Школа-гимназия имени Абая переходит на дистанционное обучение на три дня."

@reg('ru', 'news')
def _():
    return f"Жамбылская обл. и Карагандинская область вошли в пятёрку регионов по вводу жилья. Назарбаев Университет и КазНУ имени аль-Фараби объявили приём на магистратуру до {rnd_date(2025, 2026)}. Вера в успех и надежда на лучшее — главные слова ректора."

@reg('ru', 'bank_document')
def _():
    return f"Уведомление: операция по карте {masked()} на сумму 12 400 ₸ отклонена. Образец заполнения счёта: KZXX XXXX XXXX XXXX XXXX. Номер заявки {R.randint(10000000, 99999999)}. При утере карты звоните на короткий номер 7111 или в службу 1414."

@reg('ru', 'form')
def _():
    return "Форма заявления (образец)\nФИО: ______________________\nИИН: ____________ (12 цифр)\nДата рождения: __.__.____\nТелефон: +7 (___) ___-__-__\nАдрес: г. ________, ул. ________, д. ___, кв. ___\nПодпись: ________"

@reg('ru', 'validation_log')
def _():
    bad = ids.bad12(R)
    return f"Ошибка валидации: ИИН {bad} не прошёл проверку контрольного разряда. Запись отклонена. Код ошибки E-{R.randint(100, 999)}, пакет № {R.randint(1000, 9999)} от {rnd_date()}."

@reg('ru', 'company_profile')
def _():
    y = R.randint(1992, 2015)
    return f"ТОО «Арман-Строй» основано {R.randint(1, 28)}.{R.randint(1, 12):02d}.{y}. Дата регистрации филиала — {rnd_date()}. Компания выпускает краску «Жұлдыз» и утеплитель «Надежда Плюс». Юридический адрес уточняйте на сайте."

@reg('ru', 'product_review')
def _():
    return f"Купил Samsung Galaxy A{R.randint(10, 60)} в Magnum, оплатил через Kaspi Gold. Доставка Air Astana Cargo шла {R.randint(2, 9)} дней, трек RR{R.randint(100000000, 999999999)}KZ. Версия Android {R.randint(11, 14)}.0.{R.randint(1, 9)}.{R.randint(1, 9)}, всё работает."

@reg('ru', 'legal_text')
def _():
    return f"Согласно статье {R.randint(1, 30)} Закона № 94-V от 21.05.2013 «О персональных данных и их защите», персональные данные ограниченного доступа включают ИИН, адрес и сведения о документах. Подпункт {ver()} Правил применяется с {rnd_date()}."

@reg('ru', 'statistics')
def _():
    return f"Итоги квартала: выручка {R.randint(100, 999)} {R.randint(100, 999)} {R.randint(100, 999)} тенге, заказов {R.randint(1000, 9999)}, средний чек {R.randint(1000, 9999)} ₸. Координаты склада 43.{R.randint(100000, 999999)}, 76.{R.randint(100000, 999999)}. Время отклика 0.{R.randint(10, 99)} с."

@reg('ru', 'hr_template')
def _():
    return f"Шаблон приказа о приёме на работу (ред. {ver()})\nПринять [ФИО сотрудника] на должность [должность] с [дата].\nОснование: заявление работника.\nДиректор: [подпись]\nПримечание: Должность и оклад указываются по штатному расписанию."

@reg('ru', 'env_config')
def _():
    return f"# пример .env, реальные значения в Vault\nAPI_KEY=<your-api-key>\nDB_PASSWORD=${{DB_PASSWORD}}\nJWT_SECRET=changeme\nLOG_LEVEL=debug\nAPP_VERSION={ver()}\nCOMMIT={rs(40, '0123456789abcdef')}"

@reg('ru', 'phone_lookalike')
def _():
    return f"Входящий № {R.randint(1, 9):02d}-{R.randint(1000000, 9999999)} зарегистрирован. Номер дела {R.randint(10,99)}-{R.randint(100,999)}-{R.randint(100,999)}-{R.randint(100,999)}. Телефоны экстренных служб: 101, 102, 103, 112. Единый контакт-центр — 1414."

@reg('ru', 'order_log')
def _():
    bad = ids.bad_card(R)
    return f"Заказ № {bad.replace(' ', '').replace('-', '')[:16]} сформирован {rnd_date()}. Накладная {R.randint(100000000, 999999999)}. Штрихкод 4 {R.randint(600000, 699999)} {R.randint(100000, 999999)}. Статус: передан в доставку."

@reg('ru', 'calendar')
def _():
    return f"График: {rnd_date(fmt='ru')} — день открытых дверей, {rnd_date(fmt='ru')} — выпускной, {rnd_date(fmt='ru')} — годовщина основания колледжа (основан в 1968 году). День рождения компании отмечаем 15 сентября."

# ---------------- KK
@reg('kk', 'news')
def _():
    return f"Жұлдыз аспанда жарқырайды, ал Бақыт — ең үлкен байлық. Арман — адамды алға жетелейтін күш. Шолпан жұлдызы таңертең айқын көрінеді. Наурыз мейрамы {rnd_date(fmt='kk')} кең тойланады."

@reg('kk', 'official_letter')
def _():
    return f"Қызметтік хат\nМемлекеттік қызметтер көрсету қағидаларының {ver()}-тармағына сәйкес құжаттар қабылданады. Пошталық мекенжай мен есеп шот келісімшартта көрсетіледі.\nЕскерту: жауап мерзімі — {rnd_date()}."

@reg('kk', 'news')
def _():
    return f"Абай даңғылында жөндеу жұмыстары басталды. Райымбек батыр даңғылы мен Төле би көшесінің қиылысында қозғалыс шектеледі. Абай атындағы мектеп-гимназия мен Назарбаев Университеті оқушыларға жаңа бағдарлама ұсынды."

@reg('kk', 'it_ticket')
def _():
    return f"Бағдарламалық жасақтаманың {ver()} нұсқасы орнатылды. {ver()}-тармақ бойынша сақтық көшірме күн сайын жасалады. Микробағдарлама (firmware) {ver()}. Порт 443."

@reg('kk', 'form')
def _():
    return "Өтініш үлгісі\nТегі, аты, әкесінің аты: ____________\nЖСН: ____________\nТуған күні: __.__.____\nМекенжайы: ______ қ., ______ көшесі, ___-үй, ___-пәтер\nҰялы тел.: +7 (___) ___-__-__\nҚолы: ______"

@reg('kk', 'validation_log')
def _():
    return f"Қате: ЖСН {ids.bad12(R)} бақылау санынан өтпеді. БСН {ids.bad12(R)} табылмады. Сұраныс нөмірі {R.randint(100000, 999999)}, күні {rnd_date()}."

@reg('kk', 'bank_document')
def _():
    return f"Хабарлама: {masked()} картасы бойынша 8 500 ₸ төлем өтті. IBAN үлгісі: KZ__ ___ _____________. Анықтама үшін 7111 немесе 1414 нөміріне хабарласыңыз. Өтінім № {R.randint(1000000, 9999999)}."

@reg('kk', 'company_profile')
def _():
    return f"«Алтын Дала» ЖШС {R.randint(1995, 2012)} жылы құрылған. Тіркелген күні — {rnd_date()}. Компания «Бәйтерек» сериялы жиһаз және «Ақбота» сүт өнімдерін шығарады. Мекенжайы сайтта көрсетілген."

@reg('kk', 'statistics')
def _():
    return f"Жамбыл облысы мен Қарағанды облысы бойынша тоқсандық есеп: түсім {R.randint(100, 999)} {R.randint(100, 999)} {R.randint(100, 999)} теңге, өтінімдер саны {R.randint(1000, 9999)}. Ақпарат {rnd_date()} жағдай бойынша."

@reg('kk', 'legal_text')
def _():
    return f"«Дербес деректер және оларды қорғау туралы» Заңның {R.randint(1, 30)}-бабына сәйкес, ЖСН, мекенжай және жеке басын куәландыратын құжат туралы мәліметтер қолжетімділігі шектеулі деректерге жатады. {ver()}-тармақша {rnd_date()} бастап қолданылады."

@reg('kk', 'court_extract')
def _():
    return f"{case_no()} іс бойынша сот отырысы {rnd_date()} күнге ауыстырылды. Кадастрлық нөмір {R.randint(10,20)}-{R.randint(100,399)}-{R.randint(100,999)}-{R.randint(100,999)}. Тараптар келмеді."

@reg('kk', 'calendar')
def _():
    return f"Іс-шаралар жоспары: {rnd_date(fmt='kk')} — ашық есік күні, {rnd_date(fmt='kk')} — түлектер кеші. Колледж 1972 жылы құрылған. Мектептің туған күні — 1 қыркүйек."

@reg('kk', 'school_notice')
def _():
    return f"Қаныш Сәтбаев атындағы № {R.randint(1, 120)} мектеп-лицейі мен Әл-Фараби атындағы ҚазҰУ бірлескен олимпиада өткізеді. Тіркелу {rnd_date()} дейін. Жеңімпаздарға «Мейірім» қорының гранты беріледі."

@reg('kk', 'yaml_config')
def _():
    return f"# мысал баптаулар — нақты мәндер Vault-та\napi_key: \"<кілтті осында қойыңыз>\"\npassword: ${{APP_PASSWORD}}\nversion: {ver()}\ncommit: {rs(40, '0123456789abcdef')}\nchecksum_sha256: {rs(64, '0123456789abcdef')}"

# ---------------- EN
@reg('en', 'release_notes')
def _():
    return f"Release notes: firmware {ver()} fixes the boot loop introduced in version {ver()}. See section {ver()} of the admin guide. Build {rs(7, '0123456789abcdef')}, checksum {rs(64, '0123456789abcdef')}."

@reg('en', 'env_config')
def _():
    return f"# .env.example - copy to .env and fill in\nAPI_KEY=your-api-key-here\nSECRET_KEY=\nDB_PASSWORD=${{DB_PASSWORD}}\nREDIS_URL=redis://localhost:6379/0\nSENTRY_RELEASE={ver()}"

@reg('en', 'news')
def _():
    return f"Nazarbayev University and Al-Farabi Kazakh National University signed a memorandum on {rnd_date(fmt='en')}. Traffic on Abai Avenue and Kenesary Khan Street will be limited during the marathon. Hope Street Cafe and Grace Bakery sponsor the event."

@reg('en', 'order_log')
def _():
    return f"Order {R.randint(10000000, 99999999)} shipped via Kazpost, tracking RB{R.randint(100000000, 999999999)}KZ. Card ending in {R.randint(1000, 9999)} charged ({masked()}). Invoice INV-{R.randint(2019, 2026)}-{R.randint(10000, 99999)}. Flight KC {R.randint(100, 999)} departs at 14:40."

@reg('en', 'git_log')
def _():
    return "\n".join(f"commit {rs(40, '0123456789abcdef')}\nDate: {rnd_date(fmt='iso')}\n    bump version to {ver()}" for _ in range(2))

@reg('en', 'validation_log')
def _():
    return f"ValidationError: IBAN {ids.bad_iban(R)} failed the mod-97 check; IIN {ids.bad12(R)} has an invalid check digit; card {ids.bad_card(R)} failed Luhn. Request id {rs(8, '0123456789abcdef')}-{rs(4, '0123456789abcdef')}."

@reg('en', 'company_profile')
def _():
    return f"Steppe Agro LLP was founded on {rnd_date(1995, 2012, 'en')} and registered its Almaty branch on {rnd_date(fmt='en')}. Its products include Tulpar feed and the Aigerim Gold tea blend. Support line 1414 is not affiliated."

@reg('en', 'statistics')
def _():
    return f"Q{R.randint(1, 4)} metrics: {R.randint(1000, 9999)} active users, p95 latency {R.randint(100, 999)} ms, uptime 99.{R.randint(90, 99)}%. Dataset v{ver()} released; OID 1.2.398.3.10.1.1.1.2 used for GOST 34.310-2004 signatures."

# ---------------- MIXED
@reg('mixed', 'it_ticket')
def _():
    return f"Ticket: обновить firmware до {ver()}, п. {ver()} регламента. Порттар: 443, 8443. Version {ver()} — stable. Мемлекеттік сертификат OID 1.2.398.3.10.1.1.1.2."

@reg('mixed', 'form')
def _():
    return "Application form / Өтініш нысаны / Форма заявления\nFull name / Аты-жөні / ФИО: __________\nIIN / ЖСН / ИИН: ____________\nDate of birth / Туған күні: DD.MM.YYYY\nPhone / Телефон: +7 (XXX) XXX-XX-XX\nAddress / Мекенжайы: ______"

@reg('mixed', 'news')
def _():
    return f"Сегодня на Райымбек батыр даңғылы открылась новая станция. Abai Avenue-да жол жөндеу. Назарбаев Университеті мен Kaspi Bank бірлескен хакатон өткізеді {rnd_date()}. Жұлдыз аспанда — star in the sky."

@reg('mixed', 'bank_document')
def _():
    return f"Card {masked()} / Карта {masked()} — operation declined. Шаблон IBAN: KZ00 0000 0000 0000 0000 (пример). Call 1414 / звоните 7111. Ref {R.randint(100000000000000, 999999999999999)}X."

@reg('mixed', 'env_config')
def _():
    return f"# TODO: ключ положить в Vault, не в репо\nPAYMENT_API_KEY=\nPAYMENT_SECRET=${{VAULT_PAYMENT_SECRET}}\nADMIN_PASSWORD=<құпия сөз осында>\nBUILD={ver()}\nGIT_SHA={rs(40, '0123456789abcdef')}"

@reg('mixed', 'markdown_table')
def _():
    return f"| Лауазымы / Должность | Ескерту / Примечание | Status |\n|---|---|---|\n| Бас есепші | Расчётный счёт ашылды | Done |\n| Инспектор | Служебная записка № {R.randint(10, 999)} | Pending |\n| Мемлекеттік қызметші | version {ver()} | OK |"

@reg('mixed', 'validation_log')
def _():
    return f"Error: ИИН/ЖСН {ids.bad12(R)} invalid checksum. БИН {ids.bad12(R)} — not found. IBAN {ids.bad_iban(R)} — қате. Card {ids.bad_card(R)} — Luhn failed."

@reg('mixed', 'calendar')
def _():
    return f"Deadline {rnd_date()}: отчёт за квартал. Компания основана в {R.randint(1992, 2015)} году / {R.randint(1992, 2015)} жылы құрылған. Next meeting {rnd_date(fmt='en')}."

# ---------------- sentence pools for varied hard negatives (no usage cap)
DEFAULT_CAP[0] = 30
def pick(pool, k):
    return ' '.join(R.sample(pool, k))
V = lambda: ver()
D = lambda f='dot': rnd_date(fmt=f)
RU_POOL = lambda: [
    f'Почтовый адрес и Расчётный счёт указываются в разделе {R.randint(2, 9)}.', f'Служебная записка передана в канцелярию {D()}.',
    f'Согласно пункту {V()}, заявки принимаются в электронном виде.', f'Обновление клиента до версии {V()} обязательно.',
    f'На проспекте Абая ремонт, объезд по улице Жандосова.', 'Улица Кенесары хана будет перекрыта на выходных.',
    'Школа-гимназия имени Абая объявила набор в первый класс.', 'Назарбаев Университет открыл новый корпус.',
    'КазНУ имени аль-Фараби вошёл в рейтинг QS.', f'ТОО «Сункар» основано {D()}; юбилей отмечают в ноябре.',
    f'Жамбылская обл. выполнила план по посевной на {R.randint(80, 99)} %.', 'Вера, надежда и любовь — названия трёх сортов роз в питомнике.',
    f'Номер дела {case_no()} указан в повестке.', f'Телефон доверия 150, полиция 102, скорая 103.',
    f'Договор № {R.randint(10, 999)}/{R.randint(20, 26)} заключён {D()}.', 'Должность, Подразделение и Примечание заполняются кадровой службой.',
    f'Сумма к оплате: {R.randint(1, 99)} {R.randint(100, 999)} тенге.', f'Версия прошивки терминала {V()}, сборка {R.randint(1000, 9999)}.',
    'Kaspi Gold, Halyk Homebank и Freedom SuperApp поддерживают оплату по QR.', f'Рейс KC {R.randint(100, 999)} Алматы — Астана задерживается.',
    f'Toyota Land Cruiser 300 и Chery Tiggo {R.randint(4, 8)} Pro стали лидерами продаж.', 'Дата основания города — 1854 год.',
    f'Заседание комиссии переносится на {D("ru")}', 'Мемлекеттік тілде документы принимаются в том же порядке.',
    f'Индекс 050000 относится к центру Алматы.', 'Подробности — на сайте egov.kz в разделе «Социальная защита».']
KK_POOL = lambda: [
    'Жұлдыз аспанда жарқырайды.', 'Бақыт — ең үлкен байлық.', 'Арман — адамды алға жетелейтін күш.', 'Сәуле терезеден түсті.',
    'Нұр жауған таң атты.', 'Алмас — ең қатты минерал.', 'Маржан моншақ әжемнен қалған.', 'Шолпан жұлдызы таңертең көрінеді.',
    'Наурыз мейрамы барлық облыста тойланады.', 'Абай даңғылында жөндеу жүріп жатыр.', 'Райымбек батыр даңғылында кептеліс.',
    'Қаныш Сәтбаев атындағы университет жаңа бағдарлама ашты.', 'Назарбаев Зияткерлік мектебі олимпиада өткізеді.',
    f'Ережелердің {V()}-тармағы өзгерді.', f'Бағдарлама нұсқасы {V()}.', f'Іс нөмірі {case_no()}.', 'Мемлекеттік қызметтер порталы жаңартылды.',
    f'Компания {R.randint(1993, 2015)} жылы құрылған.', f'Келесі жиналыс {D("kk")} күні өтеді.', 'Жамбыл облысы егін жинауды аяқтады.',
    'Шұғыла шағынауданында жаңа саябақ ашылды.', 'Анықтама үшін 1414 нөміріне хабарласыңыз.', 'Лауазымы мен Ескерту бағандарын толтырыңыз.',
    f'Төлем сомасы {R.randint(10, 999)} {R.randint(100, 999)} теңге.', '«Бәйтерек» холдингі жаңа жобаны таныстырды.', 'Құпия сөзді ешкімге айтпаңыз.',
    'Жеке куәлікті ХҚКО-дан алуға болады.']
EN_POOL = lambda: [
    f'Firmware {V()} is now available.', f'See section {V()} for details.', f'Version {V()} deprecates the old API.',
    'Hope Valley Resort and Grace Hotel are partners of the festival.', 'Abai Avenue will be closed on Sunday.', 'Nazarbayev University hosted the forum.',
    f'The company was founded on {D("en")}.', f'Meeting rescheduled to {D("en")}.', 'Kaspi Bank and Air Astana announced a co-branded card.',
    f'Case {case_no()} was adjourned.', 'Emergency numbers: 112 and 102.', 'Never share your password or API key with anyone.',
    f'Order {R.randint(100000, 999999)} was delivered.', 'Set API_KEY in your environment before running the script.',
    f'Checksum: {rs(64, "0123456789abcdef")}.', 'Kenesary Khan Street and Tole Bi Street are one-way downtown.', 'Victoria Park opens at 9 am.',
    f'Release {V()} was tagged on {D("iso")}.', 'Dana Bakery sells fresh bread every morning.', 'The Almaty region office moved last year.']

@reg('ru', 'news')
def _():
    return pick(RU_POOL(), R.randint(3, 5))

@reg('ru', 'official_letter')
def _():
    return f"Исх. № {R.randint(1, 99)}-{R.randint(100, 999)} от {D()}\n" + pick(RU_POOL(), 3) + "\nРуководитель аппарата"

@reg('kk', 'news')
def _():
    return pick(KK_POOL(), R.randint(3, 5))

@reg('kk', 'official_letter')
def _():
    return f"Шығ. № {R.randint(1, 99)}-{R.randint(100, 999)}, {D()}\n" + pick(KK_POOL(), 3) + "\nАппарат басшысы"

@reg('kk', 'messenger_chat')
def _():
    return f"— {pick(KK_POOL(), 1)}\n— {C(['Иә, білемін.', 'Рас па?', 'Жақсы жаңалық.', 'Түсіндім.'])} {pick(KK_POOL(), 1)}\n— {C(['Рахмет!', 'Жарайды.', 'Ертең көреміз.'])}"

@reg('en', 'news')
def _():
    return pick(EN_POOL(), R.randint(3, 5))

@reg('en', 'messenger_chat')
def _():
    return f"- {pick(EN_POOL(), 1)}\n- {C(['ok, noted', 'thanks!', 'good to know', 'really?'])} {pick(EN_POOL(), 1)}\n- {C(['see you tomorrow', 'cheers', 'will do'])}"

@reg('mixed', 'news')
def _():
    return pick(RU_POOL(), 2) + ' ' + pick(KK_POOL(), 1) + ' ' + pick(EN_POOL(), 1)

@reg('mixed', 'messenger_chat')
def _():
    return f"— {pick(RU_POOL(), 1)}\n— {pick(KK_POOL(), 1)}\n— ok, {pick(EN_POOL(), 1)}"

@reg('ru', 'markdown_table')
def _():
    w = R.sample(['Должность', 'Примечание', 'Подразделение', 'Статус', 'Основание', 'Расчётный счёт', 'Почтовый адрес', 'Срок', 'Исполнитель (должность)'], 3)
    vals = ['Согласовано', 'На доработке', 'Служебная записка', 'Приказ по основной деятельности', 'Бухгалтерия', 'Канцелярия', 'Закрыто', f'п. {V()}', D()]
    rows = '\n'.join('| ' + ' | '.join(R.sample(vals, 3)) + ' |' for _ in range(3))
    return '| ' + ' | '.join(w) + ' |\n|---|---|---|\n' + rows

@reg('kk', 'markdown_table')
def _():
    w = R.sample(['Лауазымы', 'Ескерту', 'Бөлімше', 'Мәртебесі', 'Негіздеме', 'Мерзімі', 'Есеп шот', 'Пошталық мекенжай'], 3)
    vals = ['Келісілді', 'Пысықтауда', 'Қызметтік хат', 'Бұйрық', 'Бухгалтерия', 'Кеңсе', 'Жабылды', f'{V()}-тармақ', D(), 'Мемлекеттік тапсырыс']
    rows = '\n'.join('| ' + ' | '.join(R.sample(vals, 3)) + ' |' for _ in range(3))
    return '| ' + ' | '.join(w) + ' |\n|---|---|---|\n' + rows

@reg('en', 'csv_export')
def _():
    rows = '\n'.join(f'{R.randint(1000, 9999)},{C(["Almaty", "Astana", "Shymkent", "Aktobe"])},{C(["Abai Avenue", "Dostyk Avenue", "Tole Bi Street"])},{rnd_date(fmt="iso")},{C(["v", ""])}{V()},{R.randint(10, 999)}' for _ in range(3))
    return 'store_id,city,street,opened_on,pos_firmware,orders\n' + rows

@reg('ru', 'csv_export')
def _():
    rows = '\n'.join(f'{R.randint(1, 99)};{C(["Жамбылская обл.", "Карагандинская обл.", "Абайская область", "г. Шымкент"])};{C(["школа имени Абая", "гимназия им. Пушкина", "лицей им. Сатпаева", "колледж Туран"])};{R.randint(100, 2000)};{rnd_date()}' for _ in range(3))
    return '№;регион;учреждение;учащихся;дата_отчёта\n' + rows

@reg('kk', 'json_export')
def _():
    return '{"мекеме": "%s", "құрылған_күні": "%s", "нұсқа": "%s", "облыс": "%s", "іс_нөмірі": "%s"}' % (
        C(['Абай атындағы мектеп-гимназия', 'Қазақ ұлттық университеті', '«Жұлдыз» балабақшасы', '«Бақыт» қайырымдылық қоры']), rnd_date(1990, 2015), V(), C(['Жамбыл облысы', 'Ұлытау облысы', 'Абай облысы']), case_no())

@reg('en', 'json_export')
def _():
    return '{"company": "%s", "founded": "%s", "build": "%s", "commit": "%s", "order_uuid": "%s-%s-4%s-a%s-%s"}' % (
        C(['Steppe Agro LLP', 'Tulpar Logistics', 'Grace & Hope Ltd', 'Victoria Foods']), rnd_date(1995, 2015, 'iso'), V(), rs(40, '0123456789abcdef'),
        rs(8, '0123456789abcdef'), rs(4, '0123456789abcdef'), rs(3, '0123456789abcdef'), rs(3, '0123456789abcdef'), rs(12, '0123456789abcdef'))
