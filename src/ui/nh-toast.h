/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-toast.h: a toast in the window a widget is in */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void nh_toast_show         (GtkWidget  *widget,
                            AdwToast   *toast);
void nh_toast_show_message (GtkWidget  *widget,
                            const char *message);

G_END_DECLS
