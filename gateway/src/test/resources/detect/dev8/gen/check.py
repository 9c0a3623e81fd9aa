#!/usr/bin/env python3
"""Validate ../dev8.jsonl: JSON shape, unique ids, markup, check digits of labelled IIN/BIN/IBAN/
PAYMENT_CARD, absence of VALID unlabelled look-alikes, and print counts."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
import kzids

TYPES = {"PERSON", "IIN", "BIN", "PHONE", "EMAIL", "IBAN", "PAYMENT_CARD", "ID_DOCUMENT",
         "VEHICLE_PLATE", "ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "SECRET"}
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.S)
LANGS = {"ru", "kk", "en", "mixed"}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dev8.jsonl")
    errs = []
    ids = set()
    c_type = collections.Counter(); c_lang = collections.Counter(); c_kind = collections.Counter()
    c_hn = collections.Counter(); n = 0
    texts = []
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        n += 1
        try:
            o = json.loads(raw)
        except Exception as e:
            errs.append("line %d: bad JSON %s" % (ln, e)); continue
        if set(o) != {"id", "kind", "lang", "hard_negative", "text"}:
            errs.append("line %d: keys %s" % (ln, sorted(o)))
        i = o.get("id")
        if i in ids:
            errs.append("line %d: duplicate id %s" % (ln, i))
        ids.add(i)
        if o.get("lang") not in LANGS:
            errs.append("%s: lang %r" % (i, o.get("lang")))
        if not isinstance(o.get("hard_negative"), bool):
            errs.append("%s: hard_negative not bool" % i)
        t = o["text"]
        c_lang[o["lang"]] += 1; c_kind[o["kind"]] += 1; c_hn[o["hard_negative"]] += 1
        if "{" in t and re.search(r"\{(IIN|BIN|IBAN|CARD)\b", t):
            errs.append("%s: unfilled slot" % i)
        spans = list(SPAN.finditer(t))
        if o["hard_negative"] and spans:
            errs.append("%s: hard negative carries markup" % i)
        plain = SPAN.sub(lambda m: "\x00" * len(m.group(2)), t)
        if "[[" in plain or "]]" in plain or "[" + "[" in plain:
            errs.append("%s: stray [[ or ]] (nesting or broken markup)" % i)
        for m in spans:
            ty, val = m.group(1), m.group(2)
            if ty not in TYPES:
                errs.append("%s: unknown type %s" % (i, ty))
            if "[[" in val or "]]" in val or "[" in val and "[[" in val:
                errs.append("%s: nested %s" % (i, val))
            if val != val.strip() or not val:
                errs.append("%s: padded/empty span %r" % (i, val))
            if "\n" in val:
                errs.append("%s: span crosses line break %r" % (i, val))
            c_type[ty] += 1
            if ty in ("IIN", "BIN") and not kzids.iin_valid(val):
                errs.append("%s: invalid %s %s" % (i, ty, val))
            if ty == "BIN" and val[4] not in "456":
                errs.append("%s: BIN layout %s" % (i, val))
            if ty == "IBAN" and not kzids.iban_valid(val):
                errs.append("%s: invalid IBAN %s" % (i, val))
            if ty == "PAYMENT_CARD" and not kzids.luhn_valid(val):
                errs.append("%s: invalid card %s" % (i, val))
            if ty == "PAYMENT_CARD" and not re.fullmatch(r"[\d -]+", val):
                errs.append("%s: card chars %s" % (i, val))
        # look-alikes outside labelled spans must not be valid
        for m in re.finditer(r"(?<!\d)\d{12}(?!\d)", plain):
            if kzids.iin_valid(m.group(0)):
                errs.append("%s: unlabelled VALID 12-digit id %s" % (i, m.group(0)))
        for m in re.finditer(r"(?<![\dA-Z])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?", plain):
            if kzids.iban_valid(m.group(0)):
                errs.append("%s: unlabelled VALID IBAN %s" % (i, m.group(0)))
        for m in re.finditer(r"(?<![\d])\d+(?:[ -]\d+)*(?![\d])", plain):
            groups = re.split(r"[ -]", m.group(0))
            # every contiguous run of digit groups that could be read as one card number
            for a in range(len(groups)):
                for b in range(a + 1, len(groups) + 1):
                    digits = "".join(groups[a:b])
                    if 13 <= len(digits) <= 19 and kzids.luhn_valid(digits):
                        errs.append("%s: unlabelled Luhn-valid number %s" % (i, " ".join(groups[a:b])))
        texts.append(t)
    dup = [k for k, v in collections.Counter(texts).items() if v > 1]
    for d in dup:
        errs.append("duplicate text: %r" % d[:60])
    print("lines:", n, " hard negatives:", c_hn[True], " positives:", c_hn[False])
    print("\nspans per type:")
    for k in sorted(TYPES):
        print("  %-14s %4d" % (k, c_type[k]))
    print("  %-14s %4d" % ("TOTAL", sum(c_type.values())))
    print("\nlanguages:")
    for k in ("ru", "kk", "en", "mixed"):
        print("  %-6s %4d  %4.1f%%" % (k, c_lang[k], 100.0 * c_lang[k] / max(n, 1)))
    print("\nkinds:")
    for k, v in sorted(c_kind.items(), key=lambda x: (-x[1], x[0])):
        print("  %-22s %4d" % (k, v))
    if errs:
        print("\nERRORS (%d):" % len(errs))
        for e in errs:
            print("  " + e)
        sys.exit(1)
    print("\nOK: no errors")


if __name__ == "__main__":
    main()
