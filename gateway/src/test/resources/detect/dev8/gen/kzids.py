"""Validators and generators for Kazakh identifiers (standard library only).
Algorithms as given in kz-personal-data.md: IIN/BIN mod-11 with two weight passes,
IBAN MOD 97-10, Luhn for payment cards."""
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
    s = str(s)
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check_digit(s[:11])
    return c is not None and c == int(s[11])


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


def iban_valid(s):
    s = s.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if s[:2] == "KZ" and len(s) != 20:
        return False
    r = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in r)
    return int(num) % 97 == 1


def gen_iin(rng, yymmdd=None, c7=None):
    while True:
        if yymmdd is None:
            y = rng.randint(1950, 2005)
            m = rng.randint(1, 12)
            d = rng.randint(1, 28)
            date = "%02d%02d%02d" % (y % 100, m, d)
            cen = 3 if y < 2000 else 5
            c = cen + rng.randint(0, 1)
        else:
            date = yymmdd
            c = int(c7) if c7 else rng.choice([3, 4])
        base = date + str(c) + "%04d" % rng.randint(0, 9999)
        cd = iin_check_digit(base)
        if cd is not None:
            return base + str(cd)


def gen_bin(rng):
    while True:
        base = "%02d%02d" % (rng.randint(0, 24), rng.randint(1, 12)) + rng.choice("44445") + rng.choice("0001") + "%05d" % rng.randint(0, 99999)
        cd = iin_check_digit(base)
        if cd is not None:
            return base + str(cd)


def gen_iban(rng, spaced=False):
    bank = rng.choice(["601", "722", "998", "826", "914", "070", "551", "949"])
    acct = "".join(rng.choice("0123456789") for _ in range(13))
    if rng.random() < 0.3:
        acct = acct[:3] + "KZT" + acct[6:]
    r = bank + acct + "KZ00"
    num = "".join(str(int(c, 36)) for c in r)
    kk = 98 - int(num) % 97
    s = "KZ%02d%s%s" % (kk, bank, acct)
    assert iban_valid(s)
    if spaced:
        s = " ".join(s[i:i + 4] for i in range(0, 20, 4))
    return s


def gen_card(rng, style="sp"):
    prefix = rng.choice(["4400", "4405", "4149", "5169", "5522", "4263", "5375", "2200"])
    body = prefix + "".join(rng.choice("0123456789") for _ in range(11))
    for last in "0123456789":
        if luhn_valid(body + last):
            n = body + last
            break
    if style == "raw":
        return n
    sep = "-" if style == "dash" else " "
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))
