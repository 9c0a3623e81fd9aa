package io.qorgan.gateway.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credentials, found in five ways:
 *
 * <ul>
 *   <li>by shape alone: keys with a well-known prefix ({@code sk-}, {@code ghp_}, {@code AKIA}, {@code xoxb-}...),
 *       vendor-style keys ({@code xx_live_…}, {@code xx_test_…}, {@code sbx_…}: a short lower-case prefix, an
 *       underscore and 20 or more random chars), Vault and Telegram bot tokens, JWTs whose header decodes to JSON
 *       with {@code alg}, and PEM private-key blocks;
 *   <li>by the name they are assigned to: {@code NAME=value}, {@code NAME: value}, {@code "name": "value"} (env
 *       files, YAML, JSON, shell) where a part of the name is a key, token, secret or password word; a password
 *       name takes any value that is not a placeholder, the others a random-looking one;
 *   <li>by a label in prose: a random-looking word after "password is", "пароль", "құпия сөз", "token", "Bearer"...;
 *   <li>as a key: 32 or more hex or base64 chars after a word that calls them a key ("ключ", "кілті", "key");
 *   <li>as the password of a URL: {@code scheme://user:password@host}.
 * </ul>
 */
final class SecretRecognizer implements Recognizer {

    /** What a prefixed key's body must be besides long enough. */
    private enum Body {
        ANY,
        /** Twenty upper-case letters and digits, with the prefix (AWS). */
        UPPER_ALNUM,
        /** Letters and digits mixed the way random strings mix them: a short prefix alone could start a name. */
        RANDOM
    }

    private record Prefix(String text, int minBody, Body body) {}

    private static final Prefix[] NO_PREFIXES = {};
    private static final Prefix[] PREFIXES = {
        new Prefix("sk-", 20, Body.ANY),
        new Prefix("ghp_", 30, Body.ANY),
        new Prefix("gho_", 30, Body.ANY),
        new Prefix("ghs_", 30, Body.ANY),
        new Prefix("ghu_", 30, Body.ANY),
        new Prefix("ghr_", 30, Body.ANY),
        new Prefix("github_pat_", 30, Body.ANY),
        new Prefix("AKIA", 16, Body.UPPER_ALNUM),
        new Prefix("ASIA", 16, Body.UPPER_ALNUM),
        new Prefix("xoxb-", 10, Body.ANY),
        new Prefix("xoxp-", 10, Body.ANY),
        new Prefix("xoxa-", 10, Body.ANY),
        new Prefix("glpat-", 20, Body.ANY),
        new Prefix("hvs.", 20, Body.ANY),
        new Prefix("hvb.", 20, Body.ANY),
        new Prefix("whsec_", 24, Body.RANDOM),
        new Prefix("hf_", 30, Body.RANDOM),
        new Prefix("npm_", 30, Body.RANDOM),
        new Prefix("AIza", 30, Body.RANDOM),
        new Prefix("shpat_", 24, Body.RANDOM),
        new Prefix("pypi-", 40, Body.RANDOM),
        new Prefix("SG.", 16, Body.RANDOM),
    };

    /** Labels in prose after which a password follows; any word of two char classes will do. */
    private static final String[] PASSWORD_LABELS = {
        "password",
        "passwd",
        "pwd",
        "парол",
        "құпия сөз",
        "құпиясөз",
        "passphrase",
        "құпия код",
        "wi-fi",
        "wifi",
        "вайфай",
        "вай-фай",
        "pass is",
        "pw is", // "the prod db pw is literally …"
        "passcode",
        "пасс", // chat slang, a word of its own ("админка … пасс dlink_kv40"), never "пассажир"
        "psk", // a VPN's or Wi-Fi's pre-shared key
        "pre-shared key",
    };
    /** Labels after which a token follows; it must look random. */
    private static final String[] TOKEN_LABELS = {
        "token",
        "токен",
        "api key",
        "api_key",
        "apikey",
        "api-key",
        "secret",
        "client_secret",
        "access key",
        "bearer",
        "authorization: basic",
        "authorization \"basic", // nginx: proxy_set_header Authorization "Basic …"
        "totp",
        "otp seed",
    };
    /** Words for a PIN or a safe's code: four to six digits follow, on the line or as the next line's answer. */
    private static final String[] PIN_LABELS = {
        "pin", "пин", "сейфтің код", "код от сейфа", "код сейфа", "safe code", "сейфу", // "пароль к сейфу 4826"
        // a door's code lets anyone into the home: "Код домофона 47К1290", "подъезд код?" / "118К2577"
        "код домофона", "код от домофона", "домофон", "код подъезда", "код от подъезда", "подъезд код", "door code",
        "gate code", "подъездің код", "қақпаның код", "қақпа код", "ворота код", "код ворот", "код от ворот",
        "код на двери", "код двери", "код от двери", "есіктің код", "есік код", "подъезд, код", "кодовый замок",
        "код замка"
    };
    /** The safe in the dative, a PIN's word only as a whole word. */
    private static final String TO_THE_SAFE = "сейфу";
    /** Words for a bank's or an operator's code word: a word of letters and digits follows. */
    private static final String[] CODE_WORD_LABELS = {
        "кодовое слово",
        "кодового слова",
        "code word",
        "codeword",
        "memorable word",
        "кодтық сөз",
        "секретное слово",
        "контрольное слово"
    };
    /** A code word's place held by no code word: "не установлено" aside, one word that gives none. */
    private static final String[] NO_CODE_WORD = {
        "отсутствует",
        "забыл",
        "забыла",
        "помню",
        "знаю",
        "установлено",
        "указано",
        "ұмыттым",
        "білмеймін",
        "forgot",
        "unknown",
        "none",
        "missing",
        "empty"
    };
    /** Words that call a long hex or base64 string a key. */
    private static final String[] KEY_LABELS = {"ключ", "кілт", "key", "hmac", "секрет"};

    /** The command whose {@code -b} option takes the password on its command line. */
    private static final String HTPASSWD = "htpasswd";

    static final CueIndex LABEL_INDEX = new CueIndex(Lexicons.concat(
            PASSWORD_LABELS, TOKEN_LABELS, KEY_LABELS, PIN_LABELS, CODE_WORD_LABELS, new String[] {HTPASSWD}));

    /** Lower-case parts of an assigned name that make its value a password. */
    private static final String[] PASSWORD_PARTS = {"password", "passwd", "pass", "pwd", "passphrase", "pw"};
    /** Lower-case parts of an assigned name that make a random-looking value a secret. */
    private static final String[] KEY_PARTS = {
        "key", "token", "secret", "credential", "credentials", "auth", "apikey", "cookie"
    };
    /** Name parts that end with a password or key word but are not one: "passport", "keyboard". */
    private static final String[] NOT_PARTS = {"passport", "keyboard", "bypass", "compass", "keyword", "keys"};
    /** Values that stand for a secret without being one. */
    private static final String[] PLACEHOLDERS = {
        "changeme", "password", "secret", "null", "none", "true", "false", "undefined", "example", "xxx", "todo"
    };

    private static final String PEM_BEGIN = "-----BEGIN ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUE = 200;

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        char[] lower = view.lower();
        WordStarts candidates = view.starts();
        int[] all = candidates.all();
        int resume = 0;
        for (int k = 0, count = candidates.count(); k < count; k++) {
            int at = all[k];
            if (at < resume) {
                continue;
            }
            char c = s[at];
            int end = -1;
            if (c == ':' || c == '=') {
                end = assigned(s, lower, at, out);
                if (c == ':' && end < 0) {
                    end = urlPassword(s, at, out);
                }
                if (c == ':' && end < 0) {
                    end = pgpass(s, lower, at, out);
                }
                if (c == ':' && end < 0 && at >= 4 && Chars.startsWith(lower, "thin", at - 4)) {
                    end = thinLogin(s, at, out);
                }
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                end = c == 'd' && Chars.startsWith(s, DEFINE, at)
                        ? defined(s, lower, at, out)
                        : c == 'A' && at > 0 && s[at - 1] == '{' && Chars.startsWith(s, JENKINS, at)
                                ? jenkinsSecret(s, at, out)
                                : byShape(s, at, out);
                if (end < 0) {
                    end = unlabelledPassword(s, at, out);
                }
            } else if (c == '-') {
                if (Chars.startsWith(s, PEM_BEGIN, at)) {
                    end = pem(s, at, out);
                } else if (at + 2 < s.length && s[at + 1] == 'p') {
                    end = passwordOption(s, at, out);
                } else if (at + 2 < s.length && (s[at + 1] == 'u' || s[at + 1] == '-')) {
                    end = userOption(s, at, out);
                } else if (at + 3 < s.length && s[at + 1] == 'a' && s[at + 2] == ' ') {
                    end = redisAuth(s, at, out);
                }
            } else if (Chars.isDigit(c)) {
                end = telegramToken(s, at, out);
            }
            if (end > 0) {
                resume = end;
            }
        }
        LABEL_INDEX.find(view, (at, label) -> labelled(s, lower, view.tables(), at, label, out));
    }

    /**
     * {@link #PREFIXES} by their first char (ASCII), in their order, each with its text as a char array: byShape runs
     * for every word of ASCII letters, and a word is compared only with the prefixes of its first letter.
     */
    private static final Prefix[][] PREFIXES_BY_INITIAL = new Prefix[128][];

    private static final char[][][] PREFIX_CHARS_BY_INITIAL = new char[128][][];

    /** For each pair of ASCII chars (first times 128 plus second) whether some prefix begins with it. */
    private static final boolean[] PREFIX_PAIRS = new boolean[128 * 128];

    static {
        for (Prefix p : PREFIXES) {
            char c = p.text().charAt(0);
            char second = p.text().charAt(1); // every prefix has two ASCII chars or more
            if (c >= 128 || second >= 128) {
                throw new IllegalStateException("a key prefix must begin with two ASCII chars: " + p.text());
            }
            PREFIX_PAIRS[c * 128 + second] = true;
            Prefix[] old = PREFIXES_BY_INITIAL[c] == null ? NO_PREFIXES : PREFIXES_BY_INITIAL[c];
            PREFIXES_BY_INITIAL[c] = Arrays.copyOf(old, old.length + 1);
            PREFIXES_BY_INITIAL[c][old.length] = p;
            char[][] chars = PREFIX_CHARS_BY_INITIAL[c] == null ? new char[0][] : PREFIX_CHARS_BY_INITIAL[c];
            PREFIX_CHARS_BY_INITIAL[c] = Arrays.copyOf(chars, chars.length + 1);
            PREFIX_CHARS_BY_INITIAL[c][chars.length] = p.text().toCharArray();
        }
    }

    /** A key with a known prefix, a vendor-style key or a JWT at {@code at}; its end, or -1. */
    private static int byShape(char[] s, int at, List<Finding> out) {
        if (!Chars.notWordAt(s, at - 1)) {
            return -1;
        }
        char c = s[at];
        // c is an ASCII letter; a word whose first two chars begin no prefix matches none, so most skip the loop
        boolean prefixPair = at + 1 < s.length && s[at + 1] < 128 && PREFIX_PAIRS[c * 128 + s[at + 1]];
        Prefix[] prefixes = prefixPair ? PREFIXES_BY_INITIAL[c] : null;
        for (int j = 0; prefixes != null && j < prefixes.length; j++) {
            Prefix prefix = prefixes[j];
            if (Chars.startsWith(s, PREFIX_CHARS_BY_INITIAL[c][j], at)) {
                int from = at + prefix.text().length();
                int end = tokenEnd(s, from);
                if (prefix.text().equals("SG.") && end < s.length && s[end] == '.') {
                    end = tokenEnd(s, end + 1); // SendGrid: "SG.<id>.<secret>"
                }
                boolean shaped = switch (prefix.body()) {
                    case ANY -> true;
                    case UPPER_ALNUM -> upperAlnum(s, at, end);
                    case RANDOM -> mixedAlnum(s, from, end);
                };
                if (end - from >= prefix.minBody() && shaped) {
                    out.add(new Finding(EntityType.SECRET, at, end, 0.95, "secret"));
                    return end;
                }
                return -1;
            }
        }
        if (c == 'M') {
            int end = derPrivateKey(s, at, out);
            if (end > 0) {
                return end;
            }
        }
        if (c == 'h' && Chars.startsWith(s, SLACK_HOOK, at)) {
            return slackHook(s, at, out);
        }
        if (c == 'e' && Chars.startsWith(s, "eyJ", at)) {
            int end = jwtEnd(s, at);
            if (end > 0) {
                out.add(new Finding(EntityType.SECRET, at, end, 0.95, "secret"));
            }
            return end;
        }
        return vendorKey(s, at, out);
    }

    /**
     * {@code xx_live_…}, {@code sbx_…}: two to five lower-case letters, an underscore, a mode word and an underscore (or
     * a prefix naming an environment), then at least 16 random-looking letters and digits (20 after an environment). Without either it is the id
     * of an API object ({@code resp_…}, {@code msg_…}, {@code toolu_…}), which a request must carry back unchanged. The underscore is looked for first, among the
     * first six chars, so most words cost a few reads.
     */
    private static int vendorKey(char[] s, int at, List<Finding> out) {
        if (at + 24 > s.length || s[at + 2] != '_' && s[at + 3] != '_' && s[at + 4] != '_' && s[at + 5] != '_') {
            return -1; // most words: no underscore where a vendor prefix would end
        }
        int p = at;
        while (p < s.length && p - at < 6 && s[p] >= 'a' && s[p] <= 'z') {
            p++;
        }
        if (p - at < 2 || p - at > 5 || p >= s.length || s[p] != '_') {
            return -1;
        }
        int body = p + 1;
        boolean mode = false;
        for (String m : MODES) {
            if (Chars.startsWith(s, m, body)) {
                body += m.length();
                mode = true;
                break;
            }
        }
        if (!mode && !environmentPrefix(s, at, p)) {
            return -1; // resp_…, msg_…, call_…, toolu_…: the ids of API objects, which requests carry back
        }
        int end = body;
        while (end < s.length && Chars.isAsciiAlnum(s[end])) {
            end++;
        }
        // a mode word says key on its own, so a shorter body will do: "smsgw_live_4Hq9Zt7PvX2mKr8L"
        if (end - body >= (mode ? 16 : 20) && Chars.notWordAt(s, end) && mixedAlnum(s, body, end)) {
            out.add(new Finding(EntityType.SECRET, at, end, 0.9, "secret"));
            return end;
        }
        return -1;
    }

    private static final String[] MODES = {"live_", "test_", "prod_", "sandbox_"};
    private static final String[] ENVIRONMENTS = {"sbx", "stg", "dev", "prod", "live", "test", "uat"};

    /** Whether the lower-case prefix {@code s[at, end)} names an environment, as a key's prefix does. */
    private static boolean environmentPrefix(char[] s, int at, int end) {
        for (String e : ENVIRONMENTS) {
            if (e.length() == end - at && Chars.startsWith(s, e, at)) {
                return true;
            }
        }
        return false;
    }

    /** A Telegram bot token: 8–10 digits, a colon and 30 or more token chars. */
    private static int telegramToken(char[] s, int at, List<Finding> out) {
        if (at + 40 > s.length || !Chars.isDigit(s[at + 7])) {
            return -1; // most numbers: shorter than a bot id
        }
        int run = Chars.digitRun(s, at);
        int colon = at + run;
        if (run < 8 || run > 10 || colon >= s.length || s[colon] != ':' || !Chars.notWordAt(s, at - 1)) {
            return -1;
        }
        int end = tokenEnd(s, colon + 1);
        if (end - colon - 1 >= 30 && mixedAlnum(s, colon + 1, end)) {
            out.add(new Finding(EntityType.SECRET, at, end, 0.9, "secret"));
            return end;
        }
        return -1;
    }

    /**
     * The value assigned at {@code at} (an {@code =} or {@code :}) to a name whose parts make it a secret; its end,
     * or -1. The name is read backwards from the sign: letters, digits, {@code _ . -}, within quotes or not.
     */
    private static int assigned(char[] s, char[] lower, int at, List<Finding> out) {
        int nameEnd = at;
        while (nameEnd > 0 && s[nameEnd - 1] == ' ') {
            nameEnd--;
        }
        if (nameEnd > 0 && (s[nameEnd - 1] == '"' || s[nameEnd - 1] == '\'')) {
            nameEnd--;
        }
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart < 64 && nameChar(s[nameStart - 1])) {
            nameStart--;
        }
        if (nameEnd - nameStart < 2) {
            return -1;
        }
        int kind = nameKind(s, lower, nameStart, nameEnd);
        if (kind == 0) {
            return -1;
        }
        int p = at + 1;
        if (s[at] == ':' && p < s.length && s[p] == ':') {
            return -1; // "Class::member"
        }
        while (p < s.length && p - at < 4 && s[p] == ' ') {
            p++;
        }
        char quote = p < s.length && (s[p] == '"' || s[p] == '\'') ? s[p] : 0;
        int from = quote != 0 ? p + 1 : p;
        int app = kind == PASSWORD ? appPassword(s, from) : -1; // "zxpl qrmt vbnw ahsd": spaces inside, quoted or not
        int to = from;
        if (quote != 0) {
            while (to < s.length && to - from < MAX_VALUE && s[to] != quote && s[to] != '\n') {
                to++;
            }
            if (to >= s.length || s[to] != quote) {
                return -1;
            }
        } else {
            while (to < s.length && to - from < MAX_VALUE && valueChar(s[to])) {
                to++;
            }
            while (to > from && ".,;)".indexOf(s[to - 1]) >= 0) {
                to--;
            }
            to = Math.max(to, app);
        }
        if (to <= from || placeholder(s, lower, from, to)) {
            return -1;
        }
        boolean secret = kind == PASSWORD
                ? passwordLike(s, from, to) || quote == 0 && plainPassword(s, lower, from, to) || app == to
                : randomLike(s, from, to)
                        || base32(s, from, to)
                        // an Erlang cookie: twenty capitals by default ("erlangCookie: K9XW2RLPQZTMVBNCYHGF")
                        || to - from >= 16 && endsWithAny(lower, nameStart, nameEnd, COOKIE) && upperAlnum(s, from, to)
                        || lastPart(lower, nameStart, nameEnd, SECRET_LAST_PARTS) && madeUpSecret(s, from, to);
        if (!secret) {
            return -1;
        }
        int second = kind == PASSWORD && quote == 0 ? afterLogin(s, to) : -1;
        if (second > 0) {
            from = to + 3; // "auth-user-pass: e.ospan / Vpn_Erasyl#77": a login, then its password
            to = second;
        }
        out.add(new Finding(EntityType.SECRET, from, to, kind == PASSWORD ? 0.9 : 0.85, "secret"));
        return to;
    }

    /**
     * End of an app password at {@code p} (Google's, for mail clients: "zxpl qrmt vbnw ahsd"), four groups of four
     * lower-case Latin letters parted by single spaces, the last ending the word; or -1.
     */
    private static int appPassword(char[] s, int p) {
        int q = p;
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                if (q >= s.length || s[q] != ' ') {
                    return -1;
                }
                q++;
            }
            for (int k = 0; k < 4; k++, q++) {
                if (q >= s.length || s[q] < 'a' || s[q] > 'z') {
                    return -1;
                }
            }
        }
        return Chars.notWordAt(s, q) ? q : -1;
    }

    /**
     * Whether a group of four letters in {@code s[from, to)} has no vowel (a, e, i, o, u, y): four in five app
     * passwords have one, English words never ("the password is long gone from here").
     */
    private static boolean vowellessGroup(char[] s, int from, int to) {
        for (int g = from; g + 4 <= to; g += 5) {
            boolean vowel = false;
            for (int k = g; k < g + 4; k++) {
                vowel |= "aeiouy".indexOf(s[k]) >= 0;
            }
            if (!vowel) {
                return true;
            }
        }
        return false;
    }

    /**
     * A password with no label near it ("на проде стоит tjViqmv1f7#^n", "its Blu3-Herring!88"): a word after a space
     * or a line's start, 8 to 40 chars of lower-case and upper-case Latin letters, digits and one of the symbols
     * people put in passwords ({@code ! # $ % ^ & * ~ ?}, with {@code _ -} between), all four kinds in it. Code,
     * paths, addresses and placeholders break off at their brackets, dots, slashes and signs. Its end, or -1.
     */
    private static int unlabelledPassword(char[] s, int at, List<Finding> out) {
        if (at > 0 && " \n\t\"«(".indexOf(s[at - 1]) < 0) {
            return -1;
        }
        int lowers = 0;
        int uppers = 0;
        int digits = 0;
        int symbols = 0;
        int end = at;
        for (; end < s.length && end - at <= 40; end++) {
            char c = s[end];
            if (c >= 'a' && c <= 'z') {
                lowers++;
            } else if (c >= 'A' && c <= 'Z') {
                uppers++;
            } else if (c >= '0' && c <= '9') {
                digits++;
            } else if (PASSWORD_SYMBOLS.indexOf(c) >= 0) {
                symbols++;
            } else if (c != '_' && c != '-') {
                break;
            }
        }
        if (end - at < 8
                || end - at > 40
                || lowers < 2
                || uppers < 1
                || digits < 1
                || symbols < 1
                || end < s.length && " \n\t\r.,;)»\"".indexOf(s[end]) < 0) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, at, end, 0.8, "secret"));
        return end;
    }

    private static final String PASSWORD_SYMBOLS = "!#$%^&*~?";

    private static final int PASSWORD = 1;
    private static final int KEY = 2;
    private static final String[] COOKIE = {"cookie"};

    /** Last parts of a name whose value is a secret even when it does not look random ("JWT_SECRET=…2025"). */
    private static final String[] SECRET_LAST_PARTS = {"secret", "token"};

    /** Whether the last part of the name {@code lower[from, to)} (after {@code _ . -}) is one of {@code words}. */
    private static boolean lastPart(char[] lower, int from, int to, String[] words) {
        int part = to;
        while (part > from && lower[part - 1] != '_' && lower[part - 1] != '.' && lower[part - 1] != '-') {
            part--;
        }
        return Chars.isOneOf(lower, part, to, words);
    }

    /**
     * A base32 secret (a TOTP seed): 16 or more of {@code A-Z} and {@code 2-7}, with two digits at least; words in
     * capitals have none.
     */
    private static boolean base32(char[] s, int from, int to) {
        if (to - from < 16) {
            return false;
        }
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c >= '2' && c <= '7') {
                digits++;
            } else if (!Chars.isAsciiUpper(c)) {
                return false;
            }
        }
        return digits >= 2;
    }

    /** A made-up secret: ten chars or more with letters and digits, and no path, host or file name. */
    private static boolean madeUpSecret(char[] s, int from, int to) {
        if (to - from < 10 || !letterAndDigit(s, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s[i] == '/' || s[i] == '.' || s[i] == ':') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #PASSWORD} or {@link #KEY} when a part of the name {@code s[from, to)} is such a word, else 0. Parts are
     * split at {@code _ . -} and at a lower-to-upper change ({@code secretKey}); a part may also end with the word
     * ({@code PGPASSWORD}, {@code apikey}).
     */
    private static int nameKind(char[] s, char[] lower, int from, int to) {
        int kind = 0;
        int part = from;
        for (int i = from; i <= to; i++) {
            boolean boundary = i == to
                    || s[i] == '_'
                    || s[i] == '.'
                    || s[i] == '-'
                    || i > part && Chars.isAsciiUpper(s[i]) && s[i - 1] >= 'a' && s[i - 1] <= 'z';
            if (!boundary) {
                continue;
            }
            if (i > part) {
                if (endsWithAny(lower, part, i, NOT_PARTS)) {
                    // not a secret word
                } else if (endsWithAny(lower, part, i, PASSWORD_PARTS)) {
                    return PASSWORD;
                } else if (endsWithAny(lower, part, i, KEY_PARTS)) {
                    kind = KEY;
                }
            }
            part = i + 1;
            if (i < to && Chars.isAsciiUpper(s[i])) {
                part = i; // camelCase: the capital starts the next part
            }
        }
        return kind;
    }

    private static boolean endsWithAny(char[] lower, int from, int to, String[] words) {
        for (String w : words) {
            if (to - from >= w.length() && Chars.startsWith(lower, w, to - w.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    private static boolean valueChar(char c) {
        return c > ' ' && c < 0x7F && c != '"' && c != '\'' && c != ',' && c != '<' && c != '>' && c != '`';
    }

    /** {@code ${VAR}}, {@code {{ var }}}, {@code <…>}, {@code $VAR}, {@code ****}, "changeme" and the like. */
    private static boolean placeholder(char[] s, char[] lower, int from, int to) {
        char c = s[from];
        if (c == '$' || c == '{' || c == '<' || c == '%' || c == '[') {
            return true;
        }
        boolean same = true;
        for (int i = from + 1; i < to; i++) {
            same &= s[i] == c;
        }
        if (same) {
            return true; // "********", "xxxxxxxx"
        }
        return Chars.isOneOf(lower, from, to, PLACEHOLDERS);
    }

    /** A password: four chars or more, of two classes at least (or eight digits), no spaces. */
    private static boolean passwordLike(char[] s, int from, int to) {
        if (to - from < 4) {
            return false;
        }
        int classes = classes(s, from, to);
        return classes >= 2 || to - from >= 8 && classes(s, from, to) == 1 && Chars.digitRun(s, from) == to - from;
    }

    private static final int LOWER = 1;
    private static final int UPPER = 2;
    private static final int DIGIT = 4;
    private static final int SYMBOL = 8;

    private static int classBits(char[] s, int from, int to) {
        int bits = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            bits |= c >= 'a' && c <= 'z' ? LOWER : c >= 'A' && c <= 'Z' ? UPPER : Chars.isDigit(c) ? DIGIT : SYMBOL;
        }
        return bits;
    }

    private static int classes(char[] s, int from, int to) {
        return Integer.bitCount(classBits(s, from, to));
    }

    /**
     * A random-looking value of eight chars or more: hex of 16 or more with letters and digits, or letters and digits
     * mixed the way random strings mix them (a change of char class at least every third char), or a symbol among
     * letters and digits. Words, names and paths ("portal-uploads", "cad_reader") are not.
     */
    static boolean randomLike(char[] s, int from, int to) {
        int n = to - from;
        if (n < 8) {
            return false;
        }
        int bits = classBits(s, from, to);
        if (n >= 16 && hex(s, from, to) && (bits & DIGIT) != 0 && (bits & (LOWER | UPPER)) != 0) {
            return true;
        }
        if (mixedAlnum(s, from, to)) {
            return true;
        }
        boolean symbol = false;
        for (int i = from; i < to; i++) {
            symbol |= "!#$%^&*?@+=~".indexOf(s[i]) >= 0;
        }
        return symbol && Integer.bitCount(bits & (LOWER | UPPER | DIGIT)) >= 2;
    }

    /** Letters and digits of at least two classes, changing class at least every third char. */
    private static boolean mixedAlnum(char[] s, int from, int to) {
        int bits = classBits(s, from, to) & (LOWER | UPPER | DIGIT);
        if (Integer.bitCount(bits) < 2 || (bits & DIGIT) == 0 && to - from < 16) {
            return false;
        }
        int changes = 0;
        int last = -1;
        for (int i = from; i < to; i++) {
            char c = s[i];
            int cls = c >= 'a' && c <= 'z' ? LOWER : c >= 'A' && c <= 'Z' ? UPPER : Chars.isDigit(c) ? DIGIT : 0;
            if (cls != 0 && last != -1 && cls != last) {
                changes++;
            }
            if (cls != 0) {
                last = cls;
            }
        }
        return changes * 3 >= to - from;
    }

    private static boolean hex(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Chars.isHex(s[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The password of a command's {@code -p} option at {@code at}; its end, or -1. Quoted ({@code -p'…'},
     * {@code sshpass -p '…'}) it may be any password; bare ({@code mysql -pQwerty_1}, {@code docker login -p …}) it must
     * mix letters and digits, so that ports ({@code -p 8080:80}), paths ({@code mkdir -p /opt/app2}) and flags
     * ({@code -pthread}) are not read as one.
     */
    private static int passwordOption(char[] s, int at, List<Finding> out) {
        if (at > 0 && s[at - 1] != ' ') {
            return -1;
        }
        int p = at + 2;
        boolean spaced = p < s.length && s[p] == ' ';
        if (spaced) {
            p++;
        }
        char quote = p < s.length && (s[p] == '\'' || s[p] == '"') ? s[p] : 0;
        int from = quote != 0 ? p + 1 : p;
        int to = from;
        while (to < s.length && to - from < MAX_VALUE && s[to] != '\n' && s[to] != ' ' && s[to] != quote) {
            to++;
        }
        if (quote != 0) {
            if (to >= s.length || s[to] != quote || !passwordLike(s, from, to) || s[from] == '$') {
                return -1;
            }
            out.add(new Finding(EntityType.SECRET, from, to, 0.85, "secret"));
            return to + 1;
        }
        if (to - from < 6
                || s[from] == '$'
                || s[from] == '-'
                || Chars.indexOf(s, '/', from, to) >= 0 // a path; looked for in the value only, not to the text's end
                || !letterAndDigit(s, from, to)
                || placeholder(s, s, from, to)) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, from, to, 0.8, "secret"));
        return to;
    }

    /** The password of {@code redis-cli … -a password} (the same line, {@code -a} at {@code at}); its end, or -1. */
    private static int redisAuth(char[] s, int at, List<Finding> out) {
        int line = at;
        while (line > 0 && s[line - 1] != '\n' && at - line < 120) {
            line--;
        }
        // on the option's own line only: an unbounded search read the rest of the text at every "-a"
        if (Chars.indexOf(s, "redis-cli", line, at) < 0 || s[at - 1] != ' ') {
            return -1;
        }
        return passwordOption(s, at, out); // the same rules as a "-p" password
    }

    /**
     * The password in a command's {@code -u user:password} or {@code --user user:password} option ({@code curl}) at
     * {@code at}; its end, or -1.
     */
    private static int userOption(char[] s, int at, List<Finding> out) {
        if (at > 0 && s[at - 1] != ' ') {
            return -1;
        }
        int p;
        if (Chars.startsWith(s, "-u ", at)) {
            p = at + 3;
        } else if (Chars.startsWith(s, "--user ", at) || Chars.startsWith(s, "--user=", at)) {
            p = at + 7;
        } else {
            return -1;
        }
        char quote = p < s.length && (s[p] == '\'' || s[p] == '"') ? s[p] : 0;
        int user = quote != 0 ? p + 1 : p;
        int colon = user;
        while (colon < s.length
                && colon - user < 64
                && (Chars.isAsciiAlnum(s[colon]) || "._-@".indexOf(s[colon]) >= 0)) {
            colon++;
        }
        if (colon == user || colon >= s.length || s[colon] != ':') {
            return -1;
        }
        int from = colon + 1;
        int to = from;
        while (to < s.length && to - from < MAX_VALUE && s[to] > ' ' && s[to] < 0x7F && s[to] != quote) {
            to++;
        }
        if (quote != 0 && (to >= s.length || s[to] != quote)) {
            return -1;
        }
        if (!passwordLike(s, from, to) || placeholder(s, s, from, to)) {
            return -1; // "docker run -u 1000:1000" names a uid and gid
        }
        out.add(new Finding(EntityType.SECRET, from, to, 0.85, "secret"));
        return to;
    }

    private static boolean letterAndDigit(char[] s, int from, int to) {
        int bits = classBits(s, from, to);
        return (bits & DIGIT) != 0 && (bits & (LOWER | UPPER)) != 0;
    }

    /** The password in {@code scheme://user:password@host}, the {@code :} of "://" at {@code at}; its end, or -1. */
    private static int urlPassword(char[] s, int at, List<Finding> out) {
        if (!Chars.startsWith(s, "://", at)) {
            return -1;
        }
        int p = at + 3;
        int user = p;
        while (p < s.length && p - user < 64 && (Chars.isAsciiAlnum(s[p]) || "._-%".indexOf(s[p]) >= 0)) {
            p++;
        }
        if (p < s.length && s[p] == '@' && p - user >= 32 && hex(s, user, p)) {
            out.add(new Finding(EntityType.SECRET, user, p, 0.9, "secret")); // a Sentry DSN's key: https://<key>@host
            return p;
        }
        if (p >= s.length || s[p] != ':' || p == user && !Chars.startsWith(s, "redis", Math.max(0, at - 5))) {
            return -1; // no user name: only Redis writes a bare password ("redis://:pass@host")
        }
        int from = p + 1;
        int q = from;
        int lastAt = -1;
        while (q < s.length && q - from < MAX_VALUE && s[q] > ' ' && s[q] < 0x7F && s[q] != '/') {
            if (s[q] == '@') {
                lastAt = q;
            }
            q++;
        }
        if (lastAt <= from || placeholder(s, s, from, lastAt)) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, from, lastAt, 0.9, "secret"));
        return lastAt;
    }

    /**
     * The password of an Oracle thin connect string ({@code jdbc:oracle:thin:scott/T1ger@//host:1521/ORCL}), the
     * {@code :} after "thin" at {@code at}; its end, or -1.
     */
    private static int thinLogin(char[] s, int at, List<Finding> out) {
        int p = at + 1;
        while (p < s.length && p - at < 64 && nameChar(s[p])) {
            p++;
        }
        if (p == at + 1 || p >= s.length || s[p] != '/') {
            return -1;
        }
        int from = p + 1;
        int to = from;
        while (to < s.length && to - from < MAX_VALUE && s[to] > ' ' && s[to] < 0x7F && s[to] != '@' && s[to] != '/') {
            to++;
        }
        if (to >= s.length
                || s[to] != '@'
                || placeholder(s, s, from, Math.max(from + 1, to))
                || !passwordLike(s, from, to)) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, from, to, 0.9, "secret"));
        return to;
    }

    private static final String JENKINS = "AQAA";

    /**
     * A secret Jenkins stores encrypted in its configuration ({@code {AQAAABAAAA…}}), the {@code A} after the brace at
     * {@code at}: base64 to the closing brace, 24 chars or more; its end, or -1.
     */
    private static int jenkinsSecret(char[] s, int at, List<Finding> out) {
        int to = at;
        while (to < s.length && to - at < 4 * MAX_VALUE && base64Char(s[to])) {
            to++;
        }
        if (to - at < 24 || to >= s.length || s[to] != '}') {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, at - 1, to + 1, 0.9, "secret"));
        return to + 1;
    }

    private static int pem(char[] s, int at, List<Finding> out) {
        int lineEnd = Chars.indexOf(s, "-----", at + PEM_BEGIN.length(), at + 65);
        if (lineEnd < 0 || !Chars.string(s, at, lineEnd).contains("PRIVATE KEY")) {
            return -1;
        }
        String label = Chars.string(s, at + PEM_BEGIN.length(), lineEnd);
        String footer = "-----END " + label + "-----";
        // the footer before the next header only: headers without footers each read the rest of the text otherwise
        int next = Chars.indexOf(s, PEM_BEGIN, lineEnd);
        int close = Chars.indexOf(s, footer, lineEnd, next < 0 ? s.length : next + footer.length());
        int end = close < 0 ? pemBody(s, Math.min(s.length, lineEnd + 5)) : close + footer.length();
        out.add(new Finding(EntityType.SECRET, at, end, 0.99, "secret"));
        return end;
    }

    /** End of the base64 lines that follow a PEM header with no footer (a key pasted in part), from {@code p}. */
    private static int pemBody(char[] s, int p) {
        int end = p;
        int line = p;
        while (line < s.length && s[line] == '\n') {
            int q = line + 1;
            while (q < s.length && base64Char(s[q])) {
                q++;
            }
            if (q - line - 1 < 16 || q < s.length && s[q] != '\n' && s[q] != '\r') {
                break; // "...", a line of prose
            }
            end = q;
            line = q;
        }
        return end;
    }

    /**
     * The body of a private key in DER, base64 ("MIIEpAIBAAKCAQEA…"): a sequence whose first element is the version
     * 0 ("AIBA" at its sixth char), which certificates ("MIIDdzCCAl…") do not have; at least 40 chars. Its end, or -1.
     */
    private static int derPrivateKey(char[] s, int at, List<Finding> out) {
        if (!Chars.startsWith(s, "MII", at)
                || !Chars.startsWith(s, "AIBA", at + 5) && !Chars.startsWith(s, PKCS8_RSA, at + 6)) {
            return -1;
        }
        int end = at;
        while (end < s.length && base64Char(s[end])) {
            end++;
        }
        if (end - at < 40) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, at, end, 0.95, "secret"));
        return end;
    }

    /** A PKCS#8 private key's version and RSA algorithm, base64, after "MII" and two chars ("MIIEvQIBADAN…"). */
    private static final String PKCS8_RSA = "IBADANBgkqhkiG9w0BAQEFAAS";

    /** A char of standard base64: a letter or digit, {@code +}, {@code /} or the padding {@code =}. */
    private static boolean base64Char(char c) {
        return Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=';
    }

    private static final String SLACK_HOOK = "hooks.slack.com/services/";

    /**
     * A Slack webhook ({@code https://hooks.slack.com/services/T…/B…/secret}), the whole URL: the URL is the credential,
     * whoever holds it can post; its end, or -1.
     */
    private static int slackHook(char[] s, int at, List<Finding> out) {
        int p = at + SLACK_HOOK.length();
        for (int part = 0; part < 2; part++) {
            int end = tokenEnd(s, p);
            if (end == p || end >= s.length || s[end] != '/') {
                return -1;
            }
            p = end + 1;
        }
        int end = tokenEnd(s, p);
        if (end - p < 16 || !mixedAlnum(s, p, end)) {
            return -1;
        }
        int start =
                Chars.startsWith(s, "https://", at - 8) ? at - 8 : Chars.startsWith(s, "http://", at - 7) ? at - 7 : at;
        out.add(new Finding(EntityType.SECRET, start, end, 0.95, "secret"));
        return end;
    }

    /**
     * A secret after a label in prose, on the same line within a few words: after a password label, the first word
     * of two char classes or more; after a token label, the first random-looking one; after a key word, the first
     * run of 32 or more hex or base64 chars.
     */
    private static void labelled(char[] s, char[] lower, TableColumns tables, int at, String label, List<Finding> out) {
        if (!Chars.notWordAt(s, at - 1)) {
            return; // inside a word: "DB_PASSWORD" is read as an assignment
        }
        if (label.equals(HTPASSWD)) {
            htpasswd(s, lower, at + label.length(), out);
            return;
        }
        int kind = kindOf(label);
        if (kind == PIN_LABEL) {
            if (label.equals(TO_THE_SAFE) && Chars.isLetter(at + 5 < s.length ? s[at + 5] : ' ')) {
                return; // "Сейфуллин": a name, not the safe
            }
            pin(s, lower, at + label.length(), out);
            return;
        }
        if (kind == CODE_WORD_LABEL) {
            codeWord(s, at + label.length(), out);
            return;
        }
        int p = at + label.length();
        if (label.equals("пасс") && p < s.length && Chars.isWord(s[p])) {
            return; // "пассажир", "пассивы"
        }
        if ((label.charAt(0) == 'w' || label.charAt(0) == 'в') && passwordLabelLater(lower, p)) {
            return; // "Wi-Fi: Office_5G, пароль …": the password label finds the password, not the network's name
        }
        int tail = p;
        while (tail < s.length && tail - p < 6 && Chars.isLetter(s[tail])) {
            tail++; // "пароля", "tokens", "кілті"
        }
        if (tail < s.length && (Chars.isLetter(s[tail]) || Chars.isDigit(s[tail]) || s[tail] == '_')) {
            return; // a longer word ("keyboard") or a name ("TOKEN_TTL", read as an assignment)
        }
        if (kind == PASSWORD_LABEL && Chars.startsWith(lower, " for ", tail) && sshdLog(lower, tail)) {
            return; // sshd: "Accepted password for admin2 from 10.1.0.7": a user's name
        }
        if (kind != KEY_LABEL && tables.inTable(at) && column(s, lower, tables, at, kind, out)) {
            return; // "| Сервис | Логин | Пароль |", "сотрудник;api_key;сервер"
        }
        int next = answerOnNextLine(s, tail);
        if (next < 0 && kind == PASSWORD_LABEL) {
            next = answerToQuestion(s, tail); // "admin паролін білесің бе?" / "Макс: иә, S@ule_site_88"
            if (next > 0 && (passwordLabelLater(lower, next) || !answeredPassword(s, next))) {
                next = -1; // the answer names its password itself ("gosti_5G, пароль Kofe2026kofe"), or is no password
            }
        }
        if (next > 0) {
            p = next; // "Вайфай паролі?\n— Kx72mnbq91"
        }
        int near = p + 40;
        int limit = Math.min(s.length, p + (kind == TOKEN_LABEL ? 40 : kind == KEY_LABEL ? 60 : 70));
        while (p < limit && s[p] != '\n') {
            if (s[p] == ',' && nextMember(s, p + 1)) {
                break; // the next member of a JSON object: its value is its own key's ("commit": "e4b1c09d")
            }
            if (!isSecretChar(s[p]) || s[p] == ':' || s[p] == '=' || s[p] == '(' || s[p] == ')') {
                p++;
                continue;
            }
            int app = kind == PASSWORD_LABEL && Chars.notWordAt(s, p - 1) ? appPassword(s, p) : -1;
            if (app > 0 && vowellessGroup(s, p, app)) {
                out.add(new Finding(EntityType.SECRET, p, app, 0.85, "secret")); // "app password: zxpl qrmt vbnw ahsd"
                return;
            }
            int end = p;
            while (end < s.length && end - p < MAX_VALUE && isSecretChar(s[end])) {
                end++;
            }
            int to = end;
            while (to > p && ".,;:)!?".indexOf(s[to - 1]) >= 0 && !(to - p > 1 && symbolTail(s, p, to))) {
                to--;
            }
            if (p > 0 && Chars.isWord(s[p - 1]) && !Chars.isAsciiAlnum(s[p - 1])) {
                p = end; // the tail of a Cyrillic word
                continue;
            }
            if (assignment(s, lower, p, to) || kind != PASSWORD_LABEL && publicHashBefore(lower, p)) {
                p = end; // "AWS_SECRET_ACCESS_KEY=xxxx" is judged as an assignment; "коммит a3f91c…" is public
                continue;
            }
            boolean secret = switch (kind) {
                case PASSWORD_LABEL ->
                    to - p >= 6
                            && (p < near || strongPassword(s, p, to)) // further on, only an unmistakable one
                            && !placeholder(s, lower, p, to)
                            && (passwordWord(s, p, to)
                                    || digitsRightAfterColon(s, at + label.length(), p, to)
                                    || rightAfterColon(s, at + label.length(), p) && plainPassword(s, lower, p, to)
                                    || wifiDigits(s, lower, p, to))
                            && !Chars.startsWith(s, "802.11", p) // "Wi-Fi 802.11ac" names a standard
                            && !networkName(lower, p)
                            && !EmailRecognizer.isAddress(
                                    s, p, to); // "неверный пароль для логина d.pak@inbox.kz": the login
                case TOKEN_LABEL ->
                    !placeholder(s, lower, p, to) && (randomLike(s, p, to) || base32(s, p, to)) && !email(s, p, to);
                default -> keyMaterial(s, p, to);
            };
            if (secret) {
                int second = kind == PASSWORD_LABEL ? afterLogin(s, to) : -1;
                if (second > 0) {
                    p = to + 3; // "e.ospan / Vpn_Erasyl#77": a login, then its password
                    to = second;
                }
                out.add(new Finding(EntityType.SECRET, p, to, 0.85, "secret"));
                if (kind == PASSWORD_LABEL) {
                    // "пароль на ключ 123456Qq, а на сайт Galina_1962": the line's other passwords
                    chatPasswords(s, lower, to, Chars.lineEnd(s, to, to + CHANGED_TO_REACH), out);
                    changedTo(s, lower, to, out); // "Botik_2001 емес пе?\nжоқ мен ауыстырдым Bota!2024kz"
                }
                return;
            }
            p = end;
        }
        if (kind == PASSWORD_LABEL) {
            followingLines(s, lower, p, out); // "скинь пароль от бухгалтерии\nсейчас\nBuh_2024-Q3"
        }
    }

    /** Whether a JSON object's next member ({@code "name":}) begins after the comma before {@code p}. */
    private static boolean nextMember(char[] s, int p) {
        while (p < s.length && s[p] == ' ') {
            p++;
        }
        if (p >= s.length || s[p] != '"') {
            return false;
        }
        int close = Chars.indexOf(s, '"', p + 1, Math.min(s.length, p + 66));
        return close > 0 && close + 1 < s.length && s[close + 1] == ':';
    }

    /** Whether {@code s[from, to)} is a name with a secret's word and its assigned value ("DB_PASSWORD=…"). */
    private static boolean assignment(char[] s, char[] lower, int from, int to) {
        for (int i = from + 2; i < to - 1; i++) {
            if (s[i] == '=' || s[i] == ':') {
                return nameKind(s, lower, from, i) != 0;
            }
            if (!nameChar(s[i])) {
                return false;
            }
        }
        return false;
    }

    /** Words before a hex string that say it is a commit's or a file's public hash, not a key. */
    private static final CueSet PUBLIC_HASHES =
            new CueSet("коммит", "commit", "sha", "хэш", "хеш", "hash", "ревизи", "revision", "checksum", "md5");

    /** Whether such a word ends right before {@code p} (a space, a colon or a quote between). */
    private static boolean publicHashBefore(char[] lower, int p) {
        int q = p;
        while (q > 0 && p - q < 4 && " :\"=".indexOf(lower[q - 1]) >= 0) {
            q--;
        }
        return q < p && PUBLIC_HASHES.anyIn(lower, Math.max(0, q - 8), q);
    }

    /**
     * The value of a PHP constant defined with a secret's name at {@code at} ({@code define}): its end, or -1.
     * {@code define('DB_PASSWORD', 'Wp_Qaz!Db_2026')}, {@code define("AUTH_KEY", "…")}.
     */
    private static int defined(char[] s, char[] lower, int at, List<Finding> out) {
        int p = at + DEFINE.length();
        p = spaces(s, p);
        if (p >= s.length || s[p] != '\'' && s[p] != '"') {
            return -1;
        }
        int nameStart = p + 1;
        int nameEnd = nameStart;
        while (nameEnd < s.length && nameEnd - nameStart < 64 && nameChar(s[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd >= s.length || s[nameEnd] != s[p] || nameKind(s, lower, nameStart, nameEnd) == 0) {
            return -1;
        }
        p = nameEnd + 1;
        p = spaces(s, p);
        if (p >= s.length || s[p] != ',') {
            return -1;
        }
        p++;
        p = spaces(s, p);
        if (p >= s.length || s[p] != '\'' && s[p] != '"') {
            return -1;
        }
        int from = p + 1;
        int to = Chars.indexOf(s, s[p], from, Math.min(s.length, from + MAX_VALUE));
        if (to <= from
                || Chars.indexOf(s, '\n', from, to) >= 0
                || placeholder(s, lower, from, to)
                || !(passwordLike(s, from, to) || randomLike(s, from, to))) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, from, to, 0.9, "secret"));
        return to;
    }

    /** The first position from {@code p} that is not a space. */
    private static int spaces(char[] s, int p) {
        while (p < s.length && s[p] == ' ') {
            p++;
        }
        return p;
    }

    private static final String DEFINE = "define(";

    /**
     * The cells under a password or token column's header cell at {@code at} that look like one; whether there were
     * any.
     */
    private static boolean column(char[] s, char[] lower, TableColumns tables, int at, int kind, List<Finding> out) {
        if (!tables.firstRow(at)) {
            return false; // "| Password | Minimum 12 chars |" is a row that describes a field, not the header of one
        }
        int before = out.size();
        tables.below(at, (from, to) -> {
            boolean secret = to - from >= 6
                    && !placeholder(s, lower, from, to)
                    && (kind == PASSWORD_LABEL ? passwordLike(s, from, to) : randomLike(s, from, to));
            if (secret) {
                out.add(new Finding(EntityType.SECRET, from, to, 0.85, "secret"));
            }
        });
        return out.size() > before;
    }

    /** A password of eight chars or more of three char classes: a password label further back than usual will do. */
    private static boolean strongPassword(char[] s, int from, int to) {
        return to - from >= 8 && classes(s, from, to) >= 3 && passwordWord(s, from, to);
    }

    /**
     * How far a password label's line may go on after it for the next lines to answer it; a megabyte of "password: "
     * in one line read to its end at every label took seconds.
     */
    private static final int LABEL_LINE_REACH = 300;

    /** How many lines after a password label's line may answer it or list passwords. */
    private static final int FOLLOWING_LINES = 4;

    /**
     * Passwords on the short lines after a password label's line that found none on its own: a line that is the
     * password ("инстаграмның паролін ұмыттым\nnurbol_shop_88"), or a list item's value ("админ: Mektep_Admin#12",
     * "филиал Абая 12 — Filial_Abaya12"). Such a value must mix lower-case letters and digits, as passwords people
     * make up do and ticket numbers ("INC-20394") do not. A blank or long line, or another password label, ends it.
     */
    private static void followingLines(char[] s, char[] lower, int from, List<Finding> out) {
        int line = Chars.lineEnd(s, from, from + LABEL_LINE_REACH);
        if (line < s.length && s[line] != '\n') {
            return; // the label stands in a long line, not a chat's question: and each label would read to its end
        }
        for (int n = 0; n < FOLLOWING_LINES && line < s.length; n++) {
            line++; // past the '\n'
            int end = line;
            while (end < s.length && s[end] != '\n') {
                end++;
            }
            if (end - line > 80 || blankLine(s, line, end) || passwordLabelLater(lower, line)) {
                return;
            }
            lineValue(s, lower, line, end, out);
            slashLogin(s, lower, line, end, out);
            chatPasswords(s, lower, line, end, out);
            lastWordPassword(s, lower, line, end, out);
            line = end;
        }
    }

    /**
     * The passwords among the words of {@code s[from, to)}, a line of a chat about passwords ("тогда Konfa_2floor!!
     * с двумя", "жоқ, ол ескісі, жаңасы M0ng0_kz!78"): words that {@link #chatPassword} takes, not reported yet.
     */
    private static void chatPasswords(char[] s, char[] lower, int from, int to, List<Finding> out) {
        int p = from;
        while (p < to) {
            if (!isSecretChar(s[p]) || p > 0 && (isSecretChar(s[p - 1]) || Chars.isWord(s[p - 1]))) {
                p++;
                continue;
            }
            int end = p;
            while (end < to && isSecretChar(s[end])) {
                end++;
            }
            int word = end;
            while (word > p && ".,;:)!?".indexOf(s[word - 1]) >= 0 && !(word - p > 1 && symbolTail(s, p, word))) {
                word--;
            }
            if (chatPassword(s, lower, p, word) && !reported(out, p) && !networkName(lower, p)) {
                out.add(new Finding(EntityType.SECRET, p, word, 0.8, "secret"));
            }
            p = end;
        }
    }

    /**
     * A password people make up, as a chat about passwords pastes it: eight chars or more mixing lower- and upper-case
     * letters and digits; no path, host, address or assignment, no hex, and not a capitalised word and a version
     * ("Windows10", "iPhone15").
     */
    private static boolean chatPassword(char[] s, char[] lower, int from, int to) {
        if (to - from < 8) {
            return false;
        }
        int bits = classBits(s, from, to);
        if ((bits & (LOWER | UPPER | DIGIT)) != (LOWER | UPPER | DIGIT) || placeholder(s, lower, from, to)) {
            return false;
        }
        int digits = 0;
        int firstDigit = -1;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if ("/@:=\\".indexOf(c) >= 0 || c == '.' && i + 1 < to && Chars.isAsciiLetter(s[i + 1])) {
                return false;
            }
            if (Chars.isDigit(c)) {
                digits++;
                firstDigit = firstDigit < 0 ? i : firstDigit;
            }
        }
        // a word and a version: its letters all before its digits, which are two at most
        return (bits & SYMBOL) != 0 || digits > 2 || to - firstDigit != digits;
    }

    /** Whether a finding already starts at {@code at} (the last few findings are looked at). */
    private static boolean reported(List<Finding> out, int at) {
        for (int i = out.size() - 1; i >= 0 && i >= out.size() - 8; i--) {
            if (out.get(i).start() == at) {
                return true;
            }
        }
        return false;
    }

    /**
     * The password after a login and " / " on a line of a chat about passwords ("кассир1 / kassa2026", "админ /
     * buh_1C_2023"): a login of letters and digits in any script, then a made-up password.
     */
    private static void slashLogin(char[] s, char[] lower, int from, int to, List<Finding> out) {
        int slash = Chars.indexOf(s, " / ", from, to);
        if (slash <= from || slash - from > 30) {
            return;
        }
        for (int i = slash - 1; i >= from && s[i] != ' '; i--) {
            if (!(Chars.isLetter(s[i]) || Chars.isDigit(s[i]) || "._-".indexOf(s[i]) >= 0)) {
                return; // not a login
            }
        }
        if (!reported(out, slash + 3)) {
            madeUpPassword(s, lower, slash + 3, to, out);
        }
    }

    /**
     * The last word of a short line of a chat about passwords when it is a made-up one ("guests get welcome2astana",
     * "…, ал қонақтарға guest12345kz"): lower-case letters and digits mixed, eight chars or more, on a line of five
     * words at most.
     */
    private static void lastWordPassword(char[] s, char[] lower, int from, int to, List<Finding> out) {
        int end = to;
        while (end > from && (s[end - 1] == ' ' || s[end - 1] == '\r')) {
            end--;
        }
        int start = end;
        while (start > from && s[start - 1] != ' ') {
            start--;
        }
        if (end - start < 8 || reported(out, start)) {
            return;
        }
        int words = 1;
        for (int i = from; i < start; i++) {
            if (s[i] == ' ' && i > from && s[i - 1] != ' ') {
                words++;
            }
        }
        if (words <= 5 || passWordBefore(lower, from, start)) {
            madeUpPassword(s, lower, start, end, out);
        }
    }

    /** How far a PIN's or code word's line, and its answer's, are read: a question and an answer, not a paragraph. */
    private static final int ANSWER_REACH = 120;

    /** The endings a PIN word may have before its value: "пин-код", "пин кодын", "PIN code", "пинкод". */
    private static final CueSet PIN_TAILS = new CueSet("-код", " код", "код", "-code", " code");

    /**
     * A PIN or a safe's code after its word at {@code p}: four to six digits standing alone, the first number within
     * a few words on the line ("пин 4471", "сейфтің коды 4471 емес пе?"), and the answer on the next line ("карта
     * пин кодын айтшы" / "2580", "Клиент: 7719, ой", "жоқ, 8830."). Not a count ("PIN из 4 цифр"), a card's or a
     * phone's group, or a date.
     */
    private static void pin(char[] s, char[] lower, int p, List<Finding> out) {
        if (p < lower.length) {
            p += PIN_TAILS.lengthAt(lower, p, lower.length);
        }
        int letters = 0;
        while (p < s.length && Chars.isLetter(s[p]) && letters <= 4) {
            p++; // "пин-кода", "кодын", "коды"
            letters++;
        }
        if (letters > 4 || p < s.length && (Chars.isDigit(s[p]) || s[p] == '_')) {
            return; // "pinned", "ПИНФЛ12…"
        }
        int end = Chars.lineEnd(s, p, p + ANSWER_REACH);
        int q = p;
        while (q < end && q - p < 40 && !Chars.isDigit(s[q])) {
            q++;
        }
        if (q < end && q - p < 40) {
            pinDigits(s, lower, q, out);
        }
        if (end < s.length && s[end] == '\n') {
            int answer = answerStart(s, end + 1);
            if (answer > 0) {
                pinDigits(s, lower, answer, out);
            }
        }
    }

    /** Reports the four to six digits at {@code q} as a PIN when they stand alone and count nothing. */
    private static void pinDigits(char[] s, char[] lower, int q, List<Finding> out) {
        int run = Chars.digitRun(s, q);
        int end = q + run;
        int door = run >= 1 && run <= 4 ? doorCodeEnd(s, lower, end) : -1;
        int spelled = run == 1 ? singleDigitsEnd(s, q) : -1;
        if ((door > 0 || spelled > 0) && Chars.notWordAt(s, q - 1) && !reported(out, q)) {
            out.add(new Finding(EntityType.SECRET, q, door > 0 ? door : spelled, 0.8, "secret"));
            return;
        }
        boolean lettered = false;
        if (run >= 1 && run <= 3 && end + 3 < s.length && Chars.isUpperCase(s[end])) {
            int tail = Chars.digitRun(s, end + 1); // a door's code with a letter on its key: "47К1290"
            if (tail >= 3 && run + tail <= 7) {
                run += tail;
                end += 1 + tail;
                lettered = true;
            }
        }
        if (run < 4
                || run > (lettered ? 7 : 6)
                || q > 0
                        && (Chars.isWord(s[q - 1])
                                || ".,:/-".indexOf(s[q - 1]) >= 0 && q > 1 && Chars.isDigit(s[q - 2]))) {
            return;
        }
        if (!lettered && end + 1 <= s.length && keypadSuffix(s, end)) {
            end++; // a door's code ending with its key: "2580В", "3390К", "4417*"
        }
        if (end < s.length
                && (Chars.isWord(s[end])
                        || "./-:".indexOf(s[end]) >= 0 && end + 1 < s.length && Chars.isDigit(s[end + 1]))) {
            return; // a date, a decimal, a range
        }
        if (end + 1 < s.length && s[end] == ' ' && Chars.isDigit(s[end + 1])) {
            return; // a card's or a phone's group
        }
        int unit = end;
        while (unit < s.length && unit - end < 2 && s[unit] == ' ') {
            unit++;
        }
        if (countUnitAt(lower, unit)) {
            return;
        }
        if (!placeholder(s, lower, q, end) && !reported(out, q)) {
            out.add(new Finding(EntityType.SECRET, q, end, 0.8, "secret"));
        }
    }

    /** Whether a keypad's key ends the code at {@code end}: one capital letter or a star or hash, then no word. */
    private static boolean keypadSuffix(char[] s, int end) {
        if (end >= s.length) {
            return false;
        }
        char c = s[end];
        boolean key = Chars.isUpperCase(c) && Chars.isLetter(c) || c == '*' || c == '#';
        return key && Chars.notWordAt(s, end + 1) && !(end + 1 < s.length && Chars.isDigit(s[end + 1]));
    }

    /** Words between a flat's number and its code on an intercom's keypad: "137 кілт 4402", "45 ключ 3008". */
    private static final String[] DOOR_KEYS = {" кілт ", " ключ ", " key ", "#", "*"};

    /**
     * End of an intercom's code after the flat's number ending at {@code end}: a key word or sign, then three to six
     * digits standing alone ("112#7040", "137 кілт 4402"); or -1.
     */
    private static int doorCodeEnd(char[] s, char[] lower, int end) {
        for (String key : DOOR_KEYS) {
            if (Chars.startsWith(lower, key, end)) {
                int from = end + key.length();
                int run = Chars.digitRun(s, from);
                int least = key.length() == 1 ? 2 : 3; // after a keypad's sign two digits do: "112*40"
                return run >= least && run <= 6 && Chars.notWordAt(s, from + run) ? from + run : -1;
            }
        }
        return -1;
    }

    /**
     * End of four to six single digits parted by single spaces from {@code q}, as a PIN is dictated ("1 9 7 3"), with
     * no digit or word going on after them; or -1.
     */
    private static int singleDigitsEnd(char[] s, int q) {
        int digits = 0;
        int p = q;
        while (p < s.length && Chars.isDigit(s[p]) && !Chars.digitAt(s, p + 1)) {
            digits++;
            if (p + 2 < s.length && s[p + 1] == ' ' && Chars.isDigit(s[p + 2])) {
                p += 2;
            } else {
                p++;
                break;
            }
        }
        return digits >= 4 && digits <= 6 && Chars.notWordAt(s, p) ? p : -1;
    }

    /**
     * Where the answer on the line at {@code line} starts: past a speaker's name and colon ("Клиент: ") and up to two
     * short words with a comma ("жоқ, ", "ну, "), when the line is short; else -1.
     */
    private static int answerStart(char[] s, int line) {
        int end = Chars.lineEnd(s, line, line + 81);
        if (end - line > 80) {
            return -1;
        }
        int p = line;
        int turn = Chars.pastTime(s, line, end); // "[09:12:55] Клиент: ромашка"
        int colon = Chars.indexOf(s, ':', turn, Math.min(end, turn + 20));
        if (colon > turn) {
            boolean speaker = true;
            for (int i = turn; i < colon; i++) {
                speaker &= Chars.isLetter(s[i]) || s[i] == ' ';
            }
            if (speaker) {
                p = colon + 1;
            }
        }
        while (p < end && " —–-".indexOf(s[p]) >= 0) {
            p++;
        }
        int comma = Chars.indexOf(s, ',', p, Math.min(end, p + 8));
        if (comma > p && !Chars.isDigit(s[p])) {
            boolean words = true;
            for (int i = p; i < comma; i++) {
                words &= Chars.isLetter(s[i]) || s[i] == ' ';
            }
            if (words) {
                p = comma + 1;
                while (p < end && s[p] == ' ') {
                    p++;
                }
            }
        }
        return p < end ? p : -1;
    }

    /**
     * A code word after its label at {@code p}: a word of letters (any script) and digits, after a colon or dash on
     * the line, or alone as the next line's answer ("И кодовое слово?" / "Клиент: ромашка1987.").
     */
    private static void codeWord(char[] s, int p, List<Finding> out) {
        int end = Chars.lineEnd(s, p, p + ANSWER_REACH);
        int q = p;
        while (q < end && q - p < 7 && Chars.isLetter(s[q])) {
            q++; // "слова", "сөзі", "сөзіңізді"
        }
        while (q < end && " ?.".indexOf(s[q]) >= 0) {
            q++;
        }
        if (Chars.startsWith(s, "is ", q)) {
            q += 3; // "your memorable word is Bluebird84"
        }
        q = pastPlease(s, q, end); // "кодовое слово, пожалуйста" and the answer on the next line
        q = pastAsking(s, q, end); // "Кодовое слово назовите.", "Кодтық сөзіңізді айтыңыз"
        int mark = q < end && (s[q] == ':' || s[q] == '—' || s[q] == '-') ? q : -1;
        if (mark < 0 && q == end && end < s.length && s[end] == '\n') {
            int answer = answerStart(s, end + 1);
            if (answer > 0) {
                letterDigitWord(s, answer, Chars.lineEnd(s, answer, answer + ANSWER_REACH), out);
            }
            return;
        }
        int mixed = mark < 0 && q < end ? mixedWordEnd(s, q, end) : -1;
        if (mixed > 0) {
            // right after the label, a word of letters and digits: "кодтық сөз Бүркіт77 сәйкес келеді"
            out.add(new Finding(EntityType.SECRET, q, mixed, 0.8, "secret"));
            return;
        }
        if (mark < 0) {
            // the label's colon further on: "Кодовое слово клиента … для обращений в колл-центр: абрикос1975."
            mark = Chars.indexOf(s, ':', q, Math.min(end, q + CODE_WORD_COLON_REACH));
        }
        if (mark >= 0) {
            int v = mark + 1;
            while (v < end && s[v] == ' ') {
                v++;
            }
            letterDigitWord(s, v, end, out);
        }
    }

    /** Imperatives that ask for the code word after its label: "назовите", "айтыңыз", "растаңыз" (confirm). */
    private static final String[] ASKING = {
        "назовите", "скажите", "продиктуйте", "айтыңызшы", "айтыңыз", "атаңыз", "растаңызшы", "растаңыз", "confirm"
    };

    /**
     * Past a word of {@link #ASKING} at {@code q} and the "?", "." or "!" after it, when they end the line at
     * {@code end}; or {@code q}.
     */
    private static int pastAsking(char[] s, int q, int end) {
        return pastClosingWord(s, q, end, ASKING, " ?.!", q);
    }

    /** Words of politeness that close an operator's question: "кодовое слово, пожалуйста". */
    private static final String[] PLEASE = {"пожалуйста", "please", "айтыңызшы"};

    /**
     * Past ", " and a word of {@link #PLEASE} at {@code q}, and the "?" or "." after it, when they end the line at
     * {@code end}; or {@code q}. The label's own spaces are behind {@code q} already.
     */
    private static int pastPlease(char[] s, int q, int end) {
        if (q + 2 >= end || s[q] != ',' || s[q + 1] != ' ') {
            return q;
        }
        return pastClosingWord(s, q + 2, end, PLEASE, " ?.", q);
    }

    /**
     * Past the first of {@code words} at {@code p} and the chars of {@code marks} after it, when they end the line at
     * {@code end}; else {@code otherwise}.
     */
    private static int pastClosingWord(char[] s, int p, int end, String[] words, String marks, int otherwise) {
        for (String word : words) {
            if (Chars.startsWith(s, word, p)) {
                int r = p + word.length();
                while (r < end && marks.indexOf(s[r]) >= 0) {
                    r++;
                }
                return r == end ? r : otherwise;
            }
        }
        return otherwise;
    }

    /** How far after a code word's label its colon may stand, the label's words between. */
    private static final int CODE_WORD_COLON_REACH = 80;

    /** End of a word of five chars or more at {@code p} holding both letters and digits, before {@code end}; or -1. */
    private static int mixedWordEnd(char[] s, int p, int end) {
        int q = letterDigitEnd(s, p, end);
        return q - p >= 5 && any(s, p, q, true) && any(s, p, q, false) && (q >= s.length || !Chars.isWord(s[q]))
                ? q
                : -1;
    }

    /** End of the run of letters and digits at {@code p}, before {@code end}. */
    private static int letterDigitEnd(char[] s, int p, int end) {
        int q = p;
        while (q < end
                && (Chars.isLetter(s[q])
                        || Chars.isDigit(s[q])
                        // joined by a hyphen or an underscore: "Балхаш-1990", "апельсин-апельсин"
                        || (s[q] == '-' || s[q] == '_') && q > p && q + 1 < end && Chars.isAlnum(s[q + 1]))) {
            q++;
        }
        return q;
    }

    /** Whether {@code s[from, to)} holds a letter ({@code letters}) or a digit. */
    private static boolean any(char[] s, int from, int to, boolean letters) {
        for (int i = from; i < to; i++) {
            if (letters ? Chars.isLetter(s[i]) : Chars.isDigit(s[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports the word at {@code p} when it is all its line or sentence holds: five chars or more of letters and digits, or a plain
     * word of letters (a bank's code word is often one: "— Кодовое слово?\n— Черёмуха.") that is no refusal to give it.
     */
    private static void letterDigitWord(char[] s, int p, int lineEnd, List<Finding> out) {
        int end = letterDigitEnd(s, p, lineEnd);
        boolean letter = any(s, p, end, true);
        boolean digit = any(s, p, end, false);
        int rest = end;
        while (rest < lineEnd && ".!, ".indexOf(s[rest]) >= 0) {
            rest++;
        }
        boolean sentenceEnds = end + 2 < lineEnd && s[end] == '.' && s[end + 1] == ' ' && Chars.isUpperCase(s[end + 2]);
        // a word of letters and digits may have a clause after it: "Кодтық сөзіңіз: Алтынай2019 — оны ешкімге айтпаңыз"
        boolean clauseAfter =
                digit && (Chars.startsWith(s, " - ", end) || Chars.startsWith(s, "; ", end)); // dashes read "-"
        if (end - p >= 5
                && letter
                && (digit || !Chars.isOneOfIgnoringCase(s, p, end, NO_CODE_WORD))
                && (rest == lineEnd
                        || sentenceEnds
                        || clauseAfter) // "Кодовое слово: Снегирь1987. Если это были не Вы, …"
                && !reported(out, p)) {
            out.add(new Finding(EntityType.SECRET, p, end, 0.8, "secret"));
        }
    }

    /** Whether the line from {@code p} names where a log-in came from ("… for root from 212.154.63.18"). */
    private static boolean sshdLog(char[] lower, int p) {
        int end = Chars.lineEnd(lower, p, p + 80);
        return Chars.indexOf(lower, " from ", p, end) > 0;
    }

    /** Whether "pass" or "pw" is the word before {@code start} ("SSID Office_5G, pass qwerty_ofis_2026"). */
    private static boolean passWordBefore(char[] lower, int from, int start) {
        int p = start - 1;
        while (p > from && lower[p] == ' ') {
            p--;
        }
        int w = p + 1;
        while (w > from && Chars.isLetter(lower[w - 1])) {
            w--;
        }
        return Chars.notWordAt(lower, w - 1) && Chars.isOneOf(lower, w, p + 1, PASS_WORDS);
    }

    private static final String[] PASS_WORDS = {"pass", "pw", "пасс"};

    /** Words that say a password was changed to the word after them. */
    private static final CueSet CHANGED_TO = new CueSet(
            "менял на ",
            "сменил на ",
            "сменила на ",
            "поменял на ",
            "поменяла на ",
            "новый ",
            "новый: ",
            "жаңасы ",
            "ауыстырдым ",
            "changed it to ",
            "changed to ",
            "new one is ");

    /**
     * How far after a found password {@link #changedTo} looks: its few short lines, not a long paragraph (which
     * would make the search grow with the text's square when a text holds many passwords).
     */
    private static final int CHANGED_TO_REACH = (FOLLOWING_LINES + 1) * 80;

    /**
     * A password given as the new one on one of the few lines after a password found: a word of three char classes
     * or more right after "менял на", "жаңасы", "ауыстырдым", "changed it to" and the like.
     */
    private static void changedTo(char[] s, char[] lower, int from, List<Finding> out) {
        int reach = Math.min(s.length, from + CHANGED_TO_REACH);
        int limit = from;
        for (int lines = 0; limit < reach && lines <= FOLLOWING_LINES; limit++) {
            if (s[limit] == '\n') {
                lines++;
            }
        }
        for (int p = from; p < limit; p++) {
            if (!Chars.notWordAt(lower, p - 1)) {
                continue;
            }
            int words = CHANGED_TO.lengthAt(lower, p, s.length);
            if (words == 0) {
                continue;
            }
            int v = p + words;
            int end = secretWordEnd(s, v, limit);
            if (end - v >= 6 && classes(s, v, end) >= 3 && passwordWord(s, v, end) && !placeholder(s, lower, v, end)) {
                out.add(new Finding(EntityType.SECRET, v, end, 0.8, "secret"));
            }
        }
    }

    /** The end of the word of secret chars from {@code from} (before {@code limit}), without the punctuation after it. */
    private static int secretWordEnd(char[] s, int from, int limit) {
        int end = from;
        while (end < limit && isSecretChar(s[end])) {
            end++;
        }
        while (end > from && ".,;:)?".indexOf(s[end - 1]) >= 0) {
            end--;
        }
        return end;
    }

    /**
     * The end of a password after a login and " / " at {@code to} ("admin / Adm_2024"), when the word there is one of
     * three char classes; or -1.
     */
    private static int afterLogin(char[] s, int to) {
        if (!Chars.startsWith(s, " / ", to)) {
            return -1;
        }
        int from = to + 3;
        int end = secretWordEnd(s, from, Math.min(s.length, from + MAX_VALUE));
        return end - from >= 6 && classes(s, from, end) >= 3 ? end : -1;
    }

    private static boolean blankLine(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The password a short line is, or the value of a list item on it ("mail: …", "филиал … — …"). */
    private static void lineValue(char[] s, char[] lower, int from, int to, List<Finding> out) {
        int p = from;
        while (p < to && " -—–>*•".indexOf(s[p]) >= 0) {
            p++;
        }
        if (madeUpPassword(s, lower, p, to, out)) {
            return;
        }
        int words = 0;
        for (int q = p; q < to && q - p < 40; q++) {
            char c = s[q];
            if (c == ':' || c == '—' || c == '–' || c == '-' && q > p && s[q - 1] == ' ') {
                int v = q + 1;
                while (v < to && s[v] == ' ') {
                    v++;
                }
                if (v > q + 1 || c == ':') {
                    madeUpPassword(s, lower, v, to, out);
                }
                return;
            }
            if (c == ' ' && ++words > 3 || !(Chars.isLetter(c) || Chars.isDigit(c) || c == ' ' || c == '/')) {
                return; // not a short list label
            }
        }
    }

    /** Whether a made-up password starts at {@code p} (and is reported): lower-case letters and digits mixed. */
    private static boolean madeUpPassword(char[] s, char[] lower, int p, int lineEnd, List<Finding> out) {
        int end = p;
        while (end < lineEnd && end - p < MAX_VALUE && isSecretChar(s[end])) {
            end++;
        }
        int to = end;
        while (to > p && ".,;:)".indexOf(s[to - 1]) >= 0) {
            to--;
        }
        if (to - p < 6 || end < lineEnd && s[end] != ' ' || p > 0 && Chars.isWord(s[p - 1])) {
            return false;
        }
        int bits = classBits(s, p, to);
        if ((bits & LOWER) == 0
                || (bits & DIGIT) == 0
                || to - p >= 12 && hex(s, p, to) // a commit or checksum
                || placeholder(s, lower, p, to)
                || email(s, p, to)) {
            return false;
        }
        for (int i = p; i < to; i++) {
            if ("/@[(=:".indexOf(s[i]) >= 0 || s[i] == '.' && i + 1 < to && Chars.isAsciiLetter(s[i + 1])) {
                return false; // a path, an address, a file or host name, a process ("sshd[2214]"), an assignment, an
                // image's tag or a port ("postgres:15")
            }
        }
        out.add(new Finding(EntityType.SECRET, p, to, 0.8, "secret"));
        return true;
    }

    /**
     * Where the next line's value starts when the label ends its line (with at most a colon or question mark) and the
     * next line starts with a dash or nothing: a question and its answer in a chat. Else -1.
     */
    private static int answerOnNextLine(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < 3 && (s[q] == ' ' || s[q] == ':' || s[q] == '?')) {
            q++;
        }
        if (q >= s.length || s[q] != '\n') {
            return -1;
        }
        q++;
        while (q < s.length && (s[q] == ' ' || s[q] == '—' || s[q] == '-' || s[q] == '–')) {
            q++;
        }
        return q < s.length ? q : -1;
    }

    /** How far a question about a password may go on after its word to its question mark. */
    private static final int QUESTION_AFTER = 40;

    /**
     * Where the answer starts on the next line when the password's word is asked about on its line ("сайттың admin
     * паролін білесің бе?"): only words and spaces to a question mark ending the line; past the next line's time,
     * speaker and a word of assent ("Макс: иә, …"); or -1.
     */
    private static int answerToQuestion(char[] s, int p) {
        int q = p;
        while (q < s.length && q - p < QUESTION_AFTER && (Chars.isLetter(s[q]) || s[q] == ' ')) {
            q++;
        }
        if (q >= s.length || s[q] != '?' || q == p) {
            return -1;
        }
        q++;
        while (q < s.length && s[q] == ' ') {
            q++;
        }
        return q < s.length && s[q] == '\n' ? answerStart(s, q + 1) : -1;
    }

    /**
     * Whether the answer's first word at {@code p} is a password as people make one up: six chars or more, letters
     * and digits with a sign among them ("S@ule_site_88", "kotik_2019"); "там Windows10 стоит" answers nothing.
     */
    private static boolean answeredPassword(char[] s, int p) {
        int end = secretWordEnd(s, p, Math.min(s.length, p + MAX_VALUE));
        return end - p >= 6 && (classBits(s, p, end) & SYMBOL) != 0 && passwordWord(s, p, end);
    }

    /** The words of a command line read for its arguments. */
    private static final int MAX_COMMAND_WORDS = 16;

    /**
     * The password of {@code htpasswd -b[c] file user password} or {@code htpasswd -nb user password}: the last
     * argument of the line when an option holds {@code b}, {@code from} being just after the command's name.
     */
    private static void htpasswd(char[] s, char[] lower, int from, List<Finding> out) {
        boolean batch = false;
        boolean noFile = false;
        int args = 0;
        int p = from;
        // a command line's few arguments: a line of thousands of options cost every "htpasswd" in it the whole line
        int words = 0;
        while (p < s.length && s[p] != '\n') {
            if (s[p] == ' ') {
                p++;
                continue;
            }
            if (++words > MAX_COMMAND_WORDS) {
                return;
            }
            int end = p;
            while (end < s.length && s[end] != ' ' && s[end] != '\n') {
                end++;
            }
            if (s[p] == '-' && args == 0) {
                for (int i = p + 1; i < end; i++) {
                    batch |= s[i] == 'b';
                    noFile |= s[i] == 'n';
                }
            } else if (++args == (noFile ? 2 : 3)) {
                int to = end;
                while (to > p && ".,;".indexOf(s[to - 1]) >= 0) {
                    to--;
                }
                if (batch && to - p >= 4 && !placeholder(s, lower, p, to)) {
                    out.add(new Finding(EntityType.SECRET, p, to, 0.9, "secret"));
                }
                return;
            }
            p = end;
        }
    }

    /**
     * The password of a {@code .pgpass} line ({@code host:port:database:user:password}), the colon after the host at
     * {@code at}; its end, or -1. The host starts its line and the port is digits or {@code *}.
     */
    private static int pgpass(char[] s, char[] lower, int at, List<Finding> out) {
        int port = Chars.digitRun(s, at + 1);
        int q = at + 1 + (port >= 2 && port <= 5 ? port : at + 1 < s.length && s[at + 1] == '*' ? 1 : s.length);
        if (q >= s.length || s[q] != ':') {
            return -1;
        }
        int host = at;
        while (host > 0 && (nameChar(s[host - 1]) || s[host - 1] == '*')) {
            host--;
        }
        if (host == at || host > 0 && s[host - 1] != '\n') {
            return -1;
        }
        for (int field = 0; field < 2; field++) { // database, user
            int f = q + 1;
            while (q + 1 < s.length && s[q + 1] != ':' && s[q + 1] > ' ') {
                q++;
            }
            if (q + 1 >= s.length || s[q + 1] != ':' || q + 1 == f) {
                return -1;
            }
            q++;
        }
        int from = q + 1;
        int to = from;
        while (to < s.length && s[to] > ' ' && s[to] != ':') {
            to++;
        }
        if (to < s.length && s[to] != '\n' && s[to] != '\r'
                || !passwordLike(s, from, to)
                || placeholder(s, lower, from, to)) {
            return -1;
        }
        out.add(new Finding(EntityType.SECRET, from, to, 0.9, "secret"));
        return to;
    }

    /** Whether the trailing punctuation of {@code s[from, to)} belongs to a password ("…$!", "…#?"). */
    private static boolean symbolTail(char[] s, int from, int to) {
        return classes(s, from, to - 1) >= 3 && "!?".indexOf(s[to - 1]) >= 0;
    }

    /** A word that can be a password: two char classes or more and not a plain word with a dash or dot. */
    private static boolean passwordWord(char[] s, int from, int to) {
        int bits = classBits(s, from, to);
        if ((bits & DIGIT) != 0 && (bits & (LOWER | UPPER)) != 0) {
            return true;
        }
        if ((bits & LOWER) != 0 && (bits & UPPER) != 0) {
            return randomLike(s, from, to);
        }
        return (bits & SYMBOL) != 0 && Integer.bitCount(bits) >= 2 && randomLike(s, from, to);
    }

    /**
     * A password of six digits or more that follows its label at once, after a colon, a dash or a space ("пароль:
     * 48213977", "пароль 240563"): a number later
     * in the sentence ("пароль из 8 символов") is not one.
     */
    private static boolean digitsRightAfterColon(char[] s, int labelEnd, int from, int to) {
        if (to - from < 6 || Chars.digitRun(s, from) != to - from) {
            return false;
        }
        int q = labelEnd;
        while (q < from && Chars.isLetter(s[q])) {
            q++; // "пароля", "паролі"
        }
        while (q < from && s[q] == ' ') {
            q++;
        }
        if (q == from && q > labelEnd && s[q - 1] == ' ') {
            return true; // "пароль 240563": the digits right after the label's word
        }
        if (q >= from || s[q] != ':' && s[q] != '—' && s[q] != '-') {
            return false;
        }
        q++;
        while (q < from && s[q] == ' ') {
            q++;
        }
        return q == from;
    }

    /** Whether {@code from} follows its label's word at once, after a colon ("пароль: qwerty"). */
    private static boolean rightAfterColon(char[] s, int labelEnd, int from) {
        int q = labelEnd;
        while (q < from && Chars.isLetter(s[q])) {
            q++;
        }
        while (q < from && s[q] == ' ') {
            q++;
        }
        if (q >= from || s[q] != ':') {
            return false;
        }
        q++;
        while (q < from && s[q] == ' ') {
            q++;
        }
        return q == from;
    }

    /** Words a password's place holds that say something about it rather than being it ("password: required"). */
    private static final WordSet NOT_PASSWORDS = new WordSet(Set.of(
            "required",
            "optional",
            "hidden",
            "string",
            "empty",
            "reset",
            "expired",
            "masked",
            "redacted",
            "removed",
            "unknown",
            "default",
            "secret",
            "password",
            "changed",
            "invalid",
            "incorrect",
            "sent",
            "same",
            "blank",
            "missing",
            "provided",
            "encrypted",
            "forgotten",
            "locked",
            "disabled",
            "enabled",
            "none",
            "null"));

    /**
     * A plain password of one char class, as people pick them ("qwerty", "postgres", "sunshine"): six to twenty
     * lower-case letters or digits that end their line or clause, right after a password label's colon or as a
     * password name's value, and no word that speaks about the password.
     */
    private static boolean plainPassword(char[] s, char[] lower, int from, int to) {
        if (to - from < 6 || to - from > 20 || NOT_PASSWORDS.contains(lower, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!(s[i] >= 'a' && s[i] <= 'z' || Chars.isDigit(s[i]))) {
                return false;
            }
        }
        int q = to;
        while (q < s.length && (s[q] == '.' || s[q] == ',' || s[q] == ';' || s[q] == ')' || s[q] == ' ')) {
            if (s[q] == ' ' && q + 1 < s.length && Chars.isLetter(s[q + 1]) && s[q - 1] == ' ') {
                break;
            }
            q++;
        }
        return q >= s.length || s[q] == '\n' || s[q] == '\r' || s[q - 1] == ',' || s[q - 1] == ';' || s[q - 1] == '.';
    }

    /**
     * Eight to ten digits after a password label, further on in its sentence ("пароль от вайфая 87654321"): the
     * length of a Wi-Fi key of digits, longer than a count ("пароль из 8 символов") and shorter than a phone.
     */
    private static boolean wifiDigits(char[] s, char[] lower, int from, int to) {
        int run = to - from;
        if (run < 8 || run > 10 || Chars.digitRun(s, from) != run || !Chars.notWordAt(s, from - 1)) {
            return false;
        }
        int q = to;
        while (q < s.length && q - to < 2 && s[q] == ' ') {
            q++;
        }
        return !countUnitAt(lower, q) // "не короче 12345678 символов" counts
                && !NUMBER_NAMES.anyWordIn(lower, twoWordsBefore(lower, from), from); // "номер заказа 5512338912"
    }

    /** Words that name a number as something other than a password: the order's number after "пароль сбросил, …". */
    private static final CueSet NUMBER_NAMES = new CueSet(Lexicons.concat(
            Lexicons.OTHER_NUMBER_WORDS, new String[] {"номер", "нөмір", "number", "заказ", "тапсырыс", "№"}));

    /** Start of the two words before {@code p} (fewer at the text's start), with the spaces and signs between. */
    private static int twoWordsBefore(char[] lower, int p) {
        int q = p;
        for (int words = 0; words < 2; words++) {
            while (q > 0 && !Chars.isWord(lower[q - 1])) {
                q--;
            }
            while (q > 0 && Chars.isWord(lower[q - 1])) {
                q--;
            }
        }
        return q;
    }

    /** Words after a number that make it a count, not a password. */
    private static final CueSet COUNT_UNITS =
            new CueSet("символ", "знак", "цифр", "букв", "charact", "chars", "digit", "таңба");

    /** Whether a unit of counted chars starts at {@code p}: "12345678 символов" counts, it is no secret. */
    private static boolean countUnitAt(char[] lower, int p) {
        return p < lower.length && COUNT_UNITS.lengthAt(lower, p, lower.length) > 0;
    }

    /** How far after a Wi-Fi label its password's word is looked for: reading to the line's end was quadratic. */
    private static final int LABEL_LATER = 120;

    /** Whether a password word follows on the line after a Wi-Fi label, shortly. */
    private static boolean passwordLabelLater(char[] lower, int p) {
        for (int q = p, end = Math.min(lower.length, p + LABEL_LATER); q < end && lower[q] != '\n'; q++) {
            char c = lower[q];
            if ((c == 'п' || c == 'p' || c == 'қ')
                    && (Chars.startsWith(lower, "парол", q)
                            || Chars.startsWith(lower, "password", q)
                            || Chars.startsWith(lower, "құпия", q))) {
                return true;
            }
        }
        return false;
    }

    /** Words that name a Wi-Fi network's name, not its password: "сеть «Office_5G»", "желі Guest_2". */
    private static final String[] NETWORK_WORDS = {"сеть", "сети", "желі", "желісі", "network", "ssid"};

    /** Whether the value at {@code p} follows a network word, with only spaces, quotes or a colon between. */
    private static boolean networkName(char[] lower, int p) {
        int q = p - 1;
        while (q >= 0 && p - q <= 4 && " «\"':".indexOf(lower[q]) >= 0) {
            q--;
        }
        for (String word : NETWORK_WORDS) {
            int from = q + 1 - word.length();
            if (from >= 0 && Chars.startsWith(lower, word, from) && Chars.notWordAt(lower, from - 1)) {
                return true;
            }
        }
        return false;
    }

    /** 32 or more hex chars, or 32 or more base64 chars mixing letters and digits. */
    private static boolean keyMaterial(char[] s, int from, int to) {
        if (to - from < 32) {
            return false;
        }
        int digits = 0;
        int letters = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (Chars.isDigit(c)) {
                digits++;
            } else if (Chars.isAsciiLetter(c)) {
                letters++;
            } else if (c != '+' && c != '/' && c != '=' && c != '-' && c != '_') {
                return false;
            }
        }
        return digits > 0 && letters > 0;
    }

    private static final int PASSWORD_LABEL = 1;
    private static final int TOKEN_LABEL = 2;
    private static final int KEY_LABEL = 3;
    private static final int PIN_LABEL = 4;
    private static final int CODE_WORD_LABEL = 5;

    /** Each label's kind; a label in two lists has the kind of the first: password, token, PIN, code word. */
    private static final Map<String, Integer> LABEL_KINDS = new HashMap<>();

    static {
        String[][] lists = {PASSWORD_LABELS, TOKEN_LABELS, PIN_LABELS, CODE_WORD_LABELS};
        int[] kinds = {PASSWORD_LABEL, TOKEN_LABEL, PIN_LABEL, CODE_WORD_LABEL};
        for (int k = 0; k < lists.length; k++) {
            for (String label : lists[k]) {
                LABEL_KINDS.putIfAbsent(label, kinds[k]);
            }
        }
    }

    private static int kindOf(String label) {
        return LABEL_KINDS.getOrDefault(label, KEY_LABEL);
    }

    /** An e-mail address ("user contacted at a.b@mail.kz" after "token"), never a token. */
    private static boolean email(char[] s, int from, int to) {
        int at = Chars.indexOf(s, '@', from, to); // in the value only: to the text's end, every token read the rest
        return at > from && at < to - 3 && Chars.indexOf(s, '.', at, to) > at;
    }

    private static boolean isSecretChar(char c) {
        return c > ' ' && c < 0x7F && c != '"' && c != '\'' && c != ',' && c != '<' && c != '>' && c != '«';
    }

    private static int tokenEnd(char[] s, int from) {
        int p = from;
        while (p < s.length && (Chars.isAsciiAlnum(s[p]) || s[p] == '-' || s[p] == '_')) {
            p++;
        }
        return p;
    }

    private static boolean upperAlnum(char[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (!Chars.isDigit(c) && !Chars.isAsciiUpper(c)) {
                return false;
            }
        }
        return to - from == 20;
    }

    /** End of a JWT at {@code at}: three base64url parts and a header that is JSON naming an algorithm. */
    private static int jwtEnd(char[] s, int at) {
        int p = at;
        int[] dots = new int[2];
        int parts = 0;
        while (p < s.length) {
            char c = s[p];
            if (Chars.isAsciiAlnum(c) || c == '-' || c == '_') {
                p++;
            } else if (c == '.' && parts < 2) {
                dots[parts++] = p;
                p++;
            } else {
                break;
            }
        }
        if (parts != 2 || dots[0] - at < 10 || dots[1] - dots[0] < 2 || p - dots[1] < 2) {
            return -1;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(Chars.string(s, at, dots[0]));
            JsonNode node = JSON.readTree(header);
            return node != null && node.isObject() && node.has("alg") ? p : -1;
        } catch (IllegalArgumentException | IOException e) {
            return -1;
        }
    }
}
