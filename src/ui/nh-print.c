/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-print.c: the one way the app prints: any NhPrintout, with the dialog
 *
 * Every Print button and Ctrl+P come here with a printout; the print
 * dialog's page size decides the layout, and the same drawing as the PDF
 * export draws each page (see nh-print-operation.c), so what is printed
 * is what is exported.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nh-print.h"
#include "nh-print-operation.h"

GtkPaperSize *
nh_print_paper_size_new (const NhPaper *paper)
{
  static const struct {
    const char *id;
    const char *gtk_name;
  } names[] = {
    { "a4", GTK_PAPER_NAME_A4 },
    { "letter", GTK_PAPER_NAME_LETTER },
    { "a5", GTK_PAPER_NAME_A5 },
    { "a6", "iso_a6" },
  };

  g_return_val_if_fail (paper != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (paper->id, names[i].id))
      return gtk_paper_size_new (names[i].gtk_name);

  return gtk_paper_size_new_custom (paper->id, paper->name,
                                    paper->width, paper->height, GTK_UNIT_POINTS);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (parent, _("Could Not Print"),
                                       error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_clear_object (&parent);
  g_object_unref (operation);
}

/**
 * nh_print_printout:
 * @parent: (nullable)
 * @paper: (nullable): the paper the dialog starts with; NULL: the
 *   printout's default
 *
 * Opens the print dialog for @printout; "Print to File" makes a PDF.
 */
void
nh_print_printout (GtkWindow     *parent,
                   NhPrintout    *printout,
                   const NhPaper *paper)
{
  NhPrintOperation *operation;

  g_return_if_fail (NH_IS_PRINTOUT (printout));

  operation = nh_print_operation_new (printout, paper);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent ? g_object_ref (parent) : NULL);

  /* An error is reported in "done", also when the result is synchronous. */
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, NULL);
}
