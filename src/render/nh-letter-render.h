/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-letter-render.h: a letter for school, nursery or a babysitter */
#pragma once

#include <cairo.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"
#include "nh-paper.h"

G_BEGIN_DECLS

typedef struct _NhLetterRender NhLetterRender;

NhLetterRender *nh_letter_render_new         (NhCard         *card,
                                              NhEdition      *edition,
                                              const NhPaper  *paper);
NhLetterRender *nh_letter_render_ref         (NhLetterRender *self);
void            nh_letter_render_unref       (NhLetterRender *self);
const NhPaper  *nh_letter_render_get_paper   (NhLetterRender *self);
guint           nh_letter_render_count_pages (double          width,
                                              double          height,
                                              gpointer        self);
void            nh_letter_render_draw_page   (cairo_t        *cr,
                                              double          width,
                                              double          height,
                                              guint           page,
                                              gpointer        self);
gboolean        nh_letter_render_export      (NhLetterRender *self,
                                              const char     *path,
                                              GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhLetterRender, nh_letter_render_unref)

G_END_DECLS
