/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-printouts.c: every printout, on every paper it takes, in every
 * language, blank and filled: the page size, every section by its
 * translated heading in the PDF's text, and nothing drawn off the page */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "model/nh-catalog.h"
#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-printout.h"
#include "render/nh-sheet.h"

typedef struct
{
  const char *kind;      /* "checklist", "emergency-card", "handbook" */
  const char *language;
  gboolean    filled;
  gboolean    sheet;     /* imposed on sheets */
} Case;

/* What is compared: the letters, without spaces, marks and the Arabic
 * letters that poppler gives back out of order in the lam-alef ligature. */
static char *
skeleton (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ismark (c) ||
          g_unichar_type (c) == G_UNICODE_FORMAT ||
          c == 0x0644 || c == 0x0627 || c == 0x0622 || c == 0x0623 || c == 0x0625)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
assert_heading (const char *pdf_skeleton,
                const char *heading)
{
  g_autofree char *wanted = skeleton (heading);

  if (strstr (pdf_skeleton, wanted) == NULL)
    g_error ("heading “%s” is missing from the printout", heading);
}

static NhCard *
filled_card (NhEdition *edition)
{
  NhCard *card = nh_card_new (NULL);

  nh_card_prefill (card, edition);
  nh_card_set_text (card, "child_name", "Alex Example");
  nh_card_set_text (card, "birth_date", "2019-03-25");
  nh_card_set_text (card, "centre_name", "Example Children's Hospital, Immunology");
  nh_card_set_text (card, "centre_phone", "+44 20 7946 0000");
  nh_card_set_text (card, "contact1_name", "Jane Example");
  nh_card_set_text (card, "contact1_phone", "+44 7700 900123");

  return card;
}

static NhPrintout *
make_printout (const Case *c,
               NhEdition  *edition)
{
  g_autoptr(NhCard) card = c->filled ? filled_card (edition) : nh_card_new (NULL);

  if (g_str_equal (c->kind, "checklist"))
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (2026, 11, 25, 14, 5, 0);
      g_autoptr(NhEpisode) episode = nh_episode_new (start);

      nh_episode_set_tick (episode, "call-team", start);
      g_assert_true (nh_episode_add_reading (episode, start, "38.6 °C", NULL));
      g_assert_true (nh_episode_set_notes (episode, "Paracetamol at 14:30", NULL));

      return nh_printout_new_checklist (edition, NULL, NULL, c->filled ? episode : NULL, card);
    }
  if (g_str_equal (c->kind, "emergency-card"))
    return nh_printout_new_card (card, edition, NULL, !c->filled);

  return nh_printout_new_booklet (edition);
}

static void
assert_headings (const Case *c,
                 NhEdition  *edition,
                 const char *text)
{
  g_autofree char *pdf = skeleton (text);

  if (g_str_equal (c->kind, "checklist") || g_str_equal (c->kind, "handbook"))
    {
      assert_heading (pdf, nh_edition_get_checklist_title (edition));
      assert_heading (pdf, nh_edition_gettext (edition, N_("Phone numbers")));
      for (guint t = 0; t < nh_edition_get_n_checklist_tiers (edition); t++)
        assert_heading (pdf, nh_checklist_tier_get_title (nh_edition_get_checklist_tier (edition, t)));
      assert_heading (pdf, nh_edition_gettext (edition, N_("Readings")));
      assert_heading (pdf, nh_edition_gettext (edition, N_("Notes")));
    }

  if (g_str_equal (c->kind, "emergency-card") || g_str_equal (c->kind, "handbook"))
    {
      assert_heading (pdf, nh_edition_get_card_title (edition));
      assert_heading (pdf, nh_edition_gettext (edition, N_("For hospital staff")));
    }

  if (g_str_equal (c->kind, "handbook"))
    for (guint i = 0; i < nh_edition_get_n_sections (edition); i++)
      assert_heading (pdf, nh_section_get_title (nh_edition_get_section (edition, i)));
}

/* Every page, drawn on a larger transparent canvas, leaves the canvas
 * around the page untouched (or white, from painting the page's ground):
 * no text, rule or mark falls off the page. */
static void
assert_inside_page (NhPrintout    *printout,
                    const NhPaper *paper)
{
  const int border = 72;
  guint n = nh_printout_count_pages (printout, paper->width, paper->height, NULL);
  int width = (int)ceil (paper->width) + 2 * border;
  int height = (int)ceil (paper->height) + 2 * border;

  for (guint page = 0; page < n; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cairo_t *cr = cairo_create (surface);
      const guint8 *data;
      int stride;

      cairo_translate (cr, border, border);
      nh_printout_draw_page (printout, cr, paper->width, paper->height, page, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);

      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            const guint32 pixel = *(const guint32 *)(data + y * stride + x * 4);
            guint8 alpha = pixel >> 24, red = pixel >> 16, green = pixel >> 8, blue = pixel;
            gboolean inside = x >= border - 1 && y >= border - 1 &&
                              x <= border + paper->width + 1 && y <= border + paper->height + 1;

            /* Premultiplied: white is each channel equal to alpha. */
            if (!inside && alpha > 0 && (alpha - red > 8 || alpha - green > 8 || alpha - blue > 8))
              g_error ("page %u draws at %d,%d pt, outside the %s page", page + 1,
                       x - border, y - border, paper->id);
          }

      cairo_surface_destroy (surface);
    }
}

static void
test_printout (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(NhCatalog) catalog = nh_catalog_new (c->language);
  g_autoptr(NhEdition) edition = nh_edition_new_builtin_translated (catalog, NULL);
  g_autoptr(NhPrintout) item = NULL;
  const char * const *papers;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  g_assert_nonnull (edition);
  item = make_printout (c, edition);
  papers = c->sheet ? nh_sheet_get_papers () : nh_printout_get_papers (item);

  for (guint i = 0; papers[i]; i++)
    {
      const NhPaper *paper = nh_paper_lookup (papers[i]);
      g_autoptr(NhPrintout) printout = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("%s-%s-%s-%s%s.pdf", c->kind, c->language, paper->id,
                                               c->filled ? "filled" : "blank", c->sheet ? "-sheet" : "");
      g_autofree char *path = nh_test_tmp_path (name);
      g_autofree char *text = NULL;
      double width, height;

      g_test_message ("%s", name);
      if (c->sheet)
        printout = nh_printout_new_sheet (nh_sheet_new (item, paper, 0, FALSE, &error));
      else
        printout = g_object_ref (item);
      g_assert_no_error (error);

      g_assert_true (nh_printout_write_pdf (printout, paper, path, &error));
      g_assert_no_error (error);

      nh_test_pdf_page_size (path, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, paper->width, 0.5);
      g_assert_cmpfloat_with_epsilon (height, paper->height, 0.5);
      g_assert_cmpuint (nh_test_pdf_n_pages (path), ==,
                        nh_printout_count_pages (printout, paper->width, paper->height, NULL));

      text = nh_test_pdf_text (path);
      assert_headings (c, edition, text);
      assert_inside_page (printout, paper);
      g_unlink (path);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const char * const kinds[] = { "checklist", "emergency-card", "handbook" };
  g_auto(GStrv) languages = nh_catalog_list_languages ();
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  g_test_init (&argc, &argv, NULL);

  for (guint l = 0; languages[l]; l++)
#if defined(__SANITIZE_ADDRESS__)
    /* AddressSanitizer looks for memory errors, which the same code makes
     * in any language: English and Arabic (right to left) there, every
     * language in the normal build, where this runs many times faster. */
    if (g_str_equal (languages[l], "en") || g_str_equal (languages[l], "ar"))
#endif
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      for (guint filled = 0; filled < 2; filled++)
        for (guint sheet = 0; sheet < 2; sheet++)
          {
            Case *c;
            g_autofree char *name = NULL;

            /* The booklet is always blank, and is not put on sheets. */
            if (g_str_equal (kinds[k], "handbook") && (filled || sheet))
              continue;

            c = g_new0 (Case, 1);
            c->kind = kinds[k];
            c->language = g_intern_string (languages[l]);
            c->filled = filled;
            c->sheet = sheet;
            g_ptr_array_add (cases, c);

            name = g_strdup_printf ("/nh/printouts/%s/%s/%s%s", languages[l], kinds[k],
                                    filled ? "filled" : "blank", sheet ? "/sheet" : "");
            g_test_add_data_func (name, c, test_printout);
          }

  status = g_test_run ();

  return status;
}
