/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-printout.c: the emergency card as an NhPrintout
 *
 * The card is laid out for the paper it is printed on (the wallet card,
 * A6, or a sheet to cut out and fold); see nh-card-render.c for the
 * drawing itself.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-card-render.h"
#include "nh-printout.h"

typedef struct
{
  NhCard     *card;
  NhEdition  *edition;
  NhEdition  *second;
  gboolean    blank;
  GHashTable *renders;   /* paper id -> NhCardRender */
} CardPrintout;

static const char * const card_papers[] = { "id1", "a6", "a4", "letter", NULL };

static void
card_printout_free (gpointer data)
{
  CardPrintout *self = data;

  g_clear_object (&self->card);
  g_clear_object (&self->edition);
  g_clear_object (&self->second);
  g_clear_pointer (&self->renders, g_hash_table_unref);
  g_free (self);
}

/* The render for the paper of this size; on a page of another size, the
 * wallet card scaled to fit. */
static NhCardRender *
render_for_size (CardPrintout *self,
                 double        width,
                 double        height)
{
  const NhPaper *paper = nh_paper_for_size (card_papers, width, height);
  NhCardRender *render;

  if (paper == NULL)
    paper = nh_paper_lookup (card_papers[0]);

  if (!(render = g_hash_table_lookup (self->renders, paper->id)))
    {
      render = nh_card_render_new (self->card, self->edition, paper, self->blank);
      if (self->second != NULL)
        nh_card_render_set_second_edition (render, self->second);
      g_hash_table_insert (self->renders, (gpointer)paper->id, render);
    }

  return render;
}

static guint
card_count_pages (gpointer               data,
                  double                 width,
                  double                 height,
                  const NhPageNumbering *numbering)
{
  return nh_card_render_count_pages (width, height, render_for_size (data, width, height));
}

static void
card_draw_page (gpointer               data,
                cairo_t               *cr,
                double                 width,
                double                 height,
                guint                  page,
                const NhPageNumbering *numbering)
{
  nh_card_render_draw_page (cr, width, height, page, render_for_size (data, width, height));
}

static const NhPrintoutFuncs card_funcs = { card_count_pages, card_draw_page };

/**
 * nh_printout_new_card:
 * @second: (nullable): a second language for a bilingual travel card
 * @blank: labels with lines to write on instead of the family's text
 *
 * A snapshot of @card: later changes do not show.
 */
NhPrintout *
nh_printout_new_card (NhCard    *card,
                      NhEdition *edition,
                      NhEdition *second,
                      gboolean   blank)
{
  CardPrintout *self;
  NhPrintout *printout;

  g_return_val_if_fail (NH_IS_CARD (card), NULL);
  g_return_val_if_fail (NH_IS_EDITION (edition), NULL);
  g_return_val_if_fail (second == NULL || NH_IS_EDITION (second), NULL);

  self = g_new0 (CardPrintout, 1);
  self->card = nh_card_copy (card);
  self->edition = g_object_ref (edition);
  self->second = second ? g_object_ref (second) : NULL;
  self->blank = blank;
  self->renders = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify)nh_card_render_unref);

  printout = nh_printout_new (blank ? nh_edition_gettext (edition, N_("Blank emergency card"))
                                    : nh_edition_gettext (edition, N_("Emergency card")),
                              card_papers, &card_funcs, self, card_printout_free);
  nh_printout_set_kind (printout, "emergency-card");

  return printout;
}
