#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""nh-acceptance.py NEMO_HANDBOOK_BINARY SCHEMA_DIR

Drives the built app through AT-SPI like a user: opens a section from the
sidebar, searches and opens a result, ticks a checklist item with the
keyboard and sees its time, fills in the card's name and finds it again
after a restart, and fails when a control has no accessible name or one a
screen reader would read wrongly. Exits 77 (skipped) without
pyatspi or a display. Runs inside the test's own D-Bus session."""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print('pyatspi is not installed (python3-pyatspi): skipped')
    sys.exit(77)

if not os.environ.get('DISPLAY'):
    print('no display: skipped')
    sys.exit(77)

BINARY, SCHEMA_DIR = sys.argv[1], sys.argv[2]
NEEDS_NAME = {'push button', 'toggle button', 'check box', 'entry', 'text', 'combo box',
              'list item', 'menu item', 'password text', 'spin button', 'switch'}
CLASS_NAME = re.compile(r'^(Gtk|Adw|Nh)[A-Z][A-Za-z]+$')
# What a screen reader would read wrongly: a mnemonic's underscore
# ("_Print…"), or the same words twice ("Print… Print…"), both of which
# GTK 4.8 makes of a button's label unless told otherwise (nh-accessible.c).
MNEMONIC = re.compile(r'(^|[^_])_[^\W_]')
DOUBLED = re.compile(r'^(.+) \1$', re.DOTALL)
KEY_TAB, KEY_SPACE, KEY_COMMA, KEY_ESCAPE = 0xff09, 0x20, 0x2c, 0xff1b
KEYCODE_CONTROL_L = 37  # X11, as under Xvfb


def wait_for(what, predicate, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            result = predicate()
        except Exception:
            result = None
        if result:
            return result
        time.sleep(0.1)
    raise SystemExit(f'FAIL: timed out waiting for {what}')


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def find(root, role, name=None, pattern=None):
    for node in walk(root):
        try:
            if node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if pattern is not None and not re.search(pattern, node.name or ''):
                continue
            return node
        except Exception:
            continue
    return None


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return node.name or ''


class App:
    def __init__(self, home):
        self.env = dict(os.environ,
                        XDG_CONFIG_HOME=os.path.join(home, 'config'),
                        XDG_DATA_HOME=os.path.join(home, 'data'),
                        XDG_CACHE_HOME=os.path.join(home, 'cache'),
                        GSETTINGS_BACKEND='keyfile',
                        GSETTINGS_SCHEMA_DIR=SCHEMA_DIR,
                        GSK_RENDERER='cairo', LANGUAGE='en', NO_AT_BRIDGE='0')
        self.env.pop('NO_AT_BRIDGE')
        self.process = None
        self.app = None

    def start(self):
        print('starting', BINARY)
        self.process = subprocess.Popen([BINARY], env=self.env)

        def app_up():
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.name == 'nemo-handbook':
                    return app if find(app, 'frame') else None
            return None
        # The sanitizer build on a busy machine starts slowly.
        self.app = wait_for('the app on the accessibility bus', app_up, timeout=90)
        return self

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def click(self, role, name):
        node = wait_for(f'{role} "{name}"', lambda: find(self.app, role, name))
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        action.doAction(names.index('click') if 'click' in names else 0)
        return node

    def select_row(self, name):
        row = wait_for(f'row "{name}"', lambda: find(self.app, 'list item', name))
        parent = row.parent
        names = [parent.getChildAtIndex(i).name for i in range(parent.childCount)]
        parent.querySelection().selectChild(names.index(name))

    def page_title(self, title):
        return wait_for(f'page title "{title}"',
                        lambda: find(self.app, 'label', title) if find(self.app, 'label', title) else None)


def press_ctrl(keysym):
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL_L, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    pyatspi.Registry.generateKeyboardEvent(KEYCODE_CONTROL_L, None, pyatspi.KEY_RELEASE)


def check_names(app, where):
    missing = []
    for node in walk(app):
        try:
            role = node.getRoleName()
            if role not in NEEDS_NAME:
                continue
            # What is never shown is never reached (the search entry that
            # a preferences window without search keeps hidden).
            if not node.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            # The rows of a drop-down's GtkListView carry their label as a
            # child, which GTK 4.8 does not lift to the row.
            if role == 'list item' and node.parent is not None and node.parent.name == 'GtkListView':
                continue
            name = (node.name or '').strip()
            if not name or CLASS_NAME.match(name) or MNEMONIC.search(name) or DOUBLED.match(name):
                missing.append(f'{role} named {name!r}')
        except Exception:
            continue
    if missing:
        raise SystemExit(f'FAIL: controls without a proper accessible name on {where}: ' + ', '.join(sorted(set(missing))))
    print(f'every control on {where} has a name')


def start_accessibility_bus():
    """The test's private D-Bus session has no accessibility bus yet."""
    launcher = '/usr/libexec/at-spi-bus-launcher'
    if not os.path.exists(launcher):
        return None
    process = subprocess.Popen([launcher, '--launch-immediately'],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return process


def main():
    start = time.monotonic()
    bus = start_accessibility_bus()
    try:
        run()
    finally:
        if bus is not None:
            bus.terminate()
    print(f'acceptance passed in {time.monotonic() - start:.1f} s')


def run():
    with tempfile.TemporaryDirectory() as home:
        settings = os.path.join(home, 'config', 'glib-2.0', 'settings')
        os.makedirs(settings)
        with open(os.path.join(settings, 'keyfile'), 'w') as f:
            f.write('[io/github/nemohandbook/NemoHandbook]\ndisclaimer-seen=true\n')

        app = App(home).start()
        try:
            check_names(app.app, 'the handbook')

            # a) a section from the sidebar
            app.select_row('Diagnosis')
            wait_for('the Diagnosis page', lambda: find(app.app, 'label', 'Diagnosis'))
            print('ok: opened Diagnosis from the sidebar')

            # b) search and open a result
            # GTK 4.8 reports a toggle button as a push button.
            app.click('push button', 'Search the handbook')
            entry = wait_for('the search entry',
                             lambda: find(app.app, 'text', 'Search the handbook') or find(app.app, 'entry', 'Search the handbook'))
            entry.queryEditableText().setTextContents('BCG')
            results = wait_for('search results', lambda: find(app.app, 'list', 'Search results'))
            wait_for('a result row', lambda: results.childCount > 0)
            results.querySelection().selectChild(0)
            wait_for('the Infections page', lambda: find(app.app, 'label', 'Infections'))
            print('ok: search for BCG opened Infections')

            # c) tick a checklist item and see its time
            app.select_row('Infection suspected')
            item = 'Call the immunology team or your care team now.'
            check = wait_for('the first checklist box', lambda: find(app.app, 'check box', pattern=re.escape(item)))
            check_names(app.app, 'the checklist')
            # With the keyboard, as a parent would without a mouse: Tab to
            # the box, then Space. (GTK 4.8 offers no AT-SPI action or
            # focus call on check boxes, so this is also the only way.)
            for _ in range(40):
                if check.getState().contains(pyatspi.STATE_FOCUSED):
                    break
                pyatspi.Registry.generateKeyboardEvent(KEY_TAB, None, pyatspi.KEY_SYM)
                time.sleep(0.2)
            else:
                raise SystemExit('FAIL: Tab never reached the first checklist box')
            pyatspi.Registry.generateKeyboardEvent(KEY_SPACE, None, pyatspi.KEY_SYM)
            wait_for('its time', lambda: find(app.app, 'label', pattern=r'^Done today, \d\d:\d\d$'))
            if not check.getState().contains(pyatspi.STATE_CHECKED):
                raise SystemExit('FAIL: the box is not ticked')
            print('ok: reached the first box with Tab, ticked it with Space and saw "Done today, HH:MM"')

            # d) fill in the card's name
            app.select_row('Emergency card')
            name_entry = wait_for('the child\'s name field',
                                  lambda: find(app.app, 'text', pattern="^Child.s name") or find(app.app, 'entry', pattern="^Child.s name"))
            check_names(app.app, 'the emergency card')
            name_entry.queryEditableText().setTextContents('Sam Acceptance')
            # The development build keeps its data apart, under the .Devel id.
            cards = [os.path.join(home, 'data', app_id, 'card.json')
                     for app_id in ('io.github.nemohandbook.NemoHandbook.Devel', 'io.github.nemohandbook.NemoHandbook')]

            def saved():
                return any(os.path.exists(c) and 'Sam Acceptance' in open(c, encoding='utf-8').read() for c in cards)
            wait_for('the card saved', saved)
            print('ok: the name was saved')
        finally:
            app.stop()

        app = App(home).start()
        try:
            app.select_row('Emergency card')
            name_entry = wait_for('the child\'s name field',
                                  lambda: find(app.app, 'text', pattern="^Child.s name") or find(app.app, 'entry', pattern="^Child.s name"))
            wait_for('the name after a restart', lambda: 'Sam Acceptance' in text_of(name_entry))
            print('ok: the card kept the name after a restart')

            # e) Preferences, from the keyboard
            press_ctrl(KEY_COMMA)
            wait_for('the Preferences window', lambda: find(app.app, 'frame', 'Preferences'))
            wait_for('the language choice', lambda: find(app.app, 'label', 'Handbook and printouts language'))
            check_names(app.app, 'Preferences')
            pyatspi.Registry.generateKeyboardEvent(KEY_ESCAPE, None, pyatspi.KEY_SYM)
            wait_for('Preferences to close', lambda: find(app.app, 'frame', 'Preferences') is None)
            print('ok: opened Preferences with Ctrl+comma and left with Escape')

            # f) the health record: an infusion, typed in the form
            app.select_row('Health record')
            wait_for('the record page', lambda: find(app.app, 'push button', 'Add Infusion'))
            check_names(app.app, 'the health record')
            app.click('push button', 'Add Infusion')
            dialog = wait_for('the Add Infusion form', lambda: next((w for w in app.app if w is not None and w.name == 'Add Infusion'), None))
            check_names(dialog, 'the infusion form')
            product = wait_for('the product field',
                               lambda: find(dialog, 'text', pattern='^Product') or find(dialog, 'entry', pattern='^Product'))
            product.queryEditableText().setTextContents('Acceptance Ig')
            app.click('push button', 'Save')
            records = [os.path.join(home, 'data', app_id, 'record.json')
                       for app_id in ('io.github.nemohandbook.NemoHandbook.Devel', 'io.github.nemohandbook.NemoHandbook')]
            wait_for('the infusion saved',
                     lambda: any(os.path.exists(r) and 'Acceptance Ig' in open(r, encoding='utf-8').read() for r in records))
            wait_for('its row', lambda: find(app.app, 'push button', pattern='^Edit .*Acceptance Ig'))
            print('ok: added an infusion from the form and saw its row')
        finally:
            app.stop()


if __name__ == '__main__':
    main()
