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
        String s = view.text();
        int[] starts = view.wordStarts();
        int count = view.wordCount();
        int resume = 0;
        for (int k = 0; k < count; k++) {
            int i = starts[k];
            char c = s.charAt(i);
            if (i < resume || c >= 0x80) {
                continue;
            }
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            if ((Chars.isHex(c) || c == ':') && !Chars.isWord(prev) && prev != ':' && prev != '.') {
                int end = ipv6(s, i);
                if (end > 0) {
                    end = withSuffix(s, withZone(s, end), 128);
                    out.add(new Finding(EntityType.IP_ADDRESS, i, end, 0.9, "ip"));
                    resume = end;
                    continue;
                }
            }
            boolean productVersion = prev == '/' && i >= 2 && Chars.isAlnum(s.charAt(i - 2)); // "Chrome/120.0.0.0"
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
    static int ipv4(String s, int i) {
        int p = i;
        for (int part = 0; part < 4; part++) {
            int run = Chars.digitRun(s, p);
            if (run == 0 || run > 3) {
                return -1;
            }
            int v = Integer.parseInt(s, p, p + run, 10);
            if (v > 255) {
                return -1;
            }
            p += run;
            if (part < 3) {
                if (p >= s.length() || s.charAt(p) != '.') {
                    return -1;
                }
                p++;
            }
        }
        return p;
    }

    private static int ipv6(String s, int start) {
        int n = s.length();
        int p = start;
        int groups = 0;
        boolean compressed = false;
        if (s.startsWith("::", p)) {
            compressed = true;
            p += 2;
        } else if (s.charAt(p) == ':') {
            return -1;
        }
        while (true) {
            int h = 0;
            while (p + h < n && Chars.isHex(s.charAt(p + h)) && h < 5) {
                h++;
            }
            if (h == 0) {
                if (s.charAt(p - 1) == ':' && !(compressed && s.startsWith("::", p - 2))) {
                    return -1; // dangling single colon
                }
                break;
            }
            if (h > 4) {
                return -1;
            }
            if (p + h + 1 < n && s.charAt(p + h) == '.' && Chars.isDigit(s.charAt(p + h + 1))) {
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
            if (p < n && s.charAt(p) == ':') {
                if (p + 1 < n && s.charAt(p + 1) == ':') {
                    if (compressed) {
                        return -1;
                    }
                    compressed = true;
                    p += 2;
                    if (p < n && s.charAt(p) == ':') {
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
        if (p < n && (Chars.isWord(s.charAt(p)) || s.charAt(p) == ':')) {
            return -1;
        }
        if (p + 1 < n && s.charAt(p) == '.' && Chars.isDigit(s.charAt(p + 1))) {
            return -1;
        }
        return p;
    }

    private static int withZone(String s, int end) {
        if (end < s.length() && s.charAt(end) == '%') {
            int p = end + 1;
            while (p < s.length() && Chars.isAsciiAlnum(s.charAt(p))) {
                p++;
            }
            if (p > end + 1) {
                return p;
            }
        }
        return end;
    }

    private static int withSuffix(String s, int end, int max) {
        if (end + 1 < s.length() && s.charAt(end) == '/') {
            int run = Chars.digitRun(s, end + 1);
            if (run >= 1 && run <= 3 && Chars.notWordAt(s, end + 1 + run)
                    && Integer.parseInt(s, end + 1, end + 1 + run, 10) <= max) {
                return end + 1 + run;
            }
        }
        return end;
    }
}
