/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-block.h: one block of handbook text (paragraph, heading, list, callout) */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  NH_BLOCK_PARAGRAPH,
  NH_BLOCK_HEADING,
  NH_BLOCK_LIST,
  NH_BLOCK_IMPORTANT,
  NH_BLOCK_DISCLAIMER,
  NH_BLOCK_EDITION_INFO,
} NhBlockKind;

#define NH_TYPE_BLOCK (nh_block_get_type ())

G_DECLARE_FINAL_TYPE (NhBlock, nh_block, NH, BLOCK, GObject)

NhBlock             *nh_block_new              (NhBlockKind         kind,
                                                const char         *text,
                                                const char * const *items,
                                                const char * const *facts);
NhBlockKind          nh_block_get_kind         (NhBlock            *self);
const char          *nh_block_get_text         (NhBlock            *self);
const char * const  *nh_block_get_items        (NhBlock            *self);
const char * const  *nh_block_get_facts        (NhBlock            *self);
void                 nh_block_set_translation_state (NhBlock    *self,
                                                     const char *state);
const char          *nh_block_get_translation_state (NhBlock    *self);
gboolean             nh_block_is_unreviewed    (NhBlock            *self);
gboolean             nh_block_kind_from_string (const char         *name,
                                                NhBlockKind        *kind);

char               *nh_block_dup_excerpt (NhBlock *self,
                                          guint    max_words);

G_END_DECLS
