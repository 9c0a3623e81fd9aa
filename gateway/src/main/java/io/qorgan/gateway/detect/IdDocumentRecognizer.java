package io.qorgan.gateway.detect;

import java.util.List;

/**
 * Numbers of identity documents, only after a word that names the document: a Kazakh passport (N + 8 digits), an
 * ID card (9 digits), a driving licence (2 Latin letters + 6 digits) or a refugee certificate (2 letters + 8
 * digits). Without such a word these shapes are too common (order numbers, codes) to report.
 */
final class IdDocumentRecognizer implements Recognizer {

    private static final String[] CUES = {
        "удостоверение личности",
        "удостоверения личности",
        "удостоверению личности",
        "уд. личности",
        "уд.личности",
        "удостоверение №",
        "жеке куәлік",
        "жеке куәлігі",
        "жеке куәлігінің",
        "паспорт",
        "төлқұжат",
        "водительское удостоверение",
        "водительского удостоверения",
        "вод. удостоверение",
        "водительские права",
        "жүргізуші куәлігі",
        "жүргізуші куәлігінің",
        "id card",
        "identity card",
        "passport",
        "driver's licence",
        "driver's license",
        "driving licence",
        "driver licence",
        "license no",
        "licence no",
        "документ, удостоверяющий",
        "удл",
        "куәлік",
    };
    static final CueIndex CUE_INDEX = new CueIndex(CUES);
    private static final int WINDOW = 45;

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        int[] lastStart = {-1};
        CUE_INDEX.find(view, (at, cue) -> {
            int from = at + cue.length();
            int limit = Math.min(s.length, from + WINDOW);
            for (int p = from; p < limit; p++) {
                if (!Chars.notAlnumAt(s, p - 1) || !Chars.isAsciiAlnum(s[p])) {
                    continue;
                }
                int end = documentNumber(s, p);
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
        });
    }

    /** End of a document number starting at {@code p}, or -1. */
    static int documentNumber(char[] s, int p) {
        int n = s.length;
        char c = s[p];
        if (Chars.isDigit(c)) {
            int run = Chars.digitRun(s, p);
            return run == 9 && Chars.notAlnumAt(s, p + run) ? p + run : -1;
        }
        if (c == 'N' && p + 1 < n && Chars.isDigit(s[p + 1])) {
            int run = Chars.digitRun(s, p + 1);
            return run == 8 && Chars.notAlnumAt(s, p + 1 + run) ? p + 1 + run : -1;
        }
        if (Chars.isAsciiUpper(c) && p + 2 < n && Chars.isAsciiUpper(s[p + 1])) {
            int q = p + 2;
            if (q < n && s[q] == ' ') {
                q++;
            }
            int run = Chars.digitRun(s, q);
            return (run == 6 || run == 8 || run == 7) && Chars.notAlnumAt(s, q + run) ? q + run : -1;
        }
        return -1;
    }
}
