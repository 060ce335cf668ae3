/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-search.c: search latency over the whole built-in handbook, and over
 * an edition 16 times its size (for build-aux/bench) */

#include "config.h"

#include <json-glib/json-glib.h>

#include "model/nh-search.h"

#define TIMES 16

/* The built-in edition with its sections repeated TIMES times (new ids). */
static NhEdition *
load_large_edition (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/edition/en.json", 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) large = NULL;
  g_autofree char *data = NULL;
  JsonObject *root;
  JsonArray *sections;
  JsonArray *copies;
  NhEdition *edition;
  gsize len;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);

  root = json_node_get_object (json_parser_get_root (parser));
  sections = json_object_get_array_member (root, "sections");
  copies = json_array_new ();

  for (guint t = 0; t < TIMES; t++)
    for (guint i = 0; i < json_array_get_length (sections); i++)
      {
        /* json_node_copy() shares the object; a deep copy goes through text. */
        g_autofree char *text = json_to_string (json_array_get_element (sections, i), FALSE);
        JsonNode *copy = json_from_string (text, NULL);
        JsonObject *section = json_node_get_object (copy);
        g_autofree char *id = g_strdup_printf ("%s-%u", json_object_get_string_member (section, "id"), t);

        json_object_set_string_member (section, "id", id);
        json_array_add_element (copies, copy);
      }

  json_object_set_array_member (root, "sections", copies);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &len);
  large = g_bytes_new_take (g_steal_pointer (&data), len);

  if (!(edition = nh_edition_new_from_bytes (large, &error)))
    g_error ("%s", error->message);

  return edition;
}

static void
bench (const char *name,
       NhEdition  *edition)
{
  static const char * const queries[] = {
    "bcg", "diagnosis", "antibodies", "x-linked", "infection", "genetic testing",
    "stem cell", "skin teeth", "carriers", "immunoglobulin", "zzz-nothing", "NEMO",
    "fever", "live vaccine", "infectión", "i", "im", "imm", "immu",
  };
  g_autoptr(NhSearch) search = NULL;
  guint rounds = 50;
  gint64 start, elapsed;

  start = g_get_monotonic_time ();
  search = nh_search_new (edition);
  g_print ("%s-index-build-us: %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time () - start);

  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      g_object_unref (nh_search_query (search, queries[q]));
  elapsed = g_get_monotonic_time () - start;
  g_print ("%s-query-mean-us: %.1f\n", name, (double)elapsed / (rounds * G_N_ELEMENTS (queries)));

  /* "Did you mean …?" runs only when a query finds nothing. */
  start = g_get_monotonic_time ();
  g_free (nh_search_suggest (search, "warmup"));
  g_print ("%s-first-suggest-us: %" G_GINT64_FORMAT "\n", name, g_get_monotonic_time () - start);
  start = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    g_free (nh_search_suggest (search, "imunoglobulin"));
  elapsed = g_get_monotonic_time () - start;
  g_print ("%s-suggest-mean-us: %.1f\n", name, (double)elapsed / rounds);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NhEdition) edition = nh_edition_new_builtin (&error);
  g_autoptr(NhEdition) large = NULL;

  if (edition == NULL)
    g_error ("%s", error->message);

  bench ("builtin", edition);
  large = load_large_edition ();
  bench ("x16", large);

  return 0;
}
