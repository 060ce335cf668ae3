/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-letter-printout.c: the letter for school, nursery or a babysitter as
 * an NhPrintout
 *
 * The letter lays itself out for the page it is drawn on; see
 * nh-letter-render.c for the drawing itself.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-letter-render.h"
#include "nh-printout.h"

static const char * const letter_papers[] = { "a4", "letter", NULL };

static guint
letter_count_pages (gpointer               data,
                    double                 width,
                    double                 height,
                    const NhPageNumbering *numbering)
{
  return nh_letter_render_count_pages (width, height, data);
}

static void
letter_draw_page (gpointer               data,
                  cairo_t               *cr,
                  double                 width,
                  double                 height,
                  guint                  page,
                  const NhPageNumbering *numbering)
{
  nh_letter_render_draw_page (cr, width, height, page, data);
}

static const NhPrintoutFuncs letter_funcs = { letter_count_pages, letter_draw_page };

/**
 * nh_printout_new_letter:
 *
 * The letter from @card and @edition, on A4 (default) or Letter.
 */
NhPrintout *
nh_printout_new_letter (NhCard    *card,
                        NhEdition *edition)
{
  NhPrintout *printout;

  g_return_val_if_fail (NH_IS_CARD (card), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  printout = nh_printout_new (nh_edition_gettext (edition, N_("Letter for school, nursery or babysitter")),
                              letter_papers, &letter_funcs,
                              nh_letter_render_new (card, edition, nh_paper_lookup (letter_papers[0])),
                              (GDestroyNotify)nh_letter_render_unref);
  nh_printout_set_kind (printout, "letter");

  return printout;
}
