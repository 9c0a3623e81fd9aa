package io.qorgan.gateway.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes {@code src/test/resources/detect/corpus.jsonl} from the hand-written templates in
 * {@code corpus-templates.txt}: every template is filled twice with synthetic values (check digits computed here)
 * and the spans of labelled values are recorded. {@code [[TYPE:text]]} labels a literal; {@code {{SLOT}}} draws a
 * value. Slots ending in {@code _BAD} and {@code DATE}, {@code ORDER} are hard negatives and carry no label.
 *
 * <p>Run from the repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * (cd gateway &amp;&amp; java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) io.qorgan.gateway.detect.CorpusGenerator)
 * </pre>
 * The output is committed and read by {@link AccuracyTest}; the seed is fixed, so a rerun gives the same file.
 */
final class CorpusGenerator {

    private static final String[] RU_SURNAMES = {
        "Ахметов",
        "Сейтказиев",
        "Жумабеков",
        "Нурланов",
        "Петров",
        "Ким",
        "Тлеубаев",
        "Смагулов",
        "Исмаилов",
        "Байжанов",
        "Кравченко",
        "Оспанов",
        "Садыков",
        "Мусин",
        "Ибраев",
        "Ли"
    };
    private static final String[] RU_MALE = {
        "Ерлан", "Серик", "Асхат", "Данияр", "Иван", "Сергей", "Баглан", "Жанибек", "Тимур", "Нурлан", "Марат",
        "Дмитрий", "Ринат", "Канат"
    };
    private static final String[] RU_FEMALE = {
        "Айгерим",
        "Динара",
        "Гульнара",
        "Елена",
        "Асель",
        "Жанар",
        "Сауле",
        "Мадина",
        "Ольга",
        "Камила",
        "Алия",
        "Ботагоз"
    };
    private static final String[] FATHERS = {"Серик", "Болат", "Ерлан", "Марат", "Нурлан", "Кайрат", "Иван", "Асан"};
    private static final String[] KK_SURNAMES = {
        "Сейітқали",
        "Жұмабек",
        "Тоқай",
        "Нұрланұлы",
        "Серікқызы",
        "Әбілов",
        "Қасымов",
        "Оразбаева",
        "Мұқанов",
        "Бекболатұлы",
        "Ержанқызы",
        "Досжанов"
    };
    private static final String[] KK_FIRST = {
        "Айгерім",
        "Нұрлан",
        "Әсел",
        "Дәурен",
        "Ботагөз",
        "Қайрат",
        "Жансая",
        "Ерасыл",
        "Меруерт",
        "Бауыржан",
        "Гүлнар",
        "Асқар",
        "Ақбота",
        "Дархан",
        "Мейірбек",
        "Назерке"
    };
    private static final String[] EN_FIRST = {
        "John", "Emily", "Michael", "Sarah", "David", "Laura", "Aidos", "Dana", "Robert", "Anna", "Kevin", "Olivia"
    };
    private static final String[] EN_LAST = {
        "Smith",
        "Johnson",
        "Carter",
        "Nurlanov",
        "Bekova",
        "Walker",
        "Thompson",
        "Ismailova",
        "Harris",
        "Kuznetsov",
        "Baker",
        "Fletcher"
    };
    private static final String[] CITIES_RU = {
        "Астана", "Алматы", "Шымкент", "Караганда", "Актобе", "Павлодар", "Костанай"
    };
    private static final String[] STREETS_RU = {
        "Абая",
        "Кенесары",
        "Сатпаева",
        "Достык",
        "Тауелсиздик",
        "Жибек Жолы",
        "Республики",
        "Толе би",
        "Богенбай батыра",
        "Момышулы"
    };
    private static final String[] CITIES_KK = {"Астана", "Алматы", "Шымкент", "Қарағанды", "Ақтөбе", "Түркістан"};
    private static final String[] STREETS_KK = {
        "Абай", "Сәтбаев", "Қабанбай батыр", "Достық", "Тәуелсіздік", "Төле би", "Бөкейхан", "Кенесары"
    };
    private static final String[] STREETS_EN = {
        "Baker Street", "Main St", "Oak Avenue", "Elm Road", "Maple Drive", "King Street", "Park Ave"
    };
    private static final String[] DOMAINS = {
        "mail.kz", "gmail.com", "gov.kz", "egov.kz", "inbox.ru", "yandex.kz", "company.com"
    };

    private final Random random = new Random(20261127L);

    public static void main(String[] args) throws IOException {
        Path module = Path.of("").toAbsolutePath();
        Path templates = module.resolve("src/test/resources/detect/corpus-templates.txt");
        Path out = module.resolve("src/test/resources/detect/corpus.jsonl");
        new CorpusGenerator().generate(templates, out);
    }

    void generate(Path templates, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (String template : Files.readAllLines(templates, StandardCharsets.UTF_8)) {
            if (template.isBlank() || template.startsWith("#")) {
                continue;
            }
            for (int copy = 0; copy < 2; copy++) {
                StringBuilder text = new StringBuilder();
                ArrayNode spans = json.createArrayNode();
                fill(template, text, spans, json);
                ObjectNode line = json.createObjectNode();
                line.put("text", text.toString());
                line.set("spans", spans);
                lines.add(json.writeValueAsString(line));
            }
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + lines.size() + " lines to " + out);
    }

    private void fill(String template, StringBuilder text, ArrayNode spans, ObjectMapper json) {
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("[[", i)) {
                int close = template.indexOf("]]", i);
                String body = template.substring(i + 2, close);
                int colon = body.indexOf(':');
                String type = body.substring(0, colon);
                EntityType.valueOf(type);
                int start = text.length();
                text.append(body.substring(colon + 1));
                span(spans, json, type, start, text.length());
                i = close + 2;
            } else if (template.startsWith("{{", i)) {
                int close = template.indexOf("}}", i);
                String slot = template.substring(i + 2, close);
                String[] value = slot(slot);
                int start = text.length();
                text.append(value[1]);
                if (value[0] != null) {
                    span(spans, json, value[0], start, text.length());
                }
                i = close + 2;
            } else {
                text.append(template.charAt(i));
                i++;
            }
        }
    }

    private static void span(ArrayNode spans, ObjectMapper json, String type, int start, int end) {
        ObjectNode s = json.createObjectNode();
        s.put("type", type);
        s.put("start", start);
        s.put("end", end);
        spans.add(s);
    }

    /** {type or null, text} for a slot. */
    private String[] slot(String slot) {
        return switch (slot) {
            case "IIN" -> new String[] {"IIN", iin(true)};
            case "IIN_BAD" -> new String[] {null, iin(false)};
            case "BIN" -> new String[] {"BIN", bin(true)};
            case "BIN_BAD" -> new String[] {null, bin(false)};
            case "CARD" -> new String[] {"PAYMENT_CARD", card(true)};
            case "CARD_BAD" -> new String[] {null, card(false)};
            case "IBAN" -> new String[] {"IBAN", iban(true)};
            case "IBAN_BAD" -> new String[] {null, iban(false)};
            case "PHONE" -> new String[] {"PHONE", phoneKz()};
            case "PHONE_INTL" ->
                new String[] {
                    "PHONE",
                    pick(
                            "+1 415 555 0132",
                            "+44 20 7946 0958",
                            "+49 30 1234567",
                            "+7 495 123-45-67",
                            "+998 71 123 45 67",
                            "+33 1 42 68 53 00")
                };
            case "EMAIL" -> new String[] {"EMAIL", email()};
            case "IP" -> new String[] {"IP_ADDRESS", ip()};
            case "PASSPORT" -> new String[] {"ID_DOCUMENT", "N" + digits(8)};
            case "IDCARD" -> new String[] {"ID_DOCUMENT", nonZero() + digits(8)};
            case "DL" -> new String[] {"ID_DOCUMENT", pick("AB", "KZ", "BA", "AC") + digits(6)};
            case "PLATE" -> new String[] {"VEHICLE_PLATE", plate()};
            case "DOB" -> new String[] {"DATE_OF_BIRTH", date(true)};
            case "DATE" -> new String[] {null, date(false)};
            case "SECRET" -> new String[] {"SECRET", secret()};
            case "ORDER" -> new String[] {null, digits(6 + random.nextInt(8))};
            case "NAME_RU" -> new String[] {"PERSON", nameRu(false)};
            case "NAME_RU_SHORT" -> new String[] {"PERSON", nameRu(true)};
            case "NAME_KK" -> new String[] {"PERSON", pick(KK_SURNAMES) + " " + pick(KK_FIRST)};
            case "FIRST_KK" -> new String[] {"PERSON", pick(KK_FIRST)};
            case "NAME_EN" -> new String[] {"PERSON", pick(EN_FIRST) + " " + pick(EN_LAST)};
            case "ADDR_RU" -> new String[] {"ADDRESS", addressRu()};
            case "ADDR_KK" -> new String[] {"ADDRESS", addressKk()};
            case "ADDR_EN" -> new String[] {"ADDRESS", addressEn()};
            default -> throw new IllegalArgumentException("unknown slot " + slot);
        };
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private char nonZero() {
        return (char) ('1' + random.nextInt(9));
    }

    private String iin(boolean valid) {
        while (true) {
            int year = 1950 + random.nextInt(70);
            String base = String.format(
                    "%02d%02d%02d%d%s",
                    year % 100,
                    1 + random.nextInt(12),
                    1 + random.nextInt(28),
                    (year >= 2000 ? 5 : 3) + random.nextInt(2),
                    digits(4));
            int check = KzIdValidator.checkDigit(base + "0", 0);
            if (valid && check >= 0) {
                return base + check;
            }
            if (!valid) {
                int wrong = check < 0 ? random.nextInt(10) : (check + 1 + random.nextInt(9)) % 10;
                return base + wrong;
            }
        }
    }

    private String bin(boolean valid) {
        while (true) {
            String base = String.format(
                    "%02d%02d%d%d%s",
                    random.nextInt(25), 1 + random.nextInt(12), 4 + random.nextInt(3), random.nextInt(2), digits(5));
            int check = KzIdValidator.checkDigit(base + "0", 0);
            if (valid && check >= 0) {
                return base + check;
            }
            if (!valid) {
                return base + (check < 0 ? random.nextInt(10) : (check + 1 + random.nextInt(9)) % 10);
            }
        }
    }

    private String card(boolean valid) {
        String prefix = pick("4", "51", "55", "2200", "2202", "2221", "62", "37");
        int len = prefix.equals("37") ? 15 : 16;
        String body = prefix + digits(len - prefix.length() - 1);
        int check = luhnCheck(body);
        String number = body + (valid ? check : (check + 1 + random.nextInt(9)) % 10);
        if (random.nextBoolean() && len == 16) {
            String sep = pick(" ", "-");
            return number.substring(0, 4)
                    + sep
                    + number.substring(4, 8)
                    + sep
                    + number.substring(8, 12)
                    + sep
                    + number.substring(12);
        }
        return number;
    }

    /** The check digit that makes {@code body} + digit pass the detector's own Luhn test. */
    private static int luhnCheck(String body) {
        for (int d = 0; d < 10; d++) {
            if (CardValidator.luhn(body + d)) {
                return d;
            }
        }
        throw new IllegalStateException("no Luhn check digit");
    }

    private String iban(boolean valid) {
        String bban = String.format("%03d", random.nextInt(1000)) + pick("KZT", "000", "A00", "B12") + digits(10);
        String rearranged = bban + "KZ00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98
                - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        if (!valid) {
            check = (check + 1 + random.nextInt(90)) % 100;
        }
        String iban = "KZ" + String.format("%02d", check) + bban;
        if (random.nextBoolean()) {
            return iban.substring(0, 4) + " " + iban.substring(4, 8) + " " + iban.substring(8, 12) + " "
                    + iban.substring(12, 16) + " " + iban.substring(16);
        }
        return iban;
    }

    private String phoneKz() {
        String op = pick("701", "702", "705", "707", "747", "771", "775", "777", "778");
        String a = digits(3);
        String b = digits(2);
        String c = digits(2);
        return switch (random.nextInt(7)) {
            case 0 -> "+7 " + op + " " + a + " " + b + " " + c;
            case 1 -> "+7 (" + op + ") " + a + "-" + b + "-" + c;
            case 2 -> "+7" + op + a + b + c;
            case 3 -> "8 (" + op + ") " + a + "-" + b + "-" + c;
            case 4 -> "8-" + op + "-" + a + "-" + b + "-" + c;
            case 5 -> "8" + op + a + b + c;
            default -> "8 (727) " + a + "-" + b + "-" + c;
        };
    }

    private String email() {
        String local = pick(
                "a.nurlanova",
                "serik.bekov",
                "info.user",
                "d.kim",
                "zhanar.s",
                "ivanov.ii",
                "aigerim_t",
                "support-desk",
                "e.smith",
                "оспанов.а");
        String domain = local.startsWith("оспанов") ? "почта.қаз" : pick(DOMAINS);
        return local + random.nextInt(100) + "@" + domain;
    }

    private String ip() {
        if (random.nextInt(4) == 0) {
            return "2001:db8:" + Integer.toHexString(random.nextInt(65536)) + "::"
                    + Integer.toHexString(1 + random.nextInt(255));
        }
        return pick("10", "172", "192", "85", "95", "178") + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + (1 + random.nextInt(254));
    }

    private String plate() {
        String letters = "ABCDEHKMOPTX";
        StringBuilder b = new StringBuilder();
        b.append(100 + random.nextInt(900)).append(' ');
        for (int i = 0; i < 3; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        b.append(' ').append(String.format("%02d", 1 + random.nextInt(20)));
        return b.toString();
    }

    private String date(boolean birth) {
        int year = birth ? 1950 + random.nextInt(60) : 2020 + random.nextInt(6);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        String[] ru = {
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
            "декабря"
        };
        return switch (random.nextInt(4)) {
            case 0 -> String.format("%02d.%02d.%d", day, month, year);
            case 1 -> String.format("%d-%02d-%02d", year, month, day);
            case 2 -> day + " " + ru[month - 1] + " " + year;
            default -> String.format("%02d/%02d/%d", day, month, year);
        };
    }

    private String secret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        int kind = random.nextInt(4);
        int len = kind == 2 ? 16 : 36;
        for (int i = 0; i < len; i++) {
            char c = alphabet.charAt(random.nextInt(kind == 2 ? 36 : alphabet.length()));
            b.append(kind == 2 ? Character.toUpperCase(c) : c);
        }
        return switch (kind) {
            case 0 -> "sk-proj-" + b;
            case 1 -> "ghp_" + b;
            case 2 -> "AKIA" + b;
            default -> "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0In0." + b.substring(0, 30);
        };
    }

    private String nameRu(boolean initials) {
        boolean female = random.nextBoolean();
        String surname = pick(RU_SURNAMES);
        if (female && (surname.endsWith("ов") || surname.endsWith("ев") || surname.endsWith("ин"))) {
            surname = surname + "а";
        }
        String first = female ? pick(RU_FEMALE) : pick(RU_MALE);
        String father = pick(FATHERS);
        String patronymic = father + (female ? "овна" : "ович");
        if (initials) {
            return random.nextBoolean()
                    ? surname + " " + first.charAt(0) + "." + father.charAt(0) + "."
                    : first.charAt(0) + ". " + father.charAt(0) + ". " + surname;
        }
        return surname + " " + first + " " + patronymic;
    }

    private String addressRu() {
        String city = pick(CITIES_RU);
        String street = pick(STREETS_RU);
        return switch (random.nextInt(4)) {
            case 0 ->
                "г. " + city + ", ул. " + street + ", д. " + (1 + random.nextInt(150)) + ", кв. "
                        + (1 + random.nextInt(200));
            case 1 -> "г. " + city + ", пр. " + street + " " + (1 + random.nextInt(150));
            case 2 -> "ул. " + street + ", д. " + (1 + random.nextInt(150)) + "А, кв. " + (1 + random.nextInt(200));
            default -> "г. " + city + ", мкр. Самал-" + (1 + random.nextInt(3)) + ", д. " + (1 + random.nextInt(90));
        };
    }

    private String addressKk() {
        String city = pick(CITIES_KK);
        String street = pick(STREETS_KK);
        return switch (random.nextInt(3)) {
            case 0 ->
                city + " қ., " + street + " көшесі, " + (1 + random.nextInt(150)) + "-үй, " + (1 + random.nextInt(200))
                        + "-пәтер";
            case 1 -> city + " қаласы, " + street + " даңғылы, " + (1 + random.nextInt(150)) + "-үй";
            default -> street + " көшесі, " + (1 + random.nextInt(150)) + "-үй, " + (1 + random.nextInt(90)) + "-пәтер";
        };
    }

    private String addressEn() {
        return (1 + random.nextInt(2000)) + " " + pick(STREETS_EN) + pick("", ", Apt 4", ", Springfield, IL 62704");
    }
}
