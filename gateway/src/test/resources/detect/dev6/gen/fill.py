#!/usr/bin/env python3
"""Value filler for dev6.

Reads the hand-written texts in gen/src/*.txt (one text per line: kind|lang|hn|text, with literal \\n for
line breaks inside a document) and replaces the named slots with freshly generated VALID values:
  {IIN}            random plausible IIN (birth date + century/sex digit + serial + check digit)
  {IIN:YYMMDD:s}   IIN for that birth date and 7th digit s (so it agrees with a stated date of birth)
  {BIN}            BIN: YYMM + 4/5/6 + 0..3 + serial + check digit (same algorithm as IIN)
  {IBAN} {IBAN_S}  KZ IBAN, compact / in groups of 4 (MOD 97-10 check digits)
  {CARD} {CARD_S} {CARD_D}  16-digit Luhn card, compact / spaced / dashed
  {slot#tag}       same value reused for every occurrence of that tag within one text
Only values are generated; all prose was written by hand. Deterministic (fixed seed).
"""
import glob, json, os, random, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kzid import iin_check_digit, iban_make, luhn_complete

rng = random.Random(20261206)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "dev6.jsonl")
SLOT = re.compile(r"\{(IIN|BIN|IBAN|IBAN_S|CARD|CARD_S|CARD_D)(?::([0-9]{6}):([1-6]))?(?:#(\w+))?\}")


def make_iin(date=None, s=None):
    while True:
        if date is None:
            y = rng.randint(1955, 2002)
            m = rng.randint(1, 12)
            d = rng.randint(1, 28)
            cs = (3 if y < 2000 else 5) + rng.randint(0, 1)
            base = "%02d%02d%02d%d" % (y % 100, m, d, cs)
        else:
            base = date + s
        base += "%04d" % rng.randint(1, 9999)
        c = iin_check_digit(base)
        if c is not None:
            return base + str(c)


def make_bin():
    while True:
        base = "%02d%02d%d%d%05d" % (rng.randint(3, 24), rng.randint(1, 12), rng.choice([4, 4, 4, 5, 6]),
                                     rng.choice([0, 0, 1, 2, 3]), rng.randint(1, 99999))
        c = iin_check_digit(base)
        if c is not None:
            return base + str(c)


def make_iban(spaced):
    bank = rng.choice(["601", "722", "998", "551", "914", "826", "949", "856", "965"])
    acct = "".join(rng.choice("0123456789") for _ in range(13))
    if rng.random() < 0.3:
        acct = "KZT" + acct[3:]
    v = iban_make("KZ", bank + acct)
    if spaced:
        v = " ".join(v[i:i + 4] for i in range(0, 20, 4))
    return v


def make_card(sep):
    pre = rng.choice(["4400", "4405", "4169", "5169", "5522", "4263", "5375", "4578"])
    body = pre + "".join(rng.choice("0123456789") for _ in range(11))
    v = luhn_complete(body)
    if sep:
        v = sep.join(v[i:i + 4] for i in range(0, 16, 4))
    return v


def value(kind, date, s):
    if kind == "IIN":
        return make_iin(date, s)
    if kind == "BIN":
        return make_bin()
    if kind == "IBAN":
        return make_iban(False)
    if kind == "IBAN_S":
        return make_iban(True)
    return make_card({"CARD": "", "CARD_S": " ", "CARD_D": "-"}[kind])


def main():
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            kind, lang, hn, text = line.split("|", 3)
            tags = {}

            def sub(m):
                k, date, s, tag = m.groups()
                if tag and tag in tags:
                    return tags[tag]
                v = value(k, date, s)
                if tag:
                    tags[tag] = v
                return v

            text = SLOT.sub(sub, text).replace("\\n", "\n")
            rows.append({"kind": kind.strip(), "lang": lang.strip(), "hard_negative": hn.strip() == "1",
                         "text": text, "_src": "%s:%d" % (os.path.basename(path), ln)})
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            o = {"id": "f%04d" % i, "kind": r["kind"], "lang": r["lang"], "hard_negative": r["hard_negative"],
                 "text": r["text"]}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", len(rows), "lines to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
