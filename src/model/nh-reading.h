/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-reading.h: where the reader was, and their bookmarks, per edition */
#pragma once

#include "nh-store.h"

G_BEGIN_DECLS

#define NH_READING_FILE      "reading.json"
#define NH_READING_MAX_BYTES (1024 * 1024)
#define NH_READING_MAX_DEPTH 8   /* root, editions, an edition, bookmarks, one */
#define NH_READING_MAX_BOOKMARKS 500
#define NH_READING_MAX_NAME_CHARS 200

typedef struct
{
  char  *name;       /* the reader's own name for it */
  char  *section_id;
  guint  block;      /* the paragraph, by its place in the section */
  char  *excerpt;    /* the paragraph's first words when it was made */
} NhBookmark;

#define NH_TYPE_READING (nh_reading_get_type ())

G_DECLARE_FINAL_TYPE (NhReading, nh_reading, NH, READING, GObject)

NhReading  *nh_reading_new               (NhStore     *store,
                                          char       **backup_path);
gboolean    nh_reading_get_position      (NhReading   *self,
                                          const char  *edition_id,
                                          const char **section_id,
                                          guint       *block);
void        nh_reading_set_position      (NhReading   *self,
                                          const char  *edition_id,
                                          const char  *section_id,
                                          guint        block);
guint       nh_reading_get_n_bookmarks   (NhReading   *self,
                                          const char  *edition_id);
const NhBookmark *nh_reading_get_bookmark (NhReading  *self,
                                           const char *edition_id,
                                           guint       position);
gboolean    nh_reading_add_bookmark      (NhReading   *self,
                                          const char  *edition_id,
                                          const char  *name,
                                          const char  *section_id,
                                          guint        block,
                                          const char  *excerpt);
void        nh_reading_rename_bookmark   (NhReading   *self,
                                          const char  *edition_id,
                                          guint        position,
                                          const char  *name);
void        nh_reading_remove_bookmark   (NhReading   *self,
                                          const char  *edition_id,
                                          guint        position);
gboolean    nh_reading_save              (NhReading   *self,
                                          GError     **error);
gboolean    nh_reading_is_dirty          (NhReading   *self);

G_END_DECLS
