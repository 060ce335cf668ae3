/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-print-ui.c: the print dialog's sheets choice for cards and
 * checklists, remembered; what it prints; the For Clinics settings */

#include "config.h"

#include <glib/gstdio.h>

#include "nh-test-ui.h"
#include "ui/nh-checklist-page.h"
#include "ui/nh-print-operation.h"
#include "ui/nh-save-banner.h"

static NhEdition *
english (void)
{
  g_autoptr(NhCatalog) catalog = nh_catalog_new ("en");

  return nh_edition_new_builtin_translated (catalog, NULL);
}

/* The custom tab has the check button, named for what it does, and what
 * it is set to is there the next time. */
static void
test_sheet_choice_remembered (void)
{
  g_autoptr(NhEdition) edition = english ();
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhPrintout) cards = nh_printout_new_card (card, edition, NULL, TRUE);
  g_autoptr(NhPrintout) checklist = nh_printout_new_checklist (edition, NULL, NULL, NULL, NULL);
  g_autoptr(NhPrintout) booklet = nh_printout_new_booklet (edition);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  GtkPrintOperationClass *klass;
  NhPrintOperation *operation;
  GtkWidget *tab;
  GtkWidget *check;

  g_settings_set_boolean (settings, "print-card-sheet", FALSE);
  g_settings_set_boolean (settings, "print-checklist-sheet", FALSE);

  operation = nh_print_operation_new (cards, NULL);
  klass = GTK_PRINT_OPERATION_GET_CLASS (operation);
  g_assert_false (nh_print_operation_get_sheet (operation));
  tab = klass->create_custom_widget (GTK_PRINT_OPERATION (operation));
  g_object_ref_sink (tab);
  check = gtk_widget_get_first_child (tab);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), ==, "_Sheet of cards");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);
  g_assert_true (nh_print_operation_get_sheet (operation));
  g_object_unref (tab);
  g_object_unref (operation);

  g_assert_true (g_settings_get_boolean (settings, "print-card-sheet"));
  g_assert_false (g_settings_get_boolean (settings, "print-checklist-sheet"));

  /* Next time: on for cards, still off for checklists. */
  operation = nh_print_operation_new (cards, NULL);
  g_assert_true (nh_print_operation_get_sheet (operation));
  g_object_unref (operation);

  operation = nh_print_operation_new (checklist, NULL);
  g_assert_false (nh_print_operation_get_sheet (operation));
  tab = klass->create_custom_widget (GTK_PRINT_OPERATION (operation));
  g_object_ref_sink (tab);
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (gtk_widget_get_first_child (tab))), ==,
                   "_4 per page");
  g_object_unref (tab);
  g_object_unref (operation);

  /* The booklet has no such choice. */
  operation = nh_print_operation_new (booklet, NULL);
  g_assert_null (klass->create_custom_widget (GTK_PRINT_OPERATION (operation)));
  g_object_unref (operation);

  g_settings_set_boolean (settings, "print-card-sheet", FALSE);
}

static guint
pdf_pages (const char *path,
           double     *width)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, NULL, NULL));
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  *width = g_ascii_strtod (line + strlen ("Page size:"), NULL);

  return (guint)g_ascii_strtoull (strstr (out, "Pages:") + strlen ("Pages:"), NULL, 10);
}

/* "Print to File" with the sheet chosen, from a card set up for the
 * wallet card: one A4 sheet, fronts and backs, of each of the two cards a
 * blank card is printed as (its lines are 6 mm apart, for handwriting). */
static void
test_sheet_printed (void)
{
  g_autoptr(NhEdition) edition = english ();
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhPrintout) cards = nh_printout_new_card (card, edition, NULL, TRUE);
  g_autoptr(NhPrintOperation) operation = nh_print_operation_new (cards, nh_paper_lookup ("id1"));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nh-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  double width = 0;

  if (g_find_program_in_path ("pdfinfo") == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }

  nh_print_operation_set_sheet (operation, TRUE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (path, &width), ==, 4);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 1);
  nh_print_operation_set_sheet (operation, FALSE);

  g_unlink (path);
  g_rmdir (dir);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_row (child, title)))
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

/* For Clinics on the checklist page writes the clinic file through the
 * app's store, and the page shows the instruction at once. */
static void
test_clinic_settings (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhStore *store = nh_application_get_store (nh_test_ui_get_app ());
  g_autoptr(NhClinic) clinic = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *name, *phone, *instruction;

  nh_store_remove (store, "clinic.json", NULL);
  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);

  name = find_row (GTK_WIDGET (window), "Clinic's name");
  phone = find_row (GTK_WIDGET (window), "Clinic's 24-hour number");
  instruction = find_row (GTK_WIDGET (window), "Clinic's instruction (English)");
  g_assert_nonnull (name);
  g_assert_nonnull (phone);
  g_assert_nonnull (instruction);

  gtk_editable_set_text (GTK_EDITABLE (name), "Example Children's Hospital");
  gtk_editable_set_text (GTK_EDITABLE (phone), "+44 20 7946 0000");
  gtk_editable_set_text (GTK_EDITABLE (instruction), "Ring the ward first, day or night.");
  g_signal_emit_by_name (instruction, "apply");

  clinic = nh_clinic_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nh_clinic_get_name (clinic), ==, "Example Children's Hospital");
  g_assert_cmpstr (nh_clinic_get_phone (clinic), ==, "+44 20 7946 0000");
  g_assert_cmpstr (nh_clinic_lookup_instruction (clinic, "en", NULL), ==, "Ring the ward first, day or night.");
  g_assert_true (has_label (GTK_WIDGET (window), "Ring the ward first, day or night."));

  nh_store_remove (store, "clinic.json", NULL);
  nh_test_ui_close_window (window);
}

/* The checklist page's save banner. */
static NhSaveBanner *
find_checklist_banner (GtkWidget *root)
{
  if (NH_IS_SAVE_BANNER (root) && gtk_widget_get_ancestor (root, NH_TYPE_CHECKLIST_PAGE) != NULL)
    return NH_SAVE_BANNER (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      NhSaveBanner *found = find_checklist_banner (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* When the clinic settings cannot be saved (clinic.json is a folder here,
 * so it cannot be replaced), what was typed stays, the page's banner says
 * what failed and where, and Retry saves it once it can. */
static void
test_clinic_settings_save_fails (void)
{
  NhWindow *window = nh_test_ui_open_window (1000, 700);
  NhStore *store = nh_application_get_store (nh_test_ui_get_app ());
  g_autofree char *path = nh_store_dup_path (store, "clinic.json");
  g_autoptr(NhClinic) clinic = NULL;
  g_autoptr(GError) error = NULL;
  NhSaveBanner *banner;
  GtkWidget *name, *retry;

  nh_store_remove (store, "clinic.json", NULL);
  nh_test_ui_activate (GTK_WIDGET (window), "win.show-checklist", NULL);
  banner = find_checklist_banner (GTK_WIDGET (window));
  g_assert_nonnull (banner);
  g_assert_null (nh_save_banner_get_message (banner));

  g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  name = find_row (GTK_WIDGET (window), "Clinic's name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Example Children's Hospital");
  g_signal_emit_by_name (name, "apply");

  g_assert_nonnull (nh_save_banner_get_message (banner));
  g_assert_nonnull (strstr (nh_save_banner_get_message (banner), path));
  g_assert_nonnull (strstr (nh_save_banner_get_message (banner), "clinic settings you typed are kept"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Example Children's Hospital");

  retry = find_button_labelled (GTK_WIDGET (banner), "_Retry");
  g_assert_nonnull (retry);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_nonnull (nh_save_banner_get_message (banner));

  g_assert_cmpint (g_rmdir (path), ==, 0);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_null (nh_save_banner_get_message (banner));
  clinic = nh_clinic_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nh_clinic_get_name (clinic), ==, "Example Children's Hospital");

  nh_store_remove (store, "clinic.json", NULL);
  nh_test_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/print-ui/sheet-choice-remembered", test_sheet_choice_remembered);
  g_test_add_func ("/nh/print-ui/sheet-printed", test_sheet_printed);
  g_test_add_func ("/nh/print-ui/clinic-settings", test_clinic_settings);
  g_test_add_func ("/nh/print-ui/clinic-settings-save-fails", test_clinic_settings_save_fails);

  return g_test_run ();
}
