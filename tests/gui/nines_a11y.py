"""Helpers for driving the real nines through AT-SPI (pyatspi) under a private Xvfb.

GTK 4.8 quirks they work around (../shared/testing/README.md §3d): extents are relative to
the window, which sits at (0, 0) without a window manager; a label's accessible name is its
text; Text.getText (0, -1) reads ''; nothing reports STATE_SHOWING; popovers report extents
that do not match the screen, so their items are chosen by keyboard.
"""
import hashlib
import os
import subprocess
import time

import pyatspi
from gi.repository import Atspi

# Where the pointer rests between actions: the header bar's empty middle, inside the main
# window (no window manager: keyboard focus follows the pointer), where no tooltip lives.
PARK = (300, 24)

# Where the main window's (0, 0) is on the screen: AT-SPI extents are relative to the GTK
# window widget, which sits inside the X window's solid-CSD margin (5 px here, no compositor).
ORIGIN = [0, 0]


class StepFailed(Exception):
    pass


def wait_for(fn, timeout=20.0, interval=0.1):
    """Poll fn () until it returns something truthy; the tree changes asynchronously."""
    end = time.monotonic() + timeout
    while True:
        try:
            val = fn()
        except Exception:  # nodes vanish and appear while we look
            val = None
        if val or time.monotonic() > end:
            return val
        time.sleep(interval)


def find_app(name, pid=None):
    """The application called name (its prgname) in the tree, of process pid if given."""
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name and (pid is None or app.get_process_id() == pid):
            # Read names and states afresh from the app, never from libatspi's cache.
            app.set_cache_mask(Atspi.Cache.NONE)
            return app
    return None


def toplevel(app, name=None, startswith=None, role=None):
    for i in range(app.childCount):
        w = app.getChildAtIndex(i)
        if w is None or (role and w.getRoleName() != role):
            continue
        if name is not None and w.name != name:
            continue
        if startswith is not None and not (w.name or "").startswith(startswith):
            continue
        return w
    return None


def matcher(role, name=None, startswith=None, contains=None):
    def pred(n):
        if n is None or n.getRoleName() != role:
            return False
        nm = n.name or ""
        if name is not None and nm != name:
            return False
        if startswith is not None and not nm.startswith(startswith):
            return False
        return contains is None or contains in nm
    return pred


# Subtrees a search from the window need not enter unless asked to: a walk over the whole
# window is some 1,500 D-Bus round trips (over 10 s on a loaded machine).
BULKY = frozenset(("Plan for the Bad Day", "Services palette", "Design canvas", "NinesInspector",
                   "NinesCostPanel", "NinesRecoveryPanel", "NinesFindingsPanel",
                   "NinesComparePanel", "NinesSimulationPanel"))


def walk(root, skip=BULKY, max_depth=None):
    """Depth-first over root's descendants, not entering the skip subtrees (nor below
    max_depth levels)."""
    stack = [(root.getChildAtIndex(i), 1) for i in reversed(range(root.childCount))]
    while stack:
        node, depth = stack.pop()
        if node is None:
            continue
        yield node
        if (node.name or "") in skip or (max_depth is not None and depth >= max_depth):
            continue
        stack.extend((node.getChildAtIndex(i), depth + 1) for i in reversed(range(node.childCount)))


def find(root, role, name=None, startswith=None, contains=None, skip=BULKY, max_depth=None):
    pred = matcher(role, name, startswith, contains)
    return next((n for n in walk(root, skip, max_depth) if pred(n)), None)


def find_all(root, role, name=None, startswith=None, contains=None, skip=BULKY):
    pred = matcher(role, name, startswith, contains)
    return [n for n in walk(root, skip) if pred(n)]


def need(root, role, name=None, startswith=None, contains=None, timeout=20.0, what=None,
         skip=BULKY):
    node = wait_for(lambda: find(root, role, name, startswith, contains, skip), timeout)
    if node is None:
        raise StepFailed("no %s %s within %.0f s" % (role, what or repr(name or startswith or contains),
                                                      timeout))
    return node


def children(node):
    return [node.getChildAtIndex(i) for i in range(node.childCount)]


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def has_state(node, state):
    return node.getState().contains(state)


def do_action(node, names=("click", "activate")):
    a = node.queryAction()
    for i in range(a.nActions):
        if a.getName(i) in names:
            return a.doAction(i)
    raise StepFailed("%s %r has none of the actions %r" % (node.getRoleName(), node.name, names))


def xdo(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True, timeout=20)


def locate_window(pid, frame):
    """Set ORIGIN from the X window of pid whose size is the frame's plus the CSD margin."""
    e = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    wids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
                          capture_output=True, text=True, timeout=20).stdout.split()
    for wid in wids:
        geo = dict(line.split("=", 1) for line in subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", wid], capture_output=True, text=True,
            timeout=20).stdout.split() if "=" in line)
        dw, dh = int(geo["WIDTH"]) - e.width, int(geo["HEIGHT"]) - e.height
        if 0 <= dw <= 64 and 0 <= dh <= 64:
            ORIGIN[:] = [int(geo["X"]) + dw // 2, int(geo["Y"]) + dh // 2]
            return tuple(ORIGIN)
    return None


def park():
    xdo("mousemove", ORIGIN[0] + PARK[0], ORIGIN[1] + PARK[1])


def click(node):
    """A real pointer click in the middle of the node (in the main window), then the pointer
    goes back to rest."""
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    if e.width <= 0 or e.height <= 0:
        raise StepFailed("%s %r is not on screen" % (node.getRoleName(), node.name))
    xdo("mousemove", ORIGIN[0] + e.x + e.width // 2, ORIGIN[1] + e.y + e.height // 2, "click", 1)
    park()


def extents(node):
    return node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)


def scroll_into_view(node, pane, window, timeout=20.0):
    """Scroll pane with the mouse wheel, as a user would, until node lies inside window."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        e, w, p = extents(node), extents(window), extents(pane)
        if e.height > 0 and e.y >= p.y and e.y + e.height <= min(p.y + p.height, w.y + w.height):
            return
        button = 5 if e.y + e.height > p.y + p.height else 4
        xdo("mousemove", ORIGIN[0] + p.x + p.width // 2, ORIGIN[1] + p.y + p.height // 2,
            "click", "--repeat", 3, button)
        time.sleep(0.2)
    raise StepFailed("could not scroll %r into view" % node.name)


def keys(*combos):
    """Key presses to the window under the pointer (no window manager: focus follows it)."""
    for combo in combos:
        xdo("key", "--clearmodifiers", combo)
        time.sleep(0.05)


def dropdown_value(combo):
    """The text a GtkDropDown shows: the label inside its button's visible list item."""
    for lbl in find_all(combo, "label"):
        e = lbl.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        if e.width > 0 and lbl.name and lbl.name != "(None)":
            return lbl.name
    return None


def choose(combo, value, timeout=10.0):
    """Pick value in a GtkDropDown as a keyboard user would: open it, arrow to it, Enter."""
    if dropdown_value(combo) == value:
        return
    for _attempt in range(2):
        click(need(combo, "push button", "GtkToggleButton"))
        lst = wait_for(lambda: find(combo, "list", startswith="GtkListView"), timeout)
        if lst is None:
            raise StepFailed("the drop-down %r did not open" % combo.name)
        items = wait_for(lambda: [c for c in children(lst) if c.getRoleName() == "list item"], timeout)
        labels = [(find(i, "label").name if find(i, "label") else None) for i in items]
        if value not in labels:
            keys("Escape")
            raise StepFailed("%r is not among %r in %r" % (value, labels, combo.name))
        focused = wait_for(lambda: [k for k, i in enumerate(items)
                                    if has_state(i, pyatspi.STATE_FOCUSED)], 3.0)
        start = focused[0] if focused else 0
        delta = labels.index(value) - start
        keys(*(["Down"] * delta if delta > 0 else ["Up"] * -delta), "Return")
        if wait_for(lambda: dropdown_value(combo) == value, timeout):
            return
    raise StepFailed("%r still shows %r, not %r" % (combo.name, dropdown_value(combo), value))


class Screen:
    """Screenshots of the whole screen, taken once it has stopped changing."""

    def __init__(self, outdir, size):
        self.outdir = outdir
        self.size = size
        self.n = 0

    def grab(self):
        return subprocess.run(["import", "-window", "root", "-depth", "8", "rgb:-"],
                              capture_output=True, check=True, timeout=30).stdout

    def shot(self, step, settle=True, timeout=8.0):
        """Save NN-step.png; with settle, wait (up to timeout) for two identical frames."""
        raw = self.grab()
        if settle:
            end = time.monotonic() + timeout
            digest = hashlib.sha1(raw).digest()
            while time.monotonic() < end:
                time.sleep(0.25)
                again = self.grab()
                d2 = hashlib.sha1(again).digest()
                raw = again
                if d2 == digest:
                    break
                digest = d2
        self.n += 1
        path = os.path.join(self.outdir, "%02d-%s.png" % (self.n, step))
        subprocess.run(["/usr/bin/convert", "-size", self.size, "-depth", "8", "rgb:-", path],
                       input=raw, check=True, timeout=30)
        return path
