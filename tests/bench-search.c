/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c: search and "Did you mean" latency over the whole built-in
 * handbook (for build-aux/bench)
 *
 *   bench-search [EDITION.json]   another edition (build-aux/bench makes
 *                                 larger ones to see how the cost grows) */

#include "model/nh-search.h"

int
main (int   argc,
      char *argv[])
{
  static const char * const queries[] = {
    "bcg", "diagnosis", "antibodies", "x-linked", "infection", "genetic testing",
    "stem cell", "skin teeth", "carriers", "immunoglobulin", "zzz-nothing", "NEMO",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = NULL;
  g_autoptr(NhSearch) search = NULL;
  guint rounds = 200;
  gint64 start, elapsed;
  guint n;

  /* Each figure the mean over at least 200 ms of the same work, so a
   * small edition is not timed on caches a large one cannot fit in. */
  start = g_get_monotonic_time ();
  for (n = 0; n == 0 || g_get_monotonic_time () - start < 200000; n++)
    {
      g_clear_object (&edition);
      if (argc > 1)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

          edition = nh_edition_new_from_file (file, &error);
        }
      else
        edition = nh_edition_new_builtin (&error);

      if (edition == NULL)
        g_error ("%s", error->message);
    }
  g_print ("load-us: %.0f\n", (double)(g_get_monotonic_time () - start) / n);

  start = g_get_monotonic_time ();
  for (n = 0; n == 0 || g_get_monotonic_time () - start < 200000; n++)
    {
      g_clear_object (&search);
      search = nh_search_new (edition);
    }
  g_print ("index-build-us: %.0f\n", (double)(g_get_monotonic_time () - start) / n);

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      g_object_unref (nh_search_query (search, queries[q]));
  elapsed = g_get_monotonic_time () - start;

  g_print ("query-mean-us: %.1f\n", (double)elapsed / (rounds * G_N_ELEMENTS (queries)));

  /* "Did you mean ...?" runs only when a query finds nothing; the first
   * one builds the word list. */
  start = g_get_monotonic_time ();
  g_free (nh_search_suggest (search, "warmup"));
  g_print ("first-suggest-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);
  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    g_free (nh_search_suggest (search, "imunoglobulin"));
  elapsed = g_get_monotonic_time () - start;
  g_print ("suggest-mean-us: %.1f\n", (double)elapsed / rounds);

  return 0;
}
