/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-accessible.h: what screen readers hear, where GTK 4.8 gets it wrong */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void nh_accessible_fix_mnemonic_names (GtkWidget *root);

G_END_DECLS
