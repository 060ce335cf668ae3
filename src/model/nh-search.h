/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-search.h: full-text search over an edition, case- and accent-insensitive */
#pragma once

#include "nh-edition.h"

G_BEGIN_DECLS

/* Where a result is; the page ids are the window's (see nh-window.h). */
typedef enum
{
  NH_SEARCH_PLACE_SECTION,    /* a handbook section: page id = section id */
  NH_SEARCH_PLACE_CHECKLIST,  /* "@checklist" */
  NH_SEARCH_PLACE_CARD,       /* "@card" */
  NH_SEARCH_PLACE_HELP,       /* a help topic: page id = "help:nemo-handbook/ID" */
} NhSearchPlace;

#define NH_TYPE_SEARCH_RESULT (nh_search_result_get_type ())

G_DECLARE_FINAL_TYPE (NhSearchResult, nh_search_result, NH, SEARCH_RESULT, GObject)

NhSection    *nh_search_result_get_section        (NhSearchResult *self);
NhSearchPlace nh_search_result_get_place          (NhSearchResult *self);
const char   *nh_search_result_get_page_id        (NhSearchResult *self);
const char   *nh_search_result_get_title          (NhSearchResult *self);
const char   *nh_search_result_get_where          (NhSearchResult *self);
guint         nh_search_result_get_block_index    (NhSearchResult *self);
guint         nh_search_result_get_score          (NhSearchResult *self);
const char   *nh_search_result_get_snippet        (NhSearchResult *self);
char         *nh_search_result_dup_snippet_markup (NhSearchResult *self);

#define NH_TYPE_SEARCH (nh_search_get_type ())

G_DECLARE_FINAL_TYPE (NhSearch, nh_search, NH, SEARCH, GObject)

NhSearch   *nh_search_new     (NhEdition  *edition);
GListModel *nh_search_query   (NhSearch   *self,
                               const char *query);
char       *nh_search_suggest (NhSearch   *self,
                               const char *query);

G_END_DECLS
