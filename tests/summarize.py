#!/usr/bin/env python3
"""Summarise meson testlog.json files into the closing line CI reads:
'N passed, N failed[, N skipped]', listing each failure and each skip with its reason.

Arguments are testlog.json paths, and '--failed=WHAT' for a failure that happened before
any test could run (a build that broke); a log that is missing counts as a failure too."""
import json
import re
import sys

passed = failed = skipped = 0


def skip_reason(test):
    """The reason a test gave for skipping: TAP '1..0 # SKIP why', '# SKIP why' or 'SKIP: why'."""
    for stream in ('stdout', 'stderr'):
        text = test.get(stream) or ''
        m = re.search(r'(?:#\s*SKIP|SKIP:)\s*(\S.*)', text)
        if m:
            return m.group(1).strip()
    return 'no reason given'


for arg in sys.argv[1:]:
    if arg.startswith('--failed='):
        failed += 1
        print(f'failed: {arg[len("--failed="):]}')
        continue
    build = arg.split('/meson-logs/')[0]
    try:
        lines = open(arg, encoding='utf-8').read().splitlines()
    except OSError as e:
        print(f'failed: {build}: no test log ({e.strerror})')
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        t = json.loads(line)
        name = f"{build}: {t['name']}"
        result = t['result']
        if result in ('OK', 'EXPECTEDFAIL'):
            passed += 1
        elif result == 'SKIP':
            skipped += 1
            print(f'skipped: {name}: {skip_reason(t)}')
        else:
            failed += 1
            print(f'failed: {name} ({result})')

print(f'{passed} passed, {failed} failed' + (f', {skipped} skipped' if skipped else ''))
sys.exit(1 if failed else 0)
