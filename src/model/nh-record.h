/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record.h: one child's health record: infusions, illnesses, antibiotics, lab results */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nh-store.h"

G_BEGIN_DECLS

#define NH_RECORD_ERROR (nh_record_error_quark ())

typedef enum
{
  NH_RECORD_ERROR_INVALID,   /* a value or a file does not fit the record */
  NH_RECORD_ERROR_FULL,      /* a table holds as many entries as it may */
} NhRecordError;

/* The version of record.json this code writes; newer files are not read. */
#define NH_RECORD_FORMAT          1
#define NH_RECORD_FILE_NAME       "record.json"
#define NH_RECORD_MAX_BYTES       (8 * 1024 * 1024)
#define NH_RECORD_MAX_DEPTH       8
#define NH_RECORD_MAX_ENTRIES     5000
#define NH_RECORD_MAX_COLUMNS     12
#define NH_RECORD_MAX_INTERVAL    365

typedef enum
{
  NH_RECORD_INFUSIONS,
  NH_RECORD_ILLNESSES,
  NH_RECORD_ANTIBIOTICS,
  NH_RECORD_LAB_RESULTS,
  NH_RECORD_N_TABLES,
} NhRecordTable;

typedef enum
{
  NH_COLUMN_TEXT,       /* one line, as typed */
  NH_COLUMN_LONG_TEXT,  /* several lines, as typed */
  NH_COLUMN_DATE,       /* YYYY-MM-DD */
  NH_COLUMN_DATE_TIME,  /* YYYY-MM-DDTHH:MM, the family's local time */
  NH_COLUMN_NUMBER,     /* a decimal number as typed, with "." or "," */
  NH_COLUMN_CHOICE,     /* one of the column's choices (or empty) */
} NhColumnKind;

typedef struct
{
  const char         *id;         /* as stored and as the CSV header says: "dose_unit" */
  const char         *label;      /* untranslated; show it with _() */
  NhColumnKind        kind;
  guint               max_chars;
  gboolean            required;
  const char * const *choices;    /* NH_COLUMN_CHOICE: the stored values */
} NhRecordColumn;

/* One row of a table: values in the order of its columns, never NULL
 * ("" when not filled in). */
typedef struct
{
  char *id;
  char *values[NH_RECORD_MAX_COLUMNS];
} NhRecordEntry;

#define NH_TYPE_RECORD (nh_record_get_type ())

G_DECLARE_FINAL_TYPE (NhRecord, nh_record, NH, RECORD, GObject)

GQuark                nh_record_error_quark       (void);

const char           *nh_record_table_get_id      (NhRecordTable         table);
gboolean              nh_record_table_from_id     (const char           *id,
                                                   NhRecordTable        *table);
const NhRecordColumn *nh_record_get_columns       (NhRecordTable         table,
                                                   guint                *n_columns);
int                   nh_record_find_column       (NhRecordTable         table,
                                                   const char           *column_id);
const char           *nh_record_choice_label      (const NhRecordColumn *column,
                                                   const char           *value);
const char           *nh_record_choice_get_msgid  (const char           *value);
gboolean              nh_record_check_value       (const NhRecordColumn *column,
                                                   const char           *value,
                                                   char                **normalized,
                                                   char                **message);
gboolean              nh_record_parse_number      (const char           *text,
                                                   double               *value);

NhRecord             *nh_record_new               (NhStore              *store);
NhRecord             *nh_record_load              (NhStore              *store,
                                                   char                **backup_path,
                                                   GError              **error);
NhRecord             *nh_record_new_from_bytes    (GBytes               *bytes,
                                                   GError              **error);
char                 *nh_record_to_data           (NhRecord             *self,
                                                   gsize                *length);
JsonNode             *nh_record_to_json           (NhRecord             *self);
NhRecord             *nh_record_new_from_json     (JsonNode             *node,
                                                   GError              **error);
gboolean              nh_record_save              (NhRecord             *self,
                                                   GError              **error);
gboolean              nh_record_get_saved         (NhRecord             *self);

guint                 nh_record_get_n_entries     (NhRecord             *self,
                                                   NhRecordTable         table);
const NhRecordEntry  *nh_record_get_entry         (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   guint                 position);
const NhRecordEntry  *nh_record_find_entry        (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   const char           *id);
const char           *nh_record_entry_get         (const NhRecordEntry  *entry,
                                                   NhRecordTable         table,
                                                   const char           *column_id);
gboolean              nh_record_check_entry       (NhRecordTable         table,
                                                   const char * const   *values,
                                                   GStrv                *normalized,
                                                   GPtrArray            *problems);
gboolean              nh_record_add_entry         (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   const char * const   *values,
                                                   char                **id,
                                                   GError              **error);
gboolean              nh_record_add_entries       (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   GPtrArray            *rows,
                                                   GError              **error);
gboolean              nh_record_replace_entry     (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   const char           *id,
                                                   const char * const   *values,
                                                   GError              **error);
gboolean              nh_record_remove_entry      (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   const char           *id,
                                                   GError              **error);

guint                 nh_record_get_interval_days (NhRecord             *self);
gboolean              nh_record_set_interval_days (NhRecord             *self,
                                                   guint                 days,
                                                   GError              **error);
const NhRecordEntry  *nh_record_get_last_infusion (NhRecord             *self);
char                 *nh_record_dup_next_due      (NhRecord             *self);
GStrv                 nh_record_dup_values        (NhRecord             *self,
                                                   NhRecordTable         table,
                                                   const char           *column_id);
GPtrArray            *nh_record_find_lot          (NhRecord             *self,
                                                   const char           *lot);
GPtrArray            *nh_record_dup_current_preventive (NhRecord        *self,
                                                        const char      *today);

G_END_DECLS
