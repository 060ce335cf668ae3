/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-backup.h: everything the family typed, for every child, in one file */
#pragma once

#include "nh-family.h"

G_BEGIN_DECLS

#define NH_BACKUP_FORMAT     1
#define NH_BACKUP_KIND       "nemo-handbook-backup"
#define NH_BACKUP_MAX_BYTES  (64 * 1024 * 1024)
#define NH_BACKUP_MAX_DEPTH  24

char     *nh_backup_dup_data  (NhFamily     *family,
                               gsize        *length,
                               GError      **error);
gboolean  nh_backup_check     (NhFamily     *family,
                               GBytes       *bytes,
                               guint        *n_children,
                               GError      **error);
gboolean  nh_backup_restore   (NhFamily     *family,
                               GBytes       *bytes,
                               char        **previous_path,
                               GError      **error);

G_END_DECLS
