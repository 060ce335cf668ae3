/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-catalog.c: reading .mo catalogues and translating an edition */

#include <glib/gstdio.h>

#include "model/nh-catalog.h"
#include "model/nh-edition.h"
#include "nh-test-tmp.h"

#define TEST_PO \
  "msgid \"\"\n" \
  "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n" \
  "\n" \
  "msgctxt \"section:diagnosis\"\n" \
  "msgid \"Diagnosis\"\n" \
  "msgstr \"Diagnose\"\n" \
  "\n" \
  "msgctxt \"checklist\"\n" \
  "msgid \"Infection suspected\"\n" \
  "msgstr \"Verdacht auf Infektion\"\n" \
  "\n" \
  "msgid \"Readings\"\n" \
  "msgstr \"Messwerte\"\n" \
  "\n" \
  "msgid \"Untranslated\"\n" \
  "msgstr \"\"\n"

static gboolean
have_msgfmt (void)
{
  g_autofree char *path = g_find_program_in_path ("msgfmt");

  return path != NULL;
}

static char *
compile_test_catalog (void)
{
  g_autofree char *po = nh_test_tmp_path ("nh-test.po");
  char *mo = nh_test_tmp_path ("nh-test.mo");
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_file_set_contents (po, TEST_PO, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return mo;
}

static void
test_lookup (void)
{
  g_autofree char *mo = NULL;
  g_autoptr(NhCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_msgfmt ())
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return;
    }

  mo = compile_test_catalog ();
  catalog = nh_catalog_new_from_file ("de", mo, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (nh_catalog_pgettext (catalog, "section:diagnosis", "Diagnosis"), ==, "Diagnose");
  /* The context matters. */
  g_assert_cmpstr (nh_catalog_pgettext (catalog, "section:overview", "Diagnosis"), ==, "Diagnosis");
  g_assert_cmpstr (nh_catalog_gettext (catalog, "Readings"), ==, "Messwerte");
  g_assert_cmpstr (nh_catalog_gettext (catalog, "Untranslated"), ==, "Untranslated");
  /* Never the header for "". */
  g_assert_cmpstr (nh_catalog_gettext (catalog, ""), ==, "");
  g_assert_false (nh_catalog_is_rtl (catalog));
}

static void
test_translated_edition (void)
{
  g_autofree char *mo = NULL;
  g_autoptr(NhCatalog) catalog = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_msgfmt ())
    {
      g_test_skip ("msgfmt (gettext) is not installed");
      return;
    }

  mo = compile_test_catalog ();
  catalog = nh_catalog_new_from_file ("de", mo, &error);
  edition = nh_edition_new_builtin_translated (catalog, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (nh_section_get_title (nh_edition_find_section (edition, "diagnosis", NULL)),
                   ==, "Diagnose");
  g_assert_cmpstr (nh_edition_get_checklist_title (edition), ==, "Verdacht auf Infektion");
  /* Untranslated text stays English rather than disappearing. */
  g_assert_cmpstr (nh_section_get_title (nh_edition_find_section (edition, "overview", NULL)),
                   ==, "Overview");
  g_assert_cmpstr (nh_edition_get_language (edition), ==, "de");
  g_assert_nonnull (nh_edition_get_translation_note (edition));
}

static void
test_broken_catalog (void)
{
  g_autofree char *path = nh_test_tmp_path ("nh-broken.mo");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhCatalog) catalog = NULL;

  g_assert_true (g_file_set_contents (path, "\xde\x12\x04\x95 not really a catalogue", -1, NULL));
  catalog = nh_catalog_new_from_file ("xx", path, &error);
  g_assert_null (catalog);
  g_assert_nonnull (error);
  g_unlink (path);
}

static void
test_rtl (void)
{
  g_assert_true (nh_catalog_language_is_rtl ("ar"));
  g_assert_true (nh_catalog_language_is_rtl ("ar_EG"));
  g_assert_false (nh_catalog_language_is_rtl ("en"));
  g_assert_false (nh_catalog_language_is_rtl ("arn"));
}

/* data/edition/en.pot is generated; it must match the edition. */
static void
test_pot_fresh (void)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "edition-pot", NULL);
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "data", "edition", "en.json", NULL);
  g_autofree char *pot = g_test_build_filename (G_TEST_DIST, "..", "data", "edition", "en.pot", NULL);
  const char *argv[] = { "python3", script, json, NULL };
  g_autofree char *generated = NULL;
  g_autofree char *committed = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &generated, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_get_contents (pot, &committed, NULL, NULL));

  if (!g_str_equal (generated, committed))
    g_error ("data/edition/en.pot is stale: run build-aux/edition-pot data/edition/en.json data/edition/en.pot");
}

/* Typed text is set apart only where it runs the other way from its line. */
static void
test_isolate_in (void)
{
  static const struct {
    const char *text;
    gboolean    rtl;
    const char *shown;
  } cases[] = {
    { "Jane Doe", FALSE, "Jane Doe" },
    { "Jane Doe", TRUE, "\u2066Jane Doe\u2069" },
    { "ليلى حداد", FALSE, "\u2067ليلى حداد\u2069" },
    { "ليلى حداد", TRUE, "ليلى حداد" },
    /* The first letter decides; numbers and signs alone run left to right. */
    { "21 kg", TRUE, "\u206621 kg\u2069" },
    { "(الأم) mother", FALSE, "\u2067(الأم) mother\u2069" },
    { "12/03", TRUE, "\u206612/03\u2069" },
    { "12/03", FALSE, "12/03" },
    { "", FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = nh_text_isolate_in (cases[i].text, cases[i].rtl);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/catalog/lookup", test_lookup);
  g_test_add_func ("/nh/catalog/translated-edition", test_translated_edition);
  g_test_add_func ("/nh/catalog/broken", test_broken_catalog);
  g_test_add_func ("/nh/catalog/rtl", test_rtl);
  g_test_add_func ("/nh/catalog/isolate-in", test_isolate_in);
  g_test_add_func ("/nh/catalog/pot-fresh", test_pot_fresh);

  return g_test_run ();
}
