/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-booklet-render.h: the whole handbook as a booklet, for families without computers */
#pragma once

#include <cairo.h>

#include "model/nh-edition.h"
#include "nh-paper.h"

G_BEGIN_DECLS

typedef struct _NhBooklet NhBooklet;

NhBooklet *nh_booklet_new         (NhEdition     *edition);
void       nh_booklet_free        (NhBooklet     *self);
guint      nh_booklet_count_pages (double         width,
                                   double         height,
                                   gpointer       booklet);
void       nh_booklet_draw_page   (cairo_t       *cr,
                                   double         width,
                                   double         height,
                                   guint          page,
                                   gpointer       booklet);
gboolean   nh_booklet_export      (NhBooklet     *self,
                                   const NhPaper *paper,
                                   const char    *path,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhBooklet, nh_booklet_free)

G_END_DECLS
