"""Validators and generators for Kazakh identifiers (rules from kz-personal-data.md)."""
import random

B1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
B2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_check_digit(base11):
    d = [int(c) for c in base11]
    r = sum(a * b for a, b in zip(d, B1)) % 11
    if r == 10:
        r = sum(a * b for a, b in zip(d, B2)) % 11
        if r == 10:
            return None
    return r


def iin_valid(s):
    s = s.strip()
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check_digit(s[:11])
    return c is not None and c == int(s[11])


def make_iin(rng, prefix=None):
    while True:
        if prefix and len(prefix) >= 6:
            p = prefix
        else:
            y = rng.randint(1950, 2015)
            m = rng.randint(1, 12)
            dd = rng.randint(1, 28)
            p = "%02d%02d%02d" % (y % 100, m, dd)
        if len(p) == 6:
            yy = int(p[:2])
            cent = 5 if yy <= 24 else 3
            p += str(cent + rng.randint(0, 1))
        base = p + "".join(str(rng.randint(0, 9)) for _ in range(11 - len(p)))
        c = iin_check_digit(base)
        if c is not None:
            return base + str(c)


def make_bin(rng):
    while True:
        yy = rng.randint(0, 24)
        mm = rng.randint(1, 12)
        base = "%02d%02d" % (yy, mm) + rng.choice("44445") + rng.choice("0001") + "".join(
            str(rng.randint(0, 9)) for _ in range(5))
        c = iin_check_digit(base)
        if c is not None:
            return base + str(c)


def make_bad12(rng):
    """12 digits that do NOT pass the IIN/BIN check."""
    while True:
        s = "".join(str(rng.randint(0, 9)) for _ in range(12))
        if s[0] == "0":
            continue
        if not iin_valid(s):
            return s


def iban_valid(s):
    s = s.replace(" ", "")
    if len(s) != 20 or not s.startswith("KZ"):
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def make_iban(rng):
    bank = rng.choice(["601", "722", "914", "998", "821", "965", "070", "551", "856", "319"])
    acc = "".join(rng.choice("0123456789") for _ in range(13))
    if rng.random() < 0.3:
        acc = "KZT" + acc[3:]
    r = bank + acc + "KZ00"
    n = int("".join(str(int(ch, 36)) for ch in r))
    kk = 98 - n % 97
    return "KZ%02d%s%s" % (kk, bank, acc)


def make_bad_iban(rng):
    while True:
        s = make_iban(rng)
        kk = int(s[2:4])
        s2 = "KZ%02d%s" % ((kk + rng.randint(1, 9)) % 100, s[4:])
        if not iban_valid(s2):
            return s2


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def luhn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if not 13 <= len(d) <= 19:
        return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def make_card(rng, n=16):
    pre = rng.choice(["4400", "4405", "4149", "5169", "5211", "4390", "2200", "5522", "4263", "3755"])
    if pre.startswith("37"):
        n = 15
    while True:
        body = pre + "".join(str(rng.randint(0, 9)) for _ in range(n - len(pre) - 1))
        for c in "0123456789":
            if luhn_valid(body + c):
                return body + c


def make_bad_card(rng):
    while True:
        s = "".join(str(rng.randint(0, 9)) for _ in range(16))
        if s[0] in "45" and not luhn_valid(s):
            return s
