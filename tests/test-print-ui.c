/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-print-ui.c: the print dialog's sheets choice for cards and
 * checklists, remembered; and what it prints */

#include "config.h"

#include <glib/gstdio.h>

#include "nh-test-ui.h"
#include "ui/nh-print-operation.h"

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
 * wallet card: one A4 sheet, fronts and backs. */
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
  g_assert_cmpuint (pdf_pages (path, &width), ==, 2);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 1);
  nh_print_operation_set_sheet (operation, FALSE);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  g_test_add_func ("/nh/print-ui/sheet-choice-remembered", test_sheet_choice_remembered);
  g_test_add_func ("/nh/print-ui/sheet-printed", test_sheet_printed);

  return g_test_run ();
}
