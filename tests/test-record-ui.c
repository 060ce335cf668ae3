/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-record-ui.c: the health record page and the children in the sidebar */

#include "config.h"

#include <glib/gstdio.h>

#include "nh-reminders.h"
#include "nh-test-ui.h"
#include "ui/nh-record-page.h"
#include "ui/nh-save-banner.h"
#include "ui/nh-window-private.h"

static GtkWidget *
visible_page (NhWindow *window)
{
  return gtk_stack_get_visible_child (window->content_stack);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;

  return n;
}

static GtkWindow *
find_dialog (const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }

  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog (data) == NULL;
}

static NhSaveBanner *
find_banner (GtkWidget *root)
{
  if (NH_IS_SAVE_BANNER (root))
    return NH_SAVE_BANNER (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      NhSaveBanner *found = find_banner (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* When the record cannot be saved (here record.json is a folder, so it
 * cannot be replaced), the entry stays on the page and in memory, a
 * banner says what failed and where, and Retry saves it once it can. */
static void
test_save_fails (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhChild *child = nh_application_get_child (app);
  NhRecord *record = nh_child_get_record (child, NULL);
  g_autofree char *path = nh_store_dup_path (nh_child_get_store (child), NH_RECORD_FILE_NAME);
  g_autofree char *saved_path = g_strconcat (path, ".test-saved", NULL);
  gboolean had_file = g_file_test (path, G_FILE_TEST_EXISTS);
  guint before = nh_record_get_n_entries (record, NH_RECORD_INFUSIONS);
  g_autoptr(NhRecord) again = NULL;
  NhSaveBanner *banner;
  GtkWindow *dialog;
  GtkWidget *product, *time, *retry;

  g_assert_true (nh_window_show_section (window, "@record"));
  banner = find_banner (visible_page (window));
  g_assert_nonnull (banner);
  g_assert_null (nh_save_banner_get_message (banner));

  if (had_file)
    g_assert_cmpint (g_rename (path, saved_path), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);

  nh_record_page_add (NH_RECORD_PAGE (visible_page (window)), NH_RECORD_INFUSIONS);
  g_assert_nonnull ((dialog = find_dialog ("Add Infusion")));
  product = find_row (GTK_WIDGET (dialog), "Product");
  time = find_row (GTK_WIDGET (dialog), "Date and time");
  gtk_editable_set_text (GTK_EDITABLE (product), "Unsaved Product");
  gtk_editable_set_text (GTK_EDITABLE (time), "2026-03-04 10:00");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Save"), "clicked");
  g_assert_true (nh_test_ui_wait_for (dialog_gone, (gpointer)"Add Infusion"));

  /* Kept in memory and said in the banner, with the file's place. */
  g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_INFUSIONS), ==, before + 1);
  g_assert_false (nh_record_get_saved (record));
  g_assert_nonnull (nh_save_banner_get_message (banner));
  g_assert_nonnull (strstr (nh_save_banner_get_message (banner), path));
  g_assert_nonnull (strstr (nh_save_banner_get_message (banner), "health record is kept"));

  /* Still failing: Retry keeps the banner. */
  retry = find_button (GTK_WIDGET (banner), "_Retry");
  g_assert_nonnull (retry);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_nonnull (nh_save_banner_get_message (banner));

  /* The disk is back: Retry saves, and the banner goes. */
  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_null (nh_save_banner_get_message (banner));
  g_assert_true (nh_record_get_saved (record));
  again = nh_record_load (nh_child_get_store (child), NULL, NULL);
  g_assert_nonnull (again);
  g_assert_cmpuint (nh_record_get_n_entries (again, NH_RECORD_INFUSIONS), ==, before + 1);

  if (had_file)
    g_assert_cmpint (g_unlink (saved_path), ==, 0);
  nh_test_ui_close_window (window);
}

/* One child: no list of children, no name in the title. */
static void
test_one_child_sees_nothing_new (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);

  g_assert_false (gtk_widget_get_visible (window->children_box));
  g_assert_true (nh_window_show_section (window, "@record"));
  g_assert_true (NH_IS_RECORD_PAGE (visible_page (window)));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, "");
  nh_test_ui_close_window (window);
}

/* An infusion from the form; "Same as Last Time" starts from it; a wrong
 * date keeps the form open and saves nothing. */
static void
test_infusion_form (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhRecord *record = nh_child_get_record (nh_application_get_child (app), NULL);
  GtkWindow *dialog;
  GtkWidget *product, *time, *save;
  guint before = nh_record_get_n_entries (record, NH_RECORD_INFUSIONS);
  NhRecordPage *page;

  g_assert_true (nh_window_show_section (window, "@record"));
  page = NH_RECORD_PAGE (visible_page (window));

  nh_record_page_add (page, NH_RECORD_INFUSIONS);
  g_assert_nonnull ((dialog = find_dialog ("Add Infusion")));
  product = find_row (GTK_WIDGET (dialog), "Product");
  time = find_row (GTK_WIDGET (dialog), "Date and time");
  save = find_button (GTK_WIDGET (dialog), "Save");
  g_assert_nonnull (product);
  g_assert_nonnull (time);
  g_assert_nonnull (save);
  /* A new infusion starts now. */
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (time))), ==, 16);

  gtk_editable_set_text (GTK_EDITABLE (product), "Typed Product");
  gtk_editable_set_text (GTK_EDITABLE (time), "2026-02-30 10:00");
  g_signal_emit_by_name (save, "clicked");
  g_assert_nonnull (find_dialog ("Add Infusion"));
  g_assert_true (gtk_widget_has_css_class (time, "error"));
  g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_INFUSIONS), ==, before);
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (product)), ==, "Typed Product");

  gtk_editable_set_text (GTK_EDITABLE (time), "2026-02-03 10:00");
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (nh_test_ui_wait_for (dialog_gone, (gpointer)"Add Infusion"));
  g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_INFUSIONS), ==, before + 1);

  /* The card follows the log. */
  g_assert_cmpstr (nh_card_get_text (nh_application_get_card (app), "ig_product"), ==, "Typed Product");
  g_assert_cmpstr (nh_card_get_text (nh_application_get_card (app), "ig_last_dose"), ==, "2026-02-03");

  nh_record_page_same_as_last (page);
  g_assert_nonnull ((dialog = find_dialog ("Add Infusion")));
  product = find_row (GTK_WIDGET (dialog), "Product");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (product)), ==, "Typed Product");
  gtk_window_destroy (dialog);
  g_assert_cmpuint (nh_record_get_n_entries (record, NH_RECORD_INFUSIONS), ==, before + 1);

  nh_test_ui_close_window (window);
}

/* Two children: the sidebar lists them, the title says whose page it is,
 * and each has a record of their own. */
static void
test_two_children (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhFamily *family = nh_application_get_family (app);
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GError) error = NULL;
  NhChild *first = nh_family_get_child (family, 0);
  NhChild *sam;
  NhRecordPage *page;

  g_assert_true (nh_window_show_section (window, "@record"));
  sam = nh_family_add_child (family, "Sam", &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (window->children_box));
  g_assert_cmpuint (count_rows (window->children_list), ==, 2);

  /* One click on Sam's row. */
  g_signal_emit_by_name (window->children_list, "row-activated",
                         gtk_list_box_get_row_at_index (window->children_list, 1));
  g_assert_true (nh_family_get_current (family) == sam);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->content_title), ==, "Sam");
  page = NH_RECORD_PAGE (visible_page (window));
  g_assert_true (nh_record_page_get_child (page) == sam);
  g_assert_cmpuint (nh_record_get_n_entries (nh_child_get_record (sam, NULL), NH_RECORD_INFUSIONS), ==, 0);
  g_assert_true (nh_application_get_card (app) == nh_child_get_card (sam));

  nh_family_set_current (family, first);
  g_assert_true (nh_record_page_get_child (NH_RECORD_PAGE (visible_page (window))) == first);
  nh_test_ui_close_window (window);
}

/* The night of a fever, in the record: the episode's dates, readings and
 * notes, linked by its id. */
static void
test_illness_from_episode (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhChecklistState *state = nh_application_get_checklist_state (app, NULL);
  NhEpisode *episode = nh_checklist_state_get_current (state);
  g_autoptr(GDateTime) time = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *temperatures, *what;

  g_assert_true (nh_episode_add_reading (episode, time, "39.2 °C", &error));
  g_assert_true (nh_window_show_section (window, "@record"));
  nh_record_page_add_from_episode (NH_RECORD_PAGE (visible_page (window)));
  g_assert_nonnull ((dialog = find_dialog ("Add Illness")));
  temperatures = find_row (GTK_WIDGET (dialog), "Temperature readings");
  what = find_row (GTK_WIDGET (dialog), "What it was");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (temperatures)), ==, "39.2 °C");
  gtk_editable_set_text (GTK_EDITABLE (what), "Fever, ear");
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "Save"), "clicked");
  g_assert_true (nh_test_ui_wait_for (dialog_gone, (gpointer)"Add Illness"));
  {
    NhRecord *record = nh_child_get_record (nh_application_get_child (app), NULL);
    guint n = nh_record_get_n_entries (record, NH_RECORD_ILLNESSES);
    const NhRecordEntry *entry = nh_record_get_entry (record, NH_RECORD_ILLNESSES, n - 1);

    g_assert_cmpstr (nh_record_entry_get (entry, NH_RECORD_ILLNESSES, "episode_id"), ==, nh_episode_get_id (episode));
  }
  nh_test_ui_close_window (window);
}

/* One notification on the day the next infusion is due, or after. */
static void
test_reminder (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhChild *child = nh_family_get_child (nh_application_get_family (app), 0);
  NhRecord *record = nh_child_get_record (child, NULL);
  g_autoptr(GError) error = NULL;
  const char *infusion[] = { "2030-01-01T18:00", "Product R", "", "", "", "", "", "", "", "", "", NULL };

  g_assert_true (nh_record_add_entry (record, NH_RECORD_INFUSIONS, infusion, NULL, &error));
  g_assert_true (nh_record_set_interval_days (record, 7, &error));
  g_assert_cmpuint (nh_reminders_check (app, "2030-01-07"), ==, 0);
  g_assert_cmpuint (nh_reminders_check (app, "2030-01-08"), ==, 1);
  g_assert_cmpuint (nh_reminders_check (app, "2030-01-08"), ==, 0);
  g_assert_cmpuint (nh_reminders_check (app, "2030-01-09"), ==, 0);
  g_assert_true (nh_record_set_interval_days (record, 0, &error));
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/record-ui/one-child-sees-nothing-new", test_one_child_sees_nothing_new);
  g_test_add_func ("/nh/record-ui/infusion-form", test_infusion_form);
  g_test_add_func ("/nh/record-ui/two-children", test_two_children);
  g_test_add_func ("/nh/record-ui/reminder", test_reminder);
  g_test_add_func ("/nh/record-ui/illness-from-episode", test_illness_from_episode);
  g_test_add_func ("/nh/record-ui/save-fails", test_save_fails);

  return g_test_run ();
}
