package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Dates of birth: a date (numeric or with a month name, in Kazakh, Russian or English) that a birth cue names. A cue
 * before a date ("туған күні", "дата рождения", "DOB", a JSON key such as {@code birth_date}) names the first date
 * within 40 chars after it; a cue after a date ("г.р.", "жылы туған") the date right before it; "туған", "туылған"
 * and "born" the date before them in the same clause ("1990 жылғы 5 наурызда Шымкентте туған"); a table header
 * cell with a cue ("birth_date", "Дата рождения") every date in its column. A date without a cue is not personal
 * data by itself and is not reported, nor is a year alone except before "г.р." or "жылы туған", with "жылы" in a
 * birth verb's clause ("1958 жылы Баянауыл ауданында дүниеге келген") or after "born in".
 */
final class DateOfBirthRecognizer implements Recognizer {

    private static final String[] CUES_BEFORE = Lexicons.withRussianKeyboard(new String[] {
        "туған күні",
        "туған күн",
        "туған күнің", // your, my, your (polite) birthday: "сенің туған күнің 7 желтоқсан ғой"
        "туған күнім",
        "туған күніңіз",
        "туылған күні",
        "туған жері", // the birthplace, then the date: "туған жері — Қарағанды облысы, 1990 жылғы 17 қыркүйек"
        "туған жері мен күні",
        "дата рождения",
        "даты рождения",
        "дата_рождения",
        "дата_рожд", // a key cut short: {"дата_рожд": "1985-12-07"}
        "д.р.",
        "д. р.",
        "д/р",
        "дата рожд",
        "день рождения",
        "др ",
        "др:",
        "родился",
        "родилась",
        "род.", // a form's "род. 12.05.1985", the date right after it
        "рождения",
        "born",
        "dob",
        "d.o.b",
        "date of birth",
        "date_of_birth",
        "birth date",
        "birth_date",
        "birthdate",
        "birthday",
        "dateofbirth", // camelCase keys and XML elements, lower-cased: dateOfBirth, ДатаРождения (ГБД ФЛ)
        "датарожд",
        "birth_dt",
        "туған_күні",
        "туган_кун",
        "tugan_kuni",
        "data_rozhdeniya",
        "dr\":", // a JSON key shortened from дата рождения: {"dr":"1988-11-09"}
        "birth>", // an XML element: <birth>1979-01-26</birth>
        "год рождения",
        "год рожд", // a column's header cut short: "| Год рожд. |"
        "год_рождения",
        "туған жылы",
        "туған жылыңыз", // your (polite), your, my year of birth: "туған жылыңыз 1992"
        "туған жылың",
        "туған жылым",
        "year of birth",
        "birth year",
        "birth_year",
        "рождённый",
        "рожденный",
        "рождённая",
        "рожденная",
        "родившийся",
        "родившаяся",
        "родивш", // родившегося, родившейся, родившемуся...
    });
    /** Cues before a year of birth: the year alone counts after them. */
    private static final String[] YEAR_CUES = Lexicons.withRussianKeyboard(new String[] {
        "год рождения",
        "год рожд", // a column's header cut short: "| Год рожд. |"
        "год_рождения",
        "туған жылы",
        "туған жылыңыз",
        "туған жылың",
        "туған жылым",
        "year of birth",
        "birth year",
        "birth_year"
    });
    /** Cues right after their date, at most three chars of spaces and commas between. */
    private static final String[] CUES_RIGHT_AFTER = Lexicons.withRussianKeyboard(new String[] {
        "г.р",
        "г. р",
        "года рождения",
        "г.рождения",
        "жылы туған",
        "ж.т.",
        "жылғы туған",
        "ж. т.",
        "ж. туған",
        "ж.туған",
        "жылы тудым", // "2009 жылы тудым": the year alone, as with "жылы туған"
        "жылы туды",
        "жылы туылдым",
        "жылы туылды"
    });
    /** Verbs after their date in the same clause: only words between, no digit. */
    private static final String[] CUES_CLAUSE_AFTER = Lexicons.withRussianKeyboard(new String[] {
        "туған", "туылған", "born", "дүниеге келген", "тудым", "туды", "туылдым", "туылды", "дүниеге келді", "туып"
    });

    /** Kazakh verbs of birth that begin other words too ("тудырды", to cause): a cue only as a whole word. */
    private static final Set<String> WHOLE_WORD_VERBS = Set.of("тудым", "туды", "туылдым", "туылды");

    /**
     * Words that head a table's column of birth dates or years when they are the whole header cell ("| Birth |",
     * "| Туған |"), though in prose they say nothing or are verbs read otherwise.
     */
    private static final Set<String> COLUMN_HEADS = Set.of("birth", "born", "туған", "туылған");

    static final CueIndex ANY_CUE =
            new CueIndex(Stream.of(CUES_BEFORE, CUES_RIGHT_AFTER, CUES_CLAUSE_AFTER, new String[] {"birth"})
                    .flatMap(Arrays::stream)
                    .distinct()
                    .toArray(String[]::new));

    private static final int AFTER_CUE = 40;
    private static final int BEFORE_CUE = 60;

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        char[] lower = view.lower();
        int[] starts = view.wordStarts();
        int count = view.wordCount();
        WordStarts candidates = view.starts();
        int[] sorted = candidates.sorted();
        for (int k = candidates.first(WordStarts.NUMBER), last = candidates.end(WordStarts.NUMBER); k < last; k++) {
            int i = sorted[k];
            if (Chars.digitRun(s, i) == 12 && Chars.notAlnumAt(s, i - 1) && Chars.notAlnumAt(s, i + 12)) {
                dateOfIin(s, lower, i, out);
            }
            if (i >= 2 && s[i - 1] == ' ' && s[i - 2] == ',' && Chars.isDigit(s[i])) {
                kinInBrackets(s, lower, i, out);
                afterName(s, lower, i, 2, out);
            } else if (i >= 3 && s[i - 1] == '(' && s[i - 2] == ' ' && Chars.isLetter(s[i - 3])) {
                int before = out.size();
                bracketedAfterKin(s, lower, i, out);
                if (out.size() == before && yearBefore(s, i, BRACKETED_BIRTH_YEARS_TO)) {
                    afterName(s, lower, i, 2, out); // "Шарипов Руслан (09.11.1991, удостоверение …)"
                } else if (out.size() == before) {
                    childsBirth(s, lower, i, out); // "— Әсел (2011 жылғы 14 маусым), туу туралы куәлігі …"
                }
            } else if (i >= 4 && s[i - 1] == ' ' && (s[i - 2] == '-' || s[i - 2] == '—') && s[i - 3] == ' ') {
                afterName(s, lower, i, 3, out); // a list's "Гарипова Алсу — 05.06.2007, удостоверение …"
            }
        }
        ANY_CUE.find(view, (at, cue) -> {
            if (!Chars.notWordAt(s, at - 1) || Chars.inClosingTag(s, at)) {
                return; // a closing XML element names no date after it: "</ДатаРождения><ДатаВыдачи>2015-03-12"
            }
            if (COLUMN_HEADS.contains(cue) && wholeHeaderCell(view, s, at, cue)) {
                datesBelow(view, s, lower, at, out); // "| № | ФИО | Birth |" over "| 1 | Лукпанова Айым | 2001 |"
                return;
            }
            if (cue.equals("birth")) {
                return; // alone, "birth" says nothing of a date: "birth certificate", "gave birth"
            }
            boolean verb = clauseVerb(lower, at, cue);
            if (verb) {
                if (!dateBefore(view, starts, count, at, BEFORE_CUE, out)
                        && !dayMonthBefore(s, lower, at, out)
                        && !kazakhYearBefore(s, lower, at, out)) {
                    int before = out.size();
                    dateAfter(view, starts, count, at + cue.length(), 25, out);
                    if (out.size() == before && cue.equals("born")) {
                        yearAfter(s, at + cue.length(), out); // "Born 1941."
                    }
                    if (out.size() == before && cue.equals("born") && Chars.startsWith(lower, " in ", at + 4)) {
                        yearAfter(s, at + 8, out); // "was born in 1947 in Karabulak village"
                    }
                }
            } else if (contains(CUES_BEFORE, cue)) {
                int before = out.size();
                // "род." says born only with its date right after it: "род. падеж, 12.05.2024" is grammar
                dateAfter(view, starts, count, at + cue.length(), cue.equals("род.") ? 2 : AFTER_CUE, out);
                if (out.size() == before && (contains(YEAR_CUES, cue) || labelledYear(s, at + cue.length()))) {
                    yearAfter(s, at + cue.length(), out); // "год рождения 1985", {"dob": "2014"}
                }
                if (out.size() == before && contains(YEAR_CUES, cue)) {
                    kazakhOrdinalYearAfter(lower, at + cue.length(), out); // "туған жылым қырық тоғызыншы жыл"
                }
                if (out.size() == before && cue.startsWith("родил")) {
                    yearInYear(s, lower, at + cue.length(), out); // "родился в 1985 году"
                }
                yearAnswered(s, lower, at + cue.length(), out); // "Дата рождения?" / "Токсанбай: 1963 жылы"
                if (out.size() == before) {
                    wordDateAfter(view, starts, count, at + cue.length(), out); // dictated: "Восьмое марта …"
                }
                if (out.size() == before && !organisationBetween(lower, Math.max(1, at - 25), at)) {
                    dayMonthRightAfter(s, lower, at + cue.length(), out); // "туған күні 14 мамыр"
                }
                if (view.tables().inTable(at)) {
                    datesBelow(view, s, lower, at, out);
                }
            } else if (contains(CUES_RIGHT_AFTER, cue)) {
                int before = out.size();
                if (cue.startsWith("жылы ")) {
                    kazakhOrdinalYear(lower, at, out); // "мен алпыс бесінші жылы туғанмын"
                }
                if (out.size() == before && dateBefore(view, starts, count, at, 3, out) && cue.startsWith("жыл")) {
                    Finding year = out.get(before);
                    if (year.end() - year.start() == 4) { // "1956 жылы туған": the year is "1956 жылы"
                        out.set(
                                before,
                                new Finding(year.type(), year.start(), at + cue.indexOf(' '), year.score(), "dob"));
                    }
                }
            }
        });
    }

    /**
     * A birthday without its year right after its word ("туған күні 14 мамыр", "день рождения 3 октября"): a day and
     * a month's name with only a space, colon or dash between them and the word, so that "день рождения компании 5
     * мая" stays out.
     */
    private static void dayMonthRightAfter(char[] s, char[] lower, int from, List<Finding> out) {
        int p = from;
        while (p < s.length && p - from < 3 && " :—-".indexOf(s[p]) >= 0) {
            p++;
        }
        int end = p > from ? dayMonth(s, lower, p) : -1;
        if (end > 0) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, p, end, 0.8, "dob"));
        }
    }

    /**
     * A day and a month's name with a Kazakh case ending, right before a verb of birth ("17 қарашада туды"), one word
     * at most between; answers whether it reported one.
     */
    private static boolean dayMonthBefore(char[] s, char[] lower, int verb, List<Finding> out) {
        int p = verb - 1;
        for (int words = 0; words < 3 && p > 0 && s[p] == ' '; words++) {
            int b = Chars.letterRunStart(s, p);
            int d = b - 2;
            while (d > 0 && d >= b - 3 && Chars.isDigit(s[d - 1])) {
                d--;
            }
            if (b >= 2 && s[b - 1] == ' ' && Chars.isDigit(s[b - 2]) && dayMonth(s, lower, d) == p) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, d, p, 0.85, "dob"));
                return true;
            }
            p = b - 1;
        }
        return false;
    }

    /** The end of a day (1 to 31) and a month's name at {@code p} with no year after it, or -1. */
    private static int dayMonth(char[] s, char[] lower, int p) {
        int run = Chars.digitRun(s, p);
        if (run < 1 || run > 2 || !Chars.notAlnumAt(s, p - 1) || p + run + 1 >= s.length || s[p + run] != ' ') {
            return -1;
        }
        int day = Chars.parseInt(s, p, p + run);
        int end = Dates.monthEnd(lower, p + run + 1);
        if (day < 1 || day > 31 || end < 0 || end + 1 < s.length && s[end] == ' ' && Chars.digitRun(s, end + 1) == 4) {
            return -1; // a year follows: a whole date, which the other readings take ("10 августа 1845" is none)
        }
        return end;
    }

    /** How far from an IIN the date it encodes may stand. */
    private static final int IIN_REACH = 40;

    /**
     * A date near an IIN ({@code iin}) whose day, month and year the IIN's first six digits are: the IIN encodes its
     * holder's birth date, so such a date is one ("Сагатова Жанар, 21.12.1975, ЖСН 751221431442").
     */
    private static void dateOfIin(char[] s, char[] lower, int iin, List<Finding> out) {
        int from = Math.max(0, iin - IIN_REACH);
        int to = Math.min(s.length, iin + 12 + IIN_REACH);
        for (int p = from; p < to; p++) {
            if (p >= iin && p < iin + 12 || !Chars.isDigit(s[p]) || !Chars.notAlnumAt(s, p - 1)) {
                continue;
            }
            int end = Dates.dateEnd(s, lower, p);
            if (end > 0 && end <= to && iinEncodes(s, iin, p, end)) {
                if (!covered(out, p)) {
                    out.add(new Finding(EntityType.DATE_OF_BIRTH, p, end, 0.9, "dob"));
                }
                return;
            }
            p += Chars.digitRun(s, p);
        }
    }

    /** Whether the IIN at {@code iin} encodes the date {@code s[from, to)} in its first six digits (YYMMDD). */
    private static boolean iinEncodes(char[] s, int iin, int from, int to) {
        int yy = Chars.parseInt(s, iin, iin + 2);
        int mm = Chars.parseInt(s, iin + 2, iin + 4);
        int dd = Chars.parseInt(s, iin + 4, iin + 6);
        return sameDate(s, from, to, yy, mm, dd);
    }

    /**
     * Whether the date {@code s[from, to)} is the day {@code dd} of the month {@code mm} of a year ending in {@code yy}:
     * its numbers in any of the orders dates are written in; with a month's name, its day and year.
     */
    private static boolean sameDate(char[] s, int from, int to, int yy, int mm, int dd) {
        int first = Chars.digitRun(s, from);
        int second = nextNumber(s, from + first, to);
        if (second < 0) {
            return false;
        }
        int secondRun = Chars.digitRun(s, second);
        int third = nextNumber(s, second + secondRun, to);
        int a = Chars.parseInt(s, from, from + first);
        int b = Chars.parseInt(s, second, second + secondRun);
        if (third < 0) { // "15 мая 1990", "1990 жылғы 15 мамыр"
            return first <= 2 && a == dd && secondRun == 4 && b % 100 == yy
                    || first == 4 && a % 100 == yy && secondRun <= 2 && b == dd;
        }
        int c = Chars.parseInt(s, third, third + Chars.digitRun(s, third));
        return first <= 2 && a == dd && b == mm && c % 100 == yy // 21.12.1975
                || first == 4 && a % 100 == yy && b == mm && c == dd // 1975-12-21
                || first <= 2 && a == mm && b == dd && c % 100 == yy; // 12/21/1975
    }

    /** Start of the next number in {@code s[from, to)}, or -1. */
    private static int nextNumber(char[] s, int from, int to) {
        for (int p = from; p < to; p++) {
            if (Chars.isDigit(s[p])) {
                return p;
            }
        }
        return -1;
    }

    /**
     * Whether one of the last findings, those of the words just read, is a birth date over {@code p}: only the last
     * few, so that a body of a hundred thousand IINs and dates is not read over at each.
     */
    private static boolean covered(List<Finding> out, int p) {
        for (int k = out.size() - 1; k >= 0 && k >= out.size() - 4; k--) {
            Finding f = out.get(k);
            if (f.type() == EntityType.DATE_OF_BIRTH && f.start() <= p && p < f.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Endings of the word before the comma that make it a patronymic: "Амангельдиевна", "Серикович" and the short
     * "Ильич", "Асқарұлы".
     */
    private static final String[] PATRONYMIC_ENDINGS = {"ич", "вна", "ична", "ұлы", "улы", "қызы", "кызы"};

    /** Whether the word {@code lower[wordStart, wordEnd)} is a patronymic by its ending. */
    private static boolean patronymic(char[] lower, int wordStart, int wordEnd) {
        for (String ending : PATRONYMIC_ENDINGS) {
            if (wordEnd - wordStart > ending.length() + 2
                    && Chars.startsWith(lower, ending, wordEnd - ending.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A date right after a person's name and a comma, a dash or a bracket ({@code separator} chars), as records and
     * lists write a birth date: after a patronymic
     * ("Сагындыкова Роза Амангельдиевна, 05.03.1958") or after two or three capitalised words that make a list item
     * ("— Кравцова Полина, 11.01.2014, св-во …").
     */
    private static void afterName(char[] s, char[] lower, int date, int separator, List<Finding> out) {
        int end = Dates.dateEnd(s, lower, date);
        if (end < 0) {
            return;
        }
        int wordEnd = date - separator;
        int wordStart = capitalisedWordBefore(s, wordEnd);
        if (wordStart < 0) {
            return;
        }
        int item = pastBirthMark(lower, end);
        // after a patronymic, or a surname and a first name, a date that closes its item ("…, 12.03.2024 подал
        // заявление" is a filing date): a register's "Сеитов Мурат, 1961 жылғы 20 наурыз, …"; after the surname a
        // year's plain " г." says a signing date ("Исполнитель Петров Иван, 12.05.2023 г."), and so does an IIN that
        // encodes another day
        boolean yearMark = Chars.startsWith(lower, " г.", end) && !Chars.startsWith(lower, " г.р.", end);
        if (patronymic(lower, wordStart, wordEnd) && closesItem(s, item)
                || surnameBefore(s, lower, wordStart)
                        && closesItem(s, yearMark ? end : item)
                        && !otherIinAfter(s, date, end)) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
            return;
        }
        // after a dash, only a date that closes its item: "… — 2025.12.01–2025.12.24" is a leave's range
        if (listItemName(s, wordStart) && (separator == 2 || closesItem(s, item))
                || closesItem(s, item) && personWordBefore(s, lower, wordStart)) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
        }
    }

    /** Words of a birth certificate: a child's bracketed date after its name is its birth, whatever the year. */
    private static final CueSet BIRTH_PAPERS =
            new CueSet("туу туралы", "свидетельство о рождении", "свид. о рождении", "birth certificate");

    /**
     * A date in brackets right after a capitalised name, whose line goes on to a birth certificate: a child's birth,
     * whatever its year ("— Әсел (2011 жылғы 14 маусым), туу туралы куәлігі ІІ-ҚР 0391184").
     */
    private static void childsBirth(char[] s, char[] lower, int date, List<Finding> out) {
        int end = Dates.dateEnd(s, lower, date);
        if (end < 0 || end >= s.length || s[end] != ')' || capitalisedWordBefore(s, date - 2) < 0) {
            return;
        }
        if (BIRTH_PAPERS.anyIn(lower, end, Chars.lineEnd(s, end, end + 80))) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
        }
    }

    /**
     * The last year a bracketed date after a name is taken as a birth for: a contract's or an order's date in brackets
     * is recent ("Ахметов Болат (12.05.2023)"), an adult's birth is not.
     */
    private static final int BRACKETED_BIRTH_YEARS_TO = 2010;

    /** Whether the date at {@code date} holds a year of four digits from 1900 to {@code last}. */
    private static boolean yearBefore(char[] s, int date, int last) {
        for (int p = date, to = Math.min(s.length, date + 24); p < to; p++) {
            if (Chars.digitRun(s, p) == 4 && Chars.notAlnumAt(s, p - 1) && centuryYear(s, p)) {
                return Chars.parseInt(s, p, p + 4) <= last;
            }
        }
        return false;
    }

    /**
     * Whether an IIN within {@link #IIN_REACH} chars after the date {@code s[date, end)} encodes another day: the
     * person's birth date is the IIN's, so this date is something else ("Сагатова Жанар, 21.12.2025, ЖСН 751221…").
     */
    private static boolean otherIinAfter(char[] s, int date, int end) {
        int to = Math.min(s.length, end + IIN_REACH);
        for (int p = end; p < to; p++) {
            if (Chars.isDigit(s[p]) && Chars.notAlnumAt(s, p - 1)) {
                if (Chars.digitRun(s, p) == 12 && Chars.notAlnumAt(s, p + 12)) {
                    return !iinEncodes(s, p, date, end);
                }
                p += Chars.digitRun(s, p);
            }
        }
        return false;
    }

    /** Surname endings, Russian and Kazakh, of the word before a first name: "Сеитов Мурат", "Әлібекова Сафия". */
    private static final String[] SURNAME_ENDINGS = {"ов", "ев", "ёв", "ин", "ова", "ева", "ёва", "ина", "ұлы", "қызы"};

    /** Whether a capitalised word with a surname's ending stands right before the word at {@code first}. */
    private static boolean surnameBefore(char[] s, char[] lower, int first) {
        if (first < 6 || s[first - 1] != ' ') {
            return false;
        }
        int start = capitalisedWordBefore(s, first - 1);
        if (start < 0 || first - 1 - start < 5) {
            return false;
        }
        for (String ending : SURNAME_ENDINGS) {
            if (Chars.startsWith(lower, ending, first - 1 - ending.length())) {
                return true;
            }
        }
        return false;
    }

    /** Abbreviations after a date that say "year" or "born": "05.03.1958 г.", "27.03.1990 т.", "1990 ж.т.". */
    private static final String[] BIRTH_MARKS = {" г.р.", " ж.т.", " г.", " т."};

    /** Past one of {@link #BIRTH_MARKS} right after the date ending at {@code end}, or {@code end}. */
    private static int pastBirthMark(char[] lower, int end) {
        for (String mark : BIRTH_MARKS) {
            if (Chars.startsWith(lower, mark, end)) {
                return end + mark.length();
            }
        }
        return end;
    }

    /** Words that present the person whose name and birth date follow: "Пациент Yerkebulan Seitkali, 1 мая 1968". */
    private static final CueSet PERSON_WORDS = new CueSet(
            "застрахованн", // an insurance policy's insured person: "Застрахованный: Кузнецова Мария, 30.10.1992"
            "сақтандырылушы",
            "жұмыскер", // an HR file's worker: "Жұмыскер: Сейдахметова Жібек, 1999 жылғы 30 мамыр"
            "работник",
            "employee",
            "insured",
            "policyholder",
            "passenger",
            "пассажир",
            "жолаушы",
            "пациент",
            "ребён",
            "ребен",
            "patient",
            "child",
            "науқас",
            "жиен",
            "внук",
            "внучк",
            "немере",
            "сын",
            "дочь",
            "дочк",
            "дочер",
            "бала",
            "son",
            "daughter");

    /**
     * Whether one of {@link #PERSON_WORDS} stands before the one to three capitalised words ending at {@code w}, or
     * before them and a comma or a colon ("дочку, Ли Софию, 03.09.2019", "Застрахованный: Кузнецова Мария, …").
     */
    private static boolean personWordBefore(char[] s, char[] lower, int w) {
        int p = w;
        for (int words = 1; words <= 3; words++) {
            if (p < 2 || s[p - 1] != ' ') {
                return false;
            }
            boolean comma = words > 1 && (s[p - 2] == ',' || s[p - 2] == ':'); // "Пациент, …", "Застрахованный: …"
            int start = comma ? p - 2 : p - 1;
            while (start > 0 && Chars.isLetter(s[start - 1])) {
                start--;
            }
            if (start == (comma ? p - 2 : p - 1)) {
                return false;
            }
            if (PERSON_WORDS.lengthAt(lower, start, p - 1) > 0) {
                return words > 1 || Chars.isLowerCase(s[start]); // the role word, then the name
            }
            if (comma || Chars.isLowerCase(s[start])) {
                return false;
            }
            p = start;
        }
        return false;
    }

    /** Start of the capitalised word of two letters or more that ends at {@code wordEnd}, or -1. */
    private static int capitalisedWordBefore(char[] s, int wordEnd) {
        int wordStart = wordEnd;
        while (wordStart > 0 && Chars.isLetter(s[wordStart - 1])) {
            wordStart--;
        }
        return wordEnd - wordStart < 2 || !Chars.isUpperCase(s[wordStart]) ? -1 : wordStart;
    }

    /** Words naming children and kin, before a list of them with their birth dates: "дети: …, Алина (2019-06-30)". */
    private static final CueSet KIN = new CueSet(
            "жиен",
            "племянни",
            "ребён",
            "ребен",
            "child",
            "nephew",
            "niece",
            "дети",
            "детей",
            "сын",
            "сыном",
            "дочь",
            "дочерью",
            "внук",
            "внучк",
            "балалар",
            "ұлы",
            "қызы",
            "немере",
            "children",
            "son",
            "daughter",
            "семья", // a family's members with their years: "Глава семьи — Кудайбергенов Серик (1979)"
            "семьи",
            "отбасы",
            "family",
            "father",
            "mother",
            "wife",
            "husband",
            "әкесі",
            "анасы",
            "отец",
            "мать",
            "жена",
            "муж",
            "супруг");

    /**
     * Whether a person's full name ends with the word {@code s[wordStart, wordEnd)}: a patronymic, or a Latin first name
     * and surname (two capitalised words, neither in capitals only), as a record writes the person its date is of.
     */
    private static boolean fullNameBefore(char[] s, char[] lower, int wordStart, int wordEnd) {
        if (patronymic(lower, wordStart, wordEnd)) {
            return true;
        }
        if (s[wordStart] >= 0x80 || wordStart < 3 || s[wordStart - 1] != ' ') {
            return false;
        }
        int first = capitalisedWordBefore(s, wordStart - 1);
        return first >= 0
                && s[first] < 0x80
                && Chars.isLowerCase(s[first + 1])
                && Chars.isLowerCase(s[wordStart + 1])
                && (first == 0 || !Chars.isLetter(s[first - 1]));
    }

    /** How far back in its sentence a kin word may stand before the name and its bracketed date. */
    private static final int KIN_WINDOW = 120;

    /**
     * A date in brackets right after a capitalised name, in a sentence that names children or kin before it:
     * "дети: Камила, Тимур, Алина (2019-06-30)", "и сыном Давидом (04.11.2015)".
     */
    private static void bracketedAfterKin(char[] s, char[] lower, int date, List<Finding> out) {
        int end = dateOrYearEnd(s, lower, date); // a year alone too: "дети Нурсултан (2013), Амина (2018)"
        if (end < 0 || end >= s.length || s[end] != ')' && s[end] != ',') {
            return;
        }
        if (s[end] == ')' && ageBefore(lower, date - 2)) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
            return; // "54 года (02.03.1972)", "27 жаста (1999 жылғы 18 мамыр)"
        }
        int wordEnd = date - 2;
        int wordStart = capitalisedWordBefore(s, wordEnd);
        if (wordStart < 0) {
            return;
        }
        if (s[end] == ')' && end - date >= 8 && fullNameBefore(s, lower, wordStart, wordEnd)) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
            return; // "Воробьёв Антон Игоревич (1991 жылғы 14 маусым)", "Mehmet Yilmaz (12.12.1984)"
        }
        // a listed name may have its surname before the first name: "Глава семьи — Кудайбергенов Серик (1979)"
        int surname = wordStart >= 2 && s[wordStart - 1] == ' ' ? capitalisedWordBefore(s, wordStart - 1) : -1;
        boolean withSurname = surname >= 0 && Chars.isLowerCase(s[surname + 1]) && listedAt(s, surname);
        int nameStart = withSurname ? surname : wordStart;
        boolean listed = withSurname || listedAt(s, wordStart);
        int previous = nameStart - 1;
        while (previous > 0 && Chars.isLetter(s[previous - 1])) {
            previous--;
        }
        if (!listed && !(previous < nameStart - 1 && startsWithKin(lower, previous))) {
            return; // an item of a list of names, or the name right after its kin word: "сыном Давидом (…)"
        }
        int from = nameStart;
        while (from > 0 && nameStart - from < KIN_WINDOW && ".!?\n".indexOf(s[from - 1]) < 0) {
            from--;
        }
        for (int p = from; p < nameStart; p++) {
            if (Chars.isLetter(lower[p]) && (p == 0 || !Chars.isLetter(lower[p - 1])) && startsWithKin(lower, p)) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
                return;
            }
        }
    }

    /**
     * A year or date after a kin word in brackets, right after a name: "Рустем (father, 1982)", "Айнұр (анасы, 1987)".
     */
    private static void kinInBrackets(char[] s, char[] lower, int date, List<Finding> out) {
        int wordEnd = date - 2;
        int w = wordEnd;
        while (w > 0 && Chars.isLetter(s[w - 1])) {
            w--;
        }
        if (w == wordEnd || w < 3 || s[w - 1] != '(' || !Chars.isLetter(s[w - 3]) || !Chars.isLowerCase(s[w])) {
            return;
        }
        if (KIN.lengthAt(lower, w, wordEnd) == 0) {
            return; // a kin word: "(father, 1982)", "(ребёнок, 2016)"
        }
        int end = dateOrYearEnd(s, lower, date);
        if (end > 0 && end < s.length && s[end] == ')') {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, date, end, 0.85, "dob"));
        }
    }

    /** End of a date at {@code date}, or of a plausible year alone there; or -1. */
    private static int dateOrYearEnd(char[] s, char[] lower, int date) {
        int end = Dates.dateEnd(s, lower, date);
        return end < 0 && Chars.digitRun(s, date) == 4 && Dates.plausibleYear(s, date) ? date + 4 : end;
    }

    /** Whether a list's item opens at {@code start}: a comma, colon or dash ("—" in the reader's view) and a space. */
    private static boolean listedAt(char[] s, int start) {
        return start >= 2 && s[start - 1] == ' ' && (s[start - 2] == ',' || s[start - 2] == ':' || s[start - 2] == '-');
    }

    /** Words of an age after its number: "54 года", "27 жаста", "40 years old". */
    private static final String[] AGE_WORDS = {"года", "год", "лет", "жаста", "жасында", "years old", "y.o."};

    /** Whether an age ("54 года") ends at {@code end}. */
    private static boolean ageBefore(char[] lower, int end) {
        for (String age : AGE_WORDS) {
            int from = end - age.length();
            if (from >= 2
                    && Chars.startsWith(lower, age, from)
                    && lower[from - 1] == ' '
                    && Chars.isDigit(lower[from - 2])) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithKin(char[] lower, int p) {
        return KIN.lengthAt(lower, p, lower.length) > 0;
    }

    /** Whether the record's item ends with the date at {@code end}: a comma, semicolon, bracket or line end follows. */
    private static boolean closesItem(char[] s, int end) {
        return end >= s.length
                || ",;)\n".indexOf(s[end]) >= 0
                || s[end] == '.' && (end + 1 == s.length || Character.isWhitespace(s[end + 1])); // the sentence's end
    }

    /** Whether two or three capitalised words end at {@code lastWord}'s word and a list marker starts their line. */
    private static boolean listItemName(char[] s, int lastWord) {
        int p = lastWord;
        for (int words = 1; words <= 3; words++) {
            if (p < 2 || s[p - 1] != ' ') {
                return false;
            }
            int q = p - 1;
            while (q > 0 && s[q - 1] == ' ') {
                q--;
            }
            if (words >= 2 && q > 0 && "—–-•*".indexOf(s[q - 1]) >= 0 && (q < 2 || s[q - 2] == '\n')) {
                return true; // "— Кравцова Полина, …" at a line start
            }
            int start = q;
            while (start > 0 && Chars.isLetter(s[start - 1])) {
                start--;
            }
            if (start == q || !Chars.isUpperCase(s[start])) {
                return false;
            }
            p = start;
        }
        return false;
    }

    /** A cell that is a year of the last two centuries alone, under a birth column's header: "| 1986 |". */
    /** The dates and years in the column under the header cell at {@code at}, as birth dates. */
    private static void datesBelow(TextView view, char[] s, char[] lower, int at, List<Finding> out) {
        view.tables().below(at, (from, to) -> {
            if (Dates.dateEnd(s, lower, from) == to || yearCell(s, from, to)) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, from, to, 0.9, "dob"));
            }
        });
    }

    /** Whether {@code cue} at {@code at} is the whole cell of its table's first row: nothing but spaces after it. */
    private static boolean wholeHeaderCell(TextView view, char[] s, int at, String cue) {
        int q = at + cue.length();
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        return (q == s.length || s[q] == '|' || s[q] == ',' || s[q] == ';' || s[q] == '\t' || s[q] == '\n')
                && Chars.notWordAt(s, at + cue.length())
                && view.tables().inTable(at)
                && view.tables().firstRow(at);
    }

    private static boolean yearCell(char[] s, int from, int to) {
        return to - from == 4 && centuryYear(s, from);
    }

    /** Four digits at {@code p} that begin 19 or 20. */
    private static boolean centuryYear(char[] s, int p) {
        return Chars.digitRun(s, p) == 4 && (s[p] == '1' && s[p + 1] == '9' || s[p] == '2' && s[p + 1] == '0');
    }

    /** How far after a birth cue its question's mark may stand: "туған жылың 2004 қой?", "Дата рождения?". */
    private static final int QUESTION_REACH = 16;

    /**
     * A year of birth answered alone in the next turn: the cue's line ends in a question mark, and the next line,
     * past a time and a speaker's label, opens with a year of the last two centuries and no more digits ("Оператор:
     * Дата рождения?" / "Токсанбай: 1963 жылы, наурыз айы", "туған жылың 2004 қой?" / "Дана: 2003 ғой").
     */
    private static void yearAnswered(char[] s, char[] lower, int from, List<Finding> out) {
        int q = from;
        while (q < s.length && q - from < QUESTION_REACH && s[q] != '?' && s[q] != '\n') {
            q++;
        }
        if (q >= s.length || s[q] != '?') {
            return;
        }
        int mark = q;
        while (q < s.length && s[q] != '\n' && q - mark < 40 && !Chars.isDigit(s[q])) {
            q++; // a few words more: "туған жылың 2004 қой? анкетаға керек"
        }
        if (q >= s.length || s[q] != '\n') {
            return;
        }
        int p = Chars.pastTime(s, q + 1, s.length); // "[09:12:05] ", "00:00:24 "
        int w = p;
        while (w < s.length && w - p <= 20 && Chars.isLetter(s[w])) {
            w++;
        }
        if (w > p && w + 1 < s.length && s[w] == ':' && s[w + 1] == ' ') {
            p = w + 2; // the speaker's label
        }
        if (centuryYear(s, p)
                && Chars.notAlnumAt(s, p + 4)
                && !(p + 5 < s.length && ".,-/".indexOf(s[p + 4]) >= 0 && Chars.isDigit(s[p + 5]))) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, p, p + 4, 0.85, "dob"));
            return;
        }
        int date = Chars.isDigit(s[p]) ? Dates.dateEnd(s, lower, p) : -1;
        int end = date > 0 ? date : Chars.isDigit(s[p]) ? dayMonth(s, lower, p) : -1;
        if (end > 0) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, p, end, 0.85, "dob")); // "Даша: 28 февраля", "— 12.03.1990"
        }
    }

    private static final WordSet KAZAKH_UNIT_ORDINALS = new WordSet(Set.of(DigitWords.KAZAKH_UNIT_ORDINALS));

    private static final WordSet KAZAKH_TENS_ORDINALS = new WordSet(Set.of(DigitWords.KAZAKH_TENS_ORDINALS));

    private static final WordSet KAZAKH_TENS = new WordSet(Set.of(DigitWords.KAZAKH_TENS));

    /**
     * A year of birth said as a Kazakh ordinal right before "жылы" at {@code at}: a tens word and a unit's ordinal
     * ("алпыс бесінші"), or a tens' ordinal ("сексенінші"), as people give the last two digits of the year.
     */
    private static void kazakhOrdinalYear(char[] lower, int at, List<Finding> out) {
        int e = at - 1;
        if (e < 1 || lower[e] != ' ') {
            return;
        }
        int b = Chars.letterRunStart(lower, e);
        if (b == e) {
            return;
        }
        int start = kazakhOrdinalYearEnd(lower, b) == e ? b : -1;
        if (start < 0 && b >= 2 && lower[b - 1] == ' ') {
            int tb = Chars.letterRunStart(lower, b - 1);
            start = tb < b - 1 && kazakhOrdinalYearEnd(lower, tb) == e ? tb : -1;
        }
        if (start >= 0 && Chars.notWordAt(lower, start - 1)) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, start, e, 0.8, "dob"));
        }
    }

    /**
     * End of the last two digits of a year said as a Kazakh ordinal at {@code p}: a tens word and a unit's ordinal
     * ("алпыс бесінші"), or a tens' ordinal ("сексенінші"); or -1.
     */
    private static int kazakhOrdinalYearEnd(char[] lower, int p) {
        int e = Chars.letterRunEnd(lower, p);
        if (KAZAKH_TENS.contains(lower, p, e) && e + 1 < lower.length && lower[e] == ' ') {
            int u = Chars.letterRunEnd(lower, e + 1);
            return KAZAKH_UNIT_ORDINALS.contains(lower, e + 1, u) ? u : -1;
        }
        return KAZAKH_TENS_ORDINALS.contains(lower, p, e) ? e : -1;
    }

    /**
     * A year of birth said as a Kazakh ordinal right after a year's cue ending at {@code from}, with its word for year
     * when one follows: "туған жылым қырық тоғызыншы жыл", "туған жылы — сексенінші".
     */
    private static void kazakhOrdinalYearAfter(char[] lower, int from, List<Finding> out) {
        int p = from;
        while (p < lower.length && p - from < 4 && " :-—–".indexOf(lower[p]) >= 0) {
            p++;
        }
        if (p == from || p >= lower.length) {
            return;
        }
        int e = kazakhOrdinalYearEnd(lower, p);
        if (e < 0) {
            return;
        }
        int year = e + 1 < lower.length && lower[e] == ' ' ? Chars.letterRunEnd(lower, e + 1) : e;
        boolean yearWord = year > e + 1 && (Chars.startsWith(lower, "жыл", e + 1) && year - e - 1 <= 4);
        out.add(new Finding(EntityType.DATE_OF_BIRTH, p, yearWord ? year : e, 0.8, "dob"));
    }

    /** A year (19xx or 20xx) within a few chars of spaces, colons and dashes after {@code from}. */
    private static void yearAfter(char[] s, int from, List<Finding> out) {
        int p = from;
        while (p < s.length && p - from < 4 && " :-—–\"|(".indexOf(s[p]) >= 0) {
            p++; // "year of birth (1978)" too
        }
        if (centuryYear(s, p) && Chars.notAlnumAt(s, p + 4)) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, p, p + 4, 0.85, "dob"));
        }
    }

    /**
     * Whether a birth label's value from {@code from} is a year alone: {@code "dob": "2014"}, "Date of birth: 1961",
     * "| Туған күні | 1958 |" — after a colon or quote, four digits that end the value (a quote, a line's or the
     * text's end, a delimiter, a sentence's full stop).
     */
    private static boolean labelledYear(char[] s, int from) {
        int p = from;
        boolean mark = false;
        while (p < s.length && p - from < 4 && " :\"|".indexOf(s[p]) >= 0) {
            mark |= s[p] != ' ';
            p++;
        }
        if (!mark || Chars.digitRun(s, p) != 4) {
            return false;
        }
        int e = p + 4;
        return e == s.length
                || "\n\r,;|\"".indexOf(s[e]) >= 0
                || s[e] == ' ' && e + 1 < s.length && s[e + 1] == '|'
                || s[e] == '.' && (e + 1 == s.length || s[e + 1] == ' ' || s[e + 1] == '\n');
    }

    /**
     * A year after " в " and before "году" or "г." ("родился в 1985 году"), or asked about ("ты когда родилась, в
     * 2004?"): the year alone.
     */
    private static void yearInYear(char[] s, char[] lower, int from, List<Finding> out) {
        int p = from;
        if (p < lower.length && lower[p] == ',') {
            p++;
        }
        if (!Chars.startsWith(lower, " в ", p)) {
            return;
        }
        p += 3;
        if (Chars.digitRun(s, p) == 4
                && Dates.plausibleYear(s, p)
                && (Chars.startsWith(lower, " году", p + 4)
                        || Chars.startsWith(lower, " г.", p + 4)
                        || p + 4 < s.length && s[p + 4] == '?')) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, p, p + 4, 0.85, "dob"));
        }
    }

    /** "туған" and the like, but not "туған күні", which names the date after it. */
    private static boolean clauseVerb(char[] lower, int at, String cue) {
        if (!contains(CUES_CLAUSE_AFTER, cue) || cue.equals("born") && Chars.startsWith(lower, " on", at + 4)) {
            return false; // "born on 14 February" names the date after it
        }
        int e = at + cue.length();
        if (WHOLE_WORD_VERBS.contains(cue) && !Chars.notAlnumAt(lower, e)) {
            return false; // "қиындық тудырды"
        }
        return !(Chars.startsWith(lower, " күн", e) || Chars.startsWith(lower, "_күн", e));
    }

    /**
     * A year said with "жылы" (in the year) earlier in the verb's clause, the place between: "1958 жылы Баянауыл
     * ауданы, Жаңатілек ауылында дүниеге келген". Only words and commas between, within {@link #BEFORE_CUE} chars;
     * answers whether it reported the year.
     */
    private static boolean kazakhYearBefore(char[] s, char[] lower, int verb, List<Finding> out) {
        for (int p = verb - 5; p >= 5 && verb - p <= BEFORE_CUE; p--) {
            if (lower[p] != 'ж' || !Chars.startsWith(lower, "жылы ", p) || s[p - 1] != ' ') {
                continue;
            }
            int year = p - 5;
            if (Chars.digitRun(s, year) == 4
                    && Chars.notAlnumAt(s, year - 1)
                    && Dates.plausibleYear(s, year)
                    && noDigit(s, p + 5, verb)) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, year, year + 4, 0.85, "dob"));
                return true;
            }
            return false; // the nearest "жылы" decides
        }
        return false;
    }

    /** How far after a birth cue a date in words may start: past the question's end and the answerer's label. */
    private static final int WORD_DATE_WINDOW = 80;

    /**
     * Reports a date said in words ({@link WordDates}) starting within {@link #WORD_DATE_WINDOW} chars of
     * {@code from}, as a caller answers "Дата рождения?" on the next line; another number first ends the search.
     */
    private static void wordDateAfter(TextView view, int[] starts, int count, int from, List<Finding> out) {
        char[] s = view.chars();
        char[] lower = view.lower();
        int limit = Math.min(s.length, from + WORD_DATE_WINDOW);
        for (int k = firstAtOrAfter(starts, count, from); k < count && starts[k] < limit; k++) {
            int i = starts[k];
            if (!Chars.isLetter(s[i]) && !Chars.isDigit(s[i]) || !Chars.notAlnumAt(s, i - 1)) {
                continue;
            }
            int end = WordDates.end(lower, i);
            if (end > 0 && !organisationBetween(lower, from, i)) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, i, end, 0.85, "dob"));
                return;
            }
            if (Chars.isDigit(s[i]) && Chars.digitRun(s, i) >= 3) {
                return;
            }
        }
    }

    /** Words that make a birthday an organisation's or a town's: "день рождения компании — пятого мая". */
    private static final String[] ORGANISATIONS = {
        "компани", "организац", "город", "школ", "company", "қала", "мектеп", "колледж", "университет", "ұйым"
    };

    /** Whether a word of {@link #ORGANISATIONS} starts in {@code lower[from, to)}. */
    private static boolean organisationBetween(char[] lower, int from, int to) {
        for (int p = from; p < to; p++) {
            if (Chars.isLetter(lower[p]) && !Chars.isLetter(lower[p - 1])) {
                for (String word : ORGANISATIONS) {
                    if (Chars.startsWith(lower, word, p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Reports the first date that starts within {@code window} chars of {@code from}. */
    private static void dateAfter(TextView view, int[] starts, int count, int from, int window, List<Finding> out) {
        char[] s = view.chars();
        int limit = Math.min(s.length, from + window);
        for (int k = firstAtOrAfter(starts, count, from); k < count && starts[k] < limit; k++) {
            int i = starts[k];
            int end = dateStart(s, i) ? Dates.dateEnd(s, view.lower(), i) : -1;
            if (end < 0 && (Chars.isDigit(s[i]) || ScannedDigits.digit(s[i]) >= 0)) {
                end = scannedDate(s, i); // "l5.O3.l982", "O5 MAY 1983"
            }
            if (end > 0) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, i, end, 0.9, "dob"));
                return;
            }
            if (!dateStart(s, i)) {
                continue;
            }
            if (Chars.isDigit(s[i]) && Chars.digitRun(s, i) >= 3) {
                return; // another number (an IIN, a phone) comes first: the cue is not about a date here
            }
        }
    }

    /** End of a date at {@code i} that a scan wrote with letters for some digits ({@link ScannedDigits}), or -1. */
    private static int scannedDate(char[] s, int i) {
        char[] folded = ScannedDigits.fold(s, i, 20, 10);
        if (folded == null) {
            return -1;
        }
        int end = Dates.dateEnd(folded, ScannedDigits.lowerCase(folded), 0);
        return ScannedDigits.plausible(s, i, folded, end) ? i + end : -1;
    }

    /**
     * Reports the date that ends within {@code gap} chars before the cue at {@code cue}, with no digit between, and
     * answers whether it did; a year alone counts when the gap is short. Of the word starts inside one date ("14",
     * "02", "1996" in 14.02.1996) the first, which gives the whole date, wins.
     */
    private static boolean dateBefore(TextView view, int[] starts, int count, int cue, int gap, List<Finding> out) {
        char[] s = view.chars();
        char[] lower = view.lower();
        int floor = Math.max(0, cue - gap - 30);
        int yearStart = -1;
        for (int k = firstAtOrAfter(starts, count, cue) - 1; k >= 0 && starts[k] >= floor; k--) {
            int i = starts[k];
            if (yearStart >= 0 && i < yearStart - 14) {
                break; // no date around the year ("9 сентября 1962": a month name and a day fit in 14)
            }
            if (!dateStart(s, i)) {
                continue;
            }
            int end = Dates.dateEnd(s, lower, i);
            if (end < 0) {
                if (yearStart < 0
                        && gap <= 3
                        && Chars.digitRun(s, i) == 4
                        && Chars.notAlnumAt(s, i + 4)
                        && Dates.plausibleYear(s, i)) {
                    yearStart = i; // a year alone, unless a whole date ends with it
                }
                continue;
            }
            if (end > cue) {
                continue;
            }
            return report(s, i, end, cue, gap, 0.9, out); // the nearest date decides
        }
        return yearStart >= 0 && report(s, yearStart, yearStart + 4, cue, gap, 0.85, out);
    }

    private static boolean report(char[] s, int start, int end, int cue, int gap, double score, List<Finding> out) {
        if (cue - end <= gap && noDigit(s, end, cue) && (gap > 3 || onlySeparators(s, end, cue))) {
            out.add(new Finding(EntityType.DATE_OF_BIRTH, start, end, score, "dob"));
            return true;
        }
        return false;
    }

    private static boolean dateStart(char[] s, int i) {
        char c = s[i];
        return (Chars.isDigit(c) || "JFMASONDjfmasond".indexOf(c) >= 0) && Chars.notAlnumAt(s, i - 1);
    }

    private static boolean noDigit(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Chars.isDigit(s[i]) || s[i] == '\n' || s[i] == '.' && i + 1 < to && s[i + 1] == ' ') {
                return false; // a digit, or the end of a sentence or line
            }
        }
        return true;
    }

    private static boolean onlySeparators(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != ' ' && s[i] != ',') {
                return false;
            }
        }
        return true;
    }

    /** Index of the first of {@code starts[0, count)} (ascending) that is at least {@code p}. */
    private static int firstAtOrAfter(int[] starts, int count, int p) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean contains(String[] cues, String cue) {
        for (String c : cues) {
            if (c.equals(cue)) {
                return true;
            }
        }
        return false;
    }
}
