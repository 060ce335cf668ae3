/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-record.c: ten years of a record, loaded and charted (for build-aux/bench)
 *
 * 520 weekly infusions, 200 illnesses and 100 lab results: the median time
 * to load record.json (targets: under 50 ms) and to draw each chart on an
 * A4-wide surface (under 16 ms). Prints numbers; a benchmark, not a test.
 */

#include <glib/gstdio.h>

#include "render/nh-record-chart.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_of (GArray *runs)
{
  g_array_sort (runs, compare_doubles);

  return g_array_index (runs, double, runs->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *directory = g_dir_make_tmp ("nh-bench-record-XXXXXX", NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhRecord) record = nh_record_new (store);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tests = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) illnesses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GDateTime) start = g_date_time_new_local (2016, 12, 5, 18, 0, 0);
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < 520; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_weeks (start, i);
      char **values = g_new0 (char *, 12);

      values[0] = g_date_time_format (time, "%Y-%m-%dT%H:%M");
      values[1] = g_strdup ("Product A 10%");
      values[2] = g_strdup ("subcutaneous");
      values[3] = g_strdup ("2.5");
      values[4] = g_strdup ("g");
      values[5] = g_strdup_printf ("LOT-%u, LOT-%u", 1000 + i / 4, 1001 + i / 4);
      for (guint c = 6; c < 11; c++)
        values[c] = g_strdup (c == 8 ? "Mum" : "");
      g_ptr_array_add (rows, values);
    }
  if (!nh_record_add_entries (record, NH_RECORD_INFUSIONS, rows, &error))
    g_error ("%s", error->message);

  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_days (start, i * 18);
      g_autoptr(GDateTime) end = g_date_time_add_days (time, 6);
      char **values = g_new0 (char *, 10);

      values[0] = g_date_time_format (time, "%Y-%m-%d");
      values[1] = g_date_time_format (end, "%Y-%m-%d");
      values[2] = g_strdup ("Ear infection");
      values[3] = g_strdup ("38.9, 38.4");
      values[4] = g_strdup ("Typed antibiotic");
      values[5] = g_strdup (i % 5 == 0 ? "admission" : "visit");
      values[6] = g_strdup ("Better");
      values[7] = g_strdup ("");
      values[8] = g_strdup ("");
      g_ptr_array_add (rows, values);
    }
  if (!nh_record_add_entries (record, NH_RECORD_ILLNESSES, rows, &error))
    g_error ("%s", error->message);

  g_ptr_array_set_size (rows, 0);
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GDateTime) time = g_date_time_add_days (start, i * 36);
      char **values = g_new0 (char *, 8);

      values[0] = g_date_time_format (time, "%Y-%m-%d");
      values[1] = g_strdup (i % 2 ? "IgG trough level" : "Lymphocytes");
      values[2] = g_strdup_printf ("%u.%u", 6 + i % 4, i % 10);
      values[3] = g_strdup ("g/L");
      values[4] = g_strdup ("6");
      values[5] = g_strdup ("9");
      values[6] = g_strdup ("");
      g_ptr_array_add (rows, values);
    }
  if (!nh_record_add_entries (record, NH_RECORD_LAB_RESULTS, rows, &error))
    g_error ("%s", error->message);

  for (guint r = 0; r < 21; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(NhRecord) loaded = nh_record_load (store, NULL, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      if (loaded == NULL || nh_record_get_n_entries (loaded, NH_RECORD_INFUSIONS) != 520)
        g_error ("the record did not load");
      g_array_append_val (loads, ms);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 520, 180);
  cr = cairo_create (surface);
  for (guint r = 0; r < 21; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      double ms;

      nh_record_chart_draw_test (cr, 520, 180, record, "IgG trough level", NULL, NULL, "Target range");
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (tests, ms);

      t0 = g_get_monotonic_time ();
      nh_record_chart_draw_illnesses (cr, 520, 180, record, NULL, NULL, "Illnesses", "Infusions");
      cairo_surface_flush (surface);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (illnesses, ms);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_print ("load-ms: %.2f\n", median_of (loads));
  g_print ("chart-test-ms: %.2f\n", median_of (tests));
  g_print ("chart-illnesses-ms: %.2f\n", median_of (illnesses));

  path = nh_store_dup_path (store, NH_RECORD_FILE_NAME);
  g_unlink (path);
  g_rmdir (directory);

  return 0;
}
