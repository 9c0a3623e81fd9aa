"""Generators and validators for synthetic Kazakh identifiers (standard library only)."""
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


def make_iin(rng, y, m, d, male):
    cent = {18: 1, 19: 3, 20: 5}[y // 100] + (0 if male else 1)
    while True:
        base = '%02d%02d%02d%d%04d' % (y % 100, m, d, cent, rng.randint(0, 9999))
        c = iin_check(base)
        if c is not None:
            return base + str(c)


def make_bin(rng):
    while True:
        base = '%02d%02d%d%d%05d' % (rng.randint(0, 24), rng.randint(1, 12), rng.choice([4, 4, 4, 5, 6]),
                                      rng.choice([0, 0, 0, 1, 2, 3]), rng.randint(0, 99999))
        c = iin_check(base)
        if c is not None:
            return base + str(c)


def bad12(rng, like=None):
    """12 digits that fail the IIN/BIN check."""
    while True:
        s = like[:11] if like else ''.join(str(rng.randint(0, 9)) for _ in range(11))
        last = rng.randint(0, 9)
        if not iin_valid(s + str(last)):
            return s + str(last)
        like = None


def iban_num(s):
    return int(''.join(str(int(ch, 36)) for ch in s))


def iban_valid(s):
    s = s.replace(' ', '')
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    return iban_num(s[4:] + s[:4]) % 97 == 1


def make_iban(rng, grouped=None):
    bank = rng.choice(['722', '601', '998', '826', '914', '965', '551', '319', '856', '070', '949', '432'])
    acct = ''.join(rng.choice('0123456789' * 3 + 'ABCDEFKZT') for _ in range(13))
    if rng.random() < 0.5:
        acct = ''.join(rng.choice('0123456789') for _ in range(13))
    kk = 98 - iban_num(bank + acct + 'KZ00') % 97
    s = 'KZ%02d%s%s' % (kk, bank, acct)
    assert iban_valid(s)
    if grouped is None:
        grouped = rng.random() < 0.55
    return ' '.join(s[i:i + 4] for i in range(0, 20, 4)) if grouped else s


def bad_iban(rng):
    while True:
        s = make_iban(rng, grouped=False)
        s = s[:2] + '%02d' % ((int(s[2:4]) + rng.randint(1, 50)) % 100) + s[4:]
        if not iban_valid(s):
            return ' '.join(s[i:i + 4] for i in range(0, 20, 4)) if rng.random() < .5 else s


def luhn_valid(s):
    d = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def make_card(rng, fmt=None):
    pre, ln = rng.choice([('4400', 16), ('4405', 16), ('5169', 16), ('5221', 16), ('2200', 16), ('4149', 16),
                          ('3742', 15), ('2200', 19), ('9860', 16), ('5440', 16)])
    while True:
        body = pre + ''.join(str(rng.randint(0, 9)) for _ in range(ln - len(pre) - 1))
        for c in '0123456789':
            if luhn_valid(body + c):
                num = body + c
                break
        break
    fmt = fmt or rng.choice(['space', 'space', 'plain', 'dash'])
    if ln == 15:
        parts = [num[:4], num[4:10], num[10:]]
    elif ln == 19:
        parts = [num[:4], num[4:8], num[8:12], num[12:16], num[16:]]
    else:
        parts = [num[i:i + 4] for i in range(0, 16, 4)]
    return {'space': ' ', 'plain': '', 'dash': '-'}[fmt].join(parts)


def bad_card(rng):
    while True:
        s = make_card(rng)
        digs = [c for c in s]
        idx = [i for i, c in enumerate(digs) if c.isdigit()][-1]
        digs[idx] = str((int(digs[idx]) + rng.randint(1, 9)) % 10)
        s2 = ''.join(digs)
        if not luhn_valid(s2):
            return s2
