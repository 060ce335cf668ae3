/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-card-render.c: the printed emergency card: sizes, text, overflow, QR code */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-card-render.h"
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
  g_assert_nonnull (strstr (front, "Date of birth:"));
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
  g_autofree char *path = NULL;
  g_autofree char *front = NULL;
  g_autofree char *back = NULL;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  /* Four contacts and long names, and a hospital written out at length
   * (over its cap, kept as typed): more than the front holds. */
  set_contacts (card, "Margaret Example-Longname", "grandmother on father’s side");
  nh_card_set_text (card, "gp_name", "Dr Alexandra Smith-Example");
  nh_card_set_text (card, "centre_name", "Example Children's Hospital, Department of Clinical Immunology");
  nh_card_set_text (card, "hospital", "Saint Example General Hospital, Paediatric Emergency Department, "
                                      "Ward 4 (ask at the main reception on Example Road for the "
                                      "children's wing, second floor)");
  /* … with room left on the back. */
  nh_card_set_text (card, "antibiotics", "");
  nh_card_set_text (card, "medicines", "");
  nh_card_set_text (card, "ig_product", "");
  nh_card_set_text (card, "ig_route", "");

  /* Smaller text first, never under 6 pt; then on to the back, saying so. */
  render = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (render) & NH_CARD_FIT_SHRUNK, !=, 0);
  g_assert_cmpint (nh_card_render_get_fit (render) & NH_CARD_FIT_CONTINUED, !=, 0);
  g_assert_cmpint (nh_card_render_get_fit (render) & NH_CARD_FIT_CUT, ==, 0);
  g_assert_cmpfloat (nh_card_render_get_font_size (render, NH_CARD_FRONT), ==, NH_CARD_RENDER_MIN_FONT);
  g_assert_cmpfloat (nh_card_render_get_font_size (render, NH_CARD_BACK), >=, NH_CARD_RENDER_MIN_FONT);

  path = export (card, "id1", FALSE, "overflow");
  front = page_text (path, 1);
  back = page_text (path, 2);
  g_assert_nonnull (strstr (front, "Continued on the back"));
  g_assert_nonnull (strstr (back, "Continued from the front"));
  /* Nothing is lost: the last line of the front is on the back. */
  g_assert_nonnull (strstr (back, "Dr Alexandra Smith-Example"));
  g_assert_nonnull (strstr (back, "Alex is scared of needles"));
  g_assert_null (strstr (back, "Not all of the text fits"));
  g_assert_null (strstr (back, "Preventive antibiotics"));
  g_unlink (path);

  /* Every line as long as the editor allows: even the back is full, and a
   * note says that text is missing. */
  set_contacts (card, "Margaret Example-Longname of Somewhere Else Town", "grandmother on father's side");
  nh_card_set_text (card, "antibiotics", "as prescribed by the immunology team");
  nh_card_set_text (card, "medicines", "none");
  worse = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (worse) & NH_CARD_FIT_CUT, !=, 0);
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&back, g_free);
  path = export (card, "id1", FALSE, "cut");
  back = page_text (path, 2);
  g_assert_nonnull (strstr (back, "Not all of the text fits on this card."));
  g_unlink (path);

  /* A6 has room for it all. */
  a6 = nh_card_render_new (card, edition, nh_paper_lookup ("a6"), FALSE);
  g_assert_cmpint (nh_card_render_get_fit (a6) & NH_CARD_FIT_CUT, ==, 0);
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

static void
test_qr_decodes (void)
{
  g_autoptr(NhCard) card = typical_card ();
  g_autoptr(NhCardRender) off = NULL;
  g_autoptr(NhCardRender) wallet = NULL;
  g_autoptr(NhCardRender) a6 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *wallet_scan = NULL;
  g_autofree char *a6_scan = NULL;
  g_autofree char *none = NULL;

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

  /* Letters from other languages come through as written: accented Latin
   * letters alone are what scanners misread unless told the text is UTF-8. */
  nh_card_set_text (card, "child_name", "Zoë Müller-Núñez");
  nh_card_set_text (card, "allergies", "pénicilline: éruption");
  nh_card_set_show_qr (card, TRUE);
  text = nh_card_dup_text (card, edition);

  /* The back of a wallet card printed at 600 dpi. */
  wallet = nh_card_render_new (card, edition, nh_paper_lookup ("id1"), FALSE);
  g_assert_cmpstr (nh_card_render_get_qr_text (wallet), ==, text);
  wallet_scan = scan (wallet, 1, 600);
  g_assert_cmpstr (wallet_scan, ==, text);

  nh_card_set_text (card, "allergies", "Penicillin → rash; 青霉素");
  g_free (text);
  text = nh_card_dup_text (card, edition);
  a6 = nh_card_render_new (card, edition, nh_paper_lookup ("a6"), FALSE);
  a6_scan = scan (a6, 0, 300);
  g_assert_cmpstr (a6_scan, ==, text);
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
  g_test_add_func ("/nh/card-render/overflow", test_overflow);
  g_test_add_func ("/nh/card-render/qr-decodes", test_qr_decodes);
  g_test_add_func ("/nh/card-render/qr-is-vector", test_qr_is_vector);
  g_test_add_func ("/nh/card-render/qr-too-long", test_qr_too_long);
  g_test_add_func ("/nh/card-render/turns-to-fit-page", test_turns_to_fit_page);
  g_test_add_func ("/nh/card-render/empty-card", test_empty_card);

  return g_test_run ();
}
