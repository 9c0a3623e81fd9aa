package io.qorgan.gateway.detect;

/**
 * Hand-written date shapes: dd.mm.yyyy (and / -), yyyy-mm-dd, "15 мая 1990", "15 May 1990", "May 15, 1990", "1990 жылғы
 * 15 мамыр", "1990 жылы 28 маусымда", "2010 жылдың 9 тамызында".
 */
final class Dates {

    private static final String[] MONTHS = {
        // Russian, genitive and nominative stems
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
        // Kazakh
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
        // English
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    };

    private Dates() {}

    static boolean plausibleYear(char[] s, int p) {
        int y = Chars.parseInt(s, p, p + 4);
        return y >= 1900 && y <= 2030;
    }

    /** English month abbreviations in capitals, in order, as airline records write them. */
    private static final String AIRLINE_MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

    /** Whether two digits at {@code p} (a day), a capitalised month abbreviation and two digits make a date. */
    private static boolean airlineDate(char[] s, int p) {
        if (p + 7 > s.length
                || Chars.digitRun(s, p + 5) != 2
                || !Chars.notAlnumAt(s, p + 7)
                || !Chars.isAsciiUpper(s[p + 2])
                || !Chars.isAsciiUpper(s[p + 3])
                || !Chars.isAsciiUpper(s[p + 4])) {
            return false;
        }
        int day = Chars.parseInt(s, p, p + 2);
        int month = AIRLINE_MONTHS.indexOf(new String(s, p + 2, 3));
        return day >= 1 && day <= 31 && month >= 0 && month % 3 == 0;
    }

    /** End of a day, month and year split by {@code sep} with a space each side ("05 / 09 / 1983") at {@code p}, or -1. */
    private static int spacedDate(char[] s, int p, int run, char sep) {
        int m = p + run + 3;
        int mRun = Chars.digitRun(s, m);
        int r = m + mRun;
        if ((mRun != 1 && mRun != 2) || r + 3 >= s.length || s[r] != ' ' || s[r + 1] != sep || s[r + 2] != ' ') {
            return -1;
        }
        int y = r + 3;
        int day = Chars.parseInt(s, p, p + run);
        int month = Chars.parseInt(s, m, r);
        return Chars.digitRun(s, y) == 4
                        && Chars.notAlnumAt(s, y + 4)
                        && plausibleYear(s, y)
                        && day >= 1
                        && day <= 31
                        && month >= 1
                        && month <= 12
                ? y + 4
                : -1;
    }

    /** End of a date starting at {@code p}, or -1. */
    static int dateEnd(char[] s, char[] lower, int p) {
        int n = s.length;
        int run = Chars.digitRun(s, p);
        if (run == 2 && airlineDate(s, p)) {
            return p + 7; // "19MAR91", as airline and border systems write a birth date
        }
        if (run == 1 || run == 2) {
            int q = p + run;
            if (q + 2 < n && s[q] == ' ' && (s[q + 1] == '/' || s[q + 1] == '.') && s[q + 2] == ' ') {
                return spacedDate(s, p, run, s[q + 1]); // a form's "05 / 09 / 1983"
            }
            if (q + 1 < n && s[q] == '»' && s[q + 1] == ' ' && p > 0 && s[p - 1] == '«') {
                q++; // a form's quoted day: "«12» января 1969"
            }
            if (q + 1 < n && s[q] == '-' && Chars.isAsciiLetter(s[q + 1])) {
                return englishDay(lower, p, q); // "15-May-1990"
            }
            if (q + 1 < n && (s[q] == '.' || s[q] == '/' || s[q] == '-')) {
                char sep = s[q];
                int mRun = Chars.digitRun(s, q + 1);
                int r = q + 1 + mRun;
                if ((mRun == 1 || mRun == 2) && r + 1 < n && s[r] == sep) {
                    int yRun = Chars.digitRun(s, r + 1);
                    int day = Chars.parseInt(s, p, p + run);
                    int month = Chars.parseInt(s, q + 1, r);
                    if ((yRun == 4 || yRun == 2)
                            && (Chars.notAlnumAt(s, r + 1 + yRun) || yRun == 4 && yearLetter(s, r + 5))
                            && day >= 1
                            && day <= 31
                            && (month >= 1 && month <= 12 || sep == '/' && day <= 12 && month <= 31)) {
                        // with slashes, an American month first ("08/15/1988") when the second part is no month
                        return r + 1 + yRun;
                    }
                }
                return -1;
            }
            int m0 = englishDay(lower, p, q);
            if (m0 > 0) {
                return m0; // "3rd May 1990", "3rd of May 1990", "15-May-1990"
            }
            // 15 мая 1990
            if (q < n && s[q] == ' ') {
                int m = monthEnd(lower, q + 1);
                if (m > 0) {
                    int y = m;
                    if (y < n
                            && s[y] == ' '
                            && Chars.digitRun(s, y + 1) == 4
                            && Chars.notAlnumAt(s, y + 5)
                            && plausibleYear(s, y + 1)) {
                        return y + 5;
                    }
                }
            }
            return -1;
        }
        if (run == 4 && plausibleYear(s, p)) {
            int q = p + 4;
            if (q + 5 < n
                    && (s[q] == '-' || s[q] == '.')
                    && Chars.digitRun(s, q + 1) == 2
                    && s[q + 3] == s[q]
                    && Chars.digitRun(s, q + 4) == 2
                    && (Chars.notAlnumAt(s, q + 6) || isoTime(s, q + 6))) {
                return q + 6; // the date only, without an ISO time after it ("1985-03-12T00:00:00")
            }
            // 1990 жылғы 15 мамыр / 1990 ж. 15 мамыр
            int w = q;
            int year = yearWord(lower, w);
            if (year < 0) {
                return -1;
            }
            w = year;
            int dRun = Chars.digitRun(s, w);
            if ((dRun == 1 || dRun == 2) && w + dRun < n && s[w + dRun] == ' ') {
                int m = monthEnd(lower, w + dRun + 1);
                return m;
            }
            return -1;
        }
        if (run == 0 && Chars.isAsciiLetter(s[p])) {
            // May 15, 1990; May 5th, 1990
            int m = monthEnd(lower, p);
            if (m > 0 && m < n && s[m] == ' ') {
                int dRun = Chars.digitRun(s, m + 1);
                int q = m + 1 + dRun;
                boolean ordinal = dRun > 0 && dRun <= 2 && ordinalSuffix(lower, q);
                if (ordinal) {
                    q += 2;
                }
                if ((dRun == 1 || dRun == 2)
                        && q + 5 < n
                        && s[q] == ','
                        && s[q + 1] == ' '
                        && Chars.digitRun(s, q + 2) == 4
                        && Chars.notAlnumAt(s, q + 6)
                        && plausibleYear(s, q + 2)) {
                    return q + 6;
                }
                if (ordinal && q + 3 < n && s[q] == ' ') {
                    return englishYear(s, q + 1, true); // "July 23rd 1988", "july 23rd 88"
                }
            }
        }
        return -1;
    }

    /** Whether an ISO 8601 time starts at {@code p}: "T" and hours and minutes ("T00:00", "T08:30:00Z"). */
    private static boolean isoTime(char[] s, int p) {
        return p + 5 < s.length
                && s[p] == 'T'
                && Chars.digitRun(s, p + 1) == 2
                && s[p + 3] == ':'
                && Chars.digitRun(s, p + 4) == 2;
    }

    /** Whether a year's letter is glued to it at {@code p} ("05.03.1985г.", "1985ж."), then no letter or digit. */
    private static boolean yearLetter(char[] s, int p) {
        return p < s.length && (s[p] == 'г' || s[p] == 'ж') && Chars.notAlnumAt(s, p + 1);
    }

    /** Whether "st", "nd", "rd" or "th" starts at {@code p} and ends a word. */
    private static boolean ordinalSuffix(char[] lower, int p) {
        if (p + 2 > lower.length || !Chars.notAlnumAt(lower, p + 2)) {
            return false;
        }
        char a = lower[p];
        char b = lower[p + 1];
        return a == 's' && b == 't' || a == 'n' && b == 'd' || a == 'r' && b == 'd' || a == 't' && b == 'h';
    }

    /**
     * End of an English day-first date whose day's digits end at {@code q} ("3rd May 1990", "3rd of May 1990",
     * "15-May-1990", "15 May 1990" is read by the caller), or -1.
     */
    private static int englishDay(char[] lower, int p, int q) {
        int n = lower.length;
        int r = q;
        boolean ordinal = ordinalSuffix(lower, r);
        if (ordinal) {
            r += 2;
        } else if (!(r < n && lower[r] == '-')) {
            return -1;
        }
        char sep = r < n && lower[r] == '-' ? '-' : ' ';
        if (r >= n || lower[r] != sep) {
            return -1;
        }
        r++;
        if (sep == ' ' && Chars.startsWith(lower, "of ", r)) {
            r += 3;
        }
        if (r >= n || !Chars.isAsciiLetter(lower[r])) {
            return -1;
        }
        int m = monthEnd(lower, r);
        if (m < 0 || m + 5 > n || lower[m] != sep && !(sep == ' ' && lower[m] == ',')) {
            return -1;
        }
        int y = lower[m] == ',' && m + 1 < n && lower[m + 1] == ' ' ? m + 2 : m + 1;
        return englishYear(lower, y, ordinal); // a two-digit year after an ordinal: "11th of june 96"
    }

    /**
     * End of a year at {@code y}: four digits, or two when {@code twoDigits} (after an ordinal day, as people write
     * "july 23rd 88"); or -1.
     */
    private static int englishYear(char[] s, int y, boolean twoDigits) {
        int run = Chars.digitRun(s, y);
        if (run == 4 && Chars.notAlnumAt(s, y + 4) && plausibleYear(s, y)) {
            return y + 4;
        }
        return twoDigits && run == 2 && Chars.notAlnumAt(s, y + 2) ? y + 2 : -1;
    }

    /** The Kazakh words between a year and its day: "жылғы", "жылы", "жылдың", "ж.". */
    private static final String[] YEAR_WORDS = {" жылғы ", " жылы ", " жылдың ", " ж. ", " ж "};

    /** Where the day begins after the year word at {@code p}, or -1. */
    private static int yearWord(char[] lower, int p) {
        for (String w : YEAR_WORDS) {
            if (Chars.startsWith(lower, w, p)) {
                return p + w.length();
            }
        }
        return -1;
    }

    /** End of a month name (with any case ending) at {@code p}, or -1. */
    static int monthEnd(char[] lower, int p) {
        int e = p;
        while (e < lower.length && Chars.isLetter(lower[e])) {
            e++;
        }
        if (e == p || e - p > 12) {
            return -1;
        }
        char first = lower[p];
        for (String m : MONTHS) {
            if (m.charAt(0) == first
                    && Chars.startsWith(lower, m, p)
                    && e - p - m.length() <= (m.length() <= 3 ? 2 : 5)) {
                if (m.equals("ма") && !(Chars.startsWith(lower, "мая", p) || Chars.startsWith(lower, "май", p))) {
                    continue;
                }
                if (m.length() == 3 && Chars.isAsciiLetter(m.charAt(0)) && e - p != 3) {
                    continue;
                }
                return e;
            }
        }
        if (Chars.isOneOf(lower, p, e, RUSSIAN_ABBREVIATIONS)) {
            return e < lower.length && lower[e] == '.' ? e + 1 : e; // "19 янв 1993", "3 дек. 1987"
        }
        return -1;
    }

    /** Russian months cut short, as forms and chats write them; only as the whole word, with or without a dot. */
    private static final String[] RUSSIAN_ABBREVIATIONS = {
        "янв", "фев", "апр", "авг", "сен", "сент", "окт", "ноя", "дек"
    };
}
