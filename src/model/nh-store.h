/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-store.h: the only writer of user files: private, atomic, size-limited */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NH_STORE_ERROR (nh_store_error_quark ())

typedef enum
{
  NH_STORE_ERROR_NOT_FOUND,  /* nothing saved yet: start empty */
  NH_STORE_ERROR_TOO_LARGE,
  NH_STORE_ERROR_IO,
} NhStoreError;

#define NH_TYPE_STORE (nh_store_get_type ())

G_DECLARE_FINAL_TYPE (NhStore, nh_store, NH, STORE, GObject)

GQuark      nh_store_error_quark    (void);
NhStore    *nh_store_new            (const char  *directory);
NhStore    *nh_store_new_default    (void);
const char *nh_store_get_directory  (NhStore     *self);
char       *nh_store_dup_path       (NhStore     *self,
                                     const char  *name);
GBytes     *nh_store_load           (NhStore     *self,
                                     const char  *name,
                                     gsize        max_size,
                                     GError     **error);
gboolean    nh_store_save           (NhStore     *self,
                                     const char  *name,
                                     const char  *data,
                                     gsize        length,
                                     GError     **error);
char       *nh_store_quarantine     (NhStore     *self,
                                     const char  *name,
                                     GError     **error);
gboolean    nh_store_remove         (NhStore     *self,
                                     const char  *name,
                                     GError     **error);

G_END_DECLS
