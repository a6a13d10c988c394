#!/usr/bin/env python3
"""Validates the knowledge base in data/actors/.

Checks what the C++ loader relies on and what hand-editing tends to break:
one header line with the expected columns, the same column count on every
row, no stray whitespace around fields, ids unique, known ISO codes, CAMEO
codes of the expected shape, dates YYYY-MM-DD that exist, start <= end, and
no person holding the same role in the same country twice over overlapping
dates.  Exit status 1 with one line per problem (file:line: message).

Usage: scripts/kb/check_kb.py [DATA_DIR]
"""
import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SCHEMAS = {
    "countries.tsv": ["iso3", "iso2", "name", "aliases", "adjectives", "capital",
                      "capital_lat", "capital_lon", "cameo"],
    "metonyms.tsv": ["phrase", "iso3", "sector", "note"],
    "bodies.tsv": ["id", "name", "aliases", "kind", "cameo", "country", "note"],
    "offices.tsv": ["person_id", "name", "aliases", "country", "role", "cameo",
                    "start", "end"],
    "roles.tsv": ["title", "aliases", "sector", "role"],
}
MIN_ROWS = {"countries.tsv": 249, "metonyms.tsv": 150, "bodies.tsv": 250,
            "offices.tsv": 1200, "roles.tsv": 80}
KINDS = {"IGO", "NGO", "ARMED", "PARTY", "MEDIA", "COMPANY", "GOVBODY"}
# CAMEO role/sector codes the files may use after a country code.
SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "COP", "MED", "BUS", "CVL",
           "SPY", "PTY", "ELI", "EDU", "HLH", "HRI", "LAB", "REF", "AGR", "ENV",
           "CRM", "DEV", "INS", "SEP", "UAF", "REL", "IGO", "NGO", "MNC", "SPY"}
CAMEO_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

problems = []


def bad(path, line, msg):
    problems.append(f"{path}:{line}: {msg}")


def read(path, cols):
    rows = []
    header_seen = False
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            if not raw.endswith("\n"):
                bad(path, n, "last line lacks a newline")
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                bad(path, n, "CR line ending")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                header_seen = True
                if fields != cols:
                    bad(path, n, f"header {fields} != {cols}")
                continue
            if len(fields) != len(cols):
                bad(path, n, f"{len(fields)} columns, want {len(cols)}")
                continue
            for c, v in zip(cols, fields):
                if v != v.strip():
                    bad(path, n, f"{c}: leading/trailing space in {v!r}")
                if "|" in v and ("||" in v or v.startswith("|") or v.endswith("|")):
                    bad(path, n, f"{c}: empty list item in {v!r}")
            rows.append((n, dict(zip(cols, fields))))
    return rows


def parse_date(path, n, s):
    if not DATE_RE.match(s):
        bad(path, n, f"date {s!r} is not YYYY-MM-DD")
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        bad(path, n, f"date {s!r} does not exist")
        return None


CODE_ELEMENTS = {}  # filled from data/actors/src/cameo_codes.tsv
COUNTRY_CODES = set()  # CAMEO country codes from countries.tsv


def check_cameo(path, n, code, iso3s):
    if not CAMEO_RE.match(code):
        bad(path, n, f"cameo {code!r} is not a sequence of 3-letter codes")
        return
    if not CODE_ELEMENTS or not COUNTRY_CODES:
        return
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if parts[0] not in COUNTRY_CODES and CODE_ELEMENTS.get(parts[0]) != "TYPE":
        bad(path, n, f"cameo {code!r} starts with neither a country nor IGO/NGO/IMG")
    for p in parts[1:]:
        if p not in CODE_ELEMENTS and p not in COUNTRY_CODES:
            bad(path, n, f"cameo {code!r}: element {p} not in src/cameo_codes.tsv")


# A few facts the actors stage is tested on; if an edit breaks one of them the
# data is wrong, not the test.  (name, date, expected role, expected cameo)
KNOWN = [
    ("Antony Blinken", "2024-04-02", "Secretary of State", "USAGOV"),
    ("Antony Blinken", "2015-06-01", "Deputy Secretary of State", "USAGOV"),
    ("Emmanuel Macron", "2024-04-02", "President", "FRAGOV"),
    ("Stephane Sejourne", "2024-04-02", "Foreign Minister", "FRAGOV"),
    ("Sebastien Lecornu", "2024-04-02", "Armed Forces Minister", "FRAGOV"),
    ("Nikol Pashinyan", "2024-04-02", "Prime Minister", "ARMGOV"),
    ("Audrey Azoulay", "2024-04-02", "Director-General of UNESCO", "IGOUNO"),
    ("Sergei Lavrov", "2010-01-01", "Foreign Minister", "RUSGOV"),
    # Overlapping terms: the principal office must be the last covering row.
    ("Benjamin Netanyahu", "2016-06-01", "Prime Minister", "ISRGOV"),
    ("Wang Yi", "2024-04-02", "Foreign Minister", "CHNGOV"),
    ("Marco Rubio", "2025-06-01", "Secretary of State", "USAGOV"),
    ("Sebastien Lecornu", "2025-09-20", "Prime Minister", "FRAGOV"),
    ("Xi Jinping", "2024-04-02", "President", "CHNGOV"),
]


def check_known_facts(table):
    path, rows = table
    for name, day, role, cameo in KNOWN:
        held = [r for _, r in rows
                if r["name"] == name and r["start"] <= day and (not r["end"] or day < r["end"])]
        # The actors stage takes the last covering row (file order) as the office.
        if not held or held[-1]["role"] != role or held[-1]["cameo"] != cameo:
            bad(path, 0, f"known fact broken: {name} on {day} should be {role} ({cameo}); "
                         f"found {[r['role'] for r in held]}")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "data/actors")
    tables = {}
    for name, cols in SCHEMAS.items():
        path = os.path.join(data, name)
        if not os.path.exists(path):
            bad(path, 0, "missing")
            continue
        tables[name] = (path, read(path, cols))
        if len(tables[name][1]) < MIN_ROWS[name]:
            print(f"note: {name} has {len(tables[name][1])} rows (target {MIN_ROWS[name]})")

    codes_path = os.path.join(data, "src", "cameo_codes.tsv")
    if os.path.exists(codes_path):
        for _, r in read(codes_path, ["code", "kind", "meaning"]):
            CODE_ELEMENTS[r["code"]] = r["kind"]

    iso3s, cameo_countries = set(), set()
    if "countries.tsv" in tables:
        path, rows = tables["countries.tsv"]
        seen2 = set()
        for n, r in rows:
            if not re.match(r"^[A-Z]{3}$", r["iso3"]):
                bad(path, n, f"iso3 {r['iso3']!r}")
            if r["iso3"] in iso3s:
                bad(path, n, f"duplicate iso3 {r['iso3']}")
            if r["iso2"] in seen2 or not re.match(r"^[A-Z]{2}$", r["iso2"]):
                bad(path, n, f"bad or duplicate iso2 {r['iso2']!r}")
            iso3s.add(r["iso3"])
            seen2.add(r["iso2"])
            cameo_countries.add(r["cameo"])
            if r["capital"]:
                try:
                    lat, lon = float(r["capital_lat"]), float(r["capital_lon"])
                    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                        bad(path, n, "coordinates out of range")
                except ValueError:
                    bad(path, n, "capital without numeric coordinates")
            elif r["capital_lat"] or r["capital_lon"]:
                bad(path, n, "coordinates without a capital")
            if not r["name"]:
                bad(path, n, "empty name")
        iso_json = "/usr/share/iso-codes/json/iso_3166-1.json"
        if os.path.exists(iso_json):
            import json
            with open(iso_json, encoding="utf-8") as f:
                want = {c["alpha_3"] for c in json.load(f)["3166-1"]}
            for code in sorted(want - iso3s):
                bad(path, 0, f"ISO 3166-1 country {code} missing")

    COUNTRY_CODES.update(cameo_countries)

    def known_country(path, n, code, allow_empty):
        if not code:
            if not allow_empty:
                bad(path, n, "empty country")
        elif code not in iso3s:
            bad(path, n, f"unknown iso3 {code!r}")

    if "metonyms.tsv" in tables:
        path, rows = tables["metonyms.tsv"]
        seen = set()
        for n, r in rows:
            known_country(path, n, r["iso3"], False)
            if r["sector"] not in SECTORS:
                bad(path, n, f"unknown sector {r['sector']!r}")
            key = r["phrase"].casefold()
            if key in seen:
                bad(path, n, f"duplicate phrase {r['phrase']!r}")
            seen.add(key)

    if "bodies.tsv" in tables:
        path, rows = tables["bodies.tsv"]
        seen = set()
        shared = {}
        for n, r in rows:
            if not re.match(r"^[a-z0-9_]+$", r["id"]):
                bad(path, n, f"id {r['id']!r} is not lowercase [a-z0-9_]")
            if r["id"] in seen:
                bad(path, n, f"duplicate id {r['id']}")
            seen.add(r["id"])
            if r["kind"] not in KINDS:
                bad(path, n, f"unknown kind {r['kind']!r}")
            check_cameo(path, n, r["cameo"], iso3s)
            known_country(path, n, r["country"], True)
            for a in [r["name"]] + [x for x in r["aliases"].split("|") if x]:
                shared.setdefault(a.casefold(), set()).add(r["id"])
            if r["kind"] == "IGO" and not r["cameo"].startswith("IGO"):
                bad(path, n, "IGO whose cameo does not start with IGO")
            if r["country"] and r["kind"] != "IGO" and r["cameo"][:3] not in (
                    cameo_countries | {"IGO", "NGO", "IMG", "MNC"}):
                bad(path, n, f"cameo {r['cameo']} does not start with a country code")

        # Acronyms shared by two bodies (RSF, PTI, PPP) are real; the resolver
        # must choose by context. Listed so that new ones are noticed.
        amb = sorted(f"{a} {sorted(ids)}" for a, ids in shared.items() if len(ids) > 1)
        if amb:
            print(f"note: {len(amb)} names shared by several bodies: " + "; ".join(amb))

    if "offices.tsv" in tables:
        path, rows = tables["offices.tsv"]
        terms = {}
        names = {}
        for n, r in rows:
            if not SLUG_RE.match(r["person_id"]):
                bad(path, n, f"person_id {r['person_id']!r} is not a lowercase hyphen slug")
            prev = names.setdefault(r["person_id"], r["name"])
            if prev != r["name"]:
                bad(path, n, f"person_id {r['person_id']} has two names: {prev!r} / {r['name']!r}")
            known_country(path, n, r["country"], True)
            if not r["role"]:
                bad(path, n, "empty role")
            check_cameo(path, n, r["cameo"], iso3s)
            if r["country"] and not r["cameo"].startswith(r["country"]) and r["cameo"][:3] != "IGO":
                # CAMEO codes of a few states differ from ISO (XKX->KSV).
                if r["cameo"][:3] not in cameo_countries:
                    bad(path, n, f"cameo {r['cameo']} does not match country {r['country']}")
            start = parse_date(path, n, r["start"])
            end = parse_date(path, n, r["end"]) if r["end"] else datetime.date.max
            if start and end and start > end:
                bad(path, n, f"start {r['start']} after end {r['end']}")
            if start and start < datetime.date(1980, 1, 1) and not r["end"]:
                # Rare but real (long-serving ministers); worth a second look.
                print(f"note: {path}:{n}: open-ended term that began before 1980")
            if start and end:
                key = (r["person_id"], r["country"], r["role"], r["cameo"])
                for (s2, e2, n2) in terms.get(key, []):
                    if start < e2 and s2 < end:
                        bad(path, n, f"overlaps the term on line {n2} ({r['person_id']} {r['role']})")
                terms.setdefault(key, []).append((start, end, n))
        # One alias naming two people ("King Abdullah": Saudi Arabia's until
        # 2015 and Jordan's) is legitimate but the resolver must use dates and
        # country context; list them so new ones are noticed.
        by_alias = {}
        for n, r in rows:
            for a in [r["name"]] + [x for x in r["aliases"].split("|") if x]:
                by_alias.setdefault(a.casefold(), set()).add(r["person_id"])
        amb = sorted(f"{a} {sorted(ids)}" for a, ids in by_alias.items() if len(ids) > 1)
        if amb:
            print(f"note: {len(amb)} names shared by several people: " + "; ".join(amb))
        # Two different people holding the same single-holder office at once
        # is usually a typo in a date; report it as a warning only, since
        # some roles (deputy, co-president) legitimately have several holders.
        by_office = {}
        for n, r in rows:
            if r["end"] and not DATE_RE.match(r["end"]):
                continue
            if not DATE_RE.match(r["start"]):
                continue
            by_office.setdefault((r["country"], r["role"], r["cameo"]), []).append(
                (r["start"], r["end"] or "9999-12-31", r["person_id"], n))
        warnings = 0
        for key, lst in by_office.items():
            if key[1] in ("Senator", "Representative"):
                continue  # seats, not single-holder offices
            lst.sort()
            for a, b in zip(lst, lst[1:]):
                if b[0] < a[1] and a[2] != b[2]:
                    warnings += 1
                    if os.environ.get("KB_VERBOSE"):
                        print(f"warning: {path}:{b[3]}: {b[2]} starts {b[0]} before "
                              f"{a[2]} (line {a[3]}) ends {a[1]} as {key[1]} {key[0]}")
        if warnings:
            print(f"note: {warnings} overlapping holders of one office (KB_VERBOSE=1 to list)")

    if "offices.tsv" in tables:
        check_known_facts(tables["offices.tsv"])

    if "roles.tsv" in tables:
        path, rows = tables["roles.tsv"]
        seen = set()
        for n, r in rows:
            # Empty sector: generic titles ("leader", "secretary-general") take
            # the sector of the body or country they are attached to.
            if r["sector"] and r["sector"] not in SECTORS:
                bad(path, n, f"unknown sector {r['sector']!r}")
            if not r["role"]:
                bad(path, n, "empty role")
            for t in [r["title"]] + [a for a in r["aliases"].split("|") if a]:
                if t.casefold() in seen:
                    bad(path, n, f"title {t!r} listed twice")
                seen.add(t.casefold())

    # The same phrase in two files (a body alias that is also a country alias)
    # makes resolution depend on load order; list such phrases.
    owners = {}
    spec = {"countries.tsv": ("iso3", ["name", "aliases", "adjectives", "capital"]),
            "metonyms.tsv": ("iso3", ["phrase"]),
            "bodies.tsv": ("id", ["name", "aliases"]),
            "offices.tsv": ("person_id", ["name", "aliases"])}
    for name, (key, cols) in spec.items():
        if name not in tables:
            continue
        for _, r in tables[name][1]:
            for c in cols:
                for a in r[c].split("|"):
                    if a:
                        owners.setdefault(a.casefold(), set()).add((name, r[key]))
    cross = sorted(a for a, o in owners.items() if len({f for f, _ in o}) > 1)
    if cross:
        print(f"note: {len(cross)} phrases appear in two files: " + "; ".join(cross[:20]))

    for name, (path, rows) in tables.items():
        print(f"{name}: {len(rows)} rows")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
