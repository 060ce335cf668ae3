/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-child.h: one child of the family: their card, checklist and record */
#pragma once

#include "nh-card.h"
#include "nh-checklist-state.h"
#include "nh-record.h"
#include "nh-store.h"

G_BEGIN_DECLS

#define NH_CHILD_MAX_NAME_CHARS 60

#define NH_TYPE_CHILD (nh_child_get_type ())

G_DECLARE_FINAL_TYPE (NhChild, nh_child, NH, CHILD, GObject)

NhChild          *nh_child_new                     (const char  *id,
                                                    const char  *name,
                                                    const char  *folder,
                                                    NhStore     *store);
const char       *nh_child_get_id                  (NhChild     *self);
const char       *nh_child_get_name                (NhChild     *self);
void              nh_child_set_name                (NhChild     *self,
                                                    const char  *name);
const char       *nh_child_get_folder              (NhChild     *self);
NhStore          *nh_child_get_store               (NhChild     *self);
char             *nh_child_dup_display_name        (NhChild     *self);
NhCard           *nh_child_get_card                (NhChild     *self);
NhChecklistState *nh_child_get_checklist_state     (NhChild     *self,
                                                    GError     **error);
char             *nh_child_steal_checklist_backup  (NhChild     *self);
NhRecord         *nh_child_get_record              (NhChild     *self,
                                                    GError     **error);
char             *nh_child_steal_record_backup     (NhChild     *self);
gboolean          nh_child_update_card_from_record (NhChild     *self,
                                                    const char  *today);
gboolean          nh_child_flush                   (NhChild     *self,
                                                    GError     **error);

G_END_DECLS
