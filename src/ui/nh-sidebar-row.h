/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-sidebar-row.h: a row of the sidebar: a section's icon and title */
#pragma once

#include <gtk/gtk.h>

#include "model/nh-section.h"

G_BEGIN_DECLS

#define NH_TYPE_SIDEBAR_ROW (nh_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (NhSidebarRow, nh_sidebar_row, NH, SIDEBAR_ROW, GtkListBoxRow)

NhSidebarRow *nh_sidebar_row_new         (NhSection    *section);
NhSection    *nh_sidebar_row_get_section (NhSidebarRow *self);

G_END_DECLS
