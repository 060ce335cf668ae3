/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-editor-private.h: what the tests look at inside the card editor */
#pragma once

#include "nh-card-editor.h"
#include "nh-card-view.h"

G_BEGIN_DECLS

GtkWidget  *_nh_card_editor_get_field_widget (NhCardEditor *self,
                                              const char   *field_id);
GtkWidget  *_nh_card_editor_get_field_row    (NhCardEditor *self,
                                              const char   *field_id);
GtkLabel   *_nh_card_editor_get_message      (NhCardEditor *self,
                                              const char   *field_id);
GtkLabel   *_nh_card_editor_get_counter      (NhCardEditor *self,
                                              const char   *field_id);
GtkWidget  *_nh_card_editor_get_copy_button  (NhCardEditor *self,
                                              const char   *field_id);
GtkWidget  *_nh_card_editor_get_preview      (NhCardEditor *self,
                                              NhCardSide    side);
GtkLabel   *_nh_card_editor_get_notice       (NhCardEditor *self);
GtkLabel   *_nh_card_editor_get_status       (NhCardEditor *self);
gboolean    _nh_card_editor_save_lock_screen (NhCardEditor *self,
                                              const char   *path,
                                              GError      **error);
NhCardView *_nh_card_editor_get_staff_view   (NhCardEditor *self);
void        _nh_card_editor_show_checks      (NhCardEditor *self);

G_END_DECLS
