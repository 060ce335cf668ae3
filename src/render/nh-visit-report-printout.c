/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-visit-report-printout.c: the report for the immunologist as an
 * NhPrintout
 *
 * See nh-visit-report.c for the layout and drawing. The report is never
 * part of a larger printout, so it keeps its own page numbers.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-printout.h"
#include "nh-visit-report.h"

static const char * const report_papers[] = { "a4", "letter", NULL };

static const NhPaper *
paper_for_size (double width,
                double height)
{
  const NhPaper *paper = nh_paper_for_size (report_papers, width, height);

  return paper != NULL ? paper : nh_paper_lookup (report_papers[0]);
}

static guint
report_count_pages (gpointer               data,
                    double                 width,
                    double                 height,
                    const NhPageNumbering *numbering)
{
  return nh_visit_report_count_pages (data, paper_for_size (width, height));
}

static void
report_draw_page (gpointer               data,
                  cairo_t               *cr,
                  double                 width,
                  double                 height,
                  guint                  page,
                  const NhPageNumbering *numbering)
{
  const NhPaper *paper = paper_for_size (width, height);

  nh_visit_report_draw_page (data, cr, paper, page, nh_visit_report_count_pages (data, paper));
}

static const NhPrintoutFuncs report_funcs = { report_count_pages, report_draw_page };

/**
 * nh_printout_new_visit_report:
 * @from: (nullable): the first day, YYYY-MM-DD
 * @to: (nullable): the last day, YYYY-MM-DD
 *
 * The child's record from @from to @to, for the next visit.
 */
NhPrintout *
nh_printout_new_visit_report (NhRecord   *record,
                              NhCard     *card,
                              NhEdition  *edition,
                              const char *from,
                              const char *to)
{
  NhPrintout *printout;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  printout = nh_printout_new (nh_edition_gettext (edition, N_("Report for the Clinic")),
                              report_papers, &report_funcs,
                              nh_visit_report_new (record, card, edition, from, to),
                              (GDestroyNotify)nh_visit_report_free);
  nh_printout_set_kind (printout, "visit-report");

  return printout;
}
