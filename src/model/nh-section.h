/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-section.h: one page of the handbook: id, title, icon and blocks */
#pragma once

#include "nh-block.h"

G_BEGIN_DECLS

#define NH_TYPE_SECTION (nh_section_get_type ())

G_DECLARE_FINAL_TYPE (NhSection, nh_section, NH, SECTION, GObject)

NhSection  *nh_section_new           (const char *id,
                                      const char *title,
                                      const char *icon_name,
                                      GPtrArray  *blocks);
const char *nh_section_get_id        (NhSection  *self);
const char *nh_section_get_title     (NhSection  *self);
const char *nh_section_get_icon_name (NhSection  *self);
guint       nh_section_get_n_blocks  (NhSection  *self);
NhBlock    *nh_section_get_block     (NhSection  *self,
                                      guint       position);

void        nh_section_set_search_words (NhSection          *self,
                                         const char * const *words);
const char * const *nh_section_get_search_words (NhSection *self);

G_END_DECLS
