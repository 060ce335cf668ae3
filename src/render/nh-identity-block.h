/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-identity-block.h: who the printout is about, from the emergency card */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

double nh_identity_block_measure (PangoContext *context,
                                  NhCard       *card,
                                  NhEdition    *edition,
                                  double        body,
                                  double        width);
void   nh_identity_block_draw    (cairo_t      *cr,
                                  PangoContext *context,
                                  NhCard       *card,
                                  NhEdition    *edition,
                                  double        body,
                                  double        x,
                                  double        y,
                                  double        width);

G_END_DECLS
