/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-guard.c: the one guarded way to parse untrusted JSON
 *
 * nh_json_guard_parse() is what every loader of a user or edition file
 * calls (see nh-json-guard.h): size, UTF-8, emptiness and the strict pass
 * below, then json-glib, with messages in plain, translated words.
 *
 * json-glib 1.6 parses recursively with no depth limit (deep nesting
 * overflows the stack), accepts several top-level values one after the
 * other (leaking all but the last), accepts comments and single-quoted
 * strings, and turns some escapes into text that is not valid UTF-8: an
 * unpaired surrogate ("\ud800x"), a short one ("\ud80") or an octal one
 * ("\601"). This pass refuses all of those, so every loader of a user or
 * edition file calls it before json_parser_load_from_data().
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "nh-json-guard.h"

static int
hex4 (const char *data,
      gsize       length,
      gsize       at)
{
  int value = 0;

  if (at + 4 > length)
    return -1;

  for (gsize i = at; i < at + 4; i++)
    {
      int digit = g_ascii_xdigit_value (data[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

static gboolean
fail (GError     **error,
      gsize       *error_offset,
      gsize        offset,
      const char  *message)
{
  if (error_offset != NULL)
    *error_offset = offset;
  g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, message);
  return FALSE;
}

/* Skips the string that starts at data[*i] (a quote); leaves *i on its
 * closing quote, or at @length when it is not closed (json-glib says so). */
static gboolean
skip_string (const char  *data,
             gsize        length,
             gsize       *i,
             gsize       *error_offset,
             GError     **error)
{
  for ((*i)++; *i < length && data[*i] != '"'; (*i)++)
    {
      int unit;

      if (data[*i] != '\\')
        continue;

      if (++(*i) >= length)
        break;

      /* json-glib also takes octal escapes such as \601, which give a
       * byte that is not UTF-8; JSON has only these. */
      if (strchr ("\"\\/bfnrt", data[*i]) != NULL && data[*i] != '\0')
        continue;

      if (data[*i] != 'u')
        return fail (error, error_offset, *i - 1,
                     _("unknown escape after \\ (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u)"));

      /* json-glib reads four characters after \u whatever they are, and
       * makes a surrogate out of "\ud80\"". */
      if ((unit = hex4 (data, length, *i + 1)) < 0)
        return fail (error, error_offset, *i - 1, _("a \\u escape needs four hexadecimal digits"));

      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail (error, error_offset, *i - 1,
                     _("a \\u escape holds half of a character (an unpaired surrogate)"));

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low;

          if (*i + 6 >= length || data[*i + 5] != '\\' || data[*i + 6] != 'u' ||
              (low = hex4 (data, length, *i + 7)) < 0xDC00 || low > 0xDFFF)
            return fail (error, error_offset, *i - 1,
                         _("a \\u escape holds half of a character (an unpaired surrogate)"));
          *i += 6;
        }

      *i += 4;
    }

  return TRUE;
}

/**
 * nh_json_guard_check:
 * @data: the document, valid UTF-8
 * @max_depth: how deeply objects and arrays may nest
 * @error_offset: (out) (optional): the byte where the problem is
 *
 * Checks that @data is one JSON value of plain JSON syntax, nested at most
 * @max_depth levels, that json-glib can then parse safely. Other syntax
 * errors are left for json-glib to report.
 *
 * Returns: %FALSE with @error set, in plain words, when it is not
 */
gboolean
nh_json_guard_check (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     gsize       *error_offset,
                     GError     **error)
{
  guint depth = 0;
  guint n_values = 0;
  gboolean in_scalar = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      gboolean starts_value = FALSE;

      switch (c)
        {
        case ' ': case '\t': case '\n': case '\r':
          in_scalar = FALSE;
          break;

        case '/':
          return fail (error, error_offset, i, _("comments are not allowed in JSON"));

        case '\'':
          return fail (error, error_offset, i, _("text must be in double quotes, not single quotes"));

        case '"':
          starts_value = depth == 0;
          in_scalar = FALSE;
          if (starts_value && n_values > 0)
            return fail (error, error_offset, i, _("more than one value: the document must be one object"));
          if (!skip_string (data, length, &i, error_offset, error))
            return FALSE;
          break;

        case '{': case '[':
          starts_value = depth == 0;
          in_scalar = FALSE;
          if (starts_value && n_values > 0)
            return fail (error, error_offset, i, _("more than one value: the document must be one object"));
          if (++depth > max_depth)
            {
              g_autofree char *message = g_strdup_printf (_("the document is nested too deeply "
                                                            "(more than %u levels)"), max_depth);
              return fail (error, error_offset, i, message);
            }
          break;

        case '}': case ']':
          in_scalar = FALSE;
          if (depth == 0)
            return fail (error, error_offset, i, c == '}' ? _("a } closes nothing") : _("a ] closes nothing"));
          depth--;
          break;

        default:
          /* Numbers, true, false, null and the , and : between values. */
          if (depth == 0 && !in_scalar)
            {
              if (n_values > 0)
                return fail (error, error_offset, i, _("more than one value: the document must be one object"));
              starts_value = TRUE;
              in_scalar = TRUE;
            }
          break;
        }

      if (starts_value)
        n_values++;
    }

  if (n_values == 0)
    return fail (error, error_offset, 0, _("the document is empty"));

  return TRUE;
}

/* Line and column (from 1, the column in characters) of byte @offset. */
static void
locate (const char        *data,
        gsize              offset,
        NhJsonGuardPlace  *place)
{
  const char *line_start = data;

  place->offset = offset;
  place->line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        place->line++;
        line_start = data + i + 1;
      }
  place->column = (int)g_utf8_strlen (line_start, data + offset - line_start) + 1;
}

static JsonNode *
refuse (GError           **error,
        NhJsonGuardPlace  *place,
        const char        *data,
        gsize              offset,
        const char        *message)
{
  if (place != NULL && offset != G_MAXSIZE)
    locate (data, offset, place);
  g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, message);
  return NULL;
}

/**
 * nh_json_guard_parse:
 * @data: (array length=length): the document as read, not yet checked
 * @max_bytes: the largest document this kind of file may be
 * @max_depth: how deeply its objects and arrays may nest
 * @place: (out caller-allocates) (optional): where the problem is, when
 *   it has a place (else line 0)
 *
 * Refuses, before json-glib sees it, a document that is too large, empty,
 * not UTF-8, nested too deeply, or not one plain JSON value (see
 * nh_json_guard_check()), then parses it. Every check is linear in
 * @length. The messages are translated, in plain words, and fit in a
 * sentence such as "The card could not be read (%s)."
 *
 * Returns: (transfer full) (nullable): the root, or %NULL with @error set
 *   in the %JSON_PARSER_ERROR domain
 */
JsonNode *
nh_json_guard_parse (const char        *data,
                     gsize              length,
                     gsize              max_bytes,
                     guint              max_depth,
                     NhJsonGuardPlace  *place,
                     GError           **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *invalid;
  gsize offset = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (place != NULL)
    *place = (NhJsonGuardPlace) { G_MAXSIZE, 0, 0 };

  if (length > max_bytes)
    {
      g_autofree char *bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, length);
      g_autofree char *size = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message =
        /* Translators: the first %s is a number of bytes, the second a size
         * such as "4.0 MiB" */
        g_strdup_printf (_("the document is too large (%s bytes; at most %s)"), bytes, size);

      return refuse (error, place, data, G_MAXSIZE, message);
    }

  if (length == 0)
    return refuse (error, place, data, G_MAXSIZE, _("the document is empty"));

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_autofree char *byte = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize)(invalid - data));
      /* Translators: %s is the number of the first wrong byte */
      g_autofree char *message = g_strdup_printf (_("the text is not valid UTF-8 (at byte %s)"), byte);

      /* What comes before @invalid is UTF-8, so it has a line and column. */
      return refuse (error, place, data, invalid - data, message);
    }

  if (!nh_json_guard_check (data, length, max_depth, &offset, &local_error))
    return refuse (error, place, data, offset, local_error->message);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib cuts a long string in its message in mid-character, and
       * starts with "<data>:LINE:COLUMN: Parse error: ": the place goes in
       * @place instead. */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);
      const char *text = strstr (valid, "Parse error: ") ? strstr (valid, "Parse error: ") + strlen ("Parse error: ")
                                                         : valid;

      if (place != NULL &&
          sscanf (local_error->message, "<data>:%d:%d:", &place->line, &place->column) != 2)
        place->line = place->column = 0;

      /* Translators: %s is json-glib's description of the error */
      g_set_error (error, local_error->domain, local_error->code, _("syntax error: %s"), text);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    return refuse (error, place, data, G_MAXSIZE, _("the document is empty"));

  return json_node_ref (json_parser_get_root (parser));
}
