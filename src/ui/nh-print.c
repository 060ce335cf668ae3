/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-print.c: GtkPrintOperation glue: print any render/ layout
 *
 * The print dialog's page size decides the layout; the same drawing
 * function as the PDF export draws each page, so what is printed is what
 * is exported.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "nh-print.h"

typedef struct
{
  NhCountPagesFunc count_pages;
  NhDrawPageFunc   draw_page;
  gpointer         user_data;
  GDestroyNotify   destroy;
  GtkWindow       *parent;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->user_data);
  g_clear_object (&job->parent);
  g_free (job);
}

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
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n = job->count_pages (gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context),
                              job->user_data);

  gtk_print_operation_set_n_pages (operation, MAX (n, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  job->draw_page (gtk_print_context_get_cairo_context (context),
                  gtk_print_context_get_width (context),
                  gtk_print_context_get_height (context),
                  page, job->user_data);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = adw_message_dialog_new (job->parent, _("Could Not Print"),
                                       error ? error->message : NULL);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_object_unref (operation);
}

void
nh_print_run (GtkWindow        *parent,
              const char       *job_name,
              const NhPaper    *paper,
              NhCountPagesFunc  count_pages,
              NhDrawPageFunc    draw_page,
              gpointer          user_data,
              GDestroyNotify    destroy)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;
  GtkPrintOperation *operation;
  PrintJob *job;

  g_return_if_fail (paper != NULL);
  g_return_if_fail (count_pages != NULL);
  g_return_if_fail (draw_page != NULL);

  job = g_new0 (PrintJob, 1);
  job->count_pages = count_pages;
  job->draw_page = draw_page;
  job->user_data = user_data;
  job->destroy = destroy;
  job->parent = parent ? g_object_ref (parent) : NULL;

  /* The paper is given the way the layout wants it (the wallet card is
   * already wider than tall), so it is never turned again. */
  size = nh_print_paper_size_new (paper);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* Layouts keep their own margins and scale to the page. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "nh-print-job", job,
                          (GDestroyNotify)print_job_free);

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, NULL) != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      /* Synchronous result: "done" was emitted already. */
    }
}
