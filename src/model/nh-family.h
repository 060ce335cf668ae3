/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-family.h: the family's children and their saving */
#pragma once

#include "nh-child.h"
#include "nh-store.h"

G_BEGIN_DECLS

#define NH_FAMILY_FORMAT        1
#define NH_FAMILY_FILE_NAME     "family.json"
#define NH_FAMILY_MAX_BYTES     (64 * 1024)
#define NH_FAMILY_MAX_DEPTH     4
#define NH_FAMILY_MAX_CHILDREN  12
#define NH_FAMILY_CHILDREN_DIR  "children"

#define NH_TYPE_FAMILY (nh_family_get_type ())

G_DECLARE_FINAL_TYPE (NhFamily, nh_family, NH, FAMILY, GObject)

NhFamily *nh_family_new             (NhStore     *store);
NhFamily *nh_family_load            (NhStore     *store,
                                     char       **backup_path,
                                     GError     **error);
NhFamily *nh_family_new_from_bytes  (NhStore     *store,
                                     GBytes      *bytes,
                                     GError     **error);
char     *nh_family_to_data         (NhFamily    *self,
                                     gsize       *length);
gboolean  nh_family_save            (NhFamily    *self,
                                     GError     **error);
NhStore  *nh_family_get_store       (NhFamily    *self);
GListModel *nh_family_get_children  (NhFamily    *self);
guint     nh_family_get_n_children  (NhFamily    *self);
NhChild  *nh_family_get_child       (NhFamily    *self,
                                     guint        position);
NhChild  *nh_family_find_child      (NhFamily    *self,
                                     const char  *name_or_id);
NhChild  *nh_family_get_current     (NhFamily    *self);
void      nh_family_set_current     (NhFamily    *self,
                                     NhChild     *child);
NhChild  *nh_family_add_child       (NhFamily    *self,
                                     const char  *name,
                                     GError     **error);
gboolean  nh_family_rename_child    (NhFamily    *self,
                                     NhChild     *child,
                                     const char  *name,
                                     GError     **error);
char     *nh_family_dup_names       (NhFamily    *self);
gboolean  nh_family_flush           (NhFamily    *self,
                                     GError     **error);

G_END_DECLS
