"""Builds ../dev5.jsonl from the hand-written prose in ../src/*.txt.

Source format: one record per line, `@kind lang hn :: text` (hn = 0/1); `\\n` in the text is a line break.
Only identifier VALUES are filled in here, from named slots:
  {IIN} {IIN@YYMMDD} {BIN} {IBAN} {IBAN_S} {CARD} {CARD_S} {CARD_D} {BAD12} {BADCARD} {BADCARD_S} {BADIBAN}
A slot may carry a tag, e.g. {IIN#a}: the same tag inside one record gives the same value.
"""
import glob
import json
import os
import random
import re

import kzid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SLOT = re.compile(r"\{([A-Z0-9_]+)(?:@(\d{6,7}))?(?:#(\w+))?\}")


def value(rng, name, arg):
    if name == "IIN":
        return kzid.make_iin(rng, arg)
    if name == "BIN":
        return kzid.make_bin(rng)
    if name == "IBAN":
        return kzid.make_iban(rng)
    if name == "IBAN_S":
        return kzid.group4(kzid.make_iban(rng))
    if name in ("CARD", "CARD_C"):
        return kzid.make_card(rng)
    if name == "CARD_S":
        return kzid.group4(kzid.make_card(rng))
    if name == "CARD_D":
        return "-".join(kzid.group4(kzid.make_card(rng)).split())
    if name == "BAD12":
        return kzid.make_bad12(rng)
    if name == "BADCARD":
        return kzid.make_bad_card(rng)
    if name == "BADCARD_S":
        return kzid.group4(kzid.make_bad_card(rng))
    if name == "BADIBAN":
        return kzid.make_bad_iban(rng)
    raise ValueError("unknown slot " + name)


def main():
    rng = random.Random(20261206)
    out = []
    n = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "src", "*.txt"))):
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.startswith("@"):
                continue
            head, text = line[1:].split(" :: ", 1)
            kind, lang, hn = head.split()
            tags = {}

            def sub(m):
                name, arg, tag = m.group(1), m.group(2), m.group(3)
                if tag and (name, tag) in tags:
                    return tags[(name, tag)]
                v = value(rng, name, arg)
                if tag:
                    tags[(name, tag)] = v
                return v

            text = SLOT.sub(sub, text).replace("\\n", "\n")
            n += 1
            out.append({"id": "g%04d" % n, "kind": kind, "lang": lang,
                        "hard_negative": hn == "1", "text": text})
    with open(os.path.join(ROOT, "dev5.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", n, "lines")


if __name__ == "__main__":
    main()
