package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Names of people in Kazakh, Russian and English.
 *
 * <p>One pass splits the text into words; runs of capitalised words (and initials such as {@code И.И.}) that
 * follow one another are weighed together. Evidence: a first name from the dictionary (declined forms included),
 * a surname or patronymic suffix (-ов/-ева/-ский/-ұлы/-қызы/-ович/-овна...), initials, a cue word before the run
 * (гражданин, өтініш беруші, ФИО, Mr). A name that is also an ordinary word (арман, бақыт, Роза) needs a second
 * piece of evidence. Runs right after an organisation marker or inside «quotes», and names of streets (ул. Абая,
 * Абай даңғылы) are not persons.
 */
final class PersonRecognizer implements Recognizer {

    private static final String[] CUES = {
        "гражданин",
        "гражданка",
        "гражданина",
        "гражданки",
        "азамат",
        "азаматша",
        "заявитель",
        "заявителя",
        "өтініш беруші",
        "ф.и.о",
        "фио",
        "т.а.ә",
        "таә",
        "mr.",
        "mr ",
        "ms.",
        "ms ",
        "mrs",
        "dr.",
        "dr ",
        "г-н",
        "г-жа",
        "господин",
        "госпожа",
        "пациент",
        "пациентка",
        "patient",
        "name:",
        "full name",
        "имя:",
        "аты-жөні",
        "аты жөні",
        "сотрудник",
        "сотрудница",
        "директор",
        "исполнитель",
        "подпись",
        "қызметкер",
        "уважаемый",
        "уважаемая",
        "құрметті",
        "dear",
        "обвиняем",
        "подозреваем",
        "потерпевш",
        "свидетел",
        "ответчик",
        "истец",
        "истца",
        "менің атым",
        "меня зовут",
        "my name is",
        "атым",
        "иесі",
        "владелец",
        "на имя",
        "атына",
        "получатель",
    };
    private static final CueSet CUES_SET = new CueSet(CUES);
    private static final Set<String> ORG_BEFORE = words(
            "тоо",
            "ао",
            "ооо",
            "гу",
            "кгу",
            "ргп",
            "гкп",
            "жшс",
            "ақ",
            "мм",
            "пао",
            "зао",
            "оао",
            "нао",
            "ргу",
            "коммунальное",
            "компания",
            "компании",
            "фирма",
            "банк",
            "company",
            "bank",
            "министерство",
            "министр",
            "департамент",
            "управление",
            "акимат",
            "комитет",
            "университет",
            "школа",
            "больница",
            "поликлиника",
            "фонд",
            "корпорация",
            "холдинг",
            "центр",
            "агентство",
            "институт",
            "lyceum");
    private static final Set<String> ORG_AFTER = words(
            "llp",
            "ltd",
            "inc",
            "llc",
            "corp",
            "plc",
            "gmbh",
            "bank",
            "group",
            "university",
            "банк",
            "банка",
            "банке",
            "group",
            "holding",
            "partners",
            "foundation",
            "institute",
            "school",
            "hospital",
            "ministry",
            "airlines",
            "airways",
            "consulting",
            "solutions",
            "technologies",
            "systems",
            "ltd.");
    private static final Set<String> PLACE_BEFORE = words(
            "ул",
            "улица",
            "улицы",
            "улице",
            "улицу",
            "пр",
            "проспект",
            "проспекта",
            "проспекте",
            "пр-т",
            "просп",
            "мкр",
            "мкрн",
            "микрорайон",
            "микрорайона",
            "переулок",
            "пер",
            "бульвар",
            "б-р",
            "пл",
            "площадь",
            "им",
            "имени",
            "г",
            "город",
            "города",
            "городе",
            "с",
            "село",
            "пос",
            "аул",
            "street",
            "st",
            "ave",
            "avenue",
            "шоссе",
            "тракт",
            "обл",
            "область",
            "р-н",
            "район",
            "районе",
            "trakt",
            "по",
            "угол",
            "углу",
            "пересечении",
            "перекрестке",
            "перекрёстке");
    private static final String[] PLACE_AFTER = {
        "көше",
        "даңғыл",
        "қала",
        "аудан",
        "ауыл",
        "облыс",
        "атында",
        "шағын",
        "көш",
        "даң",
        "тұйық",
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "square",
        "мектеб",
        "мектеп",
        "гимназия"
    };
    private static final WordSet NOT_NAMES = new WordSet(words(
            "казахстан",
            "қазақстан",
            "республика",
            "республики",
            "россия",
            "алматы",
            "астана",
            "шымкент",
            "караганда",
            "қарағанды",
            "актобе",
            "ақтөбе",
            "атырау",
            "актау",
            "ақтау",
            "павлодар",
            "семей",
            "тараз",
            "костанай",
            "қостанай",
            "кызылорда",
            "қызылорда",
            "уральск",
            "орал",
            "кокшетау",
            "көкшетау",
            "талдыкорган",
            "талдықорған",
            "туркестан",
            "түркістан",
            "москва",
            "kazakhstan",
            "almaty",
            "astana",
            "london",
            "the",
            "this",
            "that",
            "then",
            "there",
            "please",
            "thanks",
            "thank",
            "hello",
            "hi",
            "dear",
            "regards",
            "best",
            "we",
            "it",
            "in",
            "on",
            "at",
            "for",
            "and",
            "but",
            "if",
            "see",
            "my",
            "our",
            "your",
            "his",
            "her",
            "mr",
            "ms",
            "mrs",
            "dr",
            "уважаемый",
            "уважаемая",
            "құрметті",
            "здравствуйте",
            "сәлеметсіз",
            "добрый",
            "прошу",
            "спасибо",
            "рахмет",
            "гражданин",
            "гражданка",
            "заявитель",
            "пациент",
            "директор",
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
            "ии",
            "ai",
            "ип",
            "фио",
            "иин",
            "бин",
            "жсн",
            "бсн",
            "кз",
            "рк",
            "тоо",
            "ао",
            "дсп",
            "http",
            "https",
            "www",
            "json",
            "csv",
            "id",
            "ok",
            "yes",
            "no",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "subject",
            "from",
            "to",
            "re",
            "fw",
            "cc",
            "street",
            "road",
            "avenue",
            "kaspi",
            "halyk",
            "google",
            "microsoft",
            "openai",
            "telegram",
            "whatsapp",
            "министерство",
            "суд",
            "закон",
            "кодекс",
            "согласно",
            "на",
            "по",
            "от",
            "для",
            "при",
            "и",
            "в",
            "с",
            "о",
            "к",
            "у",
            "а",
            "я",
            "мен",
            "және",
            "бойынша",
            "туралы",
            "тел",
            "моб",
            "email",
            "e-mail",
            "адрес",
            "мекенжай",
            "дата",
            "күні",
            "дело",
            "іс",
            "приказ",
            "бұйрық",
            "справка",
            "анықтама",
            "заявление",
            "өтініш",
            "жалоба",
            "шағым",
            "акт",
            "протокол",
            "номер",
            "no",
            "name",
            "patient",
            "client",
            "user",
            "admin",
            "team",
            "support",
            "department",
            "ministry",
            "office",
            "city",
            "region",
            "district",
            "order",
            "invoice",
            "total",
            "version",
            "release",
            "date",
            "phone",
            "address",
            "passport",
            "card",
            "iban",
            "bank",
            "account"));

    private record Token(
            int start, int end, boolean initial, long dict, boolean surname, boolean weakSurname, boolean patronymic) {

        boolean firstName() {
            return (dict & NameDictionary.FIRST_NAME) != 0;
        }

        boolean ordinaryWord() {
            return (dict & NameDictionary.ORDINARY_WORD) != 0;
        }

        boolean dictSurname() {
            return (dict & NameDictionary.SURNAME) != 0;
        }
    }

    /** After these a first name is a name even in lower case, as people type in chats. */
    static final CueIndex INTRODUCTIONS = new CueIndex("меня зовут", "менің атым", "my name is", "зовут меня", "атым");

    private final NameDictionary names;

    PersonRecognizer(NameDictionary names) {
        this.names = names;
    }

    /** The word before a run, folded. */
    private record Word(int end, String folded) {}

    /**
     * Walks the capitalised word starts only: a lower-case word between two capitalised ones ends the run just as
     * well through {@link #gapAllowsRun}, which then finds letters in the gap.
     */
    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        List<Token> run = new ArrayList<>(6);
        char[] folded = new char[32];
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int i = 0;
        for (int k = candidates.first(WordStarts.CAPITAL), last = candidates.end(WordStarts.CAPITAL); k < last; k++) {
            if (starts[k] < i) {
                continue;
            }
            i = starts[k];
            char c = s[i];
            if (!Chars.isLetter(c)) {
                continue;
            }
            int end = wordEnd(s, i);
            if (!gapAllowsRun(s, run, i)) {
                flush(view, run, out);
                run.clear();
            }
            if (end - i > folded.length) {
                folded = new char[end - i];
            }
            Token token = token(s, i, end, folded);
            if (token != null) {
                run.add(token);
                if (run.size() > 4) {
                    flush(view, run.subList(0, 4), out);
                    run.clear();
                }
            } else {
                flush(view, run, out);
                run.clear();
            }
            i = end;
        }
        flush(view, run, out);
        INTRODUCTIONS.find(view, (at, cue) -> introduction(s, at, cue, out));
    }

    /** A lower-case first name right after an introduction cue. */
    private void introduction(char[] s, int at, String cue, List<Finding> out) {
        int p = at + cue.length();
        while (p < s.length && (s[p] == ' ' || s[p] == ':' || s[p] == '-')) {
            p++;
        }
        if (p >= s.length || !Chars.isLowerCase(s[p])) {
            return; // capitalised names are handled by the main pass
        }
        int end = wordEnd(s, p);
        if ((names.lookup(NameForms.fold(Chars.string(s, p, end))) & NameDictionary.FIRST_NAME) != 0) {
            out.add(new Finding(EntityType.PERSON, p, end, 0.75, "person"));
        }
    }

    private static int wordEnd(char[] s, int i) {
        int j = i + 1;
        while (j < s.length) {
            char c = s[j];
            if (Chars.isLetter(c)) {
                j++;
            } else if ((c == '-' || c == '\'' || c == '’') && j + 1 < s.length && Chars.isLetter(s[j + 1])) {
                j += 2;
            } else {
                break;
            }
        }
        return j;
    }

    /** Words of one name are separated by spaces only, or by the dot of an initial. */
    private static boolean gapAllowsRun(char[] s, List<Token> run, int next) {
        if (run.isEmpty()) {
            return true;
        }
        Token last = run.get(run.size() - 1);
        int p = last.end();
        if (last.initial() && p < next && s[p] == '.') {
            p++;
        }
        int spaces = 0;
        while (p < next && s[p] == ' ') {
            p++;
            spaces++;
        }
        return p == next && spaces <= 2 && (spaces > 0 || last.initial());
    }

    /** The capitalised word {@code s[start, end)} weighed as part of a name, or null; folds into {@code folded}. */
    private Token token(char[] s, int start, int end, char[] folded) {
        int len = end - start;
        boolean initial = len == 1 && end < s.length && s[end] == '.';
        if (initial) {
            return new Token(start, end, true, 0, false, false, false);
        }
        if (len < 2 || len <= 4 && allUpper(s, start, end)) {
            return null; // acronyms (ИИН, ЦОН, IIN, ТОО)
        }
        NameForms.foldInto(s, start, end, folded);
        if (NOT_NAMES.contains(folded, 0, len)) {
            return null; // known non-names
        }
        if (NameForms.isPatronymic(folded, len)) {
            return new Token(start, end, false, 0, false, false, true);
        }
        long dict = names.lookup(folded, len);
        if ((dict & NameDictionary.FIRST_NAME) != 0) {
            return new Token(start, end, false, dict, false, false, false);
        }
        boolean strong = NameForms.isStrongSurname(folded, len);
        return new Token(start, end, false, dict, strong, !strong && NameForms.isWeakSurname(folded, len), false);
    }

    private static boolean allUpper(char[] s, int start, int end) {
        for (int k = start; k < end; k++) {
            if (!Chars.isUpperCase(s[k])) {
                return false;
            }
        }
        return true;
    }

    private static Word previousWordBefore(char[] s, int i) {
        int p = i - 1;
        while (p >= 0 && " .:\"«“".indexOf(s[p]) >= 0) {
            p--;
        }
        int end = p + 1;
        while (p >= 0 && (Chars.isLetter(s[p]) || s[p] == '-')) {
            p--;
        }
        if (end <= p + 1) {
            return null;
        }
        return new Word(end, NameForms.fold(Chars.string(s, p + 1, end)));
    }

    private void flush(TextView view, List<Token> run, List<Finding> out) {
        if (run.isEmpty()) {
            return;
        }
        char[] s = view.chars();
        int first = 0;
        int last = run.size() - 1;
        // a capitalised word that only starts the sentence is not part of the name
        while (first < last
                && !evidence(run.get(first))
                && sentenceStart(s, run.get(first).start())) {
            first++;
        }
        while (last > first + 1 && !evidence(run.get(last)) && !evidence(run.get(last - 1))) {
            last--;
        }
        int firstNames = 0;
        int ordinary = 0;
        int surnames = 0;
        int weak = 0;
        int patronymics = 0;
        int initials = 0;
        int unknown = 0;
        for (int k = first; k <= last; k++) {
            Token t = run.get(k);
            if (t.initial()) {
                initials++;
            } else if (t.patronymic()) {
                patronymics++;
            } else if (t.firstName() && !t.ordinaryWord()) {
                firstNames++;
            } else if (t.firstName()) {
                ordinary++;
            } else if (t.surname() || t.dictSurname()) {
                surnames++;
            } else if (t.weakSurname()) {
                weak++;
            } else {
                unknown++;
            }
        }
        int start = run.get(first).start();
        Token lastToken = run.get(last);
        int end = lastToken.end() + (lastToken.initial() && lastToken.end() < s.length ? 1 : 0);
        boolean sentenceStart = sentenceStart(s, start);
        int words = last - first + 1;
        if (words == 1 && unknown == 1 && sentenceStart) {
            return; // a capitalised word that starts a sentence, and nothing else: the common case, decided cheaply
        }
        boolean strong = firstNames > 0 || surnames > 0 || patronymics > 0 || ordinary > 0 && support(run, first, last);
        // the cue words are searched only when the run itself is weak evidence
        boolean cue = !strong && view.anyCue(sentenceBoundary(s, start, 24), start, CUES_SET);
        int support = surnames + patronymics + initials + weak;
        double score;
        if (initials == words) {
            return;
        }
        if (firstNames > 0 && (support > 0 || firstNames > 1 || ordinary > 0)) {
            score = 0.9;
        } else if (ordinary > 0 && support > 0) {
            score = 0.85;
        } else if (surnames > 0 && (patronymics > 0 || initials > 0 || weak > 0)) {
            score = 0.9;
        } else if (initials > 0 && (unknown > 0 || weak > 0) && unknown + weak <= 1) {
            score = 0.7;
        } else if (cue && words <= 4) {
            score = 0.85;
        } else if (surnames > 0 && unknown == 1 && words == 2) {
            score = 0.75; // Kazakh order: surname, then a first name the dictionary does not know
        } else if (firstNames > 0) {
            score = unknown == 0 ? 0.75 : (sentenceStart && !(run.get(first).firstName()) ? 0.4 : 0.7);
        } else if (surnames > 0 && unknown == 0) {
            score = 0.6;
        } else if (patronymics > 0 && words >= 2) {
            score = 0.8;
        } else {
            return;
        }
        Word previousWord = previousWordBefore(s, run.get(0).start());
        String nextWord = nextWord(s, lastToken.end()); // folded once for both tests
        if (organisation(s, previousWord, nextWord) || place(previousWord, nextWord) || quoted(s, start)) {
            return;
        }
        if (unknown > 1 && firstNames + surnames + patronymics + ordinary == 0 && !cue) {
            return;
        }
        out.add(new Finding(EntityType.PERSON, start, end, score, "person"));
    }

    private static boolean support(List<Token> run, int first, int last) {
        for (int k = first; k <= last; k++) {
            Token t = run.get(k);
            if (t.initial() || t.patronymic() || t.surname() || t.dictSurname() || t.weakSurname()) {
                return true;
            }
        }
        return false;
    }

    private static boolean evidence(Token t) {
        return t.initial() || t.firstName() || t.surname() || t.dictSurname() || t.patronymic() || t.weakSurname();
    }

    /** Start of the window for cue words: no further back than {@code max} chars or the last sentence end. */
    private static int sentenceBoundary(char[] s, int start, int max) {
        int p = start - 1;
        while (p >= 0 && start - p <= max) {
            char c = s[p];
            if (c == '!' || c == '?' || c == '\n' || c == ';') {
                return p + 1;
            }
            p--;
        }
        return Math.max(0, start - max);
    }

    private static boolean sentenceStart(char[] s, int start) {
        int p = start - 1;
        while (p >= 0 && (s[p] == ' ' || s[p] == '"' || s[p] == '«' || s[p] == '(')) {
            p--;
        }
        return p < 0 || ".!?\n\r\t".indexOf(s[p]) >= 0;
    }

    private static boolean organisation(char[] s, Word before, String next) {
        if (before != null && ORG_BEFORE.contains(before.folded()) && before.end() + 4 > firstAfter(s, before.end())) {
            return true;
        }
        return next != null && ORG_AFTER.contains(next);
    }

    private static int firstAfter(char[] s, int p) {
        while (p < s.length && !Chars.isLetter(s[p])) {
            p++;
        }
        return p;
    }

    private static boolean place(Word before, String next) {
        if (before != null && PLACE_BEFORE.contains(before.folded())) {
            return true;
        }
        if (next == null) {
            return false;
        }
        for (String word : PLACE_AFTER) {
            if (next.startsWith(word) && (word.length() > 3 || next.length() <= word.length() + 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean quoted(char[] s, int start) {
        int p = start - 1;
        return p >= 0 && (s[p] == '«' || s[p] == '“' || s[p] == '„');
    }

    private static String nextWord(char[] s, int p) {
        int q = p;
        if (q < s.length && s[q] == '.') {
            q++;
        }
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        if (q - p > 2 || q >= s.length || !Chars.isLetter(s[q])) {
            return null;
        }
        int e = wordEnd(s, q);
        return NameForms.fold(Chars.string(s, q, e));
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }
}
