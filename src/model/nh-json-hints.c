/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-hints.c: syntax mistakes named as a volunteer would name them
 *
 * json-glib says where it stopped ("unexpected character `,'"), which is
 * often a line after the mistake. For the mistakes people make when they
 * edit an edition by hand, or paste it through a word processor, this walks
 * the document once (linear time, no recursion) and says what the mistake
 * is, where it is: curly quotes, a missing comma, a comma after the last
 * entry. Anything else keeps json-glib's message.
 */

#include "config.h"

#include <string.h>

#include "nh-json-hints.h"

#define MAX_DEPTH 256

typedef enum
{
  EXPECT_VALUE,        /* after ':' or '[' or an array's ',' */
  EXPECT_KEY,          /* after '{' or an object's ',' */
  EXPECT_COLON,        /* after a key */
  EXPECT_SEPARATOR,    /* after a value: ',' or the container's end */
} Expect;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  int         line;
  int         column;
} Scanner;

static void
advance (Scanner *scanner)
{
  if (scanner->data[scanner->pos] == '\n')
    {
      scanner->line++;
      scanner->column = 1;
    }
  else if (((guchar)scanner->data[scanner->pos] & 0xC0) != 0x80)
    scanner->column++;

  scanner->pos++;
}

static gboolean
is_curly_quote (const Scanner *scanner)
{
  const guchar *p = (const guchar *)scanner->data + scanner->pos;

  return scanner->pos + 2 < scanner->length + 0 && p[0] == 0xE2 && p[1] == 0x80 &&
         (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x98 || p[2] == 0x99);
}

static gboolean
hint (char      **message,
      int        *line,
      int        *column,
      int         at_line,
      int         at_column,
      const char *text)
{
  *message = g_strdup (text);
  *line = at_line;
  *column = at_column;

  return TRUE;
}

/**
 * nh_json_hint_syntax:
 * @message: (out): the mistake, in plain words
 * @line: (out): where it is, from 1
 * @column: (out): where it is, from 1, in characters
 *
 * Returns: whether the document has one of the mistakes this knows
 */
gboolean
nh_json_hint_syntax (const char  *data,
                     gsize        length,
                     char       **message,
                     int         *line,
                     int         *column)
{
  Scanner scanner = { data, length, 0, 1, 1 };
  char stack[MAX_DEPTH];
  guint depth = 0;
  Expect expect = EXPECT_VALUE;
  gboolean after_comma = FALSE;
  int comma_line = 0, comma_column = 0;
  int end_line = 0, end_column = 0;   /* just after the last value */

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (message != NULL && line != NULL && column != NULL, FALSE);

  while (scanner.pos < length)
    {
      char c = data[scanner.pos];
      gboolean value_start;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          advance (&scanner);
          continue;
        }

      if (is_curly_quote (&scanner))
        return hint (message, line, column, scanner.line, scanner.column,
                     "curly quotes (\u201c \u201d or \u2018 \u2019), as a word processor types them: "
                     "JSON needs straight quotes (\") around every text and name");

      value_start = c == '"' || c == '{' || c == '[' || c == '-' || g_ascii_isdigit (c) ||
                    c == 't' || c == 'f' || c == 'n';

      if (expect == EXPECT_SEPARATOR && value_start)
        return hint (message, line, column, end_line, end_column,
                     "a comma is missing here, between this value and the next");

      if ((c == '}' || c == ']') && after_comma)
        return hint (message, line, column, comma_line, comma_column,
                     "a comma after the last entry: take it out, JSON allows none there");

      after_comma = FALSE;

      switch (c)
        {
        case '{':
        case '[':
          if (expect != EXPECT_VALUE || depth == MAX_DEPTH)
            return FALSE;
          stack[depth++] = c;
          expect = c == '{' ? EXPECT_KEY : EXPECT_VALUE;
          advance (&scanner);
          /* An empty container is a value at once. */
          continue;

        case '}':
        case ']':
          if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '[') ||
              (expect != EXPECT_SEPARATOR && !(expect == (c == '}' ? EXPECT_KEY : EXPECT_VALUE))))
            return FALSE;
          depth--;
          advance (&scanner);
          expect = EXPECT_SEPARATOR;
          end_line = scanner.line;
          end_column = scanner.column;
          continue;

        case ',':
          if (expect != EXPECT_SEPARATOR || depth == 0)
            return FALSE;
          after_comma = TRUE;
          comma_line = scanner.line;
          comma_column = scanner.column;
          expect = stack[depth - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
          advance (&scanner);
          continue;

        case ':':
          if (expect != EXPECT_COLON)
            return FALSE;
          expect = EXPECT_VALUE;
          advance (&scanner);
          continue;

        case '"':
          {
            gboolean key = expect == EXPECT_KEY;

            if (expect != EXPECT_VALUE && expect != EXPECT_KEY)
              return FALSE;

            advance (&scanner);
            while (scanner.pos < length && data[scanner.pos] != '"')
              {
                if (data[scanner.pos] == '\\' && scanner.pos + 1 < length)
                  advance (&scanner);
                if (data[scanner.pos] == '\n')
                  return FALSE;
                advance (&scanner);
              }
            if (scanner.pos >= length)
              return FALSE;
            advance (&scanner);
            expect = key ? EXPECT_COLON : EXPECT_SEPARATOR;
            end_line = scanner.line;
            end_column = scanner.column;
          }
          continue;

        default:
          if (expect != EXPECT_VALUE || !value_start)
            return FALSE;
          while (scanner.pos < length &&
                 (g_ascii_isalnum (data[scanner.pos]) || strchr ("+-.", data[scanner.pos])))
            advance (&scanner);
          expect = EXPECT_SEPARATOR;
          end_line = scanner.line;
          end_column = scanner.column;
          continue;
        }
    }

  return FALSE;
}
