/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-visit-report.c: the report for the immunologist, and the charts in it */

#include <glib/gstdio.h>

#include "nh-test-pdf.h"
#include "nh-test-tmp.h"
#include "render/nh-record-chart.h"
#include "render/nh-printout.h"

static void
add (NhRecord            *record,
     NhRecordTable        table,
     const char * const  *values)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nh_record_add_entry (record, table, values, NULL, &error));
  g_assert_no_error (error);
}

static NhRecord *
sample_record (void)
{
  NhRecord *record = nh_record_new (NULL);
  const char *before[] = { "2024-06-01T18:00", "Old Product", "iv", "10", "g", "LOT-OLD", "", "", "", "", "", NULL };
  const char *lab[] = { "2026-03-01", "IgG trough level", "7.5", "g/L", "6", "9", "", NULL };
  const char *lab2[] = { "2026-09-01", "IgG trough level", "8,1", "g/L", "6", "9", "", NULL };
  const char *illness[] = { "2026-02-03", "2026-02-09", "Ear infection", "38.9", "Typed course", "admission",
                            "Better", "", "", NULL };
  const char *preventive[] = { "2025-01-01", "", "Typed preventive", "as prescribed", "preventive", "", NULL };

  add (record, NH_RECORD_INFUSIONS, before);
  for (guint week = 0; week < 60; week++)
    {
      g_autoptr(GDateTime) start = g_date_time_new_local (2026, 1, 5, 18, 0, 0);
      g_autoptr(GDateTime) time = g_date_time_add_weeks (start, week);
      g_autofree char *when = g_date_time_format (time, "%Y-%m-%dT%H:%M");
      g_autofree char *lot = g_strdup_printf ("LOT-%u", 100 + week / 4);
      const char *values[] = { when, "Product A", "subcutaneous", "2.5", "g", lot, "", "", "Mum", "", "", NULL };

      if (g_date_time_get_year (time) > 2026)
        break;
      add (record, NH_RECORD_INFUSIONS, values);
    }
  add (record, NH_RECORD_LAB_RESULTS, lab);
  add (record, NH_RECORD_LAB_RESULTS, lab2);
  add (record, NH_RECORD_ILLNESSES, illness);
  add (record, NH_RECORD_ANTIBIOTICS, preventive);

  return record;
}

static char *
export (NhEdition  *edition,
        const char *from,
        const char *to,
        guint      *n_pages)
{
  g_autoptr(NhRecord) record = sample_record ();
  g_autoptr(NhCard) card = nh_card_new (NULL);
  g_autoptr(NhPrintout) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nh_test_tmp_path ("nh-visit-report.pdf");
  char *text;

  nh_card_set_text (card, "child_name", "Leo Martin");
  nh_card_set_text (card, "birth_date", "2019-04-02");
  report = nh_printout_new_visit_report (record, card, edition, from, to);
  g_assert_true (nh_printout_write_pdf (report, nh_paper_lookup ("a4"), path, &error));
  g_assert_no_error (error);

  /* The same count for the same paper, every time. */
  *n_pages = nh_printout_count_pages (report, nh_paper_lookup ("a4")->width, nh_paper_lookup ("a4")->height, NULL);
  g_assert_cmpuint (nh_test_pdf_n_pages (path), ==, *n_pages);
  text = nh_test_pdf_text (path);
  g_unlink (path);

  return text;
}

static void
test_contents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autofree char *text = NULL;
  g_autofree char *stamp = NULL;
  guint n_pages;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }

  text = export (edition, "2026-01-01", "2026-12-31", &n_pages);
  g_assert_cmpuint (n_pages, >=, 3);
  /* The summary. */
  g_assert_nonnull (strstr (text, "Health Record for the Clinic"));
  g_assert_nonnull (strstr (text, "Leo Martin"));
  g_assert_nonnull (strstr (text, "Typed preventive"));
  g_assert_nonnull (strstr (text, "Illnesses: 1 (admitted to hospital: 1)"));
  /* The tables, with the period's entries only. */
  g_assert_nonnull (strstr (text, "LOT-100"));
  g_assert_nonnull (strstr (text, "Ear infection"));
  g_assert_nonnull (strstr (text, "8.1"));
  g_assert_null (strstr (text, "LOT-OLD"));
  /* Every page with the edition's stamp. */
  stamp = nh_edition_dup_stamp (edition);
  g_assert_nonnull (strstr (text, stamp));
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", n_pages, n_pages);

    g_assert_nonnull (strstr (text, last));
  }

  /* A period with nothing in it still makes a report that says so. */
  g_free (text);
  text = export (edition, "2020-01-01", "2020-12-31", &n_pages);
  g_assert_nonnull (strstr (text, "None in this period."));
}

static void
test_arabic (void)
{
  g_autoptr(NhCatalog) catalog = nh_catalog_new ("ar");
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin_translated (catalog, &error);
  g_autofree char *text = NULL;
  gboolean arabic = FALSE;
  guint n_pages;

  if (!nh_test_pdf_tools_available ())
    {
      g_test_skip ("poppler-utils are not installed");
      return;
    }
  g_assert_no_error (error);

  text = export (edition, "2026-01-01", "2026-12-31", &n_pages);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0600 && g_utf8_get_char (p) <= 0x06FF)
      arabic = TRUE;
  g_assert_true (arabic);
  g_assert_null (strstr (text, "Health Record for the Clinic"));
}

/* Any record, any size: the charts draw, and draw nothing made up. */
static void
test_charts_draw_anything (void)
{
  g_autoptr(NhRecord) empty = nh_record_new (NULL);
  g_autoptr(NhRecord) record = sample_record ();
  g_auto(GStrv) tests = nh_record_chart_dup_tests (record, "2026-01-01", NULL);
  const double sizes[][2] = { { 400, 180 }, { 10, 10 }, { 0, 0 }, { 2000, 90 } };

  g_assert_cmpuint (g_strv_length (tests), ==, 1);
  g_assert_cmpstr (tests[0], ==, "IgG trough level");
  g_assert_cmpuint (nh_record_chart_count_months ("2025-11-15", "2026-02-01"), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (sizes[i][0], 1), MAX (sizes[i][1], 1));
      cairo_t *cr = cairo_create (surface);

      nh_record_chart_draw_test (cr, sizes[i][0], sizes[i][1], record, "IgG trough level", NULL, NULL, "Target");
      nh_record_chart_draw_test (cr, sizes[i][0], sizes[i][1], empty, "IgG trough level", NULL, NULL, "Target");
      nh_record_chart_draw_illnesses (cr, sizes[i][0], sizes[i][1], record, NULL, NULL, "Illnesses", "Infusions");
      nh_record_chart_draw_illnesses (cr, sizes[i][0], sizes[i][1], empty, "2026-01-01", "2026-12-31", "Illnesses", "Infusions");
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/nh/visit-report/contents", test_contents);
  g_test_add_func ("/nh/visit-report/arabic", test_arabic);
  g_test_add_func ("/nh/visit-report/charts-draw-anything", test_charts_draw_anything);

  return g_test_run ();
}
