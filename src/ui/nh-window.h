/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-window.h: the main window: sidebar of sections and the reading pane */
#pragma once

#include <adwaita.h>

#include "nh-application.h"
#include "nh-read-aloud.h"

G_BEGIN_DECLS

#define NH_TYPE_WINDOW (nh_window_get_type ())

G_DECLARE_FINAL_TYPE (NhWindow, nh_window, NH, WINDOW, AdwApplicationWindow)

NhWindow   *nh_window_new                (NhApplication *application,
                                          NhEdition     *edition,
                                          const GError  *load_error);
gboolean    nh_window_show_section       (NhWindow      *self,
                                          const char    *section_id);
gboolean    nh_window_show_place         (NhWindow      *self,
                                          const char    *page_id,
                                          guint          block_index);
const char *nh_window_get_section_id     (NhWindow      *self);
NhReadAloud *nh_window_get_read_aloud    (NhWindow      *self);
void        nh_window_set_search_text    (NhWindow      *self,
                                          const char    *text);
GListModel *nh_window_get_search_results (NhWindow      *self);
gboolean    nh_window_activate_search_result (NhWindow  *self,
                                              guint      position);
gboolean    nh_window_get_folded         (NhWindow      *self);
void        nh_window_add_toast          (NhWindow      *self,
                                          AdwToast      *toast);

G_END_DECLS
