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
  const char *counted;    /* characters of this line are counted up to here */
  int         column;     /* the column (from 0) at @counted */
  GHashTable *positions;
  GHashTable *wanted;     /* (nullable): the only paths to record */
  guint       depth;
  guint       muted;      /* inside a value whose path is not recorded */
} Scanner;

/* A path longer than this is not recorded (nor anything inside it): a
 * problem there is placed at the nearest value outside it. Without it a
 * long key over a long array costs the key's length for every element. */
#define MAX_PATH_BYTES 1024

static void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n'))
    {
      if (*s->p == '\n')
        {
          s->line++;
          s->line_start = s->p + 1;
          s->counted = s->line_start;
          s->column = 0;
        }
      s->p++;
    }
}

static void
record (Scanner    *s,
        const char *path)
{
  int *position;

  if (s->muted > 0)
    return;

  /* Count only what lies between this value and the last one on the same
   * line: counting from the line's start every time made a document on one
   * line cost the square of its length. */
  s->column += (int)g_utf8_strlen (s->counted, s->p - s->counted);
  s->counted = s->p;

  position = g_new (int, 2);
  position[0] = s->line;
  position[1] = s->column + 1;
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

/* Whether @path, or anything under it, is to be recorded. The wanted set
 * holds every wanted path with all its ancestors, so a path outside it has
 * nothing wanted under it. */
static gboolean
wants (Scanner    *s,
       const char *path)
{
  if (path == NULL)
    return FALSE;
  if (s->wanted != NULL)
    return g_hash_table_contains (s->wanted, path);
  return strlen (path) <= MAX_PATH_BYTES;
}

/* Whether anything under @path is to be recorded: when not, its members'
 * paths are not even made (a long key over a long array would cost the
 * key's length for every element). */
static gboolean
wants_under (Scanner    *s,
             const char *path)
{
  if (path == NULL || s->muted > 0)
    return FALSE;
  if (s->wanted != NULL)
    return GPOINTER_TO_INT (g_hash_table_lookup (s->wanted, path));
  return strlen (path) <= MAX_PATH_BYTES;
}

/* @path is NULL inside a muted value. */
static void
scan_object (Scanner    *s,
             const char *path)
{
  gboolean under = wants_under (s, path);

  s->p++; /* { */
  skip_space (s);

  while (s->p < s->end && *s->p != '}')
    {
      g_autofree char *key = NULL;
      g_autofree char *child = NULL;
      gboolean mute;

      if (*s->p != '"')
        return;
      key = read_string (s);
      if (under)
        child = *path ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
      skip_space (s);
      if (s->p >= s->end || *s->p != ':')
        return;
      s->p++;
      skip_space (s);
      mute = !wants (s, child);
      s->muted += mute;
      scan_value (s, child);
      s->muted -= mute;
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
  gboolean under = wants_under (s, path);

  s->p++; /* [ */
  skip_space (s);

  while (s->p < s->end && *s->p != ']')
    {
      g_autofree char *child = NULL;
      gboolean mute;

      if (under)
        child = g_strdup_printf ("%s[%u]", path, index);
      index++;

      mute = !wants (s, child);
      s->muted += mute;
      scan_value (s, child);
      s->muted -= mute;
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

static NhJsonPositions *
positions_new (const char *data,
               gsize       length,
               GHashTable *wanted)
{
  NhJsonPositions *self = g_new0 (NhJsonPositions, 1);
  Scanner s = { data, data + length, data, 1, data, data, 0, NULL, wanted, 0, 0 };

  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s.positions = self->positions;
  if (wants (&s, ""))
    scan_value (&s, "");

  return self;
}

/**
 * nh_json_positions_new:
 *
 * Records the position of every value (but none under a path longer than
 * MAX_PATH_BYTES). For a few problems in a large document,
 * nh_json_positions_new_for_paths() does much less work.
 */
NhJsonPositions *
nh_json_positions_new (const char *data,
                       gsize       length)
{
  return positions_new (data, length, NULL);
}

/* "a.b[2]" -> "a.b" -> "a" -> "", as nh_json_positions_lookup() goes. */
static gboolean
cut_path (char *path)
{
  char *cut;

  if (*path == '\0')
    return FALSE;
  cut = MAX (strrchr (path, '.'), strrchr (path, '['));
  if (cut == NULL)
    *path = '\0';
  else
    *cut = '\0';
  return TRUE;
}

/**
 * nh_json_positions_new_for_paths:
 * @paths: (array length=n_paths): the paths that will be looked up
 *
 * Records only @paths and the values that enclose them (what
 * nh_json_positions_lookup() falls back to): the time grows with the
 * document's length and the paths' total length, and nothing is allocated
 * for the values in between.
 */
NhJsonPositions *
nh_json_positions_new_for_paths (const char         *data,
                                 gsize               length,
                                 const char * const *paths,
                                 guint               n_paths)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n_paths; i++)
    {
      g_autofree char *path = g_strdup (paths[i] ? paths[i] : "");
      gboolean under = FALSE;

      /* Each path maps to whether something under it is wanted. Once an
       * ancestor is there with TRUE, all of its own ancestors are too. */
      do
        {
          gpointer known;

          if (g_hash_table_lookup_extended (wanted, path, NULL, &known) &&
              (GPOINTER_TO_INT (known) || !under))
            break;
          g_hash_table_insert (wanted, g_strdup (path), GINT_TO_POINTER (under));
          under = TRUE;
        }
      while (cut_path (path));
    }

  return positions_new (data, length, wanted);
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

  do
    {
      gpointer value;

      if (g_hash_table_lookup_extended (self->positions, current, NULL, &value))
        {
          *line = ((int *)value)[0];
          *column = ((int *)value)[1];
          return TRUE;
        }
    }
  while (cut_path (current));

  return FALSE;
}

void
nh_json_positions_free (NhJsonPositions *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->positions);
  g_free (self);
}
