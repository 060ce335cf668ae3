#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""nh-night.py NEMO_HANDBOOK_BINARY SCHEMA_DIR DESKTOP_FILE

A night with fever, end to end, through AT-SPI as a parent would play it:
open the checklist from the launcher's "Infection suspected" action, tick
two steps with the keyboard, add a reading measured earlier than now, start
a new episode, undo it with Ctrl+Z and again with the toast's Undo button,
and check that the ticks with their times and the reading are all back.
Then print the episode to PDF (--export=checklist --episode=latest, as a
script or the print dialog's "Print to File" would) and find the child's
name and allergies from the card in it. Exits 77 (skipped) without pyatspi,
a display or pdftotext."""
import datetime
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('nh_acceptance', os.path.join(HERE, 'nh-acceptance.py'))
acceptance = importlib.util.module_from_spec(spec)
spec.loader.exec_module(acceptance)  # exits 77 itself without pyatspi or a display

import pyatspi  # noqa: E402 (after the skip checks above)

wait_for, find, walk = acceptance.wait_for, acceptance.find, acceptance.walk
check_names, press_ctrl = acceptance.check_names, acceptance.press_ctrl
KEY_TAB, KEY_SPACE = acceptance.KEY_TAB, acceptance.KEY_SPACE
KEY_Z, KEY_RETURN = 0x7a, 0xff0d

BINARY, SCHEMA_DIR, DESKTOP_FILE = sys.argv[1], sys.argv[2], sys.argv[3]
APP_IDS = ('io.github.nemohandbook.NemoHandbook.Devel', 'io.github.nemohandbook.NemoHandbook')
STEP_1 = 'Call the immunology team or your care team now.'
STEP_2 = 'If you cannot reach them, go to emergency care.'
LAST_STEP = 'Tell the immunology team what happened and what treatment was given.'
CARD = '''{
  "format": 1, "revision": 1, "updated": "2026-01-12",
  "fields": {
    "child_name": "Sam Night", "birth_date": "2019-02-28", "weight": "18 kg",
    "allergies": "penicillin: hives", "centre_phone": "+44 20 7946 0000",
    "centre_name": "Example Children's Hospital"
  },
  "print": { "paper": "id1", "qr": false }
}'''


def desktop_action_argv(action):
    """The command line of a launcher action, as the desktop runs it."""
    section = None
    with open(DESKTOP_FILE, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line.startswith('['):
                section = line
            elif section == f'[Desktop Action {action}]' and line.startswith('Exec='):
                argv = line[len('Exec='):].split()
                return [BINARY] + [a for a in argv[1:] if not a.startswith('%')]
    raise SystemExit(f'FAIL: no desktop action {action} in {DESKTOP_FILE}')


class NightApp(acceptance.App):
    def __init__(self, home, argv):
        super().__init__(home)
        self.argv = argv

    def start(self):
        print('starting', ' '.join(self.argv))
        self.process = subprocess.Popen(self.argv, env=self.env)

        def app_up():
            for app in pyatspi.Registry.getDesktop(0):
                if app is not None and app.name == 'nemo-handbook':
                    return app if find(app, 'frame') else None
            return None
        # The sanitizer build on a busy machine starts slowly.
        self.app = wait_for('the app on the accessibility bus', app_up, timeout=90)
        return self


def checked(node):
    return node.getState().contains(pyatspi.STATE_CHECKED)


def focused_in(node):
    return any(n.getState().contains(pyatspi.STATE_FOCUSED) for n in walk(node))


def tab_to(node, what):
    # The window's whole Tab cycle: sidebar, header bar, every step.
    for _ in range(200):
        if focused_in(node):
            return
        pyatspi.Registry.generateKeyboardEvent(KEY_TAB, None, pyatspi.KEY_SYM)
        time.sleep(0.1)
    raise SystemExit(f'FAIL: Tab never reached {what}')


def entry(app, name):
    return wait_for(f'the field "{name}"',
                    lambda: find(app, 'text', name) or find(app, 'entry', name))


def start_new_episode(app):
    app.click('push button', 'New Episode…')
    wait_for('the question', lambda: find(app.app, 'label', 'Start a New Episode?'))
    app.click('push button', 'Start New Episode')
    wait_for('an empty episode', lambda: not checked(find(app.app, 'check box', STEP_1)))
    toast = wait_for('the Undo button of the toast',
                     lambda: next((n for n in walk(app.app)
                                   if n.getRoleName() == 'push button' and n.name == 'Undo'), None))
    # Usable, and said once without the mnemonic's underscore (it was an
    # insensitive "_Undo Undo"); the whole window's names were checked at
    # the start, a walk too slow to repeat while the toast shows.
    if not toast.getState().contains(pyatspi.STATE_SENSITIVE):
        raise SystemExit('FAIL: the toast\'s Undo button cannot be used')
    return toast


def done_labels(app):
    return sorted(n.name for n in walk(app.app)
                  if n.getRoleName() == 'label' and re.match(r'^Done today, \d\d:\d\d$', n.name or ''))


def assert_night_is_back(app, ticks, reading_time):
    for step in (STEP_1, STEP_2):
        wait_for(f'"{step}" ticked again', lambda: checked(find(app.app, 'check box', step)))
    wait_for('the same tick times', lambda: done_labels(app) == ticks)
    wait_for('the reading', lambda: find(app.app, 'label', '38.9 °C'))
    wait_for('its earlier time', lambda: find(app.app, 'label', pattern=re.escape(reading_time)))


def run():
    if shutil.which('pdftotext') is None:
        print('pdftotext (poppler-utils) is not installed: skipped')
        sys.exit(77)

    with tempfile.TemporaryDirectory() as home:
        settings = os.path.join(home, 'config', 'glib-2.0', 'settings')
        os.makedirs(settings)
        with open(os.path.join(settings, 'keyfile'), 'w') as f:
            f.write('[io/github/nemohandbook/NemoHandbook]\ndisclaimer-seen=true\n')
        for app_id in APP_IDS:
            os.makedirs(os.path.join(home, 'data', app_id))
            with open(os.path.join(home, 'data', app_id, 'card.json'), 'w', encoding='utf-8') as f:
                f.write(CARD)

        app = NightApp(home, desktop_action_argv('checklist')).start()
        try:
            first = wait_for('the checklist', lambda: find(app.app, 'check box', STEP_1))
            check_names(app.app, 'the checklist at night')
            if find(app.app, 'check box', 'Do not wait to see if it gets better by itself.'):
                raise SystemExit('FAIL: the advice "Do not wait" has a box to tick')
            print('ok: the launcher action opened the checklist; advice is not a box')

            # Two steps, with the keyboard alone.
            tab_to(first, 'the first step')
            pyatspi.Registry.generateKeyboardEvent(KEY_SPACE, None, pyatspi.KEY_SYM)
            wait_for('the first tick', lambda: checked(first))
            second = find(app.app, 'check box', STEP_2)
            tab_to(second, 'the second step')
            pyatspi.Registry.generateKeyboardEvent(KEY_SPACE, None, pyatspi.KEY_SYM)
            wait_for('the second tick', lambda: checked(second))
            ticks = wait_for('the times of both steps', lambda: done_labels(app) if len(done_labels(app)) == 2 else None)
            print('ok: ticked two steps with Tab and Space:', ', '.join(ticks))

            # A temperature measured 35 minutes ago, typed in now.
            earlier = datetime.datetime.now() - datetime.timedelta(minutes=35)
            clock = earlier.strftime('%H:%M')
            day = 'Today' if earlier.date() == datetime.date.today() else 'Yesterday'
            reading_time = f'{day}, {clock}'
            entry(app.app, 'Time measured (hh:mm)').queryEditableText().setTextContents(clock)
            value = entry(app.app, 'New reading')
            value.queryEditableText().setTextContents('38.9 °C')
            # Enter in the field adds it, as a parent would. GTK 4.8 does not
            # report the focus inside an AdwEntryRow: the field is the next
            # stop after the last step's box.
            tab_to(find(app.app, 'check box', LAST_STEP), 'the last step')
            pyatspi.Registry.generateKeyboardEvent(KEY_TAB, None, pyatspi.KEY_SYM)
            time.sleep(0.3)
            pyatspi.Registry.generateKeyboardEvent(KEY_RETURN, None, pyatspi.KEY_SYM)
            wait_for('the reading', lambda: find(app.app, 'label', '38.9 °C'))
            wait_for('its earlier time', lambda: find(app.app, 'label', reading_time))
            print(f'ok: added 38.9 °C measured at {reading_time}')

            # New episode, then Ctrl+Z while the toast shows.
            start_new_episode(app)
            close = find(app.app, 'push button', 'Close notification')
            if close is None:
                raise SystemExit('FAIL: the toast\'s close button has no name')
            press_ctrl(KEY_Z)
            assert_night_is_back(app, ticks, reading_time)
            print('ok: Ctrl+Z brought the episode back: both ticks with their times and the reading')

            # Again, with the toast's own button.
            toast = start_new_episode(app)
            toast.queryAction().doAction(0)
            assert_night_is_back(app, ticks, reading_time)
            print('ok: the toast\'s Undo button brought it back too')
        finally:
            app.stop()

        # On paper, for the emergency department: whose it is.
        env = app.env
        listing = subprocess.run([BINARY, '--list-episodes'], env=env, capture_output=True,
                                 text=True, check=True).stdout
        lines = [line.split('\t') for line in listing.splitlines()]
        current = [line for line in lines if len(line) == 5 and line[2] == 'current']
        if not current or not current[0][3].startswith('2/') or current[0][4] != '1':
            raise SystemExit(f'FAIL: --list-episodes does not show the night: {listing!r}')
        print('ok: --list-episodes:', listing.splitlines()[0])

        pdf = os.path.join(home, 'night.pdf')
        subprocess.run([BINARY, '--export=checklist', '--episode=latest', f'--output={pdf}'],
                       env=env, check=True)
        text = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True,
                              text=True, check=True).stdout
        first_page = text.split('\f')[0]
        for wanted in ('Sam Night', 'penicillin: hives', '38.9 °C', clock, ticks[0][-5:]):
            if wanted not in first_page and wanted not in text:
                raise SystemExit(f'FAIL: the printed episode lacks {wanted!r}')
        if 'Sam Night' not in first_page or 'penicillin: hives' not in first_page:
            raise SystemExit('FAIL: the child\'s name and allergies are not on the first page')
        print('ok: the printed episode names Sam Night and the penicillin allergy on page one')


def main():
    start = time.monotonic()
    bus = acceptance.start_accessibility_bus()
    try:
        run()
    finally:
        if bus is not None:
            bus.terminate()
    print(f'the night passed in {time.monotonic() - start:.1f} s')


if __name__ == '__main__':
    main()
