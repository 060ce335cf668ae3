/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c: search latency over the whole built-in handbook (for build-aux/bench) */

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
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autoptr(NhSearch) search = NULL;
  guint rounds = 200;
  gint64 start, elapsed;

  if (edition == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  search = nh_search_new (edition);
  g_print ("index-build-us: %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      g_object_unref (nh_search_query (search, queries[q]));
  elapsed = g_get_monotonic_time () - start;

  g_print ("query-mean-us: %.1f\n", (double)elapsed / (rounds * G_N_ELEMENTS (queries)));

  return 0;
}
