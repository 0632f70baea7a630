#!/usr/bin/env python3
"""Break down the direct quotes the PolNeAR scorer counts as wrong (see scripts/eval-polnear.sh).

  scripts/polnear-breakdown.py [N]     (N: only the first N articles)

Reuses ../shared/eval/score.py (its readers and its overlap rule, unchanged) and sorts every
direct or partial quote that covers no gold content span by half into:
  split-by-sentence  gold content covers >= 90 % of the quote, but in several spans (the
                     annotators marked a multi-sentence quote one sentence at a time);
  second-half        the quote continues a counted quote of the same speaker in the same
                     paragraph (`"A," she said. "B."`) whose second half was left unannotated;
  other              everything else (scare quotes, unannotated quotes, our mistakes).
Prints one JSON line: the scorer's precision, the counts, and the precision with the first two
groups counted as found. Needs target/release/relations (scripts/eval-polnear.sh builds it).
"""
import json, os, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score as S  # noqa: E402

S.BIN = os.environ.get("RELATIONS_BIN", os.path.join(HERE, "..", "target", "release", "relations"))
DATA = os.path.join(SHARED, "data", "polnear-train")


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
    tmp = tempfile.mkdtemp()
    counts = dict(ok=0, out=0, split_by_sentence=0, second_half=0, other=0)
    seen = set()
    for ann in S.list_ann(DATA, "train"):
        art = ann.rsplit("_", 1)[0]
        if art in seen:
            continue
        seen.add(art)
        if limit and len(seen) > limit:
            break
        text = S.git_show(DATA, f"data/train/text/{art}.txt")
        spans, rels = S.parse_ann(S.git_show(DATA, f"data/train/attributions/{ann}"))
        content = [seg for r in rels if r.get("Content") in spans for seg in spans[r["Content"]][1]]
        path = os.path.join(tmp, art + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        out = S.run(path)
        if out is None:
            continue
        table = S.u16_to_cp(text)
        quotes = [(table.get(q.get("start")), table.get(q.get("end")), q) for q in out.get("quotes") or []
                  if q.get("kind") in ("direct", "partial")]
        quotes = [(a, b, q) for a, b, q in quotes if a is not None and b is not None]
        for i, (a, b, q) in enumerate(quotes):
            counts["out"] += 1
            if any(S.overlap((a, b), c) >= 0.5 for c in content):
                counts["ok"] += 1
                continue
            covered = sum(max(0, min(b, c[1]) - max(a, c[0])) for c in content) / max(1, b - a)
            if covered >= 0.9:
                counts["split_by_sentence"] += 1
                continue
            prev = [p for p in quotes[:i] if 0 <= a - p[1] <= 120 and "\n" not in text[p[1]:a]
                    and q.get("speaker") is not None and p[2].get("speaker") == q.get("speaker")]
            if prev and any(S.overlap((prev[-1][0], prev[-1][1]), c) >= 0.5 for c in content):
                counts["second_half"] += 1
            else:
                counts["other"] += 1
    p = counts["ok"] / counts["out"] if counts["out"] else 0.0
    p2 = (counts["ok"] + counts["split_by_sentence"] + counts["second_half"]) / counts["out"] if counts["out"] else 0.0
    print(json.dumps(dict(direct_p=round(p, 4), direct_p_without_annotation_splits=round(p2, 4), **counts)))


if __name__ == "__main__":
    main()
