#!/usr/bin/env python3
"""Value filler for dev7: reads hand-written sources (src_*.tsv: kind ||| lang ||| hn ||| text),
replaces identifier slots with freshly generated valid values, writes ../dev7.jsonl.
Slots: {IIN} / {IIN@YYMMDD@c} (c = century/sex digit), {BIN}, {IBAN} (compact), {IBANS} (groups of 4),
{CARD} (16 digits compact), {CARDS} (groups of 4), {XIIN} (12 digits, INVALID check digit),
{XCARD} (16 digits, fails Luhn). Everything else in the text is written by hand."""
import glob, json, os, random, re

W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)

def iin_check(base11):
    d = [int(c) for c in base11]
    r = sum(a * b for a, b in zip(d, W1)) % 11
    if r == 10:
        r = sum(a * b for a, b in zip(d, W2)) % 11
        if r == 10:
            return None
    return r

def make_iin(rng, ymd=None, c=None):
    while True:
        if ymd is None:
            y = rng.randint(55, 105) % 100; m = rng.randint(1, 12); dd = rng.randint(1, 28)
            ymd_ = "%02d%02d%02d" % (y, m, dd)
            c_ = c or str(rng.choice([3, 4]) if y > 20 else rng.choice([5, 6]))
        else:
            ymd_, c_ = ymd, c or "3"
        base = ymd_ + c_ + "%04d" % rng.randint(1, 9999)
        k = iin_check(base)
        if k is not None:
            return base + str(k)

def make_bin(rng):
    while True:
        base = "%02d%02d" % (rng.randint(0, 24), rng.randint(1, 12)) + rng.choice("45") + rng.choice("0012") + "%05d" % rng.randint(1, 99999)
        k = iin_check(base)
        if k is not None:
            return base + str(k)

def make_xiin(rng):
    while True:
        base = "%02d%02d%02d" % (rng.randint(60, 99), rng.randint(1, 12), rng.randint(1, 28)) + str(rng.choice([3, 4])) + "%04d" % rng.randint(1, 9999)
        k = iin_check(base)
        bad = [x for x in range(10) if x != k]
        return base + str(rng.choice(bad))

def iban_check(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    n = "".join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1

def make_iban(rng):
    bank = rng.choice(["601", "722", "998", "914", "856", "551", "949", "070", "826", "432"])
    acct = "".join(rng.choice("0123456789") for _ in range(13)) if rng.random() < 0.6 else \
        "".join(rng.choice("0123456789") for _ in range(3)) + "KZT" + "".join(rng.choice("0123456789") for _ in range(7))
    r = bank + acct + "KZ00"
    n = int("".join(str(int(ch, 36)) for ch in r))
    kk = 98 - n % 97
    v = "KZ%02d" % kk + bank + acct
    assert iban_check(v)
    return v

def luhn_ok(digits):
    s = 0
    for i, ch in enumerate(reversed(digits)):
        x = int(ch)
        if i % 2 == 1:
            x *= 2
            if x > 9: x -= 9
        s += x
    return s % 10 == 0

def make_card(rng, valid=True):
    pref = rng.choice(["4400", "4405", "5169", "4149", "5522", "4578", "2200", "5395"])
    while True:
        d = pref + "".join(rng.choice("0123456789") for _ in range(12))
        if luhn_ok(d) == valid:
            return d

def g4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

def main():
    rng = random.Random(7007)
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    for fn in sorted(glob.glob(os.path.join(here, "src_*.tsv"))):
        for ln, line in enumerate(open(fn, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split(" ||| ")
            assert len(parts) == 4, (fn, ln, len(parts))
            kind, lang, hn, text = parts
            text = text.replace("\\n", "\n")
            def sub(m):
                s = m.group(1)
                if s.startswith("IIN"):
                    if "@" in s:
                        _, ymd, c = s.split("@")
                        return make_iin(rng, ymd, c)
                    return make_iin(rng)
                return {"BIN": lambda: make_bin(rng), "IBAN": lambda: make_iban(rng),
                        "IBANS": lambda: g4(make_iban(rng)), "CARD": lambda: make_card(rng),
                        "CARDS": lambda: g4(make_card(rng)), "XIIN": lambda: make_xiin(rng),
                        "XCARD": lambda: make_card(rng, False)}[s]()
            text = re.sub(r"\{(IIN(?:@\d{6}@\d)?|BIN|IBANS?|CARDS?|XIIN|XCARD)\}", sub, text)
            rows.append({"kind": kind, "lang": lang, "hard_negative": hn == "1", "text": text})
    with open(os.path.join(here, "..", "dev7.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            o = {"id": "f%04d" % i, **r}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", len(rows))

if __name__ == "__main__":
    main()
