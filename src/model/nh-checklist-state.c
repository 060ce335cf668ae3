/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-state.c: the current episode, past episodes, the clinic's text
 *
 * Saved as one JSON document through NhStore after every change. A file
 * that cannot be read is moved aside and the app starts afresh, telling the
 * user where the old file went.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-checklist-state.h"
#include "nh-json-guard.h"

#define FORMAT_VERSION 1

struct _NhChecklistState
{
  GObject     parent_instance;
  NhStore    *store;
  NhEpisode  *current;
  GListStore *archive;   /* newest first */
  char       *clinic_text;
  char       *clinic_phone;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (NhChecklistState, nh_checklist_state, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static void
episode_changed_cb (NhChecklistState *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_current (NhChecklistState *self,
             NhEpisode        *episode)
{
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, episode_changed_cb, self);

  g_set_object (&self->current, episode);
  g_signal_connect_object (episode, "changed", G_CALLBACK (episode_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
nh_checklist_state_finalize (GObject *object)
{
  NhChecklistState *self = (NhChecklistState *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->current);
  g_clear_object (&self->archive);
  g_clear_pointer (&self->clinic_text, g_free);
  g_clear_pointer (&self->clinic_phone, g_free);

  G_OBJECT_CLASS (nh_checklist_state_parent_class)->finalize (object);
}

static void
nh_checklist_state_class_init (NhChecklistStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_checklist_state_finalize;

  /**
   * NhChecklistState::changed:
   *
   * The state changed and should be saved.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nh_checklist_state_init (NhChecklistState *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(NhEpisode) episode = nh_episode_new (now);

  self->archive = g_list_store_new (NH_TYPE_EPISODE);
  self->clinic_text = g_strdup ("");
  self->clinic_phone = g_strdup ("");
  set_current (self, episode);
}

/* g_set_str() is GLib 2.76. */
static void
replace_string (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

NhChecklistState *
nh_checklist_state_new_from_bytes (GBytes  *bytes,
                                   GError **error)
{
  g_autoptr(NhChecklistState) self = g_object_new (NH_TYPE_CHECKLIST_STATE, NULL);
  g_autoptr(JsonNode) root_node = NULL;
  g_autoptr(NhEpisode) current = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *data;
  const char *text;
  gsize length;

  data = g_bytes_get_data (bytes, &length);

  /* Size, UTF-8, nesting, emptiness, syntax: see nh-json-guard.h. */
  if (!(root_node = nh_json_guard_parse (data, length, NH_CHECKLIST_STATE_MAX_BYTES,
                                         NH_CHECKLIST_STATE_MAX_DEPTH, NULL, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("the file does not hold checklist data"));
      return NULL;
    }

  root = json_node_get_object (root_node);

  /* json_object_get_int_member() is critical about a non-value. */
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != FORMAT_VERSION)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("the file was written by another version of the app"));
      return NULL;
    }

  if (!(node = json_object_get_member (root, "current")))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("current: missing"));
      return NULL;
    }

  if (!(current = nh_episode_new_from_json (node, "current", error)))
    return NULL;
  set_current (self, current);

  if ((node = json_object_get_member (root, "archive")))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (array = json_node_get_array (node)) > NH_CHECKLIST_MAX_EPISODES)
        {
          g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                               _("archive: not a list of episodes"));
          return NULL;
        }

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("archive[%u]", i);
          g_autoptr(NhEpisode) episode = nh_episode_new_from_json (json_array_get_element (array, i),
                                                                   path, error);

          if (episode == NULL)
            return NULL;
          g_list_store_append (self->archive, episode);
        }
    }

  if ((node = json_object_get_member (root, "clinic")) && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *clinic = json_node_get_object (node);

      if ((text = get_string (clinic, "text")))
        replace_string (&self->clinic_text, text);
      if ((text = get_string (clinic, "phone")))
        replace_string (&self->clinic_phone, text);
    }

  return g_steal_pointer (&self);
}

/**
 * nh_checklist_state_load:
 * @backup_path: (out) (optional): set when an unreadable file was moved aside
 *
 * Loads the saved state, or starts empty when there is none. Fails only when
 * a damaged file could not even be moved aside.
 */
NhChecklistState *
nh_checklist_state_load (NhStore  *store,
                         char    **backup_path,
                         GError  **error)
{
  g_autoptr(NhChecklistState) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (NH_IS_STORE (store), NULL);

  bytes = nh_store_load (store, NH_CHECKLIST_STATE_FILE, NH_CHECKLIST_STATE_MAX_BYTES, &local_error);

  if (bytes != NULL)
    self = nh_checklist_state_new_from_bytes (bytes, &local_error);

  if (self == NULL)
    {
      if (!g_error_matches (local_error, NH_STORE_ERROR, NH_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *moved = nh_store_quarantine (store, NH_CHECKLIST_STATE_FILE, error);

          if (moved == NULL)
            return NULL;
          if (backup_path != NULL)
            *backup_path = g_steal_pointer (&moved);
        }

      self = g_object_new (NH_TYPE_CHECKLIST_STATE, NULL);
    }

  self->store = g_object_ref (store);

  return g_steal_pointer (&self);
}

char *
nh_checklist_state_to_data (NhChecklistState *self,
                            gsize            *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize data_length;
  char *data;
  g_autoptr(JsonNode) root = NULL;
  guint n;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);

  json_builder_set_member_name (builder, "clinic");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, self->clinic_text);
  json_builder_set_member_name (builder, "phone");
  json_builder_add_string_value (builder, self->clinic_phone);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "current");
  json_builder_add_value (builder, nh_episode_to_json (self->current));

  json_builder_set_member_name (builder, "archive");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->archive));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhEpisode) episode = g_list_model_get_item (G_LIST_MODEL (self->archive), i);

      json_builder_add_value (builder, nh_episode_to_json (episode));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &data_length);

  /* Pretty-printed, a long history can outgrow the size limit (a file
   * written on one line near it would then not load again): then on one
   * line. */
  if (data_length > NH_CHECKLIST_STATE_MAX_BYTES)
    {
      g_free (data);
      json_generator_set_pretty (generator, FALSE);
      data = json_generator_to_data (generator, &data_length);
    }

  if (length != NULL)
    *length = data_length;

  return data;
}

gboolean
nh_checklist_state_save (NhChecklistState  *self,
                         GError           **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  data = nh_checklist_state_to_data (self, &length);

  return nh_store_save (self->store, NH_CHECKLIST_STATE_FILE, data, length, error);
}

/* Returns: (transfer none) */
NhEpisode *
nh_checklist_state_get_current (NhChecklistState *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  return self->current;
}

/* Returns: (transfer none): past episodes, newest first */
GListModel *
nh_checklist_state_get_archive (NhChecklistState *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  return G_LIST_MODEL (self->archive);
}

/* Returns: (transfer none) (nullable) */
NhEpisode *
nh_checklist_state_find_episode (NhChecklistState *self,
                                 const char       *id)
{
  guint n;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (g_str_equal (nh_episode_get_id (self->current), id))
    return self->current;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->archive));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhEpisode) episode = g_list_model_get_item (G_LIST_MODEL (self->archive), i);

      if (g_str_equal (nh_episode_get_id (episode), id))
        return episode; /* the store keeps a reference */
    }

  return NULL;
}

/**
 * nh_checklist_state_get_latest:
 *
 * The episode a parent means by "the last one": the current episode when
 * anything is recorded in it, else the newest past one (just after "New
 * Episode"), else the empty current one.
 *
 * Returns: (transfer none)
 */
NhEpisode *
nh_checklist_state_get_latest (NhChecklistState *self)
{
  g_autoptr(NhEpisode) newest = NULL;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);

  if (!nh_episode_is_empty (self->current) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->archive)) == 0)
    return self->current;

  newest = g_list_model_get_item (G_LIST_MODEL (self->archive), 0);

  return newest; /* the store keeps a reference */
}

/**
 * nh_checklist_state_start_new_episode:
 *
 * Archives the current episode (unless nothing was recorded in it) and
 * starts a new one.
 *
 * Returns: (transfer none) (nullable): the archived episode, for undo
 */
NhEpisode *
nh_checklist_state_start_new_episode (NhChecklistState *self,
                                      GDateTime        *now)
{
  g_autoptr(NhEpisode) old = NULL;
  g_autoptr(NhEpisode) fresh = NULL;
  NhEpisode *archived = NULL;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  old = g_object_ref (self->current);
  fresh = nh_episode_new (now);
  set_current (self, fresh);

  if (!nh_episode_is_empty (old))
    {
      nh_episode_set_ended_at (old, now);
      g_list_store_insert (self->archive, 0, old);
      archived = old;

      /* Keep the file bounded: the oldest episodes go first. */
      while (g_list_model_get_n_items (G_LIST_MODEL (self->archive)) > NH_CHECKLIST_MAX_EPISODES)
        g_list_store_remove (self->archive,
                             g_list_model_get_n_items (G_LIST_MODEL (self->archive)) - 1);
    }

  g_signal_emit (self, signals[CHANGED], 0);

  return archived;
}

/* Makes @archived current again, dropping the episode started since. */
void
nh_checklist_state_undo_new_episode (NhChecklistState *self,
                                     NhEpisode        *archived)
{
  guint position;

  g_return_if_fail (NH_IS_CHECKLIST_STATE (self));
  g_return_if_fail (NH_IS_EPISODE (archived));

  if (!g_list_store_find (self->archive, archived, &position))
    return;

  g_object_ref (archived);
  g_list_store_remove (self->archive, position);
  nh_episode_set_ended_at (archived, NULL);
  set_current (self, archived);
  g_object_unref (archived);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * nh_checklist_state_reopen_episode:
 * @id: a past episode's id
 * @now: the time the current episode ends, if it is archived
 *
 * Makes a past episode the current one again, as it was: it loses its end
 * time. The current episode goes to the past episodes, unless nothing was
 * recorded in it.
 *
 * Returns: (transfer none) (nullable): the reopened episode, or NULL when
 *   there is no past episode @id
 */
NhEpisode *
nh_checklist_state_reopen_episode (NhChecklistState *self,
                                   const char       *id,
                                   GDateTime        *now)
{
  g_autoptr(NhEpisode) reopened = NULL;
  g_autoptr(NhEpisode) old = NULL;
  guint n;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->archive));
  for (guint i = 0; i < n && reopened == NULL; i++)
    {
      g_autoptr(NhEpisode) episode = g_list_model_get_item (G_LIST_MODEL (self->archive), i);

      if (g_str_equal (nh_episode_get_id (episode), id))
        {
          reopened = g_steal_pointer (&episode);
          g_list_store_remove (self->archive, i);
        }
    }

  if (reopened == NULL)
    return NULL;

  old = g_object_ref (self->current);
  if (!nh_episode_is_empty (old))
    {
      nh_episode_set_ended_at (old, now);
      g_list_store_insert (self->archive, 0, old);
    }

  nh_episode_set_ended_at (reopened, NULL);
  set_current (self, reopened);
  g_signal_emit (self, signals[CHANGED], 0);

  return self->current;
}

gboolean
nh_checklist_state_delete_episode (NhChecklistState *self,
                                   const char       *id)
{
  guint n;

  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->archive));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NhEpisode) episode = g_list_model_get_item (G_LIST_MODEL (self->archive), i);

      if (g_str_equal (nh_episode_get_id (episode), id))
        {
          g_list_store_remove (self->archive, i);
          g_signal_emit (self, signals[CHANGED], 0);
          return TRUE;
        }
    }

  return FALSE;
}

/* The clinic's own instruction, shown and printed labelled as theirs. */
const char *
nh_checklist_state_get_clinic_text (NhChecklistState *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  return self->clinic_text;
}

const char *
nh_checklist_state_get_clinic_phone (NhChecklistState *self)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), NULL);
  return self->clinic_phone;
}

gboolean
nh_checklist_state_set_clinic (NhChecklistState  *self,
                               const char        *text,
                               const char        *phone,
                               GError           **error)
{
  g_return_val_if_fail (NH_IS_CHECKLIST_STATE (self), FALSE);
  g_return_val_if_fail (text != NULL && phone != NULL, FALSE);

  if (g_utf8_strlen (text, -1) > NH_CLINIC_MAX_CHARS ||
      g_utf8_strlen (phone, -1) > 60)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The clinic's instruction can be at most %d characters long.",
                   NH_CLINIC_MAX_CHARS);
      return FALSE;
    }

  if (g_str_equal (text, self->clinic_text) && g_str_equal (phone, self->clinic_phone))
    return TRUE;

  replace_string (&self->clinic_text, text);
  replace_string (&self->clinic_phone, phone);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}
