/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-card-render.c: the printed emergency card: sizes, text, overflow, QR code */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "model/nh-catalog.h"
#include "model/nh-card-layout.h"
#include "render/nh-card-render.h"
#include "render/nh-printout.h"
#include "render/nh-sheet.h"
#include "render/nh-letter-render.h"
#include "render/nh-lock-screen.h"
#include "render/nh-qr.h"

static NhEdition *edition;

static NhCard *
typical_card (void)
{
  NhCard *card = nh_card_new (NULL);

  nh_card_prefill (card, edition);
  nh_card_set_text (card, "child_name", "Alex Example");
  nh_card_set_text (card, "birth_date", "2019-03-25");
  nh_card_set_text (card, "weight", "18 kg");
  nh_card_set_text (card, "weight_date", "2026-01-10");
  nh_card_set_text (card, "centre_name", "Example Children's Hospital, Immunology");
  nh_card_set_text (card, "centre_phone", "+44 20 7946 0000");
  nh_card_set_text (card, "hospital", "St Example General");
  nh_card_set_text (card, "contact1_name", "Jane Example");
  nh_card_set_text (card, "contact1_relationship", "mother");
  nh_card_set_text (card, "contact1_phone", "+44 7700 900123");
  nh_card_set_text (card, "contact2_name", "John Example");
  nh_card_set_text (card, "contact2_relationship", "father");
  nh_card_set_text (card, "contact2_phone", "+44 7700 900456");
  nh_card_set_text (card, "gp_name", "Dr A. Smith");
  nh_card_set_text (card, "gp_phone", "01632 960001");
  nh_card_set_text (card, "ig_product", "Brand X 10%");
  nh_card_set_text (card, "ig_route", "under the skin");
  nh_card_set_text (card, "ig_interval", "every week");
  nh_card_set_text (card, "ig_last_dose", "2026-01-05");
  nh_card_set_text (card, "antibiotics", "as prescribed by the immunology team");
  nh_card_set_text (card, "allergies", "none known");
  nh_card_set_text (card, "medicines", "none");
  nh_card_set_text (card, "staff_notes", "Alex is scared of needles; please explain first.");

  return card;
}

static char *
export (NhCard     *card,
        const char *paper_id,
        gboolean    blank,
        const char *name)
{
  g_autoptr(NhCardRender) render = nh_card_render_new (card, edition, nh_paper_lookup (paper_id), blank);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("card-%s-%s.pdf", name, paper_id);
  char *path = nh_test_tmp_path (file);

  g_assert_true (nh_card_render_export (render, path, &error));
  g_assert_no_error (error);

  return path;
}

/* The text of one page, with runs of spaces made one, so wrapped lines
 * still read as they were written. */
static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", first, "-l", first, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[\\s\\x{a0}]+", 0, 0, NULL);
  g_autoptr(GRegex) hyphens = g_regex_new ("\\x{2011}", 0, 0, NULL);
  g_autofree char *one_space = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  one_space = g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);

  return g_regex_replace_literal (hyphens, one_space, -1, 0, "-", 0, NULL);
}

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

static void
test_page_sizes (void)
{
  static const struct {
    const char *paper;
    double      width, height;
    guint       pages;
  } cases[] = {
    { "id1", 242.6, 153.1, 2 },
    { "a6", 297.6, 419.5, 1 },
    { "a4", 595.3, 841.9, 1 },
    { "letter", 612, 792, 1 },
  };
  g_autoptr(NhCard) card = typical_card ();

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = export (card, cases[i].paper, FALSE, "sizes");
      double width, height;

      nh_test_pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.1);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.1);
      g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, cases[i].pages);
      g_unlink (path);
    }
}

static void
test_wallet_text (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autoptr(NhCardRender) render = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_autofree char *path = NULL;
  g_autofree char *front = NULL;
  g_autofree char *back = NULL;
  const char * const *instructions = nh_edition_get_card_instructions (edition);

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  /* A fully filled card fits a wallet card without moving anything. */
  g_assert_cmpint (nh_card_render_get_fit (render) & (NH_CARD_FIT_CONTINUED | NH_CARD_FIT_CUT), ==, 0);

  path = export (card, "id1", FALSE, "text");
  front = page_text (path, 1);
  back = page_text (path, 2);

  g_assert_nonnull (strstr (front, nh_edition_get_card_title (edition)));
  g_assert_nonnull (strstr (front, "Name: Alex Example"));
  g_assert_nonnull (strstr (front, "Date of birth: 25 Mar 2019"));
  g_assert_nonnull (strstr (front, nh_edition_get_card_diagnosis_default (edition)));
  g_assert_nonnull (strstr (front, "+44 20 7946 0000"));
  g_assert_nonnull (strstr (front, "Jane Example (mother), +44 7700 900123"));
  g_assert_nonnull (strstr (front, "Dr A. Smith, 01632 960001"));

  for (guint i = 0; instructions[i]; i++)
    g_assert_nonnull (strstr (back, instructions[i]));
  g_assert_nonnull (strstr (back, "Allergies and reactions: none known"));
  g_assert_nonnull (strstr (back, "Brand X 10%, under the skin, every week"));
  g_assert_nonnull (strstr (back, "Alex is scared of needles"));

  /* Both sides say where the card comes from and how old it is; the wallet
   * card has no room for the source credit. */
  g_assert_nonnull (strstr (front, "NEMO Handbook · card version 1 · updated"));
  g_assert_nonnull (strstr (back, "NEMO Handbook · card version 1 · updated"));
  g_assert_null (strstr (front, "Based on information from"));
  g_assert_null (strstr (back, "Based on information from"));
  g_assert_null (strstr (front, "Continued"));

  g_unlink (path);
}

static void
test_sheets_and_a6 (void)
{
  g_autoptr(NhCard) card = typical_card ();
  static const char * const papers[] = { "a6", "a4", "letter" };

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *path = export (card, papers[i], FALSE, "layouts");
      g_autofree char *text = page_text (path, 1);

      /* Front and back on the one page, and the source credited. */
      g_assert_nonnull (strstr (text, "Name: Alex Example"));
      g_assert_nonnull (strstr (text, "Allergies and reactions: none known"));
      g_assert_nonnull (strstr (text, "Based on information from"));
      if (!g_str_equal (papers[i], "a6"))
        g_assert_nonnull (strstr (text, "fold on the dashed line"));
      g_unlink (path);
    }
}

static void
test_blank (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autofree char *path = NULL;
  g_autofree char *front = NULL;
  g_autofree char *back = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  /* Even made from a filled card, a blank card has no personal data. */
  path = export (card, "id1", TRUE, "blank");
  front = page_text (path, 1);
  back = page_text (path, 2);

  g_assert_nonnull (strstr (front, "Name:"));
  g_assert_nonnull (strstr (front, "24-hour phone:"));
  g_assert_nonnull (strstr (front, nh_edition_get_card_diagnosis_default (edition)));
  g_assert_nonnull (strstr (back, "Allergies and reactions:"));
  g_assert_nonnull (strstr (back, nh_edition_get_card_instructions (edition)[0]));
  g_assert_nonnull (strstr (back, "filled in on"));
  g_assert_null (strstr (front, "Alex"));
  g_assert_null (strstr (back, "Alex"));
  g_assert_null (strstr (front, "7946"));
  g_assert_null (strstr (back, "card version"));

  g_unlink (path);
}

static void
set_contacts (NhCard     *card,
              const char *name,
              const char *relationship)
{
  for (guint i = 1; i <= NH_CARD_MAX_CONTACTS; i++)
    {
      g_autofree char *name_id = g_strdup_printf ("contact%u_name", i);
      g_autofree char *relationship_id = g_strdup_printf ("contact%u_relationship", i);
      g_autofree char *phone_id = g_strdup_printf ("contact%u_phone", i);

      nh_card_set_text (card, name_id, name);
      nh_card_set_text (card, relationship_id, relationship);
      nh_card_set_text (card, phone_id, "+44 7700 900789 ext. 12");
    }
}

static void
test_overflow (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autoptr(NhCardRender) render = NULL;
  g_autoptr(NhCardRender) worse = NULL;
  g_autoptr(NhCardRender) a6 = NULL;
  g_auto(GStrv) moved = NULL;
  g_autofree char *path = NULL;
  g_autofree char *front = NULL;
  g_autofree char *back = NULL;
  g_autofree char *second = NULL;
  g_autofree char *all = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  /* Four contacts and long names, and a hospital written out at length
   * at length: more than the front holds. */
  set_contacts (card, "Margaret Example-Longname", "grandmother on father’s side");
  nh_card_set_text (card, "gp_name", "Dr Alexandra Smith-Example");
  nh_card_set_text (card, "centre_name", "Example Children's Hospital, Department of Clinical Immunology");
  nh_card_set_text (card, "hospital", "Saint Example General Hospital, Paediatric Emergency Department, "
                                      "Ward 4");
  /* … with room left on the back. */
  nh_card_set_text (card, "antibiotics", "");
  nh_card_set_text (card, "medicines", "");
  nh_card_set_text (card, "ig_product", "");
  nh_card_set_text (card, "ig_route", "");
  nh_card_set_text (card, "ig_interval", "");

  /* Smaller text first, never under 6 pt; then the least important lines
   * move, whole, into the room on the back, saying so. */
  render = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (render) & NH_CARD_FIT_SHRUNK, !=, 0);
  g_assert_cmpint (nh_card_render_get_fit (render) & NH_CARD_FIT_CONTINUED, !=, 0);
  g_assert_cmpint (nh_card_render_get_fit (render) & (NH_CARD_FIT_CUT | NH_CARD_FIT_SECOND_CARD), ==, 0);
  g_assert_cmpfloat (nh_card_render_get_font_size (render, NH_CARD_FRONT), >=, NH_CARD_RENDER_MIN_FONT);
  g_assert_cmpfloat (nh_card_render_get_font_size (render, NH_CARD_BACK), >=, NH_CARD_RENDER_MIN_FONT);

  path = export (card, "id1", FALSE, "overflow");
  g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, 2);
  front = page_text (path, 1);
  back = page_text (path, 2);
  g_assert_nonnull (strstr (front, "Continued on the back"));
  g_assert_nonnull (strstr (back, "Continued from the front"));
  /* Nothing is lost, and a line that moved moved whole: the least
   * important of the front's. */
  g_assert_nonnull (strstr (back, "Hospital: Saint Example General Hospital, Paediatric Emergency Department, Ward 4"));
  g_assert_null (strstr (front, "Saint Example"));
  g_assert_nonnull (strstr (front, "Dr Alexandra Smith-Example"));
  g_assert_nonnull (strstr (back, "Alex is scared of needles"));
  g_assert_null (strstr (back, "Not all of the text fits"));
  /* The essentials stay where staff look first. */
  g_assert_nonnull (strstr (front, "24-hour phone: +44 20 7946 0000"));
  g_assert_nonnull (strstr (front, "Department of Clinical Immunology"));
  g_assert_nonnull (strstr (front, "+44 7700 900789 ext. 12"));
  g_clear_pointer (&path, g_free);

  /* Every line as long as the editor allows, and the QR code on: a second
   * card, numbered, holds what the first cannot; nothing is left out. */
  set_contacts (card, "Margaret Example-Longname of Somewhere Else Town", "grandmother on father's side");
  nh_card_set_text (card, "antibiotics", "Co-trimoxazole 240 mg once daily; azithromycin 100 mg three times a week");
  nh_card_set_text (card, "medicines", "Cetirizine 2.5 mg at night; emollient cream for dry skin");
  nh_card_set_text (card, "ig_product", "Brand X 10%");
  nh_card_set_text (card, "ig_interval", "every week");
  nh_card_set_text (card, "staff_notes", "He may not get a high fever even with a serious infection. "
                                         "Please start antibiotics without waiting. "
                                         "He is frightened of needles: let a parent hold him.");
  nh_card_set_show_qr (card, TRUE);
  worse = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (worse) & NH_CARD_FIT_SECOND_CARD, !=, 0);
  g_assert_cmpint (nh_card_render_get_fit (worse) & NH_CARD_FIT_CUT, ==, 0);
  g_assert_cmpuint (nh_card_render_count_pages (0, 0, worse), >=, 3);
  moved = nh_card_render_dup_moved (worse);
  g_assert_cmpuint (g_strv_length (moved), >, 0);
  g_assert_false (g_strv_contains ((const char * const *)moved, "Allergies and reactions"));

  path = export (card, "id1", FALSE, "second-card");
  g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, nh_card_render_count_pages (0, 0, worse));
  g_clear_pointer (&front, g_free);
  g_clear_pointer (&back, g_free);
  front = page_text (path, 1);
  back = page_text (path, 2);
  second = page_text (path, 3);
  all = g_strconcat (front, back, second, NULL);
  if (nh_test_pdf_n_pages (path) == 4)
    {
      g_autofree char *last = page_text (path, 4);
      char *joined = g_strconcat (all, last, NULL);

      g_free (all);
      all = joined;
    }
  g_assert_nonnull (strstr (front, "1 of 2"));
  g_assert_nonnull (strstr (second, "2 of 2"));
  g_assert_nonnull (strstr (second, "Continued from card 1"));
  g_assert_nonnull (strstr (front, "Continued on card 2") ? front : strstr (back, "Continued on card 2"));
  g_assert_null (strstr (all, "Not all of the text fits"));
  /* The essentials on the first card, whole (the QR code made room for
   * them by going on the second); every sentence somewhere, whole. */
  g_assert_nonnull (strstr (front, "24-hour phone: +44 20 7946 0000"));
  g_assert_nonnull (strstr (front, nh_edition_get_card_diagnosis_default (edition)));
  g_assert_nonnull (strstr (back, "Allergies and reactions: none known"));
  g_assert_nonnull (strstr (all, "He may not get a high fever even with a serious infection. "
                                 "Please start antibiotics without waiting. "
                                 "He is frightened of needles: let a parent hold him."));
  g_assert_nonnull (strstr (all, "azithromycin 100 mg three times a week"));
  g_assert_nonnull (strstr (all, "emollient cream for dry skin"));
  g_assert_nonnull (strstr (all, "Dr Alexandra Smith-Example"));
  {
    g_autofree char *card1 = g_strconcat (front, back, NULL);
    const char *p = card1;
    guint phones = 0;

    while ((p = strstr (p, "+44 7700 900789 ext. 12")))
      phones++, p++;
    g_assert_cmpuint (phones, ==, NH_CARD_MAX_CONTACTS);
  }
  g_unlink (path);

  /* A6 has room for it all on its one page, using what the front leaves. */
  a6 = nh_card_render_new (card, edition, nh_paper_lookup ("a6"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (a6) & (NH_CARD_FIT_CUT | NH_CARD_FIT_SECOND_CARD), ==, 0);
  g_assert_cmpuint (nh_card_render_count_pages (0, 0, a6), ==, 1);
}

/* Draws what the page function draws into a PNG at @dpi and reads any QR
 * code in it with zbarimg. */
static char *
scan (NhCardRender *render,
      guint         page,
      double        dpi)
{
  const NhPaper *paper = nh_card_render_get_paper (render);
  double scale = dpi / 72.0;
  g_autofree char *png = nh_test_tmp_path ("card-qr.png");
  const char *argv[] = { "zbarimg", "--raw", "-q", png, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  char *out = NULL;
  int status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int)ceil (paper->width * scale),
                                        (int)ceil (paper->height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  nh_card_render_draw_page (cr, paper->width, paper->height, page, render);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_unlink (png);

  /* zbarimg exits with 4 when it finds no code. */
  if (!g_spawn_check_wait_status (status, NULL))
    g_clear_pointer (&out, g_free);
  else if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';

  return out;
}

/* The card of the issue: everything filled in, at length. */
static NhCard *
full_card (const char *name)
{
  NhCard *card = typical_card ();

  nh_card_set_text (card, "child_name", name);
  nh_card_set_text (card, "birth_date", "2022-08-14");
  nh_card_set_text (card, "weight", "14.5 kg");
  nh_card_set_text (card, "centre_name", "Great Example Children's Hospital, Clinical Immunology");
  nh_card_set_text (card, "centre_phone", "+44 20 7405 9200 ext. 5211");
  nh_card_set_text (card, "contact3_name", "Margaret Example");
  nh_card_set_text (card, "contact3_relationship", "grandmother");
  nh_card_set_text (card, "contact3_phone", "+44 1632 960789");
  nh_card_set_text (card, "ig_product", "Hizentra 20%");
  nh_card_set_text (card, "antibiotics", "Co-trimoxazole 240 mg once daily; azithromycin 100 mg three times a week");
  nh_card_set_text (card, "allergies", "Amoxicillin: hives and swelling of the lips (2024)");
  nh_card_set_text (card, "medicines", "Cetirizine 2.5 mg at night; emollient cream for dry skin");
  nh_card_set_text (card, "staff_notes", "He may not get a high fever even with a serious infection. "
                                         "Please take blood cultures and start antibiotics without waiting. "
                                         "He is frightened of needles: let a parent hold him and explain first.");
  nh_card_set_show_qr (card, TRUE);

  return card;
}

/* The built-in edition in Arabic, or NULL when its catalogue is not built. */
static NhEdition *
arabic_edition (void)
{
  g_autoptr(NhCatalog) catalog = nh_catalog_new ("ar");
  NhEdition *arabic = nh_edition_new_builtin_translated (catalog, NULL);

  if (arabic != NULL &&
      (!nh_edition_is_rtl (arabic) || g_str_equal (nh_edition_gettext (arabic, "Name"), "Name")))
    g_clear_object (&arabic);

  return arabic;
}

static void
test_qr_decodes (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autoptr(NhCardRender) off = NULL;
  g_autoptr(NhEdition) arabic = arabic_edition ();
  g_autofree char *none = NULL;
  static const char * const papers[] = { "id1", "a6", "a4", "letter" };

  if (!have ("zbarimg"))
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      return;
    }

  /* Off unless the family asks for it. */
  off = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_null (nh_card_render_get_qr_text (off));
  none = scan (off, 1, 600);
  g_assert_null (none);

  /* A full card, every size, in English and in Arabic, printed at 200 dpi:
   * the code holds the essentials as plain text (letters from other
   * languages as written) and a phone reads it. */
  for (guint e = 0; e < 2; e++)
    {
      NhEdition *language = e == 0 ? edition : arabic;
      g_autoptr(NhCard) full = full_card (e == 0 ? "Zoë Müller-Núñez" : "يوسف أحمد");

      if (language == NULL)
        {
          g_test_message ("The Arabic catalogue is not built: English only");
          continue;
        }

      for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
        {
          g_autoptr(NhCardRender) render = nh_card_render_new (full, language, nh_paper_lookup (papers[i]), FALSE);
          const char *text = nh_card_render_get_qr_text (render);
          guint n_pages = nh_card_render_count_pages (0, 0, render);
          gboolean found = FALSE;

          g_test_message ("%s, %s: %u bytes, modules of %.2f mm", papers[i], nh_edition_get_language (language),
                          text ? (guint)strlen (text) : 0, nh_card_render_get_qr_module (render));
          g_assert_nonnull (text);
          g_assert_nonnull (strstr (text, e == 0 ? "Zoë Müller-Núñez" : "يوسف أحمد"));
          g_assert_nonnull (strstr (text, "Amoxicillin: hives and swelling of the lips (2024)"));
          g_assert_nonnull (strstr (text, "+44 20 7405 9200 ext. 5211"));
          g_assert_nonnull (strstr (text, "+44 1632 960789"));
          g_assert_nonnull (strstr (text, "Hizentra 20%"));
          g_assert_nonnull (strstr (text, "azithromycin"));
          /* Compact: no notes, no footer, no isolates. */
          g_assert_null (strstr (text, "frightened"));
          g_assert_null (strstr (text, "\u2066"));
          g_assert_cmpfloat (nh_card_render_get_qr_module (render), >=, 0.33);
          if (g_str_equal (papers[i], "a6"))
            g_assert_cmpfloat (nh_card_render_get_qr_module (render), >=, 0.4);

          for (guint page = 0; page < n_pages && !found; page++)
            {
              g_autofree char *scanned = scan (render, page, 200);

              /* A sheet holds several copies, each read. */
              found = scanned != NULL && g_str_has_prefix (scanned, text);
            }
          g_assert_true (found);
        }
    }
}

typedef struct
{
  char   *text;
  double  x;
  double  y;   /* the middle of the word's height */
} Word;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->text);
  g_free (word);
}

static gint
compare_x (gconstpointer a,
           gconstpointer b)
{
  const Word *first = *(const Word **)a;
  const Word *second = *(const Word **)b;

  return first->x < second->x ? -1 : first->x > second->x;
}

/* The words of the printed line holding the first word that starts with
 * @anchor on @page,
 * from left to right as pdftotext -bbox places them. */
static GPtrArray *
line_words (const char *path,
            guint       page,
            const char *anchor)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-bbox", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)</word>", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (word_free);
  GPtrArray *line = g_ptr_array_new_with_free_func (word_free);
  Word *found = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_regex_match (regex, out, 0, &match);
  while (g_match_info_matches (match))
    {
      Word *word = g_new0 (Word, 1);
      g_autofree char *x = g_match_info_fetch (match, 1);
      g_autofree char *top = g_match_info_fetch (match, 2);
      g_autofree char *bottom = g_match_info_fetch (match, 3);

      word->text = g_match_info_fetch (match, 4);
      word->x = g_ascii_strtod (x, NULL);
      word->y = (g_ascii_strtod (top, NULL) + g_ascii_strtod (bottom, NULL)) / 2;
      g_ptr_array_add (all, word);
      if (found == NULL && g_str_has_prefix (word->text, anchor))
        found = word;
      g_match_info_next (match, NULL);
    }
  g_assert_nonnull (found);

  for (guint i = 0; i < all->len; i++)
    {
      Word *word = g_ptr_array_index (all, i);

      if (fabs (word->y - found->y) < 2.0)
        {
          Word *copy = g_new0 (Word, 1);

          copy->text = g_strdup (word->text);
          copy->x = word->x;
          copy->y = word->y;
          g_ptr_array_add (line, copy);
        }
    }
  g_ptr_array_sort (line, compare_x);

  return line;
}

static int
word_index (GPtrArray  *line,
            const char *text)
{
  for (guint i = 0; i < line->len; i++)
    if (g_str_equal (((Word *)g_ptr_array_index (line, i))->text, text))
      return i;

  return -1;
}

static int
prefix_index (GPtrArray  *line,
              const char *prefix)
{
  for (guint i = 0; i < line->len; i++)
    if (g_str_has_prefix (((Word *)g_ptr_array_index (line, i))->text, prefix))
      return i;

  return -1;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar)*p >= 0x80)
      return FALSE;

  return TRUE;
}

/* On a travel card in two scripts, each value reads as one run in its own
 * direction beside its label: "Date of birth / تاريخ الميلاد: 25 Mar 2019"
 * on an English card, with nothing of the Arabic label between the day and
 * the month; on an Arabic card the English date is the other way round but
 * as whole, next to the label. */
static void
test_travel_card_word_order (void)
{
  g_autoptr(NhEdition) arabic = arabic_edition ();

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }
  if (arabic == NULL)
    {
      g_test_skip ("the Arabic catalogue is not built");
      return;
    }

  for (guint e = 0; e < 2; e++)
    {
      g_autoptr(NhCard) card = typical_card ();
      g_autoptr(NhCardRender) render = NULL;
      g_autoptr(GPtrArray) date = NULL;
      g_autoptr(GPtrArray) weight = NULL;
      g_autoptr(GPtrArray) phone = NULL;
      g_autofree char *path = nh_test_tmp_path (e == 0 ? "travel-en-ar.pdf" : "travel-ar-en.pdf");
      int day, year, label;

      render = nh_card_render_new (card, e == 0 ? edition : arabic, nh_paper_lookup ("id1"), FALSE);
      nh_card_render_set_second_edition (render, e == 0 ? arabic : edition);
      g_assert_true (nh_card_render_export (render, path, NULL));

      date = line_words (path, 1, "Date");
      day = word_index (date, "25");
      year = word_index (date, "2019");
      label = prefix_index (date, "Date");
      g_assert_cmpint (day, >=, 0);
      g_assert_cmpint (year, >=, 0);

      if (e == 0)
        {
          /* "Date of birth / تاريخ الميلاد: 25 Mar 2019", left to right. */
          g_assert_cmpint (label, <, day);
          g_assert_cmpstr (((Word *)g_ptr_array_index (date, day + 1))->text, ==, "Mar");
          g_assert_cmpint (year, ==, day + 2);
          weight = line_words (path, 1, "Weight");
          g_assert_cmpint (word_index (weight, "kg"), ==, word_index (weight, "18") + 1);
          g_assert_cmpint (word_index (weight, "18"), >, prefix_index (weight, "Weight"));
        }
      else
        {
          /* Right to left: "تاريخ الميلاد / Date of birth: 25 <month> 2019",
           * so from the left: 2019, the month, 25, then the label. */
          g_assert_cmpint (year, <, day);
          g_assert_cmpint (label, ==, day + 1);
          for (int i = year + 1; i < day; i++)
            g_assert_false (is_ascii (((Word *)g_ptr_array_index (date, i))->text));
          /* The weight as typed, one run, left of its English label. */
          weight = line_words (path, 1, "Weight");
          g_assert_cmpint (word_index (weight, "kg"), ==, word_index (weight, "18") + 1);
          g_assert_cmpint (word_index (weight, "kg"), <, prefix_index (weight, "Weight"));
        }

      /* A phone number keeps its digit groups in order in either line. */
      phone = line_words (path, 1, "7946");
      g_assert_cmpint (word_index (phone, "20"), ==, word_index (phone, "+44") + 1);
      g_assert_cmpint (word_index (phone, "7946"), ==, word_index (phone, "+44") + 2);
      g_assert_cmpint (word_index (phone, "0000"), ==, word_index (phone, "+44") + 3);
      g_unlink (path);
    }
}

static void
test_qr_is_vector (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autofree char *path = NULL;
  g_autofree char *list = NULL;
  const char *argv[] = { "pdfimages", "-list", NULL, NULL };
  int status;

  if (!have ("pdfimages"))
    {
      g_test_skip ("pdfimages (poppler-utils) is not installed");
      return;
    }

  nh_card_set_show_qr (card, TRUE);
  path = export (card, "id1", FALSE, "vector");
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &list, NULL, &status, NULL));
  /* Only the two header lines: no bitmap anywhere. */
  g_assert_nonnull (list);
  g_assert_null (strstr (list, "image"));
  g_unlink (path);
}

static void
test_qr_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (4000, 'x');
  g_autoptr(NhQr) qr = nh_qr_new (text, &error);

  g_assert_null (qr);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

/* A printer that feeds the wallet card upright gets it turned, full size,
 * not shrunk into the middle. */
static void
test_turns_to_fit_page (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autoptr(NhCardRender) render = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  const NhPaper *id1 = nh_paper_lookup ("id1");
  double scale = 4;
  int width = (int)(id1->height * scale), height = (int)(id1->width * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  nh_card_render_draw_page (cr, id1->height, id1->width, 0, render);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The red title band runs down the right edge, 6 to 19 pt in. */
  pixel = *(guint32 *)(cairo_image_surface_get_data (surface) +
                       (height / 2) * cairo_image_surface_get_stride (surface) + (width - (int)(8 * scale)) * 4);
  g_assert_cmpuint ((pixel >> 16) & 0xff, >, 140);
  g_assert_cmpuint ((pixel >> 8) & 0xff, <, 80);
  cairo_surface_destroy (surface);
}

static void
test_empty_card (void)
{
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhCardRender) render = NULL;

  /* Nothing typed: the title, the diagnosis and the instructions, no holes. */
  nh_card_prefill (card, edition);
  render = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (render), ==, NH_CARD_FIT_OK);
  g_assert_cmpfloat (nh_card_render_get_font_size (render, NH_CARD_FRONT), ==, 7.0);
}

/* The share of pixels in a band of rows that are not black. */
static double
lit_share (cairo_surface_t *surface,
           int              from,
           int              to)
{
  int width = cairo_image_surface_get_width (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  guint64 lit = 0;

  for (int y = from; y < to; y++)
    for (int x = 0; x < width; x++)
      lit += (*(const guint32 *)(data + y * stride + x * 4) & 0xffffff) != 0;

  return (double)lit / ((double)width * (to - from));
}

/* The image for a phone's lock screen: the size asked for, the top
 * quarter left to the clock, and only the sections the family chose. */
static void
test_lock_screen (void)
{
  g_autoptr(NhCard) card = full_card ("Zoë Müller-Núñez");
  g_autoptr(NhEdition) arabic = arabic_edition ();
  g_autofree char *path = nh_test_tmp_path ("lock.png");
  g_autofree char *fewer_path = nh_test_tmp_path ("lock-fewer.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image, *fewer;
  int width, height;

  g_assert_true (nh_lock_screen_parse_size ("1170x2532", &width, &height));
  g_assert_cmpint (width, ==, 1170);
  g_assert_cmpint (height, ==, 2532);
  g_assert_false (nh_lock_screen_parse_size ("1170", &width, &height));
  g_assert_false (nh_lock_screen_parse_size ("10x20", &width, &height));
  g_assert_false (nh_lock_screen_parse_size ("axb", &width, &height));

  /* What strangers may read, until the family says otherwise. */
  g_assert_true (nh_card_get_lock_screen_shows (card, "allergies"));
  g_assert_true (nh_card_get_lock_screen_shows (card, "call"));
  g_assert_false (nh_card_get_lock_screen_shows (card, "todo"));

  g_assert_true (nh_lock_screen_export (card, edition, arabic, 1080, 2340, path, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1080);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 2340);
  /* The clock's quarter is empty; the card is below it. */
  g_assert_cmpfloat (lit_share (image, 0, 2340 / 4), ==, 0);
  g_assert_cmpfloat (lit_share (image, 2340 / 4, 2340), >, 0.02);

  /* Fewer sections, less on the screen. */
  nh_card_set_lock_screen_shows (card, "call", FALSE);
  nh_card_set_lock_screen_shows (card, "allergies", FALSE);
  g_assert_false (nh_card_get_lock_screen_shows (card, "call"));
  g_assert_true (nh_card_get_lock_screen_shows (card, "diagnosis"));
  g_assert_true (nh_lock_screen_export (card, edition, NULL, 1080, 2340, fewer_path, &error));
  fewer = cairo_image_surface_create_from_png (fewer_path);
  g_assert_cmpfloat (lit_share (fewer, 2340 / 4, 2340), <, lit_share (image, 2340 / 4, 2340));

  /* A folder that is not there: an error in words, no crash. */
  g_assert_false (nh_lock_screen_export (card, edition, NULL, 1080, 1920, "/nonexistent/lock.png", &error));
  g_assert_nonnull (error);

  cairo_surface_destroy (image);
  cairo_surface_destroy (fewer);
  g_unlink (path);
  g_unlink (fewer_path);
}

/* The letter for school: one page in plain words, in the card's and the
 * edition's words only, in English and Arabic. */
static void
test_letter (void)
{
  g_autoptr(NhEdition) arabic = arabic_edition ();

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  for (guint e = 0; e < 2; e++)
    {
      NhEdition *language = e == 0 ? edition : arabic;
      g_autoptr(NhCard) card = full_card ("Alex Example");
      g_autoptr(NhLetterRender) letter = NULL;
      g_autofree char *path = nh_test_tmp_path ("letter.pdf");
      g_autofree char *text = NULL;
      const char * const *instructions;
      const char *first, *second, *third, *centre;

      if (language == NULL)
        continue;

      instructions = nh_edition_get_card_instructions (language);
      letter = nh_letter_render_new (card, language, nh_paper_lookup (e == 0 ? "a4" : "letter"));
      g_assert_true (nh_letter_render_export (letter, path, NULL));
      g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, 1);
      g_assert_cmpuint (nh_letter_render_count_pages (595.3, 841.9, letter), ==, 1);
      if (e == 1)
        {
          g_unlink (path);
          continue;
        }

      text = page_text (path, 1);
      g_assert_nonnull (strstr (text, "Looking after Alex Example"));
      g_assert_nonnull (strstr (text, nh_edition_get_card_diagnosis_default (language)));
      /* The medical text is the edition's own, with its facts. */
      for (guint i = 0; instructions[i]; i++)
        g_assert_nonnull (strstr (text, instructions[i]));
      /* The family's words, allergies, and who to call in their order. */
      g_assert_nonnull (strstr (text, "let a parent hold him and explain first."));
      g_assert_nonnull (strstr (text, "Amoxicillin: hives and swelling of the lips (2024)"));
      first = strstr (text, "1. Jane Example (mother), +44 7700 900123");
      second = strstr (text, "2. John Example (father), +44 7700 900456");
      third = strstr (text, "3. Margaret Example (grandmother), +44 1632 960789");
      centre = strstr (text, "24-hour phone: +44 20 7405 9200 ext. 5211");
      g_assert_nonnull (first);
      g_assert_true (first < second && second < third && third < centre);
      g_assert_nonnull (strstr (text, "Signed (parent or carer):"));
      g_assert_nonnull (strstr (text, "Date:"));
      g_assert_nonnull (strstr (text, "Based on information from"));
      g_assert_nonnull (strstr (text, "does not take the place of advice"));
      g_assert_nonnull (strstr (text, "Page 1 of 1"));
      g_unlink (path);
    }
}

/* The lines to write on of a blank card, measured on the page as printed:
 * a rendering at 300 dpi, in which the lines are the long runs of their
 * grey (0.35), which no text, guide or mark has. For each line, the clear
 * room above it to the nearest ink (text, another line, the band) must
 * be at least 6 mm, room for a hand. */
#define SPACING_DPI 300.0
#define PX_TO_MM(px) ((px) * 25.4 / SPACING_DPI)

typedef struct
{
  int x0, x1;
  double y;     /* the line's middle, in pixels */
  int top;      /* its topmost row */
} WriteInLine;

static guint8 *
read_pgm (const char *path,
          int        *width,
          int        *height)
{
  g_autofree char *data = NULL;
  gsize length;
  int maxval, consumed = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpint (sscanf (data, "P5 %d %d %d%n", width, height, &maxval, &consumed), ==, 3);
  g_assert_cmpint (maxval, ==, 255);
  consumed++;
  g_assert_cmpuint (length, >=, (gsize)consumed + (gsize)*width * *height);

  return g_memdup2 (data + consumed, (gsize)*width * *height);
}

static GArray *
find_write_in_lines (const guint8 *image,
                     int           width,
                     int           height)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (WriteInLine));
  const int min_run = (int)(4.0 / 25.4 * SPACING_DPI);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; )
      {
        int start = x;

        while (x < width && ABS ((int)image[y * width + x] - 89) <= 6)
          x++;
        if (x - start >= min_run)
          {
            gboolean merged = FALSE;

            /* The line's other rows. */
            for (guint i = 0; i < lines->len; i++)
              {
                WriteInLine *line = &g_array_index (lines, WriteInLine, i);

                if (y - line->y <= 3 && start < line->x1 && x > line->x0)
                  {
                    line->y = (line->y + y) / 2.0;
                    merged = TRUE;
                    break;
                  }
              }
            if (!merged)
              {
                WriteInLine line = { start, x, y, y };

                g_array_append_val (lines, line);
              }
          }
        if (x == start)
          x++;
      }

  return lines;
}

/* The clear room above a line, in mm, to the nearest ink over it. */
static double
room_above (const guint8      *image,
            int                width,
            const WriteInLine *line)
{
  /* The anti-aliased top edge of the line itself. */
  int y = line->top - 2;

  for (; y >= 0; y--)
    for (int x = line->x0; x < line->x1; x++)
      if (image[y * width + x] < 235)
        return PX_TO_MM (line->y + 0.5 - (y + 1));

  return PX_TO_MM (line->y);
}

/* Every blank line of @path's pages at least 6 mm below what is above
 * it; returns how many lines there are. */
static guint
check_write_in_room (const char *path,
                     const char *what)
{
  guint n_pages = nh_test_pdf_n_pages (path);
  guint n_lines = 0;
  double least = G_MAXDOUBLE;

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      g_autofree char *prefix = g_strdup_printf ("%s-page", path);
      g_autofree char *pgm = g_strdup_printf ("%s.pgm", prefix);
      const char *argv[] = { "pdftoppm", "-gray", "-r", "300", "-f", number, "-l", number,
                             "-singlefile", path, prefix, NULL };
      g_autofree guint8 *image = NULL;
      g_autoptr(GArray) lines = NULL;
      int width, height, status;

      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      image = read_pgm (pgm, &width, &height);
      g_unlink (pgm);

      lines = find_write_in_lines (image, width, height);
      for (guint i = 0; i < lines->len; i++)
        {
          WriteInLine *line = &g_array_index (lines, WriteInLine, i);
          double room = room_above (image, width, line);

          if (room < 6.0)
            g_error ("%s, page %u: the line to write on at %.1f mm from the top, %.1f mm from the left "
                     "has %.2f mm above it, not 6", what, page, PX_TO_MM (line->y), PX_TO_MM (line->x0), room);
          least = MIN (least, room);
        }
      n_lines += lines->len;
    }
  g_test_message ("%s: %u pages, %u lines to write on, the least room above one %.2f mm",
                  what, n_pages, n_lines, least);

  return n_lines;
}

/* The letters of a text, to find a label in pdftotext's output: without
 * spaces, marks, hyphens and the Arabic letters that poppler gives back out
 * of order in the lam-alef ligature (as test-printouts.c compares). */
static char *
letters (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ismark (c) || c == '-' || c == 0x2011 ||
          g_unichar_type (c) == G_UNICODE_FORMAT ||
          c == 0x0644 || c == 0x0627 || c == 0x0622 || c == 0x0623 || c == 0x0625)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
test_blank_write_in_room (void)
{
  const char *languages[] = { "en", "de", "fr", "es", "ar" };
  const char *papers[] = { "id1", "a6", "sheet-a4", "sheet-letter", "travel" };

  if (!nh_test_pdf_tools_available () || !have ("pdftoppm"))
    {
      g_test_skip ("pdfinfo, pdftotext and pdftoppm (poppler-utils) are not installed");
      return;
    }

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autoptr(NhCatalog) catalog = nh_catalog_new (languages[l]);
      g_autoptr(NhEdition) translated = nh_edition_new_builtin_translated (catalog, NULL);
      g_autoptr(NhCatalog) other_catalog = nh_catalog_new (l == 0 ? "de" : "en");
      g_autoptr(NhEdition) other = nh_edition_new_builtin_translated (other_catalog, NULL);

      for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
        {
          g_autoptr(NhCard) card = nh_card_new (NULL);
          g_autoptr(NhPrintout) printout = NULL;
          g_autofree char *file = g_strdup_printf ("blank-room-%s-%s.pdf", languages[l], papers[p]);
          g_autofree char *path = nh_test_tmp_path (file);
          g_autofree char *what = g_strdup_printf ("%s %s", languages[l], papers[p]);
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;
          const NhPaper *paper = nh_paper_lookup (g_str_equal (papers[p], "a6") ? "a6" : "id1");
          const NhCardField *fields;
          guint n_fields, n_lines, n_contacts = 0;
          g_autofree char *contact = NULL;
          g_autofree char *cut = NULL;

          if (g_str_has_prefix (papers[p], "sheet-"))
            {
              g_autoptr(NhPrintout) cards = nh_printout_new_card (card, translated, NULL, TRUE);

              paper = nh_paper_lookup (papers[p] + strlen ("sheet-"));
              printout = nh_printout_new_sheet (nh_sheet_new (cards, paper, 0, FALSE, NULL));
            }
          else
            printout = nh_printout_new_card (card, translated, g_str_equal (papers[p], "travel") ? other : NULL, TRUE);

          g_assert_true (nh_printout_write_pdf (printout, paper, path, &error));
          g_assert_no_error (error);

          n_lines = check_write_in_room (path, what);
          g_assert_cmpuint (n_lines, >=, 12);

          /* Nothing of the form is left out, and there are at least two
           * contact lines. */
          {
            g_autoptr(GString) pages = g_string_new (NULL);

            for (guint page = 1; page <= nh_test_pdf_n_pages (path); page++)
              {
                g_autofree char *one = page_text (path, page);

                g_string_append_printf (pages, "%s ", one);
              }
            text = letters (pages->str);
          }
          cut = letters (nh_edition_gettext (translated, "Not all of the text fits on this card."));
          if (strstr (text, cut) != NULL)
            g_error ("%s: not all of the blank card fits", what);
          fields = nh_card_layout_get_fields (&n_fields);
          for (guint i = 0; i < n_fields; i++)
            if (fields[i].write_lines > 0)
              {
                g_autofree char *label = letters (nh_edition_gettext (translated, nh_card_layout_line_label (&fields[i])));

                if (strstr (text, label) == NULL)
                  g_error ("%s: “%s” is missing from the blank card", what,
                           nh_edition_gettext (translated, nh_card_layout_line_label (&fields[i])));
              }
          contact = letters (nh_edition_gettext (translated, "Emergency contact"));
          for (const char *s = strstr (text, contact); s != NULL; s = strstr (s + 1, contact))
            n_contacts++;
          g_assert_cmpuint (n_contacts, >=, 2);

          g_unlink (path);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  edition = nh_edition_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nh/card-render/page-sizes", test_page_sizes);
  g_test_add_func ("/nh/card-render/wallet-text", test_wallet_text);
  g_test_add_func ("/nh/card-render/sheets-and-a6", test_sheets_and_a6);
  g_test_add_func ("/nh/card-render/blank", test_blank);
  g_test_add_func ("/nh/card-render/blank-write-in-room", test_blank_write_in_room);
  g_test_add_func ("/nh/card-render/overflow", test_overflow);
  g_test_add_func ("/nh/card-render/qr-decodes", test_qr_decodes);
  g_test_add_func ("/nh/card-render/qr-is-vector", test_qr_is_vector);
  g_test_add_func ("/nh/card-render/travel-card-word-order", test_travel_card_word_order);
  g_test_add_func ("/nh/card-render/qr-too-long", test_qr_too_long);
  g_test_add_func ("/nh/card-render/turns-to-fit-page", test_turns_to_fit_page);
  g_test_add_func ("/nh/card-render/empty-card", test_empty_card);
  g_test_add_func ("/nh/card-render/lock-screen", test_lock_screen);
  g_test_add_func ("/nh/card-render/letter", test_letter);

  return g_test_run ();
}
