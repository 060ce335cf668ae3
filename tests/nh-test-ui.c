/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-ui.c: set-up shared by the UI tests
 *
 * One non-unique application per test program, registered so that GTK is
 * initialised; each test opens its own window and closes it again.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "nh-test-tmp.h"
#include "nh-test-ui.h"

static NhApplication *app;
static char *home;

/* The private home goes when the program ends; a test that fails stops
 * with abort(), which leaves it to look at. */
static void
remove_home (void)
{
  nh_test_remove_tree (home);
  g_clear_pointer (&home, g_free);
}

void
nh_test_ui_init (int    *argc,
                 char ***argv)
{
  g_autofree char *tmp = NULL;
  static const char * const dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };

  /* A private home for user data, but the system's data dirs stay, for the
   * icon theme (G_TEST_OPTION_ISOLATE_DIRS would hide them). */
  tmp = g_dir_make_tmp ("nh-test-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  home = g_strdup (tmp);
  atexit (remove_home);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (dirs[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);

  app = nh_application_new ("io.github.nemohandbook.NemoHandbook.Test",
                            G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("could not register the application");
}

NhApplication *
nh_test_ui_get_app (void)
{
  return app;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; FALSE after 10 s without. */
gboolean
nh_test_ui_wait_for (gboolean (*condition) (gpointer data),
                     gpointer   data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

NhWindow *
nh_test_ui_open_window (int width,
                        int height)
{
  GSettings *settings = nh_application_get_settings (app);
  GtkWindow *window;

  g_settings_set_boolean (settings, "disclaimer-seen", TRUE);
  g_settings_set_string (settings, "last-section", "");
  /* Nor where an earlier test was reading. */
  nh_store_remove (nh_application_get_store (app), "reading.json", NULL);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);

  window = nh_application_open_window (app);
  g_assert_true (NH_IS_WINDOW (window));
  g_assert_true (nh_test_ui_wait_for (is_mapped, window));

  return NH_WINDOW (window);
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

void
nh_test_ui_close_window (NhWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (nh_test_ui_wait_for (no_windows, NULL));
}

/* Activates an action as a shortcut or a menu would, from @widget. */
void
nh_test_ui_activate (GtkWidget  *widget,
                     const char *action,
                     GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, param));
}
