/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: the app in other languages: window, printouts, bilingual card */

#include "config.h"

#include <glib/gstdio.h>

#include "model/nh-card.h"
#include "model/nh-catalog.h"
#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "nh-test-ui.h"
#include "render/nh-card-render.h"
#include "render/nh-paper.h"

static const char *binary;

static gboolean
have_language (const char *language)
{
  g_auto(GStrv) available = nh_catalog_list_languages ();

  return g_strv_contains ((const char * const *)available, language);
}

static char *
run_export (const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *path = nh_test_tmp_path ("nh-i18n.pdf");
  g_autofree char *output = g_strdup_printf ("--output=%s", path);
  int status;

  g_strv_builder_add (builder, binary);
  g_strv_builder_addv (builder, (const char **)args);
  g_strv_builder_add (builder, output);
  argv = g_strv_builder_end (builder);

  g_unlink (path);
  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[1], err);

  return path;
}

static void
test_window_in_arabic (void)
{
  NhApplication *app = nh_test_ui_get_app ();
  NhWindow *window;
  NhEdition *edition;

  if (!have_language ("ar"))
    {
      g_test_skip ("no Arabic catalogue built");
      return;
    }

  window = nh_test_ui_open_window (1000, 700);
  nh_application_set_language (app, "ar");
  edition = nh_application_get_edition (app);

  g_assert_cmpstr (nh_edition_get_language (edition), ==, "ar");
  g_assert_true (nh_edition_is_rtl (edition));
  /* Section titles are translated and the page mirrors. */
  g_assert_cmpstr (nh_section_get_title (nh_edition_find_section (edition, "overview", NULL)), !=, "Overview");
  g_assert_nonnull (nh_edition_get_translation_note (edition));
  g_assert_cmpstr (nh_window_get_section_id (window), ==, "overview");

  nh_application_set_language (app, "en");
  g_assert_cmpstr (nh_section_get_title (nh_edition_find_section (nh_application_get_edition (app),
                                                                  "overview", NULL)), ==, "Overview");
  nh_test_ui_close_window (window);
}

static void
test_arabic_checklist_from_english_desktop (void)
{
  static const char * const args[] = { "--export=checklist", "--blank", "--paper=a6", "--language=ar", NULL };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gboolean arabic = FALSE;

  if (!have_language ("ar") || !nh_test_pdf_tools_available ())
    {
      g_test_skip ("no Arabic catalogue or no poppler-utils");
      return;
    }

  path = run_export (args);
  text = nh_test_pdf_text (path);

  /* Arabic letters (U+0600..U+06FF) in the text layer. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0600 && g_utf8_get_char (p) <= 0x06FF)
      arabic = TRUE;
  g_assert_true (arabic);
  g_assert_null (strstr (text, "Infection suspected"));
}

static void
test_translated_checklist_and_card (void)
{
  static const char * const languages[] = { "de", "fr", "es" };

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *language = g_strdup_printf ("--language=%s", languages[i]);
      const char *checklist_args[] = { "--export=checklist", "--blank", language, NULL };
      const char *card_args[] = { "--export=emergency-card", "--blank", "--paper=a6", language, NULL };
      g_autoptr(NhCatalog) catalog = NULL;
      g_autoptr(NhEdition) edition = NULL;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (!have_language (languages[i]))
        continue;

      catalog = nh_catalog_new (languages[i]);
      edition = nh_edition_new_builtin_translated (catalog, NULL);
      g_assert_cmpstr (nh_edition_get_checklist_title (edition), !=, "Infection suspected");

      path = run_export (checklist_args);
      text = nh_test_pdf_text (path);
      g_test_message ("%s checklist", languages[i]);
      g_assert_nonnull (strstr (text, nh_edition_get_checklist_title (edition)));

      g_free (path);
      g_free (text);
      path = run_export (card_args);
      text = nh_test_pdf_text (path);
      g_assert_nonnull (strstr (text, nh_edition_get_card_title (edition)));
    }
}

static void
test_bilingual_card (void)
{
  static const char * const args[] = {
    "--export=emergency-card", "--blank", "--paper=a6", "--language=es", "--second-language=en", NULL
  };
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(NhCatalog) catalog = NULL;
  g_autoptr(NhEdition) spanish = NULL;

  if (!have_language ("es") || !nh_test_pdf_tools_available ())
    {
      g_test_skip ("no Spanish catalogue or no poppler-utils");
      return;
    }

  catalog = nh_catalog_new ("es");
  spanish = nh_edition_new_builtin_translated (catalog, NULL);

  path = run_export (args);
  text = nh_test_pdf_text (path);
  g_assert_nonnull (strstr (text, nh_edition_get_card_title (spanish)));
  g_assert_nonnull (strstr (text, "Emergency card"));
  g_assert_nonnull (strstr (text, "Date of birth"));
}

/* A filled travel card: every label in both languages, the one that
 * several emergency contacts share too. */
static void
test_bilingual_filled_card (void)
{
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhCatalog) catalog = NULL;
  g_autoptr(NhEdition) spanish = NULL;
  g_autoptr(NhEdition) english = nh_edition_new_builtin (NULL);
  g_autoptr(NhCardRender) render = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_test_tmp_path ("travel.pdf");
  g_autofree char *text = NULL;

  if (!have_language ("es") || !nh_test_pdf_tools_available ())
    {
      g_test_skip ("no Spanish catalogue or no poppler-utils");
      return;
    }

  catalog = nh_catalog_new ("es");
  spanish = nh_edition_new_builtin_translated (catalog, NULL);
  nh_card_set_text (card, "child_name", "Alex");
  nh_card_set_text (card, "contact1_name", "Ana");
  nh_card_set_text (card, "contact1_phone", "+34 600 000 001");
  nh_card_set_text (card, "contact2_name", "Luis");
  nh_card_set_text (card, "contact2_phone", "+34 600 000 002");

  render = nh_card_render_new (card, spanish, nh_paper_lookup ("a6"), FALSE);
  nh_card_render_set_second_edition (render, english);
  g_assert_true (nh_card_render_export (render, path, &error));
  g_assert_no_error (error);

  text = nh_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Contactos de emergencia / Emergency contacts"));
  g_assert_nonnull (strstr (text, "Nombre / Name"));
}

/* Dates on printouts are in the printout's language, whatever the
 * desktop's (here C), with the month as a word. */
static void
test_printed_dates (void)
{
  static const struct {
    const char *language;
    const char *date;
    const char *date_time;
  } cases[] = {
    { "de", "5. März 2019", "5. März 2019 14:07" },
    { "fr", "5 mars 2019", "5 mars 2019 14:07" },
    { "es", "5 mar. 2019", "5 mar. 2019 14:07" },
    { "ar", "5 مارس 2019", "5 مارس 2019 14:07" },
  };
  g_autoptr(GDateTime) time = g_date_time_new_local (2019, 3, 5, 14, 7, 0);
  g_autoptr(NhEdition) english = nh_edition_new_builtin (NULL);
  g_autofree char *english_date = nh_edition_format_date (english, time, TRUE);
  g_autofree char *on_screen = nh_card_format_date ("2019-03-05", NULL);
  g_autofree char *not_a_date = nh_card_format_date ("March", english);

  g_assert_cmpstr (english_date, ==, "5 Mar 2019 14:07");
  g_assert_cmpstr (on_screen, ==, "5 Mar 2019");
  g_assert_cmpstr (not_a_date, ==, "March");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NhCatalog) catalog = NULL;
      g_autoptr(NhEdition) edition = NULL;
      g_autofree char *date = NULL;
      g_autofree char *date_time = NULL;

      if (!have_language (cases[i].language))
        continue;

      catalog = nh_catalog_new (cases[i].language);
      edition = nh_edition_new_builtin_translated (catalog, NULL);
      date = nh_card_format_date ("2019-03-05", edition);
      date_time = nh_edition_format_date (edition, time, TRUE);
      g_assert_cmpstr (date, ==, cases[i].date);
      g_assert_cmpstr (date_time, ==, cases[i].date_time);
    }
}

int
main (int   argc,
      char *argv[])
{
  nh_test_ui_init (&argc, &argv);

  binary = g_getenv ("NH_BINARY");
  g_assert_nonnull (binary);

  g_test_add_func ("/nh/i18n/window-in-arabic", test_window_in_arabic);
  g_test_add_func ("/nh/i18n/arabic-checklist-from-english-desktop", test_arabic_checklist_from_english_desktop);
  g_test_add_func ("/nh/i18n/translated-checklist-and-card", test_translated_checklist_and_card);
  g_test_add_func ("/nh/i18n/bilingual-card", test_bilingual_card);
  g_test_add_func ("/nh/i18n/printed-dates", test_printed_dates);
  g_test_add_func ("/nh/i18n/bilingual-filled-card", test_bilingual_filled_card);

  return g_test_run ();
}
