/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-tier.h: one step of the "infection suspected" checklist */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NH_TYPE_CHECKLIST_TIER (nh_checklist_tier_get_type ())

G_DECLARE_FINAL_TYPE (NhChecklistTier, nh_checklist_tier, NH, CHECKLIST_TIER, GObject)

NhChecklistTier *nh_checklist_tier_new           (const char         *id,
                                                  const char         *title,
                                                  const char * const *item_ids,
                                                  const char * const *item_texts);
const char      *nh_checklist_tier_get_id        (NhChecklistTier    *self);
const char      *nh_checklist_tier_get_title     (NhChecklistTier    *self);
guint            nh_checklist_tier_get_n_items   (NhChecklistTier    *self);
const char      *nh_checklist_tier_get_item_id   (NhChecklistTier    *self,
                                                  guint               position);
const char      *nh_checklist_tier_get_item_text (NhChecklistTier    *self,
                                                  guint               position);

gboolean         nh_checklist_tier_get_item_is_advice (NhChecklistTier *self,
                                                       guint            position);
void             nh_checklist_tier_set_item_is_advice (NhChecklistTier *self,
                                                       guint            position,
                                                       gboolean         advice);
guint            nh_checklist_tier_get_n_steps        (NhChecklistTier *self);

G_END_DECLS
