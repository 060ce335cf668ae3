/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-edition-ui.c: opening a group's edition, installing it, switching editions */

#include "config.h"

#include <glib/gstdio.h>

#include "nh-test-ui.h"
#include "ui/nh-edition-dialog.h"
#include "ui/nh-preferences-window.h"

#define GROUP_ID "group-ui"

/* A group's edition, short and valid; @TITLE@ is filled in. */
#define GROUP_DOC \
  "{\n" \
  "  \"format\": 1,\n" \
  "  \"id\": \"" GROUP_ID "\",\n" \
  "  \"title\": \"Group Handbook\",\n" \
  "  \"language\": \"en\",\n" \
  "  \"version\": \"3.0\",\n" \
  "  \"last_reviewed\": \"2026-01-31\",\n" \
  "  \"source_credit\": \"Based on test data\",\n" \
  "  \"publisher\": { \"name\": \"Test <b>Family</b> Group\", \"website\": \"https://example.org/group\" },\n" \
  "  \"reviewed_by\": \"Dr Test\",\n" \
  "  \"reviewed_on\": \"2026-01-30\",\n" \
  "  \"disclaimer\": { \"text\": \"General information only.\", \"facts\": [\"G1\"] },\n" \
  "  \"checklist\": { \"title\": \"Check\", \"intro\": { \"text\": \"Go\" },\n" \
  "    \"tiers\": [ { \"id\": \"now\", \"title\": \"Now\", \"items\": [ { \"id\": \"call\", \"text\": \"Call\" } ] } ] },\n" \
  "  \"card\": { \"title\": \"Card\", \"diagnosis_default\": \"Dx\", \"instructions\": [ { \"text\": \"Do\" } ] },\n" \
  "  \"sections\": [\n" \
  "    { \"id\": \"one\", \"title\": \"@TITLE@\", \"icon\": \"a-symbolic\",\n" \
  "      \"blocks\": [ { \"type\": \"paragraph\", \"text\": \"Hello\", \"facts\": [\"A1\"] } ] },\n" \
  "    { \"id\": \"two\", \"title\": \"Second\", \"icon\": \"b-symbolic\",\n" \
  "      \"blocks\": [ { \"type\": \"edition-info\" } ] }\n" \
  "  ]\n" \
  "}\n"

static GFile *
write_edition (const char *name,
               const char *title)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GString) doc = g_string_new (GROUP_DOC);

  g_string_replace (doc, "@TITLE@", title, 1);
  g_assert_true (g_file_set_contents (path, doc->str, doc->len, NULL));

  return g_file_new_for_path (path);
}

/* The first widget under @widget, itself included, that @match accepts. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static gboolean
is_page_title (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "nh-page-title");
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget);
}

typedef struct
{
  GtkWidget  *root;
  const char *prefix;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return find_widget (wait->root, is_label_starting, wait->prefix) != NULL;
}

/* Waits until a label starting with @prefix is on screen in @root. */
static void
assert_label_shown (GtkWidget  *root,
                    const char *prefix)
{
  LabelWait wait = { root, prefix };

  if (!nh_test_ui_wait_for (label_shown, &wait))
    g_error ("no label starting with “%s” was shown", prefix);
}

static const char *
page_title (NhWindow *window)
{
  GtkWidget *title = find_widget (GTK_WIDGET (window), is_page_title, NULL);

  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (title)));

  return gtk_label_get_text (GTK_LABEL (title));
}

static gboolean
dialog_loaded (gpointer data)
{
  return !g_str_equal (nh_edition_dialog_get_page (NH_EDITION_DIALOG (data)), "loading");
}

static NhEditionDialog *
open_dialog (NhWindow *window,
             GFile    *file)
{
  NhEditionDialog *dialog = nh_edition_dialog_new (nh_test_ui_get_app ());

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  nh_edition_dialog_load_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (nh_test_ui_wait_for (dialog_loaded, dialog));

  return dialog;
}

/* Back to the built-in edition with nothing installed, for the next test. */
static void
reset (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhEditionLibrary *library = nh_application_get_edition_library (app);

  nh_application_use_edition (app, NH_EDITION_LIBRARY_BUILTIN);
  nh_edition_library_remove (library, GROUP_ID, NULL);
  g_free (nh_application_steal_edition_fallback (app));
}

static void
test_install_and_switch_back (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GFile) file = write_edition ("sent.nemo-edition.json", "First of the group");
  g_autoptr(NhEditionDialog) dialog = NULL;
  NhPreferencesWindow *preferences;
  GtkWidget *row;
  GtkWidget *label;

  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");
  assert_label_shown (GTK_WIDGET (window), "Built-in edition");

  /* The preview: what it is, in plain text, before anything is installed. */
  dialog = g_object_ref (open_dialog (window, file));
  g_assert_cmpstr (nh_edition_dialog_get_page (dialog), ==, "preview");
  label = find_widget (GTK_WIDGET (dialog), is_label_starting, "Group Handbook");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  assert_label_shown (GTK_WIDGET (dialog), "Test <b>Family</b> Group");
  assert_label_shown (GTK_WIDGET (dialog), "https://example.org/group");
  assert_label_shown (GTK_WIDGET (dialog), "Dr Test, on 2026-01-30");
  g_assert_null (nh_edition_library_find (nh_application_get_edition_library (app), GROUP_ID));

  /* Install and Use: the window shows the group's edition at once. */
  nh_test_ui_activate (GTK_WIDGET (dialog), "edition.install", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (nh_application_get_edition_id (app), ==, GROUP_ID);
  {
    g_autofree char *setting = g_settings_get_string (nh_application_get_settings (app), "edition");

    g_assert_cmpstr (setting, ==, GROUP_ID);
  }
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "one");
  g_assert_cmpstr (page_title (window), ==, "First of the group");
  assert_label_shown (GTK_WIDGET (window), "Edition by Test <b>Family</b> Group, version 3.0; reviewed by Dr Test");
  assert_label_shown (GTK_WIDGET (window), "Now showing the edition by Test <b>Family</b> Group");

  /* Preferences lists both and switches back. */
  preferences = nh_preferences_window_new (app);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  assert_label_shown (GTK_WIDGET (preferences), "Edition by Test <b>Family</b> Group");
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "Group Handbook");
  g_assert_nonnull (row);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)))));
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "NEMO Handbook");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))));

  g_assert_cmpstr (nh_application_get_edition_id (app), ==, NH_EDITION_LIBRARY_BUILTIN);
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");
  g_assert_cmpstr (page_title (window), ==, "Overview");
  assert_label_shown (GTK_WIDGET (window), "Built-in edition");
  /* Still installed, to switch to again. */
  g_assert_nonnull (find_widget (GTK_WIDGET (preferences), is_row_titled, "Group Handbook"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  reset ();
  nh_test_ui_close_window (window);
}

static void
test_invalid_refused (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GFile) file = write_edition ("broken.nemo-edition.json", " ");
  NhEditionDialog *dialog = open_dialog (window, file);

  /* The validator's message, with its line, in a readable list. */
  g_assert_cmpstr (nh_edition_dialog_get_page (dialog), ==, "refused");
  assert_label_shown (GTK_WIDGET (dialog), "Line 17: sections[0].title: empty");
  assert_label_shown (GTK_WIDGET (dialog), "“broken.nemo-edition.json” has 1 mistake");
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_label_starting, "Install"));
  g_assert_null (nh_edition_library_find (nh_application_get_edition_library (app), GROUP_ID));
  g_assert_cmpstr (nh_application_get_edition_id (app), ==, NH_EDITION_LIBRARY_BUILTIN);

  gtk_window_destroy (GTK_WINDOW (dialog));
  nh_test_ui_close_window (window);
}

static void
test_unreadable_file (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "gone.nemo-edition.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  NhEditionDialog *dialog = open_dialog (window, file);

  g_assert_cmpstr (nh_edition_dialog_get_page (dialog), ==, "failed");
  assert_label_shown (GTK_WIDGET (dialog), "The File Cannot Be Read");
  assert_label_shown (GTK_WIDGET (dialog), "There is no file");

  gtk_window_destroy (GTK_WINDOW (dialog));
  nh_test_ui_close_window (window);
}

/* A file at the size limit, on one line, with a problem in every value
 * (a 64th of it under AddressSanitizer, which is many times slower). */
static GFile *
write_large_edition (void)
{
#if defined(__SANITIZE_ADDRESS__)
  const gsize size = NH_EDITION_MAX_BYTES / 64;
#else
  const gsize size = NH_EDITION_MAX_BYTES;
#endif
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "large.nemo-edition.json", NULL);
  g_autoptr(GString) doc = g_string_new ("{\"sections\":[1");

  while (doc->len + 4 < size)
    g_string_append (doc, ",1");
  g_string_append (doc, "]}");
  g_assert_true (g_file_set_contents (path, doc->str, doc->len, NULL));

  return g_file_new_for_path (path);
}

static gboolean
dialog_checking (gpointer data)
{
  NhEditionDialog *dialog = data;

  return !g_str_equal (nh_edition_dialog_get_page (dialog), "loading") ||
         find_widget (GTK_WIDGET (dialog), is_label_starting, "Checking the edition") != NULL;
}

/* The file is read and checked off the main thread: the dialog says what
 * it is doing, and then why the file cannot be used. */
static void
test_large_file_checked_in_a_thread (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GFile) file = write_large_edition ();
  NhEditionDialog *dialog = nh_edition_dialog_new (nh_test_ui_get_app ());

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  nh_edition_dialog_load_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (nh_edition_dialog_get_page (dialog), ==, "loading");
  assert_label_shown (GTK_WIDGET (dialog), "Reading the file");
  g_assert_true (nh_test_ui_wait_for (dialog_checking, dialog));
  g_assert_true (nh_test_ui_wait_for (dialog_loaded, dialog));
  g_assert_cmpstr (nh_edition_dialog_get_page (dialog), ==, "refused");

  gtk_window_destroy (GTK_WINDOW (dialog));
  nh_test_ui_close_window (window);
}

/* Cancel while the check runs: the dialog goes at once, and the check's
 * result, when it comes, is dropped. */
static void
test_cancel_while_checking (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GFile) file = write_large_edition ();
  NhEditionDialog *dialog = nh_edition_dialog_new (nh_test_ui_get_app ());

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  nh_edition_dialog_load_file (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (nh_test_ui_wait_for (dialog_checking, dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The window is still there and answers. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  nh_test_ui_close_window (window);
}

static gboolean
find_message_dialog (gpointer data)
{
  GtkWidget **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        *dialog = GTK_WIDGET (window);
    }

  return *dialog != NULL;
}

static void
test_remove_active_after_confirmation (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhEditionLibrary *library = nh_application_get_edition_library (app);
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GFile) file = write_edition ("sent.nemo-edition.json", "First of the group");
  g_autoptr(GBytes) bytes = nh_edition_library_read_file (file, NULL);
  g_autoptr(NhEdition) edition = nh_edition_library_install (library, bytes, NULL, NULL);
  NhPreferencesWindow *preferences;
  GtkWidget *row;
  GtkWidget *remove;
  GtkWidget *dialog = NULL;

  g_assert_nonnull (edition);
  nh_application_use_edition (app, GROUP_ID);
  g_assert_cmpstr (page_title (window), ==, "First of the group");

  preferences = nh_preferences_window_new (app);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));

  /* The built-in edition has no Remove button. */
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "NEMO Handbook");
  g_assert_null (find_widget (row, is_button, NULL));

  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "Group Handbook");
  remove = find_widget (row, is_button, NULL);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_activate (remove));

  /* Nothing goes before the confirmation. */
  g_assert_true (nh_test_ui_wait_for (find_message_dialog, &dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Remove “Group Handbook”?");
  g_assert_cmpstr (nh_application_get_edition_id (app), ==, GROUP_ID);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");

  g_assert_null (nh_edition_library_find (library, GROUP_ID));
  g_assert_cmpstr (nh_application_get_edition_id (app), ==, NH_EDITION_LIBRARY_BUILTIN);
  g_assert_cmpstr (page_title (window), ==, "Overview");
  g_assert_null (find_widget (GTK_WIDGET (preferences), is_row_titled, "Group Handbook"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  reset ();
  nh_test_ui_close_window (window);
}

/* The chosen edition's file was damaged: the built-in one, and a toast. */
static void
test_unloadable_falls_back (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhEditionLibrary *library = nh_application_get_edition_library (app);
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autoptr(GFile) file = write_edition ("sent.nemo-edition.json", "First of the group");
  g_autoptr(GBytes) bytes = nh_edition_library_read_file (file, NULL);
  g_autoptr(NhEdition) edition = nh_edition_library_install (library, bytes, NULL, NULL);
  g_autofree char *installed = g_build_filename (nh_edition_library_get_directory (library),
                                                 GROUP_ID ".json", NULL);
  g_autofree char *setting = NULL;

  g_assert_nonnull (edition);
  g_assert_true (g_file_set_contents (installed, "{ \"format\": 2 }", -1, NULL));

  nh_application_use_edition (app, GROUP_ID);

  g_assert_cmpstr (nh_application_get_edition_id (app), ==, NH_EDITION_LIBRARY_BUILTIN);
  setting = g_settings_get_string (nh_application_get_settings (app), "edition");
  g_assert_cmpstr (setting, ==, NH_EDITION_LIBRARY_BUILTIN);
  g_assert_cmpstr (page_title (window), ==, "Overview");
  assert_label_shown (GTK_WIDGET (window), "The chosen edition could not be opened");
  /* Said once: the window took the message. */
  g_assert_null (nh_application_steal_edition_fallback (app));

  reset ();
  nh_test_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/edition-ui/install-and-switch-back", test_install_and_switch_back);
  g_test_add_func ("/nh/edition-ui/invalid-refused", test_invalid_refused);
  g_test_add_func ("/nh/edition-ui/unreadable-file", test_unreadable_file);
  g_test_add_func ("/nh/edition-ui/large-file-checked-in-a-thread", test_large_file_checked_in_a_thread);
  g_test_add_func ("/nh/edition-ui/cancel-while-checking", test_cancel_while_checking);
  g_test_add_func ("/nh/edition-ui/remove-active-after-confirmation", test_remove_active_after_confirmation);
  g_test_add_func ("/nh/edition-ui/unloadable-falls-back", test_unloadable_falls_back);

  return g_test_run ();
}
