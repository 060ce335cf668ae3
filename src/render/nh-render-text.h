/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-render-text.h: the text blocks every printout is made of */
#pragma once

#include <pango/pango.h>
#include <cairo.h>

#include "model/nh-edition.h"

G_BEGIN_DECLS

PangoContext *nh_render_context_new    (void);

PangoLayout *nh_render_text_layout   (PangoContext *context,
                                      const char   *family,
                                      const char   *text,
                                      double        size,
                                      gboolean      bold,
                                      double        width);
double       nh_render_layout_height (PangoLayout  *layout);
char        *nh_render_dup_page_footer (NhEdition  *edition,
                                        guint       page,
                                        guint       n_pages);
char        *nh_render_dup_value_run   (const char *value,
                                        gboolean    rtl);

G_END_DECLS
