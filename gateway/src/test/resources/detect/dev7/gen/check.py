#!/usr/bin/env python3
"""Validate ../dev7.jsonl: JSON, ids, markup, check digits of labelled IIN/BIN/IBAN/PAYMENT_CARD,
no valid unlabelled look-alikes, counts per type / language / kind."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fill import iin_check, iban_check, luhn_ok

TYPES = {"PERSON", "IIN", "BIN", "PHONE", "EMAIL", "IBAN", "PAYMENT_CARD", "ID_DOCUMENT", "VEHICLE_PLATE",
         "ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "SECRET"}
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.S)

def iin_ok(s):
    return bool(re.fullmatch(r"\d{12}", s)) and iin_check(s[:11]) == int(s[11])

def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dev7.jsonl")
    errs = []
    ids = set()
    tcount = collections.Counter(); lcount = collections.Counter(); kcount = collections.Counter()
    hn = 0; n = 0
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errs.append((ln, "json", str(e))); continue
        n += 1
        if set(o) != {"id", "kind", "lang", "hard_negative", "text"}:
            errs.append((ln, "keys", sorted(o)))
        if o["id"] in ids: errs.append((ln, "dup id", o["id"]))
        ids.add(o["id"])
        if o["lang"] not in ("ru", "kk", "en", "mixed"): errs.append((ln, "lang", o["lang"]))
        if not isinstance(o["hard_negative"], bool): errs.append((ln, "hn type", o["hard_negative"]))
        lcount[o["lang"]] += 1; kcount[o["kind"]] += 1; hn += o["hard_negative"]
        t = o["text"]
        spans = SPAN.findall(t)
        if o["hard_negative"] and spans: errs.append((ln, "markup in hard negative", spans[:2]))
        if not o["hard_negative"] and not spans: errs.append((ln, "positive without spans", ""))
        rest = SPAN.sub("", t)
        if "[[" in rest or "]]" in rest: errs.append((ln, "stray brackets", rest[:80]))
        for typ, val in spans:
            if typ not in TYPES: errs.append((ln, "type", typ))
            if "[[" in val or "]]" in val or "[" in val and "[[" in val: errs.append((ln, "nested", val))
            if "\n" in val: errs.append((ln, "span crosses newline", val))
            if val != val.strip() or not val: errs.append((ln, "padded/empty span", repr(val)))
            tcount[typ] += 1
            if typ == "IIN" and not iin_ok(val): errs.append((ln, "bad IIN", val))
            if typ == "BIN" and not iin_ok(val): errs.append((ln, "bad BIN", val))
            if typ == "IBAN" and not (re.fullmatch(r"KZ\d{2}[0-9A-Z ]{16,20}", val) and len(val.replace(" ", "")) == 20 and iban_check(val)):
                errs.append((ln, "bad IBAN", val))
            if typ == "PAYMENT_CARD":
                d = re.sub(r"[ -]", "", val)
                if not (d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(d)): errs.append((ln, "bad card", val))
        # unlabelled look-alikes: mask labelled spans
        plain = SPAN.sub(lambda m: " " + "#" * len(m.group(2)) + " ", t)
        for m in re.finditer(r"(?<![\dA-Za-z])\d{12}(?![\dA-Za-z])", plain):
            if iin_ok(m.group()): errs.append((ln, "unlabelled valid IIN/BIN", m.group()))
        for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", plain):
            errs.append((ln, "unlabelled e-mail", m.group()))
        if not o["hard_negative"]:
            for m in re.finditer(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])", plain):
                if all(int(x) < 256 for x in m.group().split(".")):
                    errs.append((ln, "unlabelled IPv4-like in positive line", m.group()))
        for m in re.finditer(r"KZ\d{2}(?: ?[0-9A-Z]{4}){4}", plain):
            if iban_check(m.group()): errs.append((ln, "unlabelled valid IBAN", m.group()))
        for m in re.finditer(r"(?<![\d])\d(?:[ -]?\d){12,18}(?!\d)", plain):
            d = re.sub(r"[ -]", "", m.group())
            if luhn_ok(d) and ("-" not in m.group() or re.fullmatch(r"\d{4}(-\d{4}){3,4}", m.group())):
                # a run of 13-19 digits passing Luhn: flag (dates/phones split oddly rarely hit 13+)
                errs.append((ln, "unlabelled Luhn-valid run", m.group()))
    for e in errs:
        print("ERROR line %s: %s: %s" % e)
    print("lines %d, hard negatives %d, errors %d" % (n, hn, len(errs)))
    print("\n| type | spans |\n|---|---|")
    for k in sorted(TYPES): print("| %s | %d |" % (k, tcount[k]))
    print("| total | %d |" % sum(tcount.values()))
    print("\n| lang | lines | share |\n|---|---|---|")
    for k in ("ru", "kk", "en", "mixed"): print("| %s | %d | %.0f %% |" % (k, lcount[k], 100.0 * lcount[k] / max(n, 1)))
    print("\n| kind | lines |\n|---|---|")
    for k, v in sorted(kcount.items(), key=lambda x: (-x[1], x[0])): print("| %s | %d |" % (k, v))
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main())
