"""Validates ../dev5.jsonl: JSON, ids, markup, check digits, unlabelled look-alikes; prints counts."""
import collections
import json
import os
import re
import sys

import kzid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"PERSON", "IIN", "BIN", "PHONE", "EMAIL", "IBAN", "PAYMENT_CARD", "ID_DOCUMENT",
         "VEHICLE_PLATE", "ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "SECRET"}
LANGS = {"ru", "kk", "en", "mixed"}
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.S)


def strip(text):
    """Returns plain text and spans (type, start, end, value) in plain-text offsets."""
    out, spans, pos = [], [], 0
    plen = 0
    for m in SPAN.finditer(text):
        out.append(text[pos:m.start()])
        plen += m.start() - pos
        v = m.group(2)
        spans.append((m.group(1), plen, plen + len(v), v))
        out.append(v)
        plen += len(v)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), spans


def main():
    errs = []
    ids = set()
    per_type = collections.Counter()
    per_lang = collections.Counter()
    per_kind = collections.Counter()
    hn = 0
    lines = open(os.path.join(ROOT, "dev5.jsonl"), encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for i, line in enumerate(lines, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errs.append("line %d: bad JSON %s" % (i, e))
            continue
        rid = o.get("id")
        E = lambda msg: errs.append("%s: %s" % (rid, msg))
        if set(o) != {"id", "kind", "lang", "hard_negative", "text"}:
            E("keys %s" % sorted(o))
        if not isinstance(rid, str) or not re.fullmatch(r"g\d{4}", rid) or rid in ids:
            E("bad or duplicate id")
        ids.add(rid)
        if o.get("lang") not in LANGS:
            E("bad lang")
        if not isinstance(o.get("hard_negative"), bool):
            E("hard_negative not bool")
        text = o.get("text", "")
        per_lang[o.get("lang")] += 1
        per_kind[o.get("kind")] += 1
        if "{" in text and re.search(r"\{[A-Z_]+(@\d+)?(#\w+)?\}", text):
            E("unfilled slot")
        plain, spans = strip(text)
        if "[[" in plain or "]]" in plain or "[[" in "".join(s[3] for s in spans):
            E("stray or nested markup")
        if o.get("hard_negative") and spans:
            E("hard negative carries markup")
        if o.get("hard_negative"):
            hn += 1
        for t, a, b, v in spans:
            if t not in TYPES:
                E("unknown type %s" % t)
            if not v or v != v.strip():
                E("padded/empty span %r" % v)
            if "\n" in v:
                E("span crosses line break %r" % v)
            if t == "IIN" and not kzid.iin_valid(v):
                E("invalid IIN %s" % v)
            if t == "BIN" and not kzid.iin_valid(v):
                E("invalid BIN %s" % v)
            if t == "IBAN" and not kzid.iban_valid(v):
                E("invalid IBAN %s" % v)
            if t == "PAYMENT_CARD" and not kzid.luhn_valid(v):
                E("invalid card %s" % v)
            if t == "PHONE" and len(re.sub(r"\D", "", v)) < 10:
                E("short phone %s" % v)
            if t == "EMAIL" and not re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v):
                E("bad email %s" % v)
            if t == "IP_ADDRESS" and not re.fullmatch(r"(\d{1,3}\.){3}\d{1,3}|[0-9a-fA-F:]+", v):
                E("bad ip %s" % v)
            per_type[t] += 1
        covered = [False] * len(plain)
        for t, a, b, v in spans:
            for k in range(a, b):
                covered[k] = True

        def free(a, b):
            return not any(covered[a:b])
        # unlabelled valid 12-digit numbers (IIN/BIN)
        for m in re.finditer(r"(?<![\d])\d{12}(?![\d])", plain):
            if kzid.iin_valid(m.group()) and free(m.start(), m.end()):
                E("unlabelled valid IIN/BIN look-alike %s" % m.group())
        # unlabelled valid IBANs
        for m in re.finditer(r"KZ\d{2}(?: ?[0-9A-Z]{4}){4}", plain):
            if kzid.iban_valid(m.group()) and free(m.start(), m.end()):
                E("unlabelled valid IBAN %s" % m.group())
        # unlabelled Luhn-valid card-like runs (13-19 digits, spaces/dashes)
        for m in re.finditer(r"(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])", plain):
            s = m.group()
            if len(re.sub(r"\D", "", s)) in (16, 15) and kzid.luhn_valid(s) and free(m.start(), m.end()):
                E("unlabelled Luhn-valid card look-alike %s" % s)
        # unlabelled e-mails
        for m in re.finditer(r"[\w.+-]+@[\w-]+\.[\w.-]*[a-z]", plain):
            if free(m.start(), m.end()) and not o.get("hard_negative"):
                E("unlabelled e-mail %s" % m.group())
    for e in errs:
        print("ERROR", e)
    n = len(lines)
    print("lines: %d, hard negatives: %d, errors: %d" % (n, hn, len(errs)))
    print("\n| type | spans |\n|---|---|")
    for t in sorted(TYPES):
        print("| %s | %d |" % (t, per_type[t]))
    print("\n| lang | lines | share |\n|---|---|---|")
    for l in sorted(LANGS):
        print("| %s | %d | %.0f %% |" % (l, per_lang[l], 100.0 * per_lang[l] / max(n, 1)))
    print("\n| kind | lines |\n|---|---|")
    for k, c in sorted(per_kind.items()):
        print("| %s | %d |" % (k, c))
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
