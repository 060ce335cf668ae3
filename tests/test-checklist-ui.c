/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-checklist-ui.c: the checklist page: ticks, readings, saving */

#include "config.h"

#include "nh-test-ui.h"
#include "ui/nh-checklist-page.h"
#include "ui/nh-phone.h"

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

static AdwMessageDialog *
find_message_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (const GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);

  return found;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)))
        return found;
    }

  return NULL;
}

static void
spin (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static NhEpisode *
start_new_episode (NhChecklistPage *page)
{
  AdwMessageDialog *dialog;

  nh_test_ui_activate (GTK_WIDGET (page), "checklist.new-episode", NULL);
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "start");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  return nh_checklist_page_get_episode (page);
}

/* The toast's Undo button lives above the page: it must still reach it. */
static void
test_undo_from_toast_button (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhChecklistPage *page;
  NhEpisode *episode;
  NhEpisode *fresh;
  GtkWidget *undo;
  g_autoptr(GDateTime) ticked = NULL;
  g_autoptr(GDateTime) measured = g_date_time_new_local (2026, 2, 12, 2, 10, 0);
  g_autofree char *id = NULL;
  NhChecklistState *state;

  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);
  page = find_checklist_page (GTK_WIDGET (window));
  episode = nh_checklist_page_get_episode (page);
  id = g_strdup (nh_episode_get_id (episode));
  nh_test_ui_activate (GTK_WIDGET (page), "checklist.toggle-item", g_variant_new_string ("call-team"));
  ticked = g_date_time_ref (nh_episode_get_tick (episode, "call-team"));
  g_assert_true (nh_episode_add_reading (episode, measured, "38.9 °C", NULL));
  g_assert_true (nh_episode_set_notes (episode, "Shivering", NULL));

  fresh = start_new_episode (page);
  g_assert_true (fresh != episode);
  g_assert_true (nh_episode_is_empty (fresh));

  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_is_sensitive (undo));
  g_signal_emit_by_name (undo, "clicked");
  spin ();

  /* Exactly the episode that was there, current again and saved so. */
  state = nh_application_get_checklist_state (nh_test_ui_get_app (), NULL);
  episode = nh_checklist_page_get_episode (page);
  g_assert_cmpstr (nh_episode_get_id (episode), ==, id);
  g_assert_true (nh_checklist_state_get_current (state) == episode);
  g_assert_null (nh_episode_get_ended_at (episode));
  g_assert_true (g_date_time_equal (nh_episode_get_tick (episode, "call-team"), ticked));
  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, 1);
  g_assert_true (g_date_time_equal (nh_episode_get_reading_time (episode, 0), measured));
  g_assert_cmpstr (nh_episode_get_notes (episode), ==, "Shivering");
  {
    g_autofree char *saved = saved_state ();
    g_autoptr(GBytes) bytes = g_bytes_new (saved, strlen (saved));
    g_autoptr(NhChecklistState) reread = nh_checklist_state_new_from_bytes (bytes, NULL);

    g_assert_nonnull (reread);
    g_assert_cmpstr (nh_episode_get_id (nh_checklist_state_get_current (reread)), ==, id);
    g_assert_cmpstr (nh_episode_get_notes (nh_checklist_state_get_current (reread)), ==, "Shivering");
  }

  nh_test_ui_close_window (window);
}

/* A past episode comes back as the current one, after a confirmation. */
static void
test_reopen_past_episode (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhChecklistState *state = nh_application_get_checklist_state (app, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *old_id = NULL;
  NhEpisode *episode;

  episode = nh_checklist_state_get_current (state);
  nh_episode_set_tick (episode, "call-team", now);
  old_id = g_strdup (nh_episode_get_id (episode));
  nh_checklist_state_start_new_episode (state, now);
  nh_episode_set_tick (nh_checklist_state_get_current (state), "call-team", now);

  g_assert_nonnull (nh_checklist_state_reopen_episode (state, old_id, now));
  g_assert_cmpstr (nh_episode_get_id (nh_checklist_state_get_current (state)), ==, old_id);
  g_assert_null (nh_episode_get_ended_at (nh_checklist_state_get_current (state)));
  /* The one that was current is kept, not lost. */
  g_assert_cmpuint (g_list_model_get_n_items (nh_checklist_state_get_archive (state)), >=, 1);
  g_assert_null (nh_checklist_state_reopen_episode (state, "no-such-episode", now));
}

static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, type, title)))
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_by_tooltip (GtkWidget  *widget,
                        const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button_by_tooltip (child, tooltip)))
        return found;
    }

  return NULL;
}

/* A parent types the time it was measured; then corrects the reading. */
static void
test_reading_time_and_correction (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_minutes (now, -30);
  g_autofree char *clock = g_strdup_printf ("%02d:%02d", g_date_time_get_hour (earlier),
                                            g_date_time_get_minute (earlier));
  g_autoptr(GDateTime) corrected = NULL;
  g_autofree char *corrected_clock = NULL;
  NhChecklistPage *page;
  NhEpisode *episode;
  GtkWidget *value, *time, *correct;
  AdwMessageDialog *dialog;
  GDateTime *got;
  guint n;


  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);
  page = find_checklist_page (GTK_WIDGET (window));
  episode = nh_checklist_page_get_episode (page);
  n = nh_episode_get_n_readings (episode);

  value = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "New reading");
  time = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Time measured (hh:mm)");
  g_assert_nonnull (value);
  g_assert_nonnull (time);

  /* A time that is not one keeps what was typed, and adds nothing. */
  gtk_editable_set_text (GTK_EDITABLE (time), "25:99");
  gtk_editable_set_text (GTK_EDITABLE (value), "38.9 °C");
  g_signal_emit_by_name (value, "entry-activated");
  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "38.9 °C");

  gtk_editable_set_text (GTK_EDITABLE (time), clock);
  g_signal_emit_by_name (value, "entry-activated");
  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, n + 1);
  got = g_date_time_to_local (nh_episode_get_reading_time (episode, nh_episode_get_n_readings (episode) - 1));
  g_assert_cmpint (g_date_time_get_hour (got), ==, g_date_time_get_hour (earlier));
  g_assert_cmpint (g_date_time_get_minute (got), ==, g_date_time_get_minute (earlier));
  g_clear_pointer (&got, g_date_time_unref);
  /* The field follows the clock again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (value)), ==, "");

  /* Correct it through its dialog: the value and the time. */
  correct = find_button_by_tooltip (GTK_WIDGET (page), "Correct reading");
  g_assert_nonnull (correct);
  g_signal_emit_by_name (correct, "clicked");
  spin ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  corrected = g_date_time_add_minutes (earlier, -5);
  corrected_clock = g_strdup_printf ("%02d:%02d", g_date_time_get_hour (corrected),
                                     g_date_time_get_minute (corrected));
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "What you measured or gave")), "39.2 °C");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                 "Time measured (hh:mm)")), corrected_clock);
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();

  g_assert_cmpuint (nh_episode_get_n_readings (episode), ==, n + 1);
  g_assert_cmpstr (nh_episode_get_reading_value (episode, 0), ==, "39.2 °C");
  got = g_date_time_to_local (nh_episode_get_reading_time (episode, 0));
  g_assert_cmpint (g_date_time_get_minute (got), ==, g_date_time_get_minute (corrected));
  g_clear_pointer (&got, g_date_time_unref);
  g_assert_nonnull (nh_episode_get_reading_changed (episode, 0));
  g_assert_cmpuint (nh_episode_get_n_changes (episode), >=, 1);

  nh_test_ui_close_window (window);
}

/* On a phone shell a number under Call Now is a tel: link. */
static void
test_phone_links (void)
{
  static const struct { const char *phone, *uri; } cases[] = {
    { "+44 20 7946 0000", "tel:+442079460000" },
    { "(555) 010-0100", "tel:5550100100" },
    { "+1 555 0100 ext. 12", "tel:+15550100;ext=12" },
    { "020 7946 0000 x3", "tel:02079460000;ext=3" },
    { "0800 123 #", "tel:0800123" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = nh_phone_dup_tel_uri (cases[i].phone);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }
  g_assert_null (nh_phone_dup_tel_uri ("none yet"));

  g_setenv ("NH_PHONE_SHELL", "", TRUE);
  g_setenv ("XDG_CURRENT_DESKTOP", "Phosh:GNOME", TRUE);
  g_assert_true (nh_phone_shell_detected ());
  g_setenv ("XDG_CURRENT_DESKTOP", "GNOME", TRUE);
  g_unsetenv ("PLASMA_PLATFORM");
  g_assert_false (nh_phone_shell_detected ());
  g_setenv ("PLASMA_PLATFORM", "phone:handset", TRUE);
  g_assert_true (nh_phone_shell_detected ());
  g_setenv ("NH_PHONE_SHELL", "0", TRUE);
  g_assert_false (nh_phone_shell_detected ());
  g_unsetenv ("NH_PHONE_SHELL");
  g_unsetenv ("PLASMA_PLATFORM");
  g_unsetenv ("XDG_CURRENT_DESKTOP");
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/checklist-ui/tick-records-time-and-saves", test_tick_records_time_and_saves);
  g_test_add_func ("/nh/checklist-ui/no-disclaimer-in-a-hurry", test_start_shows_checklist_without_disclaimer);

  g_test_add_func ("/nh/checklist-ui/undo-from-toast-button", test_undo_from_toast_button);
  g_test_add_func ("/nh/checklist-ui/reopen-past-episode", test_reopen_past_episode);
  g_test_add_func ("/nh/checklist-ui/phone-links", test_phone_links);
  g_test_add_func ("/nh/checklist-ui/reading-time-and-correction", test_reading_time_and_correction);

  return g_test_run ();
}
