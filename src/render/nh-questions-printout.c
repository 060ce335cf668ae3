/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-questions-printout.c: the questions for the next visit as an
 * NhPrintout
 *
 * The page lays itself out for the paper it is drawn on; see
 * nh-questions-render.c for the drawing itself.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-printout.h"
#include "nh-questions-render.h"

static const char * const questions_papers[] = { "a4", "letter", "a5", NULL };

static guint
questions_count_pages (gpointer               data,
                       double                 width,
                       double                 height,
                       const NhPageNumbering *numbering)
{
  return nh_questions_render_count_pages (width, height, data);
}

static void
questions_draw_page (gpointer               data,
                     cairo_t               *cr,
                     double                 width,
                     double                 height,
                     guint                  page,
                     const NhPageNumbering *numbering)
{
  nh_questions_render_draw_page (cr, width, height, page, data);
}

static const NhPrintoutFuncs questions_funcs = { questions_count_pages, questions_draw_page };

/**
 * nh_printout_new_questions:
 * @child_name: (nullable): the name on the card
 *
 * The family's questions for the next visit, with room for the answers.
 */
NhPrintout *
nh_printout_new_questions (NhQuestions *questions,
                           NhEdition   *edition,
                           const char  *child_name)
{
  NhPrintout *printout;

  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);

  printout = nh_printout_new (nh_edition_gettext (edition, N_("Questions for the next visit")),
                              questions_papers, &questions_funcs,
                              nh_questions_render_new (questions, edition, child_name),
                              (GDestroyNotify)nh_questions_render_free);
  nh_printout_set_kind (printout, "questions");

  return printout;
}
