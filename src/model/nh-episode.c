/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-episode.c: one time an infection was suspected: ticks, readings, notes
 *
 * Times are kept in UTC and shown in local time. Readings are free text as
 * the parent typed them ("38.6 °C"); the app reads no number from them and
 * sets no threshold.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "nh-episode.h"

typedef struct
{
  GDateTime *time;      /* when it was measured, as the parent says */
  char      *value;
  GDateTime *changed;   /* (nullable): when it was last corrected */
} Reading;

typedef struct
{
  GDateTime *time;
  char      *kind;      /* NH_EPISODE_CHANGE_* */
  char      *detail;    /* what it was before, as the parent typed it */
} Change;

struct _NhEpisode
{
  GObject     parent_instance;
  char       *id;
  GDateTime  *started_at;
  GDateTime  *ended_at;
  GHashTable *ticks;     /* item id -> GDateTime */
  GArray     *readings;  /* of Reading, oldest first */
  char       *notes;
  GArray     *history;   /* of Change, oldest first */
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
  g_clear_pointer (&reading->changed, g_date_time_unref);
}

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_clear_pointer (&change->time, g_date_time_unref);
  g_clear_pointer (&change->kind, g_free);
  g_clear_pointer (&change->detail, g_free);
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
  g_clear_pointer (&self->history, g_array_unref);

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
  self->history = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (self->history, change_clear);
}

/* The history is bounded: the oldest changes go first. */
static void
add_change (NhEpisode  *self,
            GDateTime  *time,
            const char *kind,
            const char *detail)
{
  Change change = { g_date_time_to_utc (time), g_strdup (kind), g_strdup (detail) };

  if (self->history->len >= NH_EPISODE_MAX_HISTORY)
    g_array_remove_index (self->history, 0);
  g_array_append_val (self->history, change);
}

/* "38.6 °C at 2026-02-12T01:10:00Z": what a reading was, for the history. */
static char *
describe_reading (const Reading *reading)
{
  g_autofree char *time = format_time (reading->time);

  return g_strdup_printf ("%s\t%s", reading->value, time);
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

static guint add_reading (NhEpisode   *self,
                          GDateTime   *time,
                          const char  *value,
                          GDateTime   *changed,
                          GError     **error);

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
          g_autoptr(GDateTime) changed = NULL;
          const char *value;

          if (!JSON_NODE_HOLDS_OBJECT (reading))
            return invalid (error, path, "a reading must be an object");

          time = parse_time (get_string (json_node_get_object (reading), "time"));
          value = get_string (json_node_get_object (reading), "value");
          /* "changed" came in with the history; older files have none. */
          text = get_string (json_node_get_object (reading), "changed");
          if (text != NULL && !(changed = parse_time (text)))
            return invalid (error, path, "a reading's change time is not valid");
          if (time == NULL || value == NULL ||
              add_reading (self, time, value, changed, NULL) == G_MAXUINT)
            return invalid (error, path, "a reading is not valid");
        }
    }

  if ((member = json_object_get_member (object, "history")))
    {
      JsonArray *history;

      if (!JSON_NODE_HOLDS_ARRAY (member))
        return invalid (error, path, "history must be a list");

      history = json_node_get_array (member);
      if (json_array_get_length (history) > NH_EPISODE_MAX_HISTORY)
        return invalid (error, path, "too many changes in the history");

      for (guint i = 0; i < json_array_get_length (history); i++)
        {
          JsonNode *node = json_array_get_element (history, i);
          g_autoptr(GDateTime) time = NULL;
          const char *kind, *detail;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            return invalid (error, path, "a change must be an object");

          time = parse_time (get_string (json_node_get_object (node), "time"));
          kind = get_string (json_node_get_object (node), "change");
          detail = get_string (json_node_get_object (node), "before");
          if (time == NULL || kind == NULL || strlen (kind) > 32 ||
              (detail != NULL && g_utf8_strlen (detail, -1) > NH_EPISODE_MAX_NOTES_CHARS + 64))
            return invalid (error, path, "a change is not valid");
          add_change (self, time, kind, detail);
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
      if (reading->changed != NULL)
        {
          g_autofree char *changed = format_time (reading->changed);

          json_builder_set_member_name (builder, "changed");
          json_builder_add_string_value (builder, changed);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, self->notes);

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->history->len; i++)
    {
      const Change *change = &g_array_index (self->history, Change, i);
      g_autofree char *time = format_time (change->time);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "change");
      json_builder_add_string_value (builder, change->kind);
      if (change->detail != NULL)
        {
          json_builder_set_member_name (builder, "before");
          json_builder_add_string_value (builder, change->detail);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
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

/* Returns: (transfer full) (nullable): @value stripped, or NULL with @error */
static char *
check_value (const char  *value,
             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  if (!g_utf8_validate (stripped, -1, NULL) || *stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Type what you measured, for example a temperature."));
      return NULL;
    }

  if (g_utf8_strlen (stripped, -1) > NH_EPISODE_MAX_VALUE_CHARS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("A reading can be at most %d characters long."), NH_EPISODE_MAX_VALUE_CHARS);
      return NULL;
    }

  return g_steal_pointer (&stripped);
}

/* Readings stay in the order they were measured, whenever they were typed. */
static guint
insert_sorted (NhEpisode *self,
               Reading   *reading)
{
  guint position = self->readings->len;

  while (position > 0 &&
         g_date_time_compare (g_array_index (self->readings, Reading, position - 1).time,
                              reading->time) > 0)
    position--;

  g_array_insert_val (self->readings, position, *reading);

  return position;
}

/**
 * nh_episode_add_reading:
 * @time: when it was measured (the parent may give an earlier time than now)
 *
 * Adds a reading in the order of the times measured.
 */
gboolean
nh_episode_add_reading (NhEpisode   *self,
                        GDateTime   *time,
                        const char  *value,
                        GError     **error)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (add_reading (self, time, value, NULL, error) == G_MAXUINT)
    return FALSE;

  emit_changed (self);
  return TRUE;
}

/* Returns: the position, or G_MAXUINT with @error */
static guint
add_reading (NhEpisode   *self,
             GDateTime   *time,
             const char  *value,
             GDateTime   *changed,
             GError     **error)
{
  Reading reading = { 0 };
  char *stripped;

  if (!(stripped = check_value (value, error)))
    return G_MAXUINT;

  if (self->readings->len >= NH_EPISODE_MAX_READINGS)
    {
      g_free (stripped);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("This episode already has %d readings. Start a new episode to go on."),
                   NH_EPISODE_MAX_READINGS);
      return G_MAXUINT;
    }

  reading.time = g_date_time_to_utc (time);
  reading.value = stripped;
  reading.changed = changed ? g_date_time_to_utc (changed) : NULL;

  return insert_sorted (self, &reading);
}

/* Returns: (nullable): when the reading was last corrected */
GDateTime *
nh_episode_get_reading_changed (NhEpisode *self,
                                guint      position)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (position < self->readings->len, NULL);
  return g_array_index (self->readings, Reading, position).changed;
}

/**
 * nh_episode_update_reading:
 * @time: the corrected time it was measured
 * @value: the corrected value
 * @now: when the correction is made, for the history
 *
 * Corrects a reading; the history keeps what it was. The reading may move
 * to keep the order of the times.
 *
 * Returns: %FALSE with @error when @value is not a reading
 */
gboolean
nh_episode_update_reading (NhEpisode   *self,
                           guint        position,
                           GDateTime   *time,
                           const char  *value,
                           GDateTime   *now,
                           GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *before = NULL;
  Reading *old;
  Reading reading = { 0 };

  g_return_val_if_fail (NH_IS_EPISODE (self), FALSE);
  g_return_val_if_fail (position < self->readings->len, FALSE);
  g_return_val_if_fail (time != NULL && value != NULL && now != NULL, FALSE);

  if (!(stripped = check_value (value, error)))
    return FALSE;

  old = &g_array_index (self->readings, Reading, position);
  if (g_str_equal (old->value, stripped) && g_date_time_equal (old->time, time))
    return TRUE;

  before = describe_reading (old);
  add_change (self, now, NH_EPISODE_CHANGE_READING, before);

  reading.time = g_date_time_to_utc (time);
  reading.value = g_steal_pointer (&stripped);
  reading.changed = g_date_time_to_utc (now);
  g_array_remove_index (self->readings, position);
  insert_sorted (self, &reading);
  emit_changed (self);

  return TRUE;
}

/* Removes a reading; the history keeps what it was. */
void
nh_episode_remove_reading (NhEpisode *self,
                           guint      position)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *before = NULL;

  g_return_if_fail (NH_IS_EPISODE (self));
  g_return_if_fail (position < self->readings->len);

  before = describe_reading (&g_array_index (self->readings, Reading, position));
  add_change (self, now, NH_EPISODE_CHANGE_READING_REMOVED, before);
  g_array_remove_index (self->readings, position);
  emit_changed (self);
}

guint
nh_episode_get_n_changes (NhEpisode *self)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), 0);
  return self->history->len;
}

GDateTime *
nh_episode_get_change_time (NhEpisode *self,
                            guint      position)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (position < self->history->len, NULL);
  return g_array_index (self->history, Change, position).time;
}

/* One of NH_EPISODE_CHANGE_*, or a kind from a newer version. */
const char *
nh_episode_get_change_kind (NhEpisode *self,
                            guint      position)
{
  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (position < self->history->len, NULL);
  return g_array_index (self->history, Change, position).kind;
}

/**
 * nh_episode_dup_change_before:
 * @time: (out) (optional) (transfer full): for a reading, when it was measured
 *
 * Returns: (nullable) (transfer full): what was there before: a reading's
 *   value, or the notes
 */
char *
nh_episode_dup_change_before (NhEpisode  *self,
                              guint       position,
                              GDateTime **time)
{
  const Change *change;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (NH_IS_EPISODE (self), NULL);
  g_return_val_if_fail (position < self->history->len, NULL);

  change = &g_array_index (self->history, Change, position);
  if (time != NULL)
    *time = NULL;
  if (change->detail == NULL)
    return NULL;

  if (!g_str_has_prefix (change->kind, "reading"))
    return g_strdup (change->detail);

  parts = g_strsplit (change->detail, "\t", 2);
  if (time != NULL && parts[1] != NULL)
    *time = parse_time (parts[1]);

  return g_strdup (parts[0]);
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

  /* Notes written for the first time are no change; typing on within a
   * few minutes is one change, not one per word. */
  if (*self->notes != '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      Change *last = self->history->len > 0
                     ? &g_array_index (self->history, Change, self->history->len - 1) : NULL;

      if (last != NULL && g_str_equal (last->kind, NH_EPISODE_CHANGE_NOTES) &&
          g_date_time_difference (now, last->time) < 10 * G_TIME_SPAN_MINUTE)
        {
          g_date_time_unref (last->time);
          last->time = g_steal_pointer (&now);
        }
      else
        add_change (self, now, NH_EPISODE_CHANGE_NOTES, self->notes);
    }

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

/**
 * nh_episode_parse_clock:
 * @text: a time of day as a parent types it: "2:10", "02:10", "0210",
 *   "2.10", "2h10", "14 05"
 * @day: (nullable): the day it is on (local time); NULL for the day of @now
 * @now: the time it is now
 *
 * A time typed for something that already happened: if it would be later
 * than @now, it was the day before (02:10 typed at 00:20 is not tonight).
 *
 * Returns: (transfer full) (nullable): the time, or NULL when @text is not
 *   a time of day
 */
GDateTime *
nh_episode_parse_clock (const char *text,
                        GDateTime  *day,
                        GDateTime  *now)
{
  g_autoptr(GDateTime) local_day = NULL;
  g_autoptr(GDateTime) result = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *stripped = NULL;
  guint hour = 0, minute = 0;
  guint n_digits = 0;
  gboolean separator = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  digits = g_malloc0 (strlen (stripped) + 1);

  for (const char *p = stripped; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (n_digits >= 4)
            return NULL;
          if (separator)
            minute = minute * 10 + (*p - '0');
          else
            hour = hour * 10 + (*p - '0');
          digits[n_digits++] = *p;
        }
      else if (!separator && n_digits > 0 && strchr (":.hH ", *p))
        separator = TRUE;
      else
        return NULL;
    }

  /* "0210" and "210": the last two digits are the minutes. */
  if (!separator)
    {
      if (n_digits < 3)
        {
          if (n_digits == 0)
            return NULL;
          minute = 0;
        }
      else
        {
          minute = hour % 100;
          hour = hour / 100;
        }
    }
  else if (n_digits == 0 || strlen (strpbrk (stripped, ":.hH ")) != 3)
    return NULL;

  if (hour > 23 || minute > 59)
    return NULL;

  local_day = g_date_time_to_local (day ? day : now);
  result = g_date_time_new_local (g_date_time_get_year (local_day),
                                  g_date_time_get_month (local_day),
                                  g_date_time_get_day_of_month (local_day),
                                  hour, minute, 0);
  if (result == NULL)
    return NULL;

  if (g_date_time_difference (result, now) > G_TIME_SPAN_MINUTE)
    {
      GDateTime *before = g_date_time_add_days (result, -1);

      g_date_time_unref (result);
      result = before;
    }

  return g_steal_pointer (&result);
}
