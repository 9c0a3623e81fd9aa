package io.qorgan.gateway.detect;

import java.util.List;

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
        "туу туралы куәлік",
        "туу туралы куәлігі",
        "туу туралы куәлігінің",
        "birth certificate",
    };

    private static final String[] CUES = {
        "удостоверени", // личности, беженца, водительское: every case
        "уд. личности",
        "уд.личности",
        "удл",
        "жеке куәлі",
        "куәлік",
        "куәлігі",
        "паспорт",
        "загранпаспорт",
        "төлқұжат",
        "водительские права",
        "вод. уд",
        "в/у",
        "вид на жительство",
        "вида на жительство",
        "residence permit",
        "id card",
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
        "документ, удостоверяющий",
        "номер документа",
        "doc_number",
        "document_number",
        "document number",
        "құжат нөмірі",
        "құжаттың нөмірі",
    };
    static final CueIndex CUE_INDEX = new CueIndex(concat(CUES, BIRTH_CUES));
    private static final int WINDOW = 60;

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int[] lastStart = {-1};
        CUE_INDEX.find(view, (at, cue) -> {
            if (!Chars.notWordAt(s, at - 1)) {
                return;
            }
            boolean birth = isBirthCue(cue);
            int from = at + cue.length();
            int limit = Math.min(s.length, from + WINDOW);
            for (int p = from; p < limit; p++) {
                if (!Chars.notAlnumAt(s, p - 1) || !Chars.isAlnum(s[p]) || s[p] >= 0x80 && !birthSeries(s, p)) {
                    continue;
                }
                int end = documentNumber(s, p, birth);
                if (end > 0) {
                    if (p != lastStart[0]) {
                        out.add(new Finding(EntityType.ID_DOCUMENT, p, end, 0.9, "id-document"));
                        lastStart[0] = p;
                    }
                    break;
                }
                if (Chars.isDigit(s[p]) && Chars.digitRun(s, p) >= 4) {
                    break; // another number (a date, an IIN) comes first: not ours
                }
            }
            if (TableColumns.inTable(s, at)) {
                TableColumns.below(s, at, (a, b) -> {
                    if (documentNumber(s, a, birth) == b) {
                        out.add(new Finding(EntityType.ID_DOCUMENT, a, b, 0.9, "id-document"));
                    }
                });
            }
        });
    }

    private static boolean isBirthCue(String cue) {
        for (String c : BIRTH_CUES) {
            if (c.equals(cue)) {
                return true;
            }
        }
        return false;
    }

    /**
     * End of a document number starting at {@code p}, or -1; with {@code birth}, a birth certificate's bare number
     * and its series are allowed too.
     */
    static int documentNumber(char[] s, int p, boolean birth) {
        int n = s.length;
        char c = s[p];
        if (birth && birthSeries(s, p)) {
            return birthCertificate(s, p);
        }
        if (Chars.isDigit(c)) {
            int run = Chars.digitRun(s, p);
            int end = p + run;
            if (run == 9 && Chars.notAlnumAt(s, end)) {
                return end; // ID card, residence permit
            }
            if (run == 2 && end + 3 < n && s[end] == ' ' && Chars.digitRun(s, end + 1) == 2) {
                int q = end + 3; // Russian series "45 10" and number
                return russianNumber(s, q);
            }
            if (run == 4) {
                return russianNumber(s, end);
            }
            if (run == 10 && Chars.notAlnumAt(s, end)) {
                return end; // Russian series and number written solid
            }
            if (birth && run >= 6 && run <= 8 && Chars.notAlnumAt(s, end)) {
                return end;
            }
            return -1;
        }
        if (c == 'N' && p + 1 < n && Chars.isDigit(s[p + 1])) {
            int run = Chars.digitRun(s, p + 1);
            return run == 8 && Chars.notAlnumAt(s, p + 1 + run) ? p + 1 + run : -1;
        }
        if (Chars.isAsciiUpper(c) && p + 2 < n && Chars.isAsciiUpper(s[p + 1])) {
            int q = p + 2;
            if (q < n && Chars.isAsciiUpper(s[q])) {
                q++; // three letters
            }
            if (q < n && s[q] == ' ') {
                q++;
            }
            int run = Chars.digitRun(s, q);
            return run >= 6 && run <= 8 && Chars.notAlnumAt(s, q + run) ? q + run : -1;
        }
        return -1;
    }

    /** After a Russian series: a space or "№" and six digits. */
    private static int russianNumber(char[] s, int q) {
        int r = q;
        if (r < s.length && s[r] == ' ') {
            r++;
        }
        if (r < s.length && s[r] == '№') {
            r++;
            if (r < s.length && s[r] == ' ') {
                r++;
            }
        }
        if (r == q) {
            return -1;
        }
        int run = Chars.digitRun(s, r);
        return run == 6 && Chars.notAlnumAt(s, r + run) ? r + run : -1;
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
        while (q < s.length && Chars.isUpperCase(s[q]) && letters < 3) {
            q++;
            letters++;
        }
        if (letters < 2) {
            return -1;
        }
        if (q < s.length && s[q] == ' ') {
            q++;
        }
        if (q < s.length && s[q] == '№') {
            q++;
            if (q < s.length && s[q] == ' ') {
                q++;
            }
        }
        int run = Chars.digitRun(s, q);
        return run >= 6 && run <= 8 && Chars.notAlnumAt(s, q + run) ? q + run : -1;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
