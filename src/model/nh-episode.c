/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-episode.c: one time an infection was suspected: ticks, readings, notes
 *
 * Times are kept in UTC and shown in local time. Readings are free text as
 * the parent typed them ("38.6 °C"); the app reads no number from them and
 * sets no threshold.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nh-episode.h"

typedef struct
{
  GDateTime *time;
  char      *value;
} Reading;

struct _NhEpisode
{
  GObject     parent_instance;
  char       *id;
  GDateTime  *started_at;
  GDateTime  *ended_at;
  GHashTable *ticks;     /* item id -> GDateTime */
  GArray     *readings;  /* of Reading */
  char       *notes;
};

enum {
  CHANGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (NhEpisode, nh_episode, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static void
reading_clear (gpointer data)
{
  Reading *reading = data;

  g_clear_pointer (&reading->time, g_date_time_unref);
  g_clear_pointer (&reading->value, g_free);
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format_iso8601 (time);
}

/* Returns: (nullable): the time in UTC. A time at the edge of the calendar,
 * such as 0001-01-01T00:00:00+14:00, has none: that is an invalid time too,
 * not a NULL start time later. */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = text ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time ? g_date_time_to_utc (time) : NULL;
}

static void
emit_changed (NhEpisode *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
nh_episode_finalize (GObject *object)
{
  NhEpisode *self = (NhEpisode *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->started_at, g_date_time_unref);
  g_clear_pointer (&self->ended_at, g_date_time_unref);
  g_clear_pointer (&self->ticks, g_hash_table_unref);
  g_clear_pointer (&self->readings, g_array_unref);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (nh_episode_parent_class)->finalize (object);
}

static void
nh_episode_class_init (NhEpisodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nh_episode_finalize;

  /**
   * NhEpisode::changed:
   *
   * Something the parent recorded changed: save now.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nh_episode_init (NhEpisode *self)
{
  self->ticks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_date_time_unref);
  self->readings = g_array_new (FALSE, TRUE, sizeof (Reading));
  g_array_set_clear_func (self->readings, reading_clear);
  self->notes = g_strdup ("");
}

NhEpisode *
nh_episode_new (GDateTime *started_at)
{
  NhEpisode *self;

  g_return_val_if_fail (started_at != NULL, NULL);

  self = g_object_new (NH_TYPE_EPISODE, NULL);
  self->started_at = g_date_time_to_utc (started_at);
  /* Microseconds keep ids unique even for two episodes in one second. */
  self->id = g_date_time_format (self->started_at, "%Y%m%dT%H%M%S%fZ");

  return self;
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

/* Sets @error and returns NULL, for one-line bail-outs. */
static gpointer
invalid (GError     **error,
         const char  *path,
         const char  *what)
{
  g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
               "%s: %s", path, what);
  return NULL;
}

/* Reads an episode written by nh_episode_to_json(); strict, so a damaged
 * file is noticed rather than half-read. */
NhEpisode *
nh_episode_new_from_json (JsonNode    *node,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(NhEpisode) self = NULL;
  g_autoptr(GDateTime) started = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *text;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, path, "must be an object");

  object = json_node_get_object (node);

  if (!(started = parse_time (get_string (object, "started"))))
    return invalid (error, path, "no valid start time");

  self = nh_episode_new (started);

  if ((text = get_string (object, "id")) && *text && strlen (text) < 64)
    {
      g_free (self->id);
      self->id = g_strdup (text);
    }

  if ((member = json_object_get_member (object, "ended")) && !JSON_NODE_HOLDS_NULL (member))
    {
      if (!(self->ended_at = parse_time (get_string (object, "ended"))))
        return invalid (error, path, "the end time is not valid");
    }

  if ((member = json_object_get_member (object, "ticks")))
    {
      JsonObject *ticks;
      g_autoptr(GList) names = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (member))
        return invalid (error, path, "ticks must be an object");

      ticks = json_node_get_object (member);
      names = json_object_get_members (ticks);

      for (const GList *l = names; l; l = l->next)
        {
          GDateTime *time = parse_time (get_string (ticks, l->data));

          if (time == NULL)
            return invalid (error, path, "a tick has no valid time");
          g_hash_table_insert (self->ticks, g_strdup (l->data), time);
        }
    }

  if ((member = json_object_get_member (object, "readings")))
    {
      JsonArray *readings;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return invalid (error, path, "readings must be a list");

      readings = json_node_get_array (member);
      if (json_array_get_length (readings) > NH_EPISODE_MAX_READINGS)
        return invalid (error, path, "too many readings");

      for (guint i = 0; i < json_array_get_length (readings); i++)
        {
          JsonNode *reading = json_array_get_element (readings, i);
          g_autoptr(GDateTime) time = NULL;
          const char *value;

          if (!JSON_NODE_HOLDS_OBJECT (reading))
            return invalid (error, path, "a reading must be an object");

          time = parse_time (get_string (json_node_get_object (reading), "time"));
          value = get_string (json_node_get_object (reading), "value");
          if (time == NULL || value == NULL ||
              !nh_episode_add_reading (self, time, value, NULL))
            return invalid (error, path, "a reading is not valid");
        }
    }

  if ((text = get_string (object, "notes")) && !nh_episode_set_notes (self, text, NULL))
    return invalid (error, path, "the notes are too long");

  return g_steal_pointer (&self);
}

JsonNode *
nh_episode_to_json (NhEpisode *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *started = NULL;
  g_autoptr(GList) ids = NULL;

  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);

  started = format_time (self->started_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, self->id);
  json_builder_set_member_name (builder, "started");
  json_builder_add_string_value (builder, started);
  json_builder_set_member_name (builder, "ended");
  if (self->ended_at != NULL)
    {
      g_autofree char *ended = format_time (self->ended_at);
      json_builder_add_string_value (builder, ended);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "ticks");
  json_builder_begin_object (builder);
  ids = g_list_sort (g_hash_table_get_keys (self->ticks), (GCompareFunc)g_strcmp0);
  for (const GList *l = ids; l; l = l->next)
    {
      g_autofree char *time = format_time (g_hash_table_lookup (self->ticks, l->data));

      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, time);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "readings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->readings->len; i++)
    {
      const Reading *reading = &g_array_index (self->readings, Reading, i);
      g_autofree char *time = format_time (reading->time);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, reading->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, self->notes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

const char *
nh_episode_get_id (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  return self->id;
}

GDateTime *
nh_episode_get_started_at (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  return self->started_at;
}

/* Returns: (nullable): when the episode was archived */
GDateTime *
nh_episode_get_ended_at (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  return self->ended_at;
}

void
nh_episode_set_ended_at (NhEpisode *self,
                         GDateTime *ended_at)
{
  g_return_if_fail (NH_IS_EPISODE (self));

  g_clear_pointer (&self->ended_at, g_date_time_unref);
  if (ended_at != NULL)
    self->ended_at = g_date_time_to_utc (ended_at);
  emit_changed (self);
}

/* Returns: (nullable): when the item was ticked, or NULL */
GDateTime *
nh_episode_get_tick (NhEpisode  *self,
                     const char *item_id)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return g_hash_table_lookup (self->ticks, item_id);
}

/* Ticks an item at @time, or unticks it when @time is NULL. */
void
nh_episode_set_tick (NhEpisode  *self,
                     const char *item_id,
                     GDateTime  *time)
{
  g_return_if_fail (NH_IS_EPISODE (self));
  g_return_if_fail (item_id != NULL);

  if (time != NULL)
    g_hash_table_insert (self->ticks, g_strdup (item_id), g_date_time_to_utc (time));
  else if (!g_hash_table_remove (self->ticks, item_id))
    return;

  emit_changed (self);
}

guint
nh_episode_get_n_ticks (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), 0);
  return g_hash_table_size (self->ticks);
}

guint
nh_episode_get_n_readings (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), 0);
  return self->readings->len;
}

GDateTime *
nh_episode_get_reading_time (NhEpisode *self,
                             guint      position)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (position < self->readings->len, NULL);
  return g_array_index (self->readings, Reading, position).time;
}

const char *
nh_episode_get_reading_value (NhEpisode *self,
                              guint      position)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (position < self->readings->len, NULL);
  return g_array_index (self->readings, Reading, position).value;
}

gboolean
nh_episode_add_reading (NhEpisode   *self,
                        GDateTime   *time,
                        const char  *value,
                        GError     **error)
{
  g_autofree char *stripped = NULL;
  Reading reading;

  g_return_val_if_fail (NH_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stripped = g_strstrip (g_strdup (value));

  if (!g_utf8_validate (stripped, -1, NULL) || *stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type what you measured, for example a temperature."));
      return FALSE;
    }

  if (g_utf8_strlen (stripped, -1) > NH_EPISODE_MAX_VALUE_CHARS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A reading can be at most %d characters long."), NH_EPISODE_MAX_VALUE_CHARS);
      return FALSE;
    }

  if (self->readings->len >= NH_EPISODE_MAX_READINGS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("This episode already has %d readings. Start a new episode to go on."),
                   NH_EPISODE_MAX_READINGS);
      return FALSE;
    }

  reading.time = g_date_time_to_utc (time);
  reading.value = g_steal_pointer (&stripped);
  g_array_append_val (self->readings, reading);
  emit_changed (self);

  return TRUE;
}

void
nh_episode_remove_reading (NhEpisode *self,
                           guint      position)
{
  g_return_if_fail (NH_IS_EPISODE (self));
  g_return_if_fail (position < self->readings->len);

  g_array_remove_index (self->readings, position);
  emit_changed (self);
}

const char *
nh_episode_get_notes (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  return self->notes;
}

gboolean
nh_episode_set_notes (NhEpisode   *self,
                      const char  *notes,
                      GError     **error)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (notes != NULL, FALSE);

  if (!g_utf8_validate (notes, -1, NULL) ||
      g_utf8_strlen (notes, -1) > NH_EPISODE_MAX_NOTES_CHARS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Notes can be at most %d characters long."), NH_EPISODE_MAX_NOTES_CHARS);
      return FALSE;
    }

  if (g_str_equal (notes, self->notes))
    return TRUE;

  g_free (self->notes);
  self->notes = g_strdup (notes);
  emit_changed (self);

  return TRUE;
}

/* Nothing recorded yet: no need to keep it when a new one starts. */
gboolean
nh_episode_is_empty (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), TRUE);

  return g_hash_table_size (self->ticks) == 0 &&
         self->readings->len == 0 &&
         *self->notes == '\0';
}
