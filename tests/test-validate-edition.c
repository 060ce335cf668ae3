/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-validate-edition.c: nemo-handbook --validate-edition, line by line */

#include <glib/gstdio.h>

#include "model/nh-edition.h"
#include "nh-test-tmp.h"

static const char *binary;

/* The template, as a group starts from it: the exported built-in edition. */
static char *
template_path (void)
{
  char *path = nh_test_tmp_path ("nh-validate-template.json");
  const char *argv[] = { binary, NULL, NULL };
  g_autofree char *arg = g_strdup_printf ("--export-edition-template=%s", path);
  int status;

  argv[1] = arg;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return path;
}

static char *
validate (const char *path,
          int        *exit_status)
{
  g_autofree char *arg = g_strdup_printf ("--validate-edition=%s", path);
  const char *argv[] = { binary, arg, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  /* Never a crash: an exit status, whatever the file. */
  g_assert_true (WIFEXITED (status));
  *exit_status = WEXITSTATUS (status);

  return out;
}

/* Writes the template with @find replaced by @replace (once). */
static char *
broken_template (const char *find,
                 const char *replace)
{
  g_autofree char *path = template_path ();
  g_autofree char *text = NULL;
  g_autoptr(GString) doc = NULL;
  char *broken = nh_test_tmp_path ("nh-validate-broken.json");

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  doc = g_string_new (text);
  g_assert_cmpuint (g_string_replace (doc, find, replace, 1), ==, 1);
  g_assert_true (g_file_set_contents (broken, doc->str, doc->len, NULL));

  return broken;
}

static void
test_template_is_valid (void)
{
  g_autofree char *path = template_path ();
  g_autofree char *out = NULL;
  int status;

  out = validate (path, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_suffix (out, ": valid (0 warnings)\n"));
}

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  const char *line;    /* the exact problem line, after "FILE:" */
} Case;

/* Line and column point at the value (template lines as the generator
 * writes them: two-space indent, "key" : value). */
static const Case cases[] = {
  { "syntax", "\"format\" : 1,", "\"format\" : 1,,",
    "2:15: error: syntax error: unexpected character `,', expected string constant" },
  { "wrong-type", "\"version\" : \"1.0\"", "\"version\" : 1.0",
    "6:15: error: version: must be text" },
  { "missing", "  \"last_reviewed\" : \"2026-11-25\",\n", "",
    "1:1: error: last_reviewed: missing" },
  { "unknown-field", "\"format\" : 1,", "\"format\" : 1, \"colour\" : \"red\",",
    "2:28: warning: colour: unknown field, ignored" },
  { "duplicate-id", "\"id\" : \"infections\"", "\"id\" : \"overview\"",
    "sections[1].id: (section 2, Infections) duplicate id \"overview\"" },
  { "empty-title", "\"title\" : \"Diagnosis\"", "\"title\" : \"  \"",
    "sections[3].title: (section 4) empty" },
  { "invalid-date", "\"last_reviewed\" : \"2026-11-25\"", "\"last_reviewed\" : \"2026-02-30\"",
    "7:21: error: last_reviewed: \"2026-02-30\" is not a date written as YYYY-MM-DD" },
  { "unknown-language", "\"language\" : \"en\"", "\"language\" : \"qq\"",
    "5:16: error: language: \"qq\" is not a language code (like en, de or pt-BR)" },
  /* Mistakes of hand editing, named where they are. */
  { "curly-quotes", "\"version\" : \"1.0\"", "\u201cversion\u201d : \"1.0\"",
    "6:3: error: syntax error: curly quotes (\u201c \u201d or \u2018 \u2019), as a word processor types them: "
    "JSON needs straight quotes (\") around every text and name" },
  { "missing-comma", "\"version\" : \"1.0\",", "\"version\" : \"1.0\"",
    "6:20: error: syntax error: a comma is missing here, between this value and the next" },
  { "trailing-comma", "\"G3\"\n", "\"G3\",\n",
    "14:11: error: syntax error: a comma after the last entry: take it out, JSON allows none there" },
  { "did-you-mean", "\"format\" : 1,", "\"format\" : 1, \"titel\" : \"x\",",
    "2:27: warning: titel: unknown field, ignored; did you mean \"title\"?" },
  { "invalid-utf8", "\"title\" : \"NEMO Handbook\"", "\"title\" : \"NEMO \xff Handbook\"",
    "4:19: error: the text is not valid UTF-8 (at byte 60)" },
};

static void
test_problem (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *path = broken_template (c->find, c->replace);
  g_autofree char *out = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:", path);
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;
  int status;

  out = validate (path, &status);
  lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix) && g_str_has_suffix (lines[i], c->line))
      found = TRUE;

  if (!found)
    g_error ("expected a line ending in “%s” in:\n%s", c->line, out);

  g_assert_cmpint (status, ==, g_str_equal (c->name, "unknown-field") || g_str_equal (c->name, "did-you-mean") ? 0 : 1);
}

static void
test_too_long_text (void)
{
  g_autofree char *long_text = g_strnfill (NH_EDITION_MAX_TEXT_CHARS + 1, 'x');
  g_autofree char *replace = g_strdup_printf ("\"title\" : \"%s\"", long_text);
  g_autofree char *path = broken_template ("\"title\" : \"Diagnosis\"", replace);
  g_autofree char *out = NULL;
  int status;

  out = validate (path, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, ": error: sections[3].title: (section 4, xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…) too long"));
}

static void
test_too_large (void)
{
  g_autofree char *path = nh_test_tmp_path ("nh-validate-large.json");
  g_autofree char *big = g_strnfill (NH_EDITION_MAX_BYTES + 1, ' ');
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, big, -1, NULL));
  out = validate (path, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "too large"));
}

static void
test_too_deep (void)
{
  g_autofree char *path = nh_test_tmp_path ("nh-validate-deep.json");
  g_autofree char *deep = g_strnfill (5000, '[');
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_file_set_contents (path, deep, -1, NULL));
  out = validate (path, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "deep"));
}

static void
test_unreadable (void)
{
  g_autofree char *out = NULL;
  g_autofree char *folder = NULL;
  int status;

  out = validate ("/nonexistent/edition.json", &status);
  g_assert_cmpint (status, ==, 2);
  out = (g_free (out), validate ((folder = nh_test_tmp_path (".")), &status));
  g_assert_cmpint (status, ==, 2);
}

/* Every broken file the fuzzers keep: exit 1 or 2, never a crash. */
static void
test_corpus (void)
{
  static const char * const dirs[] = { "corpus", "regressions" };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz", dirs[d], "edition", NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *out = NULL;
          int status;

          out = validate (path, &status);
          g_test_message ("%s: %d", name, status);
          g_assert_cmpint (status, <=, 2);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  binary = g_getenv ("NH_BINARY");
  if (binary == NULL)
    g_error ("NH_BINARY is not set");

  g_test_add_func ("/nh/validate-edition/template-is-valid", test_template_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nh/validate-edition/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_problem);
    }
  g_test_add_func ("/nh/validate-edition/too-long-text", test_too_long_text);
  g_test_add_func ("/nh/validate-edition/too-large", test_too_large);
  g_test_add_func ("/nh/validate-edition/too-deep", test_too_deep);
  g_test_add_func ("/nh/validate-edition/unreadable", test_unreadable);
  g_test_add_func ("/nh/validate-edition/corpus", test_corpus);

  return g_test_run ();
}
