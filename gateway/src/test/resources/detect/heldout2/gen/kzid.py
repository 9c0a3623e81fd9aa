"""Generators for synthetic Kazakh identifiers (valid and deliberately invalid).

Rules follow /work/shared/reference/kz-personal-data.md:
  IIN/BIN check digit: weights b=(1..11) mod 11; if 10, weights c=(3..11,1,2) mod 11;
  if 10 again the number is never issued (invalid).
  IBAN: ISO 13616 MOD 97-10, KZ = 20 chars: KZ + 2 check + 3-digit bank + 13 alnum.
  Cards: Luhn.
All numbers are random (seeded) and invented.
"""
import random

B1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
B2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)


def iin_check(base11):
    """Return the check digit for 11 digits, or None if the number cannot be issued."""
    d = [int(c) for c in base11]
    r = sum(a * b for a, b in zip(d, B1)) % 11
    if r == 10:
        r = sum(a * b for a, b in zip(d, B2)) % 11
        if r == 10:
            return None
    return r


def iin_valid(s):
    if len(s) != 12 or not s.isdigit():
        return False
    c = iin_check(s[:11])
    return c is not None and c == int(s[11])


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used = set()

    def _unique(self, f):
        for _ in range(1000):
            v = f()
            if v not in self.used:
                self.used.add(v)
                return v
        raise RuntimeError("could not make a unique value")

    # ---- IIN -------------------------------------------------------------
    def _date(self):
        y = self.r.randint(1948, 2019)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        return y, m, d

    def _iin_base(self, arg):
        if arg:  # YYMMDD + m/f, e.g. 870312f ; century from YY (<=25 -> 2000s)
            yymmdd, sex = arg[:6], arg[6]
            yy = int(yymmdd[:2])
            cent = 5 if yy <= 25 else 3
        else:
            y, m, d = self._date()
            yymmdd = "%02d%02d%02d" % (y % 100, m, d)
            cent = 5 if y >= 2000 else 3
            sex = self.r.choice("mf")
        c7 = cent if sex == "m" else cent + 1
        serial = "%04d" % self.r.randint(1, 9999) if self.r.random() < 0.7 else "%04d" % self.r.randint(1, 800)
        return yymmdd + str(c7) + serial

    def iin(self, arg=None):
        def f():
            while True:
                b = self._iin_base(arg)
                c = iin_check(b)
                if c is not None:
                    return b + str(c)
        return self._unique(f)

    def xiin(self, arg=None):
        """Looks like an IIN, but the check digit is wrong."""
        def f():
            b = self._iin_base(arg)
            c = iin_check(b)
            choices = [x for x in range(10) if x != c]
            v = b + str(self.r.choice(choices))
            assert not iin_valid(v)
            return v
        return self._unique(f)

    def niin(self, arg=None):
        """A base for which both passes give 10: never issued; any 12th digit is invalid."""
        def f():
            while True:
                b = self._iin_base(arg)
                if iin_check(b) is None:
                    v = b + str(self.r.randint(0, 9))
                    assert not iin_valid(v)
                    return v
        return self._unique(f)

    # ---- BIN -------------------------------------------------------------
    def _bin_base(self, arg):
        if arg:
            yymm = arg[:4]
        else:
            yymm = "%02d%02d" % (self.r.randint(0, 25) if self.r.random() < 0.6 else self.r.randint(93, 99),
                                 self.r.randint(1, 12))
        t = self.r.choice("4444456")
        h = self.r.choice("00000123")
        serial = "%05d" % self.r.randint(1, 99999) if self.r.random() < 0.5 else "%05d" % self.r.randint(1, 3000)
        return yymm + t + h + serial

    def bin(self, arg=None):
        def f():
            while True:
                b = self._bin_base(arg)
                c = iin_check(b)
                if c is not None:
                    return b + str(c)
        return self._unique(f)

    def xbin(self, arg=None):
        def f():
            b = self._bin_base(arg)
            c = iin_check(b)
            v = b + str(self.r.choice([x for x in range(10) if x != c]))
            assert not iin_valid(v)
            return v
        return self._unique(f)

    # ---- IBAN ------------------------------------------------------------
    BANKS = ["601", "722", "998", "826", "914", "856", "070", "125", "949", "551", "432", "965"]

    def _acct(self, bank):
        r = self.r
        digits = lambda n: "".join(r.choice("0123456789") for _ in range(n))
        style = r.randint(0, 3)
        if bank == "722":
            return "S" + digits(12)
        if bank == "070":
            return "105" + "KSN" + digits(7)
        if style == 0:
            return "KZT" + digits(10)
        if style == 1:
            return digits(13)
        if style == 2:
            return "0" + r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + digits(11)
        return "000" + digits(10)

    @staticmethod
    def iban_mod(s):
        s = s.replace(" ", "")
        t = s[4:] + s[:4]
        n = "".join(str(int(ch, 36)) for ch in t)
        return int(n) % 97

    def _iban_raw(self):
        bank = self.r.choice(self.BANKS)
        acct = self._acct(bank)
        bban = bank + acct
        kk = 98 - self.iban_mod("KZ00" + bban)
        return "KZ%02d%s" % (kk, bban)

    @staticmethod
    def group4(s):
        return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

    def iban(self, spaced=False):
        v = self._unique(self._iban_raw)
        assert self.iban_mod(v) == 1 and len(v) == 20
        return self.group4(v) if spaced else v

    def xiban(self, spaced=False):
        def f():
            v = self._iban_raw()
            # break it: change one digit of the check or of the account
            pos = self.r.choice([2, 3, 8, 12, 17, 19])
            while True:
                ch = v[pos]
                if ch.isdigit():
                    nv = v[:pos] + str((int(ch) + self.r.randint(1, 9)) % 10) + v[pos + 1:]
                else:
                    nv = v[:pos] + str(self.r.randint(0, 9)) + v[pos + 1:]
                if self.iban_mod(nv) != 1:
                    return nv
        v = self._unique(f)
        return self.group4(v) if spaced else v

    # ---- cards -----------------------------------------------------------
    @staticmethod
    def luhn_ok(num):
        total = 0
        for i, ch in enumerate(reversed(num)):
            d = int(ch)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return total % 10 == 0

    def _card_digits(self, prefix, length, valid):
        body = prefix + "".join(self.r.choice("0123456789") for _ in range(length - len(prefix) - 1))
        for last in "0123456789":
            if self.luhn_ok(body + last) == valid:
                if valid or self.r.random() < 0.5 or last == "9":
                    return body + last
        raise RuntimeError

    PREFIXES = {
        "visa": ["440043", "400303", "404932", "417426", "4405", "4263"],
        "mc": ["5169", "5522", "5395", "5440", "2221"],
        "mir": ["2200", "2202"],
        "amex": ["34", "37"],
        "upi": ["6262", "6210"],
    }

    def card(self, kind="visa", fmt="s", valid=True):
        length = {"amex": 15, "upi": 19}.get(kind, 16)
        prefix = self.r.choice(self.PREFIXES[kind])
        v = self._unique(lambda: self._card_digits(prefix, length, valid))
        assert self.luhn_ok(v) == valid
        if kind == "amex":
            groups = [v[:4], v[4:10], v[10:]]
        elif kind == "upi":
            groups = [v[i:i + 4] for i in range(0, 19, 4)]
        else:
            groups = [v[i:i + 4] for i in range(0, 16, 4)]
        if fmt == "c":
            return v
        if fmt == "d":
            return "-".join(groups)
        return " ".join(groups)

    # ---- random strings for secrets / public hashes ------------------------
    def rnd(self, alphabet, n):
        return self._unique(lambda: "".join(self.r.choice(alphabet) for _ in range(n)))

    def hexs(self, n):
        return self.rnd("0123456789abcdef", n)

    def alnum(self, n):
        return self.rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n)

    def b64(self, n):
        core = self.rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", n - 1)
        return core + "="

    def jwt(self):
        import base64, json
        hdr = base64.urlsafe_b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()).decode().rstrip("=")
        payload = base64.urlsafe_b64encode(json.dumps(
            {"sub": str(self.r.randint(10000, 99999)), "iat": self.r.randint(1700000000, 1760000000)}).encode()).decode().rstrip("=")
        sig = self.rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 43)
        return hdr + "." + payload + "." + sig

    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], "a" + h[17:20], h[20:32])

    def pwd(self):
        words = ["Tulpan", "Zhibek", "Sunkar", "Aksai", "Baiterek", "Kokzhal", "Medeu", "Shabyt", "Dala", "Orda",
                 "Nomad", "Steppe", "Kulager", "Tumar", "Altyn"]
        sym = "!#$%&*?@"
        return self._unique(lambda: self.r.choice(words) + self.r.choice(sym) + str(self.r.randint(10, 9999))
                            + self.r.choice(["", "kz", "Qq", "x", "!"]))
