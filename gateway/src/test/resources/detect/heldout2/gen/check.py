#!/usr/bin/env python3
"""Validate heldout2.jsonl and print its counts.

Checks: every line parses as a JSON object with exactly id/kind/lang/hard_negative/text; ids unique
and of the form g0001; markup [[TYPE:text]] well formed (known types, no nesting, no stray [[ or ]],
no empty or padded spans, no line break inside a span); hard negatives carry no markup;
every labelled IIN/BIN has a valid check digit (BIN also its layout), every IBAN passes MOD 97-10 with
the KZ layout, every PAYMENT_CARD passes Luhn; outside labelled spans (so in every hard negative)
no 12-digit number is a valid IIN/BIN, no KZ IBAN look-alike passes MOD 97 and no 13-19 digit
card look-alike passes Luhn. Validators here are written independently of gen/kzid.py.
Usage: python3 check.py [path]   (exit code 1 on any error)
"""
import collections
import ipaddress
import json
import os
import re
import sys

TYPES = ["PERSON", "IIN", "BIN", "PHONE", "EMAIL", "IBAN", "PAYMENT_CARD", "ID_DOCUMENT",
         "VEHICLE_PLATE", "ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "SECRET"]
LANGS = ["ru", "kk", "en", "mixed"]
MIN_SPANS = {t: 25 for t in TYPES}
MIN_SPANS.update({"PERSON": 500, "ADDRESS": 140})
MIN_LINES, MIN_HARD = 450, 130

SPAN = re.compile(r"\[\[([^\[\]:]*):(.*?)\]\]", re.S)


def iin_ok(s):
    if not re.fullmatch(r"\d{12}", s):
        return False
    d = [int(c) for c in s]
    w1 = list(range(1, 12))
    w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]
    r = sum(a * b for a, b in zip(d, w1)) % 11
    if r == 10:
        r = sum(a * b for a, b in zip(d, w2)) % 11
        if r == 10:
            return False
    return r == d[11]


def bin_layout_ok(s):
    return 1 <= int(s[2:4]) <= 12 and s[4] in "456" and s[5] in "0123"


def iban_ok(s):
    c = s.replace(" ", "")
    if not re.fullmatch(r"KZ\d{5}[A-Z0-9]{13}", c):
        return False
    t = c[4:] + c[:4]
    return int("".join(str(int(ch, 36)) for ch in t)) % 97 == 1


def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch) * (2 if i % 2 else 1)
        s += v - 9 if v > 9 else v
    return s % 10 == 0


def card_ok(s):
    if not re.fullmatch(r"\d(?:[ -]?\d){12,18}", s):
        return False
    return luhn_ok(re.sub(r"[ -]", "", s))


EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")
PLATE_RE = re.compile(r"^(\d{3} ?[A-ZА-Я]{2,3} ?\d{2}|[A-ZА-Я] ?\d{3} ?[A-ZА-Я]{2,3}|[А-ЯA-Z]\d{3}[А-ЯA-Z]{2} ?\d{2,3})$")


def check_span(t, v):
    """Return an error string or None."""
    if t == "IIN":
        return None if iin_ok(v) else "invalid IIN check digit"
    if t == "BIN":
        if not iin_ok(v):
            return "invalid BIN check digit"
        return None if bin_layout_ok(v) else "BIN layout (month/type/unit) wrong"
    if t == "IBAN":
        return None if iban_ok(v) else "invalid IBAN"
    if t == "PAYMENT_CARD":
        return None if card_ok(v) else "card fails Luhn/format"
    if t == "EMAIL":
        return None if EMAIL_RE.match(v) else "bad e-mail"
    if t == "IP_ADDRESS":
        try:
            ipaddress.ip_address(v)
        except ValueError:
            return "not an IP address"
        return None
    if t == "PHONE":
        n = len(re.sub(r"\D", "", v))
        return None if 10 <= n <= 15 and re.fullmatch(r"[+\d][\d ()\-]*\d", v) else "phone shape"
    if t == "VEHICLE_PLATE":
        return None if PLATE_RE.match(v) else "plate shape"
    if t in ("ID_DOCUMENT", "DATE_OF_BIRTH"):
        return None if re.search(r"\d", v) else "no digits"
    return None


IINLIKE = re.compile(r"(?<![\d])\d{12}(?![\d])")
IBANLIKE = re.compile(r"KZ\d{2}(?: ?[0-9A-Z]){16}(?![0-9A-Z])")
CARDLIKE = re.compile(r"(?<![\w\-])\d(?:[ -]?\d){12,18}(?![\d])")


def lookalikes(plain):
    """Return (counts, errors) for unlabelled look-alikes in text with spans removed."""
    cnt, errs = collections.Counter(), []
    for m in IINLIKE.finditer(plain):
        cnt["12-digit"] += 1
        if iin_ok(m.group()):
            errs.append("unlabelled valid IIN/BIN %s" % m.group())
    for m in IBANLIKE.finditer(plain):
        cnt["KZ IBAN-like"] += 1
        if iban_ok(m.group()):
            errs.append("unlabelled valid IBAN %s" % m.group())
    for m in CARDLIKE.finditer(plain):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) == 12:
            continue
        cnt["card-like"] += 1
        if luhn_ok(digits):
            errs.append("unlabelled Luhn-valid number %s" % m.group())
    return cnt, errs


def self_test():
    assert iin_ok("900515301234") and iin_ok("850101456780") and iin_ok("050907500429")
    assert iin_ok("880312400531") and iin_ok("150340001236")
    assert not any(iin_ok("88031240052%d" % k) for k in range(10))
    assert iin_ok("940140000385") and iin_ok("990140004654")
    assert iban_ok("KZ23 999A 0000 1234 5678") and iban_ok("KZ86125KZT5004100100")
    assert not iban_ok("KZ24999A000012345678")
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")


DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout2.jsonl")


def analyse(path=DEFAULT):
    self_test()
    errors = []
    ids = set()
    langs = collections.Counter()
    kinds = collections.Counter()
    spans = collections.Counter()
    hard_by_lang = collections.Counter()
    look = collections.Counter()
    n = hard = 0
    with open(path, encoding="utf-8") as fh:
        raw = fh.read()
    if not raw.endswith("\n"):
        errors.append("file does not end with a newline")
    for ln, line in enumerate(raw.split("\n")[:-1], 1):
        where = "line %d" % ln
        try:
            o = json.loads(line)
        except ValueError as e:
            errors.append("%s: JSON error %s" % (where, e))
            continue
        n += 1
        if not isinstance(o, dict) or list(o.keys()) != ["id", "kind", "lang", "hard_negative", "text"]:
            errors.append("%s: keys must be id, kind, lang, hard_negative, text" % where)
            continue
        i = o["id"]
        where = "%s (%s)" % (where, i)
        if not re.fullmatch(r"g\d{4}", str(i)):
            errors.append("%s: bad id" % where)
        if i in ids:
            errors.append("%s: duplicate id" % where)
        ids.add(i)
        if o["lang"] not in LANGS:
            errors.append("%s: bad lang %r" % (where, o["lang"]))
        if not isinstance(o["kind"], str) or not o["kind"]:
            errors.append("%s: bad kind" % where)
        if not isinstance(o["hard_negative"], bool):
            errors.append("%s: hard_negative must be a boolean" % where)
        text = o["text"]
        if not isinstance(text, str) or not text.strip():
            errors.append("%s: empty text" % where)
            continue
        langs[o["lang"]] += 1
        kinds[o["kind"]] += 1
        found = list(SPAN.finditer(text))
        rest = SPAN.sub("\x00", text)
        if "[[" in rest or "]]" in rest:
            errors.append("%s: stray or malformed [[ ]] markup" % where)
        if o["hard_negative"]:
            hard += 1
            hard_by_lang[o["lang"]] += 1
            if found or "[[" in text or "]]" in text:
                errors.append("%s: hard negative contains markup" % where)
            if re.search(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z]{2,}", text):
                errors.append("%s: hard negative contains an e-mail address" % where)
        elif not found:
            errors.append("%s: positive line without any span" % where)
        for m in found:
            t, v = m.group(1), m.group(2)
            if t not in TYPES:
                errors.append("%s: unknown type %r" % (where, t))
                continue
            if "[[" in v:
                errors.append("%s: nested markup in %r" % (where, m.group(0)))
            if not v or v != v.strip() or "\n" in v:
                errors.append("%s: empty/padded/multi-line span %r" % (where, m.group(0)))
            e = check_span(t, v)
            if e:
                errors.append("%s: %s: %r" % (where, e, v))
            spans[t] += 1
        c, errs = lookalikes(rest)
        if o["hard_negative"]:
            look.update(c)
        errors.extend("%s: %s" % (where, e) for e in errs)

    if n < MIN_LINES:
        errors.append("only %d lines (< %d)" % (n, MIN_LINES))
    if hard < MIN_HARD:
        errors.append("only %d hard negatives (< %d)" % (hard, MIN_HARD))
    for t in TYPES:
        if spans[t] < MIN_SPANS[t]:
            errors.append("type %s has %d spans (< %d)" % (t, spans[t], MIN_SPANS[t]))

    return dict(errors=errors, n=n, hard=hard, langs=langs, hard_by_lang=hard_by_lang, spans=spans,
                look=look, kinds=kinds)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    st = analyse(path)
    errors, n, hard, langs, hard_by_lang, spans, look, kinds = (st[k] for k in (
        "errors", "n", "hard", "langs", "hard_by_lang", "spans", "look", "kinds"))
    print("file: %s" % os.path.normpath(path))
    print("lines: %d   hard negatives: %d   positive: %d" % (n, hard, n - hard))
    print("languages: " + ", ".join("%s %d (%.0f%%; hard %d)" % (l, langs[l], 100.0 * langs[l] / max(n, 1),
                                                                  hard_by_lang[l]) for l in LANGS))
    print("labelled spans per type:")
    for t in TYPES:
        print("  %-14s %5d" % (t, spans[t]))
    print("  %-14s %5d" % ("total", sum(spans.values())))
    print("unlabelled look-alikes in hard negatives (all invalid): " +
          ", ".join("%s %d" % kv for kv in sorted(look.items())))
    print("document kinds (%d): " % len(kinds) + ", ".join("%s %d" % kv for kv in sorted(kinds.items())))
    if errors:
        print("\nFAIL: %d error(s)" % len(errors))
        for e in errors[:200]:
            print("  " + e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
