package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Dates of birth: any date (numeric or with a month name, in Kazakh, Russian or English) that a birth cue
 * precedes ("туған күні", "дата рождения", "DOB") or follows ("г.р.", "жылы туған"). A date without such a cue is
 * not personal data by itself and is not reported. A bare year counts only before "г.р." or "жылы туған".
 */
final class DateOfBirthRecognizer implements Recognizer {

    private static final String[] CUES_BEFORE = {
        "туған күні", "туған күн", "туған", "туылған", "дата рождения", "даты рождения", "д.р.", "д. р.", "дата рожд",
        "родился", "родилась", "рождения", "born", "dob", "d.o.b", "date of birth", "birth date", "birthdate",
        "birthday", "г.р.", "г. р.", "год рождения",
    };
    private static final CueSet CUES_BEFORE_SET = new CueSet(CUES_BEFORE);
    private static final String[] CUES_AFTER = {
        "г.р", "г. р", "года рождения", "г.рождения", "жылы туған", "ж.т.", "жылғы туған", "ж. т."
    };

    static final CueIndex ANY_CUE = new CueIndex(
            Stream.of(CUES_BEFORE, CUES_AFTER).flatMap(Arrays::stream).toArray(String[]::new));

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        // Dates are looked for only near a birth cue: 40 chars after one, or 25 before one that follows its date.
        int[] windowEnd = {-1};
        List<int[]> windows = new ArrayList<>();
        ANY_CUE.find(view, (at, cue) -> {
            int from = Math.max(0, at - 25);
            int to = Math.min(s.length, at + cue.length() + 40);
            if (!windows.isEmpty() && from <= windowEnd[0]) {
                windows.get(windows.size() - 1)[1] = Math.max(windowEnd[0], to);
            } else {
                windows.add(new int[] {from, to});
            }
            windowEnd[0] = windows.get(windows.size() - 1)[1];
        });
        if (windows.isEmpty()) {
            return; // no birth cue anywhere: no date in this text is a date of birth
        }
        int[] starts = view.wordStarts();
        int count = view.wordCount();
        int resume = 0;
        int k = 0;
        for (int[] window : windows) { // sorted and disjoint: only the word starts inside them are visited
            k = Math.max(k, firstAtOrAfter(starts, count, window[0]));
            for (; k < count && starts[k] < window[1]; k++) {
                int i = starts[k];
                char c = s[i];
                if (i < resume
                        || !(Chars.isDigit(c) || "JFMASONDjfmasond".indexOf(c) >= 0)
                        || !Chars.notAlnumAt(s, i - 1)) {
                    continue;
                }
                resume = date(view, i, out, resume);
            }
        }
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

    /** Reports a date of birth at {@code i} if there is one; returns where the next date may start. */
    private static int date(TextView view, int i, List<Finding> out, int resume) {
        char[] s = view.chars();
        int end = Dates.dateEnd(s, view.lower(), i);
        boolean yearOnly = false;
        if (end < 0 && Chars.digitRun(s, i) == 4 && Chars.notAlnumAt(s, i + 4) && Dates.plausibleYear(s, i)) {
            end = i + 4;
            yearOnly = true;
        }
        if (end > 0) {
            boolean before = !yearOnly && view.anyCue(i - 40, i, CUES_BEFORE_SET);
            boolean after = cueRightAfter(view.lower(), end);
            if (before || after) {
                out.add(new Finding(EntityType.DATE_OF_BIRTH, i, end, 0.9, "dob"));
            }
            return end;
        }
        return resume;
    }

    private static boolean cueRightAfter(char[] lower, int p) {
        int q = p;
        while (q < lower.length && q - p < 3 && (lower[q] == ' ' || lower[q] == ',')) {
            q++;
        }
        for (String cue : CUES_AFTER) {
            if (Chars.startsWith(lower, cue, q)) {
                return true;
            }
        }
        return false;
    }
}
