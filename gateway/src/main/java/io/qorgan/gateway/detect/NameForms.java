package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Morphology of names in Kazakh and Russian: case folding, declension endings, and the suffixes that make a word a
 * surname or a patronymic.
 */
final class NameForms {

    /** Case endings, longest first so "ге" goes before "е". Kazakh endings first: they are longer. */
    private static final String[] ENDINGS = {
        "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "мен", "пен", "бен",
        "ымен", "імен", "ына", "іне", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті", "да",
        "де", "та", "те", "ым", "ім",
        "ыми", "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ою", "ею", "ом", "ем", "ым", "им", "ых", "их",
        "ую", "а", "я", "у", "ю", "е", "ы", "и",
    };
    private static final String[] RESTORE = {"", "а", "я", "й", "ь"};

    private static final Pattern PATRONYMIC = Pattern.compile(
            ".{2,}(?:(?:ович|евич|овна|евна|ична|ьич)(?:а|у|ем|е|ы|ой|ою)?|(?:ұлы|қызы|улы|кызы)(?:на|ның|ға|ны|нан|мен)?"
                    + "|ovich|evich|ovna|evna|uly|kyzy|ұly|qyzy)");
    private static final Pattern STRONG_SURNAME = Pattern.compile(
            ".{2,}(ов|ев|ёв|ова|ева|ёва|ский|цкий|ская|цкая|енко|баев|беков|ұлы|қызы)(а|у|ым|ом|ой|ою|е|ых|ого|ому|им|ую|ге|ке|ға|қа|ның|нің|ны|ні|на)?"
                    + "|.{2,}(ov|ev|yev|ova|eva|yeva|sky|skiy|skaya|enko|uly|kyzy|ovna)");
    /** Also the suffix-less Kazakh surnames, whose stems often end in -бай, -бек, -ғали, -жан. */
    private static final Pattern WEAK_SURNAME = Pattern.compile(
            ".{2,}(ин|ын|ина|ына)(а|у|ым|ой|е)?|.{3,}(in|ina|yn|yna)|.{2,}(бай|бек|ғали|қали|гали|кали|жан|хан)");

    private NameForms() {
    }

    /** Lower case, ё as е: the form dictionaries and keys use. */
    static String fold(CharSequence word) {
        String lower = word.toString().toLowerCase(Locale.ROOT);
        return lower.indexOf('ё') >= 0 ? lower.replace('ё', 'е') : lower;
    }

    /** Base forms to try for a declined word, most likely first. */
    static List<String> stems(String folded) {
        List<String> out = new ArrayList<>(6);
        for (String ending : ENDINGS) {
            if (folded.length() - ending.length() >= 3 && folded.endsWith(ending)) {
                String stem = folded.substring(0, folded.length() - ending.length());
                for (String r : RESTORE) {
                    out.add(stem + r);
                }
            }
        }
        return out;
    }

    /** One stable base form: endings taken off repeatedly while at least three letters remain. */
    static String reduce(String folded) {
        String cur = folded;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String ending : ENDINGS) {
                if (cur.length() - ending.length() >= 3 && cur.endsWith(ending)) {
                    cur = cur.substring(0, cur.length() - ending.length());
                    changed = true;
                    break;
                }
            }
        }
        return cur;
    }

    static boolean isPatronymic(String folded) {
        return folded.length() >= 6 && PATRONYMIC.matcher(folded).matches();
    }

    static boolean isStrongSurname(String folded) {
        return folded.length() >= 5 && STRONG_SURNAME.matcher(folded).matches();
    }

    static boolean isWeakSurname(String folded) {
        return folded.length() >= 5 && WEAK_SURNAME.matcher(folded).matches();
    }
}
