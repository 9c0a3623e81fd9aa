#!/usr/bin/env python3
"""Validate dev6.jsonl: JSON, ids, markup, check digits of labelled values, no valid unlabelled look-alikes; print counts."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kzid import iin_valid, iban_valid, luhn_valid

PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "dev6.jsonl")
TYPES = {"PERSON", "IIN", "BIN", "PHONE", "EMAIL", "IBAN", "PAYMENT_CARD", "ID_DOCUMENT", "VEHICLE_PLATE",
         "ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "SECRET"}
LANGS = {"ru", "kk", "en", "mixed"}
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.S)
errors = []
types, langs, kinds, hn = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
lang_hn = collections.Counter()
ids = set()
n = 0


def err(i, msg):
    errors.append("%s: %s" % (i, msg))


for lineno, raw in enumerate(open(PATH, encoding="utf-8"), 1):
    n += 1
    try:
        o = json.loads(raw)
    except Exception as e:
        err("line %d" % lineno, "bad JSON %s" % e)
        continue
    i = o.get("id")
    if set(o) != {"id", "kind", "lang", "hard_negative", "text"}:
        err(i, "keys %s" % sorted(o))
    if not re.fullmatch(r"f\d{4}", str(i)) or i in ids:
        err(i, "bad or duplicate id")
    ids.add(i)
    if o.get("lang") not in LANGS:
        err(i, "lang %r" % o.get("lang"))
    if not isinstance(o.get("hard_negative"), bool):
        err(i, "hard_negative not bool")
    t = o.get("text", "")
    if not t.strip():
        err(i, "empty text")
    langs[o["lang"]] += 1
    kinds[o["kind"]] += 1
    hn[o["hard_negative"]] += 1
    if o["hard_negative"]:
        lang_hn[o["lang"]] += 1
    spans = SPAN.findall(t)
    rest = SPAN.sub(" \u00a7 ", t)
    if "[[" in rest or "]]" in rest:
        err(i, "stray [[ or ]]")
    if re.search(r"\{(IIN|BIN|IBAN|IBAN_S|CARD|CARD_S|CARD_D)[^}]*\}", t):
        err(i, "unfilled slot")
    if o["hard_negative"] and spans:
        err(i, "hard negative with markup")
    if not o["hard_negative"] and not spans:
        err(i, "positive line without markup")
    for ty, v in spans:
        types[ty] += 1
        if ty not in TYPES:
            err(i, "unknown type %s" % ty)
        if not v or v != v.strip():
            err(i, "empty/padded span %r" % v)
        if "\n" in v or "[[" in v or "]]" in v or ":" == v[:1]:
            err(i, "span crosses line / nested: %r" % v)
        if ty in ("IIN", "BIN") and not iin_valid(v):
            err(i, "%s invalid %s" % (ty, v))
        if ty == "IBAN" and not iban_valid(v):
            err(i, "IBAN invalid %s" % v)
        if ty == "PAYMENT_CARD" and (not luhn_valid(v) or not re.fullmatch(r"[\d \-]+", v)):
            err(i, "card invalid %s" % v)
    # unlabelled look-alikes must not be valid
    for m in re.finditer(r"(?<!\d)\d{12}(?!\d)", rest):
        if iin_valid(m.group()):
            err(i, "unlabelled valid IIN/BIN-like %s" % m.group())
    for m in re.finditer(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?", rest):
        if iban_valid(m.group()):
            err(i, "unlabelled valid IBAN %s" % m.group())
    for m in re.finditer(r"(?<![\d.])\d(?:[ \-]?\d){12,18}(?![\d])", rest):
        s = m.group()
        digits = re.sub(r"\D", "", s)
        # every contiguous sub-run of 13..19 digits that keeps group boundaries
        for a in range(len(digits)):
            for b in range(a + 13, min(len(digits), a + 19) + 1):
                if luhn_valid(digits[a:b]) and (a == 0 and b == len(digits)):
                    err(i, "unlabelled Luhn-valid number %s" % s)

print("lines:", n, " hard negatives:", hn[True], " positives:", hn[False])
print("\n| type | spans |\n|---|---|")
for ty in sorted(TYPES):
    print("| %s | %d |" % (ty, types[ty]))
print("| total | %d |" % sum(types.values()))
print("\n| lang | lines | share | hard neg. |\n|---|---|---|---|")
for l in ["ru", "kk", "en", "mixed"]:
    print("| %s | %d | %.0f %% | %d |" % (l, langs[l], 100.0 * langs[l] / max(n, 1), lang_hn[l]))
print("\n| kind | lines |\n|---|---|")
for k, c in sorted(kinds.items(), key=lambda x: (-x[1], x[0])):
    print("| %s | %d |" % (k, c))
if errors:
    print("\nERRORS (%d):" % len(errors))
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: no errors")
