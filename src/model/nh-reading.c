/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-reading.c: where the reader was, and their bookmarks, per edition
 *
 * Kept in the private store as reading.json:
 *
 *   { "format": 1,
 *     "editions": {
 *       "nemo-handbook-en": {
 *         "section": "treatment", "block": 3,
 *         "bookmarks": [ { "name": "Ig", "section": "treatment", "block": 1,
 *                          "excerpt": "People with antibody problems…" } ] } } }
 *
 * A position is a section and the paragraph (block) at the top of the view,
 * so it survives other text sizes and window widths. Positions and
 * bookmarks are kept per edition id: a support group's edition has its own.
 * A file that cannot be read is moved aside (nh_store_quarantine()) and the
 * reader starts afresh; nothing else depends on it.
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "nh-json-guard.h"
#include "nh-reading.h"

typedef struct
{
  char      *section_id;  /* nullable */
  guint      block;
  GPtrArray *bookmarks;   /* of NhBookmark */
} EditionReading;

struct _NhReading
{
  GObject     parent_instance;
  NhStore    *store;
  GHashTable *editions;   /* edition id -> EditionReading */
  gboolean    dirty;
};

G_DEFINE_FINAL_TYPE (NhReading, nh_reading, G_TYPE_OBJECT)

static void
bookmark_free (NhBookmark *bookmark)
{
  g_free (bookmark->name);
  g_free (bookmark->section_id);
  g_free (bookmark->excerpt);
  g_free (bookmark);
}

static void
edition_reading_free (EditionReading *reading)
{
  g_free (reading->section_id);
  g_ptr_array_unref (reading->bookmarks);
  g_free (reading);
}

static EditionReading *
ensure_edition (NhReading  *self,
                const char *edition_id)
{
  EditionReading *reading = g_hash_table_lookup (self->editions, edition_id);

  if (reading == NULL)
    {
      reading = g_new0 (EditionReading, 1);
      reading->bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify)bookmark_free);
      g_hash_table_insert (self->editions, g_strdup (edition_id), reading);
    }

  return reading;
}

/* A name or excerpt as kept: one line, not empty, not endless. */
static char *
clean_text (const char *text,
            const char *fallback)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *one_line = g_strdelimit (g_strdup (g_strstrip (valid)), "\n\r\t", ' ');

  if (*one_line == '\0')
    return g_strdup (fallback);
  if (g_utf8_strlen (one_line, -1) > NH_READING_MAX_NAME_CHARS)
    return g_utf8_substring (one_line, 0, NH_READING_MAX_NAME_CHARS);

  return g_steal_pointer (&one_line);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
member_uint (JsonObject *object,
             const char *name,
             guint      *value)
{
  JsonNode *node = json_object_get_member (object, name);
  gint64 number;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  number = json_node_get_int (node);
  if (number < 0 || number > G_MAXUINT16)
    return FALSE;

  *value = (guint)number;
  return TRUE;
}

static void
load_edition (NhReading  *self,
              const char *edition_id,
              JsonObject *object)
{
  EditionReading *reading = ensure_edition (self, edition_id);
  const char *section = member_string (object, "section");
  JsonNode *bookmarks = json_object_get_member (object, "bookmarks");
  guint block = 0;

  if (section != NULL && member_uint (object, "block", &block))
    {
      reading->section_id = g_strdup (section);
      reading->block = block;
    }

  if (bookmarks == NULL || !JSON_NODE_HOLDS_ARRAY (bookmarks))
    return;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (bookmarks)) &&
                    reading->bookmarks->len < NH_READING_MAX_BOOKMARKS; i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (bookmarks), i);
      JsonObject *entry;
      NhBookmark *bookmark;
      const char *bookmark_section;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      if (!(bookmark_section = member_string (entry, "section")) || !member_uint (entry, "block", &block))
        continue;

      bookmark = g_new0 (NhBookmark, 1);
      bookmark->section_id = g_strdup (bookmark_section);
      bookmark->block = block;
      bookmark->name = clean_text (member_string (entry, "name"), bookmark_section);
      bookmark->excerpt = clean_text (member_string (entry, "excerpt"), "");
      g_ptr_array_add (reading->bookmarks, bookmark);
    }
}

static gboolean
load_from_bytes (NhReading  *self,
                 GBytes     *bytes,
                 GError    **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *editions;
  JsonObjectIter iter;
  const char *edition_id;
  JsonNode *node;

  /* The one guarded loader: size, emptiness, UTF-8, depth and syntax. */
  if (!(root = nh_json_guard_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NH_READING_MAX_BYTES, NH_READING_MAX_DEPTH, NULL, error)))
    return FALSE;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(editions = json_object_get_member (json_node_get_object (root), "editions")) ||
      !JSON_NODE_HOLDS_OBJECT (editions))
    {
      g_set_error_literal (error, NH_STORE_ERROR, NH_STORE_ERROR_IO,
                           "not a reading positions file");
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (editions));
  while (json_object_iter_next (&iter, &edition_id, &node))
    if (JSON_NODE_HOLDS_OBJECT (node))
      load_edition (self, edition_id, json_node_get_object (node));

  return TRUE;
}

static void
nh_reading_finalize (GObject *object)
{
  NhReading *self = (NhReading *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->editions, g_hash_table_unref);

  G_OBJECT_CLASS (nh_reading_parent_class)->finalize (object);
}

static void
nh_reading_class_init (NhReadingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nh_reading_finalize;
}

static void
nh_reading_init (NhReading *self)
{
  self->editions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify)edition_reading_free);
}

/**
 * nh_reading_new:
 * @backup_path: (out) (optional): where an unreadable file was moved
 *
 * Returns: (transfer full): the positions and bookmarks saved in @store
 */
NhReading *
nh_reading_new (NhStore  *store,
                char    **backup_path)
{
  g_autoptr(NhReading) self = g_object_new (NH_TYPE_READING, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  bytes = nh_store_load (store, NH_READING_FILE, NH_READING_MAX_BYTES, &error);

  if (bytes == NULL && g_error_matches (error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
    return g_steal_pointer (&self);

  if (bytes == NULL || !load_from_bytes (self, bytes, &error))
    {
      g_autofree char *moved = nh_store_quarantine (store, NH_READING_FILE, NULL);

      g_hash_table_remove_all (self->editions);
      if (backup_path != NULL)
        *backup_path = g_steal_pointer (&moved);
    }

  return g_steal_pointer (&self);
}

/**
 * nh_reading_get_position:
 * @section_id: (out) (transfer none)
 *
 * Returns: whether a position is saved for @edition_id
 */
gboolean
nh_reading_get_position (NhReading   *self,
                         const char  *edition_id,
                         const char **section_id,
                         guint       *block)
{
  EditionReading *reading;

  g_return_val_if_fail (NH_IS_READING (self), FALSE);
  g_return_val_if_fail (edition_id != NULL, FALSE);

  reading = g_hash_table_lookup (self->editions, edition_id);
  if (reading == NULL || reading->section_id == NULL)
    return FALSE;

  *section_id = reading->section_id;
  *block = reading->block;
  return TRUE;
}

void
nh_reading_set_position (NhReading  *self,
                         const char *edition_id,
                         const char *section_id,
                         guint       block)
{
  EditionReading *reading;

  g_return_if_fail (NH_IS_READING (self));
  g_return_if_fail (edition_id != NULL && section_id != NULL);

  reading = ensure_edition (self, edition_id);
  if (g_strcmp0 (reading->section_id, section_id) == 0 && reading->block == block)
    return;

  g_free (reading->section_id);
  reading->section_id = g_strdup (section_id);
  reading->block = block;
  self->dirty = TRUE;
}

guint
nh_reading_get_n_bookmarks (NhReading  *self,
                            const char *edition_id)
{
  EditionReading *reading;

  g_return_val_if_fail (NH_IS_READING (self), 0);

  reading = g_hash_table_lookup (self->editions, edition_id);
  return reading ? reading->bookmarks->len : 0;
}

/* Returns: (transfer none) (nullable) */
const NhBookmark *
nh_reading_get_bookmark (NhReading  *self,
                         const char *edition_id,
                         guint       position)
{
  EditionReading *reading;

  g_return_val_if_fail (NH_IS_READING (self), NULL);

  reading = g_hash_table_lookup (self->editions, edition_id);
  if (reading == NULL || position >= reading->bookmarks->len)
    return NULL;

  return g_ptr_array_index (reading->bookmarks, position);
}

/* Returns: FALSE when there are too many bookmarks already */
gboolean
nh_reading_add_bookmark (NhReading  *self,
                         const char *edition_id,
                         const char *name,
                         const char *section_id,
                         guint       block,
                         const char *excerpt)
{
  EditionReading *reading;
  NhBookmark *bookmark;

  g_return_val_if_fail (NH_IS_READING (self), FALSE);
  g_return_val_if_fail (edition_id != NULL && section_id != NULL, FALSE);

  reading = ensure_edition (self, edition_id);
  if (reading->bookmarks->len >= NH_READING_MAX_BOOKMARKS)
    return FALSE;

  bookmark = g_new0 (NhBookmark, 1);
  bookmark->section_id = g_strdup (section_id);
  bookmark->block = block;
  bookmark->name = clean_text (name, section_id);
  bookmark->excerpt = clean_text (excerpt, "");
  g_ptr_array_add (reading->bookmarks, bookmark);
  self->dirty = TRUE;

  return TRUE;
}

void
nh_reading_rename_bookmark (NhReading  *self,
                            const char *edition_id,
                            guint       position,
                            const char *name)
{
  NhBookmark *bookmark = (NhBookmark *)nh_reading_get_bookmark (self, edition_id, position);

  if (bookmark == NULL)
    return;

  g_free (bookmark->name);
  bookmark->name = clean_text (name, bookmark->section_id);
  self->dirty = TRUE;
}

void
nh_reading_remove_bookmark (NhReading  *self,
                            const char *edition_id,
                            guint       position)
{
  EditionReading *reading;

  g_return_if_fail (NH_IS_READING (self));

  reading = g_hash_table_lookup (self->editions, edition_id);
  if (reading == NULL || position >= reading->bookmarks->len)
    return;

  g_ptr_array_remove_index (reading->bookmarks, position);
  self->dirty = TRUE;
}

gboolean
nh_reading_is_dirty (NhReading *self)
{
  g_return_val_if_fail (NH_IS_READING (self), FALSE);
  return self->dirty;
}

gboolean
nh_reading_save (NhReading  *self,
                 GError    **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GList) ids = NULL;
  gsize length;

  g_return_val_if_fail (NH_IS_READING (self), FALSE);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "editions");
  json_builder_begin_object (builder);

  /* In order, so the same state always makes the same file. */
  ids = g_list_sort (g_hash_table_get_keys (self->editions), (GCompareFunc)g_strcmp0);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      EditionReading *reading = g_hash_table_lookup (self->editions, l->data);

      json_builder_set_member_name (builder, l->data);
      json_builder_begin_object (builder);
      if (reading->section_id != NULL)
        {
          json_builder_set_member_name (builder, "section");
          json_builder_add_string_value (builder, reading->section_id);
          json_builder_set_member_name (builder, "block");
          json_builder_add_int_value (builder, reading->block);
        }
      json_builder_set_member_name (builder, "bookmarks");
      json_builder_begin_array (builder);
      for (guint i = 0; i < reading->bookmarks->len; i++)
        {
          NhBookmark *bookmark = g_ptr_array_index (reading->bookmarks, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, bookmark->name);
          json_builder_set_member_name (builder, "section");
          json_builder_add_string_value (builder, bookmark->section_id);
          json_builder_set_member_name (builder, "block");
          json_builder_add_int_value (builder, bookmark->block);
          json_builder_set_member_name (builder, "excerpt");
          json_builder_add_string_value (builder, bookmark->excerpt);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);

  if (!nh_store_save (self->store, NH_READING_FILE, data, length, error))
    return FALSE;

  self->dirty = FALSE;
  return TRUE;
}
