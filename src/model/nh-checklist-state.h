/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-state.h: the current episode, past episodes, the clinic's text */
#pragma once

#include "nh-episode.h"
#include "nh-store.h"

G_BEGIN_DECLS

#define NH_CHECKLIST_STATE_FILE        "checklist.json"
#define NH_CHECKLIST_STATE_MAX_BYTES   (4 * 1024 * 1024)
#define NH_CHECKLIST_MAX_EPISODES      200
#define NH_CLINIC_MAX_CHARS            1000
#define NH_CHECKLIST_STATE_MAX_DEPTH   16

#define NH_TYPE_CHECKLIST_STATE (nh_checklist_state_get_type ())

G_DECLARE_FINAL_TYPE (NhChecklistState, nh_checklist_state, NH, CHECKLIST_STATE, GObject)

NhChecklistState *nh_checklist_state_load              (NhStore           *store,
                                                        char             **backup_path,
                                                        GError           **error);
NhChecklistState *nh_checklist_state_new_from_bytes    (GBytes            *bytes,
                                                        GError           **error);
gboolean          nh_checklist_state_save              (NhChecklistState  *self,
                                                        GError           **error);
char             *nh_checklist_state_to_data           (NhChecklistState  *self,
                                                        gsize             *length);
NhEpisode        *nh_checklist_state_get_current       (NhChecklistState  *self);
GListModel       *nh_checklist_state_get_archive       (NhChecklistState  *self);
NhEpisode        *nh_checklist_state_find_episode      (NhChecklistState  *self,
                                                        const char        *id);
NhEpisode        *nh_checklist_state_get_latest        (NhChecklistState  *self);
NhEpisode        *nh_checklist_state_start_new_episode (NhChecklistState  *self,
                                                        GDateTime         *now);
void              nh_checklist_state_undo_new_episode  (NhChecklistState  *self,
                                                        NhEpisode         *archived);
NhEpisode        *nh_checklist_state_reopen_episode    (NhChecklistState  *self,
                                                        const char        *id,
                                                        GDateTime         *now);
gboolean          nh_checklist_state_delete_episode    (NhChecklistState  *self,
                                                        const char        *id);
const char       *nh_checklist_state_get_clinic_text   (NhChecklistState  *self);
const char       *nh_checklist_state_get_clinic_phone  (NhChecklistState  *self);
gboolean          nh_checklist_state_set_clinic        (NhChecklistState  *self,
                                                        const char        *text,
                                                        const char        *phone,
                                                        GError           **error);

G_END_DECLS
