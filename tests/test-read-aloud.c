/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-read-aloud.c: reading a section aloud through speech-dispatcher
 *
 * With the real service: speech-dispatcher and espeak-ng (build-aux/setup
 * installs them), started by libspeechd on its own in this test's home,
 * playing to ALSA's "null" device so that nothing needs a sound card.
 * Where the service cannot start, the tests that need it are skipped;
 * the messages for no service and no voice are tested either way.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "nh-test-ui.h"
#include "ui/nh-read-aloud.h"
#include "ui/nh-section-page.h"

typedef struct
{
  GArray   *paragraphs;
  gboolean  finished;
  char     *failure;
  gboolean  paused_seen;
} Events;

static void
paragraph_cb (NhReadAloud *reader,
              guint        index,
              Events      *events)
{
  g_array_append_val (events->paragraphs, index);
}

static void
finished_cb (NhReadAloud *reader,
             Events      *events)
{
  events->finished = TRUE;
}

static void
failed_cb (NhReadAloud *reader,
           const char  *message,
           Events      *events)
{
  events->failure = g_strdup (message);
}

static void
state_cb (NhReadAloud *reader,
          Events      *events)
{
  if (nh_read_aloud_get_state (reader) == NH_READ_ALOUD_PAUSED)
    events->paused_seen = TRUE;
}

static void
watch (NhReadAloud *reader,
       Events      *events)
{
  events->paragraphs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (reader, "paragraph", G_CALLBACK (paragraph_cb), events);
  g_signal_connect (reader, "finished", G_CALLBACK (finished_cb), events);
  g_signal_connect (reader, "failed", G_CALLBACK (failed_cb), events);
  g_signal_connect (reader, "state-changed", G_CALLBACK (state_cb), events);
}

static void
events_clear (Events *events)
{
  g_clear_pointer (&events->paragraphs, g_array_unref);
  g_clear_pointer (&events->failure, g_free);
}

static gboolean
done (gpointer data)
{
  Events *events = data;

  return events->finished || events->failure != NULL;
}

static gboolean
speaking_paragraph (gpointer data)
{
  Events *events = data;

  return events->paragraphs->len > 0 || events->failure != NULL;
}

/* The test's home: a speech-dispatcher set-up that plays to nowhere. */
static void
set_up_speech (void)
{
  g_autofree char *home = g_path_get_dirname (g_getenv ("XDG_CONFIG_HOME"));
  g_autofree char *config = g_build_filename (g_getenv ("XDG_CONFIG_HOME"), "speech-dispatcher", NULL);
  g_autofree char *conf = g_build_filename (config, "speechd.conf", NULL);
  g_autofree char *asoundrc = g_build_filename (home, ".asoundrc", NULL);
  g_autofree char *runtime = g_build_filename (home, "runtime", NULL);

  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  g_assert_true (g_file_set_contents (conf,
                                      "AudioOutputMethod \"alsa\"\n"
                                      "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"
                                      "DefaultModule espeak-ng\n", -1, NULL));
  g_assert_true (g_file_set_contents (asoundrc, "pcm.!default { type null }\n", -1, NULL));
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);
}

/* No service at all: the reader says so and how to get one, at once. */
static void
test_no_service (void)
{
  g_autoptr(NhReadAloud) reader = nh_read_aloud_new ();
  static const char * const paragraphs[] = { "Hello.", NULL };
  Events events = { 0 };

  g_setenv ("SPEECHD_ADDRESS", "unix_socket:/nonexistent/nh-test/speechd.sock", TRUE);
  watch (reader, &events);
  nh_read_aloud_start (reader, "en", paragraphs);
  g_assert_cmpint (nh_read_aloud_get_state (reader), ==, NH_READ_ALOUD_CONNECTING);
  g_assert_true (nh_test_ui_wait_for (done, &events));
  g_unsetenv ("SPEECHD_ADDRESS");

  g_assert_nonnull (events.failure);
  g_assert_nonnull (strstr (events.failure, "speech-dispatcher"));
  g_assert_cmpint (nh_read_aloud_get_state (reader), ==, NH_READ_ALOUD_IDLE);
  events_clear (&events);
}

static gboolean
service_works (void)
{
  g_autoptr(NhReadAloud) reader = nh_read_aloud_new ();
  static const char * const paragraphs[] = { "Yes.", NULL };
  Events events = { 0 };
  gboolean works;

  watch (reader, &events);
  nh_read_aloud_start (reader, "en", paragraphs);
  nh_test_ui_wait_for (done, &events);
  works = events.finished && events.failure == NULL;
  if (!works)
    g_test_message ("speech service: %s", events.failure ? events.failure : "no answer");
  events_clear (&events);

  return works;
}

/* A language without a voice: the reader names it. */
static void
test_no_voice (void)
{
  g_autoptr(NhReadAloud) reader = nh_read_aloud_new ();
  static const char * const paragraphs[] = { "Hello.", NULL };
  Events events = { 0 };

  if (!service_works ())
    {
      g_test_skip ("speech-dispatcher with espeak-ng does not start here");
      return;
    }

  watch (reader, &events);
  nh_read_aloud_start (reader, "zz", paragraphs);
  g_assert_true (nh_test_ui_wait_for (done, &events));
  g_assert_nonnull (events.failure);
  g_assert_nonnull (strstr (events.failure, "“zz”"));
  events_clear (&events);
}

/* Every paragraph in turn, in German; pause and resume on the way. */
static void
test_paragraphs_in_order (void)
{
  g_autoptr(NhReadAloud) reader = nh_read_aloud_new ();
  static const char * const paragraphs[] = { "Eins.", "", "Zwei.", "Drei.", NULL };
  Events events = { 0 };

  if (!service_works ())
    {
      g_test_skip ("speech-dispatcher with espeak-ng does not start here");
      return;
    }

  watch (reader, &events);
  nh_read_aloud_start (reader, "de", paragraphs);
  g_assert_true (nh_test_ui_wait_for (speaking_paragraph, &events));
  g_assert_null (events.failure);

  nh_read_aloud_pause (reader);
  g_assert_cmpint (nh_read_aloud_get_state (reader), ==, NH_READ_ALOUD_PAUSED);
  nh_read_aloud_resume (reader);
  g_assert_cmpint (nh_read_aloud_get_state (reader), ==, NH_READ_ALOUD_SPEAKING);

  g_assert_true (nh_test_ui_wait_for (done, &events));
  g_assert_null (events.failure);
  g_assert_true (events.paused_seen);

  /* Resume reads the paused paragraph again from its start; the empty
   * paragraph is passed over. */
  g_assert_cmpuint (events.paragraphs->len, ==, 4);
  g_assert_cmpuint (g_array_index (events.paragraphs, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (events.paragraphs, guint, 1), ==, 0);
  g_assert_cmpuint (g_array_index (events.paragraphs, guint, 2), ==, 2);
  g_assert_cmpuint (g_array_index (events.paragraphs, guint, 3), ==, 3);
  events_clear (&events);
}

static GtkWidget *
find_marked (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "nh-reading-aloud"))
        return child;
      if ((found = find_marked (child)))
        return found;
    }

  return NULL;
}

/* In the window: Ctrl+R reads the section; the paragraph read is marked;
 * Stop ends it and the mark goes. */
static void
test_window_reads_section (void)
{
  NhWindow *window;
  NhReadAloud *reader;
  Events events = { 0 };

  if (!service_works ())
    {
      g_test_skip ("speech-dispatcher with espeak-ng does not start here");
      return;
    }

  window = nh_test_ui_open_window (1000, 700);
  nh_window_show_section (window, "inheritance");
  nh_test_ui_activate (GTK_WIDGET (window), "win.read-aloud", NULL);
  reader = nh_window_get_read_aloud (window);
  g_assert_nonnull (reader);
  watch (reader, &events);
  g_assert_true (nh_test_ui_wait_for (speaking_paragraph, &events));
  g_assert_null (events.failure);
  g_assert_nonnull (find_marked (GTK_WIDGET (window)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "read-aloud-stop"));

  nh_test_ui_activate (GTK_WIDGET (window), "win.read-aloud-stop", NULL);
  g_assert_true (events.finished);
  g_assert_null (find_marked (GTK_WIDGET (window)));
  g_assert_cmpint (nh_read_aloud_get_state (reader), ==, NH_READ_ALOUD_IDLE);

  events_clear (&events);
  nh_test_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);
  set_up_speech ();

  g_test_add_func ("/nh/read-aloud/no-service", test_no_service);
  g_test_add_func ("/nh/read-aloud/no-voice", test_no_voice);
  g_test_add_func ("/nh/read-aloud/paragraphs-in-order", test_paragraphs_in_order);
  g_test_add_func ("/nh/read-aloud/window-reads-section", test_window_reads_section);

  return g_test_run ();
}
