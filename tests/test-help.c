/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-help.c: F1 and the menu reach the help, a missing help viewer is
 * explained, and the example edition in the help is one the app loads */

#include "config.h"

#include <glib/gstdio.h>

#include "model/nh-edition.h"
#include "nh-test-ui.h"

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_f1_and_menu (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (nh_test_ui_get_app ()),
                                                                "app.help");
  GtkMenuButton *button = find_menu_button (GTK_WIDGET (window));
  GtkPopover *popover;

  g_assert_true (g_strv_contains ((const char * const *)accels, "F1"));

  g_assert_nonnull (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "app.help"));

  nh_test_ui_close_window (window);
}

static void
test_no_viewer_says_how_to_install (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  g_autofree char *saved_path = g_strdup (g_getenv ("PATH"));
  g_autofree char *empty = g_dir_make_tmp ("nh-test-path-XXXXXX", NULL);
  AdwMessageDialog *dialog;

  /* No yelp anywhere on this PATH. */
  g_assert_nonnull (empty);
  g_setenv ("PATH", empty, TRUE);
  nh_test_ui_activate (GTK_WIDGET (window), "app.help", NULL);
  g_setenv ("PATH", saved_path, TRUE);

  g_assert_true (nh_test_ui_wait_for (has_message_dialog, NULL));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Help Viewer Is Not Installed");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (has_label (adw_message_dialog_get_extra_child (dialog), "sudo apt install yelp"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_rmdir (empty);
  nh_test_ui_close_window (window);
}

typedef struct
{
  gboolean  in_json;
  guint     n_examples;
  GString  *json;
} ExampleReader;

static void
example_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ExampleReader *reader = user_data;

  if (!g_str_equal (element, "code"))
    return;

  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], "mime") && g_str_equal (values[i], "application/json"))
      {
        reader->in_json = TRUE;
        reader->n_examples++;
      }
}

static void
example_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  ExampleReader *reader = user_data;

  if (g_str_equal (element, "code"))
    reader->in_json = FALSE;
}

static void
example_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  ExampleReader *reader = user_data;

  if (reader->in_json)
    g_string_append_len (reader->json, text, len);
}

/* The "complete, small edition" that support groups copy must load. */
static void
test_example_edition_loads (void)
{
  static const GMarkupParser parser = { example_start, example_end, example_text, NULL, NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "help", "C",
                                                 "support-groups.page", NULL);
  g_autofree char *page = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NhEdition) edition = NULL;
  ExampleReader reader = { FALSE, 0, g_string_new (NULL) };
  gsize length;

  g_assert_true (g_file_get_contents (path, &page, &length, &error));
  g_assert_no_error (error);

  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, page, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reader.n_examples, ==, 1);

  bytes = g_string_free_to_bytes (reader.json);
  edition = nh_edition_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (edition);
  g_assert_cmpuint (nh_edition_get_n_sections (edition), ==, 2);
  g_assert_cmpuint (nh_edition_get_n_checklist_tiers (edition), ==, 1);
  g_assert_cmpstr (nh_edition_get_publisher (edition), ==, "Your group’s name");
  g_assert_cmpuint (nh_edition_get_n_contacts (edition), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/help/f1-and-menu", test_f1_and_menu);
  g_test_add_func ("/nh/help/no-viewer-says-how-to-install", test_no_viewer_says_how_to_install);
  g_test_add_func ("/nh/help/example-edition-loads", test_example_edition_loads);

  return g_test_run ();
}
