/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-guard.c: a strict first pass over untrusted JSON, before json-glib
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
                     "unknown escape after \\ (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u)");

      /* json-glib reads four characters after \u whatever they are, and
       * makes a surrogate out of "\ud80\"". */
      if ((unit = hex4 (data, length, *i + 1)) < 0)
        return fail (error, error_offset, *i - 1, "a \\u escape needs four hexadecimal digits");

      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return fail (error, error_offset, *i - 1,
                     "a \\u escape holds half of a character (an unpaired surrogate)");

      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          int low;

          if (*i + 6 >= length || data[*i + 5] != '\\' || data[*i + 6] != 'u' ||
              (low = hex4 (data, length, *i + 7)) < 0xDC00 || low > 0xDFFF)
            return fail (error, error_offset, *i - 1,
                         "a \\u escape holds half of a character (an unpaired surrogate)");
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
          return fail (error, error_offset, i, "comments are not allowed in JSON");

        case '\'':
          return fail (error, error_offset, i, "text must be in double quotes, not single quotes");

        case '"':
          starts_value = depth == 0;
          in_scalar = FALSE;
          if (starts_value && n_values > 0)
            return fail (error, error_offset, i, "more than one value: the document must be one object");
          if (!skip_string (data, length, &i, error_offset, error))
            return FALSE;
          break;

        case '{': case '[':
          starts_value = depth == 0;
          in_scalar = FALSE;
          if (starts_value && n_values > 0)
            return fail (error, error_offset, i, "more than one value: the document must be one object");
          if (++depth > max_depth)
            {
              g_autofree char *message = g_strdup_printf ("the document is nested too deeply "
                                                          "(more than %u levels)", max_depth);
              return fail (error, error_offset, i, message);
            }
          break;

        case '}': case ']':
          in_scalar = FALSE;
          if (depth == 0)
            return fail (error, error_offset, i, c == '}' ? "a } closes nothing" : "a ] closes nothing");
          depth--;
          break;

        default:
          /* Numbers, true, false, null and the , and : between values. */
          if (depth == 0 && !in_scalar)
            {
              if (n_values > 0)
                return fail (error, error_offset, i, "more than one value: the document must be one object");
              starts_value = TRUE;
              in_scalar = TRUE;
            }
          break;
        }

      if (starts_value)
        n_values++;
    }

  if (n_values == 0)
    return fail (error, error_offset, 0, "the document is empty");

  return TRUE;
}
