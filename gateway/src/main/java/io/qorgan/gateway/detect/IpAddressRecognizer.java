package io.qorgan.gateway.detect;

import java.util.List;

/**
 * IPv4 and IPv6 addresses, with an optional zone ({@code %eth0}) and CIDR suffix. An address must stand as a word
 * of its own; a suffix out of range is left out and the bare address kept. IPv6 is parsed group by group (at most
 * one {@code ::}, eight groups without it, an embedded IPv4 tail allowed), which rejects times, ratios, MAC
 * addresses and C++ scopes.
 */
final class IpAddressRecognizer implements Recognizer {

    /** A dotted quad after these words is a version number. */
    private static final String[] VERSION_CUES = {"верси", "version", "сборк", "build", "release", "нұсқа", " v"};

    private static final CueSet VERSION_CUES_SET = new CueSet(VERSION_CUES);

    @Override
    public void find(TextView view, List<Finding> out) {
        char[] s = view.chars();
        WordStarts candidates = view.starts();
        int[] starts = candidates.sorted();
        int resume = 0;
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
                if (end > 0 && Chars.notWordAt(s, end)) {
                    end = withSuffix(s, end, 32);
                    double score = view.anyCue(i - 20, i, VERSION_CUES_SET) ? 0.3 : 0.9;
                    out.add(new Finding(EntityType.IP_ADDRESS, i, end, score, "ip"));
                    resume = end;
                }
            }
        }
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
