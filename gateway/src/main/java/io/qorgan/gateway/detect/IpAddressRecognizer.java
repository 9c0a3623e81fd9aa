package io.qorgan.gateway.detect;

import java.util.Arrays;
import java.util.List;

/**
 * IPv4 and IPv6 addresses, with an optional zone ({@code %eth0}) and CIDR suffix. An address must stand as a word
 * of its own; a suffix out of range is left out and the bare address kept. IPv6 is parsed group by group (at most
 * one {@code ::}, eight groups without it, an embedded IPv4 tail allowed), which rejects times, ratios, MAC
 * addresses and C++ scopes.
 */
final class IpAddressRecognizer implements Recognizer {

    /** Words that name a release of software or firmware: a dotted quad near one is its version. */
    private static final String[] RELEASE_WORDS = {
        "верси", "version", "сборк", "build", "release", "релиз", "нұсқа", "firmware", "прошивк", "kernel"
    };

    /** A dotted quad up to 20 chars after these words is a version number. */
    private static final String[] VERSION_CUES = Lexicons.concat(RELEASE_WORDS, new String[] {"ред.", "редакци"});

    private static final CueSet VERSION_CUES_SET = new CueSet(VERSION_CUES);

    /** A dotted quad right after these words is a section, form or version number: a version's cues and more. */
    private static final String[] SECTION_CUES = Lexicons.concat(VERSION_CUES, new String[] {
        "пункт",
        "п.",
        "пп.",
        "подпункт",
        "раздел",
        "section",
        "clause",
        "step",
        "шаг",
        "глав",
        "chapter",
        "статья",
        "стать",
        "таблиц",
        "table",
        "форм",
        "form ",
        "приложени",
        "scenario",
        "сценари",
        "тармақ",
        "бөлім",
        "бап",
        "код",
        "kod",
        "стандарт",
        "standard",
        "see ",
        "см.",
        "paragraph",
        "параграф",
        " ст.", // an article: "ст. 12.3.4.1 Правил"; with its space, so that only a word that is "ст" matches
        " art.",
        "регламент"
    });

    /** Words of a table's header over a column of article, section and clause numbers. */
    private static final String[] SECTION_HEADER_WORDS = {
        "пункт", "стать", "бап", "тармақ", "раздел", "бөлім", "section", "clause", "article"
    };

    private static final CueSet SECTION_CUES_SET = new CueSet(SECTION_CUES);

    /** Words after a dotted quad that make it a section or version: "5.3.1.2-тармағы", "1.4.0.3 нұсқасы". */
    private static final String[] SECTION_AFTER = {"-тармақ", "-тармағ", "-бөлім", "-бап", " тармақ", " нұсқа", "-нұсқа"
    };

    /** Words that speak of a host: near a dotted quad they make it an address. */
    private static final String[] HOST_WORDS = {
        "ip",
        "адрес",
        "address",
        "хост",
        "host",
        "server",
        "сервер",
        "шлюз",
        "gateway",
        "dns",
        "vpn",
        "ssh",
        "ping",
        "http",
        "прокси",
        "proxy",
        "endpoint",
        "мекенжай",
        "connect",
        "подключ"
    };

    /** Words near a dotted quad that say it is an address after all. */
    private static final String[] ADDRESS_CUES = Lexicons.concat(HOST_WORDS, new String[] {
        "желі", "network", "сеть", "from", "login", "вход", "src", "dst", "peer", "allowed", "маршрут", "route"
    });

    private static final CueSet ADDRESS_CUES_SET = new CueSet(ADDRESS_CUES);

    /**
     * Words further back (up to 45 chars) that make a dotted quad a version: an update, a rollback, a patch, a
     * product's name ("обновили контроллеры до 10.6.3.1", "Откат на 10.3.9.7", "macOS 15.2.0.1", "Firmware на
     * коммутаторах — 15.2.7.3"), unless a word right around it speaks of a host.
     */
    private static final CueSet FAR_VERSION_CUES_SET = new CueSet(Lexicons.concat(RELEASE_WORDS, new String[] {
        "обнов",
        "откат",
        "update",
        "upgrade",
        "rollback",
        "patch",
        "патч",
        "driver",
        "драйвер",
        "macos",
        "ios ",
        "android",
        "windows",
        "жаңарт",
        "bump", // "bumped the client to 11.4.0.2"
        "client to"
    }));

    /** Words right around a dotted quad that say it is a host whatever came before. */
    private static final CueSet HOST_CUES_SET =
            new CueSet(Lexicons.concat(HOST_WORDS, new String[] {"://", "@", "remote", "қосыл"}));

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
        int version = -1; // start of the last dotted quad read as a version
        int versionEnd = -1;
        for (int k = candidates.first(WordStarts.CODE), last = candidates.end(WordStarts.CODE); k < last; k++) {
            int i = starts[k];
            char c = s[i];
            if (i < resume || c >= 0x80) {
                continue;
            }
            char prev = i > 0 ? s[i - 1] : ' ';
            if ((Chars.isHex(c) || c == ':') && !Chars.isWord(prev) && prev != ':' && prev != '.') {
                int end = ipv6(s, i);
                if (end > 0) {
                    end = withSuffix(s, withZone(s, end), 128);
                    out.add(new Finding(EntityType.IP_ADDRESS, i, end, 0.9, "ip"));
                    resume = end;
                    continue;
                }
            }
            boolean productVersion = prev == '/' && i >= 2 && Chars.isAlnum(s[i - 2]); // "Chrome/120.0.0.0"
            if (Chars.isDigit(c) && !Chars.isWord(prev) && prev != '.' && !productVersion) {
                int end = ipv4(s, i);
                if (end > 0 && Chars.notWordAt(s, end) && !leadingZero(s, i, end) && !longerDotted(s, i, end)) {
                    int quad = end;
                    end = withSuffix(s, end, 32);
                    boolean versionLike = versionLike(view, i, quad)
                            || version >= 0 && sameRelease(view, version, versionEnd, i, quad);
                    if (versionLike) {
                        version = i;
                        versionEnd = quad;
                    }
                    boolean noHost = end == quad
                            && (subnetMask(view, i, quad)
                                    || listensEverywhere(view, i, quad)
                                    || ruleNumber(view.lower(), i));
                    out.add(new Finding(EntityType.IP_ADDRESS, i, end, versionLike || noHost ? 0.3 : 0.9, "ip"));
                    resume = end;
                }
            }
        }
    }

    /**
     * Whether the dotted quad at {@code [start, end)} goes on with a fifth number and is made of numbers up to 30
     * ("1.2.3.4.5", "10.2.3.4.5", an OID "1.3.6.1.4.1.2011"): no address. A host's quad with one more part
     * ("192.168.1.1.1") stays an address, as Presidio's cases expect.
     */
    private static boolean longerDotted(char[] s, int start, int end) {
        return end + 1 < s.length && s[end] == '.' && Chars.isDigit(s[end + 1]) && smallNumbers(s, start, end, 31);
    }

    private static final CueSet MASK_WORDS = new CueSet(new String[] {"mask", "маск", "subnet", "подсет"});

    private static final CueSet LISTEN_WORDS = new CueSet(new String[] {"listen", "bind", "host", "слуша"});

    /**
     * A subnet mask after a word for one ("маска 255.255.255.0", "netmask 255.255.0.0"): ones from the left, then
     * zeros, starting with 255. No one's address; "Broadcast 255.255.255.255" with no such word stays one.
     */
    private static boolean subnetMask(TextView view, int start, int end) {
        char[] s = view.chars();
        if (!Chars.startsWith(s, "255.", start)) {
            return false;
        }
        long bits = 0;
        for (int p = start, part = 0; part < 4; part++) {
            int digits = Chars.digitRun(s, p);
            bits = bits << 8 | Chars.parseInt(s, p, p + digits);
            p += digits + 1;
        }
        long ones = ~bits & 0xFFFFFFFFL;
        return (ones & (ones + 1)) == 0 // the zeros are all at the right
                && view.anyCue(start - 25, start, MASK_WORDS);
    }

    /**
     * The any-address a server listens on, with a port or after a word of listening ("listen: 0.0.0.0:8080",
     * "--bind 0.0.0.0"): every interface of a machine, no one's address. "Default 0.0.0.0" and the route
     * "0.0.0.0/0" stay addresses, as Presidio's cases expect.
     */
    private static boolean listensEverywhere(TextView view, int start, int end) {
        char[] s = view.chars();
        if (end - start != 7 || !Arrays.equals(s, start, end, ANY_ADDRESS, 0, 7)) {
            return false;
        }
        boolean port = end + 1 < s.length && s[end] == ':' && Chars.isDigit(s[end + 1]);
        return port || view.anyCue(start - 20, start, LISTEN_WORDS);
    }

    private static final char[] ANY_ADDRESS = "0.0.0.0".toCharArray();

    /** Words right before a dotted quad that make it a rule's number, not a host: "Firewall rule 10.4.2.1". */
    private static final CueSet RULE_WORDS = new CueSet("rule ", "правило ", "правила ", "правило нөмірі ", "ереже ");

    /** Whether a rule word ends right before the dotted quad at {@code start} ("Правило нөмірі 10.4.2.1"). */
    private static boolean ruleNumber(char[] lower, int start) {
        return start > 0 && lower[start - 1] == ' ' && RULE_WORDS.anyIn(lower, Math.max(0, start - 16), start);
    }

    /** How far apart, in chars, two dotted quads of one sentence may be for {@link #sameRelease}. */
    private static final int SAME_RELEASE_REACH = 160;

    /**
     * Whether the dotted quad at {@code [start, end)} is another release of the version read at
     * {@code [version, versionEnd)}: the same sentence, the same first number ("firmware 12.0.7.3, but the
     * controller still reports 12.0.6.9"), and no word about hosts near it.
     */
    private static boolean sameRelease(TextView view, int version, int versionEnd, int start, int end) {
        char[] s = view.chars();
        if (start - versionEnd > SAME_RELEASE_REACH) {
            return false;
        }
        int major = Chars.digitRun(s, start);
        if (major != Chars.digitRun(s, version)
                || !Arrays.equals(s, start, start + major, s, version, version + major)) {
            return false;
        }
        for (int p = versionEnd; p < start; p++) {
            char c = s[p];
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && p + 1 < start && Character.isWhitespace(s[p + 1])) {
                return false;
            }
        }
        return !view.anyCue(start - 20, Math.min(s.length, end + 10), HOST_CUES_SET);
    }

    /**
     * A dotted quad that reads as a version, section or form number: after a version or section word, before a
     * section word ("-тармағы", "нұсқасы"), or made of small numbers only (the first below 10, none above 30, as in
     * "4.3.1.2") with no word near it that speaks of addresses.
     */
    private static boolean versionLike(TextView view, int start, int end) {
        char[] s = view.chars();
        char[] lower = view.lower();
        if (end + 2 < s.length && s[end] == ':' && Chars.digitRun(s, end + 1) >= 2 && Chars.digitRun(s, end + 1) <= 5) {
            return false; // a port after it: a host ("build agent:\n10.40.2.11:5432"), whatever word came before
        }
        // in a table the column's header says it, not the words of the header line that the windows below reach:
        // "device,model,firmware,ip\nsw-01,Cisco 2960,15.2.7.3,10.1.1.2"
        int column = columnKind(view, start);
        if (column > 0) {
            return true;
        }
        boolean windows = column == 0;
        int word = previousWord(s, start);
        if (word >= 0 && (view.anyCue(word, start, SECTION_CUES_SET) || loneV(s, start))
                || windows && view.anyCue(start - 20, start, VERSION_CUES_SET)) {
            return true;
        }
        for (String after : SECTION_AFTER) {
            if (Chars.startsWith(lower, after, end)) {
                return true;
            }
        }
        if (windows
                && view.anyCue(start - 45, start, FAR_VERSION_CUES_SET)
                && !view.anyCue(start - 20, Math.min(s.length, end + 10), HOST_CUES_SET)) {
            return true;
        }
        // a word, not a part of one: "skip" or "zip" speaks of no IP
        return smallNumbers(s, start, end)
                && !view.anyCueWord(start - 30, Math.min(s.length, end + 15), ADDRESS_CUES_SET);
    }

    /**
     * For a dotted quad that is a table cell at {@code start}: 1 when its column's header names a release or a section
     * ("firmware", "os_version", "Статья"), -1 when it names a host ("ip", "server") and not a release; else 0.
     */
    private static int columnKind(TextView view, int start) {
        char[] s = view.chars();
        char[] lower = view.lower();
        int q = start - 1;
        while (q >= 0 && s[q] == ' ') {
            q--; // a cell's padding: "| 10.1.1.2 |", "sw-01, 10.1.1.2"
        }
        if (q < 0 || "|,;\t".indexOf(s[q]) < 0) {
            return 0; // not the start of a delimited cell: no table's header to read ("from 192.168.10.24")
        }
        int[] kind = {0};
        view.tables().headerOf(start, (from, to) -> {
            boolean host = false;
            for (int p = from; p < to; p++) {
                if (!Chars.notAlnumAt(lower, p - 1)) {
                    continue;
                }
                for (String word : RELEASE_WORDS) {
                    if (word.length() <= to - p && Chars.startsWith(lower, word, p)) {
                        kind[0] = 1;
                        return;
                    }
                }
                for (String word : SECTION_HEADER_WORDS) {
                    if (word.length() <= to - p && Chars.startsWith(lower, word, p)) {
                        kind[0] = 1;
                        return;
                    }
                }
                for (String word : HOST_WORDS) {
                    host |= word.length() <= to - p && Chars.startsWith(lower, word, p);
                }
            }
            kind[0] = host ? -1 : 0;
        });
        return kind[0];
    }

    /** Start of the word right before {@code p} (across spaces, a dot, "№" or a colon), or -1. */
    private static int previousWord(char[] s, int p) {
        int q = p - 1;
        while (q >= 0 && p - q <= 3 && (s[q] == ' ' || s[q] == '.' || s[q] == '№' || s[q] == ':')) {
            q--;
        }
        if (q < 0 || !Chars.isLetter(s[q])) {
            return -1;
        }
        while (q > 0 && Chars.isLetter(s[q - 1])) {
            q--;
        }
        return q > 0 && s[q - 1] == ' ' ? q - 1 : q; // the space lets a cue that begins with one match
    }

    /**
     * Whether the word right before {@code start} is a lone "v" ("v 10.2.0.1", "v. 4.1.0.7"), a version's mark; a word
     * that only begins with one ("VPN 91.215.77.130", "via 10.0.0.1") is not.
     */
    private static boolean loneV(char[] s, int start) {
        int q = start - 1;
        while (q >= 0 && start - q <= 3 && (s[q] == ' ' || s[q] == '.')) {
            q--;
        }
        return q >= 0 && q < start - 1 && (s[q] == 'v' || s[q] == 'V') && Chars.notWordAt(s, q - 1);
    }

    /** The first part from 1 to 9 and none above 30 ("0.0.0.0" is an address). */
    private static boolean smallNumbers(char[] s, int start, int end) {
        return smallNumbers(s, start, end, 10);
    }

    /** As {@link #smallNumbers}, with the first number below {@code firstBelow}. */
    private static boolean smallNumbers(char[] s, int start, int end, int firstBelow) {
        int p = start;
        for (int part = 0; p < end; part++) {
            int run = Chars.digitRun(s, p);
            int v = Chars.parseInt(s, p, p + run);
            if (part == 0 ? v == 0 || v >= firstBelow : v > 30) {
                return false;
            }
            p += run + 1;
        }
        return true;
    }

    /** A part written with a leading zero ("01.1.101.000"): a classification code, not an address. */
    private static boolean leadingZero(char[] s, int start, int end) {
        for (int p = start; p < end; ) {
            int run = Chars.digitRun(s, p);
            if (run > 1 && s[p] == '0') {
                return true;
            }
            p += run + 1;
        }
        return false;
    }

    /** End of a dotted quad starting at {@code i}, or -1. Does not check what follows. */
    static int ipv4(char[] s, int i) {
        int p = i;
        for (int part = 0; part < 4; part++) {
            int run = Chars.digitRun(s, p);
            if (run == 0 || run > 3) {
                return -1;
            }
            int v = Chars.parseInt(s, p, p + run);
            if (v > 255) {
                return -1;
            }
            p += run;
            if (part < 3) {
                if (p >= s.length || s[p] != '.') {
                    return -1;
                }
                p++;
            }
        }
        return p;
    }

    private static int ipv6(char[] s, int start) {
        int n = s.length;
        int p = start;
        int groups = 0;
        boolean compressed = false;
        if (Chars.startsWith(s, "::", p)) {
            compressed = true;
            p += 2;
        } else if (s[p] == ':') {
            return -1;
        }
        while (true) {
            int h = 0;
            while (p + h < n && Chars.isHex(s[p + h]) && h < 5) {
                h++;
            }
            if (h == 0) {
                if (s[p - 1] == ':' && !(compressed && Chars.startsWith(s, "::", p - 2))) {
                    return -1; // dangling single colon
                }
                break;
            }
            if (h > 4) {
                return -1;
            }
            if (p + h + 1 < n && s[p + h] == '.' && Chars.isDigit(s[p + h + 1])) {
                int v4 = ipv4(s, p);
                if (v4 < 0 || groups > (compressed ? 5 : 6)) {
                    return -1;
                }
                groups += 2;
                p = v4;
                break;
            }
            groups++;
            if (groups > 8) {
                return -1; // stop early on long colon-separated runs
            }
            p += h;
            if (p < n && s[p] == ':') {
                if (p + 1 < n && s[p + 1] == ':') {
                    if (compressed) {
                        return -1;
                    }
                    compressed = true;
                    p += 2;
                    if (p < n && s[p] == ':') {
                        return -1;
                    }
                } else {
                    p++;
                }
                continue;
            }
            break;
        }
        if (groups == 0 || (compressed ? groups > 7 : groups != 8)) {
            return -1;
        }
        if (p < n && (Chars.isWord(s[p]) || s[p] == ':')) {
            return -1;
        }
        if (p + 1 < n && s[p] == '.' && Chars.isDigit(s[p + 1])) {
            return -1;
        }
        return p;
    }

    private static int withZone(char[] s, int end) {
        if (end < s.length && s[end] == '%') {
            int p = end + 1;
            while (p < s.length && Chars.isAsciiAlnum(s[p])) {
                p++;
            }
            if (p > end + 1) {
                return p;
            }
        }
        return end;
    }

    private static int withSuffix(char[] s, int end, int max) {
        if (end + 1 < s.length && s[end] == '/') {
            int run = Chars.digitRun(s, end + 1);
            if (run >= 1
                    && run <= 3
                    && Chars.notWordAt(s, end + 1 + run)
                    && Chars.parseInt(s, end + 1, end + 1 + run) <= max) {
                return end + 1 + run;
            }
        }
        return end;
    }
}
