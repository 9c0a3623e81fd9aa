"""Check-digit helpers (IIN/BIN per the reference, IBAN MOD 97-10, Luhn). Standard library only."""
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


def iban_valid(s):
    s = s.replace(" ", "").upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit() or not s.isalnum():
        return False
    if s.startswith("KZ") and len(s) != 20:
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(ch, 36)) for ch in r)
    return int(n) % 97 == 1


def iban_make(country, bban):
    r = bban + country + "00"
    n = "".join(str(int(ch, 36)) for ch in r)
    kk = 98 - int(n) % 97
    return "%s%02d%s" % (country, kk, bban)


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


def luhn_complete(prefix_digits):
    for c in range(10):
        if luhn_valid(prefix_digits + str(c)):
            return prefix_digits + str(c)
