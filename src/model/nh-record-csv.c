/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-record-csv.c: the record's tables as CSV files (RFC 4180, UTF-8)
 *
 * How families move their spreadsheets in and out. One file per table; the
 * first row names the columns with the ids of nh_record_get_columns() (as
 * help/C/from-a-spreadsheet.page lists them), in any order; dates are
 * ISO 8601 (2026-03-31, 2026-03-31T18:30). Export writes every column, rows
 * oldest first, with CRLF line ends; fields with a comma, a quote or a line
 * break are quoted and quotes doubled.
 *
 * Import checks every row before it adds any: each problem names its row
 * (the header is row 1) and column, and a file with a problem adds
 * nothing. A row equal in every column to an entry already in the record
 * is skipped, so importing the same file twice adds it once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nh-record-csv.h"

static void
append_field (GString    *out,
              const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
nh_record_csv_export (NhRecord      *record,
                      NhRecordTable  table,
                      gsize         *length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_columns;
  const NhRecordColumn *columns = nh_record_get_columns (table, &n_columns);
  guint n = nh_record_get_n_entries (record, table);

  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, columns[c].id);
    }
  g_string_append (out, "\r\n");

  for (guint i = 0; i < n; i++)
    {
      const NhRecordEntry *entry = nh_record_get_entry (record, table, i);

      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, entry->values[c]);
        }
      g_string_append (out, "\r\n");
    }

  if (length != NULL)
    *length = out->len;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_problem (GPtrArray  *problems,
             guint       row,
             guint       column,
             const char *column_id,
             const char *message)
{
  if (problems == NULL)
    return;

  if (column == 0)
    /* Translators: a problem in a CSV file, "row 3: …" */
    g_ptr_array_add (problems, g_strdup_printf (_("row %u: %s"), row, message));
  else if (column_id != NULL)
    /* Translators: a problem in a CSV file: "row 3, column 2 (dose): …" */
    g_ptr_array_add (problems, g_strdup_printf (_("row %u, column %u (%s): %s"), row, column, column_id, message));
  else
    g_ptr_array_add (problems, g_strdup_printf (_("row %u, column %u: %s"), row, column, message));
}

/* Splits RFC 4180 text into rows of fields; also takes LF line ends and a
 * byte order mark. FALSE when a quoted field is not closed. */
static gboolean
parse_csv (const char  *data,
           gsize        length,
           GPtrArray   *rows,
           guint       *bad_row)
{
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  gboolean field_started = FALSE;
  gsize i = 0;
  guint line = 1;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;

  for (; i < length; i++)
    {
      char c = data[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < length && data[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, c);
          continue;
        }

      if (c == '"' && field->len == 0 && !field_started)
        {
          quoted = TRUE;
          field_started = TRUE;
        }
      else if (c == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          field_started = FALSE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          field_started = FALSE;
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
          row = g_ptr_array_new_with_free_func (g_free);
          line++;
        }
      else
        {
          g_string_append_c (field, c);
          field_started = TRUE;
        }
    }

  if (quoted)
    {
      *bad_row = line;
      g_ptr_array_unref (row);
      return FALSE;
    }

  /* The last line may have no line end. */
  if (field->len > 0 || field_started || row->len > 0)
    {
      g_ptr_array_add (row, g_strdup (field->str));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
    }
  else
    g_ptr_array_unref (row);

  return TRUE;
}

static gboolean
is_blank_row (char **fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    if (*fields[i] != '\0')
      return FALSE;

  return TRUE;
}

static gboolean
already_there (NhRecord       *record,
               NhRecordTable   table,
               char          **values,
               guint           n_columns)
{
  guint n = nh_record_get_n_entries (record, table);

  for (guint i = 0; i < n; i++)
    {
      const NhRecordEntry *entry = nh_record_get_entry (record, table, i);
      guint c;

      for (c = 0; c < n_columns; c++)
        if (!g_str_equal (entry->values[c], values[c]))
          break;
      if (c == n_columns)
        return TRUE;
    }

  return FALSE;
}

/**
 * nh_record_csv_import:
 * @n_added: (out) (optional): how many rows were added
 * @n_skipped: (out) (optional): how many were in the record already
 * @problems: (element-type utf8): gets one line per problem, in plain
 *   words with its row and column
 *
 * Adds the rows of a CSV file to @table, all or none.
 *
 * Returns: FALSE when the file has a problem (then @problems says which
 *   and nothing was added), or when saving failed (@error)
 */
gboolean
nh_record_csv_import (NhRecord       *record,
                      NhRecordTable   table,
                      const char     *data,
                      gsize           length,
                      guint          *n_added,
                      guint          *n_skipped,
                      GPtrArray      *problems,
                      GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  guint n_columns;
  const NhRecordColumn *columns = nh_record_get_columns (table, &n_columns);
  int positions[64];
  guint n_header;
  guint skipped = 0;
  guint bad_row = 0;
  guint problems_before = problems != NULL ? problems->len : 0;
  gboolean ok = TRUE;
  char **header;

  g_return_val_if_fail (NH_IS_RECORD (record), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (n_skipped != NULL)
    *n_skipped = 0;

  if (length > NH_RECORD_CSV_MAX_BYTES)
    {
      add_problem (problems, 1, 0, NULL, _("the file is too large (more than 8 MiB)"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      const char *end;

      g_utf8_validate_len (data, length, &end);
      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          bad_row++;
      add_problem (problems, bad_row + 1, 0, NULL,
                   _("this is not UTF-8 text; save the spreadsheet as “CSV UTF-8”"));
      return FALSE;
    }

  if (!parse_csv (data, length, rows, &bad_row))
    {
      add_problem (problems, bad_row, 0, NULL, _("a quoted field is not closed"));
      return FALSE;
    }

  if (rows->len == 0 || is_blank_row (g_ptr_array_index (rows, 0)))
    {
      add_problem (problems, 1, 0, NULL, _("the first row must name the columns"));
      return FALSE;
    }

  /* The header: known columns, each once, the required ones there. */
  header = g_ptr_array_index (rows, 0);
  n_header = g_strv_length (header);
  if (n_header > G_N_ELEMENTS (positions))
    {
      add_problem (problems, 1, 0, NULL, _("the first row has too many columns"));
      return FALSE;
    }

  for (guint h = 0; h < n_header; h++)
    {
      g_autofree char *name = g_strstrip (g_ascii_strdown (header[h], -1));

      positions[h] = nh_record_find_column (table, name);
      if (positions[h] < 0)
        {
          g_autofree char *message = g_strdup_printf (_("unknown column “%s”"), header[h]);

          add_problem (problems, 1, h + 1, NULL, message);
          ok = FALSE;
          continue;
        }
      for (guint k = 0; k < h; k++)
        if (positions[k] == positions[h])
          {
            g_autofree char *message = g_strdup_printf (_("the column “%s” is there twice"), name);

            add_problem (problems, 1, h + 1, NULL, message);
            ok = FALSE;
          }
    }

  for (guint c = 0; c < n_columns; c++)
    {
      guint h;

      if (!columns[c].required)
        continue;
      for (h = 0; h < n_header; h++)
        if (positions[h] == (int)c)
          break;
      if (h == n_header)
        {
          g_autofree char *message = g_strdup_printf (_("the column “%s” is missing"), columns[c].id);

          add_problem (problems, 1, 0, NULL, message);
          ok = FALSE;
        }
    }

  if (!ok)
    return FALSE;

  /* Every row, before anything is added. */
  for (guint r = 1; r < rows->len; r++)
    {
      char **fields = g_ptr_array_index (rows, r);
      g_autoptr(GPtrArray) row_problems = g_ptr_array_new_with_free_func (g_free);
      g_autofree char **values = g_new0 (char *, n_columns + 1);
      g_auto(GStrv) normalized = NULL;
      guint n_fields = g_strv_length (fields);

      if (is_blank_row (fields))
        continue;

      if (n_fields != n_header)
        {
          g_autofree char *message = g_strdup_printf (_("this row has %u fields, the first row %u"),
                                                      n_fields, n_header);

          add_problem (problems, r + 1, 0, NULL, message);
          continue;
        }

      for (guint c = 0; c < n_columns; c++)
        values[c] = "";
      for (guint h = 0; h < n_header; h++)
        values[positions[h]] = fields[h];

      if (!nh_record_check_entry (table, (const char * const *)values, &normalized, row_problems))
        {
          for (guint p = 0; p < row_problems->len; p++)
            {
              g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (row_problems, p), "\t", 2);
              int column = nh_record_find_column (table, parts[0]);
              guint h;

              for (h = 0; h < n_header; h++)
                if (positions[h] == column)
                  break;
              add_problem (problems, r + 1, h < n_header ? h + 1 : 0, parts[0], parts[1]);
            }
          continue;
        }

      if (already_there (record, table, normalized, n_columns))
        {
          skipped++;
          continue;
        }

      g_ptr_array_add (entries, g_steal_pointer (&normalized));
    }

  if (problems->len > problems_before)
    return FALSE;

  if (nh_record_get_n_entries (record, table) + entries->len > NH_RECORD_MAX_ENTRIES)
    {
      g_autofree char *message = g_strdup_printf (_("the record can hold %u entries of this kind; "
                                                    "this file would make %u"),
                                                  NH_RECORD_MAX_ENTRIES,
                                                  nh_record_get_n_entries (record, table) + entries->len);

      add_problem (problems, 1, 0, NULL, message);
      return FALSE;
    }

  if (n_skipped != NULL)
    *n_skipped = skipped;
  if (n_added != NULL)
    *n_added = entries->len;

  if (entries->len == 0)
    return TRUE;

  return nh_record_add_entries (record, table, entries, error);
}
