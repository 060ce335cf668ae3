/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-backup.c: everything the family typed, for every child, in one file
 *
 * A backup is one JSON document:
 *   { "format": 1, "kind": "nemo-handbook-backup", "created": "2026-12-02T14:00:00Z",
 *     "current": "first",
 *     "children": [ { "id": "first", "name": "Leo",
 *                     "card": { …card.json… } or null,
 *                     "checklist": { …checklist.json… } or null,
 *                     "record": { …record.json… } or null }, … ] }
 * Each child's part holds their files as those files are, in the formats
 * their own loaders read (and check).
 *
 * Restoring checks the whole file first, every part with the loader the
 * app uses, and changes nothing unless all of it is clean. Then it saves
 * the data there is now as a backup of its own in the store folder
 * (before-restore-<time>.nemo-backup), writes each child's files and
 * removes those of children the backup does not have, and writes the
 * family file last.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nh-backup.h"
#include "nh-json-guard.h"

static const struct {
  const char *member;
  const char *file;
  gsize       max_bytes;
} parts[] = {
  { "card", NH_CARD_FILE_NAME, NH_CARD_MAX_BYTES },
  { "checklist", NH_CHECKLIST_STATE_FILE, NH_CHECKLIST_STATE_MAX_BYTES },
  { "record", NH_RECORD_FILE_NAME, NH_RECORD_MAX_BYTES },
};

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("This is not a backup the app can restore: %s"),
               message);
  return FALSE;
}

/* A file of the store, parsed, or NULL when there is none. */
static JsonNode *
load_part (NhStore     *store,
           const char  *file,
           gsize        max_bytes,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length;

  if (!(bytes = nh_store_load (store, file, max_bytes, &local_error)))
    {
      if (g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!(root = nh_json_guard_parse (data, length, max_bytes, NH_BACKUP_MAX_DEPTH - 3, NULL, &local_error)))
    {
      g_autofree char *path = nh_store_dup_path (store, file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” cannot be read, so it cannot be backed up"), path);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/**
 * nh_backup_dup_data:
 *
 * Returns: (transfer full) (nullable): the backup of every child's card,
 *   checklist and record as they are saved now
 */
char *
nh_backup_dup_data (NhFamily  *family,
                    gsize     *length,
                    GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  guint n;

  g_return_val_if_fail (NH_IS_FAMILY (family), NULL);

  /* What waits to be saved, first. */
  if (!nh_family_flush (family, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, NH_BACKUP_FORMAT);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, NH_BACKUP_KIND);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "current");
  json_builder_add_string_value (builder, nh_child_get_id (nh_family_get_current (family)));
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);

  n = nh_family_get_n_children (family);
  for (guint i = 0; i < n; i++)
    {
      NhChild *child = nh_family_get_child (family, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, nh_child_get_id (child));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, nh_child_get_name (child));

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          g_autoptr(GError) part_error = NULL;
          JsonNode *node = load_part (nh_child_get_store (child), parts[p].file, parts[p].max_bytes, &part_error);

          if (part_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&part_error));
              return NULL;
            }

          json_builder_set_member_name (builder, parts[p].member);
          if (node != NULL)
            json_builder_add_value (builder, node);
          else
            json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, length);
}

typedef struct
{
  char  *id;
  char  *name;
  char  *data[G_N_ELEMENTS (parts)];   /* NULL: the child has no such file */
  gsize  length[G_N_ELEMENTS (parts)];
} RestoredChild;

static void
restored_child_free (gpointer data)
{
  RestoredChild *child = data;

  g_free (child->id);
  g_free (child->name);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    g_free (child->data[p]);
  g_free (child);
}

static char *
node_to_data (JsonNode *node,
              gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, length);
}

/* A card has no loader that takes bytes: it is checked in a store folder
 * of its own, as the app would load it. */
static gboolean
check_card (NhFamily    *family,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autofree char *directory = g_build_filename (nh_store_get_directory (nh_family_get_store (family)),
                                                 "restore-check", NULL);
  g_autoptr(NhStore) store = nh_store_new (directory);
  g_autoptr(NhCard) card = nh_card_new (store);
  gboolean ok;

  if (!nh_store_save (store, NH_CARD_FILE_NAME, data, length, error))
    return FALSE;

  ok = nh_card_load (card, NULL);
  if (nh_card_get_backup_path (card) != NULL)
    {
      g_autofree char *moved = g_path_get_basename (nh_card_get_backup_path (card));

      nh_store_remove (store, moved, NULL);
    }
  nh_store_remove (store, NH_CARD_FILE_NAME, NULL);

  if (!ok)
    return invalid (error, _("an emergency card in it cannot be read"));

  return TRUE;
}

static GPtrArray *
read_backup (NhFamily     *family,
             GBytes       *bytes,
             char        **current,
             GError      **error)
{
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (restored_child_free);
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  gsize length;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;

  data = g_bytes_get_data (bytes, &length);

  /* The one guarded loader: size, emptiness, UTF-8, depth and syntax. */
  if (!(root_node = nh_json_guard_parse (data, length, NH_BACKUP_MAX_BYTES, NH_BACKUP_MAX_DEPTH, NULL,
                                         &parse_error)))
    {
      invalid (error, parse_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      invalid (error, _("it does not hold a backup"));
      return NULL;
    }
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "kind");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), NH_BACKUP_KIND))
    {
      invalid (error, _("it does not hold a backup"));
      return NULL;
    }
  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != NH_BACKUP_FORMAT)
    {
      invalid (error, _("it was made by another version of the app"));
      return NULL;
    }

  node = json_object_get_member (root, "children");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || (array = json_node_get_array (node)) == NULL ||
      json_array_get_length (array) == 0 || json_array_get_length (array) > NH_FAMILY_MAX_CHILDREN)
    {
      invalid (error, _("it does not list the children"));
      return NULL;
    }

  if ((node = json_object_get_member (root, "current")) && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    *current = g_strdup (json_node_get_string (node));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      RestoredChild *child;
      JsonObject *object;
      const char *id = NULL, *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          invalid (error, _("it does not list the children"));
          return NULL;
        }
      object = json_node_get_object (element);
      if ((node = json_object_get_member (object, "id")) && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        id = json_node_get_string (node);
      if ((node = json_object_get_member (object, "name")) && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        name = json_node_get_string (node);
      if (id == NULL || name == NULL || g_utf8_strlen (name, -1) > NH_CHILD_MAX_NAME_CHARS)
        {
          invalid (error, _("a child has no id or name"));
          return NULL;
        }

      child = g_new0 (RestoredChild, 1);
      g_ptr_array_add (children, child);
      child->id = g_strdup (id);
      child->name = g_strdup (name);

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          g_autoptr(GBytes) part = NULL;
          g_autoptr(GError) part_error = NULL;

          node = json_object_get_member (object, parts[p].member);
          if (node == NULL || JSON_NODE_HOLDS_NULL (node))
            continue;

          child->data[p] = node_to_data (node, &child->length[p]);
          if (child->length[p] > parts[p].max_bytes)
            {
              invalid (error, _("a part of it is too large"));
              return NULL;
            }
          part = g_bytes_new_static (child->data[p], child->length[p]);

          /* Each part, as the app will read it. */
          if (p == 0 && !check_card (family, child->data[p], child->length[p], error))
            return NULL;
          if (p == 1)
            {
              g_autoptr(NhChecklistState) state = nh_checklist_state_new_from_bytes (part, &part_error);

              if (state == NULL)
                {
                  g_autofree char *message = g_strdup_printf ("checklist: %s", part_error->message);

                  invalid (error, message);
                  return NULL;
                }
            }
          if (p == 2)
            {
              g_autoptr(NhRecord) record = nh_record_new_from_bytes (part, &part_error);

              if (record == NULL)
                {
                  invalid (error, part_error->message);
                  return NULL;
                }
            }
        }
    }

  return g_steal_pointer (&children);
}

/**
 * nh_backup_check:
 * @n_children: (out) (optional): how many children it holds
 *
 * Checks a backup as nh_backup_restore() would, changing nothing.
 */
gboolean
nh_backup_check (NhFamily  *family,
                 GBytes    *bytes,
                 guint     *n_children,
                 GError   **error)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (NH_IS_FAMILY (family), FALSE);

  if (!(children = read_backup (family, bytes, &current, error)))
    return FALSE;

  if (n_children != NULL)
    *n_children = children->len;

  return TRUE;
}

static gboolean
save_or_remove (NhStore     *store,
                const char  *file,
                const char  *data,
                gsize        length,
                GError     **error)
{
  if (data == NULL)
    return nh_store_remove (store, file, error);

  return nh_store_save (store, file, data, length, error);
}

/**
 * nh_backup_restore:
 * @previous_path: (out) (optional): where the data there was is kept, as a
 *   backup that can be restored in turn
 *
 * Replaces every child's data with the backup's, once all of it checked
 * clean; on any problem nothing is changed. @family is not updated: load
 * the family again.
 */
gboolean
nh_backup_restore (NhFamily  *family,
                   GBytes    *bytes,
                   char     **previous_path,
                   GError   **error)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) family_node = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *current = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *previous_name = NULL;
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *family_data = NULL;
  NhStore *root = nh_family_get_store (family);
  gsize length;

  g_return_val_if_fail (NH_IS_FAMILY (family), FALSE);

  if (!(children = read_backup (family, bytes, &current, error)))
    return FALSE;

  /* The data there is now, kept first. */
  if (!(previous = nh_backup_dup_data (family, &length, error)))
    return FALSE;
  previous_name = g_strdup_printf ("before-restore-%s.nemo-backup", stamp);
  if (!nh_store_save (root, previous_name, previous, length, error))
    return FALSE;
  if (previous_path != NULL)
    *previous_path = nh_store_dup_path (root, previous_name);

  /* The backup's first child is the first child, in the top folder. */
  g_free (((RestoredChild *)g_ptr_array_index (children, 0))->id);
  ((RestoredChild *)g_ptr_array_index (children, 0))->id = g_strdup ("first");
  for (guint i = 1; i < children->len; i++)
    {
      RestoredChild *child = g_ptr_array_index (children, i);
      gboolean usable = strlen (child->id) <= 40 && !g_str_equal (child->id, "first");

      for (const char *p = child->id; usable && *p; p++)
        usable = g_ascii_isalnum (*p) || *p == '-';
      for (guint k = 0; usable && k < i; k++)
        usable = !g_str_equal (((RestoredChild *)g_ptr_array_index (children, k))->id, child->id);
      if (!usable || *child->id == '\0')
        {
          g_autofree char *uuid = g_uuid_string_random ();

          g_free (child->id);
          child->id = g_strndup (uuid, 8);
        }
    }

  /* Children the backup does not have lose their files (kept above). */
  for (guint i = 0; i < nh_family_get_n_children (family); i++)
    {
      NhChild *child = nh_family_get_child (family, i);
      gboolean kept = FALSE;

      for (guint k = 0; k < children->len; k++)
        kept |= g_str_equal (((RestoredChild *)g_ptr_array_index (children, k))->id, nh_child_get_id (child));
      for (guint p = 0; !kept && p < G_N_ELEMENTS (parts); p++)
        if (!nh_store_remove (nh_child_get_store (child), parts[p].file, error))
          return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, NH_FAMILY_FORMAT);
  json_builder_set_member_name (builder, "current");
  json_builder_add_string_value (builder, ((RestoredChild *)g_ptr_array_index (children, 0))->id);
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);

  for (guint i = 0; i < children->len; i++)
    {
      RestoredChild *child = g_ptr_array_index (children, i);
      g_autofree char *folder = i == 0 ? g_strdup ("") : g_strdup_printf (NH_FAMILY_CHILDREN_DIR "/%s", child->id);
      g_autofree char *directory = g_build_filename (nh_store_get_directory (root), folder, NULL);
      g_autoptr(NhStore) store = nh_store_new (directory);

      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        if (!save_or_remove (store, parts[p].file, child->data[p], child->length[p], error))
          return FALSE;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, child->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, child->name);
      json_builder_set_member_name (builder, "folder");
      json_builder_add_string_value (builder, folder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  family_node = json_builder_get_root (builder);
  family_data = node_to_data (family_node, &length);

  return nh_store_save (root, NH_FAMILY_FILE_NAME, family_data, length, error);
}
