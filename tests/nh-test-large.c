/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-large.c: documents at a loader's size limit, made on the fly */

#include <json-glib/json-glib.h>

#include "nh-test-large.h"

const char * const nh_test_large_shapes[] = {
  "unknown-keys", "long-key", "flat-array", "nested-arrays", NULL,
};

/* A copy of @node where every text value, in objects and arrays, is a list
 * holding it: a problem in every value, and the document keeps its size. */
static JsonNode *
spoiled (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) names = json_object_get_members (object);
      JsonNode *result = json_node_new (JSON_NODE_OBJECT);

      for (GList *l = names; l; l = l->next)
        json_object_set_member (copy, l->data, spoiled (json_object_get_member (object, l->data)));
      json_node_take_object (result, copy);
      return result;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *copy = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (copy, spoiled (json_array_get_element (array, i)));
      json_node_take_array (result, copy);
      return result;
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      JsonArray *holder = json_array_new ();
      JsonNode *result = json_node_new (JSON_NODE_ARRAY);

      json_array_add_string_element (holder, json_node_get_string (node));
      json_node_take_array (result, holder);
      return result;
    }

  return json_node_copy (node);
}

/* Replaces *@root by its spoiled copy. */
static void
spoil (JsonNode **root)
{
  JsonNode *copy = spoiled (*root);

  json_node_unref (*root);
  *root = copy;
}

static GBytes *
to_bytes (JsonNode     *root,
          NhLargeFlags  flags)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length;
  char *text;

  json_generator_set_pretty (generator, !(flags & NH_LARGE_ONE_LINE));
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static gsize
size_of (JsonNode     *root,
         NhLargeFlags  flags)
{
  g_autoptr(GBytes) bytes = to_bytes (root, flags);

  return g_bytes_get_size (bytes);
}

static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, NULL))
    g_error ("nh-test-large: the seed does not parse");

  return json_node_copy (json_parser_get_root (parser));
}

/* json_node_copy() shares objects and arrays; this does not. */
static JsonNode *
deep_copy (JsonNode *node)
{
  g_autoptr(GBytes) bytes = to_bytes (node, NH_LARGE_ONE_LINE);

  return parse (bytes);
}

/* Appends copies of @array's elements (cyclically) until it has @n. */
static void
fill_array (JsonArray *array,
            guint      n)
{
  guint seed_length = json_array_get_length (array);

  g_return_if_fail (seed_length > 0);

  for (guint i = seed_length; i < n; i++)
    json_array_add_element (array, deep_copy (json_array_get_element (array, i % seed_length)));
}

/* Drops elements from the end of @array until @root fits in @max_bytes
 * (at least one element stays). */
static void
trim_to_fit (JsonNode     *root,
             JsonArray    *array,
             gsize         max_bytes,
             NhLargeFlags  flags)
{
  gsize size = size_of (root, flags);
  guint n = json_array_get_length (array);

  /* Guess from the mean element size, then step to be sure. */
  if (size > max_bytes && n > 1)
    {
      guint keep = MAX (1, (guint)((double)n * max_bytes / size * 0.98));

      while (json_array_get_length (array) > keep)
        json_array_remove_element (array, json_array_get_length (array) - 1);
    }

  while (json_array_get_length (array) > 1 && size_of (root, flags) > max_bytes)
    json_array_remove_element (array, json_array_get_length (array) - 1);
}

GBytes *
nh_test_large_edition (GBytes       *seed,
                       gsize         max_bytes,
                       NhLargeFlags  flags)
{
  g_autoptr(JsonNode) root = parse (seed);
  JsonArray *sections = json_object_get_array_member (json_node_get_object (root), "sections");
  guint n_seed = json_array_get_length (sections);

  /* 200 is the most sections, and blocks in a section, an edition has. */
  for (guint i = 0; i < n_seed; i++)
    fill_array (json_object_get_array_member (json_array_get_object_element (sections, i), "blocks"),
                200);
  fill_array (sections, 200);

  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *section = json_array_get_object_element (sections, i);
      g_autofree char *id = g_strdup_printf ("%s-%u", json_object_get_string_member (section, "id"), i);

      json_object_set_string_member (section, "id", id);
    }

  if (flags & NH_LARGE_BAD)
    {
      spoil (&root);
      sections = json_object_get_array_member (json_node_get_object (root), "sections");
    }
  trim_to_fit (root, sections, max_bytes, flags);
  /* At a fuzzer's small size, one section may still be too large. */
  trim_to_fit (root, json_object_get_array_member (json_array_get_object_element (sections, 0), "blocks"),
               max_bytes, flags);

  return to_bytes (root, flags);
}

GBytes *
nh_test_large_card (gsize         max_bytes,
                    NhLargeFlags  flags)
{
  static const char seed[] =
    "{\"format\":1,\"revision\":3,\"updated\":\"2026-01-12\","
    "\"fields\":{\"child_name\":\"Alex Example\",\"weight\":\"18 kg\"},"
    "\"print\":{\"paper\":\"id1\",\"qr\":true}}";
  g_autoptr(GBytes) seed_bytes = g_bytes_new_static (seed, sizeof seed - 1);
  g_autoptr(JsonNode) root = parse (seed_bytes);
  JsonObject *fields = json_object_get_object_member (json_node_get_object (root), "fields");
  gsize size;

  if (flags & NH_LARGE_BAD)
    {
      spoil (&root);
      fields = json_object_get_object_member (json_node_get_object (root), "fields");
    }
  size = size_of (root, flags);

  /* Fields a newer version may have written, which this one keeps. */
  for (guint i = 0; size < max_bytes; i++)
    {
      g_autofree char *name = g_strdup_printf ("field_from_a_newer_version_%u", i);
      g_autofree char *text = g_strdup_printf ("kept text number %u", i);

      if (flags & NH_LARGE_BAD)
        json_object_set_int_member (fields, name, 1);
      else
        json_object_set_string_member (fields, name, text);
      size += strlen (name) + ((flags & NH_LARGE_BAD) ? 1 : strlen (text) + 2) +
              ((flags & NH_LARGE_ONE_LINE) ? 4 : 12);
      if (size > max_bytes)
        json_object_remove_member (fields, name);
    }

  while (size_of (root, flags) > max_bytes)
    {
      g_autoptr(GList) names = json_object_get_members (fields);

      json_object_remove_member (fields, g_list_last (names)->data);
    }

  return to_bytes (root, flags);
}

GBytes *
nh_test_large_checklist_state (gsize         max_bytes,
                               NhLargeFlags  flags)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonArray *archive;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "current");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "20261125T140700000000Z");
  json_builder_set_member_name (builder, "started");
  json_builder_add_string_value (builder, "2026-11-25T14:07:00Z");
  json_builder_set_member_name (builder, "ticks");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "readings");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, "");
  json_builder_end_object (builder);

  /* As many archived episodes as the app keeps, each with as many
   * readings as an episode takes, then trimmed to the size. */
  json_builder_set_member_name (builder, "archive");
  json_builder_begin_array (builder);
  for (guint e = 0; e < 200; e++)
    {
      g_autofree char *id = g_strdup_printf ("2025%02u%02uT090000000000Z", 1 + e / 28 % 12, 1 + e % 28);
      g_autofree char *started = g_strdup_printf ("2025-%02u-%02uT09:00:00Z", 1 + e / 28 % 12, 1 + e % 28);
      g_autofree char *ended = g_strdup_printf ("2025-%02u-%02uT18:00:00Z", 1 + e / 28 % 12, 1 + e % 28);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "started");
      json_builder_add_string_value (builder, started);
      json_builder_set_member_name (builder, "ended");
      json_builder_add_string_value (builder, ended);
      json_builder_set_member_name (builder, "ticks");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "call-team");
      json_builder_add_string_value (builder, started);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "readings");
      json_builder_begin_array (builder);
      for (guint r = 0; r < 500; r++)
        {
          g_autofree char *time = g_strdup_printf ("2025-%02u-%02uT%02u:%02u:00Z",
                                                   1 + e / 28 % 12, 1 + e % 28, 9 + r / 60 % 9, r % 60);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "time");
          json_builder_add_string_value (builder, time);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, "38.6 °C");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, "Shivering, then slept");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  if (flags & NH_LARGE_BAD)
    spoil (&root);
  archive = json_object_get_array_member (json_node_get_object (root), "archive");
  trim_to_fit (root, archive, max_bytes, flags);

  return to_bytes (root, flags);
}

/* Made as text: these are about the parser and the checks around it. */
GBytes *
nh_test_large_shape (const char *shape,
                     gsize       max_bytes)
{
  GString *text = g_string_sized_new (max_bytes);

  if (g_str_equal (shape, "unknown-keys"))
    {
      g_string_append_c (text, '{');
      for (guint i = 0; text->len + 32 < max_bytes; i++)
        g_string_append_printf (text, "%s\"k%u\":1", i ? "," : "", i);
      g_string_append_c (text, '}');
    }
  else if (g_str_equal (shape, "long-key"))
    {
      g_string_append (text, "{\"");
      while (text->len < max_bytes / 2)
        g_string_append_c (text, 'k');
      g_string_append (text, "\":[1");
      while (text->len + 4 < max_bytes)
        g_string_append (text, ",1");
      g_string_append (text, "]}");
    }
  else if (g_str_equal (shape, "flat-array"))
    {
      g_string_append (text, "{\"sections\":[1");
      while (text->len + 4 < max_bytes)
        g_string_append (text, ",1");
      g_string_append (text, "]}");
    }
  else if (g_str_equal (shape, "nested-arrays"))
    {
      g_string_append (text, "{\"sections\":[[[[1]]]");
      while (text->len + 16 < max_bytes)
        g_string_append (text, ",[[[1]]]");
      g_string_append (text, "]}");
    }
  else
    g_error ("nh-test-large: no shape %s", shape);

  return g_string_free_to_bytes (text);
}
