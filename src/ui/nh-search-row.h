/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search-row.h: a search result: the section and a snippet */
#pragma once

#include <gtk/gtk.h>

#include "model/nh-search.h"

G_BEGIN_DECLS

#define NH_TYPE_SEARCH_ROW (nh_search_row_get_type ())

G_DECLARE_FINAL_TYPE (NhSearchRow, nh_search_row, NH, SEARCH_ROW, GtkListBoxRow)

NhSearchRow    *nh_search_row_new        (NhSearchResult *result);
NhSearchResult *nh_search_row_get_result (NhSearchRow    *self);

G_END_DECLS
