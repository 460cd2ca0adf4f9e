#!/usr/bin/env python3
"""Summarise meson testlog.json files into the closing line CI reads:
'N passed, N failed[, N skipped]', listing each failure and each skip with its reason."""
import json
import re
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    build = path.split('/meson-logs/')[0]
    try:
        lines = open(path, encoding='utf-8').read().splitlines()
    except OSError as e:
        print(f'summary: cannot read {path}: {e}')
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
            out = t.get('stdout') or ''
            m = re.search(r'(?:#\s*SKIP|SKIP:)\s*(.*)', out)
            why = m.group(1).strip() if m else 'no reason given'
            print(f'skipped: {name}: {why}')
        else:
            failed += 1
            print(f'failed: {name} ({result})')
print(f'{passed} passed, {failed} failed' + (f', {skipped} skipped' if skipped else ''))
