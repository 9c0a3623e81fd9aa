"""Validate heldout3.jsonl: JSON, ids, markup, check digits of labelled ids, no valid unlabelled look-alikes; print counts."""
import collections, json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from kzid import iin_valid, iban_valid, luhn_valid

TYPES = ["PERSON", "IIN", "BIN", "PHONE", "EMAIL", "IBAN", "PAYMENT_CARD", "ID_DOCUMENT", "VEHICLE_PLATE",
         "ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "SECRET"]
LANGS = {"ru", "kk", "en", "mixed"}
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.S)
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "heldout3.jsonl")
errs = []
ids = set()
cnt = collections.Counter(); lang = collections.Counter(); kind = collections.Counter()
neg = 0; nlines = 0
lang_neg = collections.Counter()


def err(i, msg):
    errs.append("%s: %s" % (i, msg))


for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
    nlines += 1
    try:
        o = json.loads(raw)
    except Exception as e:
        err(ln, "bad json %s" % e); continue
    i = o.get("id")
    if set(o) != {"id", "kind", "lang", "hard_negative", "text"}:
        err(i, "keys %s" % sorted(o))
    if not re.fullmatch(r"h3-\d{4}", str(i)) or i in ids:
        err(i, "bad or duplicate id")
    ids.add(i)
    if o["lang"] not in LANGS:
        err(i, "lang")
    if not isinstance(o["hard_negative"], bool) or not o["kind"]:
        err(i, "hard_negative/kind")
    t = o["text"]
    if "{" in t and re.search(r"\{(IIN|BIN|IBAN|CARD|N16)", t):
        err(i, "unfilled slot")
    lang[o["lang"]] += 1; kind[o["kind"]] += 1
    spans = SPAN.findall(t)
    rest = SPAN.sub("\x00", t)
    if "[[" in rest or "]]" in rest:
        err(i, "stray [[ or ]]")
    if o["hard_negative"]:
        neg += 1; lang_neg[o["lang"]] += 1
        if spans:
            err(i, "hard negative with markup")
    elif not spans:
        err(i, "positive line without spans")
    for ty, val in spans:
        if ty not in TYPES:
            err(i, "unknown type %s" % ty); continue
        cnt[ty] += 1
        if val != val.strip() or not val:
            err(i, "padded/empty span %r" % val)
        if "\n" in val or "[" in val or "]" in val:
            err(i, "span with newline/bracket %r" % val)
        if ty in ("IIN", "BIN") and not iin_valid(val):
            err(i, "%s invalid %s" % (ty, val))
        if ty == "IIN" and not ("1" <= val[6] <= "6"):
            err(i, "IIN 7th digit %s" % val)
        if ty == "IBAN" and not iban_valid(val):
            err(i, "IBAN invalid %s" % val)
        if ty == "PAYMENT_CARD" and not luhn_valid(val):
            err(i, "card fails Luhn %s" % val)
        if ty == "EMAIL" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", val):
            err(i, "email shape %s" % val)
        if ty == "IP_ADDRESS" and not (re.fullmatch(r"(\d{1,3}\.){3}\d{1,3}(/\d+)?", val) or ":" in val):
            err(i, "ip shape %s" % val)
        if ty == "IP_ADDRESS" and "." in val:
            if any(int(x) > 255 for x in val.split("/")[0].split(".")):
                err(i, "ip octet %s" % val)
    # unlabelled look-alikes must not be valid
    for seg in rest.split("\x00"):
        for m in re.finditer(r"(?<![\d])\d{12}(?![\d])", seg):
            if iin_valid(m.group()):
                err(i, "unlabelled valid IIN/BIN %s" % m.group())
        for m in re.finditer(r"KZ\d{2}(?: ?[0-9A-Z]){16}", seg):
            if iban_valid(m.group()):
                err(i, "unlabelled valid IBAN %s" % m.group())
        for m in re.finditer(r"\d+(?:[ -]\d+)*", seg):
            run = m.group()
            groups = re.split(r"[ -]", run)
            # every contiguous sub-run of groups with 13-19 digits
            for a in range(len(groups)):
                tot = ""
                for b in range(a, len(groups)):
                    tot += groups[b]
                    if len(tot) > 19:
                        break
                    if len(tot) >= 13 and len(groups[a]) >= 3 and luhn_valid(tot):
                        err(i, "unlabelled Luhn-valid number %s" % " ".join(groups[a:b + 1]))

for e in errs:
    print("ERROR", e)
print("lines %d, hard negatives %d, positive %d, errors %d" % (nlines, neg, nlines - neg, len(errs)))
print("\n| type | spans |\n|---|---|")
for ty in TYPES:
    print("| %s | %d |" % (ty, cnt[ty]))
print("| total | %d |" % sum(cnt.values()))
print("\n| lang | lines | share | hard neg |\n|---|---|---|---|")
for l in ["ru", "kk", "en", "mixed"]:
    print("| %s | %d | %.1f %% | %d |" % (l, lang[l], 100.0 * lang[l] / max(nlines, 1), lang_neg[l]))
print("\n| kind | lines |\n|---|---|")
for k, v in sorted(kind.items(), key=lambda x: (-x[1], x[0])):
    print("| %s | %d |" % (k, v))
sys.exit(1 if errs else 0)
