#!/usr/bin/env python3
"""Checks of the desktop-integration data and the translations (suite "data").

Usage: check-data.py COMMAND SRCDIR [ARGS]
  screenshots SRCDIR METAINFO VERSION  every screenshot in the metainfo is a PNG in
                                        data/screenshots/ of the stated size; the newest
                                        release is VERSION
  icons SRCDIR                          the app icons are SVGs on the HIG grids (128 px,
                                        16 px) and the symbolic one uses a single colour
  po SRCDIR                             every language in LINGUAS passes msgfmt --check
                                        with no untranslated or fuzzy message
  po-complete SRCDIR                    POTFILES.in lists every file with translatable
                                        strings (sorted, all existing), the catalog's string
                                        header matches its JSON, and each language
                                        translates every message xgettext finds in them
  po-strings SRCDIR [FILE...]           no translatable string in the C sources (or FILEs)
                                        is glued to a macro such as G_GINT64_FORMAT: xgettext
                                        does not expand macros and cuts the msgid there
Exit status: 0 pass, 1 fail, 77 skip (a tool is missing).
"""
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

failures = []


def fail(msg):
    failures.append(msg)
    print('FAIL: ' + msg)


def need(tool):
    path = shutil.which(tool)
    if path is None:
        print('SKIP: %s is not installed' % tool)
        sys.exit(77)
    return path


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return struct.unpack('>II', head[16:24])


def check_screenshots(srcdir, metainfo, version):
    root = ET.parse(metainfo).getroot()
    shots = root.findall('./screenshots/screenshot')
    if not shots:
        fail('the metainfo has no screenshots')
    if sum(1 for s in shots if s.get('type') == 'default') != 1:
        fail('exactly one screenshot must be type="default"')
    for shot in shots:
        if shot.find('caption') is None or not (shot.find('caption').text or '').strip():
            fail('a screenshot has no caption')
        for image in shot.findall('image'):
            url = image.text.strip()
            name = url.rsplit('/', 1)[-1]
            if not url.startswith('https://') or '/data/screenshots/' not in url:
                fail('%s: screenshots must be https URLs of files in data/screenshots/' % url)
                continue
            path = os.path.join(srcdir, 'data', 'screenshots', name)
            if not os.path.exists(path):
                fail('%s: no such file in data/screenshots/' % name)
                continue
            size = png_size(path)
            if size is None:
                fail('%s: not a PNG' % name)
                continue
            stated = (int(image.get('width', 0)), int(image.get('height', 0)))
            if size != stated:
                fail('%s: is %dx%d, the metainfo says %dx%d' % ((name,) + size + stated))
            print('ok: %s %dx%d' % ((name,) + size))
    releases = root.findall('./releases/release')
    if not releases:
        fail('the metainfo has no releases')
    elif releases[0].get('version') != version:
        fail('newest release in the metainfo is %s, the project is %s'
             % (releases[0].get('version'), version))
    else:
        print('ok: newest release %s' % version)


SVG = '{http://www.w3.org/2000/svg}'


def check_icons(srcdir):
    base = os.path.join(srcdir, 'data', 'icons', 'hicolor')
    for rel, size, symbolic in (('scalable/apps/io.github.ninesdr.Nines.svg', 128, False),
                                ('symbolic/apps/io.github.ninesdr.Nines-symbolic.svg', 16, True)):
        path = os.path.join(base, rel)
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            fail('%s: %s' % (rel, e))
            continue
        if root.tag != SVG + 'svg':
            fail('%s: root element is not svg' % rel)
        if root.get('viewBox') != '0 0 %d %d' % (size, size) or \
           root.get('width') != str(size) or root.get('height') != str(size):
            fail('%s: must be drawn on the %d px grid' % (rel, size))
        if root.findall('.//' + SVG + 'text'):
            fail('%s: text elements depend on installed fonts; use paths' % rel)
        if symbolic:
            colours = set()
            for el in root.iter():
                for attr in ('fill', 'stroke'):
                    value = el.get(attr)
                    if value and value != 'none':
                        colours.add(value.lower())
            if len(colours) != 1:
                fail('%s: a symbolic icon uses one colour (has %s)' % (rel, sorted(colours)))
        print('ok: %s' % rel)


def linguas(srcdir):
    with open(os.path.join(srcdir, 'po', 'LINGUAS')) as f:
        return [w for line in f for w in line.split('#', 1)[0].split()]


def check_po(srcdir):
    msgfmt = need('msgfmt')
    langs = linguas(srcdir)
    if not langs:
        fail('po/LINGUAS lists no language')
    for lang in langs:
        po = os.path.join(srcdir, 'po', lang + '.po')
        r = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull, po],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        if r.returncode != 0:
            fail('%s: msgfmt --check failed:\n%s' % (po, r.stderr))
            continue
        stats = r.stderr.strip()
        if 'untranslated' in stats or 'fuzzy' in stats:
            fail('%s: %s' % (lang, stats))
        else:
            print('ok: %s: %s' % (lang, stats))


# What marks a translatable string: gettext calls in C, translatable="yes" in GtkBuilder files,
# translatable elements in schema, desktop, metainfo and MIME files.
C_MARK = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(\s*"')
SOURCE_DIRS = ('app', 'aws', 'data', 'draw', 'model', 'report', 'ui')


def has_strings(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith(('.c', '.h')):
        return C_MARK.search(text) is not None
    if path.endswith('.ui'):
        return 'translatable="yes"' in text
    if path.endswith('.gschema.xml'):
        return '<summary>' in text or '<description>' in text
    if path.endswith(('.desktop.in', '.metainfo.xml.in', '.mime.xml.in')):
        return True
    return False


# A gettext call whose string is glued to a macro, `_("%" G_GINT64_FORMAT " s")`: xgettext
# does not expand macros, so the msgid ends at the macro ("%") and the translation never
# matches what the program looks up. Use %lld with a (long long) cast, or %zu for gsize.
GETTEXT_CALLS = {'_', 'N_', 'C_', 'NC_', 'Q_', 'gettext', 'dgettext', 'dcgettext', 'ngettext',
                 'dngettext', 'dcngettext', 'pgettext', 'npgettext', 'g_dgettext', 'g_dcgettext',
                 'g_dngettext', 'g_dpgettext', 'g_dpgettext2', 'g_strip_context'}
C_TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>(?:u8|[uUL])?"(?:[^"\\\n]|\\.)*")
  | (?P<char>(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<punct>\S)
''', re.S | re.X)


def c_tokens(text):
    line = 1
    pos = 0
    for m in C_TOKEN.finditer(text):
        line += text.count('\n', pos, m.start())
        pos = m.start()
        kind = m.lastgroup
        if kind not in ('comment', 'char'):
            yield kind, m.group(kind), line


def glued_macros(text):
    """(line, call, macro) for each macro glued to a string literal inside a gettext call."""
    found = []
    tokens = list(c_tokens(text))
    for i, (kind, value, line) in enumerate(tokens):
        if kind != 'ident' or value not in GETTEXT_CALLS:
            continue
        if i + 1 >= len(tokens) or tokens[i + 1][1] != '(':
            continue
        depth = 0
        glued = set()
        for j in range(i + 1, len(tokens)):
            if tokens[j][1] == '(':
                depth += 1
            elif tokens[j][1] == ')':
                depth -= 1
                if depth == 0:
                    break
            if depth == 1 and {tokens[j - 1][0], tokens[j][0]} == {'string', 'ident'}:
                glued.add(j if tokens[j][0] == 'ident' else j - 1)
        found += [(tokens[j][2], value, tokens[j][1]) for j in sorted(glued)]
    return found


def check_po_strings(srcdir, files):
    # The scanner must see the bug it looks for (and nothing in a clean call), or it proves
    # nothing.
    sample = ('x = _("%s grew to %" G_GINT64_FORMAT\n  " items"); /* _("%" X) */\n'
              'y = g_dngettext (GETTEXT_PACKAGE, "%lld day", "%lld days", n);\n'
              'z = N_ ("a" "b"); w = g_strdup_printf (_("%s"), G_STRLOC "x");\n')
    if glued_macros(sample) != [(1, '_', 'G_GINT64_FORMAT')]:
        fail('the scanner of po-strings does not work: %r' % glued_macros(sample))
        return
    if not files:
        for top in SOURCE_DIRS:
            for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
                files += [os.path.join(dirpath, fn) for fn in sorted(filenames)
                          if fn.endswith(('.c', '.h'))]
    n = 0
    for path in files:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
        n += 1
        for line, call, macro in glued_macros(text):
            fail('%s:%d: %s in the string of %s(): xgettext cuts the msgid at a macro, so it is '
                 'never translated (use %%lld with a (long long) cast, or %%zu for gsize)'
                 % (os.path.relpath(path, srcdir), line, macro, call))
    print('ok: %d C files read for macros inside translatable strings' % n)


def check_po_complete(srcdir):
    xgettext = need('xgettext')
    msgcmp = need('msgcmp')
    potfiles = os.path.join(srcdir, 'po', 'POTFILES.in')
    with open(potfiles) as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith('#')]

    # POTFILES.in also lists the files of branches not merged here yet (de.po translates them
    # ahead); those are noted, and xgettext reads only the files this tree has.
    present = [name for name in listed if os.path.exists(os.path.join(srcdir, name))]
    for name in listed:
        if name not in present:
            print('note: POTFILES.in lists %s, which this tree does not have (yet)' % name)
    if listed != sorted(listed):
        fail('POTFILES.in is not sorted')
    if len(set(listed)) != len(listed):
        fail('POTFILES.in lists a file twice')

    found = []
    for top in SOURCE_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for fn in filenames:
                path = os.path.join(dirpath, fn)
                if has_strings(path):
                    found.append(os.path.relpath(path, srcdir))
    for name in sorted(set(found) - set(listed)):
        fail('%s has translatable strings but is not in po/POTFILES.in' % name)
    print('ok: POTFILES.in checked against %d files with strings' % len(found))

    # The catalog's texts reach xgettext through a generated header; it must match the JSON.
    catalog_dir = os.path.join(srcdir, 'data', 'catalog')
    spec = importlib.util.spec_from_file_location('extract_strings',
                                                  os.path.join(catalog_dir, 'extract-strings.py'))
    extract = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extract)
    with open(os.path.join(catalog_dir, 'nines-catalog-strings.h'), encoding='utf-8') as f:
        if f.read() != extract.render(catalog_dir):
            fail('data/catalog/nines-catalog-strings.h is out of date: run '
                 'python3 data/catalog/extract-strings.py data/catalog > '
                 'data/catalog/nines-catalog-strings.h')
        else:
            print('ok: nines-catalog-strings.h matches the catalog')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'nines.pot')
        files_from = os.path.join(tmp, 'POTFILES')
        with open(files_from, 'w') as f:
            f.write('\n'.join(present) + '\n')
        # The keywords and flags of meson's i18n "glib" preset, which builds the real nines.pot
        r = subprocess.run([xgettext, '--package-name=nines', '--from-code=UTF-8',
                            '--add-comments', '--keyword=_', '--keyword=N_',
                            '--keyword=C_:1c,2', '--keyword=NC_:1c,2', '--keyword=Q_:1g',
                            '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
                            '--keyword=g_dpgettext2:2c,3',
                            '--directory=' + srcdir, '--files-from=' + files_from,
                            '--output=' + pot],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail('xgettext failed:\n' + r.stderr)
            return
        for lang in linguas(srcdir):
            po = os.path.join(srcdir, 'po', lang + '.po')
            r = subprocess.run([msgcmp, po, pot], capture_output=True, text=True,
                               env=dict(os.environ, LC_ALL='C'))
            if r.returncode != 0:
                fail('%s does not translate every message in the sources (run '
                     '"meson compile nines-update-po" and translate):\n%s' % (po, r.stderr))
            else:
                print('ok: %s covers every message in POTFILES.in' % lang)


def main():
    cmd, srcdir = sys.argv[1], sys.argv[2]
    if cmd == 'screenshots':
        check_screenshots(srcdir, sys.argv[3], sys.argv[4])
    elif cmd == 'icons':
        check_icons(srcdir)
    elif cmd == 'po':
        check_po(srcdir)
    elif cmd == 'po-complete':
        check_po_complete(srcdir)
    elif cmd == 'po-strings':
        check_po_strings(srcdir, sys.argv[3:])
    else:
        sys.exit('unknown command ' + cmd)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
