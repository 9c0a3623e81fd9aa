"""Build heldout3.jsonl from the hand-written sources in gen/src/*.txt.

Source line format:  kind@@lang@@neg@@text   (neg = 0/1; literal \\n = line break inside the document)
The prose is hand-written; this script only substitutes identifier VALUES into named slots:
  {IIN} / {IIN:YYMMDD:c}  valid IIN (random or with the given birth date and century/sex digit)
  {BIN}                   valid BIN
  {IBAN} {IBANS}          valid KZ IBAN, compact / grouped by 4
  {CARD} {CARDC} {CARDD}  Luhn-valid card, grouped by space / compact / dashes
  {IIN_BAD} {BIN_BAD}     12 digits with a wrong check digit (look-alikes)
  {IBAN_BAD} {IBANS_BAD}  KZ IBAN shape with a wrong mod-97
  {N16_BAD} {N16C_BAD}    16 digits (grouped / compact) failing Luhn
"""
import json, os, random, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from kzid import iin_check, iin_valid, iban_mod, iban_valid, luhn_valid

rng = random.Random(20261206)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "heldout3.jsonl")
used = set()


def rand_date():
    y = rng.randint(1948, 2019)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    c = (3 if y < 2000 else 5) + rng.randint(0, 1)
    return "%02d%02d%02d" % (y % 100, m, d), c


def make_iin(date=None, c=None):
    while True:
        if date is None:
            dt, cc = rand_date()
        else:
            dt, cc = date, c
        base = dt + str(cc) + "%04d" % rng.randint(0, 9999)
        k = iin_check(base)
        if k is not None and base + str(k) not in used:
            used.add(base + str(k))
            return base + str(k)


def make_bin():
    while True:
        base = "%02d%02d" % (rng.randint(0, 24), rng.randint(1, 12)) + rng.choice("4446") + rng.choice("0001") + "%05d" % rng.randint(0, 99999)
        k = iin_check(base)
        if k is not None and base + str(k) not in used:
            used.add(base + str(k))
            return base + str(k)


def bad12(kind):
    v = make_iin() if kind == "IIN" else make_bin()
    k = int(v[11])
    while True:
        w = v[:11] + str(rng.randint(0, 9))
        if not iin_valid(w):
            return w


BANKS = ["601", "722", "998", "914", "856", "826", "965", "070", "551", "432", "949", "886"]


def make_iban(bad=False):
    bank = rng.choice(BANKS)
    if rng.random() < 0.5:
        acc = "".join(rng.choice("0123456789") for _ in range(13))
    else:
        acc = "KZT" + "".join(rng.choice("0123456789") for _ in range(10))
    s = "KZ00" + bank + acc
    kk = 98 - iban_mod(s)
    if bad:
        kk = (kk + rng.randint(1, 96)) % 97 + 2 if True else kk
        kk = kk % 100
    s = "KZ%02d" % kk + bank + acc
    if bad and iban_valid(s):
        return make_iban(True)
    if not bad:
        assert iban_valid(s)
    return s


def group4(s, sep=" "):
    return sep.join(s[i:i + 4] for i in range(0, len(s), 4))


PREFIX = ["4400", "4405", "5169", "5522", "4263", "5396", "4149", "2202", "5440", "4390"]


def make_card(bad=False):
    while True:
        s = rng.choice(PREFIX) + "".join(rng.choice("0123456789") for _ in range(12))
        if luhn_valid(s) != bad:
            return s


def sub(m):
    name = m.group(1)
    arg = m.group(2)
    if name == "IIN":
        if arg:
            dt, c = arg[1:].split(":")
            return make_iin(dt, int(c))
        return make_iin()
    if name == "BIN":
        return make_bin()
    if name == "IBAN":
        return make_iban()
    if name == "IBANS":
        return group4(make_iban())
    if name == "IBAN_BAD":
        return make_iban(True)
    if name == "IBANS_BAD":
        return group4(make_iban(True))
    if name == "CARD":
        return group4(make_card())
    if name == "CARDC":
        return make_card()
    if name == "CARDD":
        return group4(make_card(), "-")
    if name == "IIN_BAD":
        return bad12("IIN")
    if name == "BIN_BAD":
        return bad12("BIN")
    if name == "N16_BAD":
        return group4(make_card(True))
    if name == "N16C_BAD":
        return make_card(True)
    raise SystemExit("unknown slot " + name)


SLOT = re.compile(r"\{(IIN|BIN|IBANS?|IBANS?_BAD|CARD[CD]?|IIN_BAD|BIN_BAD|N16C?_BAD)(:\d{6}:\d)?\}")


def main():
    recs = []
    for fn in sorted(os.listdir(os.path.join(HERE, "src"))):
        if not fn.endswith(".txt"):
            continue
        for ln, line in enumerate(open(os.path.join(HERE, "src", fn), encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("@@", 3)
            if len(parts) != 4:
                raise SystemExit("%s:%d bad source line" % (fn, ln))
            kind, lang, neg, text = parts
            text = SLOT.sub(sub, text).replace("\\n", "\n")
            recs.append({"kind": kind.strip(), "lang": lang.strip(), "hard_negative": neg.strip() == "1", "text": text, "_src": "%s:%d" % (fn, ln)})
    rng.shuffle(recs)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(recs, 1):
            o = {"id": "h3-%04d" % i, "kind": r["kind"], "lang": r["lang"], "hard_negative": r["hard_negative"], "text": r["text"]}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "srcmap.tsv"), "w") as f:
        for i, r in enumerate(recs, 1):
            f.write("h3-%04d\t%s\n" % (i, r["_src"]))
    print("wrote", len(recs), "records")


if __name__ == "__main__":
    main()
