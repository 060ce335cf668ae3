/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-render.h: the emergency card on paper and in the preview */
#pragma once

#include <cairo.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"
#include "nh-paper.h"

G_BEGIN_DECLS

/* Body text never gets smaller than this. */
#define NH_CARD_RENDER_MIN_FONT 6.0

typedef enum
{
  NH_CARD_FIT_OK        = 0,
  NH_CARD_FIT_SHRUNK    = 1 << 0,  /* text was made smaller to fit */
  NH_CARD_FIT_CONTINUED = 1 << 1,  /* the front goes on on the back */
  NH_CARD_FIT_CUT       = 1 << 2,  /* the back had no room left: a note says so */
  NH_CARD_FIT_NO_QR     = 1 << 3,  /* too much text for a QR code: none printed */
  NH_CARD_FIT_SECOND_CARD = 1 << 4, /* some lines go, whole, on a second card (A6: page) */
} NhCardFit;

typedef struct _NhCardRender NhCardRender;

NhCardRender *nh_card_render_new           (NhCard         *card,
                                            NhEdition      *edition,
                                            const NhPaper  *paper,
                                            gboolean        blank);
NhCardRender *nh_card_render_ref           (NhCardRender   *self);
void          nh_card_render_set_second_edition (NhCardRender *self,
                                                 NhEdition    *second);
void          nh_card_render_unref         (NhCardRender   *self);
const NhPaper *nh_card_render_get_paper    (NhCardRender   *self);
const char   *nh_card_render_get_qr_text   (NhCardRender   *self);
void          nh_card_render_get_side_size (NhCardRender   *self,
                                            double         *width,
                                            double         *height);
NhCardFit     nh_card_render_get_fit       (NhCardRender   *self);
double        nh_card_render_get_font_size (NhCardRender   *self,
                                            NhCardSide      side);
GStrv         nh_card_render_dup_moved     (NhCardRender   *self);
double        nh_card_render_get_qr_module (NhCardRender   *self);

void          nh_card_render_draw_front    (NhCardRender   *self,
                                            cairo_t        *cr,
                                            double          width,
                                            double          height);
void          nh_card_render_draw_back     (NhCardRender   *self,
                                            cairo_t        *cr,
                                            double          width,
                                            double          height);

guint         nh_card_render_count_pages   (double          width,
                                            double          height,
                                            gpointer        self);
void          nh_card_render_draw_page     (cairo_t        *cr,
                                            double          width,
                                            double          height,
                                            guint           page,
                                            gpointer        self);
gboolean      nh_card_render_export        (NhCardRender   *self,
                                            const char     *path,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhCardRender, nh_card_render_unref)

G_END_DECLS
