#!/usr/bin/env python3
"""Checks corpus PDFs: qpdf --check, and word-multiset recall of pdftotext and
pypdf extraction against truth/<name>.txt. Usage: verify.py CORPUS_DIR [PDF...]"""
import collections, os, subprocess, sys

def words(s):
    return collections.Counter(s.split())

def recall(truth, got):
    t, g = words(truth), words(got)
    n = sum(t.values())
    hit = sum(min(c, g[w]) for w, c in t.items())
    missing = [w for w, c in t.items() if g[w] < c]
    extra = [w for w, c in g.items() if t[w] < c]
    return (hit / n if n else 1.0), missing, extra

def main():
    d = sys.argv[1]
    pdfs = sys.argv[2:] or sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".pdf"))
    try:
        import pypdf
    except ImportError:
        pypdf = None
    bad = 0
    for p in pdfs:
        name = os.path.basename(p)[:-4]
        tp = os.path.join(d, "truth", name + ".txt")
        q = subprocess.run(["qpdf", "--password=cvmatch", "--check", p], capture_output=True, text=True)
        qok = q.returncode == 0
        if not os.path.exists(tp):
            print(f"{name}: no truth (qpdf rc={q.returncode})")
            continue
        truth = open(tp, encoding="utf-8").read()
        pt = subprocess.run(["pdftotext", "-upw", "cvmatch", "-enc", "UTF-8", p, "-"], capture_output=True, text=True)
        r1, m1, e1 = recall(truth, pt.stdout)
        line = f"{name}: qpdf={'ok' if qok else 'FAIL'} pdftotext={r1:.3f}"
        if pt.stderr.strip():
            line += f" [pdftotext stderr: {pt.stderr.strip()[:80]}]"
        r2 = None
        if pypdf:
            try:
                rd = pypdf.PdfReader(p)
                if rd.is_encrypted:
                    rd.decrypt("cvmatch")
                txt = "\n".join(pg.extract_text() or "" for pg in rd.pages)
                r2, m2, e2 = recall(truth, txt)
                line += f" pypdf={r2:.3f}"
            except Exception as ex:
                line += f" pypdf=ERR({ex})"
        if not qok or r1 < 1.0:
            bad += 1
            line += f"\n   missing(pdftotext)={m1[:8]} extra={e1[:8]}"
        if r2 is not None and r2 < 1.0:
            line += f"\n   missing(pypdf)={m2[:8]} extra={e2[:8]}"
        print(line)
    print(f"{len(pdfs)} files, {bad} with pdftotext recall < 1 or qpdf failure")

main()
