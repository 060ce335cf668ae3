/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search.h: full-text search over an edition, case- and accent-insensitive */
#pragma once

#include "nh-edition.h"

G_BEGIN_DECLS

#define NH_TYPE_SEARCH_RESULT (nh_search_result_get_type ())

G_DECLARE_FINAL_TYPE (NhSearchResult, nh_search_result, NH, SEARCH_RESULT, GObject)

NhSection  *nh_search_result_get_section        (NhSearchResult *self);
guint       nh_search_result_get_block_index    (NhSearchResult *self);
guint       nh_search_result_get_score          (NhSearchResult *self);
const char *nh_search_result_get_snippet        (NhSearchResult *self);
char       *nh_search_result_dup_snippet_markup (NhSearchResult *self);

#define NH_TYPE_SEARCH (nh_search_get_type ())

G_DECLARE_FINAL_TYPE (NhSearch, nh_search, NH, SEARCH, GObject)

NhSearch   *nh_search_new   (NhEdition  *edition);
GListModel *nh_search_query (NhSearch   *self,
                             const char *query);

G_END_DECLS
