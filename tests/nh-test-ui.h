/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-ui.h: set-up shared by the UI tests */
#pragma once

#include "nh-application.h"
#include "ui/nh-window.h"

G_BEGIN_DECLS

void           nh_test_ui_init          (int          *argc,
                                         char       ***argv);
NhApplication *nh_test_ui_get_app       (void);
NhWindow      *nh_test_ui_open_window   (int           width,
                                         int           height);
void           nh_test_ui_close_window  (NhWindow     *window);
gboolean       nh_test_ui_wait_for      (gboolean    (*condition) (gpointer data),
                                         gpointer      data);
void           nh_test_ui_activate      (GtkWidget    *widget,
                                         const char   *action,
                                         GVariant     *param);

G_END_DECLS
