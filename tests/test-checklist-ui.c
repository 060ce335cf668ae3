/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checklist-ui.c: the checklist page: ticks, readings, saving */

#include "config.h"

#include "nh-test-ui.h"
#include "ui/nh-checklist-page.h"

static NhChecklistPage *
find_checklist_page (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NhChecklistPage *found;

      if (NH_IS_CHECKLIST_PAGE (child) && gtk_widget_get_mapped (child))
        return NH_CHECKLIST_PAGE (child);
      if ((found = find_checklist_page (child)))
        return found;
    }

  return NULL;
}

static char *
saved_state (void)
{
  NhStore *store = nh_application_get_store (nh_test_ui_get_app ());
  g_autofree char *path = nh_store_dup_path (store, NH_CHECKLIST_STATE_FILE);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static void
test_tick_records_time_and_saves (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhChecklistPage *page;
  NhEpisode *episode;
  g_autofree char *saved = NULL;
  g_autofree char *saved_after = NULL;

  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "@checklist");
  page = find_checklist_page (GTK_WIDGET (window));
  g_assert_nonnull (page);
  episode = nh_checklist_page_get_episode (page);

  nh_test_ui_activate (GTK_WIDGET (page), "checklist.toggle-item",
                       g_variant_new_string ("call-team"));
  g_assert_nonnull (nh_episode_get_tick (episode, "call-team"));

  /* Saved at once, in the private data folder. */
  saved = saved_state ();
  g_assert_nonnull (saved);
  g_assert_nonnull (strstr (saved, "\"call-team\""));

  /* Unticking asks nothing and removes the time. */
  nh_test_ui_activate (GTK_WIDGET (page), "checklist.toggle-item",
                       g_variant_new_string ("call-team"));
  g_assert_null (nh_episode_get_tick (episode, "call-team"));
  saved_after = saved_state ();
  g_assert_null (strstr (saved_after, "\"call-team\""));

  nh_test_ui_close_window (window);
}

static void
test_start_shows_checklist_without_disclaimer (void)
{
  GSettings *settings = nh_application_get_settings (nh_test_ui_get_app ());
  NhWindow *window;
  GList *toplevels;
  guint n_windows;

  g_settings_set_boolean (settings, "disclaimer-seen", FALSE);
  window = NH_WINDOW (nh_window_new (nh_test_ui_get_app (),
                                     nh_application_get_edition (nh_test_ui_get_app ()), NULL));
  nh_window_show_section (window, "@checklist");
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  /* No dialog came up over the checklist. */
  toplevels = gtk_window_list_toplevels ();
  n_windows = 0;
  for (const GList *l = toplevels; l; l = l->next)
    if (gtk_widget_get_visible (l->data))
      n_windows++;
  g_list_free (toplevels);
  g_assert_cmpuint (n_windows, ==, 1);
  g_assert_false (g_settings_get_boolean (settings, "disclaimer-seen"));

  nh_test_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/checklist-ui/tick-records-time-and-saves", test_tick_records_time_and_saves);
  g_test_add_func ("/nh/checklist-ui/no-disclaimer-in-a-hurry", test_start_shows_checklist_without_disclaimer);

  return g_test_run ();
}
