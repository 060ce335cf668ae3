/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json-guard.c: what the first pass over untrusted JSON lets through */

#include <json-glib/json-glib.h>

#include "model/nh-json-guard.h"

static gboolean
check (const char  *text,
       guint        max_depth,
       gsize       *offset,
       GError     **error)
{
  return nh_json_guard_check (text, strlen (text), max_depth, offset, error);
}

/* Fails and returns the message, with the offset of the problem. */
static char *
refused (const char *text,
         gsize       expected_offset)
{
  g_autoptr(GError) error = NULL;
  gsize offset = G_MAXSIZE;

  g_assert_false (check (text, 8, &offset, &error));
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA);
  g_assert_cmpuint (offset, ==, expected_offset);

  return g_strdup (error->message);
}

static void
test_plain_json_passes (void)
{
  static const char * const good[] = {
    "{}",
    " { \"a\" : [1, -2.5e3, true, false, null, \"x\"] }\n",
    "{\"esc\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00\"}",
    "{\"brackets in text\": \"]]]}}} /* ' \"}",
    "[[[[[[[[]]]]]]]]",
    "null",
    "\"text\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", good[i]);
      g_assert_true (check (good[i], 8, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_too_deep (void)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  g_autofree char *message = NULL;

  for (guint i = 0; i < 9; i++)
    g_string_append_c (doc, '[');
  message = refused (doc->str, 8);
  g_assert_nonnull (strstr (message, "nested too deeply"));
}

/* json-glib keeps only the last of several values and leaks the others. */
static void
test_one_value_only (void)
{
  g_autofree char *objects = refused ("{} {}", 3);
  g_autofree char *scalar = refused ("0[1]", 1);
  g_autofree char *strings = refused ("\"a\" \"b\"", 4);
  g_autofree char *trailing = refused ("{\"a\": 1}, 2", 8);

  g_assert_nonnull (strstr (objects, "more than one value"));
  g_assert_nonnull (strstr (scalar, "more than one value"));
  g_assert_nonnull (strstr (strings, "more than one value"));
  g_assert_nonnull (strstr (trailing, "more than one value"));
}

/* A comment or a single-quoted string could hide brackets from the depth
 * count; JSON has neither. */
static void
test_no_comments_or_single_quotes (void)
{
  g_autofree char *comment = refused ("/* ]]] */ {}", 0);
  g_autofree char *line_comment = refused ("{} // x", 3);
  g_autofree char *quote = refused ("{'a\"': 1}", 1);

  g_assert_nonnull (strstr (comment, "comments"));
  g_assert_nonnull (strstr (line_comment, "comments"));
  g_assert_nonnull (strstr (quote, "double quotes"));
}

/* Each of these makes json-glib 1.6 produce text that is not UTF-8. */
static void
test_escapes_that_break_utf8 (void)
{
  g_autofree char *unpaired = refused ("{\"a\": \"\\ud800x\"}", 7);
  g_autofree char *low = refused ("{\"a\": \"\\udc00\"}", 7);
  g_autofree char *short_escape = refused ("{\"a\": \"\\ud80\"}", 7);
  g_autofree char *octal = refused ("{\"a\": \"\\601\"}", 7);

  g_assert_nonnull (strstr (unpaired, "unpaired surrogate"));
  g_assert_nonnull (strstr (low, "unpaired surrogate"));
  g_assert_nonnull (strstr (short_escape, "four hexadecimal digits"));
  g_assert_nonnull (strstr (octal, "unknown escape"));
}

static void
test_stray_close_and_empty (void)
{
  g_autofree char *stray = refused ("]", 0);
  g_autofree char *empty = refused (" \n\t", 0);

  g_assert_nonnull (strstr (stray, "closes nothing"));
  g_assert_nonnull (strstr (empty, "empty"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nh/json-guard/plain-json-passes", test_plain_json_passes);
  g_test_add_func ("/nh/json-guard/too-deep", test_too_deep);
  g_test_add_func ("/nh/json-guard/one-value-only", test_one_value_only);
  g_test_add_func ("/nh/json-guard/no-comments-or-single-quotes", test_no_comments_or_single_quotes);
  g_test_add_func ("/nh/json-guard/escapes-that-break-utf8", test_escapes_that_break_utf8);
  g_test_add_func ("/nh/json-guard/stray-close-and-empty", test_stray_close_and_empty);

  return g_test_run ();
}
