package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CanonicalTest {

    @Test
    void canonical_iinWithSpacesAndFullwidthDigits_digitsOnly() {
        assertThat(Canonical.canonical(EntityType.IIN, "９００５１５ 301234")).isEqualTo("900515301234");
        assertThat(Canonical.canonical(EntityType.PAYMENT_CARD, "4111-1111-1111-1111"))
                .isEqualTo("4111111111111111");
    }

    @Test
    void canonical_kazakhPhoneInEveryWrittenForm_sameE164() {
        String[] forms = {
            "+7 701 123 45 67",
            "+7 (701) 123-45-67",
            "+77011234567",
            "8 (701) 123-45-67",
            "8-701-123-45-67",
            "87011234567",
            "701 123 4567"
        };
        for (String form : forms) {
            assertThat(Canonical.canonical(EntityType.PHONE, form)).as(form).isEqualTo("+77011234567");
        }
    }

    @Test
    void canonical_emailAndIban_foldedAndCompacted() {
        assertThat(Canonical.canonical(EntityType.EMAIL, "A.Nurlanova@Mail.KZ")).isEqualTo("a.nurlanova@mail.kz");
        assertThat(Canonical.canonical(EntityType.IBAN, "kz23 999a 0000 1234 5678"))
                .isEqualTo("KZ23999A000012345678");
    }

    @Test
    void canonical_russianNameInNominativeInstrumentalAndGenitive_sameKey() {
        String nominative = Canonical.canonical(EntityType.PERSON, "Иванов Иван");
        assertThat(Canonical.canonical(EntityType.PERSON, "Ивановым Иваном")).isEqualTo(nominative);
        assertThat(Canonical.canonical(EntityType.PERSON, "Иванова Ивана")).isEqualTo(nominative);
        assertThat(Canonical.canonical(EntityType.PERSON, "ИВАНОВ ИВАН")).isEqualTo(nominative);
        assertThat(Canonical.canonical(EntityType.PERSON, "Ивановичем"))
                .isEqualTo(Canonical.canonical(EntityType.PERSON, "Иванович"));
    }

    @Test
    void canonical_kazakhNameWithCaseEnding_sameKeyAsBaseForm() {
        assertThat(Canonical.canonical(EntityType.PERSON, "Айгүлге"))
                .isEqualTo(Canonical.canonical(EntityType.PERSON, "Айгүл"));
        assertThat(Canonical.canonical(EntityType.PERSON, "Нұрланның"))
                .isEqualTo(Canonical.canonical(EntityType.PERSON, "Нұрлан"));
    }

    @Test
    void canonical_differentPeople_differentKeys() {
        assertThat(Canonical.canonical(EntityType.PERSON, "Иванов Иван"))
                .isNotEqualTo(Canonical.canonical(EntityType.PERSON, "Петров Иван"));
    }

    @Test
    void canonical_plateWithCyrillicLookalikes_latinKey() {
        assertThat(Canonical.canonical(EntityType.VEHICLE_PLATE, "123 АВС 01")).isEqualTo("123ABC01");
    }

    private static final String[] COUNTRY_CODES = {
        "1", "7", "33", "39", "44", "49", "81", "82", "86", "90", "374", "375", "380", "971", "992", "993", "994",
        "995", "996", "998", "34", "52", "54", "55", "61", "91", "351", "420", "45", "46", "47", "358", "98", "20",
        "27", "234", "62", "63", "66", "84", "972", "966", "380"
    };

    @Test
    void phoneFast_randomNumbersInWrittenForms_agreesWithLibphonenumber() {
        Random random = new Random(7);
        int fast = 0;
        for (int k = 0; k < 20_000; k++) {
            StringBuilder national = new StringBuilder();
            int length = random.nextInt(3) == 0 ? 7 + random.nextInt(6) : 10;
            for (int d = 0; d < length; d++) {
                national.append((char) ('0' + random.nextInt(10)));
            }
            String a = national.substring(0, 3);
            String b = national.substring(3, length - 4);
            String c = national.substring(length - 4, length - 2);
            String e = national.substring(length - 2);
            String lead = switch (random.nextInt(4)) {
                case 0 -> "+7";
                case 1 -> "8";
                case 2 -> "7";
                default -> "+" + COUNTRY_CODES[random.nextInt(COUNTRY_CODES.length)];
            };
            String[] forms = {
                lead + national,
                lead + " " + a + " " + b + " " + c + " " + e,
                lead + " (" + a + ") " + b + "-" + c + "-" + e,
                lead + "-" + a + "-" + b + "-" + c + e,
                lead + " " + a + " " + b + c + e
            };
            for (String form : forms) {
                String quick = Canonical.phoneFast(form);
                if (quick != null) {
                    fast++;
                    assertThat(quick).as(form).isEqualTo(Canonical.phoneParsed(form));
                }
            }
        }
        assertThat(fast).as("the fast path is exercised").isGreaterThan(30_000);
        assertThat(Canonical.phoneFast("+7 (916) 123-45-67")).isEqualTo("+79161234567");
        assertThat(Canonical.phoneFast("8 800 555-35-35")).isEqualTo("+78005553535");
        assertThat(Canonical.phoneFast("+1 (415) 555-0132")).isEqualTo("+14155550132");
        assertThat(Canonical.phoneFast("+44 (0) 20 7946 0958")).isNull();
        assertThat(Canonical.phoneFast("+7 916 123 45 67 ext 5")).isNull();
    }

    /** The reduction as it was written on strings, before {@link NameForms#reducedLength}. */
    private static String reduceByStrings(String folded) {
        String[] endings = {
            "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан", "ден", "тан", "тен", "мен", "пен", "бен",
            "ымен", "імен", "ына", "іне", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті", "ым", "ім", "ыми",
            "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ою", "ею", "ом", "ем", "ым", "им", "ых", "их", "ую",
            "а", "я", "у", "ю", "е", "ы", "и"
        };
        String cur = folded;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String ending : endings) {
                if (cur.length() - ending.length() >= 3 && cur.endsWith(ending)) {
                    cur = cur.substring(0, cur.length() - ending.length());
                    changed = true;
                    break;
                }
            }
        }
        return cur;
    }

    @Test
    void reduce_randomStemsAndEndings_sameAsReductionOnStrings() {
        Random random = new Random(11);
        String letters = "аеиоуыяюйнмдтгкқңұүіәөьабвгджзлпрсфхцчшщ-xyz";
        String[] tails = {"", "а", "ы", "ым", "ымен", "ның", "ге", "ами", "ого", "ей", "нан", "дан", "ов", "ова", "ич"};
        for (int k = 0; k < 50_000; k++) {
            StringBuilder word = new StringBuilder();
            for (int n = random.nextInt(7); n >= 0; n--) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            for (int n = random.nextInt(3); n > 0; n--) {
                word.append(tails[random.nextInt(tails.length)]);
            }
            String w = word.toString();
            assertThat(NameForms.reduce(w)).as(w).isEqualTo(reduceByStrings(w));
        }
    }

    @Test
    void collapse_randomRunsOfSpacesTabsAndBreaks_sameAsTheRegex() {
        Random random = new Random(5);
        String chars = "  \t\n\r\f\u000B\u00A0abcАБВгд.,İΣ";
        Pattern spaces = Pattern.compile("\\s+");
        for (int k = 0; k < 20_000; k++) {
            StringBuilder v = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                v.append(chars.charAt(random.nextInt(chars.length())));
            }
            String value = v.toString();
            assertThat(Canonical.collapse(value))
                    .as(value)
                    .isEqualTo(spaces.matcher(NameForms.fold(value)).replaceAll(" "));
        }
    }

    @Test
    void canonical_personWithLettersWhoseLowerCaseNeedsContext_foldedAsAString() {
        // İ lower-cases to two chars and a final Σ to ς only as a string: such words take the string path
        assertThat(Canonical.canonical(EntityType.PERSON, "İLYAS ΟΔΥΣΣΕΑΣ")).isEqualTo("i̇lyas οδυσσεας");
        assertThat(Canonical.canonical(EntityType.PERSON, "Ёлкиной Алёной")).isEqualTo("елкин ален");
    }
}
