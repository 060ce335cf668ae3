/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-positions.c: where each value of a JSON document starts, by path
 *
 * json-glib 1.6 does not say where a node was in the text, but people
 * fixing an edition by hand need FILE:LINE:COLUMN. This walks a document
 * that already parsed and records, for every value, the line and column
 * (1-based, in characters) of its first character under the same path
 * syntax the checker uses: "sections[2].blocks[0].text".
 */

#include "nh-json-positions.h"

struct _NhJsonPositions
{
  GHashTable *positions;  /* path -> int[2]: line, column */
};

typedef struct
{
  const char *data;
  const char *end;
  const char *p;
  int         line;
  const char *line_start;
  GHashTable *positions;
  guint       depth;
} Scanner;

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
    {
      if (*s->p == '\n')
        {
          s->line++;
          s->line_start = s->p + 1;
        }
      s->p++;
    }
}

static void
record (Scanner    *s,
        const char *path)
{
  int *position = g_new (int, 2);

  position[0] = s->line;
  position[1] = (int)g_utf8_strlen (s->line_start, s->p - s->line_start) + 1;
  g_hash_table_insert (s->positions, g_strdup (path), position);
}

/* Reads a string token; returns its unescaped text (enough for keys). */
static char *
read_string (Scanner *s)
{
  GString *out = g_string_new (NULL);

  s->p++; /* opening quote */
  while (s->p < s->end && *s->p != '"')
    {
      if (*s->p == '\\' && s->p + 1 < s->end)
        {
          s->p++;
          switch (*s->p)
            {
            case 'n': g_string_append_c (out, '\n'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'u': g_string_append (out, "\\u"); break;
            default: g_string_append_c (out, *s->p); break;
            }
        }
      else
        g_string_append_c (out, *s->p);
      s->p++;
    }
  if (s->p < s->end)
    s->p++; /* closing quote */

  return g_string_free (out, FALSE);
}

static void scan_value (Scanner *s, const char *path);

static void
scan_object (Scanner    *s,
             const char *path)
{
  s->p++; /* { */
  skip_space (s);

  while (s->p < s->end && *s->p != '}')
    {
      g_autofree char *key = NULL;
      g_autofree char *child = NULL;

      if (*s->p != '"')
        return;
      key = read_string (s);
      child = *path ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
      skip_space (s);
      if (s->p >= s->end || *s->p != ':')
        return;
      s->p++;
      skip_space (s);
      scan_value (s, child);
      skip_space (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          skip_space (s);
        }
    }
  if (s->p < s->end)
    s->p++; /* } */
}

static void
scan_array (Scanner    *s,
            const char *path)
{
  guint index = 0;

  s->p++; /* [ */
  skip_space (s);

  while (s->p < s->end && *s->p != ']')
    {
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, index++);

      scan_value (s, child);
      skip_space (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          skip_space (s);
        }
      else if (s->p < s->end && *s->p != ']')
        return;
    }
  if (s->p < s->end)
    s->p++; /* ] */
}

static void
scan_value (Scanner    *s,
            const char *path)
{
  skip_space (s);
  if (s->p >= s->end || s->depth > 64)
    return;

  record (s, path);
  s->depth++;

  if (*s->p == '{')
    scan_object (s, path);
  else if (*s->p == '[')
    scan_array (s, path);
  else if (*s->p == '"')
    g_free (read_string (s));
  else
    while (s->p < s->end && !strchr (",]} \t\r\n", *s->p))
      s->p++;

  s->depth--;
}

NhJsonPositions *
nh_json_positions_new (const char *data,
                       gsize       length)
{
  NhJsonPositions *self = g_new0 (NhJsonPositions, 1);
  Scanner s = { data, data + length, data, 1, data, NULL, 0 };

  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.positions = self->positions;
  scan_value (&s, "");

  return self;
}

/* Finds @path, or the nearest enclosing value that exists (for a member
 * that is missing, the object that should have had it). */
gboolean
nh_json_positions_lookup (NhJsonPositions *self,
                          const char      *path,
                          int             *line,
                          int             *column)
{
  g_autofree char *current = g_strdup (path);

  g_return_val_if_fail (self != NULL, FALSE);

  while (TRUE)
    {
      gpointer value;
      char *cut;

      if (g_hash_table_lookup_extended (self->positions, current, NULL, &value))
        {
          *line = ((int *)value)[0];
          *column = ((int *)value)[1];
          return TRUE;
        }

      if (*current == '\0')
        return FALSE;

      /* "a.b[2]" -> "a.b" -> "a" -> "" */
      cut = MAX (strrchr (current, '.'), strrchr (current, '['));
      if (cut == NULL)
        *current = '\0';
      else
        *cut = '\0';
    }
}

void
nh_json_positions_free (NhJsonPositions *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->positions);
  g_free (self);
}
