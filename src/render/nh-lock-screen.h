/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-lock-screen.h: the emergency card as a phone's lock-screen image */
#pragma once

#include <cairo.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

#define NH_LOCK_SCREEN_WIDTH  1080
#define NH_LOCK_SCREEN_HEIGHT 2340

gboolean nh_lock_screen_parse_size (const char  *text,
                                    int         *width,
                                    int         *height);
void     nh_lock_screen_draw       (NhCard      *card,
                                    NhEdition   *edition,
                                    NhEdition   *second,
                                    cairo_t     *cr,
                                    double       width,
                                    double       height);
gboolean nh_lock_screen_export     (NhCard      *card,
                                    NhEdition   *edition,
                                    NhEdition   *second,
                                    int          width,
                                    int          height,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
