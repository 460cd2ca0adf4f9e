#!/usr/bin/python3
"""End-to-end: a new user's first session with the real nines, through the accessibility tree.

Run by run-e2e.sh inside a private Xvfb + session bus, with a private HOME. The user opens
the storefront example from the welcome page, adds an Auto Scaling group from the palette,
tries an invalid instance count and then a valid one in the inspector, switches the pattern
to pilot light and then warm standby in the header bar, saves, and the summary strip's
numbers are checked against `nines-cli compare --format json` run on the file the app saved
(nothing is hard-coded: the expected numbers come from the CLI). Then undo, save again, quit,
start again, reopen the design from the welcome page's recent designs, and play a us-east-1
outage, whose summary is checked against `nines-cli simulate`. A screenshot of each step goes
to E2E_ARTIFACTS/NN-step.png once the screen has settled. TAP on stdout.

usage: e2e.py NINES NINES-CLI
"""
import json
import os
import re
import shutil
import subprocess
import sys
import time
import traceback

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nines_a11y import (ORIGIN, StepFailed, Screen, children, choose, click,  # noqa: E402
                        dropdown_value, find, find_all, find_app, has_state, keys, locate_window, need,
                        park, scroll_into_view, text_of, toplevel, wait_for, xdo)

NINES, CLI = sys.argv[1:3]
ARTIFACTS = os.environ["E2E_ARTIFACTS"]
WORK = os.environ["E2E_WORK"]
SOURCE = os.environ.get("NINES_SOURCE_DIR",
                        os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
EXAMPLE = os.path.join(SOURCE, "data", "examples", "storefront.nines")
DESIGN = os.path.join(os.environ["HOME"], "storefront-e2e.nines")
AUTOSAVE = os.path.join(os.environ["XDG_STATE_HOME"], "nines", "autosave")
APP_LOG = os.path.join(ARTIFACTS, "app.log")

# The header bar's and the summary strip's names for the patterns the CLI calls by id.
PATTERN_LABEL = {
    "none": "No DR (single region)",
    "backup-restore": "Backup & restore",
    "pilot-light": "Pilot light",
    "warm-standby": "Warm standby",
    "multi-site": "Multi-site active/active",
}
ADDED = "added by the recovery pattern"
FIELDS = ("Monthly cost", "While failed over", "Recovery time (RTO)", "Data loss (RPO)",
          "Availability")


# ---- TAP ----

class Stop(StepFailed):
    """A failed check already reported: the following steps cannot run."""

class Tap:
    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, what, ok, detail=""):
        self.n += 1
        if not ok:
            self.failed += 1
        line = "%s %d - %s" % ("ok" if ok else "not ok", self.n, what)
        print(line, flush=True)
        if detail and not ok:
            for d in str(detail).splitlines():
                print("#   " + d, flush=True)
        return ok

    def must(self, what, ok, detail=""):
        """A check the following steps depend on: stop the run when it fails."""
        if not self.check(what, ok, detail):
            raise Stop(what)
        return ok

    def note(self, text):
        print("# " + text, flush=True)


tap = Tap()
screen = Screen(ARTIFACTS, os.environ.get("E2E_SCREEN", "1400x900"))


# ---- the expected numbers, from the CLI and the files ----

def cli_json(*args):
    r = subprocess.run([CLI, *args, "--format", "json"], capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise StepFailed("nines-cli %s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    return json.loads(r.stdout)


def current_row(design):
    rows = cli_json("compare", design)
    cur = [r for r in rows if r["current"]]
    if len(cur) != 1:
        raise StepFailed("nines-cli compare marks %d rows current" % len(cur))
    return cur[0]


def money(usd, complete=True):
    """The summary's money format (nines_analysis_format_usd, C locale: no grouping)."""
    return "$%.2f%s" % (usd, "" if complete else " +?")


def same_money(shown, usd, complete):
    return shown is not None and shown.replace(",", "") == money(usd, complete)


def duration_range(text):
    """Invert nines_format_duration: the seconds a shown duration may stand for, or None
    for "unbounded"; raises on text it does not know."""
    text = text.strip()
    if text == "unbounded":
        return None
    m = re.fullmatch(r"(\d+) s", text)
    if m:
        v = int(m.group(1))
        return (v - 0.5, v + 0.5)
    m = re.fullmatch(r"(\d+\.\d) min", text)
    if m:
        v = float(m.group(1)) * 60
        return (v - 3, v + 3)
    m = re.fullmatch(r"(\d+) min", text)
    if m:
        v = int(m.group(1)) * 60
        return (v - 30, v + 30)
    m = re.fullmatch(r"(\d+) h (\d\d) min", text)
    if m:
        v = (int(m.group(1)) * 60 + int(m.group(2))) * 60
        return (v - 30, v + 30)
    m = re.fullmatch(r"(\d+\.\d) days", text)
    if m:
        v = float(m.group(1)) * 86400
        return (v - 4320, v + 4320)
    raise ValueError("not a duration: %r" % text)


def same_duration(shown, seconds):
    """Does the shown text stand for seconds (None = unbounded)?"""
    try:
        r = duration_range(shown)
    except (ValueError, AttributeError):
        return False
    if seconds is None or seconds < 0:
        return r is None
    return r is not None and r[0] - 1e-6 <= seconds <= r[1] + 1e-6


def components_of(path):
    with open(path) as f:
        return json.load(f)["components"]


# ---- the app ----

class App:
    def __init__(self):
        self.proc = None
        self.acc = None
        self.frame = None

    def start(self):
        env = dict(os.environ, G_DEBUG="fatal-criticals")
        log = open(APP_LOG, "a")
        log.write("---- start %s\n" % time.strftime("%H:%M:%S"))
        log.flush()
        t0 = time.monotonic()
        self.proc = subprocess.Popen([NINES], stdout=log, stderr=log, env=env,
                                     cwd=os.environ["HOME"])
        log.close()
        pid = self.proc.pid
        self.acc = wait_for(lambda: find_app("nines", pid), 40)
        tap.must("nines (pid %d) appears in the accessibility tree (%.1f s)"
                 % (pid, time.monotonic() - t0), self.acc is not None)
        self.frame = wait_for(lambda: toplevel(self.acc, role="frame"), 20)
        tap.must("its main window is there", self.frame is not None)
        origin = wait_for(lambda: locate_window(pid, self.frame), 20)
        tap.must("its X window is on the screen (window (0, 0) at %r)" % (origin,), origin is not None)

    def title(self):
        return self.frame.name or ""

    def quit(self, what):
        park()
        keys("ctrl+q")
        try:
            rc = self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            rc = None
        tap.check(what, rc == 0, "exit status %r; windows: %r" % (
            rc, [c.name for c in children(self.acc)] if rc is None else ""))
        self.proc = None if rc is not None else self.proc

    def stop(self):
        if self.proc and self.proc.poll() is not None:
            tap.check("nines kept running until the test quit it", False,
                      "it exited with status %d (negative: killed by that signal)" % self.proc.returncode)
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


app = App()
ui = {}  # the widgets found once per start: summary, canvas, palette, inspector, ...


def find_editor_widgets():
    f = app.frame
    ui["summary"] = need(f, "panel", "Summary")
    ui["canvas"] = need(f, "panel", "Design canvas")
    ui["palette"] = need(f, "list", "Services palette")
    ui["inspector"] = need(f, "filler", "NinesInspector")
    ui["pattern"] = need(f, "combo box", "Recovery pattern")
    ui["undo"] = need(f, "push button", "Undo")


def summary():
    """The summary strip as the user reads it: {caption: value} plus the pattern."""
    out = {}
    for lbl in find_all(ui["summary"], "label"):
        name = lbl.name or ""
        for cap in FIELDS + ("Pattern",):
            if name.startswith(cap + ": "):
                out[cap] = name[len(cap) + 2:]
    return out


def summary_says(cap, value):
    return wait_for(lambda: summary().get(cap) == value, 20)


def tiles():
    return [c.name or "" for c in children(ui["canvas"]) if c.getRoleName() == "push button"]


def tile(startswith):
    return next((c for c in children(ui["canvas"])
                 if c.getRoleName() == "push button" and (c.name or "").startswith(startswith)), None)


def cost_value(text):
    return float(re.sub(r"[^0-9.]", "", text.split()[0]))


def check_summary_against_cli(design, when):
    """The summary strip equals nines-cli compare's current row for the saved file."""
    row = current_row(design)
    s = summary()
    tap.check("%s: the summary's pattern (%s) is the file's (%s)" % (when, s.get("Pattern"), row["pattern"]),
              s.get("Pattern") == PATTERN_LABEL.get(row["pattern"]))
    tap.check("%s: monthly cost %s = nines-cli compare's %s" % (
        when, s.get("Monthly cost"), money(row["steady_usd_month"], row["cost_complete"])),
        same_money(s.get("Monthly cost"), row["steady_usd_month"], row["cost_complete"]))
    tap.check("%s: cost while failed over %s = nines-cli compare's %s" % (
        when, s.get("While failed over"), money(row["failover_usd_month"], row["cost_complete"])),
        same_money(s.get("While failed over"), row["failover_usd_month"], row["cost_complete"]))
    tap.check("%s: RTO %s stands for nines-cli compare's rto_s %s" % (
        when, s.get("Recovery time (RTO)"), row["rto_s"]),
        same_duration(s.get("Recovery time (RTO)"), row["rto_s"]))
    tap.check("%s: RPO %s stands for nines-cli compare's rpo_s %s" % (
        when, s.get("Data loss (RPO)"), row["rpo_s"]),
        same_duration(s.get("Data loss (RPO)"), row["rpo_s"]))
    tap.check("%s: availability %s = nines-cli compare's %.2f nines" % (
        when, s.get("Availability"), row["nines"]),
        s.get("Availability") == "%.2f nines" % row["nines"])
    return row


# ---- the steps ----

def step_welcome():
    app.start()
    welcome = need(app.frame, "panel", "Plan for the Bad Day", timeout=20)
    tap.check("a new user sees the welcome page (window %r)" % app.title(), app.title() == "Nines")
    tap.check("nothing to restore and no recent designs for a new user",
              find(welcome, "label", "Unsaved Work") is None
              and find(welcome, "label", "Recent Designs") is None)
    ui["welcome"] = welcome
    screen.shot("welcome")


def step_open_example():
    click(need(ui["welcome"], "list item", "Storefront"))
    tap.must("the Storefront example opens from the welcome page (window %r)" % app.title(),
             wait_for(lambda: app.title().lstrip("• ").startswith("Storefront"), 20))
    find_editor_widgets()
    example = components_of(EXAMPLE)
    names = wait_for(lambda: (lambda t: t if len(t) >= len(example) else None)(tiles()), 20) or []
    missing = [c["name"] for c in example if not any(n.startswith(c["name"] + ": ") for n in names)]
    tap.check("the canvas shows a card for each of the example's %d services" % len(example),
              not missing, "missing: %r" % missing)
    with open(EXAMPLE) as f:
        pattern = json.load(f)["dr"]["pattern"]
    tap.check("the summary shows the example's pattern (%s)" % pattern,
              summary_says("Pattern", PATTERN_LABEL[pattern]), repr(summary()))
    tap.check("the canvas shows what the pattern adds", any(ADDED in n for n in names))
    ui["example_pattern"] = pattern
    screen.shot("storefront")


def step_add_service():
    before = set(tiles())
    cost_before = summary()["Monthly cost"]
    click(need(ui["palette"], "list item", "Auto Scaling group"))
    new = wait_for(lambda: [n for n in set(tiles()) - before
                            if n.startswith("Auto Scaling group: Auto Scaling group, ")], 20)
    tap.must("a click on the palette's Auto Scaling group puts one on the canvas", new, repr(new))
    ui["asg_name"] = "Auto Scaling group: "
    card = tile(ui["asg_name"])
    tap.check("the new card is selected", card is not None and has_state(card, pyatspi.STATE_SELECTED))
    m = re.search(r"(\d+)× ", new[0])
    tap.must("its card shows its instance count (%r)" % new[0], m is not None)
    ui["asg_count"] = int(m.group(1))
    heading = wait_for(lambda: find(ui["inspector"], "label", "Auto Scaling group"), 20)
    tap.check("the inspector shows the new service", heading is not None)
    tap.check("the monthly cost goes up (%s, was %s)" % (summary().get("Monthly cost"), cost_before),
              wait_for(lambda: cost_value(summary()["Monthly cost"]) > cost_value(cost_before), 20))
    screen.shot("service-added")


def type_into(field, text):
    """Click into a text field, erase what it holds and type text, as a user does.
    (Not Ctrl+A: the window's select-all accelerator takes it from the field, see the report.)"""
    click(field)
    if not wait_for(lambda: has_state(field, pyatspi.STATE_FOCUSED), 10):
        raise StepFailed("a click did not focus %r" % field.name)
    keys("End", *["BackSpace"] * len(text_of(field)))
    if not wait_for(lambda: text_of(field) == "", 10):
        raise StepFailed("could not erase %r" % field.name)
    xdo("type", "--delay", 40, text)
    park()


def step_change_parameter():
    desired = need(ui["inspector"], "text", "Desired (instances)")
    scroll_into_view(desired, need(ui["inspector"], "scroll pane", ""), app.frame)
    tap.check("the inspector's desired count (%s) matches the card" % text_of(desired),
              text_of(desired) == str(ui["asg_count"]))
    cost_before = summary()["Monthly cost"]

    type_into(desired, "four")
    tap.must("the field takes the typing", wait_for(lambda: text_of(desired) == "four", 10),
             repr(text_of(desired)))
    invalid = wait_for(lambda: has_state(desired, pyatspi.STATE_INVALID), 10)
    tap.check("typing 'four' marks the field invalid, saying why (%r)" % (desired.description or ""),
              invalid and "number" in (desired.description or ""))
    tap.check("…and changes nothing: the card still shows %d× and the cost %s" % (ui["asg_count"], cost_before),
              tile(ui["asg_name"]) is not None
              and "%d× " % ui["asg_count"] in tile(ui["asg_name"]).name
              and summary()["Monthly cost"] == cost_before)
    screen.shot("parameter-invalid")

    want = ui["asg_count"] + 2
    type_into(desired, str(want))
    tap.check("typing %d applies it: the card shows %d×" % (want, want),
              wait_for(lambda: "%d× " % want in tile(ui["asg_name"]).name, 20), tile(ui["asg_name"]).name)
    tap.check("the field is valid again", not has_state(desired, pyatspi.STATE_INVALID))
    tap.check("the monthly cost goes up again (%s, was %s)" % (summary().get("Monthly cost"), cost_before),
              wait_for(lambda: cost_value(summary()["Monthly cost"]) > cost_value(cost_before), 20))
    ui["asg_count"] = want
    screen.shot("parameter-changed")


def step_pattern():
    # The example starts with warm standby: look at pilot light first, then come back.
    via = "pilot-light" if ui["example_pattern"] != "pilot-light" else "backup-restore"
    choose(ui["pattern"], PATTERN_LABEL[via])
    tap.check("the header bar's pattern menu switches to %s" % PATTERN_LABEL[via],
              summary_says("Pattern", PATTERN_LABEL[via]), repr(summary()))
    screen.shot(via)
    ui["via"] = via
    choose(ui["pattern"], "Warm standby",)
    tap.must("…and to Warm standby", summary_says("Pattern", "Warm standby"), repr(summary()))
    tap.check("the header bar shows Warm standby", dropdown_value(ui["pattern"]) == "Warm standby")
    tap.check("the canvas shows the standby the pattern adds",
              wait_for(lambda: any(n.startswith("Auto Scaling group (standby, " + ADDED) for n in tiles()), 20))
    screen.shot("warm-standby")


def step_save_as():
    ui["shown"] = summary()
    park()
    keys("ctrl+s")
    dialog = wait_for(lambda: toplevel(app.acc, name="Save the Design"), 20)
    tap.must("Ctrl+S on the unsaved example asks where to save it", dialog is not None)
    name = need(dialog, "text", "Name:")
    # The chooser opens in the working directory (HOME) with the design's name selected
    # before ".nines": type over it and press Enter.
    proposed = wait_for(lambda: text_of(name), 10)
    tap.check("it proposes the design's name (%r)" % proposed, proposed == "Storefront.nines")
    if not wait_for(lambda: has_state(name, pyatspi.STATE_FOCUSED), 10):
        raise StepFailed("the file name field has no keyboard focus")
    xdo("type", "--delay", 40, os.path.splitext(os.path.basename(DESIGN))[0])
    tap.must("the typed name is in the field (%r)" % text_of(name),
             wait_for(lambda: text_of(name) == os.path.basename(DESIGN), 10))
    screen.shot("save-dialog")
    keys("Return")
    tap.must("the design is saved to %s" % DESIGN, wait_for(lambda: os.path.exists(DESIGN), 20))
    tap.check("the dialog goes away",
              wait_for(lambda: toplevel(app.acc, name="Save the Design") is None, 10))
    tap.check("the window title loses its unsaved mark (%r)" % app.title(),
              wait_for(lambda: app.title() and not app.title().startswith("•"), 20))
    tap.check("a toast says it is saved",
              wait_for(lambda: find(app.frame, "label", startswith="Saved “", max_depth=6), 10) is not None)
    screen.shot("saved")


def step_check_against_cli():
    saved = components_of(DESIGN)
    asgs = [c for c in saved if c["kind"] == "ec2-asg"]
    example_asgs = [c for c in components_of(EXAMPLE) if c["kind"] == "ec2-asg"]
    tap.check("the saved file has the added Auto Scaling group with desired = %d" % ui["asg_count"],
              len(asgs) == len(example_asgs) + 1
              and any(c.get("desired") == ui["asg_count"] for c in asgs),
              repr(asgs))
    row = check_summary_against_cli(DESIGN, "saved design")
    tap.check("nines-cli's current pattern is warm standby", row["pattern"] == "warm-standby")
    tap.note("summary %r" % summary())


def step_undo():
    cost = summary()["Monthly cost"]
    click(ui["undo"])
    tap.check("Undo goes back to %s" % PATTERN_LABEL[ui["via"]],
              summary_says("Pattern", PATTERN_LABEL[ui["via"]]), repr(summary()))
    tap.check("…and the header bar follows", wait_for(
        lambda: dropdown_value(ui["pattern"]) == PATTERN_LABEL[ui["via"]], 10))
    tap.check("…and the cost with it (%s, was %s)" % (summary().get("Monthly cost"), cost),
              summary().get("Monthly cost") != cost)
    tap.check("…and the design is unsaved again (%r)" % app.title(),
              wait_for(lambda: app.title().startswith("•"), 10))
    screen.shot("undone")


def step_save_again():
    park()
    keys("ctrl+s")

    def saved_pattern():
        try:
            with open(DESIGN) as f:
                return json.load(f)["dr"]["pattern"]
        except (OSError, ValueError, KeyError):
            return None
    tap.check("Ctrl+S saves to the same file without asking",
              wait_for(lambda: saved_pattern() == ui["via"], 20), repr(saved_pattern()))
    tap.check("the window title is clean (%r)" % app.title(),
              wait_for(lambda: not app.title().startswith("•"), 20))
    ui["after_undo"] = summary()
    check_summary_against_cli(DESIGN, "after undo")
    screen.shot("saved-again")
    app.quit("Ctrl+Q quits a saved design without asking")
    left = os.listdir(AUTOSAVE) if os.path.isdir(AUTOSAVE) else []
    tap.check("no autosave is left behind for a saved design", not left, repr(left))


def step_reopen():
    app.start()
    welcome = need(app.frame, "panel", "Plan for the Bad Day", timeout=20)
    recent = wait_for(lambda: find(welcome, "list", "Recent Designs"), 20)
    tap.must("the welcome page now lists Recent Designs", recent is not None)
    rows = [c for c in children(recent) if c.getRoleName() == "list item"]
    tap.note("recent designs: %r" % [r.name for r in rows])
    tap.check("nothing to restore after a clean quit", find(welcome, "label", "Unsaved Work") is None)
    row = next((r for r in rows if "storefront-e2e" in (r.name or "") or "Storefront" in (r.name or "")), None)
    tap.must("the saved design is among them", row is not None, repr([r.name for r in rows]))
    scroll_into_view(row, need(app.frame, "scroll pane", ""), app.frame)
    park()
    screen.shot("welcome-recent")
    click(row)
    tap.must("it reopens (window %r)" % app.title(),
             wait_for(lambda: app.title().startswith("Storefront"), 20))
    find_editor_widgets()
    tap.check("the reopened design has the Auto Scaling group with %d instances" % ui["asg_count"],
              wait_for(lambda: tile(ui["asg_name"]) and "%d× " % ui["asg_count"] in tile(ui["asg_name"]).name, 20))
    tap.check("the reopened design shows %s" % PATTERN_LABEL[ui["via"]],
              summary_says("Pattern", PATTERN_LABEL[ui["via"]]), repr(summary()))
    tap.check("its summary is the one it was saved with", summary() == ui["after_undo"],
              "now %r\nsaved %r" % (summary(), ui["after_undo"]))
    screen.shot("reopened")


def step_outage():
    click(need(app.frame, "page tab", "Simulate"))
    panel = need(app.frame, "filler", "NinesSimulationPanel")
    target = need(panel, "combo box", "Region or availability zone to fail")
    choose(target, "us-east-1")
    tap.check("the outage target is us-east-1", dropdown_value(target) == "us-east-1")
    play = need(panel, "push button", "Play the outage")
    screen.shot("simulate")
    click(play)

    def status():
        lbl = find(panel, "label", startswith="Minute ")
        return lbl.name if lbl else None
    down = wait_for(lambda: (lambda s: s if s and ": down " in s else None)(status()), 30, 0.05)
    tap.check("playing: a minute where us-east-1 is down (%r)" % down, down is not None)
    screen.shot("outage-playing", settle=False)
    end = wait_for(lambda: find(panel, "label", startswith="Outage of "), 60)
    tap.must("the outage plays to its end and a summary stays", end is not None)
    text = end.name
    tap.note(text)
    tap.check("the last minute is recovered (%r)" % status(), ": recovered " in (status() or ""))
    screen.shot("outage-summary")
    # The chart and the timeline lie below the fold of the bottom pane: scroll to them.
    pane = need(panel, "scroll pane", "")
    p = pane.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    xdo("mousemove", ORIGIN[0] + p.x + p.width // 2, ORIGIN[1] + p.y + p.height // 2,
        "click", "--repeat", 6, 5)
    park()
    screen.shot("outage-timeline")

    sim = cli_json("simulate", "-r", "us-east-1", DESIGN)
    m = re.match(r"Outage of (\S+): (.+?) until full capacity, ([\d,]+) requests failed, "
                 r"([\d.]+) GB of data lost", text)
    tap.must("the outage summary reads as expected", m is not None, text)
    tap.check("it is about us-east-1", m.group(1) == "us-east-1" == sim["failed"])
    tap.check("time to full capacity %s stands for nines-cli simulate's %s min" % (
        m.group(2), sim["downtime_minutes"]), same_duration(m.group(2), sim["downtime_minutes"] * 60))
    tap.check("requests failed %s = nines-cli simulate's %.0f" % (m.group(3), sim["requests_failed"]),
              m.group(3).replace(",", "") == "%.0f" % sim["requests_failed"])
    tap.check("data lost %s GB = nines-cli simulate's %.2f" % (m.group(4), sim["data_lost_gb"]),
              m.group(4) == "%.2f" % sim["data_lost_gb"])
    app.quit("Ctrl+Q quits: the simulation changed nothing to save")


STEPS = [step_welcome, step_open_example, step_add_service, step_change_parameter, step_pattern,
         step_save_as, step_check_against_cli, step_undo, step_save_again, step_reopen, step_outage]


def main():
    t0 = time.monotonic()
    open(APP_LOG, "w").close()
    try:
        for step in STEPS:
            tap.note("%s (%.1f s)" % (step.__name__, time.monotonic() - t0))
            step()
    except Stop as e:
        tap.note("stopped after: %s" % e)
    except StepFailed as e:
        tap.check("%s: %s" % (step.__name__, e), False)
    except Exception:
        tap.check("%s raised" % step.__name__, False, traceback.format_exc())
    finally:
        try:
            screen.shot("at-the-end", settle=False)
        except Exception:
            pass
        app.stop()
        if os.path.exists(DESIGN):
            shutil.copy(DESIGN, ARTIFACTS)
    with open(APP_LOG) as f:
        noise = [l.rstrip() for l in f if re.search(r"WARNING|CRITICAL|ERROR", l)]
    tap.check("the app printed no warnings or criticals", not noise, "\n".join(noise[:20]))
    tap.note("%.1f s in all; screenshots in %s" % (time.monotonic() - t0, ARTIFACTS))
    print("1..%d" % tap.n, flush=True)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
