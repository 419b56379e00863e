#!/usr/bin/env python3
"""validate_sarif.py REPORT SCHEMA: validates a SARIF report against the
official schema *with* its format checker ("uri", "uri-reference"), and fails
if the format checks themselves are unavailable (Debian: python3-rfc3987), so
that a missing package cannot turn the test into a silent pass."""
import json
import sys

import jsonschema

checker = jsonschema.FormatChecker()
missing = [f for f in ("uri", "uri-reference") if f not in checker.checkers]
if missing:
    sys.exit("validate_sarif: no format check for %s (install python3-rfc3987)" % ", ".join(missing))
# The checker must really reject what the schema forbids.
if checker.conforms("src/a file.cpp", "uri-reference"):
    sys.exit("validate_sarif: the uri-reference format check accepts a space")
report = json.load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[2], encoding="utf-8"))
validator = jsonschema.Draft4Validator(schema, format_checker=checker)
errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
for e in errors[:5]:
    print("invalid at %s: %s" % ("/".join(str(p) for p in e.absolute_path), e.message))
if errors:
    sys.exit(1)
print("valid")
