/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-editor.h: the emergency card page: form, live preview, print */
#pragma once

#include <adwaita.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

#define NH_TYPE_CARD_EDITOR (nh_card_editor_get_type ())

G_DECLARE_FINAL_TYPE (NhCardEditor, nh_card_editor, NH, CARD_EDITOR, AdwBin)

NhCardEditor *nh_card_editor_new             (NhCard       *card,
                                              NhEdition    *edition);
NhCard       *nh_card_editor_get_card        (NhCardEditor *self);
void          nh_card_editor_print           (NhCardEditor *self);
void          nh_card_editor_show_to_staff   (NhCardEditor *self);

G_END_DECLS
