/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-family.c: the family's children and their saving
 *
 * One object owns the family's data: the children, each with their card,
 * checklist episodes and record (NhChild), and which one is in view.
 * family.json, in the store's top folder:
 *   { "format": 1, "current": "k3f9…",
 *     "children": [ { "id": "first", "name": "Leo", "folder": "" },
 *                   { "id": "k3f9…", "name": "Sam", "folder": "children/k3f9…" } ] }
 *
 * Versions before the family had no family.json: the card and checklist in
 * the top folder were the only child's. With no family.json, that is what
 * the family is: one child, "first", whose folder is the top folder, so
 * today's files become the first child's as they are. A family.json that
 * cannot be read is moved aside, and the family is rebuilt from the
 * folders there are: nothing a child had is lost with it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "nh-family.h"
#include "nh-json-guard.h"

#define FIRST_CHILD_ID "first"
#define MAX_ID_CHARS   40

struct _NhFamily
{
  GObject     parent_instance;
  NhStore    *store;
  GListStore *children;
  NhChild    *current;
};

enum {
  PROP_0,
  PROP_CURRENT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (NhFamily, nh_family, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
nh_family_finalize (GObject *object)
{
  NhFamily *self = (NhFamily *)object;

  g_clear_object (&self->current);
  g_clear_object (&self->children);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nh_family_parent_class)->finalize (object);
}

static void
nh_family_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NhFamily *self = NH_FAMILY (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nh_family_class_init (NhFamilyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_family_finalize;
  object_class->get_property = nh_family_get_property;

  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, NH_TYPE_CHILD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nh_family_init (NhFamily *self)
{
  self->children = g_list_store_new (NH_TYPE_CHILD);
}

/* Ids name folders: letters, digits and "-" only. */
static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > MAX_ID_CHARS)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static char *
dup_folder_for (const char *id)
{
  if (g_str_equal (id, FIRST_CHILD_ID))
    return g_strdup ("");

  return g_strdup_printf (NH_FAMILY_CHILDREN_DIR "/%s", id);
}

static NhChild *
find_by_id (NhFamily   *self,
            const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->children));

  for (guint i = 0; i < n; i++)
    {
      NhChild *child = nh_family_get_child (self, i);

      if (g_str_equal (nh_child_get_id (child), id))
        return child;
    }

  return NULL;
}

static NhChild *
append_child (NhFamily   *self,
              const char *id,
              const char *name)
{
  g_autofree char *folder = dup_folder_for (id);
  g_autofree char *directory = g_build_filename (nh_store_get_directory (self->store), folder, NULL);
  g_autoptr(NhStore) store = *folder == '\0' ? g_object_ref (self->store) : nh_store_new (directory);
  g_autoptr(NhChild) child = nh_child_new (id, name, folder, store);

  g_list_store_append (self->children, child);

  return child;
}

/* A folder whose files were all removed (a restore without that child)
 * is no child. */
static gboolean
has_child_files (const char *path)
{
  static const char * const files[] = { NH_CARD_FILE_NAME, NH_CHECKLIST_STATE_FILE, NH_RECORD_FILE_NAME };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_build_filename (path, files[i], NULL);

      if (g_file_test (file, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

/* The first child, and a child for each folder under children/ that the
 * family file does not name (it was lost, or never written). */
static void
add_missing_children (NhFamily *self)
{
  g_autofree char *directory = g_build_filename (nh_store_get_directory (self->store),
                                                 NH_FAMILY_CHILDREN_DIR, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  if (find_by_id (self, FIRST_CHILD_ID) == NULL)
    {
      g_autoptr(NhChild) child = NULL;

      append_child (self, FIRST_CHILD_ID, "");
      /* The first child comes first. */
      child = g_list_model_get_item (G_LIST_MODEL (self->children),
                                     g_list_model_get_n_items (G_LIST_MODEL (self->children)) - 1);
      g_list_store_remove (self->children, g_list_model_get_n_items (G_LIST_MODEL (self->children)) - 1);
      g_list_store_insert (self->children, 0, child);
    }

  if ((dir = g_dir_open (directory, 0, NULL)) == NULL)
    return;

  while ((entry = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (directory, entry, NULL);

      if (is_valid_id (entry) && !g_str_equal (entry, FIRST_CHILD_ID) &&
          find_by_id (self, entry) == NULL && g_file_test (path, G_FILE_TEST_IS_DIR) &&
          has_child_files (path))
        g_ptr_array_add (found, g_strdup (entry));
    }

  /* The same order on every start. */
  g_ptr_array_sort (found, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < found->len && g_list_model_get_n_items (G_LIST_MODEL (self->children)) < NH_FAMILY_MAX_CHILDREN; i++)
    append_child (self, g_ptr_array_index (found, i), "");
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA, "%s: %s",
               NH_FAMILY_FILE_NAME, message);
  return FALSE;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
read_family (NhFamily  *self,
             GBytes    *bytes,
             GError   **error)
{
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *data;
  const char *current;
  gsize length;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;

  data = g_bytes_get_data (bytes, &length);

  /* The one guarded loader: size, emptiness, UTF-8, depth and syntax. */
  if (!(root_node = nh_json_guard_parse (data, length, NH_FAMILY_MAX_BYTES, NH_FAMILY_MAX_DEPTH, NULL,
                                         &parse_error)))
    return invalid (error, parse_error->message);

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    return invalid (error, "not a family");
  root = json_node_get_object (root_node);

  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != NH_FAMILY_FORMAT)
    return invalid (error, "format: missing, or written by another version of the app");

  node = json_object_get_member (root, "children");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) ||
      json_array_get_length (array = json_node_get_array (node)) == 0 ||
      json_array_get_length (array) > NH_FAMILY_MAX_CHILDREN)
    return invalid (error, "children: not a list of 1 to 12 children");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id, *name, *folder;
      g_autofree char *expected = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, "children: not a list of children");

      id = get_string (json_node_get_object (element), "id");
      name = get_string (json_node_get_object (element), "name");
      folder = get_string (json_node_get_object (element), "folder");

      if (id == NULL || !is_valid_id (id) || find_by_id (self, id) != NULL)
        return invalid (error, "children: an id is missing, not unique or not letters and digits");
      if (name == NULL || g_utf8_strlen (name, -1) > NH_CHILD_MAX_NAME_CHARS)
        return invalid (error, "children: a name is missing or too long");

      /* The folder follows from the id; a file that says otherwise is not ours. */
      expected = dup_folder_for (id);
      if (folder == NULL || !g_str_equal (folder, expected))
        return invalid (error, "children: a folder does not match its child");

      append_child (self, id, name);
    }

  if ((current = get_string (root, "current")) && find_by_id (self, current))
    self->current = g_object_ref (find_by_id (self, current));

  return TRUE;
}

static NhFamily *
family_new (NhStore *store)
{
  NhFamily *self = g_object_new (NH_TYPE_FAMILY, NULL);

  self->store = g_object_ref (store);

  return self;
}

static void
finish (NhFamily *self)
{
  add_missing_children (self);
  if (self->current == NULL)
    self->current = g_object_ref (nh_family_get_child (self, 0));
}

/**
 * nh_family_new:
 *
 * The family as it is with no family.json: the first child (the top
 * folder's files) and one for each folder under children/.
 */
NhFamily *
nh_family_new (NhStore *store)
{
  NhFamily *self;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  self = family_new (store);
  finish (self);

  return self;
}

/**
 * nh_family_new_from_bytes:
 * @store: the family's store (its top folder); nothing is read from it
 *   but the folders under children/
 *
 * Reads family.json as it was saved.
 */
NhFamily *
nh_family_new_from_bytes (NhStore  *store,
                          GBytes   *bytes,
                          GError  **error)
{
  g_autoptr(NhFamily) self = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  self = family_new (store);
  if (!read_family (self, bytes, error))
    return NULL;
  finish (self);

  return g_steal_pointer (&self);
}

/**
 * nh_family_load:
 * @backup_path: (out) (optional): set when an unreadable family.json was
 *   moved aside
 *
 * Loads the family. With no family.json (a new install, or data from a
 * version before the family) it is one child, whose files are the ones in
 * the top folder. Fails only when a damaged file could not be moved aside.
 */
NhFamily *
nh_family_load (NhStore  *store,
                char    **backup_path,
                GError  **error)
{
  g_autoptr(NhFamily) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  bytes = nh_store_load (store, NH_FAMILY_FILE_NAME, NH_FAMILY_MAX_BYTES, &local_error);
  if (bytes != NULL)
    self = nh_family_new_from_bytes (store, bytes, &local_error);

  if (self == NULL)
    {
      if (!g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *moved = nh_store_quarantine (store, NH_FAMILY_FILE_NAME, error);

          if (moved == NULL)
            return NULL;
          if (backup_path != NULL)
            *backup_path = g_steal_pointer (&moved);
        }

      self = family_new (store);
      finish (self);
    }

  return g_steal_pointer (&self);
}

char *
nh_family_to_data (NhFamily *self,
                   gsize    *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = nh_family_get_n_children (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, NH_FAMILY_FORMAT);
  json_builder_set_member_name (builder, "current");
  json_builder_add_string_value (builder, nh_child_get_id (self->current));
  json_builder_set_member_name (builder, "children");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      NhChild *child = nh_family_get_child (self, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, nh_child_get_id (child));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, nh_child_get_name (child));
      json_builder_set_member_name (builder, "folder");
      json_builder_add_string_value (builder, nh_child_get_folder (child));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, length);
}

gboolean
nh_family_save (NhFamily  *self,
                GError   **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NH_IS_FAMILY (self), FALSE);

  data = nh_family_to_data (self, &length);

  return nh_store_save (self->store, NH_FAMILY_FILE_NAME, data, length, error);
}

NhStore *
nh_family_get_store (NhFamily *self)
{
  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);

  return self->store;
}

/* Returns: (transfer none): the children, an NhChild each */
GListModel *
nh_family_get_children (NhFamily *self)
{
  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);

  return G_LIST_MODEL (self->children);
}

guint
nh_family_get_n_children (NhFamily *self)
{
  g_return_val_if_fail (NH_IS_FAMILY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

/* Returns: (transfer none) (nullable) */
NhChild *
nh_family_get_child (NhFamily *self,
                     guint     position)
{
  g_autoptr(NhChild) child = NULL;

  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);

  child = g_list_model_get_item (G_LIST_MODEL (self->children), position);

  return child; /* the list keeps a reference */
}

/**
 * nh_family_find_child:
 * @name_or_id: a child's name as the window shows it (case does not
 *   matter), or their id
 *
 * Returns: (transfer none) (nullable)
 */
NhChild *
nh_family_find_child (NhFamily   *self,
                      const char *name_or_id)
{
  g_autofree char *wanted = NULL;
  guint n;

  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);
  g_return_val_if_fail (name_or_id != NULL, NULL);

  wanted = g_utf8_casefold (name_or_id, -1);
  n = nh_family_get_n_children (self);

  for (guint i = 0; i < n; i++)
    {
      NhChild *child = nh_family_get_child (self, i);
      g_autofree char *name = nh_child_dup_display_name (child);
      g_autofree char *folded = g_utf8_casefold (name, -1);

      if (g_str_equal (folded, wanted))
        return child;
    }

  return find_by_id (self, name_or_id);
}

/* Returns: (transfer none): the child in view */
NhChild *
nh_family_get_current (NhFamily *self)
{
  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);

  return self->current;
}

/* Remembered in family.json, saved when it can be; a failed save only
 * means the next start shows the child shown before. */
void
nh_family_set_current (NhFamily *self,
                       NhChild  *child)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NH_IS_FAMILY (self));
  g_return_if_fail (NH_IS_CHILD (child));

  if (child == self->current)
    return;

  g_set_object (&self->current, child);
  if (nh_family_get_n_children (self) > 1 && !nh_family_save (self, &error))
    g_debug ("Could not remember the child in view: %s", error->message);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

static gboolean
check_name (NhFamily    *self,
            NhChild     *except,
            const char  *name,
            char       **stripped,
            GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (name != NULL ? name : ""));
  NhChild *other;

  if (*text == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Write the child’s name."));
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > NH_CHILD_MAX_NAME_CHARS || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The name is too long (at most %u characters)."), NH_CHILD_MAX_NAME_CHARS);
      return FALSE;
    }

  if ((other = nh_family_find_child (self, text)) != NULL && other != except)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("Another child already has this name."));
      return FALSE;
    }

  *stripped = g_steal_pointer (&text);
  return TRUE;
}

/**
 * nh_family_add_child:
 *
 * Adds a child with an empty card, checklist and record, and saves the
 * family.
 *
 * Returns: (transfer none) (nullable): the new child
 */
NhChild *
nh_family_add_child (NhFamily    *self,
                     const char  *name,
                     GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *id = NULL;
  NhChild *child;

  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);

  if (nh_family_get_n_children (self) >= NH_FAMILY_MAX_CHILDREN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("The app keeps the records of at most %u children."), NH_FAMILY_MAX_CHILDREN);
      return NULL;
    }

  if (!check_name (self, NULL, name, &stripped, error))
    return NULL;

  /* The first child has a name of their own: the card's stays theirs. */
  if (*nh_child_get_name (nh_family_get_child (self, 0)) == '\0')
    {
      g_autofree char *first = nh_child_dup_display_name (nh_family_get_child (self, 0));

      nh_child_set_name (nh_family_get_child (self, 0), first);
    }

  uuid = g_uuid_string_random ();
  id = g_strndup (uuid, 8);
  child = append_child (self, id, stripped);

  if (!nh_family_save (self, error))
    {
      g_list_store_remove (self->children, nh_family_get_n_children (self) - 1);
      return NULL;
    }

  return child;
}

gboolean
nh_family_rename_child (NhFamily    *self,
                        NhChild     *child,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *old = NULL;

  g_return_val_if_fail (NH_IS_FAMILY (self), FALSE);
  g_return_val_if_fail (NH_IS_CHILD (child), FALSE);

  if (!check_name (self, child, name, &stripped, error))
    return FALSE;

  old = g_strdup (nh_child_get_name (child));
  nh_child_set_name (child, stripped);

  if (!nh_family_save (self, error))
    {
      nh_child_set_name (child, old);
      return FALSE;
    }

  return TRUE;
}

/* Saves every child's card that waits to be saved. */
gboolean
nh_family_flush (NhFamily  *self,
                 GError   **error)
{
  guint n = nh_family_get_n_children (self);
  gboolean ok = TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!nh_child_flush (nh_family_get_child (self, i), &local_error))
        {
          ok = FALSE;
          if (error != NULL && *error == NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
    }

  return ok;
}

/* Returns: "Leo, Sam": every child's name as the window shows it */
char *
nh_family_dup_names (NhFamily *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (NH_IS_FAMILY (self), NULL);

  n = nh_family_get_n_children (self);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = nh_child_dup_display_name (nh_family_get_child (self, i));

      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}
