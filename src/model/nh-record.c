/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record.c: one child's health record: infusions, illnesses, antibiotics, lab results
 *
 * The family's diary between clinic visits, as they type it. Every value is
 * free text, a date, or a number with the unit the family types beside it:
 * the app never suggests a dose, a range, a threshold or a drug.
 *
 * record.json, in the child's store folder:
 *   { "format": 1, "infusion_interval_days": 7,
 *     "infusions": [ { "id": "…", "time": "2026-11-30T18:30", "product": "…", … } ],
 *     "illnesses": [ … ], "antibiotics": [ … ], "lab_results": [ … ] }
 * Each table's members are its columns (nh_record_get_columns()), all
 * strings; the same ids head the CSV columns. Rows are kept in the order of
 * their first column, a date.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "nh-json-guard.h"
#include "nh-record.h"

struct _NhRecord
{
  GObject    parent_instance;
  NhStore   *store;            /* NULL: never saved */
  GPtrArray *tables[NH_RECORD_N_TABLES];
  guint      interval_days;    /* 0: the family has not set one */
  gboolean   unsaved;          /* the last save failed */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (NhRecord, nh_record, G_TYPE_OBJECT)
G_DEFINE_QUARK (nh-record-error-quark, nh_record_error)

#define SHORT_TEXT  200
#define LONG_TEXT   5000
#define NUMBER_TEXT 20

static const char * const route_choices[] = { "iv", "subcutaneous", NULL };
static const char * const hospital_choices[] = { "none", "visit", "admission", NULL };
static const char * const course_choices[] = { "course", "preventive", NULL };

static const NhRecordColumn infusion_columns[] = {
  { "time", N_("Date and time"), NH_COLUMN_DATE_TIME, 16, TRUE, NULL },
  { "product", N_("Product"), NH_COLUMN_TEXT, SHORT_TEXT, TRUE, NULL },
  { "route", N_("Route"), NH_COLUMN_CHOICE, 20, FALSE, route_choices },
  { "dose", N_("Dose"), NH_COLUMN_NUMBER, NUMBER_TEXT, FALSE, NULL },
  { "dose_unit", N_("Dose unit"), NH_COLUMN_TEXT, 40, FALSE, NULL },
  { "lots", N_("Lot numbers"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "expiry", N_("Expiry"), NH_COLUMN_TEXT, 40, FALSE, NULL },
  { "sites", N_("Infusion sites"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "given_by", N_("Given by"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "reaction", N_("Reactions"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "notes", N_("Notes"), NH_COLUMN_LONG_TEXT, LONG_TEXT, FALSE, NULL },
};

static const NhRecordColumn illness_columns[] = {
  { "onset", N_("Onset"), NH_COLUMN_DATE, 10, TRUE, NULL },
  { "end", N_("End"), NH_COLUMN_DATE, 10, FALSE, NULL },
  { "what", N_("What it was"), NH_COLUMN_TEXT, SHORT_TEXT, TRUE, NULL },
  { "temperatures", N_("Temperature readings"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "antibiotics", N_("Antibiotics started"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "hospital", N_("Hospital"), NH_COLUMN_CHOICE, 20, FALSE, hospital_choices },
  { "outcome", N_("Outcome"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "notes", N_("Notes"), NH_COLUMN_LONG_TEXT, LONG_TEXT, FALSE, NULL },
  { "episode_id", N_("Checklist episode"), NH_COLUMN_TEXT, 80, FALSE, NULL },
};

static const NhRecordColumn antibiotic_columns[] = {
  { "start", N_("Start"), NH_COLUMN_DATE, 10, TRUE, NULL },
  { "end", N_("End"), NH_COLUMN_DATE, 10, FALSE, NULL },
  { "drug", N_("Antibiotic"), NH_COLUMN_TEXT, SHORT_TEXT, TRUE, NULL },
  { "dose", N_("Dose as prescribed"), NH_COLUMN_TEXT, SHORT_TEXT, FALSE, NULL },
  { "kind", N_("Kind"), NH_COLUMN_CHOICE, 20, FALSE, course_choices },
  { "notes", N_("Notes"), NH_COLUMN_LONG_TEXT, LONG_TEXT, FALSE, NULL },
};

static const NhRecordColumn lab_columns[] = {
  { "date", N_("Date"), NH_COLUMN_DATE, 10, TRUE, NULL },
  { "test", N_("Test"), NH_COLUMN_TEXT, SHORT_TEXT, TRUE, NULL },
  { "value", N_("Value"), NH_COLUMN_NUMBER, NUMBER_TEXT, TRUE, NULL },
  { "unit", N_("Unit"), NH_COLUMN_TEXT, 40, FALSE, NULL },
  { "target_low", N_("Target from"), NH_COLUMN_NUMBER, NUMBER_TEXT, FALSE, NULL },
  { "target_high", N_("Target to"), NH_COLUMN_NUMBER, NUMBER_TEXT, FALSE, NULL },
  { "notes", N_("Notes"), NH_COLUMN_LONG_TEXT, LONG_TEXT, FALSE, NULL },
};

static const struct {
  const char           *id;
  const NhRecordColumn *columns;
  guint                 n_columns;
} tables[NH_RECORD_N_TABLES] = {
  { "infusions", infusion_columns, G_N_ELEMENTS (infusion_columns) },
  { "illnesses", illness_columns, G_N_ELEMENTS (illness_columns) },
  { "antibiotics", antibiotic_columns, G_N_ELEMENTS (antibiotic_columns) },
  { "lab-results", lab_columns, G_N_ELEMENTS (lab_columns) },
};

/* record.json says "lab_results": a JSON member, not a command-line word. */
static const char * const json_members[NH_RECORD_N_TABLES] = {
  "infusions", "illnesses", "antibiotics", "lab_results",
};

G_STATIC_ASSERT (G_N_ELEMENTS (infusion_columns) <= NH_RECORD_MAX_COLUMNS);
G_STATIC_ASSERT (G_N_ELEMENTS (illness_columns) <= NH_RECORD_MAX_COLUMNS);

static void
entry_free (gpointer data)
{
  NhRecordEntry *entry = data;

  g_free (entry->id);
  for (guint i = 0; i < NH_RECORD_MAX_COLUMNS; i++)
    g_free (entry->values[i]);
  g_free (entry);
}

static void
nh_record_finalize (GObject *object)
{
  NhRecord *self = (NhRecord *)object;

  g_clear_object (&self->store);
  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    g_clear_pointer (&self->tables[t], g_ptr_array_unref);

  G_OBJECT_CLASS (nh_record_parent_class)->finalize (object);
}

static void
nh_record_class_init (NhRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_record_finalize;

  /**
   * NhRecord::changed:
   * @table: the NhRecordTable that changed, or -1 for the settings
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
nh_record_init (NhRecord *self)
{
  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    self->tables[t] = g_ptr_array_new_with_free_func (entry_free);
}

const char *
nh_record_table_get_id (NhRecordTable table)
{
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, NULL);

  return tables[table].id;
}

gboolean
nh_record_table_from_id (const char    *id,
                         NhRecordTable *table)
{
  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    if (g_strcmp0 (id, tables[t].id) == 0)
      {
        *table = t;
        return TRUE;
      }

  return FALSE;
}

const NhRecordColumn *
nh_record_get_columns (NhRecordTable  table,
                       guint         *n_columns)
{
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, NULL);

  if (n_columns != NULL)
    *n_columns = tables[table].n_columns;

  return tables[table].columns;
}

/* Returns: the column's position, or -1 */
int
nh_record_find_column (NhRecordTable  table,
                       const char    *column_id)
{
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, -1);

  for (guint i = 0; i < tables[table].n_columns; i++)
    if (g_strcmp0 (tables[table].columns[i].id, column_id) == 0)
      return i;

  return -1;
}

static const struct { const char *value; const char *label; } choice_labels[] = {
  { "iv", N_("Intravenous (IV)") },
  { "subcutaneous", N_("Subcutaneous") },
  { "none", N_("No hospital") },
  { "visit", N_("Hospital visit") },
  { "admission", N_("Admitted to hospital") },
  { "course", N_("Course") },
  { "preventive", N_("Preventive") },
};

/* Returns: the untranslated label of a stored choice, for printouts in
 *   another language; "" for none */
const char *
nh_record_choice_get_msgid (const char *value)
{
  if (value == NULL || *value == '\0')
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
    if (g_str_equal (value, choice_labels[i].value))
      return choice_labels[i].label;

  return value;
}

/* Returns: the translated label of a stored choice, or "" for none */
const char *
nh_record_choice_label (const NhRecordColumn *column,
                        const char           *value)
{
  const char *msgid = nh_record_choice_get_msgid (value);

  return *msgid != '\0' ? g_dgettext (GETTEXT_PACKAGE, msgid) : "";
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

static gboolean
check_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
    return FALSE;

  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);

  return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 &&
         g_date_valid_dmy (day, month, year);
}

/* "2026-11-30T18:30", "2026-11-30 18:30" */
static gboolean
check_date_time (const char *text,
                 char      **normalized)
{
  g_autofree char *date = NULL;

  if (strlen (text) != 16 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      !all_digits (text + 11, 2) || !all_digits (text + 14, 2) ||
      atoi (text + 11) > 23 || atoi (text + 14) > 59)
    return FALSE;

  date = g_strndup (text, 10);
  if (!check_date (date))
    return FALSE;

  *normalized = g_strdup_printf ("%sT%s", date, text + 11);
  return TRUE;
}

/* A decimal number as people type it: "10", "7.5", "7,5", "-1". */
static gboolean
check_number (const char *text,
              char      **normalized)
{
  const char *p = text;
  gboolean separator = FALSE;
  guint digits = 0;

  if (*p == '-')
    p++;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if ((*p == '.' || *p == ',') && !separator && digits > 0 && p[1] != '\0')
        separator = TRUE;
      else
        return FALSE;
    }

  if (digits == 0)
    return FALSE;

  *normalized = g_strdup (text);
  g_strdelimit (*normalized, ",", '.');
  return TRUE;
}

gboolean
nh_record_parse_number (const char *text,
                        double     *value)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || !check_number (text, &normalized))
    return FALSE;

  *value = g_ascii_strtod (normalized, NULL);
  return TRUE;
}

static gboolean
has_control_characters (const char *text,
                        gboolean    multiline)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (multiline && (c == '\n' || c == '\t'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }

  return FALSE;
}

/**
 * nh_record_check_value:
 * @normalized: (out) (optional): the value as stored: trimmed, a "," of a
 *   number made ".", a space in a time made "T"
 * @message: (out) (optional): what is wrong, in plain words
 *
 * Returns: whether @value fits @column
 */
gboolean
nh_record_check_value (const NhRecordColumn  *column,
                       const char            *value,
                       char                 **normalized,
                       char                 **message)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *result = NULL;
  const char *problem = NULL;

  g_return_val_if_fail (column != NULL, FALSE);

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    value = "";
  trimmed = g_strstrip (g_strdup (value));

  if (*trimmed == '\0')
    {
      if (column->required)
        problem = _("This must be filled in.");
      else
        result = g_strdup ("");
    }
  else if (g_utf8_strlen (trimmed, -1) > column->max_chars)
    {
      if (message != NULL)
        *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "This is too long (at most %u character).",
                                                 "This is too long (at most %u characters).",
                                                 column->max_chars),
                                    column->max_chars);
      return FALSE;
    }
  else
    {
      switch (column->kind)
        {
        case NH_COLUMN_TEXT:
        case NH_COLUMN_LONG_TEXT:
          if (has_control_characters (trimmed, column->kind == NH_COLUMN_LONG_TEXT))
            problem = _("This holds characters that are not text.");
          else
            result = g_strdup (trimmed);
          break;

        case NH_COLUMN_DATE:
          if (check_date (trimmed))
            result = g_strdup (trimmed);
          else
            problem = _("Write a real date as YYYY-MM-DD, such as 2026-03-31.");
          break;

        case NH_COLUMN_DATE_TIME:
          if (!check_date_time (trimmed, &result))
            problem = _("Write a real date and time as YYYY-MM-DD HH:MM, such as 2026-03-31 18:30.");
          break;

        case NH_COLUMN_NUMBER:
          if (!check_number (trimmed, &result))
            problem = _("Write a number, such as 7.5; write its unit in its own box.");
          break;

        case NH_COLUMN_CHOICE:
          if (g_strv_contains (column->choices, trimmed))
            result = g_strdup (trimmed);
          else
            {
              g_autofree char *list = g_strjoinv (", ", (char **)column->choices);

              if (message != NULL)
                /* Translators: %s is a list of words that stay in English: "iv, subcutaneous" */
                *message = g_strdup_printf (_("Use one of: %s, or leave it empty."), list);
              return FALSE;
            }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (problem != NULL)
    {
      if (message != NULL)
        *message = g_strdup (problem);
      return FALSE;
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&result);

  return TRUE;
}

/**
 * nh_record_check_entry:
 * @values: one per column, in the columns' order (NULL counts as "")
 * @normalized: (out) (optional): the values as stored, when all are right
 * @problems: (element-type utf8) (nullable): gets "column_id\tmessage"
 *   for each problem
 *
 * Checks each value, then that an end is not before its start and a target
 * range does not end below where it starts.
 */
gboolean
nh_record_check_entry (NhRecordTable        table,
                       const char * const  *values,
                       GStrv               *normalized,
                       GPtrArray           *problems)
{
  const NhRecordColumn *columns = tables[table].columns;
  guint n = tables[table].n_columns;
  g_auto(GStrv) result = g_new0 (char *, n + 1);
  gboolean ok = TRUE;
  int a, b;

  g_return_val_if_fail (table < NH_RECORD_N_TABLES, FALSE);
  g_return_val_if_fail (values != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *message = NULL;

      if (!nh_record_check_value (&columns[i], values[i], &result[i], &message))
        {
          ok = FALSE;
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf ("%s\t%s", columns[i].id, message));
          result[i] = g_strdup ("");
        }
    }

  if (!ok)
    return FALSE;

  /* Dates as YYYY-MM-DD compare as text. */
  if ((b = nh_record_find_column (table, "end")) >= 0 && *result[b] != '\0' &&
      strcmp (result[b], result[0]) < 0)
    {
      ok = FALSE;
      if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("end\t%s", _("The end is before the start.")));
    }

  if ((a = nh_record_find_column (table, "target_low")) >= 0 &&
      (b = nh_record_find_column (table, "target_high")) >= 0 &&
      *result[a] != '\0' && *result[b] != '\0' &&
      g_ascii_strtod (result[a], NULL) > g_ascii_strtod (result[b], NULL))
    {
      ok = FALSE;
      if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf ("target_high\t%s",
                                                    _("The target range ends below where it starts.")));
    }

  if (ok && normalized != NULL)
    *normalized = g_steal_pointer (&result);

  return ok;
}

NhRecord *
nh_record_new (NhStore *store)
{
  NhRecord *self;

  g_return_val_if_fail (store == NULL || NH_IS_STORE (store), NULL);

  self = g_object_new (NH_TYPE_RECORD, NULL);
  if (store != NULL)
    self->store = g_object_ref (store);

  return self;
}

static gboolean
invalid (GError     **error,
         const char  *path,
         const char  *message)
{
  g_set_error (error, NH_RECORD_ERROR, NH_RECORD_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

/* Rows in the order of their first column; equal ones keep their order. */
static void
insert_sorted (GPtrArray     *array,
               NhRecordEntry *entry)
{
  guint i = array->len;

  while (i > 0 && strcmp (((NhRecordEntry *)g_ptr_array_index (array, i - 1))->values[0],
                          entry->values[0]) > 0)
    i--;

  g_ptr_array_insert (array, i, entry);
}

static NhRecordEntry *
entry_new (const char *id,
           GStrv       values,
           guint       n)
{
  NhRecordEntry *entry = g_new0 (NhRecordEntry, 1);

  entry->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  for (guint i = 0; i < NH_RECORD_MAX_COLUMNS; i++)
    entry->values[i] = i < n ? g_strdup (values[i]) : NULL;

  return entry;
}

static gboolean
read_table (NhRecord       *self,
            NhRecordTable   table,
            JsonNode       *node,
            GError        **error)
{
  const char *member = json_members[table];
  const NhRecordColumn *columns = tables[table].columns;
  guint n = tables[table].n_columns;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, member, "not a list");

  array = json_node_get_array (node);
  if (json_array_get_length (array) > NH_RECORD_MAX_ENTRIES)
    return invalid (error, member, "too many entries");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      g_autofree const char **values = g_new0 (const char *, n + 1);
      g_auto(GStrv) normalized = NULL;
      JsonObject *object;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, path, "not an object");
      object = json_node_get_object (element);

      node = json_object_get_member (object, "id");
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *(id = json_node_get_string (node)) == '\0' || strlen (id) > 80 ||
          has_control_characters (id, FALSE) || g_hash_table_contains (ids, id))
        return invalid (error, path, "id: missing, not unique or not text");

      for (guint c = 0; c < n; c++)
        {
          JsonNode *value = json_object_get_member (object, columns[c].id);

          if (value == NULL || JSON_NODE_HOLDS_NULL (value))
            values[c] = "";
          else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
            values[c] = json_node_get_string (value);
          else
            {
              g_autofree char *column_path = g_strdup_printf ("%s.%s", path, columns[c].id);

              return invalid (error, column_path, "not text");
            }
        }

      if (!nh_record_check_entry (table, values, &normalized, problems))
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (problems, 0), "\t", 2);
          g_autofree char *column_path = g_strdup_printf ("%s.%s", path, parts[0]);

          return invalid (error, column_path, parts[1]);
        }

      {
        NhRecordEntry *entry = entry_new (id, normalized, n);

        g_hash_table_add (ids, entry->id);
        insert_sorted (self->tables[table], entry);
      }
    }

  return TRUE;
}

/**
 * nh_record_new_from_json:
 *
 * Reads a record from its JSON object (record.json, or a child's part of a
 * backup). Every value is checked as when it is typed.
 */
NhRecord *
nh_record_new_from_json (JsonNode  *root_node,
                         GError   **error)
{
  g_autoptr(NhRecord) self = nh_record_new (NULL);
  JsonObject *root;
  JsonNode *node;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      invalid (error, "record", "not a health record");
      return NULL;
    }

  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      invalid (error, "format", "missing");
      return NULL;
    }
  if (json_node_get_int (node) != NH_RECORD_FORMAT)
    {
      invalid (error, "format", "written by another version of the app");
      return NULL;
    }

  if ((node = json_object_get_member (root, "infusion_interval_days")))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > NH_RECORD_MAX_INTERVAL)
        {
          invalid (error, "infusion_interval_days", "not a number of days from 0 to 365");
          return NULL;
        }
      self->interval_days = json_node_get_int (node);
    }

  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    if ((node = json_object_get_member (root, json_members[t])) && !read_table (self, t, node, error))
      return NULL;

  return g_steal_pointer (&self);
}

NhRecord *
nh_record_new_from_bytes (GBytes  *bytes,
                          GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  /* The one guarded loader: size, emptiness, UTF-8, depth and syntax. */
  if (!(root = nh_json_guard_parse (data, length, NH_RECORD_MAX_BYTES, NH_RECORD_MAX_DEPTH, NULL, &parse_error)))
    {
      invalid (error, NH_RECORD_FILE_NAME, parse_error->message);
      return NULL;
    }

  return nh_record_new_from_json (root, error);
}

/**
 * nh_record_load:
 * @backup_path: (out) (optional): set when an unreadable file was moved aside
 *
 * Loads the child's record, or starts empty when there is none. A damaged
 * file is moved aside (nothing is lost) and the record starts empty. Fails
 * only when it could not even be moved aside.
 */
NhRecord *
nh_record_load (NhStore  *store,
                char    **backup_path,
                GError  **error)
{
  g_autoptr(NhRecord) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  bytes = nh_store_load (store, NH_RECORD_FILE_NAME, NH_RECORD_MAX_BYTES, &local_error);

  if (bytes != NULL)
    self = nh_record_new_from_bytes (bytes, &local_error);

  if (self == NULL)
    {
      if (!g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *moved = nh_store_quarantine (store, NH_RECORD_FILE_NAME, error);

          if (moved == NULL)
            return NULL;
          if (backup_path != NULL)
            *backup_path = g_steal_pointer (&moved);
        }

      self = nh_record_new (NULL);
    }

  self->store = g_object_ref (store);

  return g_steal_pointer (&self);
}

JsonNode *
nh_record_to_json (NhRecord *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (NH_IS_RECORD (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, NH_RECORD_FORMAT);
  json_builder_set_member_name (builder, "infusion_interval_days");
  json_builder_add_int_value (builder, self->interval_days);

  for (guint t = 0; t < NH_RECORD_N_TABLES; t++)
    {
      json_builder_set_member_name (builder, json_members[t]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->tables[t]->len; i++)
        {
          const NhRecordEntry *entry = g_ptr_array_index (self->tables[t], i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, entry->id);
          for (guint c = 0; c < tables[t].n_columns; c++)
            {
              json_builder_set_member_name (builder, tables[t].columns[c].id);
              json_builder_add_string_value (builder, entry->values[c]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
nh_record_to_data (NhRecord *self,
                   gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = nh_record_to_json (self);

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, length);
}

gboolean
nh_record_save (NhRecord  *self,
                GError   **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);

  if (self->store == NULL)
    return TRUE;

  data = nh_record_to_data (self, &length);
  self->unsaved = !nh_store_save (self->store, NH_RECORD_FILE_NAME, data, length, error);

  return !self->unsaved;
}

/**
 * nh_record_get_saved:
 *
 * Returns: %FALSE when the last save failed (the change is only in
 *   memory), until a save works
 */
gboolean
nh_record_get_saved (NhRecord *self)
{
  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);

  return !self->unsaved;
}

/* Every change is saved at once: entries are added one at a time, by hand. */
static gboolean
changed (NhRecord  *self,
         int        table,
         GError   **error)
{
  gboolean saved = nh_record_save (self, error);

  g_signal_emit (self, signals[CHANGED], 0, table);

  return saved;
}

guint
nh_record_get_n_entries (NhRecord      *self,
                         NhRecordTable  table)
{
  g_return_val_if_fail (NH_IS_RECORD (self), 0);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, 0);

  return self->tables[table]->len;
}

/* In the order of their date, oldest first. */
const NhRecordEntry *
nh_record_get_entry (NhRecord      *self,
                     NhRecordTable  table,
                     guint          position)
{
  g_return_val_if_fail (NH_IS_RECORD (self), NULL);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, NULL);

  if (position >= self->tables[table]->len)
    return NULL;

  return g_ptr_array_index (self->tables[table], position);
}

static int
find_position (NhRecord      *self,
               NhRecordTable  table,
               const char    *id)
{
  for (guint i = 0; i < self->tables[table]->len; i++)
    if (g_strcmp0 (((NhRecordEntry *)g_ptr_array_index (self->tables[table], i))->id, id) == 0)
      return i;

  return -1;
}

const NhRecordEntry *
nh_record_find_entry (NhRecord      *self,
                      NhRecordTable  table,
                      const char    *id)
{
  int position;

  g_return_val_if_fail (NH_IS_RECORD (self), NULL);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, NULL);

  position = find_position (self, table, id);

  return position < 0 ? NULL : g_ptr_array_index (self->tables[table], position);
}

const char *
nh_record_entry_get (const NhRecordEntry *entry,
                     NhRecordTable        table,
                     const char          *column_id)
{
  int column = nh_record_find_column (table, column_id);

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (column >= 0, NULL);

  return entry->values[column];
}

static gboolean
set_problems_error (GError    **error,
                    NhRecordTable table,
                    GPtrArray  *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (problems, i), "\t", 2);
      int column = nh_record_find_column (table, parts[0]);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a problem with one value: "Dose: Write a number …" */
      g_string_append_printf (text, _("%s: %s"),
                              g_dgettext (GETTEXT_PACKAGE, tables[table].columns[column].label),
                              parts[1]);
    }

  g_set_error_literal (error, NH_RECORD_ERROR, NH_RECORD_ERROR_INVALID, text->str);
  return FALSE;
}

/**
 * nh_record_add_entry:
 * @values: one per column, in the order of nh_record_get_columns()
 * @id: (out) (optional): the new entry's id
 *
 * Adds an entry and saves the record. Nothing is added when a value does
 * not fit; the error names each problem. When saving fails the entry is
 * kept in memory and the error says why.
 */
gboolean
nh_record_add_entry (NhRecord            *self,
                     NhRecordTable        table,
                     const char * const  *values,
                     char               **id,
                     GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) normalized = NULL;
  NhRecordEntry *entry;

  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, FALSE);

  if (self->tables[table]->len >= NH_RECORD_MAX_ENTRIES)
    {
      g_set_error (error, NH_RECORD_ERROR, NH_RECORD_ERROR_FULL,
                   _("The record holds %u entries of this kind, as many as it can."),
                   NH_RECORD_MAX_ENTRIES);
      return FALSE;
    }

  if (!nh_record_check_entry (table, values, &normalized, problems))
    return set_problems_error (error, table, problems);

  entry = entry_new (NULL, normalized, tables[table].n_columns);
  insert_sorted (self->tables[table], entry);
  if (id != NULL)
    *id = g_strdup (entry->id);

  return changed (self, table, error);
}

/**
 * nh_record_add_entries:
 * @rows: (element-type GStrv): values, one per column, for each entry
 *
 * Adds many entries at once (an import), and saves once. Nothing is added
 * when any row does not fit.
 */
gboolean
nh_record_add_entries (NhRecord   *self,
                       NhRecordTable table,
                       GPtrArray  *rows,
                       GError    **error)
{
  g_autoptr(GPtrArray) checked = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, FALSE);

  if (self->tables[table]->len + rows->len > NH_RECORD_MAX_ENTRIES)
    {
      g_set_error (error, NH_RECORD_ERROR, NH_RECORD_ERROR_FULL,
                   _("The record holds %u entries of this kind, as many as it can."),
                   NH_RECORD_MAX_ENTRIES);
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
      GStrv normalized = NULL;

      if (!nh_record_check_entry (table, g_ptr_array_index (rows, i), &normalized, problems))
        return set_problems_error (error, table, problems);
      g_ptr_array_add (checked, normalized);
    }

  for (guint i = 0; i < checked->len; i++)
    insert_sorted (self->tables[table], entry_new (NULL, g_ptr_array_index (checked, i), tables[table].n_columns));

  return changed (self, table, error);
}

gboolean
nh_record_replace_entry (NhRecord            *self,
                         NhRecordTable        table,
                         const char          *id,
                         const char * const  *values,
                         GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) normalized = NULL;
  int position;

  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, FALSE);

  if ((position = find_position (self, table, id)) < 0)
    {
      g_set_error_literal (error, NH_RECORD_ERROR, NH_RECORD_ERROR_INVALID,
                           _("This entry is no longer in the record."));
      return FALSE;
    }

  if (!nh_record_check_entry (table, values, &normalized, problems))
    return set_problems_error (error, table, problems);

  g_ptr_array_remove_index (self->tables[table], position);
  insert_sorted (self->tables[table], entry_new (id, normalized, tables[table].n_columns));

  return changed (self, table, error);
}

gboolean
nh_record_remove_entry (NhRecord       *self,
                        NhRecordTable   table,
                        const char     *id,
                        GError        **error)
{
  int position;

  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);
  g_return_val_if_fail (table < NH_RECORD_N_TABLES, FALSE);

  if ((position = find_position (self, table, id)) < 0)
    return TRUE;

  g_ptr_array_remove_index (self->tables[table], position);

  return changed (self, table, error);
}

guint
nh_record_get_interval_days (NhRecord *self)
{
  g_return_val_if_fail (NH_IS_RECORD (self), 0);

  return self->interval_days;
}

/* @days: what the family's clinic told them; 0 for none */
gboolean
nh_record_set_interval_days (NhRecord  *self,
                             guint      days,
                             GError   **error)
{
  g_return_val_if_fail (NH_IS_RECORD (self), FALSE);

  if (days > NH_RECORD_MAX_INTERVAL)
    {
      g_set_error (error, NH_RECORD_ERROR, NH_RECORD_ERROR_INVALID,
                   _("The interval can be at most %u days."), NH_RECORD_MAX_INTERVAL);
      return FALSE;
    }

  if (days == self->interval_days)
    return TRUE;

  self->interval_days = days;

  return changed (self, -1, error);
}

/* Returns: (nullable): the latest infusion */
const NhRecordEntry *
nh_record_get_last_infusion (NhRecord *self)
{
  GPtrArray *infusions;

  g_return_val_if_fail (NH_IS_RECORD (self), NULL);

  infusions = self->tables[NH_RECORD_INFUSIONS];

  return infusions->len > 0 ? g_ptr_array_index (infusions, infusions->len - 1) : NULL;
}

/**
 * nh_record_dup_next_due:
 *
 * Returns: (nullable): the date (YYYY-MM-DD) the interval the family set
 *   gives after the last infusion, or NULL without an interval or infusion
 */
char *
nh_record_dup_next_due (NhRecord *self)
{
  const NhRecordEntry *last = nh_record_get_last_infusion (self);
  g_autoptr(GDate) date = NULL;
  char text[11];

  if (last == NULL || self->interval_days == 0)
    return NULL;

  date = g_date_new ();
  g_date_set_dmy (date, atoi (last->values[0] + 8), atoi (last->values[0] + 5), atoi (last->values[0]));
  g_date_add_days (date, self->interval_days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);

  return g_strdup (text);
}

/**
 * nh_record_dup_values:
 *
 * Returns: (transfer full): the different values the family typed in a
 *   column, the most recent first, for offering them again
 */
GStrv
nh_record_dup_values (NhRecord      *self,
                      NhRecordTable  table,
                      const char    *column_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  int column;

  g_return_val_if_fail (NH_IS_RECORD (self), NULL);
  g_return_val_if_fail ((column = nh_record_find_column (table, column_id)) >= 0, NULL);

  for (guint i = self->tables[table]->len; i > 0; i--)
    {
      const NhRecordEntry *entry = g_ptr_array_index (self->tables[table], i - 1);
      const char *value = entry->values[column];

      if (*value != '\0' && g_hash_table_add (seen, (gpointer)value))
        g_strv_builder_add (builder, value);
    }

  return g_strv_builder_end (builder);
}

/**
 * nh_record_find_lot:
 * @lot: a lot number, or part of one; case and spaces do not matter
 *
 * Returns: (transfer container) (element-type NhRecordEntry): the
 *   infusions that name it, newest first
 */
GPtrArray *
nh_record_find_lot (NhRecord   *self,
                    const char *lot)
{
  GPtrArray *found = g_ptr_array_new ();
  GPtrArray *infusions;
  g_autofree char *wanted = NULL;
  int column = nh_record_find_column (NH_RECORD_INFUSIONS, "lots");

  g_return_val_if_fail (NH_IS_RECORD (self), found);

  wanted = g_utf8_casefold (lot != NULL ? lot : "", -1);
  g_strstrip (wanted);
  if (*wanted == '\0')
    return found;

  infusions = self->tables[NH_RECORD_INFUSIONS];
  for (guint i = infusions->len; i > 0; i--)
    {
      const NhRecordEntry *entry = g_ptr_array_index (infusions, i - 1);
      g_autofree char *lots = g_utf8_casefold (entry->values[column], -1);

      if (strstr (lots, wanted) != NULL)
        g_ptr_array_add (found, (gpointer)entry);
    }

  return found;
}

/**
 * nh_record_dup_current_preventive:
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer container) (element-type NhRecordEntry): the
 *   preventive antibiotics started by @today and not ended before it
 */
GPtrArray *
nh_record_dup_current_preventive (NhRecord   *self,
                                  const char *today)
{
  GPtrArray *current = g_ptr_array_new ();
  GPtrArray *courses;
  int kind = nh_record_find_column (NH_RECORD_ANTIBIOTICS, "kind");
  int end = nh_record_find_column (NH_RECORD_ANTIBIOTICS, "end");

  g_return_val_if_fail (NH_IS_RECORD (self), current);

  courses = self->tables[NH_RECORD_ANTIBIOTICS];
  for (guint i = 0; i < courses->len; i++)
    {
      const NhRecordEntry *entry = g_ptr_array_index (courses, i);

      if (g_str_equal (entry->values[kind], "preventive") &&
          strcmp (entry->values[0], today) <= 0 &&
          (*entry->values[end] == '\0' || strcmp (entry->values[end], today) >= 0))
        g_ptr_array_add (current, (gpointer)entry);
    }

  return current;
}
