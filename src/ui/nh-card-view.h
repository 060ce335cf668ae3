/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-view.h: the emergency card full screen, for hospital staff */
#pragma once

#include <adwaita.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

#define NH_TYPE_CARD_VIEW (nh_card_view_get_type ())

G_DECLARE_FINAL_TYPE (NhCardView, nh_card_view, NH, CARD_VIEW, AdwWindow)

NhCardView *nh_card_view_new     (NhCard     *card,
                                  NhEdition  *edition);
NhCardView *nh_card_view_open    (GtkWindow  *parent,
                                  NhCard     *card,
                                  NhEdition  *edition);

G_END_DECLS
