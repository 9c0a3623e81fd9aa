"""Build ../heldout2.jsonl from the hand-written line files in gen/lines/.

Line files: gen/lines/<lang>_<pos|neg>.txt, records separated by a header line
    === <document kind>
followed by the text (real line breaks become \n in the JSON text).
Numbers that need check digits are written as placeholders and filled here:
    <IIN> <IIN=870312f> (YYMMDD + sex)  <BIN>  <IBAN> <IBANS> (spaced)  <CARD> <CARDC> <CARDD> <MC> <MCD>
    <MIR> <AMEX> <UPI>;  invalid look-alikes: <XIIN> <NIIN> <XBIN> <XIBAN> <XIBANS> <XCARD> <XCARDC> <XCARDD>
    random strings: <HEX=n> <UP=n> <AN=n> <B64=n> <JWT> <UUID> <PWD>
(angle brackets are U+27E8/U+27E9). A suffix #k reuses the same value inside one record.
Run once; the output is frozen afterwards.
"""
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kzid import Gen  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "heldout2.jsonl")
PH = re.compile(r"⟨([A-Z0-9]+)(?:=([^#⟩]+))?(?:#(\w+))?⟩")


def fill(g, text):
    memo = {}

    def rep(m):
        name, arg, key = m.group(1), m.group(2), m.group(3)
        if key and (name, key) in memo:
            return memo[(name, key)]
        f = {
            "IIN": lambda: g.iin(arg), "XIIN": lambda: g.xiin(arg), "NIIN": lambda: g.niin(arg),
            "BIN": lambda: g.bin(arg), "XBIN": lambda: g.xbin(arg),
            "IBAN": lambda: g.iban(False), "IBANS": lambda: g.iban(True),
            "XIBAN": lambda: g.xiban(False), "XIBANS": lambda: g.xiban(True),
            "CARD": lambda: g.card("visa", "s"), "CARDC": lambda: g.card("visa", "c"),
            "CARDD": lambda: g.card("visa", "d"), "MC": lambda: g.card("mc", "s"),
            "MCD": lambda: g.card("mc", "d"), "MCC": lambda: g.card("mc", "c"),
            "MIR": lambda: g.card("mir", "s"), "AMEX": lambda: g.card("amex", "s"),
            "UPI": lambda: g.card("upi", "s"),
            "XCARD": lambda: g.card("visa", "s", False), "XCARDC": lambda: g.card("visa", "c", False),
            "XCARDD": lambda: g.card("mc", "d", False),
            "HEX": lambda: g.hexs(int(arg)), "UP": lambda: g.rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", int(arg)), "AN": lambda: g.alnum(int(arg)), "B64": lambda: g.b64(int(arg)),
            "JWT": g.jwt, "UUID": g.uuid, "PWD": g.pwd,
        }[name]
        v = f()
        if key:
            memo[(name, key)] = v
        return v

    out = PH.sub(rep, text)
    assert "⟨" not in out and "⟩" not in out, out
    return out


def read_records(path):
    recs, kind, buf = [], None, []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("=== "):
                if kind is not None:
                    recs.append((kind, "\n".join(buf).strip("\n")))
                kind, buf = line[4:].strip(), []
            else:
                buf.append(line)
    if kind is not None:
        recs.append((kind, "\n".join(buf).strip("\n")))
    return recs


def main():
    g = Gen(20261206)
    rows = []
    ldir = os.path.join(HERE, "lines")
    for fn in sorted(os.listdir(ldir)):
        if not fn.endswith(".txt"):
            continue
        lang, pn = fn[:-4].split("_")
        for kind, text in read_records(os.path.join(ldir, fn)):
            assert text.strip(), (fn, kind)
            rows.append({"kind": kind, "lang": lang, "hard_negative": pn == "neg", "text": text})
    random.Random(6122026).shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows, 1):
            r["text"] = fill(g, r["text"])
            obj = {"id": "g%04d" % i, "kind": r["kind"], "lang": r["lang"],
                   "hard_negative": r["hard_negative"], "text": r["text"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print("wrote", len(rows), "lines to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
