/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-csv.h: the record's tables as CSV files (RFC 4180, UTF-8) */
#pragma once

#include "nh-record.h"

G_BEGIN_DECLS

#define NH_RECORD_CSV_MAX_BYTES (8 * 1024 * 1024)

char     *nh_record_csv_export (NhRecord       *record,
                                NhRecordTable   table,
                                gsize          *length);
gboolean  nh_record_csv_import (NhRecord       *record,
                                NhRecordTable   table,
                                const char     *data,
                                gsize           length,
                                guint          *n_added,
                                guint          *n_skipped,
                                GPtrArray      *problems,
                                GError        **error);

G_END_DECLS
