/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-booklet-printout.c: the whole handbook as a booklet, as an NhPrintout
 *
 * See nh-booklet-render.c for the drawing.
 */

#include "config.h"

#include "nh-booklet-render.h"
#include "nh-printout.h"

static const char * const booklet_papers[] = { "a4", "letter", "a5", NULL };

static guint
booklet_count_pages (gpointer               data,
                     double                 width,
                     double                 height,
                     const NhPageNumbering *numbering)
{
  return nh_booklet_count_pages (width, height, data);
}

static void
booklet_draw_page (gpointer               data,
                   cairo_t               *cr,
                   double                 width,
                   double                 height,
                   guint                  page,
                   const NhPageNumbering *numbering)
{
  nh_booklet_draw_page (cr, width, height, page, data);
}

static const NhPrintoutFuncs booklet_funcs = { booklet_count_pages, booklet_draw_page };

NhPrintout *
nh_printout_new_booklet (NhEdition *edition)
{
  NhPrintout *printout;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  printout = nh_printout_new (nh_edition_get_title (edition), booklet_papers, &booklet_funcs,
                              nh_booklet_new (edition), (GDestroyNotify)nh_booklet_free);
  nh_printout_set_kind (printout, "handbook");

  return printout;
}
