/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-episode.h: one time an infection was suspected: ticks, readings, notes */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define NH_EPISODE_MAX_READINGS      500
#define NH_EPISODE_MAX_VALUE_CHARS   200
#define NH_EPISODE_MAX_NOTES_CHARS   10000
#define NH_EPISODE_MAX_HISTORY       1000

/* The kinds of change an episode's history records. */
#define NH_EPISODE_CHANGE_READING          "reading-changed"
#define NH_EPISODE_CHANGE_READING_REMOVED  "reading-removed"
#define NH_EPISODE_CHANGE_NOTES            "notes-changed"

#define NH_TYPE_EPISODE (nh_episode_get_type ())

G_DECLARE_FINAL_TYPE (NhEpisode, nh_episode, NH, EPISODE, GObject)

NhEpisode  *nh_episode_new             (GDateTime   *started_at);
NhEpisode  *nh_episode_new_from_json   (JsonNode    *node,
                                        const char  *path,
                                        GError     **error);
JsonNode   *nh_episode_to_json         (NhEpisode   *self);
const char *nh_episode_get_id          (NhEpisode   *self);
GDateTime  *nh_episode_get_started_at  (NhEpisode   *self);
GDateTime  *nh_episode_get_ended_at    (NhEpisode   *self);
void        nh_episode_set_ended_at    (NhEpisode   *self,
                                        GDateTime   *ended_at);
GDateTime  *nh_episode_get_tick        (NhEpisode   *self,
                                        const char  *item_id);
void        nh_episode_set_tick        (NhEpisode   *self,
                                        const char  *item_id,
                                        GDateTime   *time);
guint       nh_episode_get_n_ticks     (NhEpisode   *self);
guint       nh_episode_get_n_readings  (NhEpisode   *self);
GDateTime  *nh_episode_get_reading_time  (NhEpisode *self,
                                          guint      position);
const char *nh_episode_get_reading_value (NhEpisode *self,
                                          guint      position);
gboolean    nh_episode_add_reading     (NhEpisode   *self,
                                        GDateTime   *time,
                                        const char  *value,
                                        GError     **error);
GDateTime  *nh_episode_get_reading_changed (NhEpisode *self,
                                            guint      position);
gboolean    nh_episode_update_reading  (NhEpisode   *self,
                                        guint        position,
                                        GDateTime   *time,
                                        const char  *value,
                                        GDateTime   *now,
                                        GError     **error);
void        nh_episode_remove_reading  (NhEpisode   *self,
                                        guint        position);
guint       nh_episode_get_n_changes   (NhEpisode   *self);
GDateTime  *nh_episode_get_change_time (NhEpisode   *self,
                                        guint        position);
const char *nh_episode_get_change_kind (NhEpisode   *self,
                                        guint        position);
char       *nh_episode_dup_change_before (NhEpisode  *self,
                                          guint       position,
                                          GDateTime **time);
GDateTime  *nh_episode_parse_clock     (const char  *text,
                                        GDateTime   *day,
                                        GDateTime   *now);
const char *nh_episode_get_notes       (NhEpisode   *self);
gboolean    nh_episode_set_notes       (NhEpisode   *self,
                                        const char  *notes,
                                        GError     **error);
gboolean    nh_episode_is_empty        (NhEpisode   *self);

G_END_DECLS
