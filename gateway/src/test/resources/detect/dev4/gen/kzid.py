"""Shared validators/generators for Kazakh identifiers (standard library only)."""
import random

B1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
B2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_check(base11):
    d = [int(c) for c in base11]
    r = sum(a * b for a, b in zip(d, B1)) % 11
    if r == 10:
        r = sum(a * b for a, b in zip(d, B2)) % 11
        if r == 10:
            return None
    return r


def iin_valid(s):
    s = s.replace(' ', '')
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check(s[:11])
    return c is not None and c == int(s[11])


def luhn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    if not 13 <= len(d) <= 19:
        return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def iban_valid(s):
    s = s.replace(' ', '').upper()
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if s[:2] == 'KZ' and len(s) != 20:
        return False
    r = s[4:] + s[:4]
    n = ''.join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def gen_iin(rng):
    while True:
        y = rng.randint(1945, 2019)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        sex = rng.randint(0, 1)
        c7 = (3 if y < 2000 else 5) + sex
        base = f"{y % 100:02d}{m:02d}{d:02d}{c7}{rng.randint(0, 9999):04d}"
        c = iin_check(base)
        if c is not None:
            return base + str(c)


def gen_bin(rng):
    while True:
        y = rng.randint(1995, 2024)
        m = rng.randint(1, 12)
        base = f"{y % 100:02d}{m:02d}{rng.choice('44445')}{rng.choice('0001')}{rng.randint(0, 99999):05d}"
        c = iin_check(base)
        if c is not None:
            return base + str(c)


def gen_bad12(rng):
    """12 digits that look like an IIN but fail the check."""
    while True:
        s = gen_iin(rng)
        bad = s[:11] + str((int(s[11]) + rng.randint(1, 9)) % 10)
        if not iin_valid(bad):
            return bad


def gen_iban(rng, spaced=False):
    bank = rng.choice(['601', '722', '998', '826', '914', '965', '856', '551', '070', '949'])
    acct = ''.join(rng.choice('0123456789') for _ in range(13))
    if rng.random() < 0.3:
        acct = 'KZT' + acct[3:]
    n = ''.join(str(int(c, 36)) for c in bank + acct + 'KZ00')
    kk = 98 - int(n) % 97
    s = f"KZ{kk:02d}{bank}{acct}"
    assert iban_valid(s)
    if spaced:
        s = ' '.join(s[i:i + 4] for i in range(0, 20, 4))
    return s


def gen_card(rng, sep=' '):
    pre = rng.choice(['4400', '4405', '4149', '5169', '5522', '4263', '5356', '2202', '4390', '5375'])
    body = pre + ''.join(rng.choice('0123456789') for _ in range(11))
    for last in '0123456789':
        if luhn_valid(body + last):
            s = body + last
            break
    if sep is None:
        return s
    return sep.join(s[i:i + 4] for i in range(0, 16, 4))


def gen_noluhn(rng, n=16, sep=''):
    while True:
        s = ''.join(rng.choice('0123456789') for _ in range(n))
        if s[0] != '0' and not luhn_valid(s):
            if sep:
                return sep.join(s[i:i + 4] for i in range(0, n, 4))
            return s
