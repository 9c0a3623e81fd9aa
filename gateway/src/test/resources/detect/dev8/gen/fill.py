#!/usr/bin/env python3
"""Turn the hand-written sources gen/src/*.txt into ../dev8.jsonl.
Source format: a header line  '### kind=<kind> lang=<ru|kk|en|mixed> hn=<0|1>'  followed by the text
(real line breaks become \\n).  Only identifier VALUES are filled by script, from named slots:
{IIN} {IIN:YYMMDD:c7} {BIN} {IBAN} {IBAN:sp} {CARD} {CARD:raw} {CARD:dash}.
The same slot text with a trailing '#k' tag ({IIN#1}) yields the same value inside one document."""
import glob, json, os, random, re, sys
sys.path.insert(0, os.path.dirname(__file__))
import kzids

SLOT = re.compile(r"\{(IIN|BIN|IBAN|CARD)(?::([^}#]*))?(?:#(\w+))?\}")


def main():
    rng = random.Random(20261206)
    here = os.path.dirname(os.path.abspath(__file__))
    docs = []
    for fn in sorted(glob.glob(os.path.join(here, "src", "*.txt"))):
        cur = None
        for line in open(fn, encoding="utf-8").read().split("\n"):
            if line.startswith("### "):
                if cur:
                    docs.append(cur)
                meta = dict(kv.split("=", 1) for kv in line[4:].split())
                cur = [meta, []]
            elif cur is not None:
                cur[1].append(line)
        if cur:
            docs.append(cur)
    out = []
    for i, (meta, lines) in enumerate(docs, 1):
        while lines and not lines[-1].strip():
            lines.pop()
        text = "\n".join(lines)
        memo = {}

        def sub(m):
            key = m.group(0)
            if m.group(3) and key in memo:
                return memo[key]
            t, arg = m.group(1), m.group(2)
            if t == "IIN":
                if arg:
                    ymd, c7 = (arg.split(":") + [None])[:2]
                    v = kzids.gen_iin(rng, ymd, c7)
                else:
                    v = kzids.gen_iin(rng)
            elif t == "BIN":
                v = kzids.gen_bin(rng)
            elif t == "IBAN":
                v = kzids.gen_iban(rng, spaced=(arg == "sp"))
            else:
                v = kzids.gen_card(rng, arg or "sp")
            memo[key] = v
            return v
        text = SLOT.sub(sub, text)
        out.append({"id": "g%04d" % i, "kind": meta["kind"], "lang": meta["lang"],
                    "hard_negative": meta.get("hn", "0") == "1", "text": text})
    with open(os.path.join(here, "..", "dev8.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", len(out), "lines")


if __name__ == "__main__":
    main()
