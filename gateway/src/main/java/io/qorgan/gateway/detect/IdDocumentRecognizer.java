package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Numbers of identity documents, only after a word that names the document (or under a table header or JSON key
 * that does): a Kazakh ID card or residence permit (9 digits), a Kazakh passport (N + 8 digits), a foreign passport,
 * driving licence or refugee certificate (2–3 Latin letters and 6–8 digits, {@code AB 123456}), a Russian passport or
 * driving licence (series and number, {@code 45 10 123456}, {@code 4510 123456}), a birth certificate
 * ({@code II-МЮ 612047}, {@code № 0662555}). Without such a word these shapes are too common (order numbers, codes,
 * phones) to report.
 */
final class IdDocumentRecognizer implements Recognizer {

    /** Cues after which a birth certificate's bare number (6–8 digits) counts too. */
    private static final String[] BIRTH_CUES = {
        "свидетельство о рождении",
        "свидетельства о рождении",
        "свидетельству о рождении",
        "свидетельством о рождении",
        "свид. о рожд",
        "свид-во о рожд",
        "свидетельство о рожд",
        "св-во о рожд",
        "туу туралы куәлік",
        "туу туралы куәлігі",
        "туу туралы куәлігінің",
        "туу куәлі", // said short: "туу куәлігі: 0561247", a JSON key "туу_куәлігі"
        "birth certificate",
        "birth cert", // shortened in a table cell: "| birth cert. | I-АЛ № 0448310 |"
        "birth_cert", // a JSON key: "birth_cert": "I-ҚЗ 0660134"
        "туу куалык", // Kazakh typed on a Russian keyboard: "баламнын туу куалыгын аламын III-ЖМ 0228419"
        "туу куалыг",
        "свидетельство о браке", // a marriage certificate's number is as bare
        "свидетельства о браке",
        "неке қию туралы куәлі",
        "неке туралы куәлі",
        "marriage certificate",
    };

    private static final String[] CUES = {
        "удостоверени", // личности, беженца, водительское: every case
        "дул", // документ, удостоверяющий личность, as registries and banks shorten it: "Номер ДУЛ: 041234567"
        "уд/л",
        "уд. личности",
        "уд.личности",
        "удл",
        "уд.л",
        "уд. л",
        "уд.",
        "удост.",
        "куәландыратын құжат",
        "жеке куәлі",
        "куәлік",
        "куәлігі",
        "куалык", // typed on a Russian keyboard: "жеке куалыгынын нөмірі 033108249"
        "куалыг",
        "паспрт", // a chat's typo: "свой паспрт у меня забыла"
        "паспорт",
        "загранпаспорт",
        "загранник", // spoken: "мой загранник N17700218"
        "загран", // cut short: "загран: N12345678"; a whole word only, see SHORT_CUES
        "military id",
        "military card",
        "удв", // удостоверение in chats: "номер удв 039911287", "номер удо твой"; whole words only, see SHORT_CUES
        "удо",
        "төлқұжат",
        "водительские права",
        "водительское",
        "водительского",
        "водительских", // "номер водительских прав"
        "права",
        "свидетельств", // its series ("II-АЛ 227104") says which; a bare number only right after it (CERTIFICATE)
        "св-во",
        "вод. уд",
        "в/у",
        "ву", // водительское удостоверение, as officials shorten it: "(ВУ AB 482071)"; a whole word only
        "вид на жительство",
        "номером документа",
        "документудличност", // the ГБД ФЛ XML element ДокументУдЛичности
        "ж.к", // жеке куәлік, shortened: "ж.к нөмірім 05 228 14 93"
        "уд", // удостоверение in chats: "уд номерін қате жаздым"; a whole word only
        "doc_no",
        "nomer_pasp", // transliterated and shortened JSON keys
        "nomer_udost",
        "pasp_nom",
        "pasp_no",
        "ud_num",
        "ud_no",
        "внж", // вид на жительство
        "ықтиярхат", // a residence permit, in Kazakh
        "заграничн", // заграничный паспорт
        "pasaport", // Turkish, Azerbaijani, Uzbek Latin
        "pasport",
        "kýálik", // Kazakh in Latin letters, 2018 and 2021 spellings: "jeke kýálik", "jeke küälik"
        "küälik",
        "kuälik",
        "tólqujat",
        "tölqūjat",
        "international driving permit",
        "seafarer",
        "вида на жительство",
        "residence permit",
        "resident card",
        "id card",
        "id number",
        "id no",
        "ид карта",
        "id-карта",
        "id карта",
        "id_card",
        "identity card",
        "passport",
        "driver's licence",
        "driver's license",
        "driving licence",
        "driving license",
        "driver licence",
        "driver_license",
        "driver_licence",
        "driving_licence",
        "license no",
        "licence no",
        "licence number",
        "license number",
        "licence", // "his licence is AE 417260": a whole word only, see SHORT_CUES
        "license",
        "документ, удостоверяющий",
        "номер документа",
        "doc_number",
        "номер_удостоверения", // JSON and CSV keys
        "номер_паспорта",
        "номер_документа",
        "құжат_нөмірі",
        "id_number",
        "document_number",
        "documentnumber", // camelCase keys and XML elements, lower-cased: documentNumber, НомерДокумента (ГБД ФЛ)
        "номердокумента",
        "idcardnumber",
        "identitydocument",
        "licensenumber",
        "licencenumber",
        "doc_num",
        "document number",
        "document no",
        "doc no",
        "doc. no",
        "құжат нөмірі",
        "құжаттың нөмірі",
        "военный билет",
        "военного билета",
        "военном билете",
        "әскери билет",
        "военныйбилет", // XML elements and camelCase keys, lower-cased: ВоенныйБилет, ЖүргізушіКуәлігі
        "жүргізушікуәлігі",
        "номерул", // УЛ: удостоверение личности, in form keys: НомерУЛ, "Номер УЛ"
        "номер ул",
        "doc_no",
        "мореходн", // мореходная книжка, a seafarer's record book
        "seaman's book",
        "теңізші кітапша", // the same in Kazakh
        "udl", // удостоверение личности, transliterated and shortened as a JSON key: "udl": "047700912"
        "id document",
        "kandas certificate", // an ethnic Kazakh returnee's certificate: "kandas certificate (KD 00731208)"
        "статусе беженца", // "справка о статусе беженца …, номер RS 20048315"
        "refugee status",
        "рвп", // разрешение на временное проживание: "РВП 0018834"
        "на временное проживание",
        "уақытша тұруға рұқсат",
        "refugee certificate",
        "refugee card", // "the refugee card number … RS 00981146"
        "refugee id",
        "residence card", // abroad: "my German residence card number is L4R8T1N07"
        "arc", // Korea's alien registration card: "ARC нөмірі 990715-5208841"
        "alien registration",
        "тіркеу карта", // "шетелдік тіркеу картамның нөмірі"
        "ikamet",
        "aufenthaltstitel",
        "тұрақтау рұқсат",
        "пасп.", // паспорт, shortened in a table cell or a form: "пасп. FA 0918344"
        "удостов", // "удостов. 045612378"
        "т/құжат", // төлқұжат, shortened: "т/құжат N12345678"
        "сери", // серия, серии: a Russian passport's series and number with no word for it, only that shape; see
        // russianSeries
        "series", // a passport's series as a field of its own: <passport series="71" number="…"/>; see russianSeries
        "passport series",
        "жк", // жеке куәлік shortened, and a housing estate (жилой комплекс) as well: see ESTATE_OR_CARD
        "ж/к",
        "ж.к.",
        "id", // only as the upper-case label of a field: see idLabel
    };

    /** The word for a document alone, in a label such as "Document: ID 045612378" too; see {@link #idLabel}. */
    private static final String[] DOCUMENT_LABELS = {"document", "документ", "құжат", "doc"};

    /**
     * The word "document" alone, which names any paper: a number after it counts only when the word is a field's label
     * (a table's header cell, a JSON key, an XML element, a label and colon) and the number is the field's whole value
     * in a document's own shape. See {@link #documentField}.
     */
    private static final String[] FIELD_LABELS =
            Lexicons.concat(DOCUMENT_LABELS, new String[] {"док_номер", "docnumber"});

    private static final Set<String> FIELD_LABEL_SET = Set.of(FIELD_LABELS);

    /**
     * Shortenings of жеке куәлік that also stand for a housing estate ("ЖК «Алатау»", "ж/к Нурлы Тау"): a document's
     * word only with a number right after ("ЖК №045612378", "ж/к 045612378").
     */
    private static final Set<String> ESTATE_OR_CARD = Set.of("жк", "ж/к", "ж.к.");

    /** Chat shortenings of удостоверение that begin other words ("удобно", "удвоить"): cues only as whole words. */
    private static final Set<String> SHORT_CUES =
            Set.of("удв", "удо", "дул", "загран", "licence", "license", "ву", "уд", "arc");
    /** The cues, and each cue of several words also as a key with underscores ("жеке_куәлік", "id_card"). */
    static final CueIndex CUE_INDEX = new CueIndex(withUnderscores(Lexicons.concat(CUES, BIRTH_CUES, FIELD_LABELS)));

    /** The birth-certificate cues as the index reports them, with spaces and as keys with underscores. */
    private static final Set<String> BIRTH_CUE_SET = Set.of(withUnderscores(BIRTH_CUES));

    private static final int WINDOW = 60;

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int[] lastStart = {-1};
        int[][] cues = {new int[8]}; // start and end of each document word, in text order
        int[] cueCount = {0};
        int firstOwn = out.size();
        int[] birthEnd = {-1}; // end of the last birth-certificate word
        CUE_INDEX.find(view, (at, cue) -> {
            if (!Chars.notWordAt(s, at - 1) || Chars.inClosingTag(s, at)) {
                return; // a closing XML element names no number after it: "</НомерДокумента><Телефон>…"
            }
            if (cue.equals("id")) {
                idLabel(s, at, lastStart, out);
                return;
            }
            if (cue.equals("сери")) {
                russianSeries(s, at + cue.length(), lastStart, out);
                return;
            }
            if (SERIES_FIELDS.contains(cue)) {
                if (!cue.equals("series") || view.anyCue(at - SERIES_REACH, at, PASSPORT_BEFORE_SERIES)) {
                    seriesValue(s, at + cue.length(), true, lastStart, out);
                }
                return;
            }
            if (SHORT_CUES.contains(cue) && Chars.isLetter(at + cue.length() < s.length ? s[at + cue.length()] : ' ')) {
                return; // "удобно", "удостоверение" (which has its own cue)
            }
            if (ESTATE_OR_CARD.contains(cue) && !numberRightAfter(s, at + cue.length())) {
                return; // "ЖК «Нурлы Тау», блок 4": a housing estate
            }
            if (FIELD_LABEL_SET.contains(cue)) {
                documentField(view, at, at + cue.length(), lastStart, out);
                return;
            }
            if (longerCueAt(view.lower(), at, cue)) {
                return; // "удостов" in "удостоверение": the longer cue's window holds this one's
            }
            if (cue.equals(CERTIFICATE)) {
                int bare = bareCertificateNumber(s, at + cue.length());
                if (bare > 0 && bare != lastStart[0]) {
                    out.add(new Finding(EntityType.ID_DOCUMENT, bare, bare + 7, 0.85, "id-document"));
                    lastStart[0] = bare;
                }
            }
            if (cueCount[0] * 2 == cues[0].length) {
                cues[0] = Arrays.copyOf(cues[0], cues[0].length * 2);
            }
            cues[0][cueCount[0] * 2] = at;
            cues[0][cueCount[0] * 2 + 1] = at + cue.length();
            cueCount[0]++;
            // a birth certificate named shortly before makes the next "куәлік №" one too ("дубликат свидетельства о
            // рождении на дочь …, бұрынғы куәлік № 0631190")
            boolean birthCue = BIRTH_CUE_SET.contains(cue);
            boolean birth = birthCue || birthEnd[0] >= 0 && at - birthEnd[0] <= BIRTH_REACH;
            if (birthCue) {
                birthEnd[0] = at + cue.length();
            }
            int before = numberBefore(s, at, birth);
            if (before >= 0 && before != lastStart[0]) {
                int end = documentNumber(s, before, birth);
                out.add(new Finding(EntityType.ID_DOCUMENT, before, end, 0.85, "id-document"));
                lastStart[0] = before;
            }
            int from = at + cue.length();
            int limit = Math.min(s.length, from + WINDOW);
            int answer = nextTurn(s, from);
            if (answer > 0 && answer != lastStart[0]) {
                int end = documentNumber(s, answer, birth);
                out.add(new Finding(EntityType.ID_DOCUMENT, answer, end, 0.9, "id-document"));
                lastStart[0] = answer;
            }
            boolean marked = false; // past a date or an IIN: only a number marked as one ("№", "номер") is ours
            boolean passport = PASSPORT_CUES.contains(cue);
            boolean licence = LICENCE_CUES.contains(cue);
            boolean permit = PERMIT_CUES.contains(cue);
            boolean service = view.anyCue(at - SERVICE_REACH, at, SERVICE_WORDS); // "служебное удостоверение"
            for (int p = from; p < limit; p++) {
                if (!Chars.notAlnumAt(s, p - 1) || !Chars.isAlnum(s[p])) {
                    continue;
                }
                boolean cyrillic = s[p] >= 0x80 && !birthSeries(s, p);
                // a Cyrillic word is read only as a series, a spelled-out or a scanned number: each read once here
                int spelled = UNREAD;
                int scan = UNREAD;
                int typed = kazakhPassportTyped(s, p);
                if (cyrillic && !cyrillicSeries(s, p) && typed < 0) {
                    spelled = spelledOut(s, p);
                    scan = spelled < 0 ? scanned(s, p, birth) : -1;
                    if (spelled < 0 && scan < 0) {
                        continue;
                    }
                }
                int end = typed > 0 ? typed : cyrillic ? cyrillicPassport(s, p) : documentNumber(s, p, birth);
                if (end < 0 && passport && p - from <= PASSPORT_REACH && !marked) {
                    end = digitsOnlyPassport(s, from, p);
                }
                if (end < 0 && licence && p - from <= PASSPORT_REACH && !marked) {
                    end = foreignLicence(s, p);
                }
                if (end < 0 && permit && p - from <= PASSPORT_REACH) {
                    end = foreignPermit(s, p); // "ARC нөмірі 990715-5208841", "residence card number is L4R8T1N07"
                }
                if (end < 0 && service && !marked && numberMark(s, p)) {
                    end = serviceNumber(s, p);
                }
                if (end < 0 && !marked) {
                    // dictated or scanned digit by digit: "9 1 4 4 2 0 7 6", "AA 0 7 3 4 4 1"
                    end = spelled != UNREAD ? spelled : spelledOut(s, p);
                }
                if (end < 0 && !marked) {
                    // a scan's letters for digits: "O4З518276", "N1120З845"
                    end = scan != UNREAD ? scan : scanned(s, p, birth);
                }
                if (end > 0
                        && (!marked || numberMark(s, p))
                        && !goesOn(s, p, end)
                        && !view.anyCue(Math.max(from, p - 30), p, OTHER_NUMBERS)) {
                    if (p != lastStart[0]) {
                        out.add(new Finding(EntityType.ID_DOCUMENT, p, end, 0.9, "id-document"));
                        lastStart[0] = p;
                        listed(s, end, birth, lastStart, out);
                    }
                    break;
                }
                int run = Chars.isDigit(s[p]) ? Chars.digitRun(s, p) : 0;
                if (run >= 4) {
                    // a date's year or an IIN may come between ("от 12.05.2015 №", "(ИИН …) №"); any other number
                    // coming first is not ours
                    boolean year = run == 4 && (s[p - 1] == '.' || Dates.plausibleYear(s, p));
                    if (!year && run != 12 || marked && run != 4 && run != 12) {
                        break;
                    }
                    marked = true;
                    p += run - 1;
                }
            }
            if (view.tables().inTable(at)) {
                view.tables().below(at, (a, b) -> {
                    if (documentNumber(s, a, birth) == b) {
                        out.add(new Finding(EntityType.ID_DOCUMENT, a, b, 0.9, "id-document"));
                    }
                });
            }
        });
        if (cueCount[0] > 0) {
            documentTalk(view, cues[0], cueCount[0], firstOwn, out);
        }
        out.subList(firstOwn, out.size()).removeIf(f -> onlyZeros(s, f.start(), f.end()));
    }

    /** A reading not made yet: {@link #spelledOut} and {@link #scanned} answer -1 or an end. */
    private static final int UNREAD = -2;

    /** How far after a birth certificate's name, in chars, a document word still speaks of it. */
    private static final int BIRTH_REACH = 150;

    /** A number of zeros only ("000000000", "N 0000 0000"): a form's placeholder, no one's document. */
    private static boolean onlyZeros(char[] s, int start, int end) {
        boolean zero = false;
        for (int p = start; p < end; p++) {
            if (Chars.isDigit(s[p])) {
                if (s[p] != '0') {
                    return false;
                }
                zero = true;
            }
        }
        return zero;
    }

    /** How far after a document word, in chars, a number of a document's own shape is taken for one. */
    private static final int TALK_AFTER = 300;

    /** How far before a document word ("N 1427 3356 — бұл менің төлқұжатым") such a number is taken. */
    private static final int TALK_BEFORE = 60;

    /**
     * Words of numbers that are not a person's document: one of these between a document word and a number keeps the
     * number out ("Паспорт готов. Серийный номер сканера 041 882 913").
     */
    private static final CueSet OTHER_NUMBERS = new CueSet(Lexicons.concat(Lexicons.OTHER_NUMBER_WORDS, new String[] {
                "серийн",
                "serial",
                "s/n",
                "заказ",
                "contract",
                "іс №",
                "трек",
                "track",
                "партия",
                "batch",
                "накладн",
                "рейс",
                "flight",
                "груз",
                "cargo",
                "объекта",
                "техпаспорт",
                "техническ",
                "тапсырыс"
            }))
            // "Өтініш беруші: 045 117 823": the applicant's turn answers the question for an ID card's number
            .except("өтініш беруші");

    /** The stem of "свидетельство" in every case, a cue whose series says which certificate; see below. */
    private static final String CERTIFICATE = "свидетельств";

    /**
     * Start of seven digits from 0 right after the word {@code свидетельств…} ending at or after {@code from} (a
     * "№" may stand between), with nothing alphanumeric after them, or -1: "свидетельство 0394412", a birth or
     * marriage certificate's bare number, where another certificate names what it registers first ("свидетельство о
     * регистрации ТС …").
     */
    private static int bareCertificateNumber(char[] s, int from) {
        int q = from;
        while (q < s.length && Chars.isLetter(s[q])) {
            q++;
        }
        if (q >= s.length || s[q] != ' ') {
            return -1;
        }
        q++;
        if (q + 1 < s.length && s[q] == '№') {
            q += s[q + 1] == ' ' ? 2 : 1;
        }
        return q < s.length && s[q] == '0' && Chars.digitRun(s, q) == 7 && Chars.notAlnumAt(s, q + 7) ? q : -1;
    }

    /**
     * Numbers of the shapes only a document has, near a word for a document: a Kazakh passport's N and eight digits
     * ("N14023387", "N 1427 3356", "N12/045/889"), an ID card's or residence permit's nine digits from 0 ("052 006
     * 719", "048/330/117"), a birth certificate's series and number ("I-АҚ 0551206 нөмірлі туу туралы куәлік"), a
     * Russian passport's series and number written apart ("22 19 604733"), a licence's letters and number after "№" or
     * "номер" ("номер ВТ 224871"), and a number read out in digit words. Up to
     * {@link #TALK_AFTER} chars after a document word (a later turn, the new number after the old one, an XML or JSON
     * value under a document key) or {@link #TALK_BEFORE} before one; not after a word for another kind of number, and
     * past a date or another number only when marked, as in a cue's own window.
     */
    private static void documentTalk(TextView view, int[] cues, int cueCount, int firstOwn, List<Finding> out) {
        char[] s = view.chars();
        Found found = new Found(out, firstOwn);
        WordStarts starts = view.starts();
        int[] all = starts.all();
        int cue = 0;
        for (int k = 0, count = starts.count(); k < count; k++) {
            int p = all[k];
            char c = s[p];
            if (!Chars.notAlnumAt(s, p - 1) || p > 0 && "+-/.".indexOf(s[p - 1]) >= 0) {
                continue;
            }
            while (cue + 1 < cueCount && cues[cue * 2 + 2] < p) {
                cue++; // the last document word that starts before p
            }
            int before = cues[cue * 2] < p ? cues[cue * 2 + 1] : -1;
            int next = before < 0 ? cue : cue + 1;
            boolean twinOnly = (before < 0 || p - before > TALK_AFTER)
                    && (next >= cueCount || cues[next * 2] - p > TALK_BEFORE + LONGEST_TALK_SHAPE);
            if (twinOnly && (found.isEmpty() || !Chars.isDigit(c) && !Chars.isUpperCase(c))) {
                continue; // no document word near and no twin possible: most words, and no shape read
            }
            int end = talkShape(s, view.lower(), p);
            if (end >= 0 && afterCountryCode(s, p)) {
                continue; // a phone's national number: "+44 7700 900418"
            }
            if (end < 0) {
                if (found.isEmpty() || !Chars.isDigit(c) && !Chars.isUpperCase(c)) {
                    continue; // a twin needs a document found before it, and starts as document numbers do
                }
                int twin = sameShapeAfterFound(s, view.lower(), found, p);
                if (twin > 0 && !found.covers(p) && !view.anyCue(p - 40, p, OTHER_NUMBERS)) {
                    out.add(new Finding(EntityType.ID_DOCUMENT, p, twin, 0.8, "id-document"));
                    found.add(p, twin);
                }
                continue;
            }
            // past a date or another number after the word before, only a marked one is ours, as in a cue's window
            boolean nearBefore = before >= 0
                    && p - before <= TALK_AFTER
                    && (!otherNumberBetween(s, found, before, p) || numberMark(s, p));
            boolean nearAfter = next < cueCount && cues[next * 2] >= end && cues[next * 2] - end <= TALK_BEFORE;
            if (!nearBefore && !nearAfter
                    || found.covers(p)
                    || view.anyCue(Math.max(before, p - 40), p, OTHER_NUMBERS)) {
                continue;
            }
            out.add(new Finding(EntityType.ID_DOCUMENT, p, end, 0.8, "id-document"));
            found.add(p, end);
        }
    }

    /**
     * A bound on the longest number {@link #talkShape} reads, in chars: nine digit words with their gaps ("семьдесят, …"). A word
     * further than this and {@link #TALK_BEFORE} before the next document word cannot end near it.
     */
    private static final int LONGEST_TALK_SHAPE = 200;

    /** Whether a phone's country code and a space come right before {@code p}: "+44 7700 900418". */
    private static boolean afterCountryCode(char[] s, int p) {
        int q = p - 1;
        if (q < 2 || s[q] != ' ') {
            return false;
        }
        int digits = 0;
        while (q - 1 >= 0 && Chars.isDigit(s[q - 1]) && digits < 4) {
            q--;
            digits++;
        }
        return digits >= 1 && digits <= 3 && q >= 1 && s[q - 1] == '+';
    }

    /** How far after a found document number, in chars, a number of its very shape is taken for one. */
    private static final int TWIN_REACH = 200;

    /**
     * End of a number at {@code p} written in exactly the shape of a document number this recognizer found shortly
     * before it, letter for letter, digit for digit, with the same spaces and signs, and at least six digits: the
     * documents of a family or a group listed one after another ("my US passport is A 4417 2093 …, and my wife's is
     * A 4417 2107"); or -1.
     */
    private static int sameShapeAfterFound(char[] s, char[] lower, Found found, int p) {
        if (!Chars.isAlnum(s[p]) || !digitSoon(s, p)) {
            return -1; // most words: no digit where a document's number has its first
        }
        int from = p - TWIN_REACH;
        for (int part = 0; part < 2; part++) {
            for (int i = found.lastBefore(part, p); found.reaches(part, i, from); i--) {
                int start = found.start(part, i);
                int end = found.end(part, i);
                if (end < from || end > p) {
                    continue;
                }
                int twin = twin(s, lower, found, part, i, start, end, p);
                if (twin >= 0) {
                    return twin;
                }
            }
        }
        return -1;
    }

    /** End of the number at {@code p} if it is a twin of the found {@code s[start, end)}, or -1. */
    private static int twin(char[] s, char[] lower, Found found, int part, int i, int start, int end, int p) {
        int length = end - start;
        int closed = closedUp(s, start, end, p); // "KZ 183 205... sorry, KZ183205": the same number said again
        if (closed > 0) {
            return closed;
        }
        if (CORRECTIONS.anyWordIn(lower, end, p)) {
            int corrected = compactTwin(s, start, end, p); // "AB 204 771 — sorry, AB 240771, I swapped digits"
            if (corrected > 0) {
                return corrected;
            }
        }
        if (p + length > s.length || !Chars.notAlnumAt(s, p + length)) {
            return found.spelled(s, part, i) ? compactTwin(s, start, end, p) : -1;
        }
        int digits = 0;
        boolean same = true;
        for (int j = 0; j < length && same; j++) {
            char a = s[start + j];
            char b = s[p + j];
            digits += Chars.isDigit(b) ? 1 : 0;
            same = Chars.isDigit(a)
                    ? Chars.isDigit(b)
                    : Chars.isLetter(a) ? Chars.isLetter(b) && Chars.isUpperCase(a) == Chars.isUpperCase(b) : a == b;
        }
        if (same && digits >= 6) {
            return p + length;
        }
        // "9 1 4 4 2 0 7 6… sorry, 91442067"
        return found.spelled(s, part, i) ? compactTwin(s, start, end, p) : -1;
    }

    /** Words that correct what was just said: the number after them is the found one said again, put right. */
    private static final CueSet CORRECTIONS = new CueSet(
            "sorry",
            "i mean",
            "correction",
            "извините",
            "простите",
            "то есть",
            "точнее",
            "исправляю",
            "ой",
            "кешіріңіз",
            "яғни",
            "дұрысы");

    /**
     * End of the found number {@code s[start, end)} written again at {@code p} without its spaces, char for char, when
     * it had spaces; or -1.
     */
    private static int closedUp(char[] s, int start, int end, int p) {
        int q = p;
        boolean spaces = false;
        for (int i = start; i < end; i++) {
            if (s[i] == ' ') {
                spaces = true;
                continue;
            }
            if (q >= s.length || s[q] != s[i]) {
                return -1;
            }
            q++;
        }
        return spaces && Chars.notAlnumAt(s, q) ? q : -1;
    }

    /**
     * Whether a digit comes within the first six chars at {@code p}, before anything but letters, digits, spaces and
     * dashes: a document's number has its first digit after a series of at most five letters.
     */
    private static boolean digitSoon(char[] s, int p) {
        for (int q = p; q < s.length && q - p < 6; q++) {
            char c = s[q];
            if (Chars.isDigit(c)) {
                return true;
            }
            if (!Chars.isLetter(c) && c != ' ' && c != '-') {
                return false;
            }
        }
        return false;
    }

    /**
     * End of the number at {@code p} that has the letters and digits of the spelled-out number {@code s[start, end)}
     * in the same order of kinds, written compactly (a space at most between them), or -1: the same number said again.
     */
    private static int compactTwin(char[] s, int start, int end, int p) {
        int q = p;
        for (int i = start; i < end; i++) {
            char a = s[i];
            if (!Chars.isAlnum(a)) {
                continue;
            }
            if (q < s.length && s[q] == ' ' && q > p) {
                q++;
            }
            if (q >= s.length || (Chars.isDigit(a) ? !Chars.isDigit(s[q]) : !Chars.isUpperCase(s[q]))) {
                return -1;
            }
            q++;
        }
        return Chars.notAlnumAt(s, q) && spelledOut(s, p) < 0 ? q : -1;
    }

    /** End of a number of one of {@link #documentTalk}'s shapes starting at {@code p}, or -1. */
    private static int talkShape(char[] s, char[] lower, int p) {
        char c = s[p];
        boolean letterNext = p + 1 < s.length && Chars.isLetter(s[p + 1]);
        if (letterN(c) && !letterNext || c == '0' || letterO(c) && Chars.digitAt(s, p + 1)) {
            return ownShape(s, p);
        }
        if (Chars.isDigit(c)) {
            return russianPassport(s, p);
        }
        if (c == 'I' || c == 'V' || c == 'X' || c == 'І') {
            return birthSeries(s, p) ? birthCertificate(s, p) : -1;
        }
        if (cyrillicSeries(s, p) && numberMark(s, p)) {
            return cyrillicPassport(s, p); // a licence's series and number, marked: "номер ВТ 224871"
        }
        if (Chars.isAsciiUpper(c) && p + 1 < s.length && Chars.isDigit(s[p + 1])) {
            int run = Chars.digitRun(s, p + 1); // a foreign passport's letter and seven or eight digits: "P1182734"
            return (run == 7 || run == 8) && Chars.notAlnumAt(s, p + 1 + run) ? p + 1 + run : -1;
        }
        return readOut(s, lower, p);
    }

    /**
     * End of a number of a document's own shape at {@code p}: N and eight digits, or nine digits from 0 (up to three
     * of them read by a scanner as the letter O: "O48 775 1O2"), in groups split by single spaces, slashes or dashes
     * (at most four of them), nothing alphanumeric or a decimal part after; or -1.
     */
    private static int ownShape(char[] s, int p) {
        int n = s.length;
        int q = p;
        int need = 9;
        if (letterN(s[p])) {
            q = p + 1 < n && s[p + 1] == ' ' ? p + 2 : p + 1;
            need = 8;
        }
        boolean ocr = need == 9; // an ID card's number as a scanner read it: the letter O for a zero
        int digits = 0;
        int zeros = 0;
        int gaps = 0;
        while (q < n) {
            if (Chars.isDigit(s[q]) || ocr && letterO(s[q])) {
                digits++;
                zeros += Chars.isDigit(s[q]) ? 0 : 1;
                q++;
            } else if (digits > 0
                    && digits < need
                    && " /-".indexOf(s[q]) >= 0
                    && q + 1 < n
                    && (Chars.isDigit(s[q + 1]) || ocr && letterO(s[q + 1]))) {
                gaps++;
                q++;
            } else {
                break;
            }
        }
        return digits != need || zeros > 3 || gaps > 4 || !Chars.notAlnumAt(s, q) || goesOn(s, q) ? -1 : q;
    }

    /**
     * End of a Russian passport's series and number at {@code p}, written apart as people do ("45 09 318774",
     * "4521 908374", "45 09 318 774"); never solid, which a phone number is too; or -1.
     */
    private static int russianPassport(char[] s, int p) {
        int first = Chars.digitRun(s, p);
        int q = p + first;
        if (first == 2 && q + 3 < s.length && s[q] == ' ' && Chars.digitRun(s, q + 1) == 2) {
            q += 3; // "45 09"
        } else if (first != 4) {
            return -1;
        }
        if (q + 7 > s.length || s[q] != ' ') {
            return -1;
        }
        int number = Chars.digitRun(s, q + 1);
        int end = q + 1 + number;
        if (number == 3 && end + 4 <= s.length && s[end] == ' ' && Chars.digitRun(s, end + 1) == 3) {
            end += 4; // "318 774"
        } else if (number != 6) {
            return -1;
        }
        return Chars.notAlnumAt(s, end) && !goesOn(s, end) ? end : -1;
    }

    /** A passport's N as people type it: Latin or Cyrillic, either case ("н 12 40 55 81" in a chat). */
    private static boolean letterN(char c) {
        return c == 'N' || c == 'n' || c == 'Н' || c == 'н';
    }

    /** The Latin or Cyrillic capital O, which text recognition reads for a zero. */
    private static boolean letterO(char c) {
        return c == 'O' || c == 'О';
    }

    /** Whether a number ending at {@code end} goes on with a decimal part or another group ("556,50", "913/2"). */
    private static boolean goesOn(char[] s, int end) {
        return end + 1 < s.length && ".,-/".indexOf(s[end]) >= 0 && Chars.isDigit(s[end + 1]);
    }

    /**
     * {@link #goesOn} for a number starting at {@code p}, except that a comma ends a CSV cell: after a number that
     * itself follows a comma or semicolon, or before a date ("Әлиев Тимур,жеке куәлік,046671203,12.12.1999").
     */
    private static boolean goesOn(char[] s, int p, int end) {
        if (!goesOn(s, end)) {
            return false;
        }
        if (s[end] != ',') {
            return true;
        }
        int run = Chars.digitRun(s, end + 1);
        boolean date = end + run + 2 < s.length && s[end + 1 + run] == '.' && Chars.isDigit(s[end + 2 + run]);
        return !date && (p == 0 || s[p - 1] != ',' && s[p - 1] != ';');
    }

    /**
     * End of a document's number read out in digit words at {@code p}: nine of them (an ID card, "zero one nine, two
     * two eight, four zero one"), or a passport's "эн" or "N" and eight, or two series letters and seven ("ВБ,
     * сегіз, жеті, …", a military ID); or -1.
     */
    private static int readOut(char[] s, char[] lower, int p) {
        if (!Chars.isLetter(s[p])) {
            return -1;
        }
        int word = p;
        while (word < s.length && Chars.isLetter(s[word])) {
            word++;
        }
        if (DigitWords.digit(lower, p, word)) {
            return DigitWords.follows(lower, p) ? -1 : DigitWords.run(lower, p, 9); // the run's first word only
        }
        if (word - p > 2) {
            return -1; // only "эн", "N" or two series letters take a run read out after them
        }
        int after = word;
        while (after < s.length && after - word < 2 && (s[after] == ' ' || s[after] == ',')) {
            after++;
        }
        if (after == word || after >= s.length) {
            return -1;
        }
        if (Chars.startsWith(lower, "эн", p) && word - p == 2 || word - p == 1 && (s[p] == 'N' || s[p] == 'Н')) {
            return DigitWords.run(lower, after, 8);
        }
        if (word - p == 2 && Chars.isUpperCase(s[p]) && Chars.isUpperCase(s[p + 1])) {
            return DigitWords.run(lower, after, 7);
        }
        return -1;
    }

    /** Whether a run of four digits or more outside this recognizer's findings lies in {@code [from, to)}. */
    private static boolean otherNumberBetween(char[] s, Found found, int from, int to) {
        for (int p = from; p < to; p++) {
            if (Chars.isDigit(s[p])) {
                int run = Chars.digitRun(s, p);
                if (run >= 4 && !found.covers(p)) {
                    return true;
                }
                p += run;
            }
        }
        return false;
    }

    /**
     * The spans this recognizer found, in start order, for the talk pass's look-ups: those of the cue windows (in no
     * order, sorted once) and those the pass adds as it walks forward. Each look-up reads only the spans near its
     * position, so a body of many numbers near document words stays linear.
     */
    private static final class Found {

        private final int[][] starts = new int[2][];
        private final int[][] ends = new int[2][];
        private final int[] size = new int[2];
        private final int[] longest = new int[2];
        /** Per span: 0 not read yet, 1 spelled out digit by digit, 2 not. */
        private final byte[][] spelled = new byte[2][];

        Found(List<Finding> out, int firstOwn) {
            int n = out.size() - firstOwn;
            long[] spans = new long[n];
            for (int i = 0; i < n; i++) {
                Finding f = out.get(firstOwn + i);
                spans[i] = (long) f.start() << 32 | f.end();
            }
            Arrays.sort(spans);
            starts[0] = new int[n];
            ends[0] = new int[n];
            spelled[0] = new byte[n];
            for (long span : spans) {
                put(0, (int) (span >>> 32), (int) span);
            }
            starts[1] = new int[8];
            ends[1] = new int[8];
            spelled[1] = new byte[8];
        }

        boolean isEmpty() {
            return size[0] + size[1] == 0;
        }

        /** Adds a span that starts after every span added before it. */
        void add(int start, int end) {
            if (size[1] == starts[1].length) {
                starts[1] = Arrays.copyOf(starts[1], size[1] * 2);
                ends[1] = Arrays.copyOf(ends[1], size[1] * 2);
                spelled[1] = Arrays.copyOf(spelled[1], size[1] * 2);
            }
            put(1, start, end);
        }

        private void put(int part, int start, int end) {
            starts[part][size[part]] = start;
            ends[part][size[part]] = end;
            size[part]++;
            longest[part] = Math.max(longest[part], end - start);
        }

        boolean covers(int p) {
            for (int part = 0; part < 2; part++) {
                for (int i = lastBefore(part, p + 1); reaches(part, i, p - 1); i--) {
                    if (starts[part][i] <= p && p < ends[part][i]) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Index of the last span of {@code part} starting before {@code to}, or -1; walk down while {@link #reaches}. */
        int lastBefore(int part, int to) {
            return lastStartBefore(starts[part], size[part], to);
        }

        /** Whether span {@code i} of {@code part}, or one before it, may still reach {@code from}. */
        boolean reaches(int part, int i, int from) {
            return i >= 0 && starts[part][i] + longest[part] >= from;
        }

        int start(int part, int i) {
            return starts[part][i];
        }

        int end(int part, int i) {
            return ends[part][i];
        }

        /** Whether span {@code i} of {@code part} was spelled out digit by digit ({@link #spelledOut}); read once. */
        boolean spelled(char[] s, int part, int i) {
            if (spelled[part][i] == 0) {
                spelled[part][i] = (byte) (spelledOut(s, starts[part][i]) == ends[part][i] ? 1 : 2);
            }
            return spelled[part][i] == 1;
        }

        /** Index of the last of the sorted {@code s[0, n)} below {@code to}, or -1. */
        private static int lastStartBefore(int[] s, int n, int to) {
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (s[mid] < to) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - 1;
        }
    }

    /**
     * In a dialogue, the start of the answer to a question for the document's number: when the rest of the cue's line
     * asks for it ("Паспорт нөміріңізді айтыңызшы", "the passport number for the booking?") and the next line is a
     * speaker's turn ("Caller: …"), the first number of at least four digits in that turn, if it is a nine-digit ID
     * number (words read out before it: "one two zero, … so 120 488 731"); or -1.
     */
    private static int nextTurn(char[] s, int from) {
        int eol = Chars.indexOf(s, '\n', from, from + 81); // the question is the rest of a short line
        if (eol < 0 || !asksNumber(s, from, eol)) {
            return -1;
        }
        int colon = eol + 1;
        while (colon < s.length && colon - eol < 20 && Chars.isLetter(s[colon])) {
            colon++;
        }
        if (colon == eol + 1 || colon >= s.length || s[colon] != ':') {
            return -1;
        }
        int lineEnd = Chars.indexOf(s, '\n', colon, colon + 200);
        int limit = lineEnd < 0 ? Math.min(s.length, colon + 200) : lineEnd;
        for (int p = colon + 1; p < limit; p++) {
            if (!Chars.isDigit(s[p]) || !Chars.notAlnumAt(s, p - 1)) {
                continue;
            }
            if (idCardNumber(s, p) > 0) {
                return p;
            }
            int run = Chars.digitRun(s, p);
            if (run >= 4) {
                return -1;
            }
            p += run;
        }
        return -1;
    }

    /**
     * End of an ID card's number at {@code p}: nine digits, grouped or not, in at most eleven chars
     * ("024771903", "051 447 620"); or -1.
     */
    private static int idCardNumber(char[] s, int p) {
        int end = documentNumber(s, p, false);
        int digits = 0;
        for (int q = p; q < end; q++) {
            digits += Chars.isDigit(s[q]) ? 1 : 0;
        }
        return end > 0 && digits == 9 && end - p <= 11 ? end : -1;
    }

    /** Whether a word for "number" starts within {@code [from, to)}. */
    private static boolean asksNumber(char[] s, int from, int to) {
        for (int p = from; p < to; p++) {
            if (Chars.notAlnumAt(s, p - 1) && ASK_NUMBER.lengthAt(s, p, to) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Words for "number" in a question for one, as written (read on the text itself, not lower-cased). */
    private static final CueSet ASK_NUMBER = new CueSet("номер", "нөмір", "number", "Номер", "Нөмір", "Number");

    /**
     * Numbers of the same kind listed after one found ending at {@code end} ("I-АҚ № 0339812 және I-АҚ № 0447021",
     * "ескі нөмірі 029 664 170, жаңасы 054 118 032"): each joined by "и", "және", "and", "new" or a comma, and of the
     * same shape.
     */
    private static void listed(char[] s, int end, boolean birth, int[] lastStart, List<Finding> out) {
        int kind = shape(s, lastStart[0], end);
        for (int k = 0; k < 4; k++) {
            int q = end;
            if (q + 1 < s.length && s[q] == ',') {
                q++;
            }
            if (q < s.length && s[q] == ' ') {
                q++;
            }
            q += q < s.length ? LIST_JOINTS.lengthAt(s, q, s.length) : 0;
            if (q == end || q >= s.length || !Chars.isAlnum(s[q])) {
                return;
            }
            int next = documentNumber(s, q, birth);
            if (next < 0 || shape(s, q, next) != kind) {
                return;
            }
            out.add(new Finding(EntityType.ID_DOCUMENT, q, next, 0.9, "id-document"));
            lastStart[0] = q;
            end = next;
        }
    }

    private static final CueSet LIST_JOINTS =
            new CueSet("и ", "және ", "and ", "а также ", "жаңасы ", "новый ", "новое ", "new one ");

    /** A number's shape for comparing listed numbers: its length and whether it starts with a digit. */
    private static int shape(char[] s, int from, int to) {
        return (to - from) * 2 + (Chars.isDigit(s[from]) ? 1 : 0);
    }

    /**
     * "ID" as the label of a field ("…, ID 051 447 620", "; ID: 024771903", "Document: ID 045612378"): after a comma,
     * semicolon, bracket, line start or a document label's colon (not after a word: "Transaction ID 123456789"), right
     * before an ID card's nine digits.
     */
    private static void idLabel(char[] s, int at, int[] lastStart, List<Finding> out) {
        if (s[at] != 'I' || s[at + 1] != 'D' || !Chars.notWordAt(s, at + 2)) {
            return;
        }
        int b = at - 1;
        while (b >= 0 && s[b] == ' ') {
            b--;
        }
        boolean owner = b >= 0 && wordEndingAt(s, b, OWNERS);
        if (b >= 0
                && ",;(\n\t|".indexOf(s[b]) < 0
                && !wordEndingAt(s, b, ISSUERS)
                && !owner
                && !(s[b] == ':' && wordEndingAt(s, b - 1, DOCUMENT_LABELS))) {
            return;
        }
        int p = at + 2;
        if ((owner || wordEndingAt(s, b, ISSUERS))
                && (Chars.startsWith(s, " is ", p) || Chars.startsWith(s, " was ", p))) {
            p = Chars.indexOf(s, ' ', p + 1) + 1; // "her ID is 029918345", "My Kazakh ID was 038812734"
        }
        while (p < s.length && p - at < 6 && " :#№".indexOf(s[p]) >= 0) {
            p++;
        }
        if (p == at + 2 || p >= s.length || !Chars.isDigit(s[p]) || p == lastStart[0]) {
            return;
        }
        int end = idCardNumber(s, p);
        if (end > 0) {
            out.add(new Finding(EntityType.ID_DOCUMENT, p, end, 0.9, "id-document"));
            lastStart[0] = p;
        }
    }

    /**
     * "Document" as a field's label at {@code [at, end)}, the whole word: in a table's header cell, each cell below that
     * ends in a number of a document's own shape ("уд. 048812330", "пасп. FA 0918344", "ЖК 047736120"); as a key or an
     * element ({@code "document": "044192301"}, {@code <docNumber>050033718<}, {@code Документ: N09823347}), its value
     * when it is such a number and nothing else. A word for another kind of number in the cell keeps it out.
     */
    private static void documentField(TextView view, int at, int end, int[] lastStart, List<Finding> out) {
        char[] s = view.chars();
        if (end < s.length && (Chars.isAlnum(s[end]) || s[end] == '_')) {
            return; // part of a longer word or key, which has its own cue or none
        }
        if (!fieldValue(s, end, lastStart, out)
                && !seriesRightAfter(view, at, end, lastStart, out)
                && view.tables().inTable(at)) {
            view.tables().below(at, (a, b) -> {
                for (int p = a; p < b; p++) {
                    if (Chars.isAlnum(s[p])
                            && Chars.notAlnumAt(s, p - 1)
                            && documentNumber(s, p, false) == b
                            && !view.anyCue(a, p, OTHER_NUMBERS)) {
                        out.add(new Finding(EntityType.ID_DOCUMENT, p, b, 0.9, "id-document"));
                        return;
                    }
                }
            });
        }
    }

    /**
     * "серия 45 10 номер 123456", "серия 4510 № 123456": the series of two and two or four digits and the number of six
     * of a Russian passport, right after the word; a banknote's or a vehicle certificate's series ("серии ABC №
     * 123456") is not of this shape.
     */
    private static void russianSeries(char[] s, int cueEnd, int[] lastStart, List<Finding> out) {
        int end = cueEnd;
        while (end < s.length && end - cueEnd < 2 && Chars.isLetter(s[end])) {
            end++; // "серия", "серии", "серией"
        }
        if (end < s.length && Chars.isLetter(s[end])) {
            return; // "серийный"
        }
        int p = end;
        boolean passport = Chars.startsWith(s, " паспорта", p) && Chars.notAlnumAt(s, p + 9);
        if (passport) {
            p += 9; // "Серия паспорта 45 12 Номер 771203"
        }
        seriesValue(s, p, passport, lastStart, out);
    }

    /** The English series fields of a passport: the word alone only shortly after a word for a passport. */
    private static final Set<String> SERIES_FIELDS = Set.of("series", "passport series", "passport_series");

    private static final CueSet PASSPORT_BEFORE_SERIES = new CueSet("passport", "паспорт", "pasport");

    /** How far before "series" a word for a passport may stand: {@code <passport series="71" …>}. */
    private static final int SERIES_REACH = 24;

    /**
     * The series of a Russian passport after its label ending at {@code p} (two and two, or four digits) and its
     * number: right after it, or as a field of its own after a comma or a quote ("Серия паспорта: 4510, номер
     * паспорта: 783214", {@code series="71" number="4418902"}); a series of two digits as a field only where a word
     * for a passport names it.
     */
    private static void seriesValue(char[] s, int p, boolean passport, int[] lastStart, List<Finding> out) {
        int gap = p;
        while (p < s.length && p - gap < 4 && " :=\"".indexOf(s[p]) >= 0) {
            p++;
        }
        if (p == gap || p >= s.length || p == lastStart[0] || !Chars.isDigit(s[p])) {
            return;
        }
        int run = Chars.digitRun(s, p);
        int number = run == 2 || run == 4 ? documentNumber(s, p, false) : -1;
        if (number > 0) {
            out.add(new Finding(EntityType.ID_DOCUMENT, p, number, 0.9, "id-document"));
            lastStart[0] = p;
            return;
        }
        if (run == 4 && p + 4 < s.length && s[p + 4] == '"') {
            int value = numberKeyAfter(s, p + 5);
            if (value > 0) { // JSON fields of their own: "серия": "3411", "номер": "270561"
                out.add(new Finding(EntityType.ID_DOCUMENT, p, p + 4, 0.9, "id-document"));
                out.add(new Finding(EntityType.ID_DOCUMENT, value, value + 6, 0.9, "id-document"));
                lastStart[0] = value;
                return;
            }
        }
        int value = run == 4 || run == 2 && passport ? numberFieldAfter(s, p + run) : -1;
        if (value > 0) { // "Серия паспорта: 4510, номер паспорта: 783214", series="71" number="4418902"
            out.add(new Finding(EntityType.ID_DOCUMENT, p, p + run, 0.9, "id-document"));
            out.add(new Finding(EntityType.ID_DOCUMENT, value, value + Chars.digitRun(s, value), 0.9, "id-document"));
            lastStart[0] = value;
        }
    }

    /** Words that label a passport's number as a field of its own, in lower case. */
    private static final String[] NUMBER_FIELDS = {
        "номер паспорта", "номер", "№", "passport number", "passport_number", "number", "no.", "no", "nomer"
    };

    /**
     * Start of the six or seven digits of a number field right after a series value ending at {@code p}: a quote,
     * comma or space or two, the field's word, then its value; or -1.
     */
    private static int numberFieldAfter(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < 4 && ", ;\"'".indexOf(s[q]) >= 0) {
            q++;
        }
        if (q == p || q >= s.length || Chars.isDigit(s[q])) {
            return -1; // no field after the series, or a bare number that may be anything
        }
        int label = -1;
        for (String field : NUMBER_FIELDS) {
            if (Chars.startsWithIgnoringCase(s, field, q) && Chars.notWordAt(s, q + field.length())) {
                label = q + field.length();
                break;
            }
        }
        if (label < 0) {
            return -1;
        }
        int v = label;
        while (v < s.length && v - label < 4 && " :=\"'".indexOf(s[v]) >= 0) {
            v++;
        }
        int run = v < s.length ? Chars.digitRun(s, v) : 0;
        return (run == 6 || run == 7) && Chars.notAlnumAt(s, v + run) ? v : -1;
    }

    /** Start of the six digits of a {@code "номер": "…"} field that follows a series field at {@code p}, or -1. */
    private static int numberKeyAfter(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < 3 && (s[q] == ',' || s[q] == ' ' || s[q] == '"')) {
            q++;
        }
        if (!Chars.startsWith(s, "номер", q) && !Chars.startsWith(s, "Номер", q)) {
            return -1;
        }
        q += 5;
        int gap = q;
        while (q < s.length && q - gap < 4 && " :\"".indexOf(s[q]) >= 0) {
            q++;
        }
        return q > gap && Chars.digitRun(s, q) == 6 && q + 6 < s.length && s[q + 6] == '"' ? q : -1;
    }

    /** Whether a number (after a space, "№" or ":") begins right at {@code p}: "ЖК №045612378", "ЖК 047736120". */
    private static boolean numberRightAfter(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < 3 && " №:".indexOf(s[q]) >= 0) {
            q++;
        }
        int field = q > p ? numberField(s, q) : -1; // "ж.к. нөмірі 046 …", "ЖК номер 045…"
        if (field > 0) {
            q = field;
        }
        return q > p && q < s.length && (Chars.isDigit(s[q]) || Chars.isAsciiUpper(s[q]));
    }

    /**
     * The end of nine digits in groups of two to four parted by single spaces from {@code p}, nothing glued after,
     * or -1.
     */
    private static int groupedNine(char[] s, int p) {
        int digits = 0;
        int q = p;
        while (true) {
            int run = Chars.digitRun(s, q);
            if (run < 2 || run > 4 || digits + run > 9) {
                return -1;
            }
            digits += run;
            q += run;
            if (digits == 9) {
                return Chars.notAlnumAt(s, q) && !(q + 1 < s.length && s[q] == ' ' && Chars.isDigit(s[q + 1])) ? q : -1;
            }
            if (q + 1 >= s.length || s[q] != ' ' || !Chars.isDigit(s[q + 1])) {
                return -1;
            }
            q++;
        }
    }

    /** The value of a key or element ending at {@code end}, when it is a document's number and nothing else. */
    private static boolean fieldValue(char[] s, int end, int[] lastStart, List<Finding> out) {
        int p = end;
        while (p < s.length && p - end < 3 && (s[p] == '"' || s[p] == ' ')) {
            p++;
        }
        if (p >= s.length || ":=>".indexOf(s[p]) < 0) {
            return false;
        }
        p++;
        while (p < s.length && p - end < 6 && (s[p] == '"' || s[p] == ' ')) {
            p++;
        }
        if (p >= s.length || !Chars.isAlnum(s[p]) || p == lastStart[0]) {
            return false;
        }
        return valueReported(s, p, "\"<,;}\n\r", 0.9, lastStart, out);
    }

    /**
     * Reports the document's number at {@code p} when it is the whole value: one of {@code closers} or the text's end
     * right after it. Answers whether it reported one.
     */
    private static boolean valueReported(
            char[] s, int p, String closers, double score, int[] lastStart, List<Finding> out) {
        int number = documentNumber(s, p, false);
        if (number < 0 || number < s.length && closers.indexOf(s[number]) < 0) {
            return false;
        }
        out.add(new Finding(EntityType.ID_DOCUMENT, p, number, score, "id-document"));
        lastStart[0] = p;
        return true;
    }

    /**
     * A document's two series letters and its number right after the word, ending its clause: "Владелец Абрамян
     * Гарик, документ AA 915306." Answers whether it reported one.
     */
    private static boolean seriesRightAfter(TextView view, int at, int end, int[] lastStart, List<Finding> out) {
        char[] s = view.chars();
        int p = end + 1;
        if (p + 3 >= s.length
                || s[end] != ' '
                || !Chars.isUpperCase(s[p])
                || !Chars.isUpperCase(s[p + 1])
                || s[p + 2] != ' ' && !Chars.isDigit(s[p + 2])
                || p == lastStart[0]) {
            return false;
        }
        return !view.anyCue(at - 30, p, OTHER_NUMBERS) && valueReported(s, p, ".,;)\n", 0.85, lastStart, out);
    }

    /** Words of a person before "ID" that make it their identity card: "her ID is 029918345". */
    private static final String[] OWNERS = {"my", "his", "her", "your", "their", "our"};

    /** Words naming the issuer before "ID" that make it the identity card: "Kazakh ID 029914476", "national ID". */
    private static final String[] ISSUERS = {
        "kazakh",
        "kazakhstan",
        "kazakhstani",
        "national",
        "kz",
        "рк",
        "қр",
        // verbs of showing one's papers: "предъявила ID 046620194", "presented ID 041…"
        "предъявил",
        "предъявила",
        "предъявили",
        "показал",
        "показала",
        "presented",
        "showed",
        "shown",
        "provided"
    };

    /** Whether the word ending at {@code b} (inclusive) is one of {@code words}, in any case. */
    private static boolean wordEndingAt(char[] s, int b, String[] words) {
        int w = Chars.letterRunStart(s, b + 1);
        return Chars.isOneOfIgnoringCase(s, w, b + 1, words) && Chars.notWordAt(s, w - 1);
    }

    /**
     * Start of a document number written right before the document's name ("045612378 (удостоверение личности)",
     * "N12345678 — паспорт"), with only spaces, a bracket or a dash between (not a comma: "Заказ 045612378, паспорт готов"); or -1.
     */
    private static int numberBefore(char[] s, int at, boolean birth) {
        int p = at - 1;
        while (p >= 0 && at - p <= 4 && " (—–-".indexOf(s[p]) >= 0) {
            p--;
        }
        if (p < 0 || p == at - 1 || !Chars.isDigit(s[p])) {
            return -1;
        }
        int end = p + 1;
        int start = end;
        while (start > 0 && end - start < 12 && (Chars.isDigit(s[start - 1]) || Chars.isAsciiUpper(s[start - 1]))) {
            start--;
        }
        if (start >= 2
                && s[start - 1] == ' '
                && Chars.isAsciiUpper(s[start - 2])
                && Chars.notAlnumAt(s, start - 3)
                && documentNumber(s, start - 2, birth) == end) {
            return start - 2; // "U 14207735 паспортымен"
        }
        return Chars.notAlnumAt(s, start - 1) && Chars.isAlnum(s[start]) && documentNumber(s, start, birth) == end
                ? start
                : -1;
    }

    /**
     * End of a document number starting at {@code p}, or -1; with {@code birth}, a birth certificate's bare number
     * and its series are allowed too.
     */
    static int documentNumber(char[] s, int p, boolean birth) {
        int n = s.length;
        char c = s[p];
        if (birthSeries(s, p)) {
            return birthCertificate(s, p); // "II-АЛ 227104": the series names a birth certificate after any cue
        }
        if (Chars.isDigit(c)) {
            int run = Chars.digitRun(s, p);
            int end = p + run;
            if (run == 9 && Chars.notAlnumAt(s, end)) {
                return end; // ID card, residence permit
            }
            if (run == 3
                    && end + 8 <= n
                    && s[end] == ' '
                    && Chars.digitRun(s, end + 1) == 3
                    && s[end + 4] == ' '
                    && Chars.digitRun(s, end + 5) == 3
                    && Chars.notAlnumAt(s, end + 8)) {
                return end + 8; // the same in groups: "045 612 378"
            }
            if (run == 3 && end + 8 <= n && s[end] == '-' && Chars.digitRun(s, end + 1) == 3 && s[end + 4] == '-') {
                return Chars.digitRun(s, end + 5) == 3 && Chars.notAlnumAt(s, end + 8) ? end + 8 : -1; // "045-612-378"
            }
            if (run == 3 && end + 9 <= n && s[end] == ' ' && pairs(s, end, 3) == end + 9) {
                return end + 9; // read out as a phone: "041 23 45 67"
            }
            if (run == 1 && end < n && s[end] == ' ') {
                return dictated(s, p, 9); // read out digit by digit: "0 3 9 5 5 1 2 0 7"
            }
            int grouped = c == '0' && run >= 2 && run <= 4 ? groupedNine(s, p) : -1;
            if (grouped > 0) {
                return grouped; // an ID card's number in groups of any length: "046 2219 84", "05 228 14 93"
            }
            if (run == 2 && end + 10 <= n && s[end] == ' ' && cyrillicSeries(s, end + 1) && s[end + 3] == ' ') {
                return russianNumber(s, end + 3); // a Russian driving licence: "77 АА 123456", "50 ОН № 774512"
            }
            if (run == 2 && end + 3 < n && s[end] == ' ' && Chars.digitRun(s, end + 1) == 2) {
                int q = end + 3; // Russian series "45 10" and number
                return russianNumber(s, q);
            }
            if (run == 2 && end + 8 <= n && s[end] == ' ' && Chars.digitRun(s, end + 1) == 7) {
                return Chars.notAlnumAt(s, end + 8) ? end + 8 : -1; // Russian foreign passport "75 1234567"
            }
            if (run == 4) {
                return russianNumber(s, end);
            }
            if (run == 10 && Chars.notAlnumAt(s, end)) {
                return end; // Russian series and number written solid
            }
            if (run == 2) {
                return machineReadable(s, p); // a French passport: "22AB71046"
            }
            if (birth && run >= 6 && run <= 8 && Chars.notAlnumAt(s, end)) {
                return end;
            }
            return -1;
        }
        if (Chars.isAsciiUpper(c)
                && p + 10 <= n
                && s[p + 1] == ' '
                && Chars.notAlnumAt(s, p - 1)
                && Chars.digitRun(s, p + 2) >= 3
                && Chars.digitRun(s, p + 2) <= 4
                && s[p + 2 + Chars.digitRun(s, p + 2)] == ' ') {
            int q = p + 3 + Chars.digitRun(s, p + 2); // "N 1234 5678", "E 8820 4417", "K 482 0917"
            return Chars.digitRun(s, q) == 4 && Chars.notAlnumAt(s, q + 4) ? q + 4 : -1;
        }
        if (c == 'N' && p + 17 <= n && s[p + 1] == ' ' && Chars.digitRun(s, p + 2) == 1) {
            return dictated(s, p + 2, 8); // a passport read out: "N 0 2 2 8 4 7 1 9"
        }
        if (Chars.isAsciiUpper(c) && p + 2 < n && s[p + 1] == ' ' && Chars.notAlnumAt(s, p - 1)) {
            int run = Chars.digitRun(s, p + 2); // "N 12345678", "F 00341928", "U 23817465"
            return (run == 8 || run == 7 && c != 'N') && Chars.notAlnumAt(s, p + 2 + run) ? p + 2 + run : -1;
        }
        if (Chars.isAsciiUpper(c) && p + 1 < n && Chars.isDigit(s[p + 1])) {
            int run = Chars.digitRun(s, p + 1);
            if ((run == 7 || run == 8 || run == 6 && numberMark(s, p)) && Chars.notAlnumAt(s, p + 1 + run)) {
                return p + 1 + run; // Kazakh passport N + 8 digits, a residence permit or foreign passport F + 8;
                // a letter and six only after "no." or "№" ("passport no. N612044")
            }
            return machineReadable(s, p);
        }
        if (Chars.isAsciiUpper(c) && p + 2 < n && Chars.isAsciiUpper(s[p + 1])
                || Chars.isAsciiUpper(c) && p + 3 < n && transliterationH(s, p + 1) && Chars.isAsciiUpper(s[p + 2])) {
            int q = s[p + 1] == 'h' ? p + 3 : p + 2; // "AZh 0771392": АЖ transliterated, its Ж in two letters
            if (q < n && transliterationH(s, q)) {
                q++;
            }
            if (q < n && Chars.isAsciiUpper(s[q])) {
                q++; // three letters
            }
            if (q < n && s[q] == ' ') {
                q++;
            }
            if (q + 1 < n && s[q] == '№') {
                q += s[q + 1] == ' ' ? 2 : 1; // "KZ № 012345"
            }
            int end = seriesNumber(s, q);
            return end > 0 ? end : machineReadable(s, p);
        }
        return -1;
    }

    /**
     * End of the number after a document's series letters at {@code q}: six to eight digits, solid or in two or three
     * groups as a number is read out ("AB 204 771", "ВТ 771 204", "FA 2290 418"); or -1.
     */
    private static int seriesNumber(char[] s, int q) {
        int run = Chars.digitRun(s, q);
        if (run >= 6 && run <= 8) {
            return Chars.notAlnumAt(s, q + run) ? q + run : -1;
        }
        // in two or three groups of two to four digits, six to eight in all: "AB 204 771", "FA 2290 418"
        int digits = 0;
        int groups = 0;
        int e = q;
        while (groups < 3 && run >= 2 && run <= 4) {
            digits += run;
            groups++;
            e += run;
            if (e + 1 >= s.length || s[e] != ' ' || !Chars.isDigit(s[e + 1]) || digits >= 6) {
                break;
            }
            run = Chars.digitRun(s, e + 1);
            e++;
        }
        boolean goesOn = e + 1 < s.length && s[e] == ' ' && Chars.isDigit(s[e + 1]); // "IS 049 7731 26": not ours
        return groups >= 2 && digits >= 6 && digits <= 8 && Chars.notAlnumAt(s, e) && !goesOn ? e : -1;
    }

    /**
     * End of a nine-character passport number of upper-case Latin letters and digits, at least five of them digits
     * ({@code C4KL72931}, the form of the machine-readable zone), or at least three after a first letter, as German
     * passports mix them ({@code CF1X7L24P}), at {@code p}; or -1.
     */
    private static int machineReadable(char[] s, int p) {
        int q = p;
        int digits = 0;
        while (q < s.length && q - p < 10 && (Chars.isDigit(s[q]) || Chars.isAsciiUpper(s[q]))) {
            digits += Chars.isDigit(s[q]) ? 1 : 0;
            q++;
        }
        boolean mixed = digits >= 3 && digits <= 6 && Chars.isAsciiUpper(s[p]);
        return q - p == 9 && (digits >= 5 || mixed) && Chars.notAlnumAt(s, q) ? q : -1;
    }

    /** Words before "удостоверение", "куәлік" that make it an employee's service ID, numbered by its employer. */
    private static final CueSet SERVICE_WORDS = new CueSet("служебн", "қызметтік", "service");

    /** How far before the document word a word of {@link #SERVICE_WORDS} may begin. */
    private static final int SERVICE_REACH = 14;

    /**
     * End of a Kazakh passport's number typed with a lower-case or Cyrillic N ("n12345678", "Н12345678",
     * "н12345678") at {@code p}: the letter and eight digits; or -1.
     */
    private static int kazakhPassportTyped(char[] s, int p) {
        char c = s[p];
        boolean n = c == 'n' || c == 'Н' || c == 'н';
        return n && Chars.digitRun(s, p + 1) == 8 && Chars.notAlnumAt(s, p + 9) ? p + 9 : -1;
    }

    /**
     * End of a service ID's number at {@code p}, marked with "№" or "номер": four to eight digits, as an agency
     * numbers its staff's IDs ("қызметтік куәлік № 01187", "служебное удостоверение № 004417"); or -1.
     */
    private static int serviceNumber(char[] s, int p) {
        int run = Chars.digitRun(s, p);
        return run >= 4 && run <= 8 && Chars.notAlnumAt(s, p + run) ? p + run : -1;
    }

    /** Words for a driving licence, after which a foreign licence's number of its own shape counts. */
    private static final Set<String> LICENCE_CUES = Set.of(
            "права",
            "водительские права",
            "водительское",
            "водительского",
            "водительских",
            "driver's licence",
            "driver's license",
            "driving licence",
            "driving license",
            "driver licence",
            "license no",
            "licence no",
            "licence number",
            "license number");

    /**
     * End of a foreign driving licence's number at {@code p}: eleven or twelve digits (Brazil, Japan) that open no
     * Kazakh or Russian phone, or upper-case letters, digits and dashes with at least six digits, a letter or a dash
     * among them ("D1520-48817-61205", the British "GRANT804127OJ9AB"); or -1.
     */
    private static int foreignLicence(char[] s, int p) {
        int run = Chars.digitRun(s, p);
        if ((run == 11 || run == 12) && s[p] != '7' && s[p] != '8' && Chars.notAlnumAt(s, p + run)) {
            return p + run;
        }
        int q = p;
        int digits = 0;
        boolean other = false;
        while (q < s.length && q - p <= 20) {
            char c = s[q];
            if (Chars.isDigit(c)) {
                digits++;
            } else if (Chars.isAsciiUpper(c) || c == '-' && q + 1 < s.length && Chars.isAlnum(s[q + 1])) {
                other = true;
            } else {
                break;
            }
            q++;
        }
        return q - p >= 10 && q - p <= 20 && digits >= 6 && other && Chars.notAlnumAt(s, q) ? q : -1;
    }

    /** Words for a passport, after which a number of eight digits alone is one (Czech, Slovak and older passports). */
    private static final Set<String> PASSPORT_CUES =
            Set.of("паспорт", "passport", "загранпаспорт", "загранник", "загран");

    /**
     * For each plain cue, the longer plain cues of the same weight that begin with it ("удостов" and "удостоверени"):
     * where one of those matches too, its window holds the shorter one's, so the shorter is not read again.
     */
    private static final Map<String, String[]> LONGER_CUES = longerCues();

    private static Map<String, String[]> longerCues() {
        String[] all = withUnderscores(Lexicons.concat(CUES, BIRTH_CUES, FIELD_LABELS));
        Map<String, String[]> longer = new HashMap<>();
        for (String cue : all) {
            String[] extended = Arrays.stream(all)
                    .filter(o -> o.length() > cue.length() && o.startsWith(cue) && sameWeight(cue, o))
                    .toArray(String[]::new);
            if (plain(cue) && extended.length > 0) {
                longer.put(cue, extended);
            }
        }
        return Map.copyOf(longer);
    }

    /** A cue read only through the window after it, with no test or reading of its own. */
    private static boolean plain(String cue) {
        return !SHORT_CUES.contains(cue)
                && !ESTATE_OR_CARD.contains(cue)
                && !FIELD_LABEL_SET.contains(cue)
                && !cue.equals("id")
                && !cue.equals("сери")
                && !SERIES_FIELDS.contains(cue)
                && !cue.equals(CERTIFICATE);
    }

    private static boolean sameWeight(String shorter, String longer) {
        return plain(longer)
                && PASSPORT_CUES.contains(shorter) == PASSPORT_CUES.contains(longer)
                && LICENCE_CUES.contains(shorter) == LICENCE_CUES.contains(longer)
                && BIRTH_CUE_SET.contains(shorter) == BIRTH_CUE_SET.contains(longer);
    }

    /** Whether a longer cue of {@link #LONGER_CUES} also begins at {@code at}. */
    private static boolean longerCueAt(char[] lower, int at, String cue) {
        String[] longer = LONGER_CUES.get(cue);
        for (int k = 0; longer != null && k < longer.length; k++) {
            if (Chars.startsWith(lower, longer[k], at)) {
                return true;
            }
        }
        return false;
    }

    /** Words for a residence permit abroad, whose number has its country's shape, not Kazakhstan's. */
    private static final Set<String> PERMIT_CUES = Set.of(
            "residence permit",
            "resident card",
            "residence card",
            "arc",
            "alien registration",
            "тіркеу карта",
            "ikamet",
            "aufenthaltstitel",
            "тұрақтау рұқсат",
            "вид на жительство",
            "вида на жительство",
            "внж");

    /**
     * End of a residence permit's number in a foreign shape at {@code p}: Korea's six and seven digits ("990715-5208841"),
     * Turkey's eleven digits from 99 ("99154203876"), Germany's nine letters and digits, a letter first, three of each
     * at least ("L4R8T1N07"); or -1.
     */
    private static int foreignPermit(char[] s, int p) {
        int run = Chars.digitRun(s, p);
        if (run == 6 && p + 14 <= s.length && s[p + 6] == '-' && Chars.digitRun(s, p + 7) == 7) {
            return Chars.notAlnumAt(s, p + 14) ? p + 14 : -1;
        }
        if (run == 11 && s[p] == '9' && s[p + 1] == '9') {
            return Chars.notAlnumAt(s, p + 11) ? p + 11 : -1;
        }
        if (!Chars.isAsciiUpper(s[p])) {
            return -1;
        }
        int letters = 0;
        int digits = 0;
        int q = p;
        while (q < s.length && q - p < 9 && (Chars.isAsciiUpper(s[q]) || Chars.isDigit(s[q]))) {
            letters += Chars.isDigit(s[q]) ? 0 : 1;
            digits += Chars.isDigit(s[q]) ? 1 : 0;
            q++;
        }
        return q - p == 9 && letters >= 3 && digits >= 3 && Chars.notAlnumAt(s, q) ? q : -1;
    }

    /** How far after a passport's word its number of digits alone may stand: "паспорт гражданина Чехии 55120983". */
    private static final int PASSPORT_REACH = 30;

    /**
     * End of a passport number of eight digits alone at {@code p}, with no digit between the passport's word (ending at
     * {@code from}) and it, so that a time, date or other number first keeps a later one out; or -1.
     */
    private static int digitsOnlyPassport(char[] s, int from, int p) {
        if (Chars.digitRun(s, p) != 8 || !Chars.notAlnumAt(s, p + 8)) {
            return -1;
        }
        for (int q = from; q < p; q++) {
            if (Chars.isDigit(s[q])) {
                return -1;
            }
        }
        return p + 8;
    }

    /**
     * End of a number spelled out digit by digit at {@code p}: one or two capital letters of a series, then six to ten
     * lone digits, each after a space, a comma or a pause ("…", "..."), as a caller dictates or a scan spaces them; or
     * -1.
     */
    static int spelledOut(char[] s, int p) {
        int q = p;
        int letters = 0;
        while (q < s.length && Chars.isUpperCase(s[q])) {
            q++;
            letters++;
        }
        if (letters > 2 || letters > 0 && (q >= s.length || s[q] != ' ')) {
            return -1;
        }
        int digits = 0;
        int end = -1;
        while (digits <= 10) {
            if (digits > 0 || letters > 0) {
                int gap = q;
                boolean pause = false;
                while (q < s.length && q - gap < 5 && " …,.".indexOf(s[q]) >= 0) {
                    pause |= s[q] == ' ' || s[q] == '…';
                    q++;
                }
                if (!pause) {
                    break;
                }
            }
            if (q >= s.length || !Chars.isDigit(s[q]) || Chars.digitRun(s, q) > 1) {
                break;
            }
            digits++;
            end = ++q;
        }
        boolean goesOnOtherwise = q < s.length && Chars.isDigit(s[q]) && q != end;
        return digits >= 6 && digits <= 10 && !goesOnOtherwise && Chars.notAlnumAt(s, end) ? end : -1;
    }

    /** How far a scanned number is read: the longest document number with its spaces, and what follows it. */
    private static final int SCAN_REACH = 24;

    /** End of a document number at {@code p} that a scan wrote with letters for some digits, or -1. */
    static int scanned(char[] s, int p, boolean birth) {
        char[] folded = ScannedDigits.fold(s, p, SCAN_REACH, 12);
        if (folded == null || !Chars.isAlnum(folded[0])) {
            return -1;
        }
        int end = s[p] >= 0x80 && !birthSeries(folded, 0)
                ? cyrillicPassport(folded, 0)
                : documentNumber(folded, 0, birth);
        return ScannedDigits.plausible(s, p, folded, end) ? p + end : -1;
    }

    /**
     * After a Russian series: a space or "№" and six digits; or the number as a field of its own ("Номер: 208331", the
     * attribute {@code номер="117552"}).
     */
    private static int russianNumber(char[] s, int q) {
        int r = q;
        if (r < s.length && s[r] == '"') {
            r++; // серия="63 04" номер="117552"
        }
        if (r < s.length && s[r] == ' ') {
            r++;
        }
        int field = r > q ? numberField(s, r) : -1;
        if (r < s.length && s[r] == '№') {
            r++;
            if (r < s.length && s[r] == ' ') {
                r++;
            }
        } else if (field > 0) {
            r = field; // "серия 4510 номер 123456", "Серия: 46 11 Номер: 208331"
        } else if (r == q && r + 2 < s.length && s[r] == ',' && s[r + 1] == ' ') {
            return numberAfterComma(s, r + 2); // "серия 4512, номер 654321"
        } else if (r == q && r < s.length && s[r] == '/') {
            r++; // "серия/номер 4510/123456"
        }
        if (r == q) {
            return -1;
        }
        int run = Chars.digitRun(s, r);
        return run == 6 && Chars.notAlnumAt(s, r + run) ? r + run : -1;
    }

    /** The words for a number, in any case, that may name a number's field after its series. */
    private static final String[] NUMBER_WORDS = {"нөмірім", "номер", "нөмірі"};

    /**
     * Past a number's word at {@code r} and what divides it from its value ("номер ", "Номер: ", {@code номер="}), or
     * -1 when no such word stands there.
     */
    private static int numberField(char[] s, int r) {
        for (String word : NUMBER_WORDS) {
            int e = r + word.length();
            if (e < s.length && Chars.isOneOfIgnoringCase(s, r, e, NUMBER_WORDS)) {
                int v = e;
                while (v < s.length && v - e < 3 && " :=\"".indexOf(s[v]) >= 0) {
                    v++;
                }
                return v > e ? v : -1;
            }
        }
        return -1;
    }

    /** After a series and a comma: "номер", "нөмірі" or "№", then six digits; or -1. */
    private static int numberAfterComma(char[] s, int r) {
        if (Chars.startsWith(s, "номер ", r) || Chars.startsWith(s, "нөмірі ", r)) {
            r = Chars.indexOf(s, " ", r) + 1;
        } else if (r < s.length && s[r] == '№') {
            r += r + 1 < s.length && s[r + 1] == ' ' ? 2 : 1;
        } else {
            return -1;
        }
        int run = Chars.digitRun(s, r);
        return run == 6 && Chars.notAlnumAt(s, r + run) ? r + run : -1;
    }

    /** Whether "№", "номер", "нөмірі" or "no." stands right before {@code p} (a space between allowed). */
    private static boolean numberMark(char[] s, int p) {
        int q = p;
        while (q > 0 && s[q - 1] == ' ') {
            q--;
        }
        if (q > 0 && s[q - 1] == '№') {
            return true;
        }
        for (String mark : NUMBER_MARKS) {
            int from = q - mark.length();
            if (from >= 0 && Chars.startsWith(s, mark, from)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] NUMBER_MARKS = {"номер", "номер:", "нөмірі", "нөмірі:", "No.", "no.", "No", "№:"};

    /** A vehicle's papers: транспортное средство, its registration certificate and its passport. */
    private static final String[] VEHICLE_SERIES = {"ТС", "СТС", "ПТС"};

    /**
     * End of a number with a Cyrillic series at {@code p} ("АВ № 1234567", "АК 1234567", a refugee's "ББ 00041728", a
     * temporary card's "ВУЛ 004517"), or -1.
     */
    private static int cyrillicPassport(char[] s, int p) {
        int q = s[p + 2] == ' ' ? p + 3 : p + 4;
        if (Chars.isOneOf(s, p, q - 1, VEHICLE_SERIES)) {
            return -1; // "свидетельство о регистрации ТС 12345678": a vehicle's paper
        }
        if (q + 1 < s.length && s[q] == '№') {
            q += s[q + 1] == ' ' ? 2 : 1;
        }
        return seriesNumber(s, q); // "АА 512993": a licence
    }

    /**
     * Two or three upper-case Cyrillic letters and a space at {@code p}: the series letters of a Russian driving
     * licence, a refugee's certificate, a temporary identity card.
     */
    private static boolean cyrillicSeries(char[] s, int p) {
        if (p + 2 >= s.length || !cyrillicCapital(s[p]) || !cyrillicCapital(s[p + 1])) {
            return false;
        }
        return s[p + 2] == ' ' || p + 3 < s.length && cyrillicCapital(s[p + 2]) && s[p + 3] == ' ';
    }

    private static boolean cyrillicCapital(char c) {
        return c >= 0x400 && Chars.isUpperCase(c);
    }

    /** End of {@code count} groups of a space and two digits after {@code p}, or -1. */
    private static int pairs(char[] s, int p, int count) {
        int q = p;
        for (int i = 0; i < count; i++) {
            if (q + 3 > s.length || s[q] != ' ' || Chars.digitRun(s, q + 1) != 2) {
                return -1;
            }
            q += 3;
        }
        return Chars.notAlnumAt(s, q) ? q : -1;
    }

    /** End of {@code count} digits each followed by one space (the last by none) at {@code p}, or -1. */
    private static int dictated(char[] s, int p, int count) {
        int q = p;
        for (int i = 0; i < count; i++) {
            if (q >= s.length
                    || !Chars.isDigit(s[q])
                    || Chars.digitAt(s, q + 1)
                    || i < count - 1 && (q + 1 >= s.length || s[q + 1] != ' ')) {
                return -1;
            }
            q += i < count - 1 ? 2 : 1;
        }
        return Chars.notAlnumAt(s, q) ? q : -1;
    }

    /** A Roman numeral (I, V, X, or the Cyrillic І) and a dash: the series of a birth certificate ("II-МЮ"). */
    private static boolean birthSeries(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < 4 && "IVXІ".indexOf(s[q]) >= 0) {
            q++;
        }
        return q > p && q < s.length && s[q] == '-';
    }

    /** End of "II-МЮ 612047" or "I-ЖТ № 123456" at {@code p}, or -1. */
    private static int birthCertificate(char[] s, int p) {
        int q = p;
        while (q < s.length && "IVXІ".indexOf(s[q]) >= 0) {
            q++;
        }
        q++; // the dash
        int letters = 0;
        while (q < s.length && letters < 3 && (Chars.isUpperCase(s[q]) || transliterationH(s, q))) {
            q++;
            letters += s[q - 1] == 'h' ? 0 : 1;
        }
        if (letters < 2) {
            return -1;
        }
        if (q < s.length && s[q] == ' ') {
            q++;
        }
        if (Chars.startsWith(s, "No. ", q) || Chars.startsWith(s, "No ", q)) {
            q = Chars.indexOf(s, " ", q) + 1; // "I-ZhB No. 0518274"
        } else if (q < s.length && s[q] == '№') {
            q++;
            if (q < s.length && s[q] == ' ') {
                q++;
            }
        } else if (Chars.startsWith(s, "номер ", q) || Chars.startsWith(s, "нөмірі ", q)) {
            q = Chars.indexOf(s, " ", q) + 1; // "II-ЖТ номер 0441827"
        }
        int run = Chars.digitRun(s, q);
        return run >= 6 && run <= 8 && Chars.notAlnumAt(s, q + run) ? q + run : -1;
    }

    /** The h of a Kazakh letter transliterated in two (Zh, Sh, Ch): "I-ZhB" is the series І-ЖБ. */
    private static boolean transliterationH(char[] s, int q) {
        return s[q] == 'h' && q > 0 && "ZSC".indexOf(s[q - 1]) >= 0;
    }

    private static String[] withUnderscores(String[] cues) {
        return Stream.concat(
                        Arrays.stream(cues),
                        Arrays.stream(cues).filter(c -> c.indexOf(' ') > 0).map(c -> c.replace(' ', '_')))
                .distinct()
                .toArray(String[]::new);
    }
}
